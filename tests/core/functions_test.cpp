#include "fixtures.hpp"
#include "kpitree/audit/causal.hpp"
#include "kpitree/functions.hpp"
#include "kpitree/kpitree.hpp" // the umbrella header compiles on its own
#include "kpitree/plan/contrib.hpp"
#include "kpitree/plan/elasticity.hpp"
#include "kpitree/plan/planning.hpp"
#include "kpitree/plan/rollup.hpp"
#include "kpitree/plan/target.hpp"
#include "kpitree/stats/granger.hpp"
#include "kpitree/stats/padjust.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <string>
#include <vector>

using namespace kpitree;
using kpitree::testing::number_at;
using kpitree::testing::spec_example;
using kpitree::testing::text_at;

namespace {

bool starts_with(const std::string& s, const std::string& token) {
    return s.rfind(token, 0) == 0;
}

Grid column(const std::vector<double>& v) {
    Grid g(v.size(), 1);
    for (std::size_t i = 0; i < v.size(); ++i)
        g.at(i, 0) = v[i];
    return g;
}

Grid row_of(const std::vector<double>& v) {
    Grid g(1, v.size());
    for (std::size_t i = 0; i < v.size(); ++i)
        g.at(0, i) = v[i];
    return g;
}

// tests/reference/granger_cases.txt, case driver_n12_lag1 (statsmodels 0.13).
const std::vector<double> granger_effect{
    -0.7591166827030674, 1.4938604934245419, 1.5163332644780954,  0.26740056311836297,
    0.4632737708929202,  1.76843631755688,   0.6200123350344487,  -0.7538804683690654,
    1.1981631929161325,  1.0086092976653374, -3.6255819350873244, -0.9850752475223122};
const std::vector<double> granger_cause{
    1.2398231036475955, 0.22140705877812705, -0.38176655894604455, -1.4511199677461464,
    0.8189569572581015, 0.21045908127569718, -0.6313136468257957,  0.8614358218902247,
    1.574228717601692,  -1.6316532266028163, 0.5903271438221837,   0.8458533849511832};

} // namespace

// ---- shaping of the existing functions ------------------------------------------------------

TEST(CheckCells, HeaderLabelBlankRowsAndOneStatusPerRow) {
    Grid table = Grid::from_rows({
        {"Name", "Parent", "Link", "Jan"},
        {"Sales", "", "", 100.0},
        {},
        {"A", "Sales", "+", 60.0},
        {"B", "Sales", "+", 40.0},
    });
    const Grid out = check_cells(table, Empty{});
    ASSERT_EQ(out.rows(), 5u);
    ASSERT_EQ(out.columns(), 1u);
    EXPECT_EQ(text_at(out, 0), "Check");
    EXPECT_TRUE(starts_with(text_at(out, 1), "OK"));
    EXPECT_TRUE(is_empty(out.at(2, 0)));
    EXPECT_TRUE(starts_with(text_at(out, 3), "LEAF"));
}

TEST(CheckCells, NodeArgumentFoundMissingAndAmbiguous) {
    const Grid all = check_cells(spec_example(), Empty{});
    const Grid deals = check_cells(spec_example(), Empty{}, std::string("  deals "));
    ASSERT_EQ(deals.rows(), 1u);
    EXPECT_EQ(deals.at(0, 0), all.at(2, 0));

    const Grid missing = check_cells(spec_example(), Empty{}, std::string("Churn"));
    EXPECT_EQ(text_at(missing, 0), "ERROR no KPI 'Churn'; the KPIs are Sales, Deals \u2026 "
                                   "Webinar attendance (6)");
    const Grid typo = check_cells(spec_example(), Empty{}, std::string("Daels"));
    EXPECT_EQ(text_at(typo, 0), "ERROR no KPI 'Daels'; did you mean 'Deals'?");

    const Grid twice =
        Grid::from_rows({{"S", "", "", 2.0}, {"A", "S", "+", 1.0}, {"A", "S", "+", 1.0}});
    EXPECT_TRUE(starts_with(text_at(check_cells(twice, Empty{}, std::string("A")), 0),
                            "ERROR 'A' is ambiguous"));
}

// Regression guard for the one-node form checking only its node (check_one): every node's
// one-node result equals its row of the array form, for each tolerance and for EXPECTED and
// RESIDUAL, with a mismatch, a leaf, a KGI and a row with an error in the table.
TEST(CheckCells, OneNodeFormEqualsTheArrayRowForEveryNode) {
    const Grid table = Grid::from_rows({
        {"Name", "Parent", "Link", "Jan", "Feb"},
        {"Sales", "", "", 1000.0, 1105.0},
        {"Deals", "Sales", "*", 50.0, 52.0},
        {"AOV", "Sales", "*", 20.0, 21.25},
        {"Cost", "Profit", "-", 3.0, 4.0},
        {"Meetings", "Deals", "*", 200.0, 210.0},
        {"Close rate", "Deals", "*", 0.25, 0.2476},
    });
    for (const Cell& tolerance : {Cell(Empty{}), Cell(0.01), Cell(std::string("rounding"))}) {
        const Grid check = check_cells(table, tolerance);
        const Grid expected = expected_cells(table), residual = residual_cells(table);
        for (std::size_t r = 1; r < table.rows(); ++r) {
            const std::string name = std::get<std::string>(table.at(r, 0));
            EXPECT_EQ(check_cells(table, tolerance, name).at(0, 0), check.at(r, 0)) << name;
            const Grid one_expected = expected_cells(table, name);
            const Grid one_residual = residual_cells(table, name);
            for (std::size_t c = 0; c < expected.columns(); ++c) {
                EXPECT_EQ(one_expected.at(0, c), expected.at(r, c)) << name << " " << c;
                EXPECT_EQ(one_residual.at(0, c), residual.at(r, c)) << name << " " << c;
            }
        }
    }
}

