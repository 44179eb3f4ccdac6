#include "model/text.hpp"

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

} // namespace kpitree
