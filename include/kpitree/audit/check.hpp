// The arithmetic audit: does parent = f(children) hold in every period? f is Σ ±child for
// additive children and Π child^(±1) for multiplicative ones (see tree.hpp). Hypothesis (~)
// children never enter f.
#pragma once

#include "kpitree/model/tree.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kpitree {

// Why f(children) has no value.
enum class CombineFault {
    none,
    no_arithmetic,    // no arithmetic children, or mixed + − with × ÷
    unusable_child,   // a child that belongs in the arithmetic is unusable (Node::unusable_child)
    missing,          // a child has no value
    division_by_zero, // a ÷ child is 0
    overflow          // the result is not a finite number (1e200 × 1e200, 1.7e308 + 1.7e308)
};

struct Combined {
    std::optional<double> value; // set exactly when fault is none
    CombineFault fault = CombineFault::none;
    std::optional<std::size_t> child; // the child behind unusable_child, missing, division_by_zero
};

// f(children) for `node` given each child's value. Sums are compensated (Neumaier, in long
// double), so 1e16 + 1 − 1e16 gives 1; products are taken in long double and rounded once.
// Shared by the check and the planning code.
Combined combine_children(const Tree& tree, std::size_t node,
                          const std::function<std::optional<double>(std::size_t)>& value_of);

// Why a combination failed, for a status text: "division by zero in Feb: 'Calls' is 0",
// "overflow in Feb: ...", "'Deals' has no value in Feb", "child 'Shops' is unusable: ...".
// Empty for CombineFault::none.
std::string fault_text(const Tree& tree, std::size_t node, const Combined& combined,
                       std::string_view period_label);

// The value of combine_children, nullopt on any fault (then `*division_by_zero` names the
// zero ÷ child if that was the fault and the pointer is given).
std::optional<double> combine(const Tree& tree, std::size_t node,
                              const std::function<std::optional<double>(std::size_t)>& value_of,
                              std::optional<std::size_t>* division_by_zero = nullptr);

// f(children) in one period from the table's values.
std::optional<double> expected_value(const Tree& tree, std::size_t node, std::size_t period);

enum class Verdict {
    ok,       // identity holds in every period that has data
    mismatch, // fails in at least one period
    leaf,     // no arithmetic children: nothing to verify
    nodata,   // has arithmetic children, but no period with all values present
    error     // the row or one of its children is unusable; see `reason`
};

struct CheckOptions {
    // Allowed |actual − expected| relative to |expected|. A floor of a few ulps of the terms
    // always applies, so the default accepts floating-point noise only.
    double tolerance = 0.0;
    // KPI.CHECK(tree; "rounding"): allow what rounding the inputs to their digits can explain
    // (rounding_bound) instead of `tolerance`.
    bool rounding = false;
};

// The half unit of the last digit a row's values carry: 0.05 for 66.2, 0.5 for 1149, 500 for a
// row whose values (three or more) are all whole thousands; the finest over the row's periods
// (66.2 next to 66.25 is 66.20). 0 for a `constant` row and a row without nonzero values.
std::vector<double> half_units(const Tree& tree);

// The largest |actual − expected| that rounding can explain for `node` in `period`: each
// arithmetic child's value ± its half unit, propagated through the parent's arithmetic with
// interval arithmetic (exact bounds for Σ ±child and Π child^(±1)), plus the parent's own half
// unit. nullopt where a value is missing.
std::optional<double> rounding_bound(const Tree& tree, const std::vector<double>& half_units,
                                     std::size_t node, std::size_t period);

struct CheckResult {
    Verdict verdict = Verdict::leaf;
    std::string reason;                      // for error: what is wrong, naming the row or child
    Series expected;                         // per period (nullopt where undefined)
    Series residual;                         // actual − expected, where both exist
    std::size_t compared = 0;                // periods where actual and expected both exist
    std::size_t mismatched = 0;              // of those, periods outside the tolerance
    std::optional<std::size_t> worst_period; // the period with the largest relative residual
    std::optional<double> worst_bound;       // rounding: the bound in the worst period
    // About 100 (or 0.01) when actual ÷ expected is within 5 % of it in every compared period:
    // a percentage stored as 0–100 (or a rate where a percentage was meant).
    std::optional<double> factor;
    // Drift: the latest `drift_run` compared periods are all mismatched with the same sign
    // (drift_sign +1 or −1); 0 when fewer than 4, or fewer than a quarter of those compared.
    std::size_t drift_run = 0;
    int drift_sign = 0;
};

// One result per node (Tree::nodes order).
std::vector<CheckResult> check_tree(const Tree& tree, const CheckOptions& options = {});

// check_tree(tree, options)[node], without checking the other nodes: the one-node form of
// KPI.CHECK, EXPECTED and RESIDUAL, where a fill-down column asks for each node in turn.
CheckResult check_one(const Tree& tree, std::size_t node, const CheckOptions& options = {});

// The status text of KPI.CHECK: "OK", "MISMATCH 1 of 12 periods; worst Jul: ...", "LEAF",
// "NODATA ...", "ERROR ...". The first word is a fixed English token. A mismatch adds the
// rounding bound it exceeds ("beyond the rounding bound ±0.5"), the percent hint and the drift
// note ("the last 7 of 8 periods are off in the same direction (+)") where they apply.
std::string status_text(const Tree& tree, const CheckResult& result);

} // namespace kpitree
