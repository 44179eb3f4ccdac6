#include "kpitree/stats/distributions.hpp"
#include "reference.hpp"

#include <cmath>
#include <fstream>
#include <gtest/gtest.h>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

namespace kpitree {
namespace {

// 1e-9 relative, or 1e-6 in log below 1e-10 (scipy's own far-tail accuracy is ~1e-13).
bool agrees(double value, double ref) {
    if (value == ref)
        return true;
    if (ref < 1e-10 && value > 0.0)
        return std::abs(std::log(value) - std::log(ref)) < 1e-6;
    return std::abs(value - ref) <= 1e-9 * std::abs(ref);
}

TEST(Distributions, MatchScipySurvivalFunctionsIntoTheFarTail) {
    int count = 0, far = 0;
    testing::for_each_reference_line(
        "dist_tails.txt", [&](const std::string& kind, std::istringstream& in) {
            const std::vector<double> v = testing::numbers(in);
            double got = 0.0, ref = v.back();
            if (kind == "f")
                got = f_sf(v[0], v[1], v[2]);
            else if (kind == "t")
                got = t_sf(v[0], v[1]);
            else if (kind == "chi2")
                got = chi2_sf(v[0], v[1]);
            else
                FAIL() << "unknown kind " << kind;
            EXPECT_TRUE(agrees(got, ref)) << kind << " " << in.str() << " -> " << got;
            ++count;
            far += ref < 1e-12;
        });
    EXPECT_GE(count, 150);
    EXPECT_GE(far, 30);
}

TEST(Distributions, EdgesAreValuesNotExceptions) {
    const double inf = std::numeric_limits<double>::infinity();
    EXPECT_EQ(f_sf(-1.0, 2, 10), 1.0);
    EXPECT_EQ(f_sf(inf, 2, 10), 0.0);
    EXPECT_TRUE(std::isnan(f_sf(1.0, 0.0, 10)));
    EXPECT_TRUE(std::isnan(f_sf(std::nan(""), 1, 10)));
    EXPECT_EQ(chi2_sf(0.0, 3), 1.0);
    EXPECT_TRUE(std::isnan(chi2_sf(1.0, -1)));
    EXPECT_EQ(t_sf(0.0, 5), 0.5);
    EXPECT_EQ(t_sf(-inf, 5), 1.0);
    EXPECT_TRUE(std::isnan(t_sf(1.0, 0.0)));
}

// Identities: F(1, d) = t(d)^2 and chi2(2) sf = exp(-x/2).
TEST(Distributions, Identities) {
    for (double x : {0.3, 2.0, 9.0, 40.0}) {
        EXPECT_NEAR(f_sf(x * x, 1, 17), 2 * t_sf(x, 17), 1e-13 * f_sf(x * x, 1, 17));
        EXPECT_NEAR(chi2_sf(x, 2), std::exp(-x / 2), 1e-14 * std::exp(-x / 2));
    }
}

} // namespace
} // namespace kpitree

// scipy.stats.ncf.sf and f.isf (tests/reference/gen_stats.py): the power figures of KPI.CAUSAL.
TEST(Distributions, NoncentralFAndFQuantileMatchScipy) {
    int cases = 0;
    kpitree::testing::for_each_reference_line(
        "timeseries_cases.txt", [&](const std::string& key, std::istringstream& in) {
            if (key != "ncf" && key != "fisf")
                return;
            const std::vector<double> v = kpitree::testing::numbers(in);
            ++cases;
            if (key == "ncf")
                EXPECT_NEAR(kpitree::ncf_sf(v[0], v[1], v[2], v[3]), v[4], 1e-9 * v[4]);
            else
                EXPECT_NEAR(kpitree::f_isf(v[0], v[1], v[2]), v[3], 1e-9 * v[3]);
        });
    EXPECT_EQ(cases, 9);
    EXPECT_DOUBLE_EQ(kpitree::ncf_sf(2.0, 1, 20, 0.0), kpitree::f_sf(2.0, 1, 20));
    EXPECT_TRUE(std::isnan(kpitree::ncf_sf(2.0, 1, 20, -1.0)));
    EXPECT_TRUE(std::isnan(kpitree::f_isf(1.5, 1, 20)));
}
