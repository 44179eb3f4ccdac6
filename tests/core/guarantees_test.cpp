// Regression tests for SPEC's "Guarantees": no silently wrong number, no crash, no blow-up.
// Each test names the defect it guards against in its first line.
#include "fixtures.hpp"
#include "kpitree/audit/lint.hpp"
#include "kpitree/functions.hpp"
#include "kpitree/plan/contrib.hpp"
#include "kpitree/plan/elasticity.hpp"
#include "kpitree/plan/planning.hpp"
#include "kpitree/plan/rollup.hpp"
#include "kpitree/plan/target.hpp"

#include <chrono>
#include <cmath>
#include <gtest/gtest.h>
#include <limits>
#include <random>
#include <string>
#include <vector>

using namespace kpitree;
using kpitree::testing::is_number_at;
using kpitree::testing::number_at;
using kpitree::testing::text_at;

namespace {

bool starts_with(const std::string& s, const std::string& token) {
    return s.rfind(token, 0) == 0;
}

// No cell of the result is a number.
void expect_no_numbers(const Grid& g, const std::string& what) {
    for (std::size_t r = 0; r < g.rows(); ++r)
        for (std::size_t c = 0; c < g.columns(); ++c)
            EXPECT_FALSE(is_number_at(g, r, c))
                << what << ": row " << r << " column " << c << " is " << number_at(g, r, c);
}

// Total = Online + Shops, Shops' link cell holding `link`.
Grid total_with_shops_link(const std::string& link) {
    return Grid::from_rows({{"Name", "Parent", "Link", "Q1", "Q2"},
                            {"Total", "", "", 100.0, 120.0},
                            {"Online", "Total", "+", 75.0, 90.0},
                            {"Shops", "Total", link, 25.0, 30.0}});
}

// A chain K <- N1 <- N2 ... <- N{depth}, + links; parents' values empty when `sparse`.
Grid chain(std::size_t depth, bool sparse) {
    Grid g(depth + 2, 5);
    const std::vector<std::string> header{"Name", "Parent", "Link", "P1", "P2"};
    for (std::size_t c = 0; c < header.size(); ++c)
        g.at(0, c) = header[c];
    for (std::size_t i = 0; i <= depth; ++i) {
        g.at(i + 1, 0) = "N" + std::to_string(i);
        if (i > 0) {
            g.at(i + 1, 1) = "N" + std::to_string(i - 1);
            g.at(i + 1, 2) = std::string("+");
        }
        if (!sparse || i == depth) {
            g.at(i + 1, 3) = 5.0;
            g.at(i + 1, 4) = 6.0;
        }
    }
    return g;
}

} // namespace

TEST(Guarantees, MissingOrInvalidLinkMakesEveryPlanningResultOfTheParentAnError) {
    // A missing or mistyped Link silently dropped the child: ROLLUP gave Total 165 for 220,
    // TARGET planned Total 200 through Online alone, ELASTICITY gave Online 1 (true 0.75).
    for (const std::string link : {"", "plus"}) {
        const Grid table = total_with_shops_link(link);
        SCOPED_TRACE("link '" + link + "'");
        const Grid rollup = rollup_cells(table, 2);
        EXPECT_TRUE(starts_with(text_at(rollup, 1), "ERROR")) << text_at(rollup, 1);
        EXPECT_NE(text_at(rollup, 1).find("Shops"), std::string::npos) << text_at(rollup, 1);
        const Grid target = target_cells(table, 200);
        expect_no_numbers(target, "TARGET");
        EXPECT_NE(text_at(target, 1).find("Shops"), std::string::npos) << text_at(target, 1);
        const Grid elasticity = elasticity_cells(table);
        expect_no_numbers(elasticity, "ELASTICITY");
        EXPECT_NE(text_at(elasticity, 2).find("Shops"), std::string::npos);
        const Grid contrib = contrib_cells(table, 1.0, 2.0);
        expect_no_numbers(contrib, "CONTRIB");
        EXPECT_NE(text_at(contrib, 1).find("Shops"), std::string::npos) << text_at(contrib, 1);
        const Grid expected = expected_cells(table);
        EXPECT_FALSE(is_number_at(expected, 1)) << "EXPECTED of Total without Shops";
    }
}