// Guards the checked-table form a cached fill-down would serve from: for every node, a blank,
// a missing and an ambiguous name it gives exactly what check_cells gives for the table.
TEST(CheckCells, CheckedTableGivesWhatCheckCellsGives) {
    const Grid table = Grid::from_rows({
        {"Name", "Parent", "Link", "Jan", "Feb"},
        {"Sales", "", "", 1000.0, 1105.0},
        {"Deals", "Sales", "*", 50.0, 52.0},
        {"AOV", "Sales", "*", 20.0, 21.25},
        {"Cost", "Profit", "-", 3.0, 4.0},
        {"AOV", "Deals", "*", 200.0, 210.0},
    });
    for (const Cell& tolerance : {Cell(Empty{}), Cell(0.01), Cell(std::string("rounding"))}) {
        const CheckedTable checked = check_table(table, tolerance);
        for (const std::string name : {"Sales", "deals ", "AOV", "Cost", "Churn", "", " "})
            EXPECT_EQ(check_cells(checked, name).at(0, 0),
                      check_cells(table, tolerance, name).at(0, 0))
                << name;
        const Grid all = check_cells(checked, std::nullopt);
        ASSERT_EQ(all.rows(), table.rows());
        for (std::size_t r = 0; r < table.rows(); ++r)
            EXPECT_EQ(all.at(r, 0), check_cells(table, tolerance).at(r, 0)) << r;
    }
    EXPECT_THROW(check_table(table, Cell(std::string("loose"))), ArgumentError);
}

TEST(CheckCells, TableErrorInFirstCellAndBadTolerance) {
    const Grid narrow = Grid::from_rows({{"Sales", "", 1.0}, {"A", "Sales", 1.0}});
    const Grid out = check_cells(narrow, Empty{});
    ASSERT_EQ(out.rows(), 2u);
    EXPECT_TRUE(starts_with(text_at(out, 0), "ERROR a tree table needs at least 4 columns"));
    EXPECT_TRUE(is_empty(out.at(1, 0)));
    EXPECT_TRUE(starts_with(text_at(check_cells(narrow, Empty{}, std::string("A")), 0),
                            "ERROR a tree table needs"));
    EXPECT_THROW(check_cells(spec_example(), -0.1), ArgumentError);
    EXPECT_THROW(check_cells(spec_example(), std::string("round")), ArgumentError);
    EXPECT_THROW(check_cells(spec_example(), CellError{"#N/A"}), ArgumentError);
}

TEST(CheckCells, RoundingToleranceAsTextAndNumbersAsText) {
    // The SPEC example is off by rounding in February (52 × 21154 = 1,100,008; 210 × 0.2476 =
    // 51.996): within what rounding AOV to whole units and the rate to 4 decimals explains.
    const Grid exact = check_cells(spec_example(), Empty{});
    EXPECT_TRUE(starts_with(text_at(exact, 1), "MISMATCH"));
    const Grid rounded = check_cells(spec_example(), std::string(" Rounding "));
    EXPECT_EQ(text_at(rounded, 1), "OK");
    EXPECT_EQ(text_at(rounded, 2), "OK");
    EXPECT_EQ(check_cells(spec_example(), std::string("0.01")), check_cells(spec_example(), 0.01));
}

TEST(LintCells, OkRowOrOneFindingPerRow) {
    const Grid clean =
        Grid::from_rows({{"S", "", "", 2.0}, {"A", "S", "+", 1.0}, {"B", "S", "+", 1.0}});
    const Grid ok = lint_cells(clean);
    ASSERT_EQ(ok.rows(), 1u);
    EXPECT_EQ(text_at(ok, 0), "OK");
    const Grid bad = lint_cells(Grid::from_rows({{"S", "", "", 2.0}, {"A", "Nobody", "+", 1.0}}));
    EXPECT_TRUE(starts_with(text_at(bad, 0), "ERROR A (table row 2): unknown parent"));
}

// ---- KPI.GRANGER ----------------------------------------------------------------------------

TEST(GrangerCells, PValueMatchesStatsmodelsForColumnsAndRows) {
    // Reference: statsmodels ssr_ftest F 8.809242648495985, p 0.0179248009.
    const Grid p = granger_cells(column(granger_effect), column(granger_cause), 1);
    ASSERT_EQ(p.rows(), 1u);
    ASSERT_EQ(p.columns(), 1u);
    EXPECT_NEAR(number_at(p, 0), 0.0179248009, 1e-9);
    const Grid p_rows = granger_cells(row_of(granger_effect), row_of(granger_cause), 1.0);
    EXPECT_EQ(number_at(p_rows, 0), number_at(p, 0));

    const Grid f =
        granger_cells(column(granger_effect), column(granger_cause), 1, std::string(" f "));
    ASSERT_EQ(f.columns(), 3u);
    EXPECT_NEAR(number_at(f, 0, 0), 8.809242648495985, 1e-9);
    EXPECT_EQ(number_at(f, 0, 1), 1.0);
    EXPECT_EQ(number_at(f, 0, 2), 8.0); // 11 rows used − (2 · 1 + 1)
}

TEST(GrangerCells, BadArgumentsAreArgumentErrors) {
    const Grid y = column(granger_effect), x = column(granger_cause);
    EXPECT_THROW(granger_cells(y, x, 0), ArgumentError);
    EXPECT_THROW(granger_cells(y, x, 1.5), ArgumentError);
    EXPECT_THROW(granger_cells(y, x, std::nan("")), ArgumentError);
    EXPECT_THROW(granger_cells(y, x, 1, std::string("chi2")), ArgumentError);
    EXPECT_THROW(granger_cells(y, column({1, 2, 3}), 1), ArgumentError);
    Grid gap = x;
    gap.at(4, 0) = Empty{};
    EXPECT_THROW(granger_cells(y, gap, 1), ArgumentError);
    Grid word = x;
    word.at(4, 0) = std::string("n/a");
    EXPECT_THROW(granger_cells(y, word, 1), ArgumentError);
    EXPECT_THROW(granger_cells(Grid(2, 6), Grid(2, 6), 1), ArgumentError);
}

TEST(GrangerCells, UndefinedTestsAreUndefinedResults) {
    // statsmodels needs n > 3 lag + 1.
    EXPECT_THROW(granger_cells(column({1, 3, 2, 5}), column({2, 1, 4, 3}), 1), UndefinedResult);
    const std::vector<double> y5(granger_effect.begin(), granger_effect.begin() + 5);
    const std::vector<double> x5(granger_cause.begin(), granger_cause.begin() + 5);
    EXPECT_NO_THROW(granger_cells(column(y5), column(x5), 1));
    EXPECT_THROW(granger_cells(column(granger_effect), column(std::vector<double>(12, 5.0)), 1),
                 UndefinedResult);
    EXPECT_THROW(granger_cells(column({1, 2}), column({1, 2}), 5), UndefinedResult);
}

