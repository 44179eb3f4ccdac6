// UTF-8 helpers for names: trimming and case folding in any script.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kpitree {

// Without leading/trailing ASCII white space, no-break space (U+00A0) and ideographic space
// (U+3000).
std::string_view trim(std::string_view text);

// Simple Unicode case folding (lower case) of UTF-8 text; invalid bytes are kept as they are.
std::string fold_case(std::string_view text);

// A keyword argument as typed ("  Holm", "FLOW"): trimmed and case-folded, for comparison
// with lower-case keywords.
std::string keyword(std::string_view text);

// A count with thousands grouped by commas: "7,998".
std::string format_count(std::size_t count);

// The first few of `total` items, as "a, b, c and 1,234 more" (the count of the unnamed ones
// added when total > named.size()), so a message that lists other rows stays short.
std::string capped_list(const std::vector<std::string>& named, std::size_t total);

// printf-style "%.*g": a short display of a number with `digits` significant digits.
std::string format_short(double value, int digits = 6);

} // namespace kpitree
