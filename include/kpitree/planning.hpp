// Planning on a KPI tree: contributions to the KGI's change (KPI.CONTRIB), targets cascaded
// from a KGI target (KPI.TARGET), roll-ups to coarser periods (KPI.ROLLUP) and elasticities
// (KPI.ELASTICITY). Each function answers for every node (Tree::nodes order) with a number or
// a status text whose first word is a fixed English token (see Status). The tree arithmetic is
// combine() from check.hpp; a node with an empty value cell uses f(children) for that period.
#pragma once

#include "kpitree/decompose.hpp"
#include "kpitree/tree.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kpitree {

// First words of the status texts of the planning functions.
enum class Status {
    error,       // "ERROR": the row, its parent chain or a needed child is unusable
    nodata,      // "NODATA": a needed value is missing in the period
    hypothesis,  // "HYPOTHESIS": on or below a ~ link, outside the arithmetic
    undefined,   // "UNDEFINED": the quantity does not exist here (zero base, ratio without base)
    unreachable, // "UNREACHABLE": no values of the flexible KPIs reproduce the target
    mismatch     // "MISMATCH": the parent's identity fails beyond the tolerance
};
std::string_view status_token(Status status);
// "TOKEN detail", e.g. status_message(Status::nodata, "'Deals' has no value in Feb").
std::string status_message(Status status, std::string_view detail);

// A number, or the status saying why there is none (`status` empty exactly when `value` set).
struct PlanValue {
    std::optional<double> value;
    std::string status;
};

// The last period in which `node` has a value in the table; nullopt if none.
std::optional<std::size_t> last_period_with_data(const Tree& tree, std::size_t node);

// ---- KPI.CONTRIB -------------------------------------------------------------------------

struct ContribOptions {
    SplitMethod method = SplitMethod::lmdi; // for products: lmdi or shapley
    // A parent whose value differs from f(children) by more than this (relative, in either
    // period) has MISMATCH children; smaller residuals (rounding in imported data) are spread.
    double mismatch_tolerance = 0.01;
};

struct Contribution {
    std::optional<double> value; // in the KGI's units; a KGI's own change for a KGI
    std::string status;          // when no value
    // How the parent's contribution was split to give this one: additive, lmdi or shapley;
    // nullopt for a KGI. `fallback`: LMDI was asked for but a value ≤ 0 forced Shapley.
    std::optional<SplitMethod> method;
    bool fallback = false;
};

// Contribution of every node to its KGI's change from `from_period` to `to_period` (0-based).
// A KGI's contribution is its change. A parent's contribution is split among its arithmetic
// children in proportion to their parts of the parent's change (signed changes for sums,
// LMDI-I or Shapley for products), so the children of every parent sum to the parent's
// contribution and the leaves to the KGI's change, up to rounding. Statuses: ERROR (unusable
// row, parent or sibling; period out of range), NODATA, HYPOTHESIS, MISMATCH.
std::vector<Contribution> contributions(const Tree& tree, std::size_t from_period,
                                        std::size_t to_period, const ContribOptions& options = {});

// ---- KPI.TARGET --------------------------------------------------------------------------

struct TargetOptions {
    // The period whose values are the starting point; default: the KGI's last period with data.
    std::optional<std::size_t> period;
    // Names of the KPIs that may move, each with everything below it (and, necessarily, the
    // KPIs above it). Empty: all may move. A name not in the table makes every row ERROR.
    std::vector<std::string> flex;
    // The KGI (a root's node index) the target is for; default: the table's only KGI.
    std::optional<std::size_t> kgi;
};

