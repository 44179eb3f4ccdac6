// UTF-8 helpers for names: trimming and case folding in any script.
#pragma once

#include <optional>
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

// The choices a message names: every item when there are at most four, else the first two and
// the last with the count ("Jan, Feb … Dec (12)").
std::string abbreviated_list(const std::vector<std::string>& items);

// The candidate `typed` most likely meant (compared trimmed and case-folded): the one candidate
// that begins with the other (both at least 3 characters: "November" and "Nov"), else the one
// closest by edit distance (insert, delete, replace or swap neighbours; at most 1 for words of
// up to 5 characters, 2 beyond: "Salse" and "Sales"). nullopt when none is close or two are
// equally close, and for text without letters (dates and numbers: 2024-04 is no typo of
// 2024-02). Linear in the candidates.
std::optional<std::string> closest_match(std::string_view typed,
                                         const std::vector<std::string>& candidates);

// printf-style "%.*g": a short display of a number with `digits` significant digits.
std::string format_short(double value, int digits = 6);

} // namespace kpitree
