// The causal policy (see causal.hpp for the rule). References: Granger (1969) for the test;
// Granger & Newbold (1974), "Spurious regressions in econometrics", J. Econometrics 2, for why
// levels of trending series are differenced first; Schwarz (1978) for BIC, used here on the
// effect's own autoregression only, so the lag is fixed before the cause is looked at and cannot
// be tuned to the cause (no search for the smallest p-value); Holm (1979) for the adjustment
// across links; Dickey & Fuller (1979) and MacKinnon (2010), "Critical values for
// cointegration tests", Queen's Economics Department WP 1227, for the stationarity pre-test;
// Toda & Yamamoto (1995) for the lag-augmented levels test. Why the pre-test: differencing a
// series without trend leaves a unit root in its moving-average part that short
// autoregressions fit badly, and the test on differences then says "significant" too often
// (about 6% at alpha 5% for white noise), so levels of two stable KPIs are tested directly.
// Why the extra lag: with a lagged effect in the regression the F-test is slightly liberal in
// short series (about 5.5% for stable AR(1) series); one extra, untested lag of each KPI
// (Toda & Yamamoto) brings it back to about 5% at a small cost in power.
// Limits: Granger causality is predictive, not proof of a mechanism; a common driver of both
// KPIs can produce a SUPPORTED link.
#include "kpitree/audit/causal.hpp"

#include "kpitree/model/status.hpp"
#include "kpitree/stats/granger.hpp"
#include "kpitree/stats/least_squares.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

namespace kpitree {

std::size_t causal_min_periods(int lag) {
    const auto p = static_cast<std::size_t>(std::max(lag, 1));
    return 3 * p + 5 + static_cast<std::size_t>(causal_min_df);
}

namespace {

// BIC of effect_t on [1, effect_{t-1..t-p}] over rows t = first .. d.size()-1.
double own_ar_bic(const std::vector<double>& d, std::size_t p, std::size_t first) {
    const std::size_t rows = d.size() - first;
    ColumnMatrix x(rows, p + 1);
    std::vector<double> y(rows);
    for (std::size_t t = 0; t < rows; ++t) {
        y[t] = d[first + t];
        x(t, p) = 1.0;
        for (std::size_t j = 1; j <= p; ++j)
            x(t, j - 1) = d[first + t - j];
    }
    const double rss = least_squares(x, y).rss;
    const double n = static_cast<double>(rows);
    if (!(rss > 0.0))
        return -std::numeric_limits<double>::infinity();
    return n * std::log(rss / n) + static_cast<double>(p + 1) * std::log(n);
}

// The order 1..top of x's own autoregression with the smallest BIC, on the common sample
// t = top .. n-1; ties to the smaller order.
int bic_order(const std::vector<double>& x, int top) {
    int order = 1;
    if (top > 1) {
        double best = std::numeric_limits<double>::infinity();
        for (int p = 1; p <= top; ++p) {
            const double bic =
                own_ar_bic(x, static_cast<std::size_t>(p), static_cast<std::size_t>(top));
            if (bic < best) {
                best = bic;
                order = p;
            }
        }
    }
    return order;
}

const char* transform_name(CausalTransform t) {
    switch (t) {
    case CausalTransform::growth_rates:
        return "growth rates";
    case CausalTransform::levels:
        return "levels";
    case CausalTransform::differences:
        break;
    }
    return "differences";
}

std::string format_p(double p) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, p, std::chars_format::general, 2);
    return std::string(buf, r.ptr);
}

} // namespace

CausalEvidence causal_evidence(const Series& effect, const Series& cause,
                               const CausalOptions& options) {
    CausalEvidence ev;
    ev.needed = causal_min_periods(1);
    const std::size_t len = std::min(effect.size(), cause.size());
    auto usable = [](const std::optional<double>& v) { return v && std::isfinite(*v); };

    // 1. Longest run of periods where both are present; the latest one on ties.
    std::size_t run_start = 0;
    for (std::size_t i = 0; i <= len; ++i) {
        if (i < len && usable(effect[i]) && usable(cause[i]))
            continue;
        const std::size_t run = i - run_start;
        if (run > 0 && run >= ev.periods) {
            ev.periods = run;
            ev.first_period = run_start;
        }
        run_start = i + 1;
    }
    if (ev.periods < ev.needed) {
        ev.reason = std::to_string(ev.periods) + (ev.periods == 1 ? " period" : " periods") +
                    ", needs " + std::to_string(ev.needed);
        return ev;
    }

    const std::size_t a = ev.first_period;
    const std::size_t n = ev.periods;
    std::vector<double> le, lc;
    for (std::size_t i = a; i < a + n; ++i) {
        le.push_back(*effect[i]);
        lc.push_back(*cause[i]);
    }

    // 2. Lag candidates 1..top, each testable in the lag-augmented regression on changes.
    int top = 1;
    while (top < options.max_lag && causal_min_periods(top + 1) <= n)
        ++top;

    // 3. Stationarity pre-test on the levels of each KPI, its ADF lags from its own BIC order.
    const int order_effect = bic_order(le, top);
    ev.effect_unit_root = unit_root_test(le, order_effect - 1);
    ev.cause_unit_root = unit_root_test(lc, bic_order(lc, top) - 1);

    int lag = 0;
    GrangerResult g;
    if (ev.effect_unit_root.stable() && ev.cause_unit_root.stable()) {
        // 4a. Both stable: levels at the parent's own BIC order, one extra untested lag.
        ev.transform = CausalTransform::levels;
        lag = order_effect;
        g = granger_test_augmented(le, lc, lag, 1);
    } else {
        // 4b. Growth rates when everything is positive, else differences; lag by BIC of the
        // parent's changes; one extra untested lag as in 4a.
        bool positive = true;
        for (std::size_t i = 0; i < n; ++i)
            positive = positive && le[i] > 0.0 && lc[i] > 0.0;
        ev.transform = positive ? CausalTransform::growth_rates : CausalTransform::differences;
        std::vector<double> de, dc;
        for (std::size_t i = 1; i < n; ++i) {
            if (positive) {
                de.push_back(std::log(le[i] / le[i - 1]));
                dc.push_back(std::log(lc[i] / lc[i - 1]));
            } else {
                de.push_back(le[i] - le[i - 1]);
                dc.push_back(lc[i] - lc[i - 1]);
            }
        }
        lag = bic_order(de, top);
        g = granger_test_augmented(de, dc, lag, 1);
    }

    if (!g.ok()) {
        ev.reason = g.message + " (" + transform_name(ev.transform) + " over " + std::to_string(n) +
                    " periods)";
        return ev;
    }
    ev.tested = true;
    ev.lag = lag;
    ev.n_used = g.test->n_used;
    ev.F = g.test->F;
    ev.df_num = g.test->df_num;
    ev.df_den = g.test->df_den;
    ev.p = g.test->p_ftest;
    return ev;
}

