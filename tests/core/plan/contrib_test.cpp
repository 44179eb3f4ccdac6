#include "fixtures.hpp"
#include "kpitree/plan/contrib.hpp"
#include "planning_fixtures.hpp"

#include <algorithm>
#include <cmath>
#include <gtest/gtest.h>
#include <string>

using namespace kpitree;
using kpitree::testing::at;
using kpitree::testing::spec_example;
using kpitree::testing::starts_with;
using kpitree::testing::to_grid;
using kpitree::testing::TreeMaker;

TEST(Contrib, SpecExampleAddsUpDownToTheLeaves) {
    const Tree tree = read_tree(spec_example());
    const auto c = contributions(tree, 0, 1);
    const auto v = [&](const char* n) { return *c[at(tree, n)].value; };
    EXPECT_DOUBLE_EQ(v("Sales"), 100000.0);
    EXPECT_NEAR(v("Deals") + v("Average order value"), 100000.0, 1e-8);
    EXPECT_NEAR(v("Meetings") + v("Close rate"), v("Deals"), 1e-8);
    EXPECT_GT(v("Meetings"), 0);   // +5 % meetings
    EXPECT_LT(v("Close rate"), 0); // close rate slipped
    EXPECT_EQ(c[at(tree, "Deals")].method, SplitMethod::lmdi);
    EXPECT_FALSE(c[at(tree, "Sales")].method);
    EXPECT_TRUE(starts_with(c[at(tree, "Webinar attendance")].status, "HYPOTHESIS"));
    EXPECT_FALSE(c[at(tree, "Webinar attendance")].value);
}

TEST(Contrib, AdditiveSplitIsTheSignedChange) {
    const Tree tree = read_tree(Grid::from_rows({
        {"Profit", "", "", 45.0, 30.0},
        {"Revenue", "Profit", "+", 120.0, 100.0},
        {"Cost", "Profit", "-", 75.0, 70.0},
    }));
    const auto c = contributions(tree, 0, 1);
    EXPECT_EQ(*c[0].value, -15.0);
    EXPECT_EQ(*c[1].value, -20.0);
    EXPECT_EQ(*c[2].value, 5.0); // lower cost raised profit
    EXPECT_EQ(c[1].method, SplitMethod::additive);
}

TEST(Contrib, LmdiMatchesTheClosedFormForTwoLevels) {
    // Multilevel LMDI where the identities hold: a leaf's contribution is L(Sales) · ln(ratio).
    const Tree tree = read_tree(Grid::from_rows({
        {"Sales", "", "", 1000000.0, 1092000.0},
        {"Deals", "Sales", "*", 50.0, 52.0},
        {"AOV", "Sales", "*", 20000.0, 21000.0},
        {"Meetings", "Deals", "*", 200.0, 130.0},
        {"Close rate", "Deals", "*", 0.25, 0.4},
    }));
    const auto c = contributions(tree, 0, 1);
    const double l = log_mean(1092000.0, 1000000.0);
    EXPECT_NEAR(*c[1].value, l * std::log(52.0 / 50), 1e-8);
    EXPECT_NEAR(*c[2].value, l * std::log(21000.0 / 20000), 1e-8);
    EXPECT_NEAR(*c[3].value, l * std::log(130.0 / 200), 1e-8);
    EXPECT_NEAR(*c[4].value, l * std::log(0.4 / 0.25), 1e-8);
}

TEST(Contrib, ShapleyOnAskAndAsFallbackForNonPositiveValues) {
    const Tree tree = read_tree(Grid::from_rows({
        {"Margin", "", "", -2000.0, 1500.0},
        {"Units", "Margin", "*", 100.0, 150.0},
        {"Unit margin", "Margin", "*", -20.0, 10.0},
    }));
    const auto lmdi = contributions(tree, 0, 1);
    EXPECT_EQ(lmdi[1].method, SplitMethod::shapley);
    EXPECT_TRUE(lmdi[1].fallback);
    // Shapley, two factors: ΔU·(m0+m1)/2 and Δm·(U0+U1)/2.
    EXPECT_DOUBLE_EQ(*lmdi[1].value, 50 * (-20.0 + 10.0) / 2);
    EXPECT_DOUBLE_EQ(*lmdi[2].value, 30 * 250.0 / 2);
    ContribOptions shapley;
    shapley.method = SplitMethod::shapley;
    const Tree positive = read_tree(spec_example());
    const auto s = contributions(positive, 0, 1, shapley);
    EXPECT_EQ(s[1].method, SplitMethod::shapley);
    EXPECT_FALSE(s[1].fallback);
    EXPECT_NEAR(*s[1].value + *s[2].value, 100000.0, 1e-8);
}

