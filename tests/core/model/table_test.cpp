#include "kpitree/model/table.hpp"

#include <cmath>
#include <gtest/gtest.h>

using namespace kpitree;

TEST(Table, FromRowsPadsRaggedRowsWithEmpty) {
    const Grid g = Grid::from_rows({{"a", 1.0}, {}, {"b", 2.0, CellError{"#N/A"}}});
    EXPECT_EQ(g.rows(), 3u);
    EXPECT_EQ(g.columns(), 3u);
    EXPECT_TRUE(is_empty(g.at(0, 2)));
    EXPECT_TRUE(is_empty(g.at(1, 0)));
    EXPECT_TRUE(is_error(g.at(2, 2)));
    EXPECT_TRUE(is_number(g.at(2, 1)));
    EXPECT_TRUE(is_text(g.at(2, 0)));
    EXPECT_TRUE(Grid().empty());
}

TEST(Table, FormatNumberIsShortAndCarriesAtMost15SignificantDigits) {
    EXPECT_EQ(format_number(1100000.0), "1100000");
    EXPECT_EQ(format_number(0.2476), "0.2476");
    EXPECT_EQ(format_number(-12.5), "-12.5");
    EXPECT_EQ(format_number(0.0), "0");
    EXPECT_EQ(format_number(2024.0), "2024");
    EXPECT_EQ(format_number(1e-9), "1e-09");
    EXPECT_EQ(format_number(NAN), "NaN");
    EXPECT_EQ(format_number(0.1 + 0.2), "0.3");
}

// Guards against raw binary floats in messages (issue 13 item 10): 313.72 × 3 is
// 941.1600000000001 and 21.38 × 10 is 213.79999999999998 in binary; a message shows what the
// data carry.
TEST(Table, FormatNumberShowsProductsOfRoundedFiguresAsTheyWereTyped) {
    EXPECT_EQ(format_number(313.72 * 3), "941.16");
    EXPECT_EQ(format_number(21.38 * 10), "213.8");
    EXPECT_EQ(format_number(470.58 * 2), "941.16");
    EXPECT_EQ(format_number(-(21.38 * 10)), "-213.8");
    EXPECT_EQ(format_number(0.1 * 3), "0.3");
    EXPECT_EQ(format_number(123456789012345.0), "123456789012345");
    EXPECT_EQ(format_number(1e15), "1e+15");
    EXPECT_EQ(format_number(0.000123456789012345678), "0.000123456789012346");
    EXPECT_EQ(format_number(1.0 / 3), "0.333333333333333");
    EXPECT_EQ(format_number(999.99999999999999), "1000");
}

// The exact form stays for machine-readable output (the command line's json and csv).
TEST(Table, FormatExactIsShortestRoundTrip) {
    EXPECT_EQ(std::stod(format_exact(0.1 + 0.2)), 0.1 + 0.2);
    EXPECT_EQ(format_exact(21.38 * 10), "213.79999999999998");
    EXPECT_EQ(format_exact(1100000.0), "1100000");
}
