// KPI.CONTRIB: the contribution of every node to its KGI's change between two periods.
// Status texts and the value of an empty cell: planning.hpp.
#pragma once

#include "kpitree/model/tree.hpp"
#include "kpitree/plan/planning.hpp"
#include "kpitree/stats/decompose.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace kpitree {

struct ContribOptions {
    SplitMethod method = SplitMethod::lmdi; // for products: lmdi or shapley
    // A parent whose value differs from f(children) by more than this (relative, in either
    // period) has MISMATCH children; smaller residuals (rounding in imported data) are spread.
    double mismatch_tolerance = 0.01;
};

struct Contribution {
    std::optional<double> value; // in the KGI's units; a KGI's own change for a KGI
    std::string status;          // when no value
    // How the parent's contribution was split to give this one: additive, lmdi or shapley;
    // nullopt for a KGI. `fallback`: LMDI was asked for but a value ≤ 0 forced Shapley.
    std::optional<SplitMethod> method;
    bool fallback = false;
};

// Contribution of every node to its KGI's change from `from_period` to `to_period` (0-based).
// A KGI's contribution is its change. A parent's contribution is split among its arithmetic
// children in proportion to their parts of the parent's change (signed changes for sums,
// LMDI-I or Shapley for products), so the children of every parent sum to the parent's
// contribution and the leaves to the KGI's change, up to rounding. Statuses: ERROR (unusable
// row, parent or sibling; period out of range), NODATA, HYPOTHESIS, MISMATCH.
std::vector<Contribution> contributions(const Tree& tree, std::size_t from_period,
                                        std::size_t to_period, const ContribOptions& options = {});

} // namespace kpitree
