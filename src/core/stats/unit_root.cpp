// Augmented Dickey-Fuller regression by least squares (least_squares.cpp). The standard error
// of rho comes from the auxiliary regression of x_{t-1} on the other columns
// (Frisch-Waugh-Lovell: se(rho)^2 = s^2 / rss_aux), which stays accurate where the inverse of
// the normal equations would not. Critical values: MacKinnon (2010) response surfaces.
#include "kpitree/stats/unit_root.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace kpitree {

double adf_critical_5pct(std::size_t n_used, AdfCase adf_case) {
    const double inv = 1.0 / static_cast<double>(n_used);
    if (adf_case == AdfCase::constant_trend)
        return -3.41049 + inv * (-4.3904 + inv * (-9.036 + inv * -45.374));
    return -2.86154 + inv * (-2.8903 + inv * (-4.234 + inv * -40.040));
}

UnitRootTest unit_root_test(std::span<const double> x, int lags) {
    ColumnMatrix constant(x.size(), 1);
    std::fill(constant.values.begin(), constant.values.end(), 1.0);
    return unit_root_test(x, lags, constant, AdfCase::constant);
}

UnitRootTest unit_root_test(std::span<const double> x, int lags, const ColumnMatrix& terms,
                            AdfCase adf_case) {
    if (terms.rows != x.size())
        throw std::invalid_argument("unit_root_test: terms and series differ in length");
    UnitRootTest r;
    r.lags = std::max(lags, 0);
    const auto k = static_cast<std::size_t>(r.lags);
    const std::size_t cols = 1 + k + terms.cols; // x_{t-1}, k lagged differences, the terms
    if (x.size() < k + 2 || x.size() - 1 - k <= cols)
        return r;
    const std::size_t rows = x.size() - 1 - k;
    r.n_used = rows;
    r.critical = adf_critical_5pct(rows, adf_case);
    if (!std::all_of(x.begin(), x.end(), [](double v) { return std::isfinite(v); }))
        return r;
    // Rows t = k+1 .. n-1: y = dx_t; column 0 = x_{t-1}, then dx_{t-1..t-k}, then the terms.
    ColumnMatrix design(rows, cols), others(rows, cols - 1);
    std::vector<double> y(rows), level(rows);
    for (std::size_t i = 0; i < rows; ++i) {
        const std::size_t t = k + 1 + i;
        y[i] = x[t] - x[t - 1];
        level[i] = x[t - 1];
        design(i, 0) = x[t - 1];
        for (std::size_t j = 1; j <= k; ++j)
            design(i, j) = others(i, j - 1) = x[t - j] - x[t - j - 1];
        for (std::size_t c = 0; c < terms.cols; ++c)
            design(i, 1 + k + c) = others(i, k + c) = terms(t, c);
    }
    const LeastSquaresFit fit = least_squares(design, y);
    if (fit.rank < cols || !(fit.rss > 0.0))
        return r;
    const double rss_aux = least_squares(others, level).rss;
    if (!(rss_aux > 0.0))
        return r;
    const double s2 = fit.rss / static_cast<double>(rows - cols);
    r.t = fit.coefficients[0] / std::sqrt(s2 / rss_aux);
    r.computed = std::isfinite(r.t);
    return r;
}

} // namespace kpitree
