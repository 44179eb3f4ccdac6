// A KPI's own model (causal_model.hpp), chosen by BIC (Schwarz 1978) from its own history:
//  1. Scale: levels, or logs when every value is positive, whichever model has the lower BIC
//     after the Jacobian correction (2 sum log y added to the logs' BIC: both then score the
//     same values y; Box & Cox 1964). In this comparison the exponential trend in levels, the
//     counterpart of the logs' straight trend (both say "grows by a steady percentage"),
//     costs only its column (log m), not the surcharge of a searched option, so the scales
//     compete on the noise (of fixed size or proportional) rather than on how each spells
//     growth. The terms are then chosen on the winning scale with every option charged.
//  2. An exponential trend a + b t + c exp(g t) (levels only): the rate g from a grid, kept
//     as a candidate only when the static fit beats a + b t by more than 3 log n (2 for the
//     column, 1 for the searched rate).
//  3. A level shift: the best step of y = a + b t (+ c exp(g t) when kept) + d 1[t >= k] over
//     15%..85% of the periods (Andrews 1993 trimming), kept when it lowers n log(rss/n) by
//     more than 2 log n; a kept step (and its lags) is part of every candidate below. With
//     only a straight line, the bend of a growth curve is taken for a jump.
//  4. Jointly, the deterministic terms and the autoregressive order p: constant and linear
//     trend always; optionally t^2 or the exponential trend, the yearly cycle (one or two
//     Fourier pairs, or season dummies from 36 months or for quarters), and a single-season
//     dummy (the season whose mean residual from trend and two Fourier pairs is largest: a
//     December spike) with its lags. Optional deterministic columns cost 2 log m in the BIC
//     (they are searched), the others log m.
//  5. The unit-root pre-test: ADF with trend and the chosen terms, MacKinnon (2010) "ct"
//     critical value (the extra season columns are not in MacKinnon's tables; the "ct" value
//     is used for them as the closest published case).
// All candidate models share one design (rows t = top..n-1): their fits come from one Gram
// matrix by Cholesky on the selected columns, centred and scaled, so about 10^2 candidates
// cost a few hundred microseconds. The test itself uses QR (least_squares.cpp).
#include "causal_model.hpp"

#include "kpitree/stats/least_squares.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace kpitree {

std::size_t test_columns(const DeterministicTerms& terms, int p, const Calendar& calendar) {
    DeterministicTerms t = terms;
    t.lags = p + 1;
    const std::size_t level = term_columns(t, calendar);
    const std::size_t change = term_columns(differenced_terms(t), calendar);
    return 2 * static_cast<std::size_t>(p + 1) + std::max(level, change);
}

namespace {

// The static trend a + b t (+ c exp(g t) when g != 0) for periods 0..n-1, with `extra` more
// columns left at zero for the caller.
ColumnMatrix static_trend(std::size_t n, double growth, std::size_t extra) {
    const std::size_t base = growth != 0.0 ? 3 : 2;
    ColumnMatrix x(n, base + extra);
    for (std::size_t t = 0; t < n; ++t) {
        x(t, 0) = 1.0;
        x(t, 1) = static_cast<double>(t + 1);
        if (base == 3)
            x(t, 2) = std::exp(growth * static_cast<double>(t + 1));
    }
    return x;
}

// BIC's rule for a searched term in a static fit: it lowers n log(rss/n) by more than
// `cost` log n (2 for a searched column, 1 more for each parameter searched with it).
bool clearly_better(double rss_without, double rss_with, std::size_t n, double cost) {
    const double nn = static_cast<double>(n);
    return rss_with > 0.0 && nn * std::log(rss_without / rss_with) > cost * std::log(nn);
}

} // namespace

std::optional<std::size_t> search_level_shift(std::span<const double> y, double growth) {
    const std::size_t n = y.size();
    const auto edge = static_cast<std::size_t>(std::ceil(0.15 * static_cast<double>(n)));
    if (n < 8 || 2 * edge >= n)
        return std::nullopt;
    ColumnMatrix x = static_trend(n, growth, 1);
    const std::size_t s = x.cols - 1; // the step's column
    const double rss0 = least_squares(static_trend(n, growth, 0), y).rss;
    double best = rss0;
    std::size_t at = 0;
    for (std::size_t k = edge; k <= n - edge; ++k) {
        for (std::size_t t = 0; t < n; ++t)
            x(t, s) = t >= k ? 1.0 : 0.0;
        const double rss = least_squares(x, y).rss;
        if (rss < best) {
            best = rss;
            at = k;
        }
    }
    if (!clearly_better(rss0, best, n, 2.0))
        return std::nullopt;
    return at;
}