// ---- KPI.PADJUST ----------------------------------------------------------------------------

TEST(PadjustCells, MatchesStatsmodelsAndKeepsTheShape) {
    // tests/reference/padjust_cases.txt, case ties: holm 0.05 0.08 0.08 0.08 0.5.
    Grid in = Grid::from_rows({{0.01, 0.02, Empty{}}, {0.02, 0.02, 0.5}});
    const Grid out = padjust_cells(in, "Holm");
    ASSERT_EQ(out.rows(), 2u);
    ASSERT_EQ(out.columns(), 3u);
    EXPECT_NEAR(number_at(out, 0, 0), 0.05, 1e-15);
    EXPECT_NEAR(number_at(out, 0, 1), 0.08, 1e-15);
    EXPECT_TRUE(is_empty(out.at(0, 2)));
    EXPECT_NEAR(number_at(out, 1, 0), 0.08, 1e-15);
    EXPECT_NEAR(number_at(out, 1, 2), 0.5, 1e-15);
    const Grid bonf = padjust_cells(in, "bonferroni");
    EXPECT_NEAR(number_at(bonf, 0, 0), 0.05, 1e-15); // 5 present values, not 6 cells
    const Grid bh = padjust_cells(column({0.01, 0.04}), "BH");
    EXPECT_NEAR(number_at(bh, 0), 0.02, 1e-15);
    EXPECT_NEAR(number_at(bh, 1), 0.04, 1e-15);
}

TEST(PadjustCells, BadInputIsAnArgumentError) {
    EXPECT_THROW(padjust_cells(column({0.1}), "sidak"), ArgumentError);
    EXPECT_THROW(padjust_cells(column({0.1, 1.5}), "holm"), ArgumentError);
    EXPECT_THROW(padjust_cells(column({-0.1}), "holm"), ArgumentError);
    EXPECT_THROW(padjust_cells(Grid::from_rows({{0.1, "p"}}), "holm"), ArgumentError);
}

// ---- KPI.CAUSAL -----------------------------------------------------------------------------

TEST(CausalCells, OneVerdictPerRowAsTheCorePolicySays) {
    const Grid table = spec_example();
    const Grid out = causal_cells(table);
    ASSERT_EQ(out.rows(), 7u);
    EXPECT_EQ(text_at(out, 0), "Causal");
    EXPECT_TRUE(is_empty(out.at(1, 0))); // the KGI
    EXPECT_EQ(text_at(out, 2), "IDENTITY");
    EXPECT_TRUE(starts_with(text_at(out, 6), "INSUFFICIENT")); // 2 periods
    const Grid one =
        causal_cells(table, std::nullopt, std::nullopt, std::string("Webinar attendance"));
    ASSERT_EQ(one.rows(), 1u);
    EXPECT_EQ(one.at(0, 0), out.at(6, 0));
}

TEST(CausalCells, TestedLinksShowTheCoreEvidenceAdjustedOverTheTable) {
    // Two ~ links with 30 periods: the family is both links, also for the one-node form.
    std::vector<std::vector<Cell>> rows{{"Name", "Parent", "Link"},
                                        {"Revenue", "", ""},
                                        {"Ads", "Revenue", "~"},
                                        {"Weather", "Revenue", "~"}};
    double ads_prev = 10;
    for (int t = 0; t < 30; ++t) {
        rows[0].push_back("P" + std::to_string(t + 1));
        const double ads = 10 + 4 * std::sin(1.7 * t * t) + 0.1 * t;
        rows[1].emplace_back(std::in_place_type<double>,
                             100 + 3 * ads_prev + 2 * std::cos(2.3 * t * t));
        rows[2].emplace_back(std::in_place_type<double>, ads);
        rows[3].emplace_back(std::in_place_type<double>, 20 + std::sin(0.9 * t * t));
        ads_prev = ads;
    }
    const Grid table = Grid::from_rows(rows);
    const Tree tree = read_tree(table);
    const auto results = assess_causal(tree);
    const Grid out = causal_cells(table);
    for (std::size_t r = 2; r <= 3; ++r)
        EXPECT_EQ(text_at(out, r), causal_status_text(tree, results[r - 1]));
    EXPECT_TRUE(starts_with(text_at(out, 2), "SUPPORTED")) << text_at(out, 2);
    EXPECT_NE(text_at(out, 2).find("2 links"), std::string::npos);
    EXPECT_EQ(causal_cells(table, std::nullopt, std::nullopt, std::string("Ads")).at(0, 0),
              out.at(2, 0));
}

TEST(CausalCells, BadOptionsAreArgumentErrors) {
    EXPECT_THROW(causal_cells(spec_example(), 0.0), ArgumentError);
    EXPECT_THROW(causal_cells(spec_example(), 1.0), ArgumentError);
    EXPECT_THROW(causal_cells(spec_example(), 0.05, 0.0), ArgumentError);
    EXPECT_THROW(causal_cells(spec_example(), 0.05, 2.5), ArgumentError);
    EXPECT_THROW(causal_cells(spec_example(), 0.05, 101.0), ArgumentError);
    EXPECT_NO_THROW(causal_cells(spec_example(), 0.1, 2.0));
}

// ---- KPI.CONTRIB ----------------------------------------------------------------------------

TEST(ContribCells, LeavesSumToTheKgiChangeAndPeriodsByNumberOrLabel) {
    const Grid out = contrib_cells(spec_example(), 1.0, 2.0);
    ASSERT_EQ(out.rows(), 7u);
    EXPECT_EQ(text_at(out, 0), "Contribution Jan\u2192Feb");
    EXPECT_NEAR(number_at(out, 1), 100000.0, 1e-6);
    // Leaves: Average order value, Meetings, Close rate.
    EXPECT_NEAR(number_at(out, 3) + number_at(out, 4) + number_at(out, 5), 100000.0, 1e-6);
    EXPECT_NEAR(number_at(out, 2), number_at(out, 4) + number_at(out, 5), 1e-6);
    EXPECT_TRUE(starts_with(text_at(out, 6), "HYPOTHESIS"));
    EXPECT_EQ(contrib_cells(spec_example(), std::string(" jan"), std::string("FEB")).at(3, 0),
              out.at(3, 0));
    EXPECT_EQ(contrib_cells(spec_example(), std::string("1"), 2.0).at(3, 0), out.at(3, 0));
    const Grid deals = contrib_cells(spec_example(), 1.0, 2.0, std::nullopt, std::string("Deals"));
    ASSERT_EQ(deals.rows(), 1u);
    EXPECT_EQ(deals.at(0, 0), out.at(2, 0));
}

