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
