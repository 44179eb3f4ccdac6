// The one home of number and address formatting: numbers in status texts (exact), numbers for
// reading at a glance (the sidebar, the command line's report), spreadsheet column names.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kpitree {

// Display form of a number for messages and labels: at most 15 significant digits (the
// precision a spreadsheet shows and typed-in data carry), trailing zeros trimmed, no exponent
// for ordinary magnitudes ("1100000", "0.2476", "-12.5"; 313.72 × 3 shows as "941.16", not
// its binary neighbour 941.1600000000001).
std::string format_number(double value);

// Exact form of a number for machine-readable output: the shortest text that reads back as
// the same double ("941.1600000000001"), no exponent for ordinary magnitudes.
std::string format_exact(double value);

// A value for reading at a glance: about six significant digits, thousands grouped, never an
// exponent ("1,447,901", "62.5281", "0.2433"). The cells keep the full precision.
std::string display_number(double value);

// Visible width of UTF-8 text in columns of a fixed-width font: East Asian wide characters
// (CJK ideographs, kana, hangul, full-width forms) count two, everything else one. Used to
// align the command line's report and to size the diagram's boxes.
std::size_t display_width(std::string_view text);

// "A", "Z", "AA", ... for a 0-based column.
std::string column_name(std::size_t column);

} // namespace kpitree
