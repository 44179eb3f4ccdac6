#include "kpitree/plan/rollup.hpp"
#include "planning_fixtures.hpp"

#include <functional>
#include <gtest/gtest.h>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

using namespace kpitree;
using kpitree::testing::at;
using kpitree::testing::starts_with;

TEST(Rollup, FlowsSumAndRatiosAreRecomputedFromTheirParts) {
    // Six months of a funnel rolled into quarters.
    const std::vector<double> meetings{200, 210, 190, 220, 230, 240};
    const std::vector<double> rate{0.25, 0.2, 0.3, 0.25, 0.24, 0.2};
    const std::vector<double> aov{20000, 21000, 19000, 22000, 20500, 21500};
    std::vector<std::vector<Cell>> rows{
        {"Name", "Parent", "Link", "M1", "M2", "M3", "M4", "M5", "M6"}};
    std::vector<Cell> s{"Sales", "", ""}, d{"Deals", "Sales", "*"}, a{"AOV", "Sales", "*"},
        m{"Meetings", "Deals", "*"}, r{"Close rate", "Deals", "*"};
    for (int t = 0; t < 6; ++t) {
        s.emplace_back(meetings[t] * rate[t] * aov[t]);
        d.emplace_back(meetings[t] * rate[t]);
        a.emplace_back(aov[t]);
        m.emplace_back(meetings[t]);
        r.emplace_back(rate[t]);
    }
    rows.insert(rows.end(), {s, d, a, m, r});
    const Tree tree = read_tree(Grid::from_rows(rows));
    const Rollup q = rollup(tree, 3);
    ASSERT_EQ(q.buckets.size(), 2u);
    EXPECT_FALSE(q.buckets[1].partial);
    EXPECT_EQ(bucket_label(tree, q, 0), "M1\u2013M3");
    for (std::size_t b = 0; b < 2; ++b) {
        double sales = 0, deals = 0, mtg = 0;
        for (std::size_t t = 3 * b; t < 3 * b + 3; ++t) {
            sales += meetings[t] * rate[t] * aov[t];
            deals += meetings[t] * rate[t];
            mtg += meetings[t];
        }
        const auto v = [&](const char* n) { return *q.nodes[at(tree, n)].values[b]; };
        EXPECT_NEAR(v("Sales"), sales, 1e-9 * sales);
        EXPECT_NEAR(v("Deals"), deals, 1e-12 * deals);
        EXPECT_NEAR(v("Meetings"), mtg, 0);
        EXPECT_NEAR(v("AOV"), sales / deals, 1e-9 * sales / deals); // never averaged
        EXPECT_NEAR(v("Close rate"), deals / mtg, 1e-12);
    }
    EXPECT_EQ(q.nodes[at(tree, "AOV")].kind, Kind::ratio);
    EXPECT_EQ(q.nodes[at(tree, "Close rate")].kind, Kind::ratio);
    EXPECT_EQ(q.nodes[at(tree, "Meetings")].kind, Kind::flow);
}

TEST(Rollup, PartialBucketIsFlaggedStocksTakeTheLastValue) {
    const Tree tree = read_tree(Grid::from_rows({
        {"Name", "Parent", "Link", "Jan", "Feb", "Mar", "Apr", "May"},
        {"Visits", "", "", 10.0, 20.0, 30.0, 40.0, 50.0},
        {"Customers", "", "", 100.0, 110.0, 120.0, 130.0, 140.0},
    }));
    const std::vector<std::optional<Kind>> kinds{std::nullopt, Kind::stock};
    const Rollup q = rollup(tree, 3, kinds);
    ASSERT_EQ(q.buckets.size(), 2u);
    EXPECT_TRUE(q.buckets[1].partial);
    EXPECT_EQ(q.buckets[1].count, 2u);
    EXPECT_EQ(bucket_label(tree, q, 1), "Apr\u2013May (2 of 3)");
    EXPECT_EQ(*q.nodes[0].values[0], 60.0);
    EXPECT_EQ(*q.nodes[0].values[1], 90.0);
    EXPECT_EQ(*q.nodes[1].values[0], 120.0);
    EXPECT_EQ(*q.nodes[1].values[1], 140.0);
    EXPECT_TRUE(q.nodes[1].kind_given);
    EXPECT_THROW(rollup(tree, 0), std::invalid_argument);
}

TEST(Rollup, RatioOfFlowsAndMissingValues) {
    const Tree tree = read_tree(Grid::from_rows({
        {"CTR", "", "", 0.1, 0.05, 0.2, 0.1},
        {"Clicks", "CTR", "*", 10.0, 10.0, 40.0, Cell{}},
        {"Impressions", "CTR", "/", 100.0, 200.0, 200.0, 300.0},
        {"Login rate", "", "", 0.5, 0.6, 0.7, 0.8},
    }));
    const Rollup q = rollup(tree, 2);
    EXPECT_EQ(q.nodes[0].kind, Kind::ratio);
    EXPECT_EQ(q.nodes[2].kind, Kind::flow);
    EXPECT_DOUBLE_EQ(*q.nodes[0].values[0], 20.0 / 300.0);
    EXPECT_FALSE(q.nodes[0].values[1]); // a click count is missing: no partial sum
    EXPECT_EQ(*q.nodes[2].values[1], 500.0);
    EXPECT_TRUE(starts_with(q.nodes[3].status, "UNDEFINED")) << q.nodes[3].status;
}

