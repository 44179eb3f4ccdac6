#include "kpitree/report.hpp"

#include <gtest/gtest.h>

using namespace kpitree;

namespace {

Grid sheet_with_table_at(std::size_t row, std::size_t column) {
    Grid g(row + 6, column + 8);
    const std::vector<std::vector<Cell>> table = {
        {"Name", "Parent", "Link", "Jan", "Feb"}, {"Sales", "", "", 100.0, 130.0},
        {"Deals", "Sales", "*", 10.0, 12.0},      {"AOV", "Sales", "*", 10.0, 10.0},
        {"Webinars", "Deals", "~", 3.0, 4.0},
    };
    for (std::size_t r = 0; r < table.size(); ++r)
        for (std::size_t c = 0; c < table[r].size(); ++c)
            g.at(row + r, column + c) = table[r][c];
    g.at(row, column + 6) = std::string("Check"); // a verdict column after a blank column
    return g;
}

} // namespace

TEST(Report, FindsTheHeaderedTableAnywhereOnTheSheet) {
    const Grid g = sheet_with_table_at(3, 2);
    const auto rect = find_tree_table(g);
    ASSERT_TRUE(rect);
    EXPECT_EQ(range_name(*rect), "C4:G8");
    EXPECT_EQ(sub_grid(g, *rect).rows(), 5u);
    EXPECT_EQ(sub_grid(g, *rect).columns(), 5u);
}

TEST(Report, FallsBackToATopLeftBlockThatReadsAsATree) {
    const Grid g =
        Grid::from_rows({{}, {Empty{}, "Sales", "", "", 3.0}, {Empty{}, "A", "Sales", "+", 3.0}});
    const auto rect = find_tree_table(g);
    ASSERT_TRUE(rect);
    EXPECT_EQ(range_name(*rect), "B2:E3");
    EXPECT_FALSE(find_tree_table(Grid::from_rows({{"just", "some", "notes"}})));
    EXPECT_FALSE(find_tree_table(Grid(4, 4)));
}

TEST(Report, FindsEveryTableInBothLayoutsAndNoneInARawExport) {
    // A row-layout table at A1 and a transposed one (Japanese labels) at H1.
    Grid g = sheet_with_table_at(0, 0);
    Grid wide(12, 14);
    for (std::size_t r = 0; r < g.rows(); ++r)
        for (std::size_t c = 0; c < g.columns() && c < 6; ++c)
            wide.at(r, c) = g.at(r, c);
    const std::vector<std::vector<Cell>> transposed = {{"名前", "売上", "件数"},
                                                       {"親", "", "売上"},
                                                       {"リンク", "", "*"},
                                                       {45292.0, 100.0, 100.0},
                                                       {45323.0, 120.0, 120.0}};
    for (std::size_t r = 0; r < transposed.size(); ++r)
        for (std::size_t c = 0; c < transposed[r].size(); ++c)
            wide.at(r, 8 + c) = transposed[r][c];
    const auto found = find_tree_tables(wide);
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(range_name(found[0]), "A1:E5");
    EXPECT_EQ(range_name(found[1]), "I1:K5");
    const AuditReport r = audit(sub_grid(wide, found[1]), "Sheet1.I1:K5");
    EXPECT_FALSE(r.failed()) << r.text;
    EXPECT_NE(r.text.find("2 KPIs, 2 periods (2024-01 \u2026 2024-02)"), std::string::npos)
        << r.text;
    // Regression: an export with dates down the first column and no labels was read as 26 KPIs
    // named by dates with invalid links (exit 1); it is no tree table (exit 2).
    const Grid raw = Grid::from_rows({{"Date", "Sales", "Deals"},
                                      {45352.0, 2276.0, 13.0},
                                      {45323.0, 2100.0, 12.0},
                                      {45292.0, 1900.0, 11.0}});
    EXPECT_TRUE(find_tree_tables(raw).empty());
}

TEST(Report, ToleranceReachesTheCheck) {
    const Grid g = Grid::from_rows({{"Name", "Parent", "Link", "Q1"},
                                    {"Total", "", "", 1150.0},
                                    {"A", "Total", "+", 600.0},
                                    {"B", "Total", "+", 549.0}});
    EXPECT_TRUE(audit(g, "x").failed());
    CheckOptions rounding;
    rounding.rounding = true;
    EXPECT_FALSE(audit(g, "x", rounding).failed());
}

TEST(Report, ColumnNamesBeyondZ) {
    EXPECT_EQ(range_name({0, 25, 1, 3}), "Z1:AB1");
    EXPECT_EQ(range_name({9, 701, 1, 1}), "ZZ10:ZZ10");
}

TEST(Report, AuditPrintsTreeVerdictsFindingsAndCountsFailures) {
    const Grid g = sheet_with_table_at(0, 0);
    const auto report = audit(sub_grid(g, *find_tree_table(g)), "Sheet1.A1:E5");
    EXPECT_EQ(report.mismatches, 1u); // 130 != 12 * 10
    EXPECT_EQ(report.errors, 0u);
    EXPECT_TRUE(report.failed());
    EXPECT_NE(report.text.find("MISMATCH 1 of 2 periods; worst Feb: residual 10"),
              std::string::npos)
        << report.text;
    EXPECT_NE(report.text.find("\u251C\u2500 \u00D7 Deals"), std::string::npos) << report.text;
    EXPECT_NE(report.text.find("\u2514\u2500 ~ Webinars"), std::string::npos) << report.text;
    EXPECT_NE(report.text.find("INSUFFICIENT"), std::string::npos) << report.text;
    EXPECT_NE(report.text.find("Summary: 1 mismatch, 0 errors"), std::string::npos);
}

TEST(Report, BrokenTablesAreErrorsNotCrashes) {
    const auto report = audit(Grid::from_rows({{"A", "B", "+", 1.0}, {"B", "A", "+", 1.0}}), "x");
    EXPECT_GE(report.errors, 2u);
    EXPECT_NE(report.text.find("? A"), std::string::npos) << report.text;
    EXPECT_TRUE(audit(Grid::from_rows({{"one"}}), "x").failed());
}

TEST(Report, DeepChainsAreDrawnWithoutRecursionAndInLinearSpace) {
    // The report walked the tree recursively with ever longer prefixes: a 100,000-level chain
    // overflowed the stack of `kpitree check` (and needed ~10^10 bytes of tree drawing).
    const std::size_t depth = 100000;
    Grid g(depth + 1, 4);
    for (std::size_t i = 0; i <= depth; ++i) {
        g.at(i, 0) = "N" + std::to_string(i);
        if (i > 0) {
            g.at(i, 1) = "N" + std::to_string(i - 1);
            g.at(i, 2) = std::string("+");
        }
        g.at(i, 3) = 1.0;
    }
    const AuditReport r = audit(g, "chain");
    EXPECT_LT(r.text.size(), 400 * depth); // linear: a bounded line per row
    EXPECT_NE(r.text.find("\u2026 level 100000: + N100000"), std::string::npos);
    EXPECT_EQ(r.errors, 0u);
}
