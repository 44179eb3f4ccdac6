// The causal policy behind KPI.CAUSAL: does the data support a hypothesis (~) link, "child
// drives parent"? One Granger test per link, guarded against spurious regression and corrected
// for the number of links tested. The rule, in order:
//  1. Window: the longest run of consecutive periods in which both KPIs have a value (the most
//     recent run if several are equally long).
//  2. Transform: period-on-period growth rates (log differences) when every value of both KPIs
//     in the window is positive, else plain differences. Two KPIs that merely both trend are
//     then no longer "related" (spurious regression, Granger & Newbold 1974).
//  3. Lag: chosen from the parent's own history only, by BIC of its autoregression with lags
//     1..max_lag on a common sample, before the child is looked at. Lags that would leave fewer
//     than causal_min_df residual degrees of freedom are not candidates.
//  4. Test: the Granger F-test (granger.hpp) of the child's lags, at that lag, on that window.
//  5. Adjust: the p-values of all tested ~ links of the table are adjusted together (Holm by
//     default). SUPPORTED when the adjusted p < alpha, else UNSUPPORTED; INSUFFICIENT when the
//     link cannot be tested (too few periods, a constant series, ...); such links are not part
//     of the adjusted family.
#pragma once

#include "kpitree/padjust.hpp"
#include "kpitree/tree.hpp"

#include <cstddef>
#include <optional>
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

// Periods (in the common window, before differencing) needed to test a link at `lag`:
// after differencing, n - 1 changes give n - 1 - lag regression rows and 2 lag + 1
// coefficients, so df = n - 3 lag - 2 >= causal_min_df means n >= 3 lag + 12 (15 for lag 1).
// lag < 1 is treated as 1.
std::size_t causal_min_periods(int lag);

enum class CausalTransform { differences, growth_rates };

struct CausalEvidence {
    bool tested = false;          // false: insufficient data; see `reason`
    std::size_t periods = 0;      // length of the window (periods where both have values)
    std::size_t first_period = 0; // index of the window's first period
    std::size_t needed = 0;       // causal_min_periods(1)
    CausalTransform transform = CausalTransform::differences;
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
// "SUPPORTED lag 1, 36 periods, p 0.0004, adj. p 0.0012 (Holm, 3 links), on growth rates".
std::string causal_status_text(const Tree& tree, const CausalResult& result);

} // namespace kpitree