TEST(Rollup, DivisorRatioIsWeightedByItsBase) {
    // Leads = Spend ÷ Cost per lead: rolled CPL = ΣSpend / ΣLeads.
    const Tree tree = read_tree(Grid::from_rows({
        {"Leads", "", "", 100.0, 50.0},
        {"Spend", "Leads", "*", 1000.0, 1000.0},
        {"Cost per lead", "Leads", "/", 10.0, 20.0},
    }));
    const Rollup q = rollup(tree, 2);
    EXPECT_DOUBLE_EQ(*q.nodes[2].values[0], 2000.0 / 150.0);
    EXPECT_DOUBLE_EQ(*q.nodes[0].values[0], 150.0);
}

TEST(Rollup, PropertyFlowsSumAndRatiosAreRatiosOfRolledParts) {
    // Random funnels: KGI = carrier × ratios, the carrier a sum of flows or a funnel again.
    std::mt19937 rng(5);
    std::lognormal_distribution<double> flow(5.0, 1.0), price(3.0, 0.5);
    std::uniform_real_distribution<double> rate(0.05, 0.95), u(0, 1);
    for (int rep = 0; rep < 100; ++rep) {
        const std::size_t periods = 7, per = 3;
        std::vector<std::vector<Cell>> rows;
        std::vector<std::vector<double>> values;
        std::function<std::size_t(const std::string&, const std::string&, const std::string&, int)>
            funnel = [&](const std::string& name, const std::string& parent,
                         const std::string& link, int depth) -> std::size_t {
            const std::size_t row = rows.size();
            rows.push_back({name, parent, link});
            values.emplace_back(periods, 0.0);
            const double pick = u(rng);
            if (depth >= 2 || pick < 0.3) { // leaf flow
                for (double& v : values[row])
                    v = flow(rng);
            } else if (pick < 0.5) { // sum of flows
                const std::size_t a = funnel(name + "a", name, "+", 2);
                const std::size_t b = funnel(name + "b", name, "+", 2);
                for (std::size_t t = 0; t < periods; ++t)
                    values[row][t] = values[a][t] + values[b][t];
            } else { // carrier × rate × price ÷ divisor-ratio
                const std::size_t c = funnel(name + "c", name, "*", depth + 1);
                const std::size_t r = rows.size();
                rows.push_back({name + "r", name, "*"});
                values.emplace_back(periods);
                for (double& v : values[r])
                    v = rate(rng);
                const std::size_t p = rows.size();
                rows.push_back({name + "p", name, "/"});
                values.emplace_back(periods);
                for (double& v : values[p])
                    v = price(rng);
                for (std::size_t t = 0; t < periods; ++t)
                    values[row][t] = values[c][t] * values[r][t] / values[p][t];
            }
            return row;
        };
        funnel("K", "", "", 0);
        for (std::size_t i = 0; i < rows.size(); ++i)
            for (double v : values[i])
                rows[i].emplace_back(v);
        const Tree tree = read_tree(Grid::from_rows(rows));
        // The KGI is a flow; say so, as its values may all happen to lie in [0, 1].
        std::vector<std::optional<Kind>> kinds(tree.nodes.size());
        kinds[0] = Kind::flow;
        const Rollup q = rollup(tree, per, kinds);
        ASSERT_EQ(q.buckets.size(), 3u);
        for (std::size_t n = 0; n < tree.nodes.size(); ++n) {
            const RolledNode& r = q.nodes[n];
            ASSERT_TRUE(r.status.empty()) << r.status;
            for (std::size_t b = 0; b < q.buckets.size(); ++b) {
                double sum = 0;
                for (std::size_t t = q.buckets[b].first;
                     t < q.buckets[b].first + q.buckets[b].count; ++t)
                    sum += values[n][t];
                if (r.kind == Kind::flow) { // flows (leaves and parents): sum of the periods
                    EXPECT_NEAR(*r.values[b], sum, 1e-12 * sum) << "rep " << rep << " node " << n;
                }
                if (r.kind == Kind::ratio) { // the ratio of its parent's and carrier's roll-ups
                    const std::size_t parent = *tree.nodes[n].parent;
                    const auto kids = tree.arithmetic_children(parent);
                    const double carrier = *q.nodes[kids[0]].values[b];
                    const double whole = *q.nodes[parent].values[b];
                    if (tree.nodes[n].link == Link::multiply) { // carrier × rate × price⁻¹
                        const double other = *q.nodes[kids[2]].values[b];
                        EXPECT_NEAR(*r.values[b], whole * other / carrier, 1e-12 * *r.values[b]);
                    }
                }
            }
        }
    }
}