TEST(Guarantees, ProductOverflowIsAnErrorNotOk) {
    // Sales 5 = A 1e200 × B 1e200 checked OK: inf compared with a tolerance of inf.
    const Grid table = Grid::from_rows(
        {{"Sales", "", "", 5.0}, {"A", "Sales", "*", 1e200}, {"B", "Sales", "*", 1e200}});
    const Grid check = check_cells(table, {});
    EXPECT_TRUE(starts_with(text_at(check, 0), "ERROR overflow")) << text_at(check, 0);
    EXPECT_FALSE(is_number_at(expected_cells(table), 0));
    EXPECT_FALSE(is_number_at(residual_cells(table), 0));
}

TEST(Guarantees, SumOverflowIsAnErrorNotOk) {
    const Grid table = Grid::from_rows(
        {{"Sales", "", "", 5.0}, {"A", "Sales", "+", 1.7e308}, {"B", "Sales", "+", 1.7e308}});
    const Grid check = check_cells(table, {});
    EXPECT_TRUE(starts_with(text_at(check, 0), "ERROR overflow")) << text_at(check, 0);
}

TEST(Guarantees, SumsBeyondDoubleRangeOnTheWayAreExact) {
    // 1.7e308 + 1.7e308 − 1.7e308 is 1.7e308: the intermediate overflow must not leak out.
    const Grid table = Grid::from_rows({{"Sales", "", "", 1.7e308},
                                        {"A", "Sales", "+", 1.7e308},
                                        {"B", "Sales", "+", 1.7e308},
                                        {"C", "Sales", "-", 1.7e308}});
    EXPECT_EQ(text_at(check_cells(table, {}), 0), "OK");
    const Grid wrong = Grid::from_rows({{"Sales", "", "", 5.0},
                                        {"A", "Sales", "+", 1.7e308},
                                        {"B", "Sales", "+", 1.7e308},
                                        {"C", "Sales", "-", 1.7e308}});
    EXPECT_EQ(text_at(check_cells(wrong, {}), 0),
              "MISMATCH 1 of 1 period; worst period 1: residual -1.7e+308 (-100%)");
}

TEST(Guarantees, CancellationInSumsIsCompensated) {
    // Y = 1e16 + 1 − 1e16 with Y = 1: the naive sum is 0.
    const Grid table = Grid::from_rows({{"Name", "Parent", "Link", "P1", "P2"},
                                        {"Y", "", "", 1.0, 2.0},
                                        {"A", "Y", "+", 1e16, 1e16},
                                        {"B", "Y", "+", 1.0, 2.0},
                                        {"C", "Y", "-", 1e16, 1e16}});
    EXPECT_EQ(text_at(check_cells(table, 0.0), 1), "OK");
    EXPECT_EQ(number_at(expected_cells(table), 1, 0), 1.0);
    EXPECT_EQ(number_at(expected_cells(table), 1, 1), 2.0);
    EXPECT_EQ(number_at(residual_cells(table), 1, 0), 0.0);
    const Grid contrib = contrib_cells(table, 1.0, 2.0);
    EXPECT_EQ(number_at(contrib, 1), 1.0) << text_at(contrib, 1);
    EXPECT_EQ(number_at(contrib, 3), 1.0) << text_at(contrib, 3);
    const Grid rollup = rollup_cells(table, 2);
    EXPECT_EQ(number_at(rollup, 1), 3.0) << text_at(rollup, 1);
}

TEST(Guarantees, ExtremeTargetsNeverGiveANumberThatMissesTheTarget) {
    // TARGET dereferenced an empty optional at 1.79e308: 0, 77, −53, 0 in release builds.
    const Grid table = Grid::from_rows({{"Sales", "", "", 100.0},
                                        {"Deals", "Sales", "*", 5.0},
                                        {"AOV", "Sales", "*", 20.0},
                                        {"Leads", "Deals", "+", 3.0},
                                        {"Calls", "Deals", "+", 2.0}});
    for (double goal : {1.79e308, -1.79e308, 1e-308, 4.9e-324}) {
        SCOPED_TRACE(goal);
        const Grid t = target_cells(table, goal);
        if (!is_number_at(t, 0)) { // refused with a status: then no row is a number
            expect_no_numbers(t, "TARGET");
            continue;
        }
        EXPECT_NEAR(number_at(t, 0), goal, std::fabs(goal) * 1e-9);
        for (std::size_t r = 0; r < t.rows(); ++r)
            EXPECT_TRUE(!is_number_at(t, r) || std::isfinite(number_at(t, r))) << r;
    }
}

