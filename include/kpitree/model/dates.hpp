// Dates as period labels (SPEC "Dates as period labels"). Calc hands a date cell to an add-in
// as its serial number (days since 1899-12-30) without its number format, so a row of period
// headers is read as dates when its numbers look like a date axis (see date_axis); text labels
// in ISO (2024-03, 2024-03-15) or day-first form (15-03-2024, 15.03.2024) are dates as well.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kpitree {

struct CivilDate {
    int year = 1900, month = 1, day = 1;
    friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

// The spreadsheet serial of a date (Calc and Excel after 1900-03-01: 1899-12-30 is day 0).
long serial_of(const CivilDate& date);
// The date of a whole serial number; nullopt for a fraction or outside years 1..9999.
std::optional<CivilDate> date_of_serial(double serial);

// "2024-03-15", or "2024-03" when `month_only`.
std::string format_date(const CivilDate& date, bool month_only);

// A date written as text: 2024-03-15, 2024-3-5, 2024/03/15, 15-03-2024, 15.03.2024,
// 15/03/2024 (day first), or a month alone (2024-03, 03-2024, 03/2024: `month_only` set, day 1).
struct TextDate {
    CivilDate date;
    bool month_only = false;
};
std::optional<TextDate> parse_date_text(std::string_view text);

// Period headers read as dates: one serial per period and whether they are shown as months.
struct DateAxis {
    std::vector<long> serials; // one per period, in the order given
    bool months = false;       // monthly or coarser spacing: shown and matched as "2024-03"
    bool descending = false;   // newest first: the reader reverses the periods
};
// Whether `headers` (one per period; numbers as serials, text as parse_date_text reads it,
// nullopt for anything else) form a date axis: every header a date, numbers all whole serials
// of years 1950 to 2099, and strictly ascending or descending. Numbers must also be spaced as
// dates are (1 to 3 or 7 days; 28 to 31, 59 to 62, 89 to 92, 181 to 184 or 365 to 366 days), so
// plain numbers (years, codes) are not taken for dates. Months: every step is 28 days or more
// and no two headers fall in the same month, or a single header on the 1st.
struct HeaderCell {
    std::optional<double> number;
    std::optional<std::string> text;
};
std::optional<DateAxis> date_axis(const std::vector<HeaderCell>& headers);

} // namespace kpitree
