#include "kpitree/model/format.hpp"

#include <gtest/gtest.h>
#include <limits>

using namespace kpitree;

TEST(Format, DisplayNumberForReadingAtAGlance) {
    EXPECT_EQ(display_number(1447900.6835999999), "1,447,901");
    EXPECT_EQ(display_number(62.528099999999995), "62.5281");
    EXPECT_EQ(display_number(0.2433), "0.2433");
    EXPECT_EQ(display_number(0.092970001), "0.09297");
    EXPECT_EQ(display_number(23156), "23,156");
    EXPECT_EQ(display_number(422980), "422,980");
    EXPECT_EQ(display_number(-12.5), "-12.5");
    EXPECT_EQ(display_number(-12345.5), "-12,345.5");
    EXPECT_EQ(display_number(-123), "-123");
    EXPECT_EQ(display_number(999), "999");
    EXPECT_EQ(display_number(1000), "1,000");
    EXPECT_EQ(display_number(999999.6), "1,000,000");
    EXPECT_EQ(display_number(1e15), "1,000,000,000,000,000");
    EXPECT_EQ(display_number(0), "0");
}

TEST(Format, DisplayNumberOfNonFiniteValuesSaysSo) {
    EXPECT_EQ(display_number(std::numeric_limits<double>::infinity()), "inf");
    EXPECT_EQ(display_number(std::numeric_limits<double>::quiet_NaN()), "NaN");
}

TEST(Format, ColumnNames) {
    EXPECT_EQ(column_name(0), "A");
    EXPECT_EQ(column_name(25), "Z");
    EXPECT_EQ(column_name(26), "AA");
    EXPECT_EQ(column_name(701), "ZZ");
    EXPECT_EQ(column_name(702), "AAA");
    EXPECT_EQ(column_name(16383), "XFD"); // the last column of a 16,384-column sheet
}

TEST(Format, DisplayWidthCountsWideCharactersTwice) {
    EXPECT_EQ(display_width(""), 0U);
    EXPECT_EQ(display_width("Sales"), 5U);
    EXPECT_EQ(display_width("売上"), 4U);        // two CJK ideographs
    EXPECT_EQ(display_width("成約率 (%)"), 10U); // three wide, four narrow
    EXPECT_EQ(display_width("Myynti ä"), 8U);    // Latin-1 letters are narrow
    EXPECT_EQ(display_width("→ ✔"), 3U);         // arrows and marks are narrow
}