namespace {

// The rate g of the exponential trend a + b t + c exp(g t) that fits y best, over a grid of
// rates from -10% to +10% a period (0 excluded: that is the linear trend); 0 unless it fits
// clearly better than the linear trend at the price of its column and its searched rate
// (3 log n): only then is the curve a candidate of the own model (where it costs what t^2
// costs) and part of the step search's trend.
double search_growth(std::span<const double> y) {
    const std::size_t n = y.size();
    ColumnMatrix x = static_trend(n, 0.0, 1);
    double best = std::numeric_limits<double>::infinity(), rate = 0.0;
    for (int k = -10; k <= 10; ++k) {
        const double g = 0.01 * k;
        if (k == 0)
            continue;
        for (std::size_t t = 0; t < n; ++t)
            x(t, 2) = std::exp(g * static_cast<double>(t + 1));
        const LeastSquaresFit fit = least_squares(x, y);
        if (fit.rank == 3 && fit.rss < best) {
            best = fit.rss;
            rate = g;
        }
    }
    const double linear = least_squares(static_trend(n, 0.0, 0), y).rss;
    return rate != 0.0 && clearly_better(linear, best, n, 3.0) ? rate : 0.0;
}

// The season with the largest mean residual (squared, times its count) from constant, trend
// and two Fourier pairs: the one candidate for a single-season dummy. -1 without a calendar.
int spike_season(std::span<const double> y, const Calendar& calendar) {
    if (!calendar.known() || calendar.per_year < 12)
        return -1;
    DeterministicTerms smooth;
    smooth.fourier = 2;
    const std::size_t n = y.size();
    const ColumnMatrix x = deterministic_design(smooth, calendar, n);
    const LeastSquaresFit fit = least_squares(x, y);
    std::vector<double> sum(12, 0.0), count(12, 0.0);
    for (std::size_t t = 0; t < n; ++t) {
        double r = y[t];
        for (std::size_t c = 0; c < x.cols; ++c)
            r -= x(t, c) * fit.coefficients[c];
        sum[calendar.season[t]] += r;
        count[calendar.season[t]] += 1.0;
    }
    int best = -1;
    double gain = 0.0;
    for (int s = 0; s < 12; ++s)
        if (count[s] > 0 && sum[s] * sum[s] / count[s] > gain) {
            gain = sum[s] * sum[s] / count[s];
            best = s;
        }
    return best;
}

// The shared design of all candidates, its Gram matrix, and where each block of columns is.
struct CandidateDesign {
    std::size_t rows = 0, top = 0;
    std::size_t lag0 = 0, trend0 = 0, fourier0 = 0, dummies0 = 0, spike0 = 0, step0 = 0, cols = 0;
    std::size_t n_dummies = 0, n_fourier = 0;
    bool spike = false, step = false;
    std::vector<double> gram; // (cols + 1)^2, the last row/column is the target
    double g(std::size_t i, std::size_t j) const { return gram[i * (cols + 1) + j]; }
};

CandidateDesign candidate_design(std::span<const double> z, const Calendar& calendar,
                                 std::size_t top, int spike, std::optional<std::size_t> step,
                                 double growth) {
    CandidateDesign d;
    const std::size_t n = z.size();
    d.top = top;
    d.rows = n - top;
    const bool known = calendar.known();
    d.n_fourier = known ? (calendar.per_year >= 12 ? 4 : 2) : 0;
    d.n_dummies = known ? static_cast<std::size_t>(calendar.per_year - 1) : 0;
    d.spike = spike >= 0;
    d.step = step.has_value();
    d.lag0 = 0;
    d.trend0 = top;
    d.fourier0 = d.trend0 + 4;
    d.dummies0 = d.fourier0 + d.n_fourier;
    d.spike0 = d.dummies0 + d.n_dummies;
    d.step0 = d.spike0 + (d.spike ? top + 1 : 0);
    d.cols = d.step0 + (d.step ? top + 1 : 0);
    ColumnMatrix x(d.rows, d.cols + 1);
    const double half = 0.5 * static_cast<double>(n - 1);
    for (std::size_t i = 0; i < d.rows; ++i) {
        const std::size_t t = top + i;
        for (std::size_t j = 1; j <= top; ++j)
            x(i, j - 1) = z[t - j];
        const double u = (static_cast<double>(t) - half) / half;
        x(i, d.trend0) = 1.0;
        x(i, d.trend0 + 1) = u;
        x(i, d.trend0 + 2) = u * u;
        x(i, d.trend0 + 3) = std::exp(growth * static_cast<double>(t + 1));
        if (known) {
            const int s = calendar.season[t];
            for (std::size_t k = 0; k < d.n_fourier / 2; ++k) {
                const double a =
                    2.0 * std::numbers::pi * static_cast<double>((k + 1) * s) / calendar.per_year;
                x(i, d.fourier0 + 2 * k) = std::sin(a);
                x(i, d.fourier0 + 2 * k + 1) = std::cos(a);
            }
            for (std::size_t k = 0; k < d.n_dummies; ++k)
                x(i, d.dummies0 + k) = s == static_cast<int>(k + 1) ? 1.0 : 0.0;
            for (std::size_t j = 0; d.spike && j <= top; ++j)
                x(i, d.spike0 + j) =
                    s == (spike + static_cast<int>(j)) % calendar.per_year ? 1.0 : 0.0;
        }
        for (std::size_t j = 0; d.step && j <= top; ++j)
            x(i, d.step0 + j) = t >= *step + j ? 1.0 : 0.0;
        x(i, d.cols) = z[t];
    }
    d.gram.assign((d.cols + 1) * (d.cols + 1), 0.0);
    for (std::size_t a = 0; a <= d.cols; ++a)
        for (std::size_t b = a; b <= d.cols; ++b) {
            double s = 0.0;
            for (std::size_t i = 0; i < d.rows; ++i)
                s += x(i, a) * x(i, b);
            d.gram[a * (d.cols + 1) + b] = d.gram[b * (d.cols + 1) + a] = s;
        }
    return d;
}

// Residual sum of squares of the target on the columns `use` (Cholesky of their Gram block,
// each column scaled to unit length); NaN when they are numerically dependent.
double subset_rss(const CandidateDesign& d, const std::vector<std::size_t>& use) {
    const std::size_t k = use.size();
    std::vector<double> l(k * k, 0.0), w(k, 0.0), scale(k);
    for (std::size_t i = 0; i < k; ++i)
        scale[i] = std::sqrt(d.g(use[i], use[i]));
    for (std::size_t i = 0; i < k; ++i) {
        if (!(scale[i] > 0.0))
            return std::numeric_limits<double>::quiet_NaN();
        for (std::size_t j = 0; j <= i; ++j) {
            double s = d.g(use[i], use[j]) / (scale[i] * scale[j]);
            for (std::size_t q = 0; q < j; ++q)
                s -= l[i * k + q] * l[j * k + q];
            if (i == j) {
                if (!(s > 1e-10))
                    return std::numeric_limits<double>::quiet_NaN();
                l[i * k + i] = std::sqrt(s);
            } else {
                l[i * k + j] = s / l[j * k + j];
            }
        }
        double s = d.g(use[i], d.cols) / scale[i];
        for (std::size_t q = 0; q < i; ++q)
            s -= l[i * k + q] * w[q];
        w[i] = s / l[i * k + i];
    }
    double rss = d.g(d.cols, d.cols);
    for (double v : w)
        rss -= v * v;
    return std::max(rss, 1e-14 * d.g(d.cols, d.cols));
}

struct Choice {
    DeterministicTerms terms;
    int order = 1;
    std::size_t top = 1; // the candidates' rows are top..n-1
    double bic = std::numeric_limits<double>::infinity();
    // The lowest BIC on this scale with the exponential trend charged as a plain column
    // (log m, not 2 log m): what the scales are compared on (fit_own_model).
    double scale_bic = std::numeric_limits<double>::infinity();
};

// Seasonal forms the calendar allows: 0 none, 1 and 2 Fourier pairs, 3 dummies.
std::vector<int> season_forms(const Calendar& calendar, std::size_t n) {
    if (!calendar.known())
        return {0};
    if (calendar.per_year < 12)
        return {0, 1, 3};
    return n >= 36 ? std::vector<int>{0, 1, 2, 3} : std::vector<int>{0, 1, 2};
}

// One candidate's columns and its penalty in units of log m.
double candidate_columns(const CandidateDesign& d, const DeterministicTerms& t, int p,
                         std::vector<std::size_t>& use) {
    use.clear();
    double penalty = 0.0;
    for (std::size_t j = 0; j < static_cast<std::size_t>(p); ++j)
        use.push_back(d.lag0 + j);
    use.push_back(d.trend0);
    use.push_back(d.trend0 + 1);
    penalty += p + 2;
    if (t.trend >= 2) { // t^2 or exp(g t): one optional column (g was paid for in its search)
        use.push_back(d.trend0 + (t.trend == 3 ? 3 : 2));
        penalty += 2;
    }
    for (std::size_t c = 0; c < 2 * static_cast<std::size_t>(t.fourier); ++c, penalty += 2)
        use.push_back(d.fourier0 + c);
    for (std::size_t c = 0; t.season_dummies && c < d.n_dummies; ++c, penalty += 2)
        use.push_back(d.dummies0 + c);
    for (std::size_t j = 0; t.spike >= 0 && j <= static_cast<std::size_t>(p); ++j)
        use.push_back(d.spike0 + j);
    if (t.spike >= 0)
        penalty += 2 + p;
    for (std::size_t j = 0; t.step && j <= static_cast<std::size_t>(p); ++j, penalty += 1)
        use.push_back(d.step0 + j);
    return penalty;
}

// The best terms and order on one scale; `offset` is added to the BIC (the Jacobian).
Choice choose_on_scale(std::span<const double> z, const Calendar& calendar, int max_lag,
                       std::optional<std::size_t> step, int spike, double growth) {
    const std::size_t n = z.size();
    auto admissible = [&](const DeterministicTerms& t, int p) {
        const std::size_t rows = n - static_cast<std::size_t>(p) - 2; // changes, p + 1 lags
        const std::size_t need = test_columns(t, p, calendar) +
                                 static_cast<std::size_t>(own_model_min_df) +
                                 (t.spike >= 0 ? 1u : 0u) + (t.step ? 1u : 0u);
        return n > static_cast<std::size_t>(p) + 2 && rows >= need;
    };
    DeterministicTerms base;
    base.step = step;
    int top = 1;
    while (top < max_lag && admissible(base, top + 1))
        ++top;
    const CandidateDesign d =
        candidate_design(z, calendar, static_cast<std::size_t>(top), spike, step, growth);
    const double m = static_cast<double>(d.rows);
    Choice best;
    std::vector<std::size_t> use;
    for (int trend = 1; trend <= (growth != 0.0 ? 3 : 2); ++trend)
        for (int form : season_forms(calendar, n))
            for (int with_spike = 0; with_spike <= (spike >= 0 && form != 3 ? 1 : 0); ++with_spike)
                for (int p = 1; p <= top; ++p) {
                    DeterministicTerms t = base;
                    t.trend = trend;
                    t.growth = trend == 3 ? growth : 0.0;
                    t.fourier = form == 1 || form == 2 ? form : 0;
                    t.season_dummies = form == 3;
                    t.spike = with_spike ? spike : -1;
                    if (p > 1 && !admissible(t, p))
                        continue;
                    const double penalty = candidate_columns(d, t, p, use);
                    const double rss = subset_rss(d, use);
                    if (std::isnan(rss))
                        continue;
                    const double bic = m * std::log(rss / m) + penalty * std::log(m);
                    if (bic < best.bic)
                        best = {t, p, static_cast<std::size_t>(top), bic, best.scale_bic};
                    const double held = trend == 3 ? std::log(m) : 0.0; // 2 log m -> log m
                    best.scale_bic = std::min(best.scale_bic, bic - held);
                }
    return best;
}

} // namespace

