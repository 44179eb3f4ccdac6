#include "kpitree/model/layout.hpp"
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

TEST(Report, AVerdictColumnRightNextToTheTableIsNotAPeriod) {
    // Regression (issue 13 item 13): a KPI.CHECK column, a fill-down column of statuses or a
    // contribution column right beside the table was read as one more period, so every KPI
    // turned ERROR (text values) and a contribution showed as the KGI's latest value.
    const std::vector<std::vector<Cell>> beside = {{"Check", Empty{}, "Contribution Jan\u2192Feb"},
                                                   {"MISMATCH 1 of 2 periods", "OK", 30.0},
                                                   {"OK", Empty{}, 20.0},
                                                   {"LEAF", "LEAF", 0.0},
                                                   {"LEAF", "INSUFFICIENT too few periods", 0.0}};
    for (std::size_t column = 0; column < 3; ++column) {
        Grid g = sheet_with_table_at(1, 1);
        for (std::size_t r = 0; r < beside.size(); ++r)
            g.at(1 + r, 6) = beside[r][column];
        const auto found = find_tree_tables(g);
        ASSERT_EQ(found.size(), 1u) << column;
        EXPECT_EQ(range_name(found[0]), "B2:F6") << column;
    }
    // Transposed: a result row under the periods ends the table too.
    const Grid down = Grid::from_rows({{"Name", "Sales", "Deals"},
                                       {"Parent", "", "Sales"},
                                       {"Link", "", "+"},
                                       {"Jan", 10.0, 10.0},
                                       {"Check", "OK", "LEAF"}});
    const auto found = find_tree_tables(down);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(range_name(found[0]), "A1:C4");
    // A column of numbers under a period label stays a period.
    Grid g = sheet_with_table_at(0, 0);
    g.at(0, 5) = std::string("Mar");
    for (std::size_t r = 1; r < 5; ++r)
        g.at(r, 5) = 1.0;
    EXPECT_EQ(range_name(find_tree_tables(g).front()), "A1:F5");
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

namespace {

// The value of `key` in a JSON Lines record as written (a string with its quotes, a number, or
// null); the record's keys never repeat and no value holds '"key": '.
std::string json_field(const std::string& line, const std::string& key) {
    const std::string marker = "\"" + key + "\": ";
    const auto at = line.find(marker);
    if (at == std::string::npos)
        return "(missing)";
    const auto start = at + marker.size();
    if (line[start] != '"')
        return line.substr(start, line.find_first_of(",}", start) - start);
    std::size_t end = start + 1;
    while (line[end] != '"')
        end += line[end] == '\\' ? 2 : 1;
    return line.substr(start, end + 1 - start);
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    for (std::size_t at = 0; at < text.size();) {
        const auto end = text.find('\n', at);
        out.push_back(text.substr(at, end - at));
        at = end + 1;
    }
    return out;
}

const Grid planning_table = Grid::from_rows({{"Name", "Parent", "Link", "Jan", "Feb", "Mar"},
                                             {"Sales", "", "", 100.0, 120.0, 150.0},
                                             {"Deals", "Sales", "*", 10.0, 12.0, 15.0},
                                             {"AOV", "Sales", "*", 10.0, 10.0, 10.0},
                                             {"Calls, \"warm\"", "Deals", "~", 1.0, 2.0, 3.0}});

} // namespace

TEST(Report, JsonHasOneRecordPerKpiWithEveryVerdictAndFigure) {
    AuditOptions options;
    options.format = ReportFormat::json;
    options.workbook = "book.ods";
    options.from = Cell(std::string("Jan"));
    options.to = Cell(std::string("Feb"));
    options.plan = Grid::from_rows({{"Name", "Plan"}, {"Deals", 16.0}, {"AOV", 10.0}});
    const AuditReport r = audit(planning_table, "Sheet1.A1:F5", options);
    const auto lines = lines_of(r.text);
    ASSERT_EQ(lines.size(), 4u) << r.text;
    const std::string& sales = lines[0];
    EXPECT_EQ(sales.substr(0, 23), "{\"workbook\": \"book.ods\"");
    EXPECT_EQ(json_field(sales, "table"), "\"Sheet1.A1:F5\"");
    EXPECT_EQ(json_field(sales, "kpi"), "\"Sales\"");
    EXPECT_EQ(json_field(sales, "parent"), "null");
    EXPECT_EQ(json_field(sales, "latest"), "150");
    EXPECT_EQ(json_field(sales, "check_status"), "\"OK\"");
    EXPECT_EQ(json_field(sales, "contribution"), "20"); // Jan→Feb, not the last two
    EXPECT_EQ(json_field(sales, "contribution_from"), "\"Jan\"");
    EXPECT_EQ(json_field(sales, "plan_period"), "\"Mar\"");
    EXPECT_EQ(json_field(sales, "plan"), "160");
    EXPECT_EQ(json_field(sales, "gap"), "-10");
    EXPECT_EQ(json_field(sales, "plan_status"), "\"BEHIND\"");
    EXPECT_EQ(json_field(lines[1], "link"), "\"*\"");
    EXPECT_EQ(json_field(lines[1], "level"), "1");
    EXPECT_EQ(json_field(lines[1], "gap_contribution"), "-10");
    const std::string& calls = lines[3];
    EXPECT_EQ(json_field(calls, "kpi"), "\"Calls, \\\"warm\\\"\"");
    EXPECT_EQ(json_field(calls, "causal_status"), "\"INSUFFICIENT\"");
    EXPECT_NE(json_field(calls, "findings"), "null"); // too few periods to test the link
    for (const auto& line : lines)
        for (const auto& key : record_keys())
            EXPECT_NE(json_field(line, key), "(missing)") << key;
}

TEST(Report, CsvHasTheSameKeysAndQuotesWhereNeeded) {
    AuditOptions options;
    options.format = ReportFormat::csv;
    const AuditReport r = audit(planning_table, "Sheet1.A1:F5", options);
    const auto lines = lines_of(r.text);
    ASSERT_EQ(lines.size(), 4u) << r.text;
    EXPECT_EQ(csv_header().substr(0, 30), "workbook,table,kpi,parent,link");
    EXPECT_EQ(lines[0].substr(0, 20), ",Sheet1.A1:F5,Sales,");
    EXPECT_NE(lines[3].find(",\"Calls, \"\"warm\"\"\",Deals,~,"), std::string::npos) << lines[3];
    // A table that cannot be read is one record naming why.
    const AuditReport broken = audit(Grid::from_rows({{"one"}}), "x", options);
    EXPECT_TRUE(broken.failed());
    EXPECT_EQ(broken.text.substr(0, 15), ",x,,,,,,,ERROR,");
}

TEST(Report, TextShowsThePlanAndTheChosenPeriods) {
    AuditOptions options;
    options.from = Cell(1.0);
    options.to = Cell(std::string("Mar"));
    options.plan = Grid::from_rows({{"Deals", 16.0}, {"AOV", 10.0}});
    const AuditReport r = audit(planning_table, "Sheet1.A1:F5", options);
    EXPECT_NE(r.text.find("[contribution Jan\u2192Mar]"), std::string::npos) << r.text;
    EXPECT_NE(r.text.find("Plan vs actual, Mar:"), std::string::npos) << r.text;
    const auto deals =
        r.text.find("\u251C\u2500 \u00D7 Deals               16      15   -1  -6.25%");
    ASSERT_NE(deals, std::string::npos) << r.text;
    const std::string line = r.text.substr(deals, r.text.find('\n', deals) - deals);
    EXPECT_EQ(line.substr(line.size() - 28), "-6.25%           -10  BEHIND") << line;
    options.to = Cell(std::string("Nov"));
    try {
        audit(planning_table, "x", options);
        ADD_FAILURE() << "--to Nov was accepted";
    } catch (const ArgumentError& e) {
        EXPECT_EQ(std::string(e.what()), "--to: no period 'Nov'; periods are Jan, Feb, Mar");
    }
    options.to = Cell(std::string("Mar"));
    options.plan = Grid::from_rows({{"Nobody", 1.0}});
    EXPECT_THROW(audit(planning_table, "x", options), ArgumentError);
}

// Regression (issue 13 item 13): a fill-down contribution column under the user's own header,
// right beside the table, was read as a fourth period. Cells the caller marks as KPI formulas
// end the table, whatever their header and values.
TEST(FindTreeTables, AColumnOfKpiFormulasBesideTheTableIsNoPeriod) {
    const Grid sheet =
        Grid::from_rows({{"Name", "Parent", "Link", "Jan", "Feb", "Mar", "Δ Jan–Mar"},
                         {"Sales", "", "", 10.0, 11.0, 12.0, 2.0},
                         {"A", "Sales", "+", 4.0, 5.0, 5.0, 1.0},
                         {"B", "Sales", "+", 6.0, 6.0, 7.0, 1.0}});
    const auto plain = find_tree_tables(sheet);
    ASSERT_EQ(plain.size(), 1u);
    EXPECT_EQ(range_name(plain[0]), "A1:G4"); // values alone cannot tell
    const auto marked =
        find_tree_tables(sheet, [](std::size_t r, std::size_t c) { return r > 0 && c == 6; });
    ASSERT_EQ(marked.size(), 1u);
    EXPECT_EQ(range_name(marked[0]), "A1:F4");
    const Grid down = transpose(sheet);
    const auto turned =
        find_tree_tables(down, [](std::size_t r, std::size_t c) { return c > 0 && r == 6; });
    ASSERT_EQ(turned.size(), 1u);
    EXPECT_EQ(range_name(turned[0]), "A1:D6");
}

// A row whose contribution cannot be split says why in the text report instead of leaving the
// column blank (a blank read like "no contribution"): here Gross profit's own identity fails in
// the from period, so its children's split is refused; the second child refers to the first.
TEST(Report, TextSaysWhyAContributionIsMissing) {
    const Grid pnl = Grid::from_rows({{"Name", "Parent", "Link", "Q1", "Q2"},
                                      {"Profit", "", "", 50.0, 60.0},
                                      {"Gross profit", "Profit", "+", 80.0, 95.0},
                                      {"Revenue", "Gross profit", "+", 100.0, 120.0},
                                      {"Cost of sales", "Gross profit", "-", 30.0, 25.0},
                                      {"Opex", "Profit", "-", 30.0, 35.0},
                                      {"Ad spend", "Profit", "~", 3.0, 4.0}});
    const AuditReport r = audit(pnl, "Sheet1.A1:E7");
    const auto revenue = r.text.find("Revenue");
    ASSERT_NE(revenue, std::string::npos) << r.text;
    const std::string line = r.text.substr(revenue, r.text.find('\n', revenue) - revenue);
    EXPECT_NE(line.find("[none: MISMATCH 'Gross profit' is 80 but its children give 70 in Q1"),
              std::string::npos)
        << r.text;
    const auto cost = r.text.find("Cost of sales");
    const std::string next = r.text.substr(cost, r.text.find('\n', cost) - cost);
    EXPECT_NE(next.find("[none: as above]"), std::string::npos) << r.text;
    // A ~ link has no contribution by design: its row states no reason.
    const auto ads = r.text.find("~ Ad spend");
    ASSERT_NE(ads, std::string::npos) << r.text;
    EXPECT_EQ(r.text.substr(ads, r.text.find('\n', ads) - ads).find("none:"), std::string::npos)
        << r.text;
    EXPECT_NE(r.text.find("\u2500 \u2212 Opex                  35    [-5]\n"), std::string::npos)
        << r.text;
}
