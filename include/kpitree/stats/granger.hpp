// The Granger (1969) test that `cause` helps predict `effect`, computed exactly as statsmodels
// grangercausalitytests(np.column_stack([effect, cause]), [lag]) does (version 0.13): rows
// t = lag .. n-1 regress effect_t on a constant and effect_{t-1..t-lag} (restricted) and in
// addition on cause_{t-1..t-lag} (unrestricted); the tests compare the two residual sums of
// squares.
#pragma once

#include "kpitree/stats/least_squares.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <string>

namespace kpitree {

struct GrangerTest {
    double F = 0.0;         // ssr_ftest: ((ssr_r - ssr_u) / ssr_u) / lag * df_den
    int df_num = 0;         // lag
    int df_den = 0;         // n_used - (2 lag + 1), the unrestricted model's residual df
    double p_ftest = 1.0;   // P[F(df_num, df_den) > F]: the p-value KPI.GRANGER shows
    double chi2 = 0.0;      // ssr_chi2test: n_used (ssr_r - ssr_u) / ssr_u
    double p_chi2 = 1.0;    // P[chi2(lag) > chi2]
    double lr = 0.0;        // lrtest: n_used log(ssr_r / ssr_u)
    double p_lr = 1.0;      // P[chi2(lag) > lr]
    std::size_t n_used = 0; // regression rows: n - lag
    double ssr_restricted = 0.0;
    double ssr_unrestricted = 0.0;
    double cause_sum = 0.0; // sum of the tested cause lags' coefficients (unrestricted model)
};

// Why the test is undefined. statsmodels raises for all of these except `collinear`.
enum class GrangerProblem {
    none,
    invalid_lag,     // lag < 1 (statsmodels: ValueError)
    length_mismatch, // the two series differ in length (numpy cannot stack them)
    non_finite,      // NaN or infinity in a series (ValueError)
    too_few_points,  // n <= 3 lag + 1 (ValueError "Insufficient observations")
    constant_series, // a lagged column is constant (InfeasibleTestError "constant values")
    perfect_fit,     // the effect is constant over rows lag..n-1 or fitted exactly:
                     // ssr_u = 0 or ssr_u / tss < machine epsilon (InfeasibleTestError)
    collinear,       // the unrestricted design is rank deficient (e.g. cause = a * effect + b,
                     // or a straight-line cause at lag >= 2). statsmodels' pseudo-inverse returns
                     // a statistic made of rounding errors here; we report undefined instead.
};

struct GrangerResult {
    std::optional<GrangerTest> test; // present exactly when problem == none
    GrangerProblem problem = GrangerProblem::none;
    std::string message; // human-readable, English, for problems; empty otherwise

    bool ok() const { return test.has_value(); }
};

// Minimum series length for `lag` (statsmodels requires n > 3 lag + 1).
constexpr std::size_t granger_min_points(int lag) {
    return lag < 1 ? 0 : 3 * static_cast<std::size_t>(lag) + 2;
}

// Tests whether `cause` Granger-causes `effect` at `lag` (both series oldest first, same length,
// no missing values). Never throws for bad data: problems are reported in the result.
GrangerResult granger_test(std::span<const double> effect, std::span<const double> cause, int lag);

// The lag-augmented form (Toda & Yamamoto 1995, J. Econometrics 66; Dolado & Lutkepohl 1996,
// Econometric Reviews 15): both regressions hold `lag + extra_lags` lags of the effect and the
// cause, the restricted one without the cause's first `lag` lags; only those are tested
// (df_num = lag, df_den = n_used - 2 (lag + extra_lags) - 1). The extra, untested lags keep
// the test valid when the series have unit roots. Needs granger_min_points(lag + extra_lags)
// points; extra_lags = 0 is granger_test.
GrangerResult granger_test_augmented(std::span<const double> effect, std::span<const double> cause,
                                     int lag, int extra_lags);

// The lag-augmented test with deterministic columns instead of the constant: `terms` has
// effect.size() rows (row t for period t) and must span the constant; columns that are
// linearly dependent over the rows used (a step before the first row) are dropped. The
// residual degrees of freedom are reduced by `df_penalty` more (one per column whose date
// was searched in the data, such as a level shift). chi2 and lr are computed as above.
GrangerResult granger_test_with_terms(std::span<const double> effect, std::span<const double> cause,
                                      int lag, int extra_lags, const ColumnMatrix& terms,
                                      int df_penalty);

} // namespace kpitree
