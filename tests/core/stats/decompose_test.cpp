#include "kpitree/stats/decompose.hpp"
#include "reference.hpp"

#include <cmath>
#include <fstream>
#include <gtest/gtest.h>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace kpitree;

namespace {

// Reference values: tests/reference/decompose_cases.txt, from gen_decompose.py (exact rationals
// for Shapley, 60-digit decimals for LMDI).
constexpr double reference_tolerance = 1e-12; // relative to each part's scale

struct LogMeanCase {
    double a, b, expected;
};

struct ReferenceCase {
    std::string name;
    SplitMethod asked = SplitMethod::lmdi, used = SplitMethod::lmdi;
    std::vector<Factor> factors;
    std::vector<double> parts, scales;
};

SplitMethod method_of(const std::string& word) {
    return word == "shapley" ? SplitMethod::shapley : SplitMethod::lmdi;
}

struct References {
    std::vector<LogMeanCase> log_means;
    std::vector<ReferenceCase> cases;
};

const References& references() {
    static const References refs = [] {
        References r;
        kpitree::testing::for_each_reference_line(
            "decompose_cases.txt", [&](const std::string& kind, std::istringstream& words) {
                if (kind == "logmean") {
                    LogMeanCase c{};
                    words >> c.a >> c.b >> c.expected;
                    r.log_means.push_back(c);
                } else if (kind == "case") {
                    ReferenceCase c;
                    std::string asked, used;
                    std::size_t k = 0;
                    words >> c.name >> asked >> used >> k;
                    c.asked = method_of(asked);
                    c.used = method_of(used);
                    r.cases.push_back(c);
                } else if (kind == "factor") {
                    Factor f;
                    double part = 0, scale = 0;
                    words >> f.exponent >> f.from >> f.to >> part >> scale;
                    r.cases.back().factors.push_back(f);
                    r.cases.back().parts.push_back(part);
                    r.cases.back().scales.push_back(scale);
                }
            });
        return r;
    }();
    return refs;
}

// Shapley by definition: every subset S of the other factors switched to `to`, weighted
// |S|! (k−1−|S|)! / k!. The cheap naive reference for the O(k³) implementation.
std::vector<double> naive_shapley(const std::vector<Factor>& f) {
    const std::size_t k = f.size();
    auto value = [&](unsigned mask) {
        double y = 1;
        for (std::size_t j = 0; j < k; ++j) {
            const double x = (mask >> j) & 1u ? f[j].to : f[j].from;
            y = f[j].exponent < 0 ? y / x : y * x;
        }
        return y;
    };
    std::vector<double> parts(k, 0.0);
    for (std::size_t i = 0; i < k; ++i)
        for (unsigned mask = 0; mask < (1u << k); ++mask) {
            if ((mask >> i) & 1u)
                continue;
            const int s = std::popcount(mask);
            const double w = std::tgamma(s + 1.0) * std::tgamma(static_cast<double>(k) - s) /
                             std::tgamma(k + 1.0);
            parts[i] += w * (value(mask | (1u << i)) - value(mask));
        }
    return parts;
}

double sum(const std::vector<double>& v) {
    double s = 0;
    for (double x : v)
        s += x;
    return s;
}

} // namespace

TEST(LmdiReference, FileIsThere) {
    EXPECT_GE(references().log_means.size(), 10u);
    EXPECT_GE(references().cases.size(), 60u);
}

TEST(LmdiReference, LogMeanKeepsFullPrecision) {
    for (const LogMeanCase& c : references().log_means) {
        const double got = log_mean(c.a, c.b);
        EXPECT_NEAR(got, c.expected, 4e-16 * c.expected) << c.a << " " << c.b;
        EXPECT_EQ(got, log_mean(c.b, c.a)) << "symmetric";
    }
}

TEST(LmdiReference, LogRatioNearOne) {
    const double a = 1.0 + 1e-13;
    EXPECT_NEAR(log_ratio(a, 1.0), std::log1p(a - 1.0), 1e-29);
    EXPECT_EQ(log_ratio(5.0, 5.0), 0.0);
    EXPECT_NEAR(log_ratio(1e-10, 1.0), std::log(1e-10), 1e-14);
}

TEST(LmdiReference, PartsMatchWithinTolerance) {
    for (const ReferenceCase& c : references().cases) {
        const auto split = split_product(c.factors, c.asked);
        ASSERT_TRUE(split) << c.name;
        EXPECT_EQ(split->method, c.used) << c.name;
        EXPECT_EQ(split->fallback, c.asked == SplitMethod::lmdi && c.used == SplitMethod::shapley)
            << c.name;
        ASSERT_EQ(split->parts.size(), c.factors.size());
        double scale_sum = 0;
        for (std::size_t i = 0; i < c.parts.size(); ++i) {
            EXPECT_NEAR(split->parts[i], c.parts[i], reference_tolerance * c.scales[i])
                << c.name << " factor " << i;
            scale_sum += c.scales[i];
        }
        EXPECT_NEAR(sum(split->parts), sum(c.parts), reference_tolerance * scale_sum) << c.name;
    }
}

