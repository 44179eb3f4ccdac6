// KPI.ROLLUP: every node rolled up to buckets of consecutive periods (months to quarters).
// Status texts and the value of an empty cell: planning.hpp.
#pragma once

#include "kpitree/model/tree.hpp"
#include "kpitree/plan/planning.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kpitree {

struct Bucket {
    std::size_t first = 0; // first period
    std::size_t count = 0; // periods in it
    bool partial = false;  // fewer than periods_per_bucket periods (the last bucket only)
};

struct RolledNode {
    Series values; // one per bucket; nullopt where there is none (see notes)
    // Per bucket, why `values` has none: "NODATA 'Leads' has no value in Mar", "ERROR division
    // by zero ...", "MISMATCH ..." (its own periods and its rolled-up children disagree).
    std::vector<std::string> notes;
    Kind kind = Kind::flow;
    bool kind_given = false; // kind came from `kinds` or the Kind column, not the inference
    std::string status;      // set when the row has no values at all, saying why
};

struct Rollup {
    std::size_t periods_per_bucket = 1;
    std::vector<Bucket> buckets;
    std::vector<RolledNode> nodes; // Tree::nodes order
};

// Rolls every node up to buckets of `periods_per_bucket` consecutive periods, starting with
// the first period; the last bucket may be partial (flagged, computed from the periods it has).
// Every row follows its kind, from its own values in each period (the table's value, or
// f(children) where the cell is empty): flows sum, stocks take the bucket's last period,
// averages take the mean, constants their last value. Ratios are recomputed, never averaged:
// a ratio with arithmetic children from its rolled-up children, a ratio leaf weighted by its
// base, the running product of the factors before it in its parent's product (so Sales =
// Deals × AOV rolls to ΣSales exactly). A flow or stock parent whose children are of its kind,
// ratios or constants must be reproduced by their roll-ups through the tree's arithmetic: where
// it is not, within 1 % (as KPI.CONTRIB tolerates rounding), the bucket gets a MISMATCH note
// instead of a number (the per-period data break the identity). Under a flow, a stock or an
// average child cannot reproduce a sum over periods; the parent's own roll-up stands. Kind
// inference, top down, where neither `kinds` nor the Kind column says: a KGI or ~ row is a flow (a
// ratio if all its values lie in [0, 1]); additive children inherit their parent's kind; in a
// product of a flow (stock) one × child carries the flow (stock): the first given as that kind,
// else the first given as flow or stock, else the first not given whose values are not all in [0,
// 1], else the first × child not given; the other children are ratios; in a ratio with ÷ children
// (clicks ÷ impressions) the children are flows, without them ratios. `kinds` (empty, or one per
// node; nullopt = the Kind column or the inference) overrides. A missing value inside a bucket
// leaves that bucket without a number and with a NODATA note (never a partial sum). A ratio with no
// flow to weight it (a ratio KGI leaf, a ratio on a ~ link) is UNDEFINED. Linear in the table at
// any depth. Throws std::invalid_argument if periods_per_bucket is 0 or kinds has the wrong size.
Rollup rollup(const Tree& tree, std::size_t periods_per_bucket,
              std::span<const std::optional<Kind>> kinds = {});

// Header text for a bucket: "Jan–Mar", "Jan" for one period, "Oct–Nov (2 of 3)" if partial.
std::string bucket_label(const Tree& tree, const Rollup& rollup, std::size_t bucket);

} // namespace kpitree
