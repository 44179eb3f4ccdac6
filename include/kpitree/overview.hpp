// One overview of a tree with its verdicts, rendered by both the command line's report
// (report.cpp) and the sidebar (src/sidebar/tree_view): the KPIs as a forest (KGIs first), each
// with its latest value, its status marks, the verdict text of the cells, its contribution to
// the KGI's latest change, and the lint findings. Nothing here is re-derived by a renderer.
#pragma once

#include "kpitree/audit/check.hpp"
#include "kpitree/model/status.hpp"
#include "kpitree/model/tree.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace kpitree {

struct OverviewNode {
    std::optional<double> latest; // the value of the last period that has one
    // Identity mark first (Status::ok, mismatch or error), then the hypothesis mark of a ~ row
    // (supported, unsupported, insufficient; error); may be empty (a leaf, no data).
    std::vector<Status> marks;
    std::string verdict; // the row's status text as in the cells: CHECK's, or CAUSAL's for ~
    std::optional<double> contribution; // to its KGI's change between the overview's periods
    // The cells' texts one by one, for machine-readable output: KPI.CHECK's status, its token
    // (OK, MISMATCH, LEAF, NODATA, ERROR); KPI.CAUSAL's for a ~ row with its token (SUPPORTED,
    // UNSUPPORTED, INSUFFICIENT, ERROR), empty otherwise; KPI.CONTRIB's text where it has no
    // number (HYPOTHESIS, NODATA, ...).
    std::string check_text, causal_text, contribution_status;
    std::optional<Status> check_status, causal_status;
    std::vector<std::size_t> children; // forest children (Tree::nodes indices), table order
    bool reached = true;               // false: no KGI reaches it (a cycle, a broken chain)
};

struct TreeOverview {
    std::vector<OverviewNode> nodes; // Tree::nodes order
    // KGIs in table order, then each row no KGI reaches as the top of what it reaches: every
    // node appears exactly once in the forest.
    std::vector<std::size_t> tops;
    std::vector<std::string> findings; // lint texts with their severity token, errors first
    std::vector<std::optional<std::size_t>> finding_nodes; // the row each finding concerns
    std::size_t mismatches = 0;                            // rows whose identity fails
    std::size_t errors = 0;         // unusable rows, or lint errors if there are more
    bool has_contributions = false; // two periods or more: contributions between two
    std::size_t contribution_from = 0, contribution_to = 0; // their periods (0-based)
};

// The two periods (0-based, each < Tree::periods()) whose change the contributions split.
struct ContributionPeriods {
    std::size_t from = 0, to = 0;
};

// The overview of a tree that read without table errors. Linear in the table plus the
// verdicts' own cost (check_tree with `options`, assess_causal, contributions, lint).
// Contributions are between `periods`, by default the last two (none with one period).
TreeOverview overview(const Tree& tree, const CheckOptions& options = {},
                      std::optional<ContributionPeriods> periods = std::nullopt);

// The value of the last period that has one; nullopt if none.
std::optional<double> latest_value(const Series& values);

} // namespace kpitree
