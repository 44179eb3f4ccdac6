// Deterministic terms (deterministic.hpp). Seasonal columns are built from each period's
// season (its month or quarter), not from its position, so a window that starts in October
// has its October dummy in row 0. Fourier terms: Harvey (1989), "Forecasting, structural time
// series models and the Kalman filter", section 2.3; a smooth cycle costs 2 columns per
// harmonic instead of 11 dummies.
#include "kpitree/stats/deterministic.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace kpitree {

std::size_t term_columns(const DeterministicTerms& terms, const Calendar& calendar) {
    std::size_t cols = 1 + static_cast<std::size_t>(std::clamp(terms.trend, 0, 2));
    const auto lagged = static_cast<std::size_t>(std::max(terms.lags, 0)) + 1;
    if (calendar.known()) {
        if (terms.season_dummies)
            cols += static_cast<std::size_t>(calendar.per_year - 1);
        cols += 2 * static_cast<std::size_t>(std::max(terms.fourier, 0));
        if (terms.spike >= 0)
            cols += lagged;
    }
    if (terms.step)
        cols += lagged;
    return cols;
}

ColumnMatrix deterministic_design(const DeterministicTerms& terms, const Calendar& calendar,
                                  std::size_t n) {
    if (calendar.known() && calendar.season.size() < n)
        throw std::invalid_argument("deterministic_design: the calendar is shorter than n");
    ColumnMatrix x(n, term_columns(terms, calendar));
    std::size_t c = 0;
    for (int power = 0; power <= std::clamp(terms.trend, 0, 2); ++power, ++c)
        for (std::size_t t = 0; t < n; ++t)
            x(t, c) = terms.trend == 3 && power == 2
                          ? std::exp(terms.growth * static_cast<double>(t + 1))
                          : std::pow(static_cast<double>(t + 1), power);
    const int lags = std::max(terms.lags, 0);
    if (calendar.known()) {
        const int s = calendar.per_year;
        if (terms.season_dummies)
            for (int season = 1; season < s; ++season, ++c)
                for (std::size_t t = 0; t < n; ++t)
                    x(t, c) = calendar.season[t] == season ? 1.0 : 0.0;
        for (int k = 1; k <= terms.fourier; ++k, c += 2)
            for (std::size_t t = 0; t < n; ++t) {
                const double angle = 2.0 * std::numbers::pi * k * calendar.season[t] / s;
                x(t, c) = std::sin(angle);
                x(t, c + 1) = std::cos(angle);
            }
        if (terms.spike >= 0)
            for (int j = 0; j <= lags; ++j, ++c)
                for (std::size_t t = 0; t < n; ++t)
                    x(t, c) = calendar.season[t] == (terms.spike + j) % s ? 1.0 : 0.0;
    }
    if (terms.step)
        for (std::size_t j = 0; j <= static_cast<std::size_t>(lags); ++j, ++c)
            for (std::size_t t = 0; t < n; ++t) {
                const std::size_t k = *terms.step + j;
                x(t, c) = (terms.impulse ? t == k : t >= k) ? 1.0 : 0.0;
            }
    return x;
}

DeterministicTerms differenced_terms(const DeterministicTerms& terms) {
    DeterministicTerms d = terms;
    d.trend = terms.trend == 3 ? 3 : std::max(terms.trend - 1, 0);
    if (terms.spike >= 0)
        d.lags = terms.lags + 1;
    d.impulse = terms.step.has_value();
    return d;
}

} // namespace kpitree