TEST(ContribCells, ShapleyAlsoAddsUp) {
    const Grid out = contrib_cells(spec_example(), 1.0, 2.0, std::string("Shapley"));
    EXPECT_NEAR(number_at(out, 3) + number_at(out, 4) + number_at(out, 5), 100000.0, 1e-6);
    const Tree tree = read_tree(spec_example());
    ContribOptions options;
    options.method = SplitMethod::shapley;
    EXPECT_EQ(number_at(out, 3), *contributions(tree, 0, 1, options)[2].value);
}

// Issue 13 item 12: a period the header does not have was a bare Err:502 (ArgumentError). It is
// an ERROR status in every row naming the periods there are; only a missing or malformed
// argument stays an ArgumentError.
TEST(ContribCells, APeriodTheTableDoesNotHaveIsAStatusNamingThePeriods) {
    const Grid months = Grid::from_rows(
        {{"Name", "Parent", "Link", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
          "Oct", "Nov", "Dec"},
         {"Sales", "", "", 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0},
         {"Deals", "Sales", "+", 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0}});
    const Grid out = contrib_cells(months, std::string("November"), std::string("Dec"));
    ASSERT_EQ(out.rows(), 3u);
    EXPECT_EQ(text_at(out, 0), "Contribution");
    for (std::size_t r : {1, 2})
        EXPECT_EQ(text_at(out, r), "ERROR no period 'November'; did you mean 'Nov'? Periods are "
                                   "Jan, Feb \u2026 Dec (12)");
    EXPECT_EQ(
        text_at(contrib_cells(months, std::string("Nov"), std::string("Decmber")), 1),
        "ERROR no period 'Decmber'; did you mean 'Dec'? Periods are Jan, Feb \u2026 Dec (12)");
    EXPECT_EQ(text_at(contrib_cells(months, std::string("Q4"), 12.0, {}, std::string("Deals")), 0),
              "ERROR no period 'Q4'; periods are Jan, Feb \u2026 Dec (12)");
    EXPECT_EQ(text_at(contrib_cells(months, 1.0, 13.0), 2),
              "ERROR no period 13; periods are numbered 1 to 12: Jan, Feb \u2026 Dec (12)");
    EXPECT_EQ(text_at(contrib_cells(spec_example(), 0.0, 2.0), 1),
              "ERROR no period 0; periods are numbered 1 to 2: Jan, Feb");
    EXPECT_EQ(text_at(contrib_cells(spec_example(), 1.5, 2.0), 1),
              "ERROR no period 1.5; periods are numbered 1 to 2: Jan, Feb");
}

TEST(ContribCells, MissingArgumentsAndBadMethodsAreArgumentErrors) {
    EXPECT_THROW(contrib_cells(spec_example(), Empty{}, 2.0), ArgumentError);
    EXPECT_THROW(contrib_cells(spec_example(), CellError{"#N/A"}, 2.0), ArgumentError);
    EXPECT_THROW(contrib_cells(spec_example(), 1.0, 2.0, std::string("average")), ArgumentError);
}

TEST(ContribCells, ToleranceDecidesWhenAParentsTypoBlocksItsChildren) {
    // Issue 13 item 7: one 1.3% typo blocked every row below it with the fixed 1% limit.
    Grid table = spec_example();
    table.at(2, 4) = 52.0 * 1.013;
    table.at(1, 4) = 52.0 * 1.013 * 21154.0; // Sales = Deals × AOV as typed
    const Grid strict = contrib_cells(table, 1.0, 2.0);
    EXPECT_TRUE(starts_with(text_at(strict, 4), "MISMATCH 'Deals' is")) << text_at(strict, 4);
    EXPECT_NE(text_at(strict, 4).find("beyond the tolerance of 1%"), std::string::npos);
    const Grid loose = contrib_cells(table, 1.0, 2.0, std::nullopt, std::nullopt, 0.02);
    EXPECT_NEAR(number_at(loose, 4) + number_at(loose, 5), number_at(loose, 2), 1e-6);
    EXPECT_EQ(contrib_cells(table, 1.0, 2.0, std::nullopt, std::nullopt, 0.01).at(4, 0),
              strict.at(4, 0));
    for (double bad : {-0.01, std::nan(""), HUGE_VAL})
        EXPECT_THROW(contrib_cells(table, 1.0, 2.0, std::nullopt, std::nullopt, bad),
                     ArgumentError);
}

// Issue 13 item 10: messages showed raw binary floats ("children give 213.79999999999998",
// "tolerance of 7.000000000000001%"); they show the figures as the data carry them.
TEST(ContribCells, MessagesShowFiguresAsTheDataCarryThem) {
    const Grid table = Grid::from_rows({{"Name", "Parent", "Link", "Jan", "Feb"},
                                        {"Sales", "", "", 250.0, 941.16},
                                        {"Deals", "Sales", "*", 10.0, 3.0},
                                        {"Price", "Sales", "*", 21.38, 313.72}});
    const Grid out = contrib_cells(table, 1.0, 2.0, std::nullopt, std::nullopt, 0.07);
    EXPECT_EQ(text_at(out, 2), "MISMATCH 'Sales' is 250 but its children give 213.8 in Jan, "
                               "beyond the tolerance of 7% (see KPI.CHECK, or widen the tolerance "
                               "argument)");
}

TEST(ContribCells, NumericHeaderLabelsAreFoundByValue) {
    // Years as text labels: 2024 is not a period number, so it is looked up as a label.
    const Grid table = Grid::from_rows({{"Name", "Parent", "Link", "2024", "2025"},
                                        {"S", "", "", 10.0, 12.0},
                                        {"A", "S", "+", 4.0, 5.0},
                                        {"B", "S", "+", 6.0, 7.0}});
    const Grid out = contrib_cells(table, 2024.0, 2025.0);
    EXPECT_NEAR(number_at(out, 2), 1.0, 1e-12);
}

