#include "kpitree/model/tree.hpp"

#include <gtest/gtest.h>
#include <limits>
#include <random>

using namespace kpitree;

namespace {

Grid marketing() {
    return Grid::from_rows({
        {"Name", "Parent", "Link", "Jan", "Feb"},
        {"Sales", "", "", 1000000.0, 1100000.0},
        {"Deals", "Sales", "*", 50.0, 55.0},
        {"Average order value", "Sales", "\u00D7", 20000.0, 20000.0},
        {"Meetings", "Deals", "*", 200.0, 220.0},
        {"Close rate", "Deals", "*", 0.25, 0.25},
        {"Webinar attendance", "Meetings", "~", 310.0, 355.0},
    });
}

} // namespace

TEST(Tree, ReadsHeaderNodesLinksAndDepth) {
    const Tree t = read_tree(marketing());
    ASSERT_TRUE(t.table_errors.empty());
    EXPECT_TRUE(t.has_header);
    EXPECT_EQ(t.period_labels, (std::vector<std::string>{"Jan", "Feb"}));
    ASSERT_EQ(t.nodes.size(), 6u);
    EXPECT_EQ(t.roots, (std::vector<std::size_t>{0}));
    const auto webinar = *t.find("webinar ATTENDANCE");
    EXPECT_EQ(t.nodes[webinar].link, Link::hypothesis);
    EXPECT_EQ(t.nodes[webinar].depth, 3);
    EXPECT_EQ(*t.nodes[webinar].root, 0u);
    EXPECT_EQ(t.nodes[*t.find("Average order value")].link, Link::multiply);
    EXPECT_EQ(t.arithmetic_children(*t.find("Deals")).size(), 2u);
    EXPECT_EQ(t.hypothesis_children(*t.find("Meetings")).size(), 1u);
    for (const Node& n : t.nodes)
        EXPECT_TRUE(n.ok()) << n.name;
    EXPECT_EQ(*t.node_of_row[1], 0u);
    EXPECT_FALSE(t.node_of_row[0].has_value());
}

TEST(Tree, ParsesEveryLinkForm) {
    EXPECT_EQ(parse_link(" + "), Link::add);
    EXPECT_EQ(parse_link("\u2212"), Link::subtract);
    EXPECT_EQ(parse_link("-"), Link::subtract);
    EXPECT_EQ(parse_link("\u00D7"), Link::multiply);
    EXPECT_EQ(parse_link("\u00F7"), Link::divide);
    EXPECT_EQ(parse_link("/"), Link::divide);
    EXPECT_EQ(parse_link("\uFF5E"), Link::hypothesis);
    EXPECT_EQ(parse_link(""), Link::none);
    EXPECT_FALSE(parse_link("plus").has_value());
    EXPECT_FALSE(parse_link("**").has_value());
}

TEST(Tree, NamesAreTrimmedAndCaseInsensitiveInAnyScript) {
    EXPECT_EQ(name_key("  Close Rate\u00A0"), name_key("close rate"));
    EXPECT_EQ(name_key("\u3000\u58F2\u4E0A\u3000"), "\u58F2\u4E0A"); // 売上
    EXPECT_EQ(name_key("MYYNTI \u00C4\u00D6"), name_key("myynti \u00E4\u00F6"));
    EXPECT_EQ(name_key("\u0395\u039B"), name_key("\u03B5\u03BB")); // Greek
    const Tree t = read_tree(Grid::from_rows({
        {"\u58F2\u4E0A", "", "", 10.0},                     // 売上
        {"\u53D7\u6CE8\u6570", " \u58F2\u4E0A ", "*", 2.0}, // 受注数
        {"\u5355\u4EF7", "\u58F2\u4E0A", "\u00D7", 5.0},    // 单价
    }));
    ASSERT_TRUE(t.table_errors.empty());
    EXPECT_FALSE(t.has_header);
    for (const Node& n : t.nodes)
        EXPECT_TRUE(n.ok()) << n.name << ": " << (n.errors.empty() ? "" : n.errors.front());
    EXPECT_EQ(t.nodes[0].children.size(), 2u);
}

