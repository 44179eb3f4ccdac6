// The causal policy (see causal.hpp for the rule; the own model in causal_model.cpp).
// References: Granger (1969) for the test; Granger & Newbold (1974), "Spurious regressions in
// econometrics", J. Econometrics 2, for why trends and cycles shared by two KPIs must be
// modelled before one is said to predict the other; Toda & Yamamoto (1995), J. Econometrics 66,
// for the lag-augmented test, valid whether or not the series have unit roots; Dickey & Fuller
// (1979) and MacKinnon (2010) for the pre-test that chooses levels or changes (in levels the
// test loses power when a unit root is present; in changes a stable series is over-
// differenced); Schwarz (1978) for BIC; Holm (1979) for the adjustment across links.
// Everything about the parent's model is chosen from the parent alone, so the child's p-value
// never steers a choice (one test per link, no search for significance), and the model is
// fitted once per parent and window for all its links (assess_causal's cache).
// Limits: Granger causality is predictive, not proof of a mechanism; a common driver of both
// KPIs can produce a SUPPORTED link (the reverse test then often says so too); a season that
// changes shape from year to year, or breaks other than one level shift, are not modelled.
#include "kpitree/audit/causal.hpp"

#include "causal_model.hpp"
#include "kpitree/model/status.hpp"
#include "kpitree/stats/distributions.hpp"
#include "kpitree/stats/granger.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>

