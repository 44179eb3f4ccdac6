// Structural findings about a tree table: what makes rows unusable (ERROR), what weakens the
// tree (WARN) and what is worth knowing (INFO).
#pragma once

#include "kpitree/audit/causal.hpp"
#include "kpitree/model/problem.hpp"
#include "kpitree/model/tree.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace kpitree {

enum class Severity { error, warning, info };

struct Finding {
    Severity severity;
    std::optional<std::size_t> node; // the row it concerns (Tree::nodes index), if any
    std::string message;             // without the severity token
    Problem problem;                 // the same as a key with arguments (problem.hpp)
};

struct LintOptions {
    int max_depth = 4; // links below the KGI before the tree counts as too deep
    // Periods with values for both ends that a ~ link needs to be tested (KPI.CAUSAL at lag 1).
    std::size_t min_hypothesis_periods = causal_min_periods(1);
};

// All findings, errors first, then warnings, then infos; table order within each.
std::vector<Finding> lint(const Tree& tree, const LintOptions& options = {});

// "ERROR Deals (table row 3): duplicate name ...", "WARN ...", "INFO ...".
std::string finding_text(const Tree& tree, const Finding& finding);

} // namespace kpitree
