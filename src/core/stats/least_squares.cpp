// Least squares by Householder QR with column pivoting (Businger & Golub 1965; Golub & Van Loan,
// Matrix Computations, 4th ed., sections 5.2 and 5.4.2). Columns are first scaled to unit length;
// at step k the remaining column of largest norm is moved to position k and reflected onto the
// diagonal, so |R_kk| decreases and the first |R_kk| below tolerance * |R_00| marks the numerical
// rank. The residual sum of squares is the squared tail of Q^T y, which is accurate even when the
// coefficients are not (backward stability of Householder QR). Cost O(m n^2); designs here are
// a few dozen columns at most, so the column norms are simply recomputed at each step.
#include "kpitree/stats/least_squares.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace kpitree {

namespace {

double norm_from(std::span<const double> v, std::size_t from) {
    // Scaled sum of squares (as in LAPACK's dnrm2) so huge or tiny values do not overflow.
    double scale = 0.0;
    double ssq = 1.0;
    for (std::size_t i = from; i < v.size(); ++i) {
        const double a = std::abs(v[i]);
        if (a == 0.0)
            continue;
        if (scale < a) {
            ssq = 1.0 + ssq * (scale / a) * (scale / a);
            scale = a;
        } else {
            ssq += (a / scale) * (a / scale);
        }
    }
    return scale * std::sqrt(ssq);
}

} // namespace

LeastSquaresFit least_squares(const ColumnMatrix& x, std::span<const double> y,
                              double rank_tolerance) {
    const std::size_t m = x.rows;
    const std::size_t n = x.cols;
    if (y.size() != m || x.values.size() != m * n)
        throw std::invalid_argument("least_squares: dimensions do not match");
    if (!std::all_of(x.values.begin(), x.values.end(), [](double v) { return std::isfinite(v); }) ||
        !std::all_of(y.begin(), y.end(), [](double v) { return std::isfinite(v); }))
        throw std::invalid_argument("least_squares: values must be finite");

    ColumnMatrix a = x;
    std::vector<double> scale(n, 1.0);
    for (std::size_t j = 0; j < n; ++j) {
        const double s = norm_from(a.column(j), 0);
        if (s > 0.0) {
            scale[j] = s;
            for (double& v : a.column(j))
                v /= s;
        }
    }
    std::vector<double> z(y.begin(), y.end()); // becomes Q^T y
    std::vector<std::size_t> perm(n);
    std::iota(perm.begin(), perm.end(), std::size_t{0});

    const std::size_t steps = std::min(m, n);
    std::size_t rank = 0;
    double r00 = 0.0;
    std::vector<double> v(m);
    for (std::size_t k = 0; k < steps; ++k) {
        std::size_t best = k;
        double best_norm = -1.0;
        for (std::size_t j = k; j < n; ++j) {
            const double nj = norm_from(a.column(j), k);
            if (nj > best_norm) {
                best_norm = nj;
                best = j;
            }
        }
        if (k == 0)
            r00 = best_norm;
        if (best_norm == 0.0 || best_norm <= rank_tolerance * r00)
            break;
        if (best != k) {
            std::swap_ranges(a.column(k).begin(), a.column(k).end(), a.column(best).begin());
            std::swap(perm[k], perm[best]);
            std::swap(scale[k], scale[best]);
        }
        // Householder vector v = x - alpha e1 with alpha = -sign(x0) ||x||.
        auto col = a.column(k);
        const double alpha = col[k] >= 0.0 ? -best_norm : best_norm;
        for (std::size_t i = k; i < m; ++i)
            v[i] = col[i];
        v[k] -= alpha;
        const double vtv = std::inner_product(v.begin() + k, v.begin() + m, v.begin() + k, 0.0);
        auto reflect = [&](std::span<double> c) {
            const double d = std::inner_product(v.begin() + k, v.begin() + m, c.begin() + k, 0.0);
            const double f = 2.0 * d / vtv;
            for (std::size_t i = k; i < m; ++i)
                c[i] -= f * v[i];
        };
        for (std::size_t j = k + 1; j < n; ++j)
            reflect(a.column(j));
        reflect(z);
        col[k] = alpha;
        for (std::size_t i = k + 1; i < m; ++i)
            col[i] = 0.0;
        rank = k + 1;
    }

    LeastSquaresFit fit;
    fit.rank = rank;
    fit.coefficients.assign(n, 0.0);
    std::vector<double> b(rank, 0.0);
    for (std::size_t i = rank; i-- > 0;) {
        double s = z[i];
        for (std::size_t j = i + 1; j < rank; ++j)
            s -= a(i, j) * b[j];
        b[i] = s / a(i, i);
    }
    for (std::size_t j = 0; j < rank; ++j)
        fit.coefficients[perm[j]] = b[j] / scale[j];
    for (std::size_t j = rank; j < n; ++j)
        fit.dependent.push_back(perm[j]);
    std::sort(fit.dependent.begin(), fit.dependent.end());
    double rss = 0.0;
    for (std::size_t i = rank; i < m; ++i)
        rss += z[i] * z[i];
    fit.rss = rss;
    return fit;
}

} // namespace kpitree