TEST(Guarantees, DeepChainsAnswerWithoutRecursion) {
    // 12,000 levels overflowed the stack in CONTRIB, TARGET and ROLLUP and killed the office.
    for (bool sparse : {false, true}) {
        SCOPED_TRACE(sparse ? "parents empty" : "parents reported");
        const std::size_t depth = 100000;
        const Grid table = chain(depth, sparse);
        const auto start = std::chrono::steady_clock::now();
        EXPECT_EQ(text_at(check_cells(table, {}, std::string("N0")), 0),
                  sparse ? "NODATA no period has values for this KPI and all its children" : "OK");
        EXPECT_EQ(number_at(contrib_cells(table, 1.0, 2.0, {}, std::string("N0")), 0), 1.0);
        EXPECT_EQ(number_at(contrib_cells(table, 1.0, 2.0, {}, std::string("N50000")), 0), 1.0);
        const Grid target =
            target_cells(table, 12.0, 2.0, {}, std::string("N" + std::to_string(depth)));
        EXPECT_EQ(number_at(target, 0), 12.0) << text_at(target, 0);
        const Grid rollup = rollup_cells(table, 2);
        EXPECT_EQ(number_at(rollup, 1), 11.0) << text_at(rollup, 1);
        EXPECT_EQ(number_at(elasticity_cells(table, {}, std::string("N77777")), 0), 1.0);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        EXPECT_LT(seconds, 60.0) << "a hang guard, not a speed test";
    }
}

TEST(Guarantees, MessagesListingOtherRowsAreCapped) {
    // 8,000 rows with one name took 11.6 s and 2 GB: every message listed every duplicate.
    const std::size_t n = 8000;
    Grid table(n, 4);
    for (std::size_t i = 0; i < n; ++i) {
        table.at(i, 0) = std::string("Sales");
        table.at(i, 3) = 1.0;
    }
    const Grid check = check_cells(table, {});
    const std::string first = text_at(check, 0);
    EXPECT_TRUE(starts_with(first, "ERROR duplicate name")) << first;
    EXPECT_NE(first.find("and 7,996 more"), std::string::npos) << first;
    EXPECT_LT(first.size(), 200u);
    const Tree tree = read_tree(table);
    for (const auto& finding : lint(tree))
        EXPECT_LT(finding_text(tree, finding).size(), 300u);
}

TEST(Guarantees, SeveralKgisMessageIsCapped) {
    // KPI.TARGET on 2,000 KGIs added 1 GB: every row listed every KGI.
    const std::size_t n = 2000;
    Grid table(n, 4);
    for (std::size_t i = 0; i < n; ++i) {
        table.at(i, 0) = "K" + std::to_string(i);
        table.at(i, 3) = 1.0;
    }
    const Grid t = target_cells(table, 5.0);
    EXPECT_TRUE(starts_with(text_at(t, 0), "ERROR the table has several KGIs")) << text_at(t, 0);
    EXPECT_LT(text_at(t, 0).size(), 200u) << text_at(t, 0);
    EXPECT_NE(text_at(t, 0).find("and 1,997 more"), std::string::npos) << text_at(t, 0);
}

TEST(Guarantees, GrangerRefusesLagsThatWouldNeverAnswer) {
    // KPI.GRANGER(A1:A6000;B1:B6000;1999) never answered.
    Grid y(6000, 1), x(6000, 1);
    std::mt19937 rng(7);
    std::normal_distribution<double> noise;
    for (std::size_t i = 0; i < 6000; ++i) {
        y.at(i, 0) = noise(rng);
        x.at(i, 0) = noise(rng);
    }
    EXPECT_THROW(granger_cells(y, x, 1999), ArgumentError);
    EXPECT_THROW(granger_cells(y, x, 5999), ArgumentError);
    EXPECT_NO_THROW(granger_cells(y, x, 100));
}

