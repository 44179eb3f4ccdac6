#include "kpitree/model/calendar.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

using namespace kpitree;

TEST(Calendar, MonthWordsYearMonthsAndKanji) {
    EXPECT_EQ(label_month("Jan"), 0);
    EXPECT_EQ(label_month("  december "), 11);
    EXPECT_EQ(label_month("Sept 2024"), 8);
    EXPECT_EQ(label_month("sep-24"), 8);
    EXPECT_EQ(label_month("2024-03"), 2);
    EXPECT_EQ(label_month("2024/3"), 2);
    EXPECT_EQ(label_month("2024-03-01"), 2);
    EXPECT_EQ(label_month("3\u6708"), 2); // 3月
    EXPECT_EQ(label_month("12\u6708"), 11);
    EXPECT_EQ(label_month("Marketing"), -1);
    EXPECT_EQ(label_month("Ma"), -1);
    EXPECT_EQ(label_month("period 3"), -1);
    EXPECT_EQ(label_month("2024-13"), -1);
    EXPECT_EQ(label_month("Jan Feb"), -1);
    EXPECT_EQ(label_month("45292"), -1); // a number is not a label month (see serial_month)
}

TEST(Calendar, Quarters) {
    EXPECT_EQ(label_quarter("Q1"), 0);
    EXPECT_EQ(label_quarter("q4"), 3);
    EXPECT_EQ(label_quarter("2024 Q3"), 2);
    EXPECT_EQ(label_quarter("Q3-2024"), 2);
    EXPECT_EQ(label_quarter("2024Q2"), 1);
    EXPECT_EQ(label_quarter("Q5"), -1);
    EXPECT_EQ(label_quarter("Jan"), -1);
}

TEST(Calendar, DateSerials) {
    EXPECT_EQ(serial_month(45292), 0);  // 2024-01-01
    EXPECT_EQ(serial_month(45322), 0);  // 2024-01-31
    EXPECT_EQ(serial_month(45323), 1);  // 2024-02-01
    EXPECT_EQ(serial_month(45351), 1);  // 2024-02-29 (leap year)
    EXPECT_EQ(serial_month(45352), 2);  // 2024-03-01
    EXPECT_EQ(serial_month(25569), 0);  // 1970-01-01
    EXPECT_EQ(serial_month(36891), 11); // 2000-12-31
    EXPECT_EQ(serial_month(12.0), -1);  // a small number is not a date
    EXPECT_EQ(serial_month(1e6), -1);
}

TEST(Calendar, DetectsConsecutiveMonthsAcrossTheYear) {
    const std::vector<std::string> labels = {"Nov", "Dec", "Jan", "Feb"};
    const Calendar c = detect_calendar(labels);
    EXPECT_EQ(c.per_year, 12);
    EXPECT_EQ(c.season, (std::vector<int>{10, 11, 0, 1}));
    const Calendar tail = c.slice(1, 2);
    EXPECT_EQ(tail.season, (std::vector<int>{11, 0}));
    const std::vector<std::string> ym = {"2023-12", "2024-01", "2024-02"};
    EXPECT_EQ(detect_calendar(ym).season, (std::vector<int>{11, 0, 1}));
}

TEST(Calendar, DetectsQuartersAndMonthlyDateSerials) {
    const std::vector<std::string> q = {"2023 Q4", "2024 Q1", "2024 Q2"};
    const Calendar c = detect_calendar(q);
    EXPECT_EQ(c.per_year, 4);
    EXPECT_EQ(c.season, (std::vector<int>{3, 0, 1}));
    // Month starts 2023-12-01 .. 2024-03-01 as the header shows serials.
    const std::vector<std::string> serials = {"45261", "45292", "45323", "45352"};
    const Calendar m = detect_calendar(serials);
    EXPECT_EQ(m.per_year, 12);
    EXPECT_EQ(m.season, (std::vector<int>{11, 0, 1, 2}));
}

// Anything not a clean run of months or quarters has no season: a gap, weeks, mixed kinds,
// generic labels. A seasonal term on a guessed calendar would be worse than none.
TEST(Calendar, UnknownSpacingHasNoSeason) {
    for (const std::vector<std::string>& labels :
         std::vector<std::vector<std::string>>{{"Jan", "Mar", "Apr"},          // a gap
                                               {"Jan", "Feb", "Q1"},           // mixed
                                               {"period 1", "period 2"},       // generic
                                               {"45292", "45299", "45306"},    // weekly serials
                                               {"2024", "2025", "2026"},       // years
                                               {"Jan"},                        // one label
                                               {"45292", "45323", "45400"}}) { // irregular serials
        const Calendar c = detect_calendar(labels);
        EXPECT_FALSE(c.known()) << labels.front() << " .. " << labels.back();
        EXPECT_TRUE(c.season.empty());
        EXPECT_FALSE(c.slice(0, 1).known());
    }
}
