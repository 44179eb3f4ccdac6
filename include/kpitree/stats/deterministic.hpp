// Deterministic regressors for a time-series regression: constant, polynomial trend, the
// yearly cycle (season dummies or Fourier pairs), a single-season dummy (a December spike), a
// level shift. Columns as statsmodels' DeterministicProcess builds them (the reference,
// tests/reference/gen_stats.py): trend t = 1..n, dummies for every season but the first.
#pragma once

#include "kpitree/model/calendar.hpp"
#include "kpitree/stats/least_squares.hpp"

#include <cstddef>
#include <optional>

namespace kpitree {

struct DeterministicTerms {
    int trend = 1;       // 0 constant only, 1 linear, 2 quadratic, 3 linear and exp(growth t)
    double growth = 0.0; // the exponential trend's rate per period, for trend 3
    bool season_dummies = false; // per_year - 1 dummies (not the first season); known calendar
    int fourier = 0;             // Fourier pairs sin/cos(2 pi k season / per_year), k = 1..fourier
    int spike = -1;              // season of a single-season dummy (11 = December); -1 none
    std::optional<std::size_t> step; // level shift: 1[t >= step] (0-based period)
    bool impulse = false;            // the step enters as its difference, 1[t == step]
    int lags = 0;                    // the spike and the step also at lags 1..lags

    bool operator==(const DeterministicTerms&) const = default;
};

// Columns deterministic_design makes: 1 + trend + dummies + 2 fourier + (lags + 1) for the
// spike and for the step. Seasonal terms count only when the calendar is known.
std::size_t term_columns(const DeterministicTerms& terms, const Calendar& calendar);

// The design for periods 0..n-1, columns in this order: constant, t, t^2 (or exp(growth t)
// for trend 3), season dummies
// (seasons 1..per_year-1), sin 1, cos 1, sin 2, cos 2, ..., the spike at lags 0..lags (a
// lagged spike is the dummy of the following season, so it is defined in the first rows too),
// the step at lags 0..lags. Seasonal terms are left out when the calendar is unknown.
// Precondition (std::invalid_argument): a known calendar has at least n seasons.
ColumnMatrix deterministic_design(const DeterministicTerms& terms, const Calendar& calendar,
                                  std::size_t n);

// The terms of the period-on-period changes of a series with `terms`: the trend one degree
// lower (the constant stays; an exponential trend keeps its columns, which span its changes), the
// seasonal terms as they are, the spike one lag longer, the step as an impulse. Regressing changes
// on these spans the changes of the level terms.
DeterministicTerms differenced_terms(const DeterministicTerms& terms);

} // namespace kpitree
