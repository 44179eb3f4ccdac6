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
                                            "✔ Sales — 1,100,000",
                                            "  ✔ Deals — 55",
                                            "    Meetings — 220",
                                            "      ~? Webinar attendance — 355",
                                            "    Close rate — 0.25",
                                            "  Average order value — 20,000",
                                        }));
    EXPECT_EQ(view.nodes[0].row, 1u);    // the header is row 0
    EXPECT_FALSE(view.findings.empty()); // two periods are too few to test the ~ link
}

TEST(TreeView, MismatchMark) {
    const TreeView view = build_view(spec_grid(1100001));
    EXPECT_EQ(node_label(view.nodes[0]), "✘ Sales — 1,100,001");
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

TEST(TreeView, NumbersAreNoTree) {
    EXPECT_FALSE(build_view(Grid::from_rows({{1.0, 2.0, 3.0, 4.0}, {5.0, 6.0, 7.0, 8.0}})).is_tree);
    EXPECT_FALSE(build_view(Grid::from_rows({{std::string("Sales")}})).is_tree);
    EXPECT_FALSE(build_view(Grid()).is_tree);
}

} // namespace
} // namespace kpitree::sidebar