// ---- KPI.TARGET -----------------------------------------------------------------------------

TEST(TargetCells, ReproducesTheKgiTargetAndRespectsFlex) {
    const Grid out = target_cells(spec_example(), 1210000.0);
    EXPECT_EQ(text_at(out, 0), "Target");
    EXPECT_NEAR(number_at(out, 1), 1210000.0, 1e-6);
    EXPECT_NEAR(number_at(out, 2) * number_at(out, 3), 1210000.0, 1e-6);
    EXPECT_NEAR(number_at(out, 4) * number_at(out, 5), number_at(out, 2), 1e-9);
    // Even spread: Deals and AOV grow by about the same factor from Feb (one leaf absorbs the
    // Feb residual 52 × 21154 − 1100000 = 8).
    EXPECT_NEAR(number_at(out, 2) / 52.0, number_at(out, 3) / 21154.0, 2e-4);
    EXPECT_TRUE(starts_with(text_at(out, 6), "HYPOTHESIS"));

    const Grid flex = target_cells(spec_example(), 1210000.0, Empty{}, {"deals"});
    EXPECT_EQ(number_at(flex, 3), 21154.0);
    EXPECT_NEAR(number_at(flex, 2) * 21154.0, 1210000.0, 1e-6);

    const Grid from_jan = target_cells(spec_example(), 1100000.0, std::string("Jan"), {},
                                       std::string("Average order value"));
    ASSERT_EQ(from_jan.rows(), 1u);
    EXPECT_NEAR(number_at(from_jan, 0), 20000.0 * std::sqrt(1.1), 1e-6);

    const Grid unknown = target_cells(spec_example(), 1210000.0, Empty{}, {"Meeting"});
    EXPECT_EQ(text_at(unknown, 1), "ERROR flex: no KPI 'Meeting'; did you mean 'Meetings'?");
    EXPECT_THROW(target_cells(spec_example(), std::nan("")), ArgumentError);
    EXPECT_EQ(text_at(target_cells(spec_example(), 1.0, 7.0), 1),
              "ERROR no period 7; periods are numbered 1 to 2: Jan, Feb");
}

TEST(TargetCells, RelativeTargetsStartFromTheKgisValueInThePeriod) {
    // Issue 13 item 11: "+10%" reached the add-in as 0.1 and planned Sales at 0.1. A text
    // "+10%" is relative to the KGI's value in the period; a number stays absolute.
    const Grid plus = target_cells(spec_example(), Cell(std::string("+10%")), Empty{}, {}, {}, {});
    EXPECT_NEAR(number_at(plus, 1), 1210000.0, 1e-6); // Feb's 1,100,000 × 1.1
    const Grid minus =
        target_cells(spec_example(), Cell(std::string(" -5% ")), std::string("Jan"), {}, {}, {});
    EXPECT_NEAR(number_at(minus, 1), 950000.0, 1e-6);
    const Grid absolute = target_cells(spec_example(), Cell(1210000.0), Empty{}, {}, {}, {});
    EXPECT_EQ(number_at(absolute, 1), number_at(plus, 1));
    for (const Cell& bad : {Cell(std::string("10%")), Cell(std::string("+ten%")), Cell(Empty{}),
                            Cell(std::string("1210000"))})
        EXPECT_THROW(target_cells(spec_example(), bad, Empty{}, {}, {}, {}), ArgumentError);
}

TEST(TargetCells, KgiNamesTheKgiToPlanInATableWithSeveral) {
    // Issue 13 item 8: a table with several KGIs could not be planned at all.
    const Grid table = Grid::from_rows({{"Name", "Parent", "Link", "Q1"},
                                        {"Sales", "", "", 100.0},
                                        {"Deals", "Sales", "*", 10.0},
                                        {"AOV", "Sales", "*", 10.0},
                                        {"Profit", "", "", 30.0},
                                        {"Revenue", "Profit", "+", 100.0},
                                        {"Cost", "Profit", "-", 70.0}});
    const Grid sales =
        target_cells(table, Cell(std::string("+21%")), Empty{}, {}, {}, std::string(" sales "));
    EXPECT_NEAR(number_at(sales, 1), 121.0, 1e-9);
    EXPECT_NEAR(number_at(sales, 2), 11.0, 1e-9);
    EXPECT_TRUE(starts_with(text_at(sales, 4), "UNDEFINED")) << text_at(sales, 4);
    const Grid profit = target_cells(table, Cell(40.0), Empty{}, {}, {}, std::string("Profit"));
    EXPECT_NEAR(number_at(profit, 4), 40.0, 1e-9);
    EXPECT_TRUE(starts_with(text_at(target_cells(table, 40.0), 1),
                            "ERROR the table has several KGIs ('Sales', 'Profit'); name the one "
                            "to plan in the kgi argument"));
    EXPECT_EQ(text_at(target_cells(table, Cell(40.0), Empty{}, {}, {}, std::string("Proft")), 2),
              "ERROR no KGI 'Proft'; did you mean 'Profit'?");
    EXPECT_EQ(text_at(target_cells(table, Cell(40.0), Empty{}, {}, {}, std::string("Margin")), 2),
              "ERROR no KGI 'Margin'; the KGIs are 'Sales', 'Profit'");
    EXPECT_EQ(text_at(target_cells(table, Cell(40.0), Empty{}, {}, {}, std::string("Deals")), 2),
              "ERROR 'Deals' is not a KGI (it has a parent); the KGIs are 'Sales', 'Profit'");
}

TEST(TargetCells, AHypothesisLeverSaysThePlanDoesNotMoveIt) {
    // Issue 14: a ~ lever is not moved by TARGET and has no elasticity; its cell says so.
    const std::string target = text_at(target_cells(spec_example(), 1210000.0), 6);
    EXPECT_EQ(target, "HYPOTHESIS ~ link to 'Meetings', outside the arithmetic: a hypothesised "
                      "lever, not moved by the plan (make the link arithmetic once its effect is "
                      "understood)");
    const std::string elasticity = text_at(elasticity_cells(spec_example()), 6);
    EXPECT_TRUE(starts_with(elasticity, "HYPOTHESIS ~ link to 'Meetings'")) << elasticity;
    EXPECT_NE(elasticity.find("no elasticity until its effect is an arithmetic link"),
              std::string::npos);
}

