// Attribution of the change of one parent to its factors or terms, between two periods: the
// arithmetic under KPI.CONTRIB. Pure functions on doubles; planning.hpp applies them to a tree.
//
// A product y = Π x_i^(e_i), e_i = ±1, is split by LMDI-I (Ang 2004) or by the Shapley value
// (Shapley 1953; Sun 1998 for decomposition). Both splits are exact: the parts sum to
// y(to) − y(from) up to rounding. A sum y = Σ s_i x_i is split into the signed changes s_i Δx_i.
#pragma once

#include <optional>
#include <span>
#include <vector>

namespace kpitree {

// One factor of a product: its value in the base period (`from`) and in the compared period
// (`to`), and its exponent: +1 multiplies (×), −1 divides (÷).
struct Factor {
    double from = 0.0;
    double to = 0.0;
    int exponent = 1;
};

// One term of a sum: parent = Σ sign · term, sign = ±1.
struct Term {
    double from = 0.0;
    double to = 0.0;
    int sign = 1;
};

enum class SplitMethod {
    additive, // sums: each term's signed change
    lmdi,     // logarithmic-mean Divisia index, LMDI-I; needs every value > 0
    shapley   // average over all orders of switching factors from `from` to `to`
};

struct ProductSplit {
    std::vector<double> parts; // Δy attributed to each factor, same order; Σ = y(to) − y(from)
    // parts[i] per unit change of factor i: parts[i] = rates[i] · (x_i(to) − x_i(from)). Finite
    // also where the factor does not change (then it is the limit), so a further split of the
    // factor's own change can be scaled into Δy units.
    std::vector<double> rates;
    SplitMethod method = SplitMethod::lmdi; // the method actually used
    bool fallback = false;                  // LMDI was asked for, but a value ≤ 0 forced Shapley
};

// Logarithmic mean L(a, b) = (a − b) / (ln a − ln b), L(a, a) = a. Precondition: a, b > 0.
// Full relative precision also when a and b nearly coincide.
double log_mean(double a, double b);

// ln(a / b) with full relative precision, also when a ≈ b. Precondition: a, b > 0.
double log_ratio(double a, double b);

// y = Π x_i^(e_i) in the base period (`to` = false) or the compared period. nullopt when a
// divisor is 0.
std::optional<double> product_value(std::span<const Factor> factors, bool to);

// Splits the change of a product. `method` lmdi falls back to Shapley when a value is ≤ 0
// (then `fallback` is set); additive is treated as lmdi. nullopt when a divisor is 0 in either
// period (y undefined). An empty product gives empty parts.
std::optional<ProductSplit> split_product(std::span<const Factor> factors, SplitMethod method);

// LMDI-I parts: L(y1, y0) · e_i · ln(x_i1 / x_i0). Precondition: every value > 0.
std::vector<double> lmdi_parts(std::span<const Factor> factors);

// Shapley parts, exact for any number of factors (O(k³), no subset enumeration). Precondition:
// no divisor is 0.
std::vector<double> shapley_parts(std::span<const Factor> factors);

// Signed changes s_i · (x_i(to) − x_i(from)).
std::vector<double> split_sum(std::span<const Term> terms);

} // namespace kpitree