TEST(Tree, DatePeriodHeadersAreRecognisedByTheLinkColumn) {
    const Tree t = read_tree(Grid::from_rows({
        {"Name", "Parent", "Link", 45292.0, 45323.0},
        {"Sales", "", "", 1.0, 2.0},
    }));
    EXPECT_TRUE(t.has_header);
    EXPECT_EQ(t.nodes.size(), 1u);
    // Calc passes date cells as serials: a header of monthly serials shows as months.
    EXPECT_EQ(t.period_labels[0], "2024-01");
    EXPECT_EQ(t.period_dates, (std::vector<long>{45292, 45323}));
    EXPECT_TRUE(t.date_months);
}

TEST(Tree, TransposedTableIsReadAsItsTranspose) {
    // Labels down the first column (Kind included), one column per KPI, periods newest first.
    const Tree t = read_tree(Grid::from_rows({
        {"Nimi", "Sales", "Deals", "AOV"},
        {"Yläsolmu", "", "Sales", "Sales"},
        {"Linkki", "", "*", "*"},
        {"Laji", "", "flow", "ratio"},
        {"2024-02-01", 24.0, 2.0, 12.0},
        {"2024-01-01", 10.0, 1.0, 10.0},
    }));
    EXPECT_TRUE(t.transposed);
    EXPECT_TRUE(t.has_kind_column);
    ASSERT_EQ(t.nodes.size(), 3u);
    EXPECT_EQ(t.nodes[1].name, "Deals");
    EXPECT_EQ(t.nodes[1].row, 2u); // the table's third column
    EXPECT_EQ(t.kinds[1], Kind::flow);
    EXPECT_EQ(t.period_labels, (std::vector<std::string>{"2024-01-01", "2024-02-01"}));
    EXPECT_EQ(t.series(0), (Series{10.0, 24.0}));
    EXPECT_EQ(t.place(2), "table column 3");
}

TEST(Tree, RecordsRowProblemsWithoutThrowing) {
    const Tree t = read_tree(Grid::from_rows({
        {"Sales", "", "", 10.0, 12.0},
        {"Deals", "Sales", "*", 2.0, "n/a"},
        {"Deals", "Sales", "*", 5.0, 6.0},
        {"Orphan", "Nobody", "+", 1.0, 1.0},
        {"Self", "Self", "+", 1.0, 1.0},
        {"A", "B", "+", 1.0, 1.0},
        {"B", "A", "+", 1.0, 1.0},
        {"Below cycle", "A", "+", 1.0, 1.0},
        {"Bad link", "Sales", "plus", 1.0, 1.0},
        {"No link", "Sales", "", 1.0, 1.0},
        {"", "Sales", "+", 1.0, 1.0},
        {"Err", "Sales", "+", CellError{"#N/A"}, 1.0},
    }));
    auto first_error = [&](std::size_t i) {
        return t.nodes[i].errors.empty() ? std::string() : t.nodes[i].errors.front();
    };
    EXPECT_NE(first_error(1).find("not quantifiable: text 'n/a' in period 2"), std::string::npos);
    EXPECT_EQ(first_error(1).find("stored as text"), std::string::npos); // n/a is no number
    EXPECT_NE(first_error(2).find("duplicate name 'Deals' (also table row 2)"), std::string::npos);
    EXPECT_EQ(first_error(3), "unknown parent 'Nobody'");
    EXPECT_EQ(first_error(4), "'Self' is its own parent");
    EXPECT_NE(first_error(5).find("cycle: "), std::string::npos);
    EXPECT_NE(first_error(6).find("cycle: "), std::string::npos);
    EXPECT_TRUE(t.nodes[7].ok());
    EXPECT_NE(t.nodes[7].detached.find("no KGI above it: 'A' is unusable (cycle: "),
              std::string::npos);
    EXPECT_NE(first_error(8).find("invalid link 'plus'"), std::string::npos);
    EXPECT_NE(first_error(9).find("no link to its parent 'Sales'"), std::string::npos);
    EXPECT_EQ(first_error(10), "no name in table row 11");
    EXPECT_NE(first_error(11).find("error value #N/A in period 1"), std::string::npos);
}

TEST(Tree, MixedOperatorsAreAnErrorOnTheParent) {
    const Tree t = read_tree(Grid::from_rows({
        {"Sales", "", "", 10.0},
        {"Deals", "Sales", "+", 2.0},
        {"Price", "Sales", "*", 5.0},
    }));
    ASSERT_FALSE(t.nodes[0].ok());
    EXPECT_EQ(t.nodes[0].errors.front(),
              "mixed operators under 'Sales': + 'Deals' and \u00D7 'Price'; insert an "
              "intermediate node");
    EXPECT_TRUE(t.nodes[1].ok());
}

