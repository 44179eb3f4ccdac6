// Granger causality test (Granger 1969, "Investigating causal relations by econometric models
// and cross-spectral methods", Econometrica 37(3)), in the form of statsmodels'
// grangercausalitytests (SAS/Greene "ssr" tests). With n observations and lag p, rows
// t = p .. n-1 (n - p of them) form the restricted design [effect_{t-1..t-p}, 1] and the
// unrestricted design [effect_{t-1..t-p}, cause_{t-1..t-p}, 1]. Both are solved by pivoted QR
// (least_squares.cpp), which also gives the rank statsmodels silently ignores. The undefined
// cases mirror the checks statsmodels makes before and after fitting, in the same order.
#include "kpitree/stats/granger.hpp"

#include "kpitree/stats/distributions.hpp"
#include "kpitree/stats/least_squares.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <string>

namespace kpitree {

namespace {

GrangerResult undefined(GrangerProblem problem, std::string message) {
    GrangerResult r;
    r.problem = problem;
    r.message = std::move(message);
    return r;
}

bool constant(std::span<const double> v) {
    const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
    return *lo == *hi;
}

} // namespace

namespace {

// Both forms: `lag + extra` lags of each series in the unrestricted design; the restricted one
// drops the cause's first `lag` lags only (extra = 0: statsmodels' test).
// The rows p..n-1 of `terms`, without the columns dependent on the others there; a single
// constant column when there are no terms.
ColumnMatrix used_terms(const ColumnMatrix* terms, std::size_t p, std::size_t rows) {
    if (!terms) {
        ColumnMatrix one(rows, 1);
        std::fill(one.values.begin(), one.values.end(), 1.0);
        return one;
    }
    ColumnMatrix all(rows, terms->cols);
    for (std::size_t c = 0; c < terms->cols; ++c)
        for (std::size_t t = 0; t < rows; ++t)
            all(t, c) = (*terms)(p + t, c);
    const std::vector<double> zero(rows, 0.0);
    const std::vector<std::size_t> dependent = least_squares(all, zero).dependent;
    ColumnMatrix kept(rows, terms->cols - dependent.size());
    for (std::size_t c = 0, k = 0; c < terms->cols; ++c)
        if (!std::binary_search(dependent.begin(), dependent.end(), c))
            std::copy_n(all.column(c).begin(), rows, kept.column(k++).begin());
    return kept;
}

// Why the series cannot be tested at lag + extra; nullopt when they can.
std::optional<GrangerResult> input_problem(std::span<const double> effect,
                                           std::span<const double> cause, int lag, int extra) {
    const std::size_t n = effect.size();
    if (cause.size() != n)
        return undefined(GrangerProblem::length_mismatch,
                         "effect and cause have different lengths (" + std::to_string(n) + " and " +
                             std::to_string(cause.size()) + ")");
    auto finite = [](double v) { return std::isfinite(v); };
    if (!std::all_of(effect.begin(), effect.end(), finite) ||
        !std::all_of(cause.begin(), cause.end(), finite))
        return undefined(GrangerProblem::non_finite, "a value is not a finite number");
    if (lag < 1)
        return undefined(GrangerProblem::invalid_lag, "lag must be at least 1");
    if (extra < 0)
        return undefined(GrangerProblem::invalid_lag, "extra lags must be at least 0");
    if (n < granger_min_points(lag + extra))
        return undefined(GrangerProblem::too_few_points,
                         std::to_string(n) + " points; lag " + std::to_string(lag + extra) +
                             " needs " + std::to_string(granger_min_points(lag + extra)));
    const auto p = static_cast<std::size_t>(lag + extra);
    const std::size_t rows = n - p;
    for (std::size_t j = 1; j <= p; ++j) {
        if (constant(effect.subspan(p - j, rows)))
            return undefined(GrangerProblem::constant_series,
                             "the effect is constant over the periods used at lag " +
                                 std::to_string(j));
        if (constant(cause.subspan(p - j, rows)))
            return undefined(GrangerProblem::constant_series,
                             "the cause is constant over the periods used at lag " +
                                 std::to_string(j));
    }
    return std::nullopt;
}

// The two regressions of the test: the effect's p own lags, the cause's lags beyond the q
// tested (the lag augmentation) and the deterministic terms (restricted), and the same with the
// q tested cause lags as well (joint: own lags, then cause lags 1..p, then the terms).
struct LaggedDesigns {
    ColumnMatrix restricted, joint;
};

LaggedDesigns lagged_designs(std::span<const double> effect, std::span<const double> cause,
                             std::size_t p, std::size_t q, const ColumnMatrix& det) {
    const std::size_t rows = effect.size() - p, d = det.cols;
    LaggedDesigns x{ColumnMatrix(rows, 2 * p + d - q), ColumnMatrix(rows, 2 * p + d)};
    for (std::size_t j = 1; j <= p; ++j) {
        for (std::size_t t = 0; t < rows; ++t) {
            x.restricted(t, j - 1) = effect[p + t - j];
            x.joint(t, j - 1) = effect[p + t - j];
            x.joint(t, p + j - 1) = cause[p + t - j];
            if (j > q)
                x.restricted(t, p + j - q - 1) = cause[p + t - j];
        }
    }
    for (std::size_t c = 0; c < d; ++c)
        for (std::size_t t = 0; t < rows; ++t)
            x.restricted(t, 2 * p - q + c) = x.joint(t, 2 * p + c) = det(t, c);
    return x;
}

double total_sum_of_squares(std::span<const double> y) {
    if (constant(y))
        return 0.0;
    double mean = 0.0;
    for (double v : y)
        mean += v;
    mean /= static_cast<double>(y.size());
    double tss = 0.0;
    for (double v : y)
        tss += (v - mean) * (v - mean);
    return tss;
}

// F, chi-square and likelihood-ratio statistics of the q tested lags (statsmodels'
// grangercausalitytests: ssr_ftest, ssr_chi2test, lrtest), and the sum of their coefficients.
GrangerTest statistics(const LeastSquaresFit& fit_r, const LeastSquaresFit& fit_u, std::size_t rows,
                       std::size_t joint_cols, std::size_t p, int lag, int df_penalty) {
    GrangerTest t;
    t.n_used = rows;
    t.df_num = lag;
    t.df_den = static_cast<int>(rows - joint_cols) - std::max(df_penalty, 0);
    for (std::size_t j = 0; j < static_cast<std::size_t>(lag); ++j)
        t.cause_sum += fit_u.coefficients[p + j];
    const double ssr_r = fit_r.rss, ssr_u = fit_u.rss;
    t.ssr_restricted = ssr_r;
    t.ssr_unrestricted = ssr_u;
    const double nobs = static_cast<double>(rows);
    t.F = (ssr_r - ssr_u) / ssr_u / static_cast<double>(lag) * static_cast<double>(t.df_den);
    t.p_ftest = f_sf(t.F, t.df_num, t.df_den);
    t.chi2 = nobs * (ssr_r - ssr_u) / ssr_u;
    t.p_chi2 = chi2_sf(t.chi2, t.df_num);
    t.lr = nobs * std::log(ssr_r / ssr_u);
    t.p_lr = chi2_sf(t.lr, t.df_num);
    return t;
}

GrangerResult granger_impl(std::span<const double> effect, std::span<const double> cause, int lag,
                           int extra, const ColumnMatrix* terms = nullptr, int df_penalty = 0) {
    if (auto problem = input_problem(effect, cause, lag, extra))
        return *problem;
    const auto p = static_cast<std::size_t>(lag + extra); // lags in the regression
    const auto q = static_cast<std::size_t>(lag);         // cause lags tested
    const std::size_t n = effect.size(), rows = n - p;
    const std::span<const double> y = effect.subspan(p, rows);
    const ColumnMatrix det = used_terms(terms, p, rows);
    if (rows <= 2 * p + det.cols + static_cast<std::size_t>(std::max(df_penalty, 0)))
        return undefined(GrangerProblem::too_few_points,
                         std::to_string(n) + " points are too few for lag " +
                             std::to_string(lag + extra) + " and " + std::to_string(det.cols) +
                             " deterministic terms");
    const LaggedDesigns x = lagged_designs(effect, cause, p, q, det);
    const LeastSquaresFit fit_r = least_squares(x.restricted, y);
    const LeastSquaresFit fit_u = least_squares(x.joint, y);
    const double tss = total_sum_of_squares(y);
    if (tss == 0.0 || fit_u.rss == 0.0 || fit_u.rss / tss < std::numeric_limits<double>::epsilon())
        return undefined(GrangerProblem::perfect_fit,
                         tss == 0.0 ? "the effect is constant over the periods tested"
                                    : "the effect's own past predicts it exactly (perfect fit)");
    if (fit_u.rank < x.joint.cols)
        return undefined(GrangerProblem::collinear,
                         "the cause's past is a linear function of the effect's own past and a "
                         "constant (collinear design)");
    GrangerResult r;
    r.test = statistics(fit_r, fit_u, rows, x.joint.cols, p, lag, df_penalty);
    return r;
}

} // namespace

GrangerResult granger_test(std::span<const double> effect, std::span<const double> cause, int lag) {
    return granger_impl(effect, cause, lag, 0);
}

GrangerResult granger_test_augmented(std::span<const double> effect, std::span<const double> cause,
                                     int lag, int extra_lags) {
    return granger_impl(effect, cause, lag, extra_lags);
}

GrangerResult granger_test_with_terms(std::span<const double> effect, std::span<const double> cause,
                                      int lag, int extra_lags, const ColumnMatrix& terms,
                                      int df_penalty) {
    if (terms.rows != effect.size())
        return undefined(GrangerProblem::length_mismatch,
                         "the deterministic terms and the effect differ in length");
    return granger_impl(effect, cause, lag, extra_lags, &terms, df_penalty);
}

} // namespace kpitree
