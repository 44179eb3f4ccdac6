#include "fixtures.hpp"
#include "kpitree/check.hpp"
#include "kpitree/planning.hpp"

#include <cmath>
#include <functional>
#include <gtest/gtest.h>
#include <map>
#include <random>
#include <string>
#include <vector>

using namespace kpitree;
using kpitree::testing::spec_example;

namespace {

bool starts_with(const std::string& s, const char* token) {
    return s.rfind(token, 0) == 0;
}

std::size_t at(const Tree& tree, const char* name) {
    return *tree.find(name);
}

// Re-evaluates the tree bottom up from the leaves with combine(); `leaf` gives leaf values.
double evaluate(const Tree& tree, std::size_t n, const std::function<double(std::size_t)>& leaf) {
    if (tree.arithmetic_children(n).empty())
        return leaf(n);
    return *combine(tree, n,
                    [&](std::size_t c) { return std::optional<double>(evaluate(tree, c, leaf)); });
}

// ---- random trees ----------------------------------------------------------------------

struct RandomTree {
    std::vector<std::vector<Cell>> rows;
    std::vector<std::vector<double>> values; // per row
};

// Builds a random tree (depth ≤ 3, 2–3 children per parent) whose identities hold exactly in
// double arithmetic: leaves are random, parents are f(children) in table order, as combine().
class TreeMaker {
public:
    TreeMaker(unsigned seed, std::size_t periods, bool allow_minus)
        : rng_(seed), periods_(periods), allow_minus_(allow_minus) {}

    RandomTree make() {
        t_ = {};
        node("K", "", "", 0);
        return t_;
    }

private:
    std::size_t node(const std::string& name, const std::string& parent, const std::string& link,
                     int depth) {
        const std::size_t row = t_.rows.size();
        t_.rows.push_back({name, parent, link});
        t_.values.emplace_back(periods_, 0.0);
        std::uniform_real_distribution<double> u(0, 1);
        if (depth < 3 && (depth == 0 || u(rng_) < 0.6)) {
            const bool additive = u(rng_) < 0.4;
            const int k = 2 + (u(rng_) < 0.4);
            std::vector<std::size_t> kids;
            std::vector<int> signs;
            for (int i = 0; i < k; ++i) {
                int sign = 1;
                if (i > 0 && u(rng_) < 0.3 && (!additive || allow_minus_))
                    sign = -1;
                const std::string link_text =
                    additive ? (sign > 0 ? "+" : "-") : (sign > 0 ? "*" : "/");
                kids.push_back(node(name + "." + std::to_string(i), name, link_text, depth + 1));
                signs.push_back(sign);
            }
            for (std::size_t t = 0; t < periods_; ++t) {
                double v = additive ? 0.0 : 1.0;
                for (std::size_t i = 0; i < kids.size(); ++i) {
                    const double x = t_.values[kids[i]][t];
                    if (additive)
                        v = signs[i] > 0 ? v + x : v - x;
                    else
                        v = signs[i] > 0 ? v * x : v / x;
                }
                t_.values[row][t] = v;
            }
        } else {
            std::lognormal_distribution<double> level(2.0, 1.5), step(0.0, 0.15);
            double x = level(rng_);
            for (std::size_t t = 0; t < periods_; ++t) {
                t_.values[row][t] = x;
                x *= step(rng_);
            }
            // Sometimes a hypothesis child hangs below a leaf; it must not change anything.
            if (u(rng_) < 0.15) {
                t_.rows.push_back({name + "~", name, "~"});
                t_.values.emplace_back(periods_, 1.0);
            }
        }
        return row;
    }

    std::mt19937 rng_;
    std::size_t periods_;
    bool allow_minus_;
    RandomTree t_;
};

Grid to_grid(const RandomTree& t) {
    std::vector<std::vector<Cell>> rows;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        auto row = t.rows[r];
        for (double v : t.values[r])
            row.emplace_back(v);
        rows.push_back(row);
    }
    return Grid::from_rows(rows);
}

} // namespace

