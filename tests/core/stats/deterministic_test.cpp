#include "kpitree/stats/deterministic.hpp"
#include "reference.hpp"

#include <gtest/gtest.h>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

namespace kpitree {
namespace {

Calendar monthly_from(int first_month, std::size_t n) {
    Calendar c;
    c.per_year = 12;
    for (std::size_t t = 0; t < n; ++t)
        c.season.push_back(static_cast<int>((first_month + t) % 12));
    return c;
}

// statsmodels DeterministicProcess columns (tests/reference/gen_stats.py, design blocks).
TEST(Deterministic, DesignMatchesStatsmodelsDeterministicProcess) {
    DeterministicTerms terms;
    std::size_t n = 0;
    std::vector<std::vector<double>> columns;
    int cases = 0;
    testing::for_each_reference_line("timeseries_cases.txt", [&](const std::string& key,
                                                                 std::istringstream& in) {
        if (key == "design") {
            std::string name;
            int dummies = 0;
            in >> name >> n >> terms.trend >> dummies >> terms.fourier;
            terms.season_dummies = dummies != 0;
            columns.clear();
        } else if (key == "col") {
            columns.push_back(testing::numbers(in));
        } else if (key == "end" && !columns.empty()) {
            ++cases;
            const ColumnMatrix x = deterministic_design(terms, monthly_from(0, n), n);
            ASSERT_EQ(x.cols, columns.size());
            EXPECT_EQ(term_columns(terms, monthly_from(0, n)), x.cols);
            for (std::size_t c = 0; c < x.cols; ++c)
                for (std::size_t t = 0; t < n; ++t)
                    EXPECT_NEAR(x(t, c), columns[c][t], 1e-12) << "column " << c << " row " << t;
            columns.clear();
        }
    });
    EXPECT_EQ(cases, 4);
}

// The season comes from the calendar, not the position: a window starting in October has
// its October dummy (season 9, column 1 + 9 - 1 after the constant) in row 0.
TEST(Deterministic, SeasonsFollowTheCalendarAndLaggedSpikeIsTheNextMonth) {
    DeterministicTerms terms;
    terms.trend = 0;
    terms.season_dummies = true;
    const ColumnMatrix x = deterministic_design(terms, monthly_from(9, 14), 14);
    EXPECT_EQ(x(0, 9), 1.0);
    EXPECT_EQ(x(3, 1), 0.0); // January is the dropped season
    DeterministicTerms spike;
    spike.trend = 0;
    spike.spike = 11;
    spike.lags = 1;
    const ColumnMatrix s = deterministic_design(spike, monthly_from(9, 14), 14);
    ASSERT_EQ(s.cols, 3u);
    for (std::size_t t = 0; t < 14; ++t) {
        EXPECT_EQ(s(t, 1), (9 + t) % 12 == 11 ? 1.0 : 0.0);
        EXPECT_EQ(s(t, 2), (9 + t) % 12 == 0 ? 1.0 : 0.0); // December's dummy a month later
    }
}

TEST(Deterministic, UnknownCalendarHasNoSeasonalColumnsAndStepLags) {
    DeterministicTerms terms;
    terms.season_dummies = true;
    terms.fourier = 2;
    terms.spike = 11;
    terms.step = 5;
    terms.lags = 2;
    const ColumnMatrix x = deterministic_design(terms, Calendar{}, 10);
    ASSERT_EQ(x.cols, 2u + 3u); // constant, trend, step at lags 0..2
    for (std::size_t t = 0; t < 10; ++t)
        for (std::size_t j = 0; j < 3; ++j)
            EXPECT_EQ(x(t, 2 + j), t >= 5 + j ? 1.0 : 0.0);
    EXPECT_THROW(deterministic_design(terms, monthly_from(0, 4), 10), std::invalid_argument);
}

// Differences of the level terms lie in the span of the differenced terms: regressing each
// differenced level column on them leaves no residual.
TEST(Deterministic, DifferencedTermsSpanTheChangesOfTheLevelTerms) {
    DeterministicTerms terms;
    terms.trend = 2;
    terms.fourier = 2;
    terms.spike = 11;
    terms.step = 13;
    terms.lags = 1;
    const std::size_t n = 36;
    const Calendar cal = monthly_from(3, n);
    const ColumnMatrix level = deterministic_design(terms, cal, n);
    const DeterministicTerms d = differenced_terms(terms);
    EXPECT_EQ(d.trend, 1);
    EXPECT_TRUE(d.impulse);
    const ColumnMatrix full = deterministic_design(d, cal, n);
    ColumnMatrix changes_basis(n - 1, full.cols);
    for (std::size_t c = 0; c < full.cols; ++c)
        for (std::size_t t = 1; t < n; ++t)
            changes_basis(t - 1, c) = full(t, c);
    for (std::size_t c = 0; c < level.cols; ++c) {
        std::vector<double> change(n - 1);
        for (std::size_t t = 1; t < n; ++t)
            change[t - 1] = level(t, c) - level(t - 1, c);
        EXPECT_LT(least_squares(changes_basis, change).rss, 1e-18) << "column " << c;
    }
}

} // namespace
} // namespace kpitree
