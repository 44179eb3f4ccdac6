#include "fixtures.hpp"
#include "kpitree/plan/whatif.hpp"
#include "planning_fixtures.hpp"
#include "reference.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <map>
#include <string>
#include <vector>

using namespace kpitree;
using kpitree::testing::at;
using kpitree::testing::for_each_reference_line;
using kpitree::testing::starts_with;

namespace {

// Sales = Deals × AOV; Deals = Leads × Close rate; Months is a constant factor of Cost.
Grid sales_table() {
    return Grid::from_rows({{"Name", "Parent", "Link", "Kind", "Jan", "Feb"},
                            {"Sales", "", "", "", 9000.0, 10000.0},
                            {"Deals", "Sales", "*", "", 90.0, 100.0},
                            {"Leads", "Deals", "*", "", 900.0, 1000.0},
                            {"Close rate", "Deals", "*", "", 0.1, 0.1},
                            {"AOV", "Sales", "*", "", 100.0, 100.0},
                            {"Cost", "", "", "", 300.0, 300.0},
                            {"Monthly cost", "Cost", "*", "", 100.0, 100.0},
                            {"Months", "Cost", "*", "constant", 3.0, 3.0}});
}

double value(const Tree& tree, const std::vector<WhatIfRow>& rows, const char* name) {
    const PlanValue& v = rows[at(tree, name)].value;
    EXPECT_TRUE(v.value.has_value()) << name << ": " << v.status;
    return v.value.value_or(NAN);
}

} // namespace

TEST(WhatIf, ALeafChangeIsRecomputedUpToItsKgi) {
    const Tree tree = read_tree(sales_table());
    const auto rows = what_if(tree, {{at(tree, "Leads"), 0.1, true}}); // +10 % in Feb
    EXPECT_NEAR(value(tree, rows, "Leads"), 1100.0, 1e-9);
    EXPECT_NEAR(value(tree, rows, "Deals"), 110.0, 1e-9);
    EXPECT_NEAR(value(tree, rows, "Sales"), 11000.0, 1e-9);
    EXPECT_NEAR(*rows[at(tree, "Sales")].change, 1000.0, 1e-9);
    EXPECT_EQ(*rows[at(tree, "AOV")].change, 0.0); // not reached: unchanged
    EXPECT_EQ(value(tree, rows, "Cost"), 300.0);   // another KGI: unchanged
    EXPECT_EQ(*rows[at(tree, "Cost")].change, 0.0);
}

TEST(WhatIf, AParentChangeIsSpreadAsTargetWouldAndConstantsStay) {
    const Tree tree = read_tree(sales_table());
    const auto rows = what_if(tree, {{at(tree, "Cost"), 360.0, false}}, 0);
    EXPECT_NEAR(value(tree, rows, "Cost"), 360.0, 1e-9);
    EXPECT_NEAR(value(tree, rows, "Monthly cost"), 120.0, 1e-9); // the only lever
    EXPECT_EQ(value(tree, rows, "Months"), 3.0);
    const auto deals = what_if(tree, {{at(tree, "Deals"), 121.0, false}});
    // Equal growth over Leads and Close rate: each × 1.1; Sales follows.
    EXPECT_NEAR(value(tree, deals, "Leads"), 1100.0, 1e-9);
    EXPECT_NEAR(value(tree, deals, "Close rate"), 0.11, 1e-12);
    EXPECT_NEAR(value(tree, deals, "Sales"), 12100.0, 1e-9);
}

TEST(WhatIf, HypothesisLinksDoNotCarryAChange) {
    const Tree tree = read_tree(Grid::from_rows({{"Name", "Parent", "Link", "P1"},
                                                 {"Sales", "", "", 100.0},
                                                 {"Online", "Sales", "+", 60.0},
                                                 {"Shops", "Sales", "+", 40.0},
                                                 {"Ads", "Online", "~", 10.0}}));
    const auto rows = what_if(tree, {{at(tree, "Ads"), 20.0, false}});
    EXPECT_EQ(value(tree, rows, "Ads"), 20.0);
    EXPECT_EQ(value(tree, rows, "Online"), 60.0);
    EXPECT_EQ(value(tree, rows, "Sales"), 100.0);
}

TEST(WhatIf, BadChangesMakeEveryRowAnErrorThatNamesThem) {
    const Tree tree = read_tree(sales_table());
    const auto expect_error = [&](const std::vector<WhatIfChange>& changes, const char* text) {
        for (const WhatIfRow& r : what_if(tree, changes)) {
            EXPECT_FALSE(r.value.value.has_value());
            EXPECT_TRUE(starts_with(r.value.status, text)) << r.value.status;
        }
    };
    expect_error({{at(tree, "Months"), 4.0, false}}, "ERROR 'Months' is a constant");
    expect_error({{at(tree, "Deals"), 110.0, false}, {at(tree, "Leads"), 1.0, false}},
                 "ERROR the changes to ");
    expect_error({{at(tree, "Leads"), NAN, false}}, "ERROR the change to 'Leads' is not a finite");
    expect_error({{at(tree, "Leads"), 1e308, true}}, "ERROR the change to 'Leads' leaves");
}