// ---- KPI.CONTRIB ---------------------------------------------------------------------------

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
            const double change = *tree.nodes[0].values[2] - *tree.nodes[0].values[0];
            EXPECT_NEAR(leaves, change, 1e-9 * std::max(std::fabs(change), leaf_scale))
                << "seed " << seed;
        }
    }
}

// ---- KPI.TARGET ----------------------------------------------------------------------------

TEST(Target, EqualGrowthAtEachLevelReproducesTheKgi) {
    const Tree tree = read_tree(spec_example());
    const auto t = targets(tree, 1210000.0);
    const auto v = [&](const char* n) { return *t[at(tree, n)].value; };
    EXPECT_NEAR(v("Sales"), 1210000.0, 1e-12 * 1210000.0);
    // Deals and AOV grow by the same factor, and so do Meetings and Close rate.
    const double g_deals = v("Deals") / (210.0 * 0.2476);
    EXPECT_NEAR(v("Average order value") / 21154.0, g_deals, 1e-12);
    EXPECT_NEAR(v("Meetings") / 210.0, v("Close rate") / 0.2476, 1e-12);
    EXPECT_NEAR(v("Meetings") * v("Close rate"), v("Deals"), 1e-12 * v("Deals"));
    EXPECT_TRUE(starts_with(t[at(tree, "Webinar attendance")].status, "HYPOTHESIS"));
}

TEST(Target, FlexMovesOnlyTheNamedKpis) {
    const Tree tree = read_tree(spec_example());
    TargetOptions o;
    o.flex = {"  close RATE "};
    const auto t = targets(tree, 1210000.0, o);
    const auto v = [&](const char* n) { return *t[at(tree, n)].value; };
    EXPECT_EQ(v("Average order value"), 21154.0);
    EXPECT_EQ(v("Meetings"), 210.0);
    EXPECT_NEAR(v("Close rate"), 1210000.0 / 21154.0 / 210.0, 1e-15);
    EXPECT_NEAR(v("Sales"), 1210000.0, 1e-12 * 1210000.0);
}

TEST(Target, AdditiveChildrenScaleTogetherOrAlone) {
    const Tree tree = read_tree(Grid::from_rows({
        {"Profit", "", "", 45.0},
        {"Revenue", "Profit", "+", 120.0},
        {"Cost", "Profit", "-", 75.0},
    }));
    auto t = targets(tree, 60.0);
    EXPECT_DOUBLE_EQ(*t[1].value, 160.0);
    EXPECT_DOUBLE_EQ(*t[2].value, 100.0);
    TargetOptions only_cost;
    only_cost.flex = {"Cost"};
    t = targets(tree, 60.0, only_cost);
    EXPECT_EQ(*t[1].value, 120.0);
    EXPECT_EQ(*t[2].value, 60.0);
    t = targets(tree, 130.0, only_cost); // cost would be −10
    EXPECT_TRUE(starts_with(t[2].status, "UNREACHABLE")) << t[2].status;
    EXPECT_TRUE(starts_with(t[0].status, "UNREACHABLE"));
}

TEST(Target, UnreachableAndInvalidRequestsSayWhy) {
    const Tree tree = read_tree(spec_example());
    auto t = targets(tree, -5.0);
    EXPECT_TRUE(starts_with(t[0].status, "UNREACHABLE")) << t[0].status;
    TargetOptions o;
    o.flex = {"Nonexistent"};
    t = targets(tree, 1.2e6, o);
    EXPECT_TRUE(starts_with(t[0].status, "ERROR")) << t[0].status;
    o.flex = {"Webinar attendance"};
    t = targets(tree, 1.2e6, o);
    EXPECT_TRUE(starts_with(t[0].status, "UNREACHABLE")) << t[0].status;
}

