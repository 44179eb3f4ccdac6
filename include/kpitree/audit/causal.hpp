// The causal policy behind KPI.CAUSAL: does the data support a hypothesis (~) link, "child
// drives parent"? One Granger test per link, guarded against spurious regression and corrected
// for the number of links tested. The rule, in order:
//  1. Window: the longest run of consecutive periods in which both KPIs have a value (the most
//     recent run if several are equally long).
//  2. Lag candidates: 1..max_lag, keeping only lags that leave at least causal_min_df residual
//     degrees of freedom in the test regression (causal_min_periods).
//  3. Stationarity pre-test, on the levels of each KPI: an augmented Dickey-Fuller test with a
//     constant, with (p - 1) lagged differences where p is the order BIC picks for that KPI's
//     own autoregression in levels (lags 1..top on a common sample), judged against MacKinnon's
//     (2010) small-sample 5% critical value. A KPI is "stable" when the test rejects a unit root.
//  4. Test, always lag-augmented (Toda & Yamamoto 1995): at lag p the regression holds p + 1
//     lags of both series and only the child's first p lags are tested (F-test,
//     granger_test_augmented); the extra, untested lag keeps the test at its nominal size in
//     short series. On what:
//     a. Both KPIs stable: on levels, p = the parent's BIC order from step 3. Differencing a
//        series without trend throws power away and makes the test too liberal.
//     b. Otherwise (either KPI drifts or trends): on period-on-period growth rates (log
//        differences) when every value of both KPIs in the window is positive, else on plain
//        differences, so two KPIs that merely both trend are not "related" (spurious
//        regression, Granger & Newbold 1974); p = BIC order of the parent's own autoregression
//        in those changes (lags 1..top, common sample).
//     Lags come from each KPI's own history only, before the child's relation to the parent is
//     looked at: there is no search for the smallest p-value.
//  5. Adjust: the p-values of all tested ~ links of the table are adjusted together (Holm by
//     default). SUPPORTED when the adjusted p < alpha, else UNSUPPORTED; INSUFFICIENT when the
//     link cannot be tested (too few periods, a constant series, ...); such links are not part
//     of the adjusted family.
// Measured false-positive rate at alpha 0.05 (README, causal_test.cpp): about 5% for unrelated
// white noise, AR(1), random walks, random walks with drift and growing series, 24-60 periods.
#pragma once

#include "kpitree/model/tree.hpp"
#include "kpitree/stats/padjust.hpp"
#include "kpitree/stats/unit_root.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace kpitree {

struct CausalOptions {
    double alpha = 0.05; // significance level for the adjusted p-value, in (0, 1)
    int max_lag = 4;     // largest lag considered, >= 1 (4 = a year of quarters)
    PAdjustMethod adjust = PAdjustMethod::holm;
};

// Residual degrees of freedom the Granger regression must keep for a link to be testable.
inline constexpr int causal_min_df = 10;

// Periods (in the common window) needed to test a link at `lag`: on changes, n - 1 values and
// lag + 1 lags of both give n - lag - 2 rows and 2 lag + 3 coefficients, so df = n - 3 lag - 5
// >= causal_min_df means n >= 3 lag + 15 (18 for lag 1). Levels would need one period less;
// the same bound is used so the lags considered do not depend on the pre-test. lag < 1 is
// treated as 1.
std::size_t causal_min_periods(int lag);

// What the (lag-augmented) Granger test was run on: period-on-period differences, growth
// rates (log differences), or levels (both KPIs stable).
enum class CausalTransform { differences, growth_rates, levels };

struct CausalEvidence {
    bool tested = false;          // false: insufficient data; see `reason`
    std::size_t periods = 0;      // length of the window (periods where both have values)
    std::size_t first_period = 0; // index of the window's first period
    std::size_t needed = 0;       // causal_min_periods(1)
    CausalTransform transform = CausalTransform::differences;
    UnitRootTest effect_unit_root; // step 3, when the window is long enough
    UnitRootTest cause_unit_root;
    int lag = 0;            // chosen lag, when tested
    std::size_t n_used = 0; // regression rows, when tested
    double F = 0.0;
    int df_num = 0;
    int df_den = 0;
    std::optional<double> p; // Granger F-test p-value, when tested
    std::string reason;      // why not tested (English), empty when tested
};

// Evidence that `cause` drives `effect` (steps 1-4 above). Series are aligned on their first
// period; a longer series' extra periods are ignored. Never throws for bad data.
CausalEvidence causal_evidence(const Series& effect, const Series& cause,
                               const CausalOptions& options = {});

enum class CausalKind {
    root,       // a KGI: no link to judge
    identity,   // an arithmetic link: proven by KPI.CHECK, not by data
    hypothesis, // a ~ link: see verdict
    error       // the row or its parent is unusable, or the options are invalid; see reason
};

enum class CausalVerdict { none, supported, unsupported, insufficient };

struct CausalResult {
    CausalKind kind = CausalKind::root;
    CausalVerdict verdict = CausalVerdict::none; // set for hypothesis
    CausalEvidence evidence;                     // for hypothesis
    std::optional<double> adjusted_p;            // for tested hypothesis links
    std::size_t family = 0; // number of tested ~ links in the table (the adjustment's m)
    PAdjustMethod method = PAdjustMethod::holm;
    std::string reason; // for error
};

// Whether the options are usable; the English reason if not (KPI.CAUSAL arguments come from
// cells, so this is an outcome to show, not an exception).
std::optional<std::string> invalid_causal_options(const CausalOptions& options);

// One result per node (Tree::nodes order). Invalid options make every ~ row an error.
std::vector<CausalResult> assess_causal(const Tree& tree, const CausalOptions& options = {});

// The KPI.CAUSAL cell text. First word a fixed token: "SUPPORTED", "UNSUPPORTED",
// "INSUFFICIENT", "IDENTITY", "ERROR", or "" for roots. E.g.
// "SUPPORTED lag 1, 36 periods, p 0.0004, adj. p 0.0012 (Holm, 3 links), on growth rates";
// the last words are "on differences", "on growth rates" or "on levels".
std::string causal_status_text(const Tree& tree, const CausalResult& result);

} // namespace kpitree
