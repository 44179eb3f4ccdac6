// Splitting the change of a product y = Π x_i^(e_i) among its factors.
//
// LMDI-I (Ang, "Decomposition analysis for policymaking in energy", Energy Policy 32, 2004;
// Ang, "The LMDI approach to decomposition analysis: a practical guide", Energy Policy 33,
// 2005): part_i = L(y1, y0) · e_i · ln(x_i1 / x_i0) with the logarithmic mean L. Since
// Σ e_i ln(x_i1/x_i0) = ln(y1/y0) and L(y1, y0) · ln(y1/y0) = y1 − y0, the split is exact. It
// needs every value > 0. ln(a/b) is taken through log1p near a = b and L as (a − b)/ln(a/b) of
// the smaller and larger value, so nearly equal periods keep full relative precision.
//
// Shapley (Shapley 1953; Sun, "Changes in energy consumption and energy intensity: a complete
// decomposition model", Energy Economics 20, 1998): part_i is the average, over all orders of
// switching the factors from period 0 to period 1, of the change of y when factor i switches.
// With a_j = x_j1^(e_j), b_j = x_j0^(e_j) and S the set of factors already switched,
//   part_i = (a_i − b_i) · Σ_s w_s · Σ_{|S|=s, i∉S} Π_{j∈S} a_j Π_{j∉S, j≠i} b_j,
//   w_s = s! (k−1−s)! / k!.
// The inner sums are the coefficients of Π_{j≠i} (b_j + a_j t), so the value is exact for any
// k in O(k³) instead of enumerating 2^k subsets. It is defined for zero and negative values.
#include "kpitree/stats/decompose.hpp"

#include <cmath>
#include <cstddef>

namespace kpitree {

double log_ratio(double a, double b) {
    const double q = a / b;
    if (q >= 0.5 && q <= 2.0)
        return std::log1p((a - b) / b); // a − b is exact here (Sterbenz)
    if (std::isfinite(q) && q > 0.0)
        return std::log(q);
    return std::log(a) - std::log(b);
}

double log_mean(double a, double b) {
    if (a == b)
        return a;
    const double lo = std::min(a, b), hi = std::max(a, b);
    // (hi − lo) / ln(hi/lo): hi/lo ≥ 1, where log1p of a non-negative argument is well
    // conditioned.
    return (hi - lo) / log_ratio(hi, lo);
}

std::optional<double> product_value(std::span<const Factor> factors, bool to) {
    double y = 1.0;
    for (const Factor& f : factors) {
        const double x = to ? f.to : f.from;
        if (f.exponent < 0) {
            if (x == 0.0)
                return std::nullopt;
            y /= x;
        } else {
            y *= x;
        }
    }
    return y;
}

namespace {

double power(double x, int exponent) {
    return exponent < 0 ? 1.0 / x : x;
}

// d part / d x for a factor with Shapley weight sum `s`: (a − b)/(x1 − x0) is 1 for ×, and
// −1/(x0 x1) for ÷.
double shapley_rate(const Factor& f, double s) {
    return f.exponent < 0 ? -s / (f.from * f.to) : s;
}

std::vector<double> shapley_weight_sums(std::span<const Factor> factors) {
    const std::size_t k = factors.size();
    // w_s = 1 / (k · C(k−1, s))
    std::vector<double> w(k);
    double binom = 1.0;
    for (std::size_t s = 0; s < k; ++s) {
        w[s] = 1.0 / (static_cast<double>(k) * binom);
        binom = binom * static_cast<double>(k - 1 - s) / static_cast<double>(s + 1);
    }
    std::vector<double> sums(k);
    std::vector<double> poly;
    for (std::size_t i = 0; i < k; ++i) {
        poly.assign(1, 1.0);
        for (std::size_t j = 0; j < k; ++j) {
            if (j == i)
                continue;
            const double a = power(factors[j].to, factors[j].exponent);
            const double b = power(factors[j].from, factors[j].exponent);
            poly.push_back(0.0);
            for (std::size_t d = poly.size() - 1; d > 0; --d)
                poly[d] = poly[d] * b + poly[d - 1] * a;
            poly[0] *= b;
        }
        double s = 0.0;
        for (std::size_t d = 0; d < k; ++d)
            s += w[d] * poly[d];
        sums[i] = s;
    }
    return sums;
}

std::vector<double> lmdi_rates(std::span<const Factor> factors) {
    const double y0 = *product_value(factors, false), y1 = *product_value(factors, true);
    const double ly = log_mean(y1, y0);
    std::vector<double> rates;
    rates.reserve(factors.size());
    for (const Factor& f : factors)
        rates.push_back(f.exponent * (ly / log_mean(f.to, f.from)));
    return rates;
}

} // namespace

std::vector<double> lmdi_parts(std::span<const Factor> factors) {
    std::vector<double> parts;
    if (factors.empty())
        return parts;
    const double y0 = *product_value(factors, false), y1 = *product_value(factors, true);
    const double ly = log_mean(y1, y0);
    parts.reserve(factors.size());
    for (const Factor& f : factors)
        parts.push_back(ly * f.exponent * log_ratio(f.to, f.from));
    return parts;
}

std::vector<double> shapley_parts(std::span<const Factor> factors) {
    const std::vector<double> sums = shapley_weight_sums(factors);
    std::vector<double> parts;
    parts.reserve(factors.size());
    for (std::size_t i = 0; i < factors.size(); ++i)
        parts.push_back(shapley_rate(factors[i], sums[i]) * (factors[i].to - factors[i].from));
    return parts;
}

std::optional<ProductSplit> split_product(std::span<const Factor> factors, SplitMethod method) {
    if (!product_value(factors, false) || !product_value(factors, true))
        return std::nullopt;
    ProductSplit split;
    bool positive = true;
    for (const Factor& f : factors)
        positive = positive && f.from > 0.0 && f.to > 0.0;
    if (method != SplitMethod::shapley && positive) {
        split.method = SplitMethod::lmdi;
        split.parts = lmdi_parts(factors);
        split.rates = lmdi_rates(factors);
        return split;
    }
    split.method = SplitMethod::shapley;
    split.fallback = method != SplitMethod::shapley;
    const std::vector<double> sums = shapley_weight_sums(factors);
    for (std::size_t i = 0; i < factors.size(); ++i) {
        split.rates.push_back(shapley_rate(factors[i], sums[i]));
        split.parts.push_back(split.rates.back() * (factors[i].to - factors[i].from));
    }
    return split;
}

std::vector<double> split_sum(std::span<const Term> terms) {
    std::vector<double> parts;
    parts.reserve(terms.size());
    for (const Term& t : terms)
        parts.push_back(t.sign * (t.to - t.from));
    return parts;
}

} // namespace kpitree
