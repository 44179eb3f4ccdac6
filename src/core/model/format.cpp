#include "kpitree/model/format.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace kpitree {

namespace {

// NaN, inf, -inf and 0, or empty for any other value.
std::string special_text(double value) {
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "inf" : "-inf";
    if (value == 0)
        return "0";
    return {};
}

bool ordinary_magnitude(double value) {
    const double magnitude = std::fabs(value);
    return magnitude >= 1e-6 && magnitude < 1e15;
}

// Without trailing zeros after a decimal point (and without the point itself then).
std::string trim_zeros(std::string text) {
    if (text.find('.') == std::string::npos)
        return text;
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.')
        text.pop_back();
    return text;
}

constexpr int message_digits = 15;

} // namespace

std::string format_number(double value) {
    if (std::string s = special_text(value); !s.empty())
        return s;
    char buffer[64];
    if (!ordinary_magnitude(value)) {
        const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value,
                                             std::chars_format::general, message_digits);
        return ec == std::errc() ? std::string(buffer, end) : std::to_string(value);
    }
    // Decimals for 15 significant digits: 941.16 (exponent 2) gets 12.
    const int exponent = static_cast<int>(std::floor(std::log10(std::fabs(value))));
    const int decimals = std::max(0, message_digits - 1 - exponent);
    const auto [end, ec] =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
    if (ec != std::errc())
        return std::to_string(value);
    std::string text = trim_zeros(std::string(buffer, end));
    return text == "-0" ? "0" : text;
}

std::string format_exact(double value) {
    if (std::string s = special_text(value); !s.empty())
        return s;
    char buffer[64];
    const auto format =
        ordinary_magnitude(value) ? std::chars_format::fixed : std::chars_format::general;
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, format);
    return ec == std::errc() ? std::string(buffer, end) : std::to_string(value);
}

std::string display_number(double value) {
    if (!std::isfinite(value))
        return format_number(value);
    const double magnitude = std::fabs(value);
    const int integer_digits = magnitude < 1 ? 0 : static_cast<int>(std::log10(magnitude)) + 1;
    const int decimals = std::clamp(6 - integer_digits, 0, 6);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string text(buffer);
    if (text.find('.') != std::string::npos) {
        text.erase(text.find_last_not_of('0') + 1);
        if (text.back() == '.')
            text.pop_back();
    }
    if (text == "-0")
        text = "0";
    // Group the integer digits in threes: "1,447,901", "-12,345.5".
    const std::size_t first_digit = text.front() == '-' ? 1 : 0;
    for (std::size_t at = std::min(text.find('.'), text.size()); at > first_digit + 3; at -= 3)
        text.insert(at - 3, 1, ',');
    return text;
}

std::string column_name(std::size_t column) {
    std::string name;
    for (std::size_t c = column + 1; c > 0; c = (c - 1) / 26)
        name.insert(name.begin(), static_cast<char>('A' + (c - 1) % 26));
    return name;
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        const std::size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        width += (len >= 3 && b >= 0xE1 && b != 0xE2) ? 2 : 1; // CJK and kana, not arrows/boxes
        i += len;
    }
    return width;
}

} // namespace kpitree
