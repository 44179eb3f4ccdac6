#include "kpitree/audit/check.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <gtest/gtest.h>
#include <string>
#include <vector>

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

// A spreadsheet file keeps 15 significant digits (LibreOffice writes office:value so, Excel
// shows and types that many): rates that were exact ratios of counts come back from a saved
// file off by up to 5e-15 each. Found on the shipped example: MQLs = Leads × open rate ×
// conversion rate was a MISMATCH of 5.7e-13 % after saving. That is storage noise, not data.
double stored(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.15g", v);
    return std::strtod(text, nullptr);
}

TEST(Check, DefaultToleranceAcceptsValuesStoredWithFifteenDigits) {
    std::uint32_t state = 12345;
    auto next = [&state](std::uint32_t range) {
        state = state * 1664525u + 1013904223u;
        return 1 + (state >> 8) % range;
    };
    int mismatches = 0;
    for (int i = 0; i < 20000; ++i) {
        const double leads = 1000 + next(9000), opens = next(1000), mqls = next(300);
        const auto c = run(Grid::from_rows({
            {"MQLs", "", "", mqls},
            {"Leads", "MQLs", "*", leads},
            {"Open rate", "MQLs", "*", stored(opens / leads)},
            {"Conversion", "MQLs", "*", stored(mqls / opens)},
            {"Sessions", "", "", stored(leads / 7 + opens / 3)},
            {"A", "Sessions", "+", stored(leads / 7)},
            {"B", "Sessions", "+", stored(opens / 3)},
        }));
        mismatches += c.of("MQLs").verdict != Verdict::ok;
        mismatches += c.of("Sessions").verdict != Verdict::ok;
    }
    EXPECT_EQ(mismatches, 0);
    // A difference in the 12th digit is not storage noise.
    const auto off = run(Grid::from_rows({{"S", "", "", 1.000000000001}, {"A", "S", "*", 1.0}}));
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
    const auto v = combine(t, 0, [&](std::size_t c) { return t.value(c, 0); });
    EXPECT_DOUBLE_EQ(*v, 0.5);
    EXPECT_FALSE(combine(t, 1, [](std::size_t) { return 1.0; }).has_value()); // leaf
}

// ---- the rounding tolerance ------------------------------------------------------------------

namespace {

CheckOptions rounding() {
    CheckOptions o;
    o.rounding = true;
    return o;
}

double round_to(double v, int decimals) {
    const double scale = std::pow(10.0, decimals);
    return std::round(v * scale) / scale;
}

} // namespace

TEST(CheckRounding, HalfUnitsFollowTheDigitsEachRowCarries) {
    const Tree t = read_tree(Grid::from_rows({
        {"Name", "Parent", "Link", "Kind", "Q1", "Q2", "Q3"},
        {"Rate", "", "", "", 66.2, 66.25, 0.0},                     // 2 decimals: ± 0.005
        {"Count", "Rate", "*", "", 1149.0, 1200.0, 1300.0},         // whole: ± 0.5
        {"Thousands", "Rate", "*", "", 1234000.0, 56000.0, 7000.0}, // whole thousands: ± 500
        {"Hundred", "Rate", "*", "constant", 100.0, 100.0, 100.0},  // a constant is exact
        {"Two", "Rate", "*", "", 2000.0, 3000.0, Empty{}}, // too few values to judge: ± 0.5
    }));
    const auto half = half_units(t);
    EXPECT_DOUBLE_EQ(half[0], 0.005);
    EXPECT_DOUBLE_EQ(half[1], 0.5);
    EXPECT_DOUBLE_EQ(half[2], 500.0);
    EXPECT_DOUBLE_EQ(half[3], 0.0);
    EXPECT_DOUBLE_EQ(half[4], 0.5);
}

TEST(CheckRounding, AcceptsEveryDifferenceRoundingTheInputsCanProduce) {
    // Exact values, each rounded to its own digits as a published table shows them: the
    // rounding check must hold in every period, for sums, differences, products and ratios.
    std::uint64_t state = 12345;
    auto uniform = [&](double lo, double hi) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return lo + (hi - lo) * static_cast<double>(state >> 11) / 9007199254740992.0;
    };
    constexpr std::size_t periods = 6;
    for (int draw = 0; draw < 200; ++draw) {
        Grid g(6, 3 + periods);
        const char* labels[6][3] = {{"Sum", "", ""},  {"A", "Sum", "+"},  {"B", "Sum", "\u2212"},
                                    {"Prod", "", ""}, {"X", "Prod", "*"}, {"Y", "Prod", "/"}};
        for (std::size_t r = 0; r < 6; ++r)
            for (std::size_t c = 0; c < 3; ++c)
                if (*labels[r][c])
                    g.at(r, c) = std::string(labels[r][c]);
        for (std::size_t p = 3; p < 3 + periods; ++p) {
            const double va = uniform(100, 5000), vb = uniform(0, 90);
            g.at(1, p) = round_to(va, 1);
            g.at(2, p) = round_to(vb, 2);
            g.at(0, p) = round_to(va - vb, 0);
            const double vx = uniform(10, 900), vy = uniform(0.5, 3);
            g.at(4, p) = round_to(vx, 0);
            g.at(5, p) = round_to(vy, 3);
            g.at(3, p) = round_to(vx / vy, 1);
        }
        const auto c = run(g, rounding());
        ASSERT_EQ(c.status("Sum"), "OK") << "draw " << draw;
        ASSERT_EQ(c.status("Prod"), "OK") << "draw " << draw;
    }
}

