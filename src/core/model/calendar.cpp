// Calendar detection from header labels (calendar.hpp). A label is read on its own (a month
// word, a year-month, a quarter, a date serial); the run is accepted only when all labels are
// of one kind and consecutive, so a header that merely mentions a month is not taken as
// monthly data. Date serials: days since 1899-12-30 (the LibreOffice/Excel epoch), converted
// by dates.hpp.
#include "kpitree/model/calendar.hpp"

#include "kpitree/model/dates.hpp"
#include "model/text.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <string_view>

namespace kpitree {

Calendar Calendar::slice(std::size_t first, std::size_t count) const {
    Calendar c;
    if (!known())
        return c;
    c.per_year = per_year;
    c.season.assign(season.begin() + static_cast<std::ptrdiff_t>(first),
                    season.begin() + static_cast<std::ptrdiff_t>(first + count));
    return c;
}

namespace {

constexpr std::array<std::string_view, 12> month_words = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

// Splits lower-cased text into runs of letters and runs of digits; other bytes separate.
std::vector<std::string> tokens(std::string_view text) {
    std::vector<std::string> out;
    std::string current;
    int kind = 0; // 1 letters, 2 digits
    for (char ch : text) {
        const auto u = static_cast<unsigned char>(ch);
        const int k = std::isalpha(u) ? 1 : std::isdigit(u) ? 2 : 0;
        if (k != kind && !current.empty()) {
            out.push_back(current);
            current.clear();
        }
        kind = k;
        if (k != 0)
            current.push_back(static_cast<char>(std::tolower(u)));
    }
    if (!current.empty())
        out.push_back(current);
    return out;
}

int number(const std::string& digits) {
    int v = -1;
    std::from_chars(digits.data(), digits.data() + digits.size(), v);
    return v;
}

int month_word(const std::string& word) {
    for (std::size_t m = 0; m < month_words.size(); ++m)
        if (word.size() >= 3 && month_words[m].starts_with(word) &&
            (word.size() == 3 || word == month_words[m] || (m == 8 && word == "sept")))
            return static_cast<int>(m);
    return -1;
}

bool is_year(const std::string& t) {
    return t.size() == 4 && t[0] >= '1' && t[0] <= '2';
}

} // namespace

int label_month(std::string_view label) {
    const std::string_view text = trim(label);
    // "1月".."12月": digits followed by U+6708.
    if (text.ends_with("\u6708")) {
        const int m = number(std::string(text.substr(0, text.size() - 3)));
        return m >= 1 && m <= 12 ? m - 1 : -1;
    }
    const std::vector<std::string> t = tokens(text);
    int found = -1;
    for (const std::string& token : t) {
        if (std::isalpha(static_cast<unsigned char>(token[0]))) {
            const int m = month_word(token);
            if (m < 0 || found >= 0)
                return -1;
            found = m;
        } else if (token.size() > 4) {
            return -1;
        }
    }
    if (found >= 0)
        return t.size() <= 3 ? found : -1;
    // Year-month: YYYY sep MM [sep DD].
    if ((t.size() == 2 || t.size() == 3) && is_year(t[0]) && t[1].size() <= 2) {
        const int m = number(t[1]);
        return m >= 1 && m <= 12 ? m - 1 : -1;
    }
    return -1;
}

int label_quarter(std::string_view label) {
    const std::vector<std::string> t = tokens(trim(label));
    auto quarter = [](const std::string& q, const std::string& d) {
        return q == "q" && d.size() == 1 && d[0] >= '1' && d[0] <= '4' ? d[0] - '1' : -1;
    };
    if (t.size() == 2)
        return quarter(t[0], t[1]);
    if (t.size() == 3 && is_year(t[0]))
        return quarter(t[1], t[2]);
    if (t.size() == 3 && is_year(t[2]))
        return quarter(t[0], t[1]);
    return -1;
}

int serial_month(double serial) {
    // 1950-01-01 is serial 18264; 2100-12-31 is 73415.
    if (!(serial >= 18264.0 && serial < 73416.0))
        return -1;
    const auto date = date_of_serial(std::floor(serial));
    return date ? date->month - 1 : -1;
}

namespace {

// Seasons for all labels by `read` (-1 = not of this kind); empty unless every label reads
// and each is the previous one plus one, modulo `per_year`.
std::vector<int> consecutive(std::span<const std::string> labels, int per_year,
                             int (*read)(std::string_view)) {
    std::vector<int> season;
    for (const std::string& label : labels) {
        const int s = read(label);
        if (s < 0 || (!season.empty() && s != (season.back() + 1) % per_year))
            return {};
        season.push_back(s);
    }
    return season;
}

// Months from labels that are numbers 28..31 apart and plausible date serials.
std::vector<int> serial_months(std::span<const std::string> labels) {
    std::vector<int> season;
    double previous = 0.0;
    for (const std::string& label : labels) {
        double v = 0.0;
        const std::string_view s = trim(label);
        const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
        if (r.ec != std::errc() || r.ptr != s.data() + s.size() || serial_month(v) < 0)
            return {};
        const int month = serial_month(v);
        if (!season.empty() &&
            (!(v - previous >= 28.0 && v - previous <= 31.0) || month != (season.back() + 1) % 12))
            return {};
        season.push_back(month);
        previous = v;
    }
    return season;
}

} // namespace

Calendar detect_calendar(std::span<const std::string> labels) {
    Calendar c;
    if (labels.size() < 2)
        return c;
    if (auto months = consecutive(labels, 12, label_month); !months.empty()) {
        c.per_year = 12;
        c.season = std::move(months);
    } else if (auto quarters = consecutive(labels, 4, label_quarter); !quarters.empty()) {
        c.per_year = 4;
        c.season = std::move(quarters);
    } else if (auto serials = serial_months(labels); !serials.empty()) {
        c.per_year = 12;
        c.season = std::move(serials);
    }
    return c;
}

} // namespace kpitree