OwnModel fit_own_model(std::span<const double> y, const Calendar& calendar, int max_lag) {
    OwnModel model;
    const bool positive = std::all_of(y.begin(), y.end(), [](double v) { return v > 0.0; });
    Choice best;
    for (int logs = 0; logs <= (positive ? 1 : 0); ++logs) {
        std::vector<double> z(y.begin(), y.end());
        double jacobian = 0.0;
        if (logs)
            for (double& v : z)
                v = std::log(v);
        const double growth = logs ? 0.0 : search_growth(z); // logs: a linear trend
        const std::optional<std::size_t> step = search_level_shift(z, growth);
        const int spike = spike_season(z, calendar);
        Choice c = choose_on_scale(z, calendar, max_lag, step, spike, growth);
        for (std::size_t t = c.top; logs && t < z.size(); ++t) // the rows the BIC scored
            jacobian += 2.0 * z[t];
        c.bic += jacobian;
        c.scale_bic += jacobian;
        if (c.scale_bic < best.scale_bic) {
            best = c;
            model.logs = logs != 0;
            model.series = std::move(z);
        }
    }
    if (!std::isfinite(best.bic))
        return model;
    model.ok = true;
    model.terms = best.terms;
    model.order = best.order;
    model.searched = (best.terms.spike >= 0 ? 1 : 0) + (best.terms.step ? 1 : 0) +
                     (best.terms.trend == 3 ? 1 : 0);
    DeterministicTerms adf_terms = best.terms;
    adf_terms.lags = best.order;
    model.adf = unit_root_test(model.series, best.order - 1,
                               deterministic_design(adf_terms, calendar, model.series.size()),
                               AdfCase::constant_trend);
    return model;
}

} // namespace kpitree
