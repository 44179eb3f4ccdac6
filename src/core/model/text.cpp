#include "model/text.hpp"

#include <algorithm>
#include <clocale>
#include <cstdio>
#include <cwctype>
#include <locale.h>

namespace kpitree {

namespace {

bool starts_with_space(std::string_view t, std::size_t& length) {
    if (!t.empty() && (t[0] == ' ' || t[0] == '\t' || t[0] == '\n' || t[0] == '\r')) {
        length = 1;
        return true;
    }
    if (t.starts_with("\u00A0")) {
        length = 2;
        return true;
    }
    if (t.starts_with("\u3000")) {
        length = 3;
        return true;
    }
    return false;
}

bool ends_with_space(std::string_view t, std::size_t& length) {
    if (!t.empty() &&
        (t.back() == ' ' || t.back() == '\t' || t.back() == '\n' || t.back() == '\r')) {
        length = 1;
        return true;
    }
    if (t.ends_with("\u00A0")) {
        length = 2;
        return true;
    }
    if (t.ends_with("\u3000")) {
        length = 3;
        return true;
    }
    return false;
}

// Decodes one UTF-8 sequence at `i`; returns false (and consumes one byte) if invalid.
bool decode(std::string_view s, std::size_t& i, char32_t& cp) {
    const auto b = static_cast<unsigned char>(s[i]);
    int extra = b < 0x80           ? 0
                : (b >> 5) == 0x6  ? 1
                : (b >> 4) == 0xE  ? 2
                : (b >> 3) == 0x1E ? 3
                                   : -1;
    if (extra < 0 || i + extra >= s.size() + (extra == 0 ? 1 : 0)) {
        ++i;
        return false;
    }
    cp = extra == 0 ? b : b & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) {
        const auto c = static_cast<unsigned char>(s[i + k]);
        if ((c >> 6) != 0x2) {
            ++i;
            return false;
        }
        cp = (cp << 6) | (c & 0x3F);
    }
    i += extra + 1;
    return true;
}

void encode(char32_t cp, std::string& out) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// glibc's C.UTF-8 locale carries the full Unicode simple case mapping, independent of the
// process's own locale.
locale_t utf8_locale() {
    static const locale_t locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", locale_t(nullptr));
    return locale;
}

} // namespace

std::string_view trim(std::string_view text) {
    std::size_t n = 0;
    while (starts_with_space(text, n))
        text.remove_prefix(n);
    while (ends_with_space(text, n))
        text.remove_suffix(n);
    return text;
}

std::string fold_case(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    const locale_t locale = utf8_locale();
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t start = i;
        char32_t cp = 0;
        if (!decode(text, i, cp)) {
            out += text[start];
            continue;
        }
        if (cp < 0x80)
            cp = (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
        else if (locale)
            cp = static_cast<char32_t>(towlower_l(static_cast<wint_t>(cp), locale));
        encode(cp, out);
    }
    return out;
}

std::string keyword(std::string_view text) {
    return fold_case(trim(text));
}

std::string format_short(double value, int digits) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
    return buffer;
}

std::string format_count(std::size_t count) {
    std::string digits = std::to_string(count);
    for (std::size_t i = digits.size(); i > 3; i -= 3)
        digits.insert(i - 3, ",");
    return digits;
}

std::string capped_list(const std::vector<std::string>& named, std::size_t total) {
    std::string out;
    for (const std::string& item : named)
        out += (out.empty() ? "" : ", ") + item;
    if (total > named.size())
        out += " and " + format_count(total - named.size()) + " more";
    return out;
}

std::string abbreviated_list(const std::vector<std::string>& items) {
    if (items.size() <= 4)
        return capped_list(items, items.size());
    return items[0] + ", " + items[1] + " \u2026 " + items.back() + " (" +
           format_count(items.size()) + ")";
}

namespace {

std::u32string code_points(std::string_view text) {
    std::u32string out;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t start = i;
        char32_t cp = 0;
        if (!decode(text, i, cp))
            cp = static_cast<unsigned char>(text[start]);
        out += cp;
    }
    return out;
}

// Edit distance with swaps of neighbours (optimal string alignment), or limit + 1 once it
// exceeds `limit`.
std::size_t edit_distance(const std::u32string& a, const std::u32string& b, std::size_t limit) {
    if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit)
        return limit + 1;
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i)
        d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j)
        d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return std::min(d[a.size()][b.size()], limit + 1);
}

constexpr std::size_t max_typo_length = 64;

bool one_begins_the_other(const std::u32string& a, const std::u32string& b) {
    const std::size_t n = std::min(a.size(), b.size());
    return n >= 3 && a.compare(0, n, b, 0, n) == 0;
}

} // namespace

std::optional<std::string> closest_match(std::string_view typed,
                                         const std::vector<std::string>& candidates) {
    const std::u32string key = code_points(keyword(typed));
    const auto letter = [](char32_t c) { return (c >= U'a' && c <= U'z') || c >= 0x80; };
    if (std::none_of(key.begin(), key.end(), letter))
        return std::nullopt;
    const std::size_t limit = key.size() <= 5 ? 1 : 2;
    std::optional<std::size_t> prefix, best;
    std::size_t prefixes = 0, best_distance = limit + 1, ties = 0;
    for (std::size_t k = 0; k < candidates.size(); ++k) {
        const std::u32string other = code_points(keyword(candidates[k]));
        if (other == key)
            continue;
        if (one_begins_the_other(key, other) && ++prefixes == 1)
            prefix = k;
        // Edit distances only between short names: the work stays linear in the candidates.
        const std::size_t distance =
            key.size() <= max_typo_length ? edit_distance(key, other, limit) : limit + 1;
        if (distance < best_distance) {
            best_distance = distance;
            best = k;
            ties = 0;
        } else if (distance == best_distance && distance <= limit) {
            ++ties;
        }
    }
    if (prefixes == 1)
        return candidates[*prefix];
    if (best && ties == 0)
        return candidates[*best];
    return std::nullopt;
}

} // namespace kpitree
