#include "kpitree/stats/least_squares.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <random>
#include <stdexcept>
#include <vector>

namespace kpitree {
namespace {

TEST(LeastSquares, ExactLineThroughPoints) {
    ColumnMatrix x(5, 2);
    std::vector<double> y;
    for (std::size_t i = 0; i < 5; ++i) {
        x(i, 0) = 1.0;
        x(i, 1) = static_cast<double>(i);
        y.push_back(2.0 + 3.0 * static_cast<double>(i));
    }
    const LeastSquaresFit fit = least_squares(x, y);
    EXPECT_EQ(fit.rank, 2u);
    EXPECT_NEAR(fit.coefficients[0], 2.0, 1e-14);
    EXPECT_NEAR(fit.coefficients[1], 3.0, 1e-14);
    EXPECT_NEAR(fit.rss, 0.0, 1e-25);
    EXPECT_TRUE(fit.dependent.empty());
}

// Textbook example: y = (1, 2, 2, 4) on [1, t], t = 1..4 gives b = (0, 0.9), rss = 0.7
// (ordinary least squares by the normal equations by hand).
TEST(LeastSquares, SmallTextbookRegression) {
    ColumnMatrix x(4, 2);
    const std::vector<double> y = {1, 2, 2, 4};
    for (std::size_t i = 0; i < 4; ++i) {
        x(i, 0) = 1.0;
        x(i, 1) = static_cast<double>(i + 1);
    }
    const LeastSquaresFit fit = least_squares(x, y);
    EXPECT_NEAR(fit.coefficients[0], 0.0, 1e-14);
    EXPECT_NEAR(fit.coefficients[1], 0.9, 1e-14);
    EXPECT_NEAR(fit.rss, 0.7, 1e-14);
}

// An ill-conditioned polynomial design (Vandermonde in t = 1..20, degree 5, condition number
// ~1e12 unscaled): y is an exact polynomial plus a known residual orthogonal to the design, so
// the rss is known exactly even though the normal equations would lose all digits.
TEST(LeastSquares, IllConditionedDesignKeepsResidualAccurate) {
    const std::size_t m = 20, n = 6;
    ColumnMatrix x(m, n);
    for (std::size_t i = 0; i < m; ++i)
        for (std::size_t j = 0; j < n; ++j)
            x(i, j) = std::pow(static_cast<double>(i + 1), static_cast<double>(j));
    // r: a vector orthogonal to the columns, built by projecting out with the fit itself.
    std::mt19937_64 engine(42);
    std::normal_distribution<double> normal;
    std::vector<double> noise(m);
    for (double& v : noise)
        v = normal(engine);
    const LeastSquaresFit proj = least_squares(x, noise);
    std::vector<double> r(m);
    for (std::size_t i = 0; i < m; ++i) {
        double fitted = 0.0;
        for (std::size_t j = 0; j < n; ++j)
            fitted += x(i, j) * proj.coefficients[j];
        r[i] = noise[i] - fitted;
    }
    double rr = 0.0;
    for (double v : r)
        rr += v * v;
    std::vector<double> y(m);
    const std::vector<double> beta = {1.0, -2.0, 0.5, 0.1, -0.01, 0.001};
    for (std::size_t i = 0; i < m; ++i) {
        y[i] = r[i];
        for (std::size_t j = 0; j < n; ++j)
            y[i] += x(i, j) * beta[j];
    }
    const LeastSquaresFit fit = least_squares(x, y);
    EXPECT_EQ(fit.rank, n);
    EXPECT_NEAR(fit.rss, rr, 1e-6 * rr);
    for (std::size_t j = 0; j < n; ++j)
        EXPECT_NEAR(fit.coefficients[j], beta[j], 1e-6 * std::abs(beta[j])) << j;
}

TEST(LeastSquares, DetectsExactCollinearityWhateverTheUnits) {
    // Column 2 = 1e9 * column 1 + 5 * constant: rank 2 of 3; residual as with the first two.
    const std::size_t m = 12;
    ColumnMatrix x(m, 3);
    std::vector<double> y(m);
    for (std::size_t i = 0; i < m; ++i) {
        const double t = std::sin(static_cast<double>(i));
        x(i, 0) = t;
        x(i, 1) = 1e9 * t + 5.0;
        x(i, 2) = 1.0;
        y[i] = std::cos(static_cast<double>(i));
    }
    const LeastSquaresFit fit = least_squares(x, y);
    EXPECT_EQ(fit.rank, 2u);
    ASSERT_EQ(fit.dependent.size(), 1u);

    ColumnMatrix x2(m, 2);
    for (std::size_t i = 0; i < m; ++i) {
        x2(i, 0) = x(i, 0);
        x2(i, 1) = 1.0;
    }
    const LeastSquaresFit reduced = least_squares(x2, y);
    EXPECT_NEAR(fit.rss, reduced.rss, 1e-12 * reduced.rss);
}

TEST(LeastSquares, NearCollinearButFullRank) {
    const std::size_t m = 30;
    ColumnMatrix x(m, 3);
    std::vector<double> y(m);
    for (std::size_t i = 0; i < m; ++i) {
        const double t = std::sin(0.3 * static_cast<double>(i));
        x(i, 0) = t;
        x(i, 1) = t + 1e-7 * std::cos(1.7 * static_cast<double>(i));
        x(i, 2) = 1.0;
        y[i] = 2.0 * x(i, 0) - 3.0 * x(i, 1) + 1.0;
    }
    const LeastSquaresFit fit = least_squares(x, y);
    EXPECT_EQ(fit.rank, 3u);
    EXPECT_NEAR(fit.coefficients[0], 2.0, 1e-6);
    EXPECT_NEAR(fit.coefficients[1], -3.0, 1e-6);
    EXPECT_NEAR(fit.coefficients[2], 1.0, 1e-9);
}

TEST(LeastSquares, ZeroColumnsAndWideDesigns) {
    ColumnMatrix x(2, 3);
    x(0, 0) = 1;
    x(1, 0) = 1;
    x(0, 2) = 1;
    x(1, 2) = 2;
    const std::vector<double> y = {3, 5};
    const LeastSquaresFit fit = least_squares(x, y);
    EXPECT_EQ(fit.rank, 2u);
    EXPECT_NEAR(fit.rss, 0.0, 1e-25);
    EXPECT_EQ(fit.coefficients[1], 0.0);
}

TEST(LeastSquares, ProgrammingFaultsThrow) {
    ColumnMatrix x(3, 1);
    EXPECT_THROW(least_squares(x, std::vector<double>{1, 2}), std::invalid_argument);
    EXPECT_THROW(least_squares(x, std::vector<double>{1, NAN, 2}), std::invalid_argument);
}

} // namespace
} // namespace kpitree
