#include "kpitree/stats/deterministic.hpp"
#include "kpitree/stats/unit_root.hpp"
#include "reference.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <sstream>
#include <string>
#include <vector>

namespace kpitree {
namespace {

// statsmodels adfuller with "c" and "ct" (and the same regression with month dummies):
// statistic to 1e-9 relative, MacKinnon's (2010) 5% critical value to 1e-12.
TEST(UnitRoot, MatchesStatsmodelsAdfullerWithTrendAndSeason) {
    int lags = 0, cases = 0;
    std::string name, adf_case;
    bool season = false;
    std::vector<double> x;
    testing::for_each_reference_line(
        "timeseries_cases.txt", [&](const std::string& key, std::istringstream& in) {
            if (key == "adf") {
                int s = 0;
                in >> name >> lags >> adf_case >> s;
                season = s != 0;
            } else if (key == "x") {
                x = testing::numbers(in);
            } else if (key == "result" && !x.empty()) {
                SCOPED_TRACE(name);
                const std::vector<double> r = testing::numbers(in);
                DeterministicTerms terms;
                terms.trend = adf_case == "ct" ? 1 : 0;
                terms.season_dummies = season;
                Calendar cal;
                cal.per_year = 12;
                for (std::size_t t = 0; t < x.size(); ++t)
                    cal.season.push_back(static_cast<int>(t % 12));
                const AdfCase c = adf_case == "ct" ? AdfCase::constant_trend : AdfCase::constant;
                const UnitRootTest u =
                    unit_root_test(x, lags, deterministic_design(terms, cal, x.size()), c);
                ASSERT_TRUE(u.computed);
                EXPECT_NEAR(u.t, r[0], 1e-9 * std::fabs(r[0]));
                EXPECT_NEAR(u.critical, r[1], 1e-12);
                EXPECT_EQ(static_cast<double>(u.n_used), r[2]);
                ++cases;
                x.clear();
            }
        });
    EXPECT_EQ(cases, 10);
}

TEST(UnitRoot, TrendCriticalValueLimitAndMismatchedTerms) {
    EXPECT_NEAR(adf_critical_5pct(1000000, AdfCase::constant_trend), -3.41049, 1e-5);
    EXPECT_LT(adf_critical_5pct(30, AdfCase::constant_trend), adf_critical_5pct(30));
    const std::vector<double> x(20, 1.0);
    EXPECT_THROW(unit_root_test(x, 0, ColumnMatrix(19, 1), AdfCase::constant),
                 std::invalid_argument);
}

} // namespace
} // namespace kpitree
