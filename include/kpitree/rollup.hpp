// KPI.ROLLUP: every node rolled up to buckets of consecutive periods (months to quarters).
// Status texts and the value of an empty cell: planning.hpp.
#pragma once

#include "kpitree/planning.hpp"
#include "kpitree/tree.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kpitree {

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

} // namespace kpitree
