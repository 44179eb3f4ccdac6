// Civil dates from day counts and back: H. Hinnant's days_from_civil / civil_from_days
// (proleptic Gregorian calendar), shifted to the spreadsheet epoch 1899-12-30.
#include "kpitree/model/dates.hpp"

#include "model/text.hpp"

#include <cmath>
#include <cstdio>

namespace kpitree {

namespace {

// Days from 1970-01-01 to 1899-12-30.
constexpr long epoch_offset = -25569;

long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return {static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

bool valid(const CivilDate& d) {
    if (d.year < 1 || d.year > 9999 || d.month < 1 || d.month > 12 || d.day < 1)
        return false;
    return civil_from_days(days_from_civil(d.year, d.month, d.day)) == d;
}

// The numbers of `text` split at one kind of separator (- . /): up to three fields of digits.
std::vector<std::string_view> fields(std::string_view text, char& separator) {
    std::vector<std::string_view> out;
    separator = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text[i] >= '0' && text[i] <= '9')
            continue;
        if (i < text.size()) {
            const char c = text[i];
            if ((c != '-' && c != '.' && c != '/') || (separator && c != separator))
                return {};
            separator = c;
        }
        if (i == start)
            return {};
        out.push_back(text.substr(start, i - start));
        start = i + 1;
    }
    return out.size() >= 2 && out.size() <= 3 ? out : std::vector<std::string_view>{};
}

int number(std::string_view digits) {
    int v = 0;
    for (char c : digits)
        v = v * 10 + (c - '0');
    return digits.size() > 4 ? -1 : v;
}

bool date_spacing(long step) {
    return (step >= 1 && step <= 3) || step == 7 || (step >= 28 && step <= 31) ||
           (step >= 59 && step <= 62) || (step >= 89 && step <= 92) ||
           (step >= 181 && step <= 184) || step == 365 || step == 366;
}

} // namespace

long serial_of(const CivilDate& date) {
    return days_from_civil(date.year, date.month, date.day) - epoch_offset;
}

std::optional<CivilDate> date_of_serial(double serial) {
    if (!std::isfinite(serial) || serial != std::floor(serial) || serial < -693593.0 ||
        serial > 2958465.0) // 0001-01-01 .. 9999-12-31
        return std::nullopt;
    return civil_from_days(static_cast<long>(serial) + epoch_offset);
}

std::string format_date(const CivilDate& date, bool month_only) {
    char buffer[32];
    if (month_only)
        std::snprintf(buffer, sizeof buffer, "%04d-%02d", date.year, date.month);
    else
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buffer;
}

std::optional<TextDate> parse_date_text(std::string_view text) {
    char separator = 0;
    const auto f = fields(trim(text), separator);
    if (f.empty())
        return std::nullopt;
    TextDate out;
    const bool year_first = f[0].size() == 4;
    if (f.size() == 2) { // a month: 2024-03 or 03-2024
        out.month_only = true;
        const std::string_view year = year_first ? f[0] : f[1], month = year_first ? f[1] : f[0];
        if (year.size() != 4 || month.size() > 2)
            return std::nullopt;
        out.date = {number(year), number(month), 1};
    } else if (year_first) {
        if (f[1].size() > 2 || f[2].size() > 2)
            return std::nullopt;
        out.date = {number(f[0]), number(f[1]), number(f[2])};
    } else {
        if (f[2].size() != 4 || f[0].size() > 2 || f[1].size() > 2)
            return std::nullopt;
        out.date = {number(f[2]), number(f[1]), number(f[0])};
    }
    if (!valid(out.date))
        return std::nullopt;
    return out;
}

std::optional<DateAxis> date_axis(const std::vector<HeaderCell>& headers) {
    if (headers.empty())
        return std::nullopt;
    DateAxis axis;
    bool all_numbers = true, all_month_texts = true;
    for (const HeaderCell& h : headers) {
        if (h.number) {
            const auto d = date_of_serial(*h.number);
            if (!d || d->year < 1950 || d->year > 2099)
                return std::nullopt;
            axis.serials.push_back(serial_of(*d));
            all_month_texts = false;
        } else if (const auto t = h.text ? parse_date_text(*h.text) : std::nullopt) {
            axis.serials.push_back(serial_of(t->date));
            all_numbers = false;
            all_month_texts &= t->month_only;
        } else {
            return std::nullopt;
        }
    }
    bool ascending = true, descending = true, monthly = true;
    for (std::size_t k = 1; k < axis.serials.size(); ++k) {
        const long step = axis.serials[k] - axis.serials[k - 1];
        ascending &= step > 0;
        descending &= step < 0;
        if (all_numbers && !date_spacing(std::labs(step)))
            return std::nullopt;
        monthly &= std::labs(step) >= 28;
    }
    if (!ascending && !descending)
        return std::nullopt;
    if (headers.size() == 1)
        monthly = civil_from_days(axis.serials[0] + epoch_offset).day == 1;
    for (std::size_t k = 1; monthly && k < axis.serials.size(); ++k) {
        const CivilDate a = civil_from_days(axis.serials[k - 1] + epoch_offset);
        const CivilDate b = civil_from_days(axis.serials[k] + epoch_offset);
        monthly = a.year != b.year || a.month != b.month;
    }
    axis.months = monthly || all_month_texts;
    axis.descending = descending && headers.size() > 1;
    return axis;
}

} // namespace kpitree