TEST(Contrib, BrokenIdentityGivesMismatchBelowIt) {
    const Tree tree = read_tree(Grid::from_rows({
        {"Sales", "", "", 1000.0, 1300.0},
        {"Deals", "Sales", "*", 10.0, 11.0},
        {"AOV", "Sales", "*", 100.0, 100.0}, // 11 × 100 = 1100, not 1300
    }));
    const auto c = contributions(tree, 0, 1);
    EXPECT_EQ(*c[0].value, 300.0);
    EXPECT_TRUE(starts_with(c[1].status, "MISMATCH")) << c[1].status;
    EXPECT_NE(c[1].status.find("'Sales'"), std::string::npos);
}

TEST(Contrib, ErrorsAndMissingValuesGiveStatuses) {
    const Tree tree = read_tree(Grid::from_rows({
        {"Sales", "", "", 100.0, 120.0},
        {"A", "Sales", "+", 60.0, 70.0},
        {"B", "Sales", "*", 40.0, 50.0}, // mixed operators under Sales
        {"Cost", "", "", 50.0, 55.0},
        {"Fixed", "Cost", "+", 30.0, Cell{}},
        {"Variable", "Cost", "+", 20.0, 25.0},
    }));
    const auto c = contributions(tree, 0, 1);
    EXPECT_TRUE(starts_with(c[0].status, "ERROR")) << c[0].status;
    EXPECT_TRUE(starts_with(c[1].status, "ERROR")) << c[1].status;
    EXPECT_EQ(*c[3].value, 5.0);
    EXPECT_TRUE(starts_with(c[4].status, "NODATA")) << c[4].status;
    EXPECT_TRUE(starts_with(c[5].status, "NODATA")) << c[5].status;
    const auto out_of_range = contributions(tree, 0, 7);
    EXPECT_TRUE(starts_with(out_of_range[3].status, "ERROR"));
}

TEST(Contrib, EmptyParentCellsUseTheChildren) {
    const Tree tree = read_tree(Grid::from_rows({
        {"Sales", "", "", Cell{}, Cell{}},
        {"Deals", "Sales", "*", 10.0, 12.0},
        {"AOV", "Sales", "*", 100.0, 110.0},
    }));
    const auto c = contributions(tree, 0, 1);
    EXPECT_DOUBLE_EQ(*c[0].value, 320.0);
    EXPECT_NEAR(*c[1].value + *c[2].value, 320.0, 1e-12);
}

TEST(Contrib, PropertyChildrenSumToTheParentOnRandomTrees) {
    for (unsigned seed = 1; seed <= 200; ++seed) {
        TreeMaker maker(seed, 3, true);
        const Tree tree = read_tree(to_grid(maker.make()));
        for (SplitMethod method : {SplitMethod::lmdi, SplitMethod::shapley}) {
            ContribOptions options;
            options.method = method;
            const auto c = contributions(tree, 0, 2, options);
            double leaves = 0, leaf_scale = 0;
            for (std::size_t n = 0; n < tree.nodes.size(); ++n) {
                if (tree.nodes[n].link == Link::hypothesis) {
                    EXPECT_TRUE(starts_with(c[n].status, "HYPOTHESIS"));
                    continue;
                }
                ASSERT_TRUE(c[n].value) << "seed " << seed << " " << c[n].status;
                const auto kids = tree.arithmetic_children(n);
                if (kids.empty()) {
                    leaves += *c[n].value;
                    leaf_scale = std::max(leaf_scale, std::fabs(*c[n].value));
                    continue;
                }
                double sum = 0, scale = std::fabs(*c[n].value);
                for (std::size_t k : kids) {
                    sum += *c[k].value;
                    scale = std::max(scale, std::fabs(*c[k].value));
                }
                EXPECT_NEAR(sum, *c[n].value, 1e-9 * scale) << "seed " << seed << " node " << n;
            }
            const double change = *tree.value(0, 2) - *tree.value(0, 0);
            EXPECT_NEAR(leaves, change, 1e-9 * std::max(std::fabs(change), leaf_scale))
                << "seed " << seed;
        }
    }
}