// ---- KPI.ROLLUP -----------------------------------------------------------------------------

TEST(RollupCells, BucketLabelsInTheHeaderAndFlowsSum) {
    const Grid table = Grid::from_rows({
        {"Name", "Parent", "Link", "Jan", "Feb", "Mar", "Apr"},
        {"Sales", "", "", 100.0, 120.0, 90.0, 110.0},
        {"Deals", "Sales", "*", 10.0, 12.0, 9.0, 10.0},
        {"AOV", "Sales", "*", 10.0, 10.0, 10.0, 11.0},
        {"Customers", "", "", 5.0, 6.0, 7.0, 8.0},
    });
    const Grid kinds = Grid::from_rows({{"Kind"}, {}, {}, {}, {"stock"}});
    const Grid out = rollup_cells(table, 3, kinds);
    ASSERT_EQ(out.rows(), 5u);
    ASSERT_EQ(out.columns(), 3u);
    EXPECT_EQ(text_at(out, 0, 0), "Jan\u2013Mar");
    EXPECT_EQ(text_at(out, 0, 1), "Apr (1 of 3)");
    EXPECT_EQ(text_at(out, 0, 2), "Rolled up as");
    EXPECT_EQ(text_at(out, 1, 2), "flow (inferred)");
    EXPECT_EQ(text_at(out, 3, 2), "ratio (inferred)");
    EXPECT_EQ(text_at(out, 4, 2), "stock"); // given in `kinds`
    EXPECT_NEAR(number_at(out, 1, 0), 310.0, 1e-9);
    EXPECT_NEAR(number_at(out, 2, 0), 31.0, 1e-9);
    EXPECT_NEAR(number_at(out, 3, 0), 10.0, 1e-9); // AOV = 310 / 31, not an average
    EXPECT_NEAR(number_at(out, 4, 0), 7.0, 1e-9);  // stock: the last value
    EXPECT_NEAR(number_at(out, 4, 1), 8.0, 1e-9);
    // Without kinds Customers is a flow KGI.
    EXPECT_NEAR(number_at(rollup_cells(table, 3), 4, 0), 18.0, 1e-9);
}

TEST(RollupCells, BadArgumentsAreArgumentErrors) {
    EXPECT_THROW(rollup_cells(spec_example(), 0), ArgumentError);
    EXPECT_THROW(rollup_cells(spec_example(), 1.5), ArgumentError);
    EXPECT_THROW(rollup_cells(spec_example(), 2, Grid::from_rows({{"flow"}})), ArgumentError);
    Grid kinds(7, 1);
    kinds.at(3, 0) = std::string("averaged");
    EXPECT_THROW(rollup_cells(spec_example(), 2, kinds), ArgumentError);
    kinds.at(3, 0) = 1.0;
    EXPECT_THROW(rollup_cells(spec_example(), 2, kinds), ArgumentError);
}

// ---- KPI.ELASTICITY -------------------------------------------------------------------------

TEST(ElasticityCells, ProductsPassOnePercentThrough) {
    const Grid out = elasticity_cells(spec_example());
    EXPECT_EQ(text_at(out, 0), "Elasticity");
    for (std::size_t r = 1; r <= 5; ++r)
        EXPECT_NEAR(number_at(out, r), 1.0, 1e-12) << r;
    EXPECT_TRUE(starts_with(text_at(out, 6), "HYPOTHESIS"));
    const Grid table = Grid::from_rows({{"Name", "Parent", "Link", "Q1", "Q2"},
                                        {"Sales", "", "", 100.0, 200.0},
                                        {"Online", "Sales", "+", 20.0, 150.0},
                                        {"Shops", "Sales", "+", 80.0, 50.0}});
    EXPECT_NEAR(number_at(elasticity_cells(table), 2), 0.75, 1e-12);
    EXPECT_NEAR(number_at(elasticity_cells(table, std::string("Q1"), std::string("Online")), 0),
                0.2, 1e-12);
    EXPECT_EQ(text_at(elasticity_cells(table, std::string("Q3")), 3),
              "ERROR no period 'Q3'; periods are Q1, Q2");
    EXPECT_EQ(text_at(elasticity_cells(table, std::string("Q3"), std::string("Shops")), 0),
              "ERROR no period 'Q3'; periods are Q1, Q2");
}

// Regression: a fill-down `node` column next to a blank table row passes a blank name (Calc
// gives 0 for an empty cell); it must give a blank result, not "ERROR no KPI named ''".
TEST(Functions, BlankNodeGivesABlankRow) {
    const Grid out = check_cells(spec_example(), {}, std::string("  "));
    ASSERT_EQ(out.rows(), 1u);
    EXPECT_TRUE(is_empty(out.at(0, 0)));
    const Grid block = expected_cells(spec_example(), std::string());
    ASSERT_EQ(block.rows(), 1u);
    EXPECT_EQ(block.columns(), 2u);
    EXPECT_TRUE(is_empty(block.at(0, 1)));
}

TEST(VarianceCells, PlanByNameWithHeaderAndSixColumns) {
    const Grid table = Grid::from_rows({{"Name", "Parent", "Link", "Jan", "Feb"},
                                        {"Sales", "", "", 900.0, 1000.0},
                                        {"Deals", "Sales", "*", 9.0, 10.0},
                                        {"AOV", "Sales", "*", 100.0, 100.0}});
    const Grid plan = Grid::from_rows({{"Name", "Plan"}, {"deals", 12.0}, {"AOV", 100.0}});
    const Grid out = variance_cells(table, plan);
    ASSERT_EQ(out.columns(), 6u);
    EXPECT_EQ(text_at(out, 0, 5), "Status");
    EXPECT_NEAR(number_at(out, 1, 0), 1200.0, 1e-9); // the KGI's plan: f(children of plan)
    EXPECT_NEAR(number_at(out, 1, 2), -200.0, 1e-9);
    EXPECT_EQ(text_at(out, 1, 5), "BEHIND");
    EXPECT_EQ(text_at(out, 2, 5), "BEHIND");
    EXPECT_EQ(text_at(out, 3, 5), "ON PLAN");
    // The one-row form equals its row.
    const Grid deals = variance_cells(table, plan, {}, std::string("Deals"));
    EXPECT_EQ(text_at(deals, 0, 5), "BEHIND");
    EXPECT_EQ(text_at(variance_cells(table, Grid::from_rows({{"Leads", 5.0}})), 2, 0),
              "ERROR plan row 1: no KPI 'Leads'; the KPIs are Sales, Deals, AOV");
    EXPECT_EQ(text_at(variance_cells(table, Grid::from_rows({{"Deal", 5.0}}), {}, "AOV"), 0),
              "ERROR plan row 1: no KPI 'Deal'; did you mean 'Deals'?");
    EXPECT_EQ(text_at(variance_cells(table, plan, std::string("Mar")), 0, 5), "Status");
    EXPECT_EQ(text_at(variance_cells(table, plan, std::string("Mar")), 1, 0),
              "ERROR no period 'Mar'; periods are Jan, Feb");
    EXPECT_THROW(variance_cells(table, Grid::from_rows({{"Deals", "many"}})), ArgumentError);
    EXPECT_THROW(variance_cells(table, Grid::from_rows({{"Deals", 1.0, 2.0, 3.0}})), ArgumentError);
    // Fuzz finding variance_cells-1: a one-column plan was read past its end when the default
    // period was looked for.
    EXPECT_THROW(variance_cells(table, Grid::from_rows({{"Deals"}, {"AOV"}})), ArgumentError);
}