TEST(WhatIf, AParentThatDisagreesWithItsChildrenIsNotRecomputed) {
    Grid table = sales_table();
    table.at(2, 5) = 120.0; // Deals says 120 in Feb, its children give 100
    const Tree tree = read_tree(table);
    const auto rows = what_if(tree, {{at(tree, "Leads"), 1100.0, false}});
    EXPECT_TRUE(starts_with(rows[at(tree, "Deals")].value.status, "MISMATCH 'Deals' is 120"));
    EXPECT_TRUE(starts_with(rows[at(tree, "Sales")].value.status, "MISMATCH 'Deals' is 120"));
    EXPECT_EQ(value(tree, rows, "Leads"), 1100.0);
}

TEST(WhatIf, MatchesExactRationalReferenceOnRandomTrees) {
    // tests/reference/gen_whatif.py: 40 random trees of sums and products, leaf changes.
    struct Case {
        std::vector<std::vector<Cell>> rows{{"Name", "Parent", "Link", "P1"}};
        std::vector<std::pair<std::string, WhatIfChange>> changes;
        std::map<std::string, std::pair<double, double>> expect;
    };
    std::vector<Case> cases;
    for_each_reference_line("whatif_cases.txt", [&](const std::string& key, auto& rest) {
        std::string a, b, c, d;
        if (key == "case") {
            cases.emplace_back();
        } else if (key == "node") {
            rest >> a >> b >> c >> d;
            cases.back().rows.push_back(
                {a, b == "." ? "" : b, c == "." ? "" : c, d == "." ? Cell() : Cell(std::stod(d))});
        } else if (key == "change") {
            rest >> a >> b >> c;
            cases.back().changes.push_back({a, {0, std::stod(c), b == "rel"}});
        } else if (key == "expect") {
            rest >> a >> b >> c;
            cases.back().expect[a] = {std::stod(b), std::stod(c)};
        }
    });
    ASSERT_EQ(cases.size(), 40u);
    for (Case& k : cases) {
        const Tree tree = read_tree(Grid::from_rows(k.rows));
        std::vector<WhatIfChange> changes;
        for (auto& [name, change] : k.changes) {
            change.node = at(tree, name.c_str());
            changes.push_back(change);
        }
        const auto rows = what_if(tree, changes);
        for (const auto& [name, e] : k.expect) {
            const WhatIfRow& r = rows[at(tree, name.c_str())];
            ASSERT_TRUE(r.value.value && r.change) << name << ": " << r.value.status;
            const double scale =
                std::max({std::fabs(e.first), std::fabs(e.first - e.second), 1e-300});
            EXPECT_NEAR(*r.value.value, e.first, 1e-11 * scale) << name;
            EXPECT_NEAR(*r.change, e.second, 1e-11 * scale) << name;
        }
    }
}

// Issue 14's properties on random multi-level trees: no change reproduces the table at every
// row, and a changed parent reaches exactly its new value (its subtree spread as TARGET would).
TEST(WhatIf, PropertiesOnRandomTrees) {
    for (unsigned seed = 1; seed <= 60; ++seed) {
        const kpitree::testing::RandomTree random =
            kpitree::testing::TreeMaker(seed, 2, true).make();
        const Tree tree = read_tree(kpitree::testing::to_grid(random));
        const auto same = what_if(tree, {}, 1);
        for (std::size_t i = 0; i < tree.nodes.size(); ++i) {
            SCOPED_TRACE(::testing::Message() << "seed " << seed << " row " << tree.nodes[i].name);
            ASSERT_TRUE(same[i].value.value) << same[i].value.status;
            EXPECT_EQ(*same[i].value.value, *tree.value(i, 1));
        }
        for (std::size_t i = 0; i < tree.nodes.size(); ++i) {
            if (tree.arithmetic_children(i).empty())
                continue;
            SCOPED_TRACE(::testing::Message()
                         << "seed " << seed << " parent " << tree.nodes[i].name);
            const double target = *tree.value(i, 1) * 1.1;
            const auto rows = what_if(tree, {{i, target, false}}, 1);
            ASSERT_TRUE(rows[i].value.value) << rows[i].value.status;
            EXPECT_NEAR(*rows[i].value.value, target, 1e-9 * std::fabs(target));
        }
    }
}
