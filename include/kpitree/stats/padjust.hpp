// Multiple-testing adjustment of p-values, identical to statsmodels
// multipletests(p, method='holm' | 'fdr_bh' | 'bonferroni')[1].
#pragma once

#include "kpitree/model/tree.hpp"

#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace kpitree {

enum class PAdjustMethod {
    holm,       // Holm (1979) step-down: controls the family-wise error rate; default
    bh,         // Benjamini & Hochberg (1995) step-up: controls the false discovery rate
    bonferroni, // p * m: family-wise, the most conservative
};

// "holm", "bh" (also "fdr_bh", "benjamini-hochberg") or "bonferroni" (also "bonf"),
// case-insensitive, surrounding spaces ignored; nullopt for anything else.
std::optional<PAdjustMethod> parse_padjust_method(std::string_view text);
// "Holm", "Benjamini-Hochberg" or "Bonferroni".
std::string_view padjust_method_name(PAdjustMethod method);

// Adjusted p-values in the input order, each in [0, 1]; an empty input gives an empty result.
// Precondition: every p is a number in [0, 1] (not NaN); values outside are not clipped and the
// result is then what statsmodels would return. The family size is p.size(): pass only the
// p-values that exist.
std::vector<double> padjust(std::span<const double> p, PAdjustMethod method);

// Missing values (nullopt) stay missing and do not count in the family: the present values are
// adjusted among themselves, as if the missing ones had not been passed.
Series padjust(const Series& p, PAdjustMethod method);

} // namespace kpitree