namespace {

// Regressions square the values: beyond about 1e150 the sums of squares overflow.
bool testable_magnitudes(const Series& values) {
    for (const auto& v : values)
        if (v && std::fabs(*v) > 1e150)
            return false;
    return true;
}

} // namespace

std::optional<std::string> invalid_causal_options(const CausalOptions& options) {
    if (!(options.alpha > 0.0 && options.alpha < 1.0))
        return std::string("alpha must be between 0 and 1");
    if (options.max_lag < 1)
        return std::string("max_lag must be at least 1");
    return std::nullopt;
}

std::vector<CausalResult> assess_causal(const Tree& tree, const CausalOptions& options) {
    const std::optional<std::string> bad_options = invalid_causal_options(options);
    std::vector<CausalResult> results(tree.nodes.size());
    std::vector<std::size_t> tested;
    std::vector<double> p;
    for (std::size_t i = 0; i < tree.nodes.size(); ++i) {
        const Node& node = tree.nodes[i];
        CausalResult& r = results[i];
        r.method = options.adjust;
        auto fail = [&r](std::string reason) {
            r.kind = CausalKind::error;
            r.reason = std::move(reason);
        };
        if (!node.ok()) {
            fail(node.errors.front());
            continue;
        }
        if (node.is_root()) {
            r.kind = CausalKind::root;
            continue;
        }
        if (!node.parent || *node.parent >= tree.nodes.size()) {
            fail("unknown parent " + node.parent_name);
            continue;
        }
        const Node& parent = tree.nodes[*node.parent];
        if (!parent.ok()) {
            fail("parent " + parent.name + " has errors");
            continue;
        }
        if (is_arithmetic(node.link)) {
            r.kind = CausalKind::identity;
            continue;
        }
        if (node.link != Link::hypothesis) {
            fail("no link to " + parent.name);
            continue;
        }
        if (bad_options) {
            fail(*bad_options);
            continue;
        }
        if (!testable_magnitudes(parent.values) || !testable_magnitudes(node.values)) {
            fail("values beyond \u00B11e150 are too large for the regressions of the test");
            continue;
        }
        r.kind = CausalKind::hypothesis;
        r.evidence = causal_evidence(parent.values, node.values, options);
        if (r.evidence.tested) {
            tested.push_back(i);
            p.push_back(*r.evidence.p);
        } else {
            r.verdict = CausalVerdict::insufficient;
        }
    }
    const std::vector<double> adjusted = padjust(p, options.adjust);
    for (std::size_t k = 0; k < tested.size(); ++k) {
        CausalResult& r = results[tested[k]];
        r.adjusted_p = adjusted[k];
        r.family = tested.size();
        r.verdict =
            adjusted[k] < options.alpha ? CausalVerdict::supported : CausalVerdict::unsupported;
    }
    return results;
}

std::string causal_status_text(const Tree& tree, const CausalResult& result) {
    switch (result.kind) {
    case CausalKind::root:
        return "";
    case CausalKind::identity:
        return status_message(Status::identity);
    case CausalKind::error:
        return status_message(Status::error, result.reason);
    case CausalKind::hypothesis:
        break;
    }
    const CausalEvidence& ev = result.evidence;
    // Name the window when it is not the whole table, so a shorter test is visible.
    std::string window;
    if (ev.periods > 0 && ev.periods < tree.periods() &&
        ev.first_period + ev.periods <= tree.period_labels.size())
        window = " (" + tree.period_labels[ev.first_period] + " to " +
                 tree.period_labels[ev.first_period + ev.periods - 1] + ")";
    if (result.verdict != CausalVerdict::supported && result.verdict != CausalVerdict::unsupported)
        return status_message(Status::insufficient, ev.reason + window);
    std::string text = status_message(
        result.verdict == CausalVerdict::supported ? Status::supported : Status::unsupported);
    text += " lag " + std::to_string(ev.lag) + ", " + std::to_string(ev.periods) + " periods" +
            window + ", p " + format_p(*ev.p) + ", adj. p " + format_p(*result.adjusted_p) + " (" +
            std::string(padjust_method_name(result.method)) + ", " + std::to_string(result.family) +
            (result.family == 1 ? " link)" : " links)") + ", on " + transform_name(ev.transform);
    return text;
}

} // namespace kpitree
