// The calendar of a tree's periods, read from the period header labels: months or quarters,
// and which month or quarter each period is, so a test can model a yearly cycle. Unknown
// spacing (weeks, days, "period 1", a gap, mixed labels) gives an unknown calendar: no seasonal
// terms, never a guessed season.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace kpitree {

struct Calendar {
    int per_year = 0;        // 12 (months), 4 (quarters) or 0 (unknown)
    std::vector<int> season; // per period: 0..per_year-1 (January = 0, Q1 = 0); empty if unknown

    bool known() const { return per_year > 0; }
    // The calendar of periods [first, first + count); unknown stays unknown. Precondition:
    // first + count <= season.size() when known.
    Calendar slice(std::size_t first, std::size_t count) const;
};

// The month (0..11) a label names, or -1: an English month word or its three-letter form
// ("Jan", "March 2024", "sep-24"), "1月".."12月", or a year-month date "2024-03", "2024/3",
// "2024-03-01". Case-insensitive.
int label_month(std::string_view label);

// The quarter (0..3) a label names, or -1: "Q1".."Q4" alone or with a year ("2024 Q3",
// "Q3-2024", "2024Q3").
int label_quarter(std::string_view label);

// The month (0..11) of a spreadsheet date serial (days since 1899-12-30, as Calc and Excel
// after 1900-03-01 count), or -1 when the number is not a plausible date (1950..2100).
int serial_month(double serial);

// Months when every label names a month (words, year-months, or date serials written as
// numbers ~28..31 days apart) and each follows the previous one; quarters likewise; otherwise
// unknown. Fewer than 2 labels: unknown.
Calendar detect_calendar(std::span<const std::string> labels);

} // namespace kpitree