TEST(Target, SeveralKgisNeedAChoice) {
    const Tree tree = read_tree(Grid::from_rows({
        {"Sales", "", "", 100.0},
        {"Deals", "Sales", "*", 10.0},
        {"AOV", "Sales", "*", 10.0},
        {"Cost", "", "", 50.0},
    }));
    auto t = targets(tree, 121.0);
    EXPECT_TRUE(starts_with(t[0].status, "ERROR")) << t[0].status;
    TargetOptions o;
    o.kgi = 0;
    t = targets(tree, 121.0, o);
    EXPECT_DOUBLE_EQ(*t[1].value, 11.0);
    EXPECT_DOUBLE_EQ(*t[2].value, 11.0);
    EXPECT_TRUE(starts_with(t[3].status, "UNDEFINED"));
}

TEST(Target, DefaultPeriodIsTheKgisLastWithData) {
    const Tree tree = read_tree(Grid::from_rows({
        {"Sales", "", "", 100.0, 200.0, Cell{}},
        {"Deals", "Sales", "*", 10.0, 20.0, 30.0},
        {"AOV", "Sales", "*", 10.0, 10.0, 10.0},
    }));
    const auto t = targets(tree, 800.0);
    EXPECT_DOUBLE_EQ(*t[1].value, 40.0);
    EXPECT_DOUBLE_EQ(*t[2].value, 20.0);
}

TEST(Target, PropertyReproducesTheTargetOnRandomTrees) {
    std::mt19937 rng(99);
    int unreachable = 0;
    for (unsigned seed = 1; seed <= 200; ++seed) {
        TreeMaker maker(seed, 2, false);
        const RandomTree rt = maker.make();
        const Tree tree = read_tree(to_grid(rt));
        const double kgi = *tree.nodes[0].values[1];
        const double goal = kgi * std::uniform_real_distribution<double>(0.7, 1.4)(rng);
        TargetOptions o;
        if (seed % 2 == 0) { // one random flexible KPI
            std::size_t pick = 0;
            do
                pick = std::uniform_int_distribution<std::size_t>(1, tree.nodes.size() - 1)(rng);
            while (tree.nodes[pick].link == Link::hypothesis);
            o.flex = {tree.nodes[pick].name};
        }
        const auto t = targets(tree, goal, o);
        if (!o.flex.empty() && starts_with(t[0].status, "UNREACHABLE")) {
            ++unreachable; // e.g. a fixed term already exceeds the goal
            continue;
        }
        ASSERT_TRUE(t[0].value) << "seed " << seed << ": " << t[0].status;
        const double again = evaluate(tree, 0, [&](std::size_t n) { return *t[n].value; });
        EXPECT_NEAR(again, goal, 1e-12 * std::fabs(goal)) << "seed " << seed;
        EXPECT_NEAR(*t[0].value, goal, 1e-12 * std::fabs(goal)) << "seed " << seed;
        if (!o.flex.empty()) {
            const std::size_t f = *tree.find(o.flex.front());
            for (std::size_t n = 0; n < tree.nodes.size(); ++n) {
                bool related = false; // on the path above f or in f's subtree
                for (auto a = std::optional<std::size_t>(f); a && !related;
                     a = tree.nodes[*a].parent)
                    related = *a == n;
                for (auto a = std::optional<std::size_t>(n); a && !related;
                     a = tree.nodes[*a].parent)
                    related = *a == f;
                if (!related && tree.nodes[n].link != Link::hypothesis) {
                    EXPECT_EQ(*t[n].value, *tree.nodes[n].values[1]) << "seed " << seed;
                }
            }
        }
    }
    EXPECT_LT(unreachable, 30);
}

// ---- KPI.ROLLUP ----------------------------------------------------------------------------

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

// ---- KPI.ELASTICITY ------------------------------------------------------------------------

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
        const double kgi = *tree.nodes[0].values[0];
        for (std::size_t n = 0; n < tree.nodes.size(); ++n) {
            if (tree.nodes[n].link == Link::hypothesis)
                continue;
            ASSERT_TRUE(e[n].value) << e[n].status;
            // Perturb node n (its subtree is replaced by its perturbed value).
            auto kgi_with = [&](double factor) {
                std::function<double(std::size_t)> eval = [&](std::size_t m) -> double {
                    if (m == n)
                        return *tree.nodes[m].values[0] * factor;
                    if (tree.arithmetic_children(m).empty())
                        return *tree.nodes[m].values[0];
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
