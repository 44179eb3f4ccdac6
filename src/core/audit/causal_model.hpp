// A KPI's own model (private to the causal policy, causal.hpp): what the series does by
// itself — its scale, trend, season, spike, level shift and autoregressive order — chosen
// from its own history only, before any other KPI is looked at. The causal test then asks
// whether a child adds anything beyond this model.
#pragma once

#include "kpitree/model/calendar.hpp"
#include "kpitree/stats/deterministic.hpp"
#include "kpitree/stats/unit_root.hpp"

#include <span>
#include <vector>

namespace kpitree {

struct OwnModel {
    bool ok = false;            // false: no candidate fits (too few periods, a constant series)
    bool logs = false;          // modelled in logs (every value positive, lower BIC)
    DeterministicTerms terms;   // lags 0: the test adds the spike's and the step's lags
    int order = 1;              // autoregressive order p
    int searched = 0;           // columns whose date was searched in the data (spike, step)
    UnitRootTest adf;           // ADF with trend and the terms, on the chosen scale
    std::vector<double> series; // the values on the chosen scale

    bool unit_root() const { return !adf.stable(); }
};

// Residual degrees of freedom the test regression must keep (causal.hpp causal_min_df).
inline constexpr int own_model_min_df = 10;

// Columns of the lag-augmented test regression at order p with these terms (lags p + 1 of
// both series and the terms with lags p + 1), in levels or in changes, whichever has more.
std::size_t test_columns(const DeterministicTerms& terms, int p, const Calendar& calendar);

// The model of `y` (finite values, calendar of the same length or unknown). `max_lag` >= 1
// bounds the order; candidates whose test regression would keep fewer than own_model_min_df
// residual degrees of freedom in changes are not considered.
OwnModel fit_own_model(std::span<const double> y, const Calendar& calendar, int max_lag);

// The step search alone: the level shift k (15% trimming) that best fits y = a + b t +
// d 1[t >= k] (+ c exp(growth t) when growth != 0, so that a curve is not taken for a
// jump), kept when it lowers n log(rss/n) by more than 2 log n; nullopt otherwise.
std::optional<std::size_t> search_level_shift(std::span<const double> y, double growth = 0.0);

} // namespace kpitree