// The value every node must reach for the KGI to reach `kgi_target`. At each movable parent the
// needed change is spread evenly over its movable arithmetic children: for a product of k
// movable factors each × factor is multiplied by g^(1/k) and each ÷ factor by g^(−1/k) (g the
// factor the movable part of the product must grow by); for a sum the movable terms are scaled
// by one common factor (all zero: they share the needed sum equally). Non-movable rows keep
// their value. Internal targets are f(children targets), and the KGI's is kgi_target up to
// rounding (the most influential movable leaf absorbs the rounding). All or nothing per KGI:
// if the target cannot be reached every row of that KGI says why (UNREACHABLE: only fixed
// KPIs, a product would need a sign change or to leave zero, a sum would need its movable
// terms to change sign; NODATA; ERROR). Rows of another KGI: UNDEFINED; ~ rows: HYPOTHESIS.
std::vector<PlanValue> targets(const Tree& tree, double kgi_target,
                               const TargetOptions& options = {});

// ---- KPI.ROLLUP --------------------------------------------------------------------------

enum class Kind {
    flow,  // per-period amount (sales, visits): a bucket sums its periods
    stock, // level at a point in time (customers, inventory): a bucket takes its last period
    ratio  // intensive (rate, average, price): recomputed, weighted by the flow it applies to
};
// "flow", "stock", "ratio" (ASCII case-insensitive, trimmed); nullopt otherwise.
std::optional<Kind> parse_kind(std::string_view text);
std::string_view kind_name(Kind kind);

struct Bucket {
    std::size_t first = 0; // first period
    std::size_t count = 0; // periods in it
    bool partial = false;  // fewer than periods_per_bucket periods (the last bucket only)
};

struct RolledNode {
    Series values; // one per bucket; nullopt where undefined (missing data in the bucket)
    Kind kind = Kind::flow;
    bool kind_given = false; // kind came from `kinds`, not from the inference
    std::string status;      // set when the row has no values at all, saying why
};

struct Rollup {
    std::vector<Bucket> buckets;
    std::vector<RolledNode> nodes; // Tree::nodes order
};

// Rolls every node up to buckets of `periods_per_bucket` consecutive periods, starting with
// the first period; the last bucket may be partial (flagged, computed from the periods it has).
// Rows with arithmetic children are recomputed from their rolled-up children through the
// tree's arithmetic (sums of rolled children; products and ratios from rolled factors), never
// averaged. Leaves follow their kind: flows sum, stocks take the bucket's last period, ratios
// are weighted by their base, the running product of the factors before them in their
// parent's product (so Sales = Deals × AOV rolls to ΣSales exactly). Kind inference, top
// down: a KGI or ~ row is a flow (a ratio if all its values lie in [0, 1]); additive children
// inherit their parent's kind; in a product of a flow (stock) one × child carries the flow (stock):
// the first whose kind is not given as ratio and which is not a leaf with all values in [0, 1]
// (else the first × child), the other children are ratios; in a ratio with ÷ children (clicks ÷
// impressions) the children are flows, without them ratios. `kinds` (empty, or one per node;
// nullopt = infer) overrides the kind of any row. A missing value inside a bucket leaves that
// bucket empty (never a partial sum). A ratio with no flow to weight it (a ratio KGI leaf, a ratio
// on a ~ link) is UNDEFINED. Throws std::invalid_argument if periods_per_bucket is 0 or kinds has
// the wrong size.
Rollup rollup(const Tree& tree, std::size_t periods_per_bucket,
              std::span<const std::optional<Kind>> kinds = {});

// Header text for a bucket: "Jan–Mar", "Jan" for one period, "Oct–Nov (2 of 3)" if partial.
std::string bucket_label(const Tree& tree, const Rollup& rollup, std::size_t bucket);

// ---- KPI.ELASTICITY ----------------------------------------------------------------------

// % change of its KGI for a 1 % change of each node, all others fixed, in `period` (default:
// the KGI's last period with data): the product along the path to the KGI of the local
// elasticities, ±1 for × and ÷ links and ±child/parent for + and − links, the parent taken as
// f(children). 1 for a KGI. Statuses: UNDEFINED where the KGI or a parent on the path is 0,
// NODATA, ERROR, HYPOTHESIS.
std::vector<PlanValue> elasticities(const Tree& tree, std::optional<std::size_t> period = {});

} // namespace kpitree
