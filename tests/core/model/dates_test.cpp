#include "kpitree/model/dates.hpp"

#include <gtest/gtest.h>

using namespace kpitree;

namespace {

HeaderCell num(double v) {
    return {v, std::nullopt};
}
HeaderCell txt(const std::string& s) {
    return {std::nullopt, s};
}

} // namespace

TEST(Dates, SerialsMatchCalc) {
    // Calc: DATE(2024;3;1) = 45352, DATE(1900;3;1) = 61, DATE(2000;2;29) = 36585.
    EXPECT_EQ(serial_of({2024, 3, 1}), 45352);
    EXPECT_EQ(serial_of({1900, 3, 1}), 61);
    EXPECT_EQ(serial_of({2000, 2, 29}), 36585);
    EXPECT_EQ(*date_of_serial(45352), (CivilDate{2024, 3, 1}));
    EXPECT_EQ(*date_of_serial(45351), (CivilDate{2024, 2, 29}));
    EXPECT_FALSE(date_of_serial(45352.5));
    EXPECT_EQ(format_date({2024, 3, 15}, false), "2024-03-15");
    EXPECT_EQ(format_date({2024, 3, 15}, true), "2024-03");
}

TEST(Dates, TextFormsIsoAndDayFirst) {
    EXPECT_EQ(parse_date_text("2024-03-15")->date, (CivilDate{2024, 3, 15}));
    EXPECT_EQ(parse_date_text(" 15-03-2024 ")->date, (CivilDate{2024, 3, 15}));
    EXPECT_EQ(parse_date_text("15.03.2024")->date, (CivilDate{2024, 3, 15}));
    EXPECT_EQ(parse_date_text("5/3/2024")->date, (CivilDate{2024, 3, 5}));
    const auto month = parse_date_text("2019-09");
    ASSERT_TRUE(month);
    EXPECT_TRUE(month->month_only);
    EXPECT_EQ(month->date, (CivilDate{2019, 9, 1}));
    for (const char* not_a_date : {"Jan", "2024", "1.5", "31-02-2024", "2024-13", "12-2024-01",
                                   "2024-03-15x", "", "2024--03"})
        EXPECT_FALSE(parse_date_text(not_a_date)) << not_a_date;
}

TEST(Dates, MonthlySerialsAreAMonthAxis) {
    const auto axis = date_axis({num(45292), num(45323), num(45352)}); // Jan, Feb, Mar 2024
    ASSERT_TRUE(axis);
    EXPECT_TRUE(axis->months);
    EXPECT_FALSE(axis->descending);
    // Month ends are months too.
    EXPECT_TRUE(date_axis({num(45322), num(45351), num(45382)})->months);
}

TEST(Dates, DailyAndWeeklySerialsShowTheDay) {
    const auto daily = date_axis({num(45352), num(45353), num(45356)}); // Fri, Sat, Tue
    ASSERT_TRUE(daily);
    EXPECT_FALSE(daily->months);
    EXPECT_FALSE(date_axis({num(45352), num(45359)})->months);
}

TEST(Dates, NewestFirstIsDescending) {
    const auto axis = date_axis({txt("01-03-2024"), txt("01-02-2024"), txt("01-01-2024")});
    ASSERT_TRUE(axis);
    EXPECT_TRUE(axis->descending);
    EXPECT_TRUE(axis->months);
}

TEST(Dates, PlainNumbersAreNotDates) {
    EXPECT_FALSE(date_axis({num(2019), num(2020), num(2021)}));    // years
    EXPECT_FALSE(date_axis({num(45000), num(46000)}));             // not a date spacing
    EXPECT_FALSE(date_axis({num(45352), num(45352)}));             // not strictly ordered
    EXPECT_FALSE(date_axis({num(45292), num(45352), num(45323)})); // not monotonic
    EXPECT_FALSE(date_axis({num(45292.5), num(45323)}));           // a fraction
    EXPECT_FALSE(date_axis({num(45292), txt("Feb")}));             // not every header a date
    EXPECT_FALSE(date_axis({}));
}