TEST(LmdiSplit, PartsSumToTheChangeOfTheProduct) {
    // Sales = Deals × AOV (spec example): 50 × 20000 → 52 × 21154.
    const std::vector<Factor> f{{50, 52, 1}, {20000, 21154, 1}};
    const auto split = split_product(f, SplitMethod::lmdi);
    ASSERT_TRUE(split);
    EXPECT_EQ(split->method, SplitMethod::lmdi);
    EXPECT_FALSE(split->fallback);
    EXPECT_NEAR(sum(split->parts), 52.0 * 21154 - 50.0 * 20000, 1e-9);
    EXPECT_GT(split->parts[0], 0);
    EXPECT_GT(split->parts[1], split->parts[0]); // AOV grew 5.8 %, deals 4 %
}

TEST(LmdiSplit, RatesTurnFactorChangesIntoParts) {
    const std::vector<Factor> f{{120, 150, 1}, {4000, 4000, -1}, {2.5, 2.0, -1}};
    for (SplitMethod m : {SplitMethod::lmdi, SplitMethod::shapley}) {
        const auto split = split_product(f, m);
        ASSERT_TRUE(split);
        for (std::size_t i = 0; i < f.size(); ++i) {
            EXPECT_TRUE(std::isfinite(split->rates[i]));
            EXPECT_NEAR(split->parts[i], split->rates[i] * (f[i].to - f[i].from),
                        1e-14 * std::fabs(split->parts[i]) + 1e-300);
        }
        EXPECT_EQ(split->parts[1], 0.0); // unchanged factor
        EXPECT_LT(split->rates[1], 0.0); // ÷: a larger divisor lowers y
    }
}

TEST(LmdiSplit, DivisionByZeroIsUndefined) {
    const std::vector<Factor> f{{10, 12, 1}, {0, 4, -1}};
    EXPECT_FALSE(split_product(f, SplitMethod::lmdi));
    EXPECT_FALSE(split_product(f, SplitMethod::shapley));
    EXPECT_FALSE(product_value(f, false));
    EXPECT_EQ(*product_value(f, true), 3.0);
}

TEST(LmdiSplit, EmptyProductHasNoParts) {
    const auto split = split_product({}, SplitMethod::lmdi);
    ASSERT_TRUE(split);
    EXPECT_TRUE(split->parts.empty());
}

TEST(ShapleySplit, FallbackWhereAValueIsNotPositive) {
    const std::vector<Factor> f{{10, 0, 1}, {3, 4, 1}};
    const auto split = split_product(f, SplitMethod::lmdi);
    ASSERT_TRUE(split);
    EXPECT_EQ(split->method, SplitMethod::shapley);
    EXPECT_TRUE(split->fallback);
    // Orders: (x1 first) −30, then x2 at 0: 0 → −15; (x2 first) +10, then x1: −40 → +5. Mean.
    EXPECT_DOUBLE_EQ(split->parts[0], -35.0);
    EXPECT_DOUBLE_EQ(split->parts[1], 5.0);
    const auto asked = split_product(f, SplitMethod::shapley);
    EXPECT_FALSE(asked->fallback);
}

TEST(ShapleySplit, MatchesSubsetEnumerationUpToTwelveFactors) {
    std::mt19937_64 rng(7);
    std::normal_distribution<double> normal(0.0, 1.0);
    std::bernoulli_distribution coin(0.3);
    for (std::size_t k = 1; k <= 12; ++k)
        for (int rep = 0; rep < 3; ++rep) {
            std::vector<Factor> f(k);
            double scale = 0;
            for (Factor& x : f) {
                x.from = std::exp(0.5 * normal(rng)) * (coin(rng) ? -1 : 1);
                x.to = x.from * std::exp(0.2 * normal(rng));
                x.exponent = coin(rng) ? -1 : 1;
                scale = std::max(scale, std::fabs(x.to - x.from));
            }
            const auto got = shapley_parts(f);
            const auto want = naive_shapley(f);
            double y_scale = 1;
            for (const Factor& x : f)
                y_scale *= std::max(std::fabs(x.from), std::fabs(x.to)) *
                           (x.exponent < 0 ? 1 / (std::min(std::fabs(x.from), std::fabs(x.to)) *
                                                  std::max(std::fabs(x.from), std::fabs(x.to)))
                                           : 1);
            for (std::size_t i = 0; i < k; ++i)
                EXPECT_NEAR(got[i], want[i], 1e-12 * y_scale * (1 + scale) * k)
                    << "k=" << k << " factor " << i;
            const double y0 = *product_value(f, false), y1 = *product_value(f, true);
            EXPECT_NEAR(sum(got), y1 - y0, 1e-12 * y_scale * k);
        }
}

TEST(ShapleySplit, TwoFactorsIsTheMidpointRule) {
    // Δ(ab) = Δa·(b0+b1)/2 + Δb·(a0+a1)/2
    const std::vector<Factor> f{{200, 210, 1}, {0.25, 0.2476, 1}};
    const auto p = shapley_parts(f);
    EXPECT_DOUBLE_EQ(p[0], 10 * (0.25 + 0.2476) / 2);
    EXPECT_DOUBLE_EQ(p[1], (0.2476 - 0.25) * 410 / 2);
}

TEST(ShapleySplit, SumSplitIsTheSignedChange) {
    const std::vector<Term> t{{100, 120, 1}, {70, 75, -1}};
    const auto p = split_sum(t);
    EXPECT_EQ(p[0], 20.0);
    EXPECT_EQ(p[1], -5.0);
}
