#include "kpitree/audit/check.hpp"

#include <cmath>
#include <gtest/gtest.h>

using namespace kpitree;

namespace {

struct Checked {
    Tree tree;
    std::vector<CheckResult> results;
    const CheckResult& of(const char* name) const { return results[*tree.find(name)]; }
    std::string status(const char* name) const { return status_text(tree, of(name)); }
};

Checked run(const Grid& grid, CheckOptions options = {}) {
    Checked c{read_tree(grid), {}};
    c.results = check_tree(c.tree, options);
    return c;
}

} // namespace

TEST(Check, AdditiveParentWithSubtraction) {
    const auto c = run(Grid::from_rows({
        {"Name", "Parent", "Link", "Q1", "Q2"},
        {"Profit", "", "", 30.0, 45.0},
        {"Revenue", "Profit", "+", 100.0, 120.0},
        {"Cost", "Profit", "\u2212", 70.0, 75.0},
    }));
    EXPECT_EQ(c.status("Profit"), "OK");
    EXPECT_EQ(c.of("Profit").expected[1], 45.0);
    EXPECT_EQ(c.of("Profit").residual[0], 0.0);
    EXPECT_EQ(c.status("Revenue"), "LEAF");
}

TEST(Check, MultiplicativeAndRatioParents) {
    const auto c = run(Grid::from_rows({
        {"Sales", "", "", 1000000.0, 1100000.0},
        {"Deals", "Sales", "*", 50.0, 55.0},
        {"AOV", "Sales", "*", 20000.0, 20000.0},
        {"Close rate", "", "", 0.25, 0.2},
        {"Won", "Close rate", "*", 50.0, 44.0},
        {"Meetings", "Close rate", "/", 200.0, 220.0},
    }));
    EXPECT_EQ(c.status("Sales"), "OK");
    EXPECT_EQ(c.status("Close rate"), "OK");
    EXPECT_DOUBLE_EQ(*c.of("Close rate").expected[1], 0.2);
}

TEST(Check, MismatchReportsCountWorstPeriodAndResidual) {
    const auto c = run(Grid::from_rows({
        {"Name", "Parent", "Link", "Jan", "Feb", "Mar"},
        {"Sales", "", "", 100.0, 212.5, 300.0},
        {"A", "Sales", "+", 50.0, 100.0, 150.0},
        {"B", "Sales", "+", 50.0, 100.0, 150.0},
    }));
    EXPECT_EQ(c.of("Sales").verdict, Verdict::mismatch);
    EXPECT_EQ(c.of("Sales").mismatched, 1u);
    EXPECT_EQ(c.status("Sales"), "MISMATCH 1 of 3 periods; worst Feb: residual 12.5 (6.25%)");
    EXPECT_EQ(*c.of("Sales").residual[1], 12.5);
}

TEST(Check, MultiLevelTreeChecksEveryParentOnItsOwn) {
    const auto c = run(Grid::from_rows({
        {"Sales", "", "", 1000.0},
        {"Deals", "Sales", "*", 10.0},
        {"AOV", "Sales", "*", 100.0},
        {"Meetings", "Deals", "*", 40.0},
        {"Close rate", "Deals", "*", 0.2}, // 8, not 10
    }));
    EXPECT_EQ(c.status("Sales"), "OK");
    EXPECT_EQ(c.of("Deals").verdict, Verdict::mismatch);
    EXPECT_DOUBLE_EQ(*c.of("Deals").residual[0], 2.0);
}

TEST(Check, SeveralRootsAreIndependent) {
    const auto c = run(Grid::from_rows({
        {"Sales", "", "", 10.0},
        {"X", "Sales", "+", 10.0},
        {"Retention", "", "", 0.5},
        {"Kept", "Retention", "*", 40.0},
        {"Base", "Retention", "/", 100.0},
    }));
    EXPECT_EQ(c.status("Sales"), "OK");
    EXPECT_EQ(c.of("Retention").verdict, Verdict::mismatch);
}

