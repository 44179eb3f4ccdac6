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

// The factorisation in progress: A (columns scaled, then overwritten by R above the diagonal),
// Q^T y, the column permutation and scales, and the rank found so far.
struct PivotedQr {
    ColumnMatrix a;
    std::vector<double> scale, z;
    std::vector<std::size_t> perm;
    std::size_t rank = 0;
};

PivotedQr scaled_to_unit_columns(const ColumnMatrix& x, std::span<const double> y) {
    PivotedQr qr{x, std::vector<double>(x.cols, 1.0), std::vector<double>(y.begin(), y.end()),
                 std::vector<std::size_t>(x.cols), 0};
    std::iota(qr.perm.begin(), qr.perm.end(), std::size_t{0});
    for (std::size_t j = 0; j < x.cols; ++j) {
        const double s = norm_from(qr.a.column(j), 0);
        if (s > 0.0) {
            qr.scale[j] = s;
            for (double& v : qr.a.column(j))
                v /= s;
        }
    }
    return qr;
}

// Moves the remaining column of largest norm (from row k down) to position k; its norm.
double pivot(PivotedQr& qr, std::size_t k) {
    std::size_t best = k;
    double best_norm = -1.0;
    for (std::size_t j = k; j < qr.a.cols; ++j) {
        const double nj = norm_from(qr.a.column(j), k);
        if (nj > best_norm) {
            best_norm = nj;
            best = j;
        }
    }
    if (best != k) {
        std::swap_ranges(qr.a.column(k).begin(), qr.a.column(k).end(), qr.a.column(best).begin());
        std::swap(qr.perm[k], qr.perm[best]);
        std::swap(qr.scale[k], qr.scale[best]);
    }
    return best_norm;
}

// Reflects column k (of norm `norm` from row k) onto the diagonal with the Householder vector
// v = x - alpha e1, alpha = -sign(x0) ||x||, applied to the columns after it and to Q^T y.
void reflect(PivotedQr& qr, std::size_t k, double norm, std::vector<double>& v) {
    const std::size_t m = qr.a.rows;
    auto col = qr.a.column(k);
    const double alpha = col[k] >= 0.0 ? -norm : norm;
    for (std::size_t i = k; i < m; ++i)
        v[i] = col[i];
    v[k] -= alpha;
    const double vtv = std::inner_product(v.begin() + k, v.begin() + m, v.begin() + k, 0.0);
    auto apply = [&](std::span<double> c) {
        const double d = std::inner_product(v.begin() + k, v.begin() + m, c.begin() + k, 0.0);
        const double f = 2.0 * d / vtv;
        for (std::size_t i = k; i < m; ++i)
            c[i] -= f * v[i];
    };
    for (std::size_t j = k + 1; j < qr.a.cols; ++j)
        apply(qr.a.column(j));
    apply(qr.z);
    col[k] = alpha;
    for (std::size_t i = k + 1; i < m; ++i)
        col[i] = 0.0;
}

// Coefficients by back substitution on R (rank columns), unscaled and unpermuted; the
// dependent columns; the residual sum of squares from the tail of Q^T y.
LeastSquaresFit solution(const PivotedQr& qr) {
    const std::size_t n = qr.a.cols, rank = qr.rank;
    LeastSquaresFit fit;
    fit.rank = rank;
    fit.coefficients.assign(n, 0.0);
    std::vector<double> b(rank, 0.0);
    for (std::size_t i = rank; i-- > 0;) {
        double s = qr.z[i];
        for (std::size_t j = i + 1; j < rank; ++j)
            s -= qr.a(i, j) * b[j];
        b[i] = s / qr.a(i, i);
    }
    for (std::size_t j = 0; j < rank; ++j)
        fit.coefficients[qr.perm[j]] = b[j] / qr.scale[j];
    for (std::size_t j = rank; j < n; ++j)
        fit.dependent.push_back(qr.perm[j]);
    std::sort(fit.dependent.begin(), fit.dependent.end());
    double rss = 0.0;
    for (std::size_t i = rank; i < qr.a.rows; ++i)
        rss += qr.z[i] * qr.z[i];
    fit.rss = rss;
    return fit;
}

} // namespace

LeastSquaresFit least_squares(const ColumnMatrix& x, std::span<const double> y,
                              double rank_tolerance) {
    if (y.size() != x.rows || x.values.size() != x.rows * x.cols)
        throw std::invalid_argument("least_squares: dimensions do not match");
    if (!std::all_of(x.values.begin(), x.values.end(), [](double v) { return std::isfinite(v); }) ||
        !std::all_of(y.begin(), y.end(), [](double v) { return std::isfinite(v); }))
        throw std::invalid_argument("least_squares: values must be finite");
    PivotedQr qr = scaled_to_unit_columns(x, y);
    std::vector<double> v(x.rows);
    double r00 = 0.0;
    for (std::size_t k = 0; k < std::min(x.rows, x.cols); ++k) {
        const double norm = pivot(qr, k);
        if (k == 0)
            r00 = norm;
        if (norm == 0.0 || norm <= rank_tolerance * r00)
            break;
        reflect(qr, k, norm, v);
        qr.rank = k + 1;
    }
    return solution(qr);
}

} // namespace kpitree
