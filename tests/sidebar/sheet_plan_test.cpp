#include "kpitree/plan/contrib.hpp"
#include "sheet_plan.hpp"

#include <cmath>
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

std::vector<std::string> labels(const Waterfall& w) {
    std::vector<std::string> out;
    for (const WaterfallStep& s : w.steps)
        out.push_back(s.label);
    return out;
}

TEST(SheetPlan, WaterfallStepsAreTheLeavesOfTheKgiBetweenTheTotals) {
    const Tree tree = read_tree(spec_grid());
    const auto w = waterfall_of(tree, 0, 1);
    ASSERT_TRUE(w);
    EXPECT_EQ(tree.nodes[w->kgi].name, "Sales");
    // The ~ child (Webinar attendance) is no part of the arithmetic: Meetings is a leaf.
    EXPECT_EQ(labels(*w), (std::vector<std::string>{"p1", "Meetings", "Close rate",
                                                    "Average order value", "p2"}));
    const std::vector<Contribution> c = contributions(tree, 0, 1);
    double sum = 0;
    for (std::size_t i = 1; i + 1 < w->steps.size(); ++i) {
        const WaterfallStep& s = w->steps[i];
        ASSERT_TRUE(s.node);
        EXPECT_EQ(s.contribution, *c[*s.node].value); // the core's numbers, unchanged
        EXPECT_EQ(s.increase - s.decrease, s.contribution);
        sum += s.contribution;
    }
    EXPECT_NEAR(sum, 100000, 1e-6); // the leaves add up to the KGI's change
    EXPECT_EQ(w->steps.front().total, 1000000);
    EXPECT_EQ(w->steps.back().total, 1100000);
}

TEST(SheetPlan, EachStepStandsOnTheRunningTotal) {
    const auto w = waterfall_of(read_tree(spec_grid()), 0, 1);
    ASSERT_TRUE(w);
    double running = w->steps.front().total;
    for (std::size_t i = 1; i + 1 < w->steps.size(); ++i) {
        const WaterfallStep& s = w->steps[i];
        EXPECT_NEAR(s.base, std::min(running, running + s.contribution), 1e-9);
        running += s.contribution;
    }
    EXPECT_NEAR(running, w->steps.back().total, 1e-6);
}

TEST(SheetPlan, AParentThatCannotBeSplitIsShownWhole) {
    // Deals does not equal Meetings × Close rate (MISMATCH children): Deals is one step.
    const Grid grid = Grid::from_rows({
        {std::string("Name"), std::string("Parent"), std::string("Link"), std::string("p1"),
         std::string("p2")},
        {std::string("Sales"), Empty{}, Empty{}, 1000000.0, 1100000.0},
        {std::string("Deals"), std::string("Sales"), std::string("*"), 50.0, 55.0},
        {std::string("Average order value"), std::string("Sales"), std::string("*"), 20000.0,
         20000.0},
        {std::string("Meetings"), std::string("Deals"), std::string("*"), 300.0, 220.0},
        {std::string("Close rate"), std::string("Deals"), std::string("*"), 0.25, 0.25},
    });
    const auto w = waterfall_of(read_tree(grid), 0, 1);
    ASSERT_TRUE(w);
    EXPECT_EQ(labels(*w), (std::vector<std::string>{"p1", "Deals", "Average order value", "p2"}));
}

TEST(SheetPlan, NoWaterfallWithoutTwoValuesOfAKgi) {
    const Tree tree = read_tree(spec_grid());
    EXPECT_FALSE(waterfall_of(tree, 0, 2)); // no third period
    const Grid one = Grid::from_rows({
        {std::string("Sales"), Empty{}, Empty{}, 5.0, Empty{}},
        {std::string("Deals"), std::string("Sales"), std::string("+"), 5.0, 6.0},
    });
    EXPECT_FALSE(waterfall_of(read_tree(one), 0, 1));
}

TEST(SheetPlan, BoxesFitTheirLongestLineAndCountWideCharactersTwice) {
    const diagram::Size narrow = box_size({"Sales", "1", "+1%"});
    const diagram::Size latin = box_size({"Average order value of the month", "1"});
    const diagram::Size cjk = box_size({"平均注文単価平均注文単価平均注文単価", "1"});
    EXPECT_GT(latin.width, narrow.width);
    EXPECT_GT(cjk.width, latin.width); // 36 columns against 32
    EXPECT_GT(narrow.height, latin.height);
    EXPECT_GT(narrow.width, 0);
}

TEST(SheetPlan, AWideForestGrowsToTheRight) {
    diagram::Forest forest;
    forest.sizes.assign(1001, diagram::Size{3000, 1500});
    forest.children.assign(1001, {});
    for (std::size_t i = 1; i <= 1000; ++i)
        forest.children[0].push_back(i);
    forest.tops = {0};
    EXPECT_EQ(sheet_orientation(forest, 500000), diagram::Orientation::left_right);
    forest.sizes.resize(4);
    forest.children.resize(4);
    forest.children[0] = {1, 2, 3};
    EXPECT_EQ(sheet_orientation(forest, 500000), diagram::Orientation::top_down);
}

} // namespace
} // namespace kpitree::sidebar
