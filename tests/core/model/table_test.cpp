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

TEST(Table, FormatNumberIsShortestRoundTrip) {
    EXPECT_EQ(format_number(1100000.0), "1100000");
    EXPECT_EQ(format_number(0.2476), "0.2476");
    EXPECT_EQ(format_number(-12.5), "-12.5");
    EXPECT_EQ(format_number(0.0), "0");
    EXPECT_EQ(format_number(2024.0), "2024");
    EXPECT_EQ(format_number(1e-9), "1e-09");
    EXPECT_EQ(format_number(NAN), "NaN");
    EXPECT_EQ(std::stod(format_number(0.1 + 0.2)), 0.1 + 0.2);
}