TEST(WhatIfCells, RelativeAndAbsoluteChanges) {
    const Grid table = Grid::from_rows({{"Name", "Parent", "Link", "Jan", "Feb"},
                                        {"Sales", "", "", 900.0, 1000.0},
                                        {"Deals", "Sales", "*", 9.0, 10.0},
                                        {"AOV", "Sales", "*", 100.0, 100.0}});
    const Grid out =
        whatif_cells(table, Grid::from_rows({{"KPI", "Change"}, {"Deals", "+10%"}, {"AOV", 90.0}}));
    ASSERT_EQ(out.columns(), 2u);
    EXPECT_EQ(text_at(out, 0, 0), "What-if");
    EXPECT_NEAR(number_at(out, 1, 0), 990.0, 1e-9);
    EXPECT_NEAR(number_at(out, 1, 1), -10.0, 1e-9);
    EXPECT_NEAR(number_at(out, 2, 0), 11.0, 1e-9);
    EXPECT_THROW(whatif_cells(table, Grid::from_rows({{"Deals", "lots"}})), ArgumentError);
    EXPECT_EQ(text_at(whatif_cells(table, Grid::from_rows({{"Nobody", 1.0}})), 1, 0),
              "ERROR changes row 1: no KPI 'Nobody'; the KPIs are Sales, Deals, AOV");
    EXPECT_EQ(text_at(whatif_cells(table, Grid::from_rows({{"Sales", 1.0}}), 3.0, "Deals"), 0),
              "ERROR no period 3; periods are numbered 1 to 2: Jan, Feb");
    EXPECT_THROW(whatif_cells(table, Grid::from_rows({{"Deals", 1.0, 2.0}})), ArgumentError);
}

// ---- the transposed layout and dates as period labels ---------------------------------------

namespace {

// The SPEC example with a Kind column and more periods, so every function has work to do.
Grid kinds_example() {
    return Grid::from_rows({
        {"Name", "Parent", "Link", "Kind", "Jan", "Feb", "Mar", "Apr"},
        {"Sales", "", "", "", 1000000.0, 1100000.0, 1150000.0, 1210000.0},
        {"Deals", "Sales", "*", "flow", 50.0, 52.0, 55.0, 55.0},
        {"Average order value", "Sales", "*", "ratio", 20000.0, 21154.0, 20909.0, 22000.0},
        {},
        {"Meetings", "Deals", "*", "flow", 200.0, 210.0, 220.0, 230.0},
        {"Close rate", "Deals", "*", "ratio", 0.25, 0.2476, 0.25, 0.2391},
        {"Webinar attendance", "Meetings", "~", "", 310.0, 355.0, 380.0, 400.0},
    });
}

void expect_transposed(const Grid& normal, const Grid& transposed, const std::string& what) {
    SCOPED_TRACE(what);
    ASSERT_EQ(transposed.rows(), normal.columns());
    ASSERT_EQ(transposed.columns(), normal.rows());
    for (std::size_t r = 0; r < normal.rows(); ++r)
        for (std::size_t c = 0; c < normal.columns(); ++c)
            EXPECT_EQ(transposed.at(c, r), normal.at(r, c)) << "at row " << r << ", column " << c;
}

} // namespace

TEST(TransposedLayout, EveryFunctionAnswersWithTheTransposeOfTheRowLayout) {
    const Grid rows = kinds_example();
    const Grid cols = transpose(rows);
    expect_transposed(check_cells(rows, {}), check_cells(cols, {}), "check");
    expect_transposed(check_cells(rows, 0.01), check_cells(cols, 0.01), "check 1%");
    expect_transposed(expected_cells(rows), expected_cells(cols), "expected");
    expect_transposed(residual_cells(rows), residual_cells(cols), "residual");
    expect_transposed(causal_cells(rows), causal_cells(cols), "causal");
    expect_transposed(contrib_cells(rows, 1.0, std::string("Apr")),
                      contrib_cells(cols, 1.0, std::string("Apr")), "contrib");
    expect_transposed(target_cells(rows, 1300000.0), target_cells(cols, 1300000.0), "target");
    expect_transposed(rollup_cells(rows, 2.0), rollup_cells(cols, 2.0), "rollup");
    expect_transposed(elasticity_cells(rows), elasticity_cells(cols), "elasticity");
    // The one-KPI form: a row becomes a column.
    expect_transposed(expected_cells(rows, std::string("Deals")),
                      expected_cells(cols, std::string("Deals")), "expected node");
    expect_transposed(check_cells(rows, {}, std::string("Sales")),
                      check_cells(cols, {}, std::string("Sales")), "check node");
    expect_transposed(check_cells(rows, {}, std::string("")),
                      check_cells(cols, {}, std::string("")), "blank node");
    // LINT lists findings (not aligned): the same, naming columns instead of rows.
    const Grid lint_rows = lint_cells(rows), lint_cols = lint_cells(cols);
    ASSERT_EQ(lint_rows.rows(), lint_cols.rows());
}

