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
    std::optional<double> contribution; // to its KGI's change between the last two periods
    std::vector<std::size_t> children;  // forest children (Tree::nodes indices), table order
    bool reached = true;                // false: no KGI reaches it (a cycle, a broken chain)
};

struct TreeOverview {
    std::vector<OverviewNode> nodes; // Tree::nodes order
    // KGIs in table order, then each row no KGI reaches as the top of what it reaches: every
    // node appears exactly once in the forest.
    std::vector<std::size_t> tops;
    std::vector<std::string> findings; // lint texts with their severity token, errors first
    std::size_t mismatches = 0;        // rows whose identity fails
    std::size_t errors = 0;            // unusable rows, or lint errors if there are more
    bool has_contributions = false;    // two periods or more: contributions from the last two
};

// The overview of a tree that read without table errors. Linear in the table plus the
// verdicts' own cost (check_tree with `options`, assess_causal, contributions, lint).
TreeOverview overview(const Tree& tree, const CheckOptions& options = {});

// The value of the last period that has one; nullopt if none.
std::optional<double> latest_value(const Series& values);

} // namespace kpitree
