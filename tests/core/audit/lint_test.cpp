#include "kpitree/audit/lint.hpp"

#include <algorithm>
#include <gtest/gtest.h>

using namespace kpitree;

namespace {

std::vector<std::string> texts(const Grid& g) {
    const Tree t = read_tree(g);
    std::vector<std::string> out;
    for (const Finding& f : lint(t))
        out.push_back(finding_text(t, f));
    return out;
}

bool has(const std::vector<std::string>& all, const std::string& needle) {
    return std::any_of(all.begin(), all.end(),
                       [&](const std::string& s) { return s.find(needle) != std::string::npos; });
}

std::vector<Cell> row(const char* name, const char* parent, const char* link, int periods,
                      double value = 1.0) {
    std::vector<Cell> r{name, parent, link};
    for (int p = 0; p < periods; ++p)
        r.emplace_back(std::in_place_type<double>, value); // push_back(double): GCC 12 false
                                                           // -Wmaybe-uninitialized
    return r;
}

std::vector<Cell> text_in_second_period(const char* name, const char* parent, const char* link) {
    std::vector<Cell> r = row(name, parent, link, 1);
    r.emplace_back(std::in_place_type<std::string>, "x");
    return r;
}

} // namespace

TEST(Lint, CleanTreeIsEmpty) {
    EXPECT_TRUE(texts(Grid::from_rows({row("S", "", "", 12, 2.0), row("A", "S", "+", 12),
                                       row("B", "S", "+", 12)}))
                    .empty());
}

TEST(Lint, EveryErrorFinding) {
    const auto all = texts(Grid::from_rows({
        row("S", "", "", 12, 2.0),
        row("A", "S", "+", 12),
        row("A", "S", "+", 12),
        row("U", "Nobody", "+", 12),
        row("Me", "Me", "*", 12),
        row("C1", "C2", "+", 12),
        row("C2", "C1", "+", 12),
        text_in_second_period("T", "S", "+"),
        row("M", "", "", 12),
        row("M1", "M", "+", 12),
        row("M2", "M", "*", 12),
    }));
    EXPECT_TRUE(has(all, "ERROR A (table row 2): duplicate name 'A' (also table row 3)"));
    EXPECT_TRUE(has(all, "ERROR U (table row 4): unknown parent 'Nobody'"));
    EXPECT_TRUE(has(all, "ERROR Me (table row 5): 'Me' is its own parent"));
    EXPECT_TRUE(has(all, "ERROR C1 (table row 6): cycle: C1 \u2192 C2 \u2192 C1"));
    EXPECT_TRUE(has(all, "ERROR T (table row 8): not quantifiable: text 'x' in period 2"));
    EXPECT_TRUE(has(all, "ERROR M (table row 9): mixed operators under 'M'"));
    EXPECT_EQ(all.front().rfind("ERROR", 0), 0u);
}

TEST(Lint, WarningsAndInfos) {
    const auto all = texts(Grid::from_rows({
        row("K", "", "", 12),
        row("L1", "K", "*", 12),
        row("L2", "L1", "*", 12),
        row("L3", "L2", "*", 12),
        row("L4", "L3", "*", 12),
        row("L5", "L4", "*", 12),
        {"Empty", "K", "~"},
        {"Short", "K", "~", 1.0, 2.0, 3.0},
        {"Rooted", "", "+", 1.0},
    }));
    EXPECT_TRUE(has(all, "WARN L5 (table row 6): 5 links below its KGI 'K'"));
    EXPECT_FALSE(has(all, "L4 (table row 5): 4 links"));
    EXPECT_TRUE(has(all, "WARN Empty (table row 7): unmeasured"));
    EXPECT_TRUE(has(all, "WARN Short (table row 8): hypothesis link to 'K' has 3 periods"));
    EXPECT_TRUE(has(all, "WARN Rooted (table row 9): has the link '+' but no parent"));
    EXPECT_TRUE(has(all, "INFO Short (table row 8): no value in 9 of 12 periods"));
    EXPECT_TRUE(has(all, "INFO L1 (table row 2): has a single arithmetic child 'L2'"));
    // Sorted by severity.
    auto first_info =
        std::find_if(all.begin(), all.end(), [](auto& s) { return s.rfind("INFO", 0) == 0; });
    EXPECT_TRUE(
        std::none_of(first_info, all.end(), [](auto& s) { return s.rfind("WARN", 0) == 0; }));
}

TEST(Lint, TableErrorsHaveNoRow) {
    const auto all = texts(Grid::from_rows({{"just one column"}}));
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all.front().rfind("ERROR a tree table needs at least 4 columns", 0), 0u);
}

// The threshold used to be a separate constant (10) that disagreed with KPI.CAUSAL, which needs
// causal_min_periods(1) = 18 periods: a link lint called testable came out INSUFFICIENT.
TEST(Lint, HypothesisThresholdIsCausalMinimum) {
    EXPECT_EQ(LintOptions{}.min_hypothesis_periods, causal_min_periods(1));
    const std::size_t need = causal_min_periods(1);
    const int just_short = static_cast<int>(need) - 1;
    const auto short_tree =
        texts(Grid::from_rows({row("K", "", "", just_short), row("H", "K", "~", just_short)}));
    EXPECT_TRUE(has(short_tree, "hypothesis link to 'K' has " + std::to_string(need - 1) +
                                    " periods with both values; testing it needs at least " +
                                    std::to_string(need)));
    const auto enough = texts(Grid::from_rows(
        {row("K", "", "", static_cast<int>(need)), row("H", "K", "~", static_cast<int>(need))}));
    EXPECT_FALSE(has(enough, "hypothesis link"));
}