TEST(TransposedLayout, MessagesNameTheTableColumn) {
    const Grid cols = Grid::from_rows({{"Name", "Sales", "Deals", "Deals"},
                                       {"Parent", "", "Sales", "Sales"},
                                       {"Link", "", "+", "+"},
                                       {"Jan", 10.0, 5.0, 5.0}});
    const Grid out = check_cells(cols, {});
    ASSERT_EQ(out.rows(), 1u);
    ASSERT_EQ(out.columns(), 4u);
    EXPECT_EQ(text_at(out, 0, 0), "Check");
    EXPECT_EQ(text_at(out, 0, 2), "ERROR duplicate name 'Deals' (also table column 4)");
}

TEST(TransposedLayout, TooFewRowsSaysRows) {
    const Grid cols = Grid::from_rows({{"Name", "Sales"}, {"Parent", ""}, {"Link", ""}});
    EXPECT_EQ(text_at(check_cells(cols, {}), 0, 0),
              "ERROR a tree table needs at least 4 rows (Name, Parent, Link, one per period); "
              "this range has 3");
}

TEST(TransposedLayout, RollupKindsAreOneRow) {
    const Grid rows = kinds_example();
    Grid kinds_column(rows.rows(), 1);
    kinds_column.at(2, 0) = std::string("stock");
    expect_transposed(rollup_cells(rows, 2.0, kinds_column),
                      rollup_cells(transpose(rows), 2.0, transpose(kinds_column)), "kinds");
    EXPECT_THROW(rollup_cells(transpose(rows), 2.0, kinds_column), ArgumentError);
}

TEST(DateLabels, SerialsInTheHeaderShowAsMonthsAndAreAcceptedAsPeriods) {
    // 2024-01-01, 2024-02-01, 2024-03-01 as Calc passes date cells: plain serials.
    const Grid table = Grid::from_rows({{"Name", "Parent", "Link", 45292.0, 45323.0, 45352.0},
                                        {"S", "", "", 10.0, 12.0, 13.0},
                                        {"A", "S", "+", 4.0, 5.0, 5.0},
                                        {"B", "S", "+", 6.0, 7.0, 9.0}});
    const Grid check = check_cells(table, {});
    EXPECT_EQ(text_at(check, 1), "MISMATCH 1 of 3 periods; worst 2024-03: residual -1 (-7.14%)");
    const Grid by_number = contrib_cells(table, 1.0, 3.0);
    EXPECT_EQ(text_at(by_number, 0), "Contribution 2024-01\u21922024-03");
    for (const PeriodArg& from :
         {PeriodArg(45292.0), PeriodArg(45306.0), PeriodArg(std::string("2024-01")),
          PeriodArg(std::string("2024-01-15")), PeriodArg(std::string("01.01.2024"))})
        EXPECT_EQ(contrib_cells(table, from, std::string("2024-03")), by_number);
    EXPECT_EQ(text_at(contrib_cells(table, std::string("2023-12"), 3.0), 1),
              "ERROR no period '2023-12'; periods are 2024-01, 2024-02, 2024-03");
    EXPECT_EQ(text_at(contrib_cells(table, 45627.0, 3.0), 1), // 2024-12-01 as a date cell
              "ERROR no period '2024-12'; periods are 2024-01, 2024-02, 2024-03");
    EXPECT_EQ(text_at(expected_cells(table), 0, 2), "2024-03");
}

TEST(DateLabels, NewestFirstIsReadOldestFirstAndResultsKeepTheirColumns) {
    const Grid oldest_first =
        Grid::from_rows({{"Name", "Parent", "Link", "01-01-2024", "01-02-2024", "01-03-2024"},
                         {"S", "", "", 10.0, 12.0, 13.0},
                         {"A", "S", "+", 4.0, 5.0, 5.0},
                         {"B", "S", "+", 6.0, 7.0, 9.0}});
    Grid newest_first = oldest_first;
    for (std::size_t r = 0; r < newest_first.rows(); ++r)
        std::swap(newest_first.at(r, 3), newest_first.at(r, 5));
    // The same verdicts, and CONTRIB from period 1 to period 3 is January to March.
    EXPECT_EQ(check_cells(newest_first, {}), check_cells(oldest_first, {}));
    EXPECT_EQ(contrib_cells(newest_first, 1.0, 3.0), contrib_cells(oldest_first, 1.0, 3.0));
    EXPECT_EQ(text_at(contrib_cells(newest_first, 1.0, 3.0), 0),
              "Contribution 01-01-2024\u219201-03-2024");
    // EXPECTED stays under each period's column.
    const Grid expected = expected_cells(newest_first);
    EXPECT_EQ(text_at(expected, 0, 0), "01-03-2024");
    EXPECT_EQ(number_at(expected, 1, 0), 14.0);
    EXPECT_EQ(number_at(expected, 1, 2), 10.0);
    // ROLLUP's buckets run oldest first: January and February are the first bucket.
    EXPECT_EQ(number_at(rollup_cells(newest_first, 2.0), 2, 0), 9.0);
}

TEST(DateLabels, TransposedExportWithDatesDownTheFirstColumn) {
    // The shape of a typical export: one row per month, newest first, dates as serials.
    const Grid cols = Grid::from_rows({{"Name", "Sales", "Deals", "AOV"},
                                       {"Parent", "", "Sales", "Sales"},
                                       {"Link", "", "*", "*"},
                                       {45352.0, 1300.0, 13.0, 100.0},
                                       {45323.0, 1200.0, 12.0, 100.0},
                                       {45292.0, 1000.0, 10.0, 100.0}});
    const Grid check = check_cells(cols, {});
    ASSERT_EQ(check.rows(), 1u);
    EXPECT_EQ(text_at(check, 0, 1), "OK");
    const Grid contrib = contrib_cells(cols, std::string("2024-01"), 45352.0);
    EXPECT_EQ(text_at(contrib, 0, 0), "Contribution 2024-01\u21922024-03");
    EXPECT_NEAR(number_at(contrib, 0, 2), 300.0, 1e-9);
    // EXPECTED: one column per KPI, one row per period, in the table's row order.
    const Grid expected = expected_cells(cols);
    ASSERT_EQ(expected.rows(), 3u);
    EXPECT_EQ(text_at(expected, 0, 0), "2024-03");
    EXPECT_EQ(number_at(expected, 0, 1), 1300.0);
    EXPECT_EQ(number_at(expected, 2, 1), 1000.0);
}