TEST(Tree, TableLevelProblems) {
    EXPECT_EQ(read_tree(Grid()).table_errors.front(), "the range is empty");
    EXPECT_NE(read_tree(Grid::from_rows({{"Sales"}, {"Deals"}}))
                  .table_errors.front()
                  .find("at least 4 columns"),
              std::string::npos);
    EXPECT_EQ(read_tree(Grid(3, 5)).table_errors.front(), "no KPI rows: the range is blank");
}

TEST(Tree, SeveralRootsAndBlankRows) {
    const Tree t = read_tree(Grid::from_rows({
        {"Sales", "", "", 10.0},
        {},
        {"Retention", "", "", 0.9},
        {"Active", "Retention", "*", 0.9},
    }));
    EXPECT_EQ(t.roots.size(), 2u);
    EXPECT_FALSE(t.node_of_row[1].has_value());
    EXPECT_EQ(*t.nodes[*t.find("Active")].root, *t.find("Retention"));
}

TEST(Tree, ANumberStoredAsTextSaysHowToConvertIt) {
    // Issue 13 item 9: exports hold "14.6%" and "257,560" as text; the ERROR said only "text".
    for (const char* text : {"14.6%", "257,560", "1 234,5", "$1,200", "-3.5", "\u20AC 12"}) {
        const Tree t = read_tree(Grid::from_rows(
            {{"Name", "Parent", "Link", "Q1"}, {"Rate", "", "", std::string(text)}}));
        ASSERT_FALSE(t.nodes[0].ok()) << text;
        EXPECT_NE(t.nodes[0].errors.front().find(
                      "a number stored as text: convert the column to numbers, e.g. Data "
                      "\u25B8 Text to Columns, or =VALUE()"),
                  std::string::npos)
            << t.nodes[0].errors.front();
    }
    for (const char* text : {"n/a", "three", "-", "%"}) {
        const Tree t = read_tree(Grid::from_rows(
            {{"Name", "Parent", "Link", "Q1"}, {"Rate", "", "", std::string(text)}}));
        EXPECT_EQ(t.nodes[0].errors.front().find("stored as text"), std::string::npos) << text;
    }
}

// Guards the flat name index that replaced a string-keyed hash map (read_tree at 100,000
// rows): every key finds its nodes in table order, through collisions and a full probe run.
TEST(NameIndex, FindsEveryKeyAndListsDuplicatesInTableOrder) {
    std::vector<std::string> keys;
    for (int i = 0; i < 5000; ++i)
        keys.push_back("kpi " + std::to_string(i % 4000)); // 1,000 keys twice
    keys.push_back("");                                    // no name: not indexed
    keys.push_back("kpi 7");                               // a third time
    NameIndex index;
    index.build(keys);
    for (int i = 0; i < 4000; ++i) {
        const auto m = index.lookup("kpi " + std::to_string(i));
        EXPECT_EQ(m.count, i == 7 ? 3u : i < 1000 ? 2u : 1u) << i;
        EXPECT_EQ(m.first, static_cast<std::size_t>(i)) << i;
    }
    EXPECT_EQ(index.lookup("").count, 0u);
    EXPECT_EQ(index.lookup("kpi 4000").count, 0u);
    const auto duplicates = index.duplicates();
    ASSERT_EQ(duplicates.size(), 1000u);
    EXPECT_EQ(duplicates[7], (std::vector<std::size_t>{7, 4007, 5001}));
    EXPECT_EQ(duplicates[999], (std::vector<std::size_t>{999, 4999}));
    EXPECT_EQ(NameIndex().lookup("kpi 1").count, 0u);
}