TEST(CheckRounding, RejectsWhatRoundingCannotExplain) {
    // 600 + 549 = 1149 in whole units: the bound is ±1.5 (0.5 per child and for the parent).
    auto table = [](double total) {
        return Grid::from_rows({
            {"Name", "Parent", "Link", "Q1"},
            {"Total", "", "", total},
            {"A", "Total", "+", 600.0},
            {"B", "Total", "+", 549.0},
        });
    };
    EXPECT_EQ(run(table(1150.0), rounding()).status("Total"), "OK");
    EXPECT_EQ(run(table(1148.0), rounding()).status("Total"), "OK");
    EXPECT_EQ(run(table(1151.0), rounding()).status("Total"),
              "MISMATCH 1 of 1 period; worst Q1: residual 2 (0.174%), beyond the rounding bound "
              "\u00B11.5");
    // A typed-in 1449 for 1149.
    EXPECT_EQ(run(table(1449.0), rounding()).status("Total"),
              "MISMATCH 1 of 1 period; worst Q1: residual 300 (26.1%), beyond the rounding bound "
              "\u00B11.5");
    // The default still accepts floating-point noise only.
    EXPECT_EQ(run(table(1150.0)).status("Total").substr(0, 8), "MISMATCH");
}

TEST(CheckRounding, OverflowIsNeverOk) {
    const auto c = run(Grid::from_rows({
                           {"Name", "Parent", "Link", "Q1"},
                           {"P", "", "", 1.0},
                           {"A", "P", "*", 1e200},
                           {"B", "P", "*", 1e200},
                       }),
                       rounding());
    EXPECT_EQ(c.of("P").verdict, Verdict::error);
    EXPECT_EQ(c.status("P").substr(0, 14), "ERROR overflow");
}

TEST(CheckHints, ParentAboutOneHundredTimesItsChildrenLooksLikeAPercentage) {
    // Conversion = Orders ÷ Visits, published as 66.2 for 66.2 %.
    const auto c = run(Grid::from_rows({
        {"Name", "Parent", "Link", "Q1", "Q2"},
        {"Conversion", "", "", 66.2, 70.1},
        {"Orders", "Conversion", "*", 662.0, 701.0},
        {"Visits", "Conversion", "/", 1000.0, 1000.0},
    }));
    EXPECT_EQ(*c.of("Conversion").factor, 100.0);
    EXPECT_NE(c.status("Conversion")
                  .find("; it is about 100 times what its children give in "
                        "every period: a percentage stored as 0\u2013100?"),
              std::string::npos)
        << c.status("Conversion");
    // Off by 100 in one period only: no hint.
    const auto once = run(Grid::from_rows({
        {"Name", "Parent", "Link", "Q1", "Q2"},
        {"Conversion", "", "", 66.2, 0.702},
        {"Orders", "Conversion", "*", 662.0, 701.0},
        {"Visits", "Conversion", "/", 1000.0, 1000.0},
    }));
    EXPECT_FALSE(once.of("Conversion").factor);
}

namespace {

// Total = A + B over 8 quarters, Total off by `offsets` (A + B exact).
Grid drift_table(const double (&offsets)[8]) {
    Grid g(4, 11);
    g.at(0, 0) = std::string("Name");
    g.at(0, 1) = std::string("Parent");
    g.at(0, 2) = std::string("Link");
    g.at(1, 0) = std::string("Total");
    g.at(2, 0) = std::string("A");
    g.at(3, 0) = std::string("B");
    g.at(2, 1) = g.at(3, 1) = std::string("Total");
    g.at(2, 2) = g.at(3, 2) = std::string("+");
    for (std::size_t p = 0; p < 8; ++p) {
        g.at(0, 3 + p) = "Q" + std::to_string(p + 1);
        g.at(2, 3 + p) = 100.0 + static_cast<double>(p);
        g.at(3, 3 + p) = 50.0;
        g.at(1, 3 + p) = 150.0 + static_cast<double>(p) + offsets[p];
    }
    return g;
}

} // namespace

TEST(CheckHints, DriftNoteForTheLatestPeriodsOffInOneDirection) {
    // Rounding noise first, then a revision shifts the last 7 of 8 quarters up.
    const double revised[8] = {-0.4, 5, 5, 5, 5, 5, 5, 5};
    const auto c = run(drift_table(revised));
    EXPECT_EQ(c.of("Total").drift_run, 7u);
    const std::string s = c.status("Total");
    EXPECT_NE(s.find("; the last 7 of 8 periods are off in the same direction (+)"),
              std::string::npos)
        << s;
    // Alternating signs (rounding noise): no note.
    const double noise[8] = {0.4, -0.3, 0.2, -0.4, 0.3, -0.2, 0.4, -0.1};
    const auto n = run(drift_table(noise));
    EXPECT_EQ(n.of("Total").drift_run, 0u);
    EXPECT_EQ(n.status("Total").find("same direction"), std::string::npos);
}
