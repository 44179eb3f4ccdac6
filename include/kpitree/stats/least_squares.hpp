// Linear least squares that stays accurate on ill-conditioned designs: Householder QR with
// column pivoting, deciding the numerical rank, so nearly collinear regressors (a KPI and a
// scaled copy of it, a trend and a constant) are detected instead of producing noise.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace kpitree {

// A dense matrix stored column by column (each column contiguous): the natural layout for a
// regression design, one column per regressor.
struct ColumnMatrix {
    std::size_t rows = 0;
    std::size_t cols = 0;
    std::vector<double> values; // column-major, rows * cols

    ColumnMatrix() = default;
    ColumnMatrix(std::size_t r, std::size_t c) : rows(r), cols(c), values(r * c, 0.0) {}
    double& operator()(std::size_t i, std::size_t j) { return values[j * rows + i]; }
    double operator()(std::size_t i, std::size_t j) const { return values[j * rows + i]; }
    std::span<double> column(std::size_t j) { return {values.data() + j * rows, rows}; }
    std::span<const double> column(std::size_t j) const { return {values.data() + j * rows, rows}; }
};

struct LeastSquaresFit {
    // One coefficient per column. When the design is rank deficient this is the basic solution:
    // the columns judged dependent get coefficient 0 (it minimises the residual all the same).
    std::vector<double> coefficients;
    std::size_t rank = 0;               // numerical rank of the design
    double rss = 0.0;                   // residual sum of squares, ||y - X b||^2
    std::vector<std::size_t> dependent; // columns judged linearly dependent on the others
};

// Relative tolerance on the pivoted R diagonal below which a column counts as dependent.
// Columns are scaled to unit length first, so the decision does not depend on units.
inline constexpr double default_rank_tolerance = 1e-10;

// Minimises ||y - X b||. Preconditions (programming faults, std::invalid_argument):
// y.size() == x.rows, all values finite. rows < cols is allowed (rank <= rows).
LeastSquaresFit least_squares(const ColumnMatrix& x, std::span<const double> y,
                              double rank_tolerance = default_rank_tolerance);

} // namespace kpitree