namespace {

// A flat table of `rows` KGIs over `periods` periods where a value is missing (blank, text,
// not finite) by a fixed random pattern, with blank rows between some of them.
Grid patchy_table(std::size_t rows, std::size_t periods, unsigned seed) {
    std::mt19937 rng(seed);
    std::vector<std::vector<Cell>> grid;
    for (std::size_t r = 0; r < rows; ++r) {
        if (rng() % 5 == 0)
            grid.emplace_back(); // a blank row: read_tree closes the value block up over it
        std::vector<Cell> row{"KPI " + std::to_string(r), std::string(), std::string()};
        for (std::size_t p = 0; p < periods; ++p) {
            switch (rng() % 4) {
            case 0:
                row.emplace_back(Empty{});
                break;
            case 1:
                row.emplace_back(std::string("n/a"));
                break;
            case 2:
                row.emplace_back(std::numeric_limits<double>::infinity());
                break;
            default:
                row.emplace_back(static_cast<double>(p));
                break;
            }
        }
        grid.push_back(std::move(row));
    }
    return Grid::from_rows(grid);
}

// The counts measured_periods and measured_together must give, from Tree::value.
void expect_counts_match_values(const Tree& t) {
    for (std::size_t a = 0; a < t.nodes.size(); ++a) {
        const std::size_t b = (a * 7 + 3) % t.nodes.size();
        std::size_t own = 0, both = 0;
        for (std::size_t p = 0; p < t.periods(); ++p) {
            own += t.value(a, p).has_value();
            both += t.value(a, p) && t.value(b, p);
        }
        EXPECT_EQ(t.measured_periods(a), own) << "node " << a << " of " << t.periods();
        EXPECT_EQ(t.measured_together(a, b), both) << "nodes " << a << ", " << b;
    }
}

} // namespace

// KPI.LINT counts each row's values from the tree's bitmap of present values instead of
// reading every value: the bitmap must agree with the values on every row, across the
// 64-period words, after blank rows, and after set_values replaces the values.
TEST(Tree, MeasuredPeriodsAgreeWithTheValues) {
    for (const std::size_t periods : {1u, 63u, 64u, 65u, 130u}) {
        Tree t = read_tree(patchy_table(40, periods, static_cast<unsigned>(periods)));
        ASSERT_TRUE(t.table_errors.empty());
        ASSERT_EQ(t.periods(), periods);
        expect_counts_match_values(t);

        std::vector<std::optional<double>> replaced(periods * t.nodes.size());
        for (std::size_t i = 0; i < replaced.size(); i += 3)
            replaced[i] = 1.0;
        t.set_values(std::move(replaced));
        expect_counts_match_values(t);
    }
}

TEST(Tree, MeasuredPeriodsOfARowOutsideTheTreeAreNone) {
    const Tree t = read_tree(marketing());
    EXPECT_EQ(t.measured_periods(0), 2u);
    EXPECT_EQ(t.measured_periods(t.nodes.size()), 0u);
    EXPECT_EQ(t.measured_together(0, t.nodes.size()), 0u);
    EXPECT_EQ(read_tree(Grid(0, 0)).measured_periods(0), 0u);
}

// Found by robustness.fuzz (check_cells, an out-of-memory): each row of a cycle and each row
// below it held the cycle's ring naming every row in it, so a 20,000-row cycle with rows
// hanging below took gigabytes. The ring names its first rows and how many more.
TEST(Tree, ALongCycleIsNamedInShortTextOnEveryRow) {
    constexpr std::size_t ring = 20000, below = 2000;
    std::vector<std::vector<Cell>> rows;
    for (std::size_t i = 0; i < ring; ++i) // row i's parent is row i + 1; the last's is row 0
        rows.push_back({"KPI " + std::to_string(i), "KPI " + std::to_string((i + 1) % ring),
                        std::string("+"), 1.0});
    for (std::size_t i = 0; i < below; ++i)
        rows.push_back({"Below " + std::to_string(i), std::string("KPI 7"), std::string("+"), 1.0});
    const Tree t = read_tree(Grid::from_rows(rows));
    ASSERT_EQ(t.nodes.size(), ring + below);
    const std::string& cycle = t.nodes[0].errors.front();
    EXPECT_EQ(cycle, "cycle: KPI 0 \u2192 KPI 1 \u2192 KPI 2 \u2192 KPI 3 \u2192 KPI 4 \u2192 "
                     "KPI 5 \u2192 \u2026 19,994 more \u2192 KPI 0");
    for (std::size_t i = 0; i < t.nodes.size(); ++i) {
        const Node& n = t.nodes[i];
        const std::string& text = n.ok() ? n.detached : n.errors.front();
        ASSERT_FALSE(text.empty()) << i;
        ASSERT_LT(text.size(), 200u) << i << ": " << text;
    }
    // A short cycle is still named in full.
    const Tree small = read_tree(Grid::from_rows({{"A", "B", "+", 1.0}, {"B", "A", "+", 1.0}}));
    EXPECT_EQ(small.nodes[0].errors.front(), "cycle: A \u2192 B \u2192 A");
}