TEST(Guarantees, RollupSaysWhyABucketIsEmptyOnAZeroDivisor) {
    // A zero divisor left a ROLLUP bucket blank with no reason.
    const Grid table = Grid::from_rows({{"Name", "Parent", "Link", "P1", "P2", "P3", "P4"},
                                        {"Rate", "", "", 0.5, 0.5, 0.5, 0.5},
                                        {"Won", "Rate", "*", 1.0, 1.0, 0.0, 1.0},
                                        {"Calls", "Rate", "/", 2.0, 2.0, 0.0, 0.0}});
    const Grid rollup = rollup_cells(table, 2);
    for (std::size_t r = 1; r < rollup.rows(); ++r)
        for (std::size_t c = 0; c + 1 < rollup.columns(); ++c) // the last: "Rolled up as"
            EXPECT_TRUE(is_number_at(rollup, r, c) ||
                        starts_with(text_at(rollup, r, c), "ERROR division by zero"))
                << "row " << r << " bucket " << c << ": " << text_at(rollup, r, c);
}

TEST(Guarantees, PartialBucketLabelNamesBothCounts) {
    // A single partial bucket read "(24 of more)".
    const Grid rollup = rollup_cells(Grid::from_rows({{"Name", "Parent", "Link", "a", "b", "c"},
                                                      {"Sales", "", "", 1.0, 2.0, 3.0}}),
                                     4);
    EXPECT_EQ(text_at(rollup, 0), "a\u2013c (3 of 4)");
}

TEST(Guarantees, PadjustNeverShowsNegativeZero) {
    const Grid p = padjust_cells(Grid::from_rows({{-0.0, 0.5}}), "holm");
    EXPECT_FALSE(std::signbit(number_at(p, 0, 0)));
}

TEST(Guarantees, OneWildSeriesSpoilsOnlyItsOwnCausalLink) {
    // KPI.CAUSAL turned the whole column into Err:519 when one series swung ±1.7e308.
    std::vector<std::vector<Cell>> rows{{"Name", "Parent", "Link"}};
    for (int t = 0; t < 30; ++t)
        rows[0].push_back("m" + std::to_string(t));
    auto add = [&](const std::string& name, const std::string& parent, const std::string& link,
                   auto value) {
        std::vector<Cell> row{name, parent, link};
        for (int t = 0; t < 30; ++t) // emplace: push_back(double) trips GCC 12's false
            row.emplace_back(std::in_place_type<double>, value(t)); // -Wmaybe-uninitialized
        rows.push_back(row);
    };
    add("Sales", "", "",
        [](int t) { return 100.0 + std::sin(t) * 10 + t + 5 * std::cos(0.7 * t * t); });
    add("Wild", "Sales", "~", [](int t) { return t % 2 ? 1.7e308 : -1.7e308; });
    add("Calm", "Sales", "~", [](int t) { return 50.0 + std::cos(3.0 * t * t) * 5; });
    const Grid causal = causal_cells(Grid::from_rows(rows));
    ASSERT_EQ(causal.rows(), 4u);
    for (std::size_t r = 2; r <= 3; ++r)
        EXPECT_TRUE(std::holds_alternative<std::string>(causal.at(r, 0))) << r;
    EXPECT_TRUE(starts_with(text_at(causal, 3), "SUPPORTED") ||
                starts_with(text_at(causal, 3), "UNSUPPORTED"))
        << text_at(causal, 3);
}

namespace {

// Quarterly revenue = subscribers × ARPU × months per quarter, with a Kind column.
Grid subscription_pnl(const std::string& subscribers_kind) {
    return Grid::from_rows(
        {{"Name", "Parent", "Link", "Kind", "Q1", "Q2", "Q3", "Q4"},
         {"Revenue", "", "", "flow", 9000.0, 9900.0, 10800.0, 16200.0},
         {"Subscribers", "Revenue", "*", subscribers_kind, 100.0, 110.0, 120.0, 150.0},
         {"ARPU", "Revenue", "*", "", 30.0, 30.0, 30.0, 36.0},
         {"Months per quarter", "Revenue", "*", "constant", 3.0, 3.0, 3.0, 3.0}});
}

} // namespace

