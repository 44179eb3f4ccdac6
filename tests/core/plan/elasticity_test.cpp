#include "fixtures.hpp"
#include "kpitree/audit/check.hpp"
#include "kpitree/plan/elasticity.hpp"
#include "planning_fixtures.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <gtest/gtest.h>
#include <optional>

using namespace kpitree;
using kpitree::testing::at;
using kpitree::testing::spec_example;
using kpitree::testing::starts_with;
using kpitree::testing::to_grid;
using kpitree::testing::TreeMaker;

TEST(Elasticity, ProductsPassOnePercentThrough) {
    const Tree tree = read_tree(spec_example());
    const auto e = elasticities(tree);
    for (const char* n : {"Sales", "Deals", "Average order value", "Meetings", "Close rate"})
        EXPECT_NEAR(*e[at(tree, n)].value, 1.0, 1e-12) << n;
    EXPECT_TRUE(starts_with(e[at(tree, "Webinar attendance")].status, "HYPOTHESIS"));
}

TEST(Elasticity, SumsWeighByShareAndDivisorsFlipTheSign) {
    const Tree tree = read_tree(Grid::from_rows({
        {"Profit", "", "", 45.0},
        {"Revenue", "Profit", "+", 120.0},
        {"Cost", "Profit", "-", 75.0},
        {"Units", "Revenue", "*", 12.0},
        {"Price", "Revenue", "*", 20.0},
        {"Discount factor", "Revenue", "/", 2.0},
    }));
    const auto e = elasticities(tree);
    EXPECT_NEAR(*e[1].value, 120.0 / 45, 1e-14);
    EXPECT_NEAR(*e[2].value, -75.0 / 45, 1e-14);
    EXPECT_NEAR(*e[3].value, 120.0 / 45, 1e-14);
    EXPECT_NEAR(*e[5].value, -120.0 / 45, 1e-14);
}

TEST(Elasticity, ZeroKgiIsUndefined) {
    const Tree tree = read_tree(Grid::from_rows({
        {"Profit", "", "", 0.0},
        {"Revenue", "Profit", "+", 75.0},
        {"Cost", "Profit", "-", 75.0},
    }));
    const auto e = elasticities(tree);
    EXPECT_TRUE(starts_with(e[1].status, "UNDEFINED")) << e[1].status;
}

TEST(Elasticity, PropertyMatchesCentralFiniteDifferences) {
    const double h = 1e-6;
    for (unsigned seed = 1; seed <= 200; ++seed) {
        TreeMaker maker(seed, 1, true);
        const Tree tree = read_tree(to_grid(maker.make()));
        const auto e = elasticities(tree, 0);
        const double kgi = *tree.value(0, 0);
        for (std::size_t n = 0; n < tree.nodes.size(); ++n) {
            if (tree.nodes[n].link == Link::hypothesis)
                continue;
            ASSERT_TRUE(e[n].value) << e[n].status;
            // Perturb node n (its subtree is replaced by its perturbed value).
            auto kgi_with = [&](double factor) {
                std::function<double(std::size_t)> eval = [&](std::size_t m) -> double {
                    if (m == n)
                        return *tree.value(m, 0) * factor;
                    if (tree.arithmetic_children(m).empty())
                        return *tree.value(m, 0);
                    return *combine(tree, m,
                                    [&](std::size_t c) { return std::optional<double>(eval(c)); });
                };
                return eval(0);
            };
            const double fd = (kgi_with(1 + h) - kgi_with(1 - h)) / (2 * h * kgi);
            EXPECT_NEAR(*e[n].value, fd, 1e-6 * std::max(1.0, std::fabs(fd)))
                << "seed " << seed << " node " << tree.nodes[n].name;
        }
    }
}
