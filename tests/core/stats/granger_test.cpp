#include "kpitree/stats/granger.hpp"
#include "reference.hpp"

#include <cmath>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace kpitree {
namespace {

// Agreement with a reference value: 1e-9 relative, or 1e-6 in log where the reference is
// below 1e-10 (far-tail p-values).
::testing::AssertionResult agrees(double value, double ref) {
    if (value == ref)
        return ::testing::AssertionSuccess();
    if (ref > 0.0 && ref < 1e-10 && value > 0.0 && std::abs(std::log(value) - std::log(ref)) < 1e-6)
        return ::testing::AssertionSuccess();
    if (std::abs(value - ref) <= 1e-9 * std::abs(ref))
        return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure()
           << value << " vs reference " << ref << " (relative " << (value - ref) / ref << ")";
}

struct Case {
    std::string name;
    int lag = 0;
    std::vector<double> effect, cause;
    std::string kind; // ok, error, collinear
    std::string problem;
    std::vector<double> expected;
};

std::vector<Case> read_cases() {
    std::vector<Case> cases;
    Case c;
    testing::for_each_reference_line("granger_cases.txt",
                                     [&](const std::string& key, std::istringstream& in) {
                                         if (key == "case")
                                             in >> c.name;
                                         else if (key == "lag")
                                             in >> c.lag;
                                         else if (key == "effect")
                                             c.effect = testing::numbers(in);
                                         else if (key == "cause")
                                             c.cause = testing::numbers(in);
                                         else if (key == "ok" || key == "collinear") {
                                             c.kind = key;
                                             c.expected = testing::numbers(in);
                                         } else if (key == "error") {
                                             c.kind = key;
                                             in >> c.problem;
                                         } else if (key == "end") {
                                             cases.push_back(c);
                                             c = Case{};
                                         }
                                     });
    return cases;
}

const std::map<std::string, GrangerProblem> problem_names = {
    {"invalid_lag", GrangerProblem::invalid_lag},
    {"non_finite", GrangerProblem::non_finite},
    {"too_few_points", GrangerProblem::too_few_points},
    {"constant_series", GrangerProblem::constant_series},
    {"perfect_fit", GrangerProblem::perfect_fit},
};

TEST(Granger, MatchesStatsmodelsReferenceCases) {
    const std::vector<Case> cases = read_cases();
    ASSERT_GE(cases.size(), 30u);
    int ok = 0;
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        const GrangerResult r = granger_test(c.effect, c.cause, c.lag);
        if (c.kind == "ok") {
            ++ok;
            ASSERT_TRUE(r.ok()) << r.message;
            const GrangerTest& t = *r.test;
            const auto& e = c.expected; // F p df_den df_num chi2 p_chi2 lr p_lr n ssr_r ssr_u
            EXPECT_TRUE(agrees(t.F, e[0]));
            EXPECT_TRUE(agrees(t.p_ftest, e[1]));
            EXPECT_EQ(t.df_den, static_cast<int>(e[2]));
            EXPECT_EQ(t.df_num, static_cast<int>(e[3]));
            EXPECT_TRUE(agrees(t.chi2, e[4]));
            EXPECT_TRUE(agrees(t.p_chi2, e[5]));
            // statsmodels forms lr as a difference of two log-likelihoods of size ~n, so its
            // value carries an absolute rounding error of a few ulps of n; ours is n log(ratio).
            EXPECT_NEAR(t.lr, e[6], 1e-9 * std::abs(e[6]) + 1e-12 * e[8]);
            EXPECT_TRUE(agrees(t.p_lr, e[7]) || std::abs(t.p_lr - e[7]) < 1e-12);
            EXPECT_EQ(t.n_used, static_cast<std::size_t>(e[8]));
            EXPECT_TRUE(agrees(t.ssr_restricted, e[9]));
            EXPECT_TRUE(agrees(t.ssr_unrestricted, e[10]));
        } else if (c.kind == "collinear") {
            EXPECT_FALSE(r.ok());
            EXPECT_EQ(r.problem, GrangerProblem::collinear);
            EXPECT_FALSE(r.message.empty());
        } else {
            EXPECT_FALSE(r.ok());
            ASSERT_TRUE(problem_names.count(c.problem)) << c.problem;
            EXPECT_EQ(r.problem, problem_names.at(c.problem)) << r.message;
            EXPECT_FALSE(r.message.empty());
        }
    }
    EXPECT_GE(ok, 20);
}

TEST(Granger, LengthMismatchIsAValue) {
    const std::vector<double> a(20, 1.0), b(19, 2.0);
    const GrangerResult r = granger_test(a, b, 1);
    EXPECT_EQ(r.problem, GrangerProblem::length_mismatch);
    EXPECT_FALSE(r.ok());
}

TEST(Granger, MinimumPointsFollowStatsmodels) {
    EXPECT_EQ(granger_min_points(1), 5u);
    EXPECT_EQ(granger_min_points(4), 14u);
    EXPECT_EQ(granger_min_points(0), 0u);
}

// Identities: F and chi2 are the same ratio scaled; lr = n log(1 + chi2 / n).
TEST(Granger, StatisticsAreConsistent) {
    std::vector<double> e, c;
    for (int t = 0; t < 40; ++t) {
        c.push_back(std::sin(0.7 * t) + 0.1 * t);
        e.push_back(t > 0 ? 0.5 * c[t - 1] + std::cos(1.3 * t) : 0.0);
    }
    const GrangerResult r = granger_test(e, c, 2);
    ASSERT_TRUE(r.ok());
    const GrangerTest& t = *r.test;
    const double n = static_cast<double>(t.n_used);
    EXPECT_NEAR(t.chi2, t.F * t.df_num * n / t.df_den, 1e-12 * t.chi2);
    EXPECT_NEAR(t.lr, n * std::log1p(t.chi2 / n), 1e-12 * t.lr);
    EXPECT_EQ(t.df_den, 38 - 5);
}

} // namespace
} // namespace kpitree