TEST(Guarantees, AFlowRollsUpToTheSumOfItsOwnPeriods) {
    // ROLLUP rebuilt parents from their children: a flow parent of a stock and a ratio gave
    // 6600/9360 (×3 here) where its own periods add up to 6300/9000 (×3).
    for (const std::string kind : {"stock", ""}) {
        SCOPED_TRACE("subscribers kind '" + kind + "'");
        const Grid rollup = rollup_cells(subscription_pnl(kind), 2);
        EXPECT_EQ(number_at(rollup, 1, 0), 18900.0) << text_at(rollup, 1, 0);
        EXPECT_EQ(number_at(rollup, 1, 1), 27000.0) << text_at(rollup, 1, 1);
        EXPECT_EQ(number_at(rollup, 4, 1), 3.0); // a constant stays itself
        if (kind == "stock") {
            EXPECT_EQ(number_at(rollup, 2, 1), 150.0); // the stock at the bucket's end
            EXPECT_EQ(number_at(rollup, 3, 0), 30.0);  // ARPU weighted by subscribers
            EXPECT_NEAR(number_at(rollup, 3, 1), (120.0 * 30 + 150.0 * 36) / 270.0, 1e-12);
        }
    }
}

TEST(Guarantees, RolledUpChildrenThatBreakTheIdentitySaySo) {
    // Sales = Deals × AOV with Sales off in Q2: its own sum stands against f(rolled children).
    const Grid table = Grid::from_rows({{"Name", "Parent", "Link", "M1", "M2", "M3", "M4"},
                                        {"Sales", "", "", 100.0, 120.0, 130.0, 200.0},
                                        {"Deals", "Sales", "*", 10.0, 12.0, 13.0, 14.0},
                                        {"AOV", "Sales", "*", 10.0, 10.0, 10.0, 10.0}});
    const Grid rollup = rollup_cells(table, 2);
    EXPECT_EQ(number_at(rollup, 1, 0), 220.0);
    EXPECT_TRUE(starts_with(text_at(rollup, 1, 1), "MISMATCH 'Sales' rolls up to 330"))
        << text_at(rollup, 1, 1);
}

TEST(Guarantees, ConstantsAreNeverLevers) {
    // A "Months per quarter = 3" row got a KPI.TARGET of 3.0987 and an elasticity of 1.
    const Grid table = subscription_pnl("stock");
    const Grid target = target_cells(table, 20000.0);
    EXPECT_EQ(number_at(target, 4), 3.0) << text_at(target, 4);
    EXPECT_NEAR(number_at(target, 1), 20000.0, 1e-6);
    EXPECT_NEAR(number_at(target, 2) * number_at(target, 3) * 3.0, 20000.0, 1e-6);
    const Grid elasticity = elasticity_cells(table);
    EXPECT_EQ(number_at(elasticity, 2), 1.0);
    EXPECT_TRUE(starts_with(text_at(elasticity, 4), "UNDEFINED")) << text_at(elasticity, 4);
    EXPECT_NE(text_at(elasticity, 4).find("constant"), std::string::npos);
    // Named as flexible, a constant still does not move: nothing else may, so unreachable.
    const Grid only_constant =
        target_cells(table, 20000.0, {}, {std::string("Months per quarter")});
    expect_no_numbers(only_constant, "TARGET with only a constant flexible");
}

TEST(Guarantees, InvalidKindIsARowError) {
    Grid table = subscription_pnl("stocks");
    EXPECT_TRUE(starts_with(text_at(check_cells(table, {}), 2), "ERROR invalid kind 'stocks'"))
        << text_at(check_cells(table, {}), 2);
}

TEST(Guarantees, GrangerOnValuesNearTheDoubleLimitIsUndefinedNotNaN) {
    // Fuzz finding granger_cells-1: sums of squares overflowed and the p-value was NaN.
    const Grid effect = Grid::from_rows(
        {{-152.0}, {12.0}, {358.83}, {4.28e307}, {-1.37e308}, {3.58e307}, {7.0}, {1.0}});
    const Grid cause = Grid::from_rows({{1.0}, {3.0}, {-2.0}, {5.0}, {8.0}, {1e308}, {2.0}, {4.0}});
    EXPECT_THROW(granger_cells(effect, cause, 1), UndefinedResult);
}