namespace kpitree {

std::size_t causal_min_periods(int lag) {
    const auto p = static_cast<std::size_t>(std::max(lag, 1));
    return std::max<std::size_t>(24, 3 * p + 5 + static_cast<std::size_t>(causal_min_df));
}

double causal_power(int df_num, int df_den, double alpha, std::size_t family) {
    if (df_num < 1 || df_den < 1 || family < 1)
        return std::numeric_limits<double>::quiet_NaN();
    constexpr double moderate_f2 = 0.25;
    const double level = alpha / static_cast<double>(family);
    const double critical = f_isf(level, df_num, df_den);
    return ncf_sf(critical, df_num, df_den, moderate_f2 * (df_num + df_den + 1));
}

namespace {

const char* transform_name(CausalTransform t) {
    switch (t) {
    case CausalTransform::growth_rates:
        return "growth rates";
    case CausalTransform::levels:
        return "levels";
    case CausalTransform::logs:
        return "logs";
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

// Step 1: the longest run of periods where both are present, the latest one on ties; sets
// periods, first_period, needed and, when too short, the reason.
CausalEvidence common_window(const Series& effect, const Series& cause) {
    CausalEvidence ev;
    ev.needed = causal_min_periods(1);
    const std::size_t len = std::min(effect.size(), cause.size());
    auto usable = [](const std::optional<double>& v) { return v && std::isfinite(*v); };
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
    if (ev.periods < ev.needed)
        ev.reason = std::to_string(ev.periods) + (ev.periods == 1 ? " period" : " periods") +
                    ", needs " + std::to_string(ev.needed);
    return ev;
}

std::vector<double> window_values(const Series& s, const CausalEvidence& ev) {
    std::vector<double> v;
    for (std::size_t i = ev.first_period; i < ev.first_period + ev.periods; ++i)
        v.push_back(*s[i]);
    return v;
}

Calendar window_calendar(const Calendar& calendar, const CausalEvidence& ev) {
    if (calendar.season.size() < ev.first_period + ev.periods)
        return {};
    return calendar.slice(ev.first_period, ev.periods);
}

struct DirectedTest {
    GrangerResult g;
    CausalTransform transform = CausalTransform::levels;
};

// Step 3: does `cause` add to `model` (the effect's own model)? On the model's scale, in
// levels when the effect is stable, else in changes with the differenced terms.
DirectedTest directed_test(const OwnModel& model, std::vector<double> cause,
                           const Calendar& calendar) {
    DirectedTest r;
    const bool logs =
        model.logs && std::all_of(cause.begin(), cause.end(), [](double v) { return v > 0.0; });
    if (logs)
        for (double& v : cause)
            v = std::log(v);
    DeterministicTerms terms = model.terms;
    terms.lags = model.order + 1;
    const std::size_t n = model.series.size();
    if (!model.unit_root()) {
        r.transform = model.logs ? CausalTransform::logs : CausalTransform::levels;
        r.g = granger_test_with_terms(model.series, cause, model.order, 1,
                                      deterministic_design(terms, calendar, n), model.searched);
        return r;
    }
    r.transform = model.logs ? CausalTransform::growth_rates : CausalTransform::differences;
    std::vector<double> de(n - 1), dc(n - 1);
    for (std::size_t t = 1; t < n; ++t) {
        de[t - 1] = model.series[t] - model.series[t - 1];
        dc[t - 1] = cause[t] - cause[t - 1];
    }
    DeterministicTerms d = differenced_terms(terms);
    if (d.step)
        *d.step -= 1; // change t - 1 is period t
    const Calendar changes = calendar.known() ? calendar.slice(1, n - 1) : Calendar{};
    r.g = granger_test_with_terms(de, dc, model.order, 1, deterministic_design(d, changes, n - 1),
                                  model.searched);
    return r;
}

// Steps 3 and 5 for a window long enough, given both KPIs' own models.
void test_link(CausalEvidence& ev, const OwnModel& parent, const OwnModel& child,
               const std::vector<double>& le, const std::vector<double>& lc,
               const Calendar& calendar) {
    ev.season_per_year = calendar.per_year;
    if (!parent.ok) {
        ev.reason = "the parent's own model cannot be fitted (constant or too irregular values "
                    "over " +
                    std::to_string(ev.periods) + " periods)";
        return;
    }
    ev.effect_unit_root = parent.adf;
    ev.cause_unit_root = child.adf;
    ev.controls = parent.terms;
    const DirectedTest forward = directed_test(parent, lc, calendar);
    ev.transform = forward.transform;
    if (!forward.g.ok()) {
        ev.reason = forward.g.message + " (" + transform_name(ev.transform) + " over " +
                    std::to_string(ev.periods) + " periods)";
        return;
    }
    const GrangerTest& g = *forward.g.test;
    ev.tested = true;
    ev.lag = parent.order;
    ev.n_used = g.n_used;
    ev.F = g.F;
    ev.df_num = g.df_num;
    ev.df_den = g.df_den;
    ev.p = g.p_ftest;
    ev.sign = g.cause_sum < 0.0 ? -1 : 1;
    if (child.ok)
        if (const DirectedTest reverse = directed_test(child, le, calendar); reverse.g.ok())
            ev.reverse_p = reverse.g.test->p_ftest;
}

} // namespace

CausalEvidence causal_evidence(const Series& effect, const Series& cause,
                               const CausalOptions& options, const Calendar& calendar) {
    CausalEvidence ev = common_window(effect, cause);
    if (!ev.reason.empty())
        return ev;
    const std::vector<double> le = window_values(effect, ev), lc = window_values(cause, ev);
    const Calendar cal = window_calendar(calendar, ev);
    test_link(ev, fit_own_model(le, cal, options.max_lag), fit_own_model(lc, cal, options.max_lag),
              le, lc, cal);
    return ev;
}

namespace {

// Regressions square the values: beyond about 1e150 the sums of squares overflow.
bool testable_magnitudes(const Tree& tree, std::size_t node) {
    for (std::size_t p = 0; p < tree.periods(); ++p)
        if (const auto v = tree.value(node, p); v && std::fabs(*v) > 1e150)
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

namespace {

// The links of one table share their KPIs' own models: each is fitted once per KPI and
// window (it does not depend on the other KPI), whichever links use it.
class LinkTester {
public:
    LinkTester(const Tree& tree, const CausalOptions& options)
        : tree_(tree), options_(options), calendar_(detect_calendar(tree.period_labels)) {}

    CausalEvidence evidence(std::size_t parent, std::size_t child) {
        const Series pv = tree_.series(parent), cv = tree_.series(child);
        CausalEvidence ev = common_window(pv, cv);
        if (!ev.reason.empty())
            return ev;
        const std::vector<double> le = window_values(pv, ev), lc = window_values(cv, ev);
        const Calendar cal = window_calendar(calendar_, ev);
        test_link(ev, model(parent, ev, le, cal), model(child, ev, lc, cal), le, lc, cal);
        return ev;
    }

private:
    const OwnModel& model(std::size_t node, const CausalEvidence& ev,
                          const std::vector<double>& values, const Calendar& cal) {
        const std::array<std::size_t, 3> key = {node, ev.first_period, ev.periods};
        auto it = cache_.find(key);
        if (it == cache_.end())
            it = cache_.emplace(key, fit_own_model(values, cal, options_.max_lag)).first;
        return it->second;
    }

    const Tree& tree_;
    const CausalOptions& options_;
    Calendar calendar_;
    std::map<std::array<std::size_t, 3>, OwnModel> cache_;
};

// Why node i cannot be judged as a link (an error text), or nullopt; sets the kind of r for
// roots and arithmetic links.
std::optional<std::string> link_problem(const Tree& tree, std::size_t i, CausalResult& r,
                                        const std::optional<std::string>& bad_options) {
    const Node& node = tree.nodes[i];
    if (!node.ok())
        return node.errors.front();
    if (node.is_root()) {
        r.kind = CausalKind::root;
        return std::nullopt;
    }
    if (!node.parent || *node.parent >= tree.nodes.size())
        return "unknown parent " + node.parent_name;
    const Node& parent = tree.nodes[*node.parent];
    if (!parent.ok())
        return "parent " + parent.name + " has errors";
    if (is_arithmetic(node.link)) {
        r.kind = CausalKind::identity;
        return std::nullopt;
    }
    if (node.link != Link::hypothesis)
        return "no link to " + parent.name;
    if (bad_options)
        return bad_options;
    if (!testable_magnitudes(tree, *node.parent) || !testable_magnitudes(tree, i))
        return std::string("values beyond \u00B11e150 are too large for the regressions of the "
                           "test");
    r.kind = CausalKind::hypothesis;
    return std::nullopt;
}

} // namespace

namespace {

// Every row's result (every_row) or only those of ~ links and errors, with their node, in
// Tree::nodes order; one pass, so that both entry points judge each row once.
std::vector<std::pair<std::size_t, CausalResult>>
assess_rows(const Tree& tree, const CausalOptions& options, bool every_row) {
    const std::optional<std::string> bad_options = invalid_causal_options(options);
    std::vector<std::pair<std::size_t, CausalResult>> results;
    if (every_row)
        results.reserve(tree.nodes.size());
    std::vector<std::size_t> tested; // indices into results
    std::vector<double> p;
    LinkTester tester(tree, options);
    for (std::size_t i = 0; i < tree.nodes.size(); ++i) {
        CausalResult r;
        r.method = options.adjust;
        r.alpha = options.alpha;
        if (auto problem = link_problem(tree, i, r, bad_options)) {
            r.kind = CausalKind::error;
            r.reason = std::move(*problem);
        } else if (r.kind == CausalKind::hypothesis) {
            r.evidence = tester.evidence(*tree.nodes[i].parent, i);
            if (r.evidence.tested) {
                tested.push_back(results.size());
                p.push_back(*r.evidence.p);
            } else {
                r.verdict = CausalVerdict::insufficient;
            }
        } else if (!every_row) {
            continue; // a root or an identity link: nothing else to say
        }
        results.emplace_back(i, std::move(r));
    }
    const std::vector<double> adjusted = padjust(p, options.adjust);
    for (std::size_t k = 0; k < tested.size(); ++k) {
        CausalResult& r = results[tested[k]].second;
        r.adjusted_p = adjusted[k];
        r.family = tested.size();
        r.verdict =
            adjusted[k] < options.alpha ? CausalVerdict::supported : CausalVerdict::unsupported;
        r.power = causal_power(r.evidence.df_num, r.evidence.df_den, options.alpha, r.family);
    }
    return results;
}

} // namespace

std::vector<std::pair<std::size_t, CausalResult>>
assess_causal_links(const Tree& tree, const CausalOptions& options) {
    return assess_rows(tree, options, false);
}

std::vector<CausalResult> assess_causal(const Tree& tree, const CausalOptions& options) {
    std::vector<CausalResult> results;
    results.reserve(tree.nodes.size());
    for (auto& row : assess_rows(tree, options, true))
        results.push_back(std::move(row.second));
    return results;
}

namespace {

constexpr std::array<const char*, 12> month_names = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// "season, December spike, trend, level shift from 2024-03": what the parent's own model held.
std::string controls_text(const Tree& tree, const CausalEvidence& ev) {
    const DeterministicTerms& t = ev.controls;
    std::string text;
    auto add = [&text](const std::string& part) { text += (text.empty() ? "" : ", ") + part; };
    if (t.season_dummies || t.fourier > 0)
        add("season");
    if (t.spike >= 0) {
        // Appended in steps: one expression trips GCC 12's false -Wrestrict at -O3.
        std::string spike = ev.season_per_year == 12 ? std::string(month_names[t.spike]) : "Q";
        if (ev.season_per_year != 12)
            spike += std::to_string(t.spike + 1);
        add(spike + " spike");
    }
    add(t.trend == 3 ? "exponential trend" : t.trend == 2 ? "curved trend" : "trend");
    if (t.step) {
        const std::size_t at = ev.first_period + *t.step;
        add("level shift from " + (at < tree.period_labels.size()
                                       ? tree.period_labels[at]
                                       : "period " + std::to_string(at + 1)));
    }
    return text;
}

// "; positive effect; no reverse effect (p 0.41); controlled for season, trend"
std::string details_text(const Tree& tree, const CausalResult& result) {
    const CausalEvidence& ev = result.evidence;
    std::string text = ev.sign < 0 ? "; negative effect" : "; positive effect";
    if (!ev.reverse_p)
        text += "; reverse not tested";
    else if (*ev.reverse_p < result.alpha)
        text += "; the parent predicts it too (p " + format_p(*ev.reverse_p) +
                "): feedback or a common driver";
    else
        text += "; no reverse effect (p " + format_p(*ev.reverse_p) + ")";
    text += "; controlled for " + controls_text(tree, ev);
    if (result.verdict == CausalVerdict::unsupported && result.power) {
        const int percent = static_cast<int>(std::lround(100.0 * *result.power));
        text += " (power " + std::to_string(percent) +
                "% for a moderate effect: not shown, not disproved)";
    }
    return text;
}

} // namespace

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
    return text + details_text(tree, result);
}

} // namespace kpitree
