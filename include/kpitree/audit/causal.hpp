// The causal policy behind KPI.CAUSAL: does the data support a hypothesis (~) link, "child
// drives parent"? Only what the child adds beyond what the parent does on its own (its trend,
// season, level shift and own history) counts. One test per link, corrected for the number of
// links tested. The rule, in order:
//  1. Window: the longest run of consecutive periods in which both KPIs have a value (the most
//     recent run if several are equally long); at least causal_min_periods(1) = 24 (two years
//     of months): with fewer, no automated policy stays near its false-positive rate under a
//     shared yearly cycle.
//  2. The parent's own model, from its history only (causal_model.cpp): levels or logs by BIC;
//     a level shift kept when it clearly improves the fit; constant and trend always, and, by
//     BIC, t^2 or an exponential trend (levels), the yearly cycle (when the periods' calendar
//     is known, model/calendar.hpp), a single-month spike, and the autoregressive order p
//     (1..max_lag); an ADF test with trend and these terms. It does not depend on the child,
//     so it is fitted once per parent.
//  3. Test, lag-augmented (Toda & Yamamoto 1995): the parent on p + 1 lags of itself and of
//     the child and the parent's terms (a spike or a step with p + 1 lags); F-test of the
//     child's first p lags; one residual degree of freedom less per searched date (spike,
//     step). Stable parent (ADF rejects a unit root): on the chosen scale (levels or logs);
//     otherwise on period-on-period changes (differences or growth rates) with the
//     differenced terms. The child is on the parent's scale (logs only if all its values are
//     positive, else levels).
//  4. Adjust: the p-values of all tested ~ links of the table together (Holm by default).
//     SUPPORTED when the adjusted p < alpha, else UNSUPPORTED; INSUFFICIENT when the link
//     cannot be tested; such links are not part of the adjusted family.
//  5. Also said: the sign of the child's effect (sum of its tested coefficients), whether the
//     parent predicts the child as well (the same test the other way, with the child's own
//     model), what was controlled for, and for UNSUPPORTED the power the test had to find a
//     moderate effect (causal_power).
// Measured false-positive rates and power: README "The causal policy", causal_test.cpp.
#pragma once

#include "kpitree/model/calendar.hpp"
#include "kpitree/model/tree.hpp"
#include "kpitree/stats/deterministic.hpp"
#include "kpitree/stats/padjust.hpp"
#include "kpitree/stats/unit_root.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace kpitree {

struct CausalOptions {
    double alpha = 0.05; // significance level for the adjusted p-value, in (0, 1)
    int max_lag = 4;     // largest lag considered, >= 1 (4 = a year of quarters)
    PAdjustMethod adjust = PAdjustMethod::holm;
};

// Residual degrees of freedom the test regression must keep for a link to be testable.
inline constexpr int causal_min_df = 10;

// Periods (in the common window) needed to test a link at `lag`: at least 24, and enough for
// the test on changes with a constant to keep causal_min_df residual degrees of freedom
// (n - 1 values, lag + 1 lags of both: df = n - 3 lag - 5, so n >= 3 lag + 15). Richer terms
// need more; the order search stops where they no longer fit. lag < 1 is treated as 1.
std::size_t causal_min_periods(int lag);

// What the test was run on: the parent's scale (levels or logs), and whether it was
// differenced (differences of levels, growth rates = differences of logs).
enum class CausalTransform { differences, growth_rates, levels, logs };

// The evidence for one link. The parent's model is chosen from the parent alone.
struct CausalEvidence {
    bool tested = false;          // false: insufficient data; see `reason`
    std::size_t periods = 0;      // length of the window (periods where both have values)
    std::size_t first_period = 0; // index of the window's first period
    std::size_t needed = 0;       // causal_min_periods(1)
    CausalTransform transform = CausalTransform::differences;
    UnitRootTest effect_unit_root; // the parent's ADF (with trend and its terms)
    UnitRootTest cause_unit_root;  // the child's, from its own model (the reverse test)
    DeterministicTerms controls;   // the parent's terms (step: index within the window)
    int season_per_year = 0;       // the window's calendar (0: unknown)
    int lag = 0;                   // tested lags of the child, when tested
    std::size_t n_used = 0;        // regression rows, when tested
    double F = 0.0;
    int df_num = 0;
    int df_den = 0;
    std::optional<double> p;         // F-test p-value, when tested
    int sign = 0;                    // +1 / -1: sign of the child's summed coefficients
    std::optional<double> reverse_p; // the same test with the roles swapped, when computable
    std::string reason;              // why not tested (English), empty when tested
};

// Evidence that `cause` drives `effect` (steps 1-3 and 5 above). Series are aligned on their
// first period; a longer series' extra periods are ignored. `calendar` covers the periods
// (or is unknown). Never throws for bad data.
CausalEvidence causal_evidence(const Series& effect, const Series& cause,
                               const CausalOptions& options = {}, const Calendar& calendar = {});

// The probability that the link's F-test (df_num, df_den) rejects at level alpha / family
// (Holm's strictest step) when the child's lags explain a fifth of what the parent's own
// model leaves unexplained (partial R^2 0.2, Cohen's f^2 = 0.25: the simulated moderate
// driver effect_t = 0.5 cause_{t-1} + noise with equal variances). Noncentral F with
// noncentrality f^2 (df_num + df_den + 1) (Cohen 1988, "Statistical power analysis for the
// behavioral sciences", ch. 9). NaN for invalid arguments.
double causal_power(int df_num, int df_den, double alpha, std::size_t family);

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
    double alpha = 0.05;         // the level the verdict used
    std::optional<double> power; // for tested links: causal_power at this length and family
    std::string reason;          // for error
};

// Whether the options are usable; the English reason if not (KPI.CAUSAL arguments come from
// cells, so this is an outcome to show, not an exception).
std::optional<std::string> invalid_causal_options(const CausalOptions& options);

// One result per node (Tree::nodes order). Invalid options make every ~ row an error.
std::vector<CausalResult> assess_causal(const Tree& tree, const CausalOptions& options = {});
// The same results for the rows that are ~ links or errors only (kind hypothesis or error),
// with their node, in Tree::nodes order; every other row is a root or an identity link with
// nothing else to say. A 100,000-row table needs no 36 MB block of mostly empty results.
std::vector<std::pair<std::size_t, CausalResult>>
assess_causal_links(const Tree& tree, const CausalOptions& options = {});

// The KPI.CAUSAL cell text. First word a fixed token: "SUPPORTED", "UNSUPPORTED",
// "INSUFFICIENT", "IDENTITY", "ERROR", or "" for roots. E.g.
// "SUPPORTED lag 1, 36 periods, p 0.0004, adj. p 0.0012 (Holm, 3 links), on levels; positive
// effect; no reverse effect (p 0.41); controlled for season, trend"; "on levels", "on logs",
// "on differences" or "on growth rates"; the reverse part "the parent predicts it too (p 0.003):
// feedback or a common driver" when the reverse test is significant at alpha; UNSUPPORTED
// ends with "(power 32% for a moderate effect: not shown, not disproved)".
std::string causal_status_text(const Tree& tree, const CausalResult& result);

} // namespace kpitree