TEST(Guarantees, AResidualBeyondTheRangeOfNumbersIsAnError) {
    // Fuzz finding residual_cells-1: 1.7e308 − (−8.5e307) gave a residual of +inf.
    const Grid table =
        Grid::from_rows({{"Y", "", "", 1.7e308}, {"A", "Y", "+", -8.5e307}, {"B", "Y", "+", 1.0}});
    EXPECT_TRUE(starts_with(text_at(check_cells(table, {}), 0), "ERROR overflow"));
    const Grid residual = residual_cells(table);
    for (std::size_t c = 0; c < residual.columns(); ++c)
        EXPECT_FALSE(is_number_at(residual, 0, c));
}

TEST(Guarantees, ARollUpBeyondTheRangeOfNumbersIsAnError) {
    // Fuzz finding rollup_cells-1: DBL_MAX + DBL_MAX summed to inf.
    const Grid table =
        Grid::from_rows({{"Name", "Parent", "Link", "P1", "P2"}, {"Y", "", "", 1.7e308, 1.7e308}});
    const Grid rollup = rollup_cells(table, 2);
    EXPECT_TRUE(starts_with(text_at(rollup, 1), "ERROR overflow")) << text_at(rollup, 1);
}

TEST(Guarantees, KindsLongerThanTheUsedTableOnlyByBlanksAreAccepted) {
    // The add-in passes a whole-column table without its blank tail, the kinds as selected.
    const Grid table = Grid::from_rows(
        {{"Name", "Parent", "Link", "M1", "M2"}, {"Customers", "", "", 10.0, 12.0}});
    Grid kinds(5, 1);
    kinds.at(1, 0) = std::string("stock");
    EXPECT_EQ(number_at(rollup_cells(table, 2, kinds), 1), 12.0);
    kinds.at(4, 0) = std::string("flow");
    EXPECT_THROW(rollup_cells(table, 2, kinds), ArgumentError);
}

TEST(Guarantees, TargetForOneRowAnswersAsItsRowInTheArray) {
    // A fill-down column must show what the array shows: with several KGIs and no KGI named,
    // the one-row form is the same ERROR as the array's row (fuzz oracle: node form = row).
    const Grid table = Grid::from_rows(
        {{"A", "", "", 10.0}, {"A1", "A", "*", 2.0}, {"A2", "A", "*", 5.0}, {"B", "", "", 3.0}});
    EXPECT_EQ(text_at(target_cells(table, 40.0, {}, {}, std::string("A1")), 0),
              text_at(target_cells(table, 40.0), 1));
    EXPECT_TRUE(starts_with(text_at(target_cells(table, 40.0), 1), "ERROR the table has several"));
}

TEST(Guarantees, AnUnusableChildIsSeenUnderARowCutOffFromItsKgi) {
    // Fuzz finding check_cells: a row whose own parent chain is broken said OK although its
    // child held inf (unusable children were only marked below a KGI).
    const Grid table =
        Grid::from_rows({{"Name", "Parent", "Link", "P1", "P2"},
                         {"x", "a", "+", 1.0, std::numeric_limits<double>::infinity()},
                         {"y", "a", "+", 2.0, 2.0},
                         {"a", "E", "+", 3.0, 4.0},
                         {"E", "Nowhere", "+", 3.0, 4.0}});
    EXPECT_TRUE(starts_with(text_at(check_cells(table, {}), 3), "ERROR child 'x' is unusable"))
        << text_at(check_cells(table, {}), 3);
}

TEST(Guarantees, AChangeBeyondTheRangeOfNumbersIsAnError) {
    // Fuzz finding contrib_cells-1: a KGI going from −5.8e307 to 1.7e308 had a change of +inf;
    // a product child's contribution can overflow the same way.
    const Grid sum = Grid::from_rows({{"Name", "Parent", "Link", "P1", "P2"},
                                      {"Y", "", "", -1.7e308, 1.7e308},
                                      {"A", "Y", "+", -1.7e308, 1.7e308}});
    const Grid contrib = contrib_cells(sum, 1.0, 2.0, std::nullopt, {});
    for (std::size_t r = 1; r < contrib.rows(); ++r)
        EXPECT_TRUE(starts_with(text_at(contrib, r), "ERROR overflow in the change of 'Y'"))
            << text_at(contrib, r);
}
