#include "tree_view.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace kpitree::sidebar {
namespace {

Grid spec_grid(double sales_last = 1100000) {
    return Grid::from_rows({
        {std::string("Name"), std::string("Parent"), std::string("Link"), std::string("p1"),
         std::string("p2")},
        {std::string("Sales"), Empty{}, Empty{}, 1000000.0, sales_last},
        {std::string("Deals"), std::string("Sales"), std::string("*"), 50.0, 55.0},
        {std::string("Average order value"), std::string("Sales"), std::string("*"), 20000.0,
         20000.0},
        {std::string("Meetings"), std::string("Deals"), std::string("*"), 200.0, 220.0},
        {std::string("Close rate"), std::string("Deals"), std::string("*"), 0.25, 0.25},
        {std::string("Webinar attendance"), std::string("Meetings"), std::string("~"), 310.0,
         355.0},
    });
}

std::vector<std::string> depth_first_labels(const TreeView& view) {
    std::vector<std::string> out;
    auto walk = [&](auto&& self, std::size_t i, int depth) -> void {
        out.push_back(std::string(depth * 2, ' ') + node_label(view.nodes[i]));
        for (std::size_t c : view.nodes[i].children)
            self(self, c, depth + 1);
    };
    for (std::size_t top : view.tops)
        walk(walk, top, 0);
    return out;
}

TEST(TreeView, SpecTableAsForestWithLatestValuesAndMarks) {
    const TreeView view = build_view(spec_grid());
    ASSERT_TRUE(view.is_tree);
    EXPECT_EQ(view.periods, 2u);
    EXPECT_EQ(depth_first_labels(view), (std::vector<std::string>{
                                            "✔ Sales — 1,100,000 (+10%)",
                                            "  ✔ Deals — 55 (+10%)",
                                            "    Meetings — 220 (+10%)",
                                            "      ~? Webinar attendance — 355 (+15%)",
                                            "    Close rate — 0.25 (0.0%)",
                                            "  Average order value — 20,000 (0.0%)",
                                        }));
    EXPECT_EQ(view.nodes[0].row, 1u);    // the header is row 0
    EXPECT_FALSE(view.findings.empty()); // two periods are too few to test the ~ link
}

TEST(TreeView, MismatchMark) {
    const TreeView view = build_view(spec_grid(1100001));
    EXPECT_EQ(node_label(view.nodes[0]), "✘ Sales — 1,100,001 (+10%)");
}

TEST(TreeView, MarksComeFirstInTheirOrder) {
    ViewNode node;
    node.name = "Meetings";
    node.latest = 1234.5;
    node.marks = {Mark::holds, Mark::unsupported};
    EXPECT_EQ(node_label(node), "✔ ~✘ Meetings — 1,234.5");
    node.marks = {Mark::error};
    node.latest.reset();
    EXPECT_EQ(node_label(node), "⚠ Meetings — –");
    node.marks.clear();
    EXPECT_EQ(node_label(node), "Meetings — –");
}

TEST(TreeView, EveryRowAppearsOnceAlsoWithACycle) {
    const Grid grid = Grid::from_rows({
        {std::string("Sales"), Empty{}, Empty{}, 10.0},
        {std::string("A"), std::string("B"), std::string("+"), 1.0},
        {std::string("B"), std::string("A"), std::string("+"), 1.0},
        {std::string("C"), std::string("Nowhere"), std::string("+"), 1.0},
    });
    const TreeView view = build_view(grid);
    ASSERT_TRUE(view.is_tree);
    std::vector<int> seen(view.nodes.size(), 0);
    auto walk = [&](auto&& self, std::size_t i) -> void {
        ++seen[i];
        for (std::size_t c : view.nodes[i].children)
            self(self, c);
    };
    for (std::size_t top : view.tops)
        walk(walk, top);
    EXPECT_EQ(seen, (std::vector<int>{1, 1, 1, 1}));
    EXPECT_EQ(view.tops.front(), 0u); // the KGI first
    for (std::size_t i = 1; i < view.nodes.size(); ++i)
        EXPECT_EQ(view.nodes[i].marks, std::vector<Mark>{Mark::error}) << i;
}

// Regression: "✘ Profit" with "OK: no findings" — a mismatch the lint does not report was
// missing from the findings, so the list contradicted the tree.
TEST(TreeView, AMismatchIsAFindingThatSelectsItsRow) {
    const TreeView view = build_view(spec_grid(1100001));
    ASSERT_FALSE(view.findings.empty());
    EXPECT_EQ(view.findings.front().text.rfind("ERROR Sales (table row 2): MISMATCH", 0), 0u)
        << view.findings.front().text;
    EXPECT_EQ(view.findings.front().row, std::optional<std::size_t>(1));
}

TEST(TreeView, FindingsInTheLanguageWithTheirRows) {
    const TreeView fi = build_view(spec_grid(), lang::Language::fi);
    ASSERT_FALSE(fi.findings.empty());
    const ViewFinding& f = fi.findings.front(); // the ~ link has too few periods
    EXPECT_EQ(f.text, "WARN Webinar attendance (taulukon rivi 7): hypoteesilinkillä solmuun "
                      "'Meetings' on 2 jaksoa, joissa molemmilla on arvo; testaus vaatii "
                      "vähintään 24")
        << f.text;
    EXPECT_EQ(f.row, std::optional<std::size_t>(6));
    const TreeView en = build_view(spec_grid());
    EXPECT_EQ(en.findings.front().text.rfind("WARN Webinar attendance (table row 7): hypothesis "
                                             "link to 'Meetings' has 2 periods",
                                             0),
              0u)
        << en.findings.front().text;
}

TEST(TreeView, EveryProblemHasATranslatedMessageAndTheSameEnglish) {
    for (std::size_t i = 0; i < static_cast<std::size_t>(ProblemId::count); ++i) {
        const auto id = static_cast<ProblemId>(i);
        EXPECT_EQ(lang::text(problem_message(id), lang::Language::en), problem_pattern(id)) << i;
        for (auto language : {lang::Language::ja, lang::Language::zh_CN, lang::Language::zh_TW,
                              lang::Language::fi, lang::Language::fr})
            EXPECT_TRUE(lang::has_text(problem_message(id), language)) << i;
    }
    // The nested problem and the "and more" suffix are translated too.
    Problem p{ProblemId::above_unusable, {"A"}, 0, {Problem{ProblemId::unknown_parent, {"X"}}}};
    EXPECT_EQ(problem_text(p, lang::Language::en), kpitree::problem_text(p));
    EXPECT_EQ(problem_text(p, lang::Language::fr),
              "aucun KGI au-dessus : « A » est inutilisable (parent inconnu « X »)");
    Problem q{ProblemId::not_quantifiable_text, {"x", "M3"}, 2, {}};
    EXPECT_EQ(problem_text(q, lang::Language::en), "not quantifiable: text 'x' in M3 (and 2 more)");
    EXPECT_EQ(problem_text(q, lang::Language::fi),
              "ei mitattavissa: tekstiä 'x' jaksossa M3 (ja 2 muuta)");
}

TEST(TreeView, ChangeAndPeriod) {
    const TreeView view = build_view(spec_grid());
    EXPECT_EQ(period_line(view, lang::Language::en), "Latest period p2, change against p1");
    ASSERT_TRUE(view.nodes[0].change);
    EXPECT_NEAR(*view.nodes[0].change, 0.1, 1e-12);
    EXPECT_EQ(view.nodes[0].latest_column, 4u);
    EXPECT_EQ(default_change_text(-0.0349), "-3.5%");
    EXPECT_EQ(default_change_text(0.25), "+25%");
    // A value older than the table's latest period says which period it is.
    ViewNode node;
    node.name = "Leads";
    node.latest = 120;
    node.earlier_period = "M20";
    EXPECT_EQ(node_label(node), "Leads — 120 (M20)");
    // The panel's texts replace the defaults.
    NumberTexts texts{[](const ViewNode&) { return std::string("120,0"); },
                      [](double) { return std::string("+1,0 %"); }};
    node.change = 0.01;
    EXPECT_EQ(node_label(node, texts), "Leads — 120,0 (+1,0 %, M20)");
}

TEST(TreeView, TooltipLinesAreWrappedAtSpaces) {
    EXPECT_EQ(wrap_text("aaa bbb ccc", 7), "aaa bbb\nccc");
    EXPECT_EQ(wrap_text("ääkkönen sana", 8), "ääkkönen\nsana"); // code points, not bytes
    EXPECT_EQ(wrap_text("short", 70), "short");
}

TEST(TreeView, NumbersAreNoTree) {
    EXPECT_FALSE(build_view(Grid::from_rows({{1.0, 2.0, 3.0, 4.0}, {5.0, 6.0, 7.0, 8.0}})).is_tree);
    EXPECT_FALSE(build_view(Grid::from_rows({{std::string("Sales")}})).is_tree);
    EXPECT_FALSE(build_view(Grid()).is_tree);
}

} // namespace
} // namespace kpitree::sidebar