TEST(Check, MissingPeriodsAreSkippedAndCounted) {
    const auto c = run(Grid::from_rows({
        {"Sales", "", "", 10.0, Empty{}, 30.0},
        {"A", "Sales", "+", 4.0, 5.0, Empty{}},
        {"B", "Sales", "+", 6.0, 5.0, 9.0},
    }));
    EXPECT_EQ(c.status("Sales"), "OK 1 of 3 periods (the others lack data)");
    EXPECT_EQ(*c.of("Sales").expected[1], 10.0);
    EXPECT_FALSE(c.of("Sales").residual[1].has_value());
    EXPECT_FALSE(c.of("Sales").expected[2].has_value());
}

TEST(Check, NoComparablePeriodIsNodata) {
    const auto c = run(Grid::from_rows({
        {"Sales", "", "", Empty{}},
        {"A", "Sales", "+", 4.0},
    }));
    EXPECT_EQ(c.of("Sales").verdict, Verdict::nodata);
    EXPECT_EQ(c.status("Sales").rfind("NODATA", 0), 0u);
}

TEST(Check, DefaultToleranceAcceptsFloatingPointNoiseOnly) {
    // 0.1 + 0.2 != 0.3 in binary floating point; the default must accept it.
    const auto noise = run(Grid::from_rows({
        {"S", "", "", 0.3, 1e6},
        {"A", "S", "+", 0.1, 1e6 + 0.1},
        {"B", "S", "-", -0.2, 0.1},
    }));
    EXPECT_EQ(noise.status("S"), "OK");
    // One unit in a million is more than noise.
    const auto off = run(Grid::from_rows({{"S", "", "", 1000001.0}, {"A", "S", "+", 1e6}}));
    EXPECT_EQ(off.of("S").verdict, Verdict::mismatch);
}

TEST(Check, ToleranceIsRelativeToExpectedAndInclusiveAtTheEdge) {
    const Grid g = Grid::from_rows({{"S", "", "", 101.0}, {"A", "S", "*", 100.0}});
    EXPECT_EQ(run(g, {0.01}).of("S").verdict, Verdict::ok); // |1| <= 0.01 * 100
    EXPECT_EQ(run(g, {0.0099}).of("S").verdict, Verdict::mismatch);
    EXPECT_EQ(run(g, {0.0}).of("S").verdict, Verdict::mismatch);
}

TEST(Check, DivisionByZeroInAPeriodIsAnErrorNamingPeriodAndChild) {
    const auto c = run(Grid::from_rows({
        {"Name", "Parent", "Link", "Jan", "Feb"},
        {"Rate", "", "", 0.5, 0.5},
        {"Won", "Rate", "*", 5.0, 0.0},
        {"Tried", "Rate", "/", 10.0, 0.0},
    }));
    EXPECT_EQ(c.status("Rate"), "ERROR division by zero in Feb: 'Tried' is 0");
    EXPECT_EQ(*c.of("Rate").expected[0], 0.5);
    EXPECT_FALSE(c.of("Rate").expected[1].has_value());
}

TEST(Check, UnusableChildMakesTheParentAnErrorButHypothesisChildrenDoNot) {
    const auto c = run(Grid::from_rows({
        {"S", "", "", 3.0},
        {"A", "S", "+", "three"},
        {"T", "", "", 3.0},
        {"B", "T", "+", 3.0},
        {"H", "T", "~", "n/a"},
    }));
    EXPECT_EQ(c.status("S"),
              "ERROR child 'A' is unusable: not quantifiable: text 'three' in period 1");
    EXPECT_EQ(c.status("A"), "ERROR not quantifiable: text 'three' in period 1");
    EXPECT_EQ(c.status("T"), "OK");
}

TEST(Check, CombineIsTheSingleTreeArithmetic) {
    const Tree t = read_tree(Grid::from_rows({
        {"P", "", "", 0.0},
        {"A", "P", "*", 6.0},
        {"B", "P", "/", 3.0},
        {"C", "P", "/", 4.0},
    }));
    const auto v = combine(t, 0, [&](std::size_t c) { return t.nodes[c].values[0]; });
    EXPECT_DOUBLE_EQ(*v, 0.5);
    EXPECT_FALSE(combine(t, 1, [](std::size_t) { return 1.0; }).has_value()); // leaf
}
