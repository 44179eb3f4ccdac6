// The augmented Dickey-Fuller test (Dickey & Fuller 1979), as statsmodels adfuller(x,
// maxlag=lags, autolag=None, regression="c" or "ct"), optionally with further deterministic
// columns (season, a level shift) in the regression.
#pragma once

#include "kpitree/stats/least_squares.hpp"

#include <cstddef>
#include <span>

namespace kpitree {

// Which MacKinnon case applies: a constant, or a constant and a linear trend.
enum class AdfCase { constant, constant_trend };

// dx_t = rho x_{t-1} + sum_{j=1..lags} phi_j dx_{t-j} + deterministic terms + e_t over rows
// t = lags + 1 .. n - 1, t = rho / se(rho). `critical` is MacKinnon's (2010) 5% value for
// n_used rows; a unit root is rejected ("stable") when t < critical.
struct UnitRootTest {
    bool computed = false;  // false: too few points, a constant series, a perfect fit
    int lags = 0;           // lagged differences in the regression
    std::size_t n_used = 0; // regression rows
    double t = 0.0;
    double critical = 0.0;
    bool stable() const { return computed && t < critical; }
};

// With a constant only (regression="c"). lags < 0 counts as 0.
UnitRootTest unit_root_test(std::span<const double> x, int lags);

// With the columns of `terms` (x.size() rows, row t for period t; it must hold the constant,
// and the trend for AdfCase::constant_trend) as the deterministic part. Extra columns (season,
// a step) shift the statistic's distribution a little; the critical value stays the case's.
// Precondition (std::invalid_argument): terms.rows == x.size().
UnitRootTest unit_root_test(std::span<const double> x, int lags, const ColumnMatrix& terms,
                            AdfCase adf_case);

// MacKinnon (2010), "Critical values for cointegration tests", Queen's Economics Department
// WP 1227, table 2, one series, 5%: constant -2.86154 - 2.8903/T - 4.234/T^2 - 40.040/T^3;
// constant and trend -3.41049 - 4.3904/T - 9.036/T^2 - 45.374/T^3.
double adf_critical_5pct(std::size_t n_used, AdfCase adf_case = AdfCase::constant);

} // namespace kpitree
