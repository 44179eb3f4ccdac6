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
};

struct CheckResult {
    Verdict verdict = Verdict::leaf;
    std::string reason;                      // for error: what is wrong, naming the row or child
    Series expected;                         // per period (nullopt where undefined)
    Series residual;                         // actual − expected, where both exist
    std::size_t compared = 0;                // periods where actual and expected both exist
    std::size_t mismatched = 0;              // of those, periods outside the tolerance
    std::optional<std::size_t> worst_period; // the period with the largest relative residual
};

// One result per node (Tree::nodes order).
std::vector<CheckResult> check_tree(const Tree& tree, const CheckOptions& options = {});

// The status text of KPI.CHECK: "OK", "MISMATCH 1 of 12 periods; worst Jul: ...", "LEAF",
// "NODATA ...", "ERROR ...". The first word is a fixed English token.
std::string status_text(const Tree& tree, const CheckResult& result);

} // namespace kpitree
