#include "kpitree/overview.hpp"

#include "kpitree/audit/causal.hpp"
#include "kpitree/audit/check.hpp"
#include "kpitree/audit/lint.hpp"
#include "kpitree/plan/contrib.hpp"

#include <algorithm>

namespace kpitree {

namespace {

std::optional<Status> identity_mark(Verdict verdict) {
    switch (verdict) {
    case Verdict::ok:
        return Status::ok;
    case Verdict::mismatch:
        return Status::mismatch;
    case Verdict::error:
        return Status::error;
    case Verdict::leaf:
    case Verdict::nodata:
        break;
    }
    return std::nullopt;
}

std::optional<Status> hypothesis_mark(const CausalResult& result) {
    if (result.kind == CausalKind::error)
        return Status::error;
    if (result.kind != CausalKind::hypothesis)
        return std::nullopt;
    switch (result.verdict) {
    case CausalVerdict::supported:
        return Status::supported;
    case CausalVerdict::unsupported:
        return Status::unsupported;
    case CausalVerdict::insufficient:
        return Status::insufficient;
    case CausalVerdict::none:
        break;
    }
    return std::nullopt;
}

std::vector<Status> marks_of(const Node& n, const CheckResult& check, const CausalResult& causal) {
    if (!n.ok())
        return {Status::error};
    std::vector<Status> marks;
    if (auto m = identity_mark(check.verdict))
        marks.push_back(*m);
    if (auto m = hypothesis_mark(causal);
        m && std::find(marks.begin(), marks.end(), *m) == marks.end())
        marks.push_back(*m);
    return marks;
}

// The verdict column: CAUSAL's text for a usable ~ row, CHECK's otherwise; a leaf says LEAF
// only as a KGI (every other leaf would repeat it).
std::string verdict_of(const Tree& tree, std::size_t i, const CheckResult& check,
                       const CausalResult& causal) {
    const Node& n = tree.nodes[i];
    if (n.link == Link::hypothesis && check.verdict != Verdict::error)
        return causal_status_text(tree, causal);
    if (check.verdict == Verdict::leaf)
        return n.is_root() ? status_message(Status::leaf) : "";
    return status_text(tree, check);
}

// The forest over Node::children in which every node appears once: depth-first from each KGI,
// then from each row not reached (a cycle or a broken parent chain) as its own top.
void place_forest(const Tree& tree, TreeOverview& view) {
    std::vector<bool> placed(tree.nodes.size(), false);
    auto place_from = [&](std::size_t top) {
        view.tops.push_back(top);
        placed[top] = true;
        std::vector<std::size_t> stack{top};
        while (!stack.empty()) {
            const std::size_t at = stack.back();
            stack.pop_back();
            for (std::size_t child : tree.nodes[at].children) {
                if (placed[child])
                    continue;
                placed[child] = true;
                view.nodes[at].children.push_back(child);
                stack.push_back(child);
            }
        }
    };
    for (std::size_t root : tree.roots)
        if (!placed[root])
            place_from(root);
    for (std::size_t i = 0; i < tree.nodes.size(); ++i)
        if (!placed[i]) {
            view.nodes[i].reached = false;
            place_from(i);
        }
}

void add_findings(const Tree& tree, TreeOverview& view) {
    std::size_t lint_errors = 0;
    for (const Finding& f : lint(tree)) {
        view.findings.push_back(finding_text(tree, f));
        view.finding_nodes.push_back(f.node);
        lint_errors += f.severity == Severity::error ? 1 : 0;
    }
    view.errors = std::max(view.errors, lint_errors);
}

Status check_token(Verdict verdict) {
    switch (verdict) {
    case Verdict::ok:
        return Status::ok;
    case Verdict::mismatch:
        return Status::mismatch;
    case Verdict::leaf:
        return Status::leaf;
    case Verdict::nodata:
        return Status::nodata;
    case Verdict::error:
        break;
    }
    return Status::error;
}

// The cells' texts of a row: CHECK's, CAUSAL's for a ~ row, CONTRIB's when it has no number.
void add_cell_texts(const Tree& tree, std::size_t i, const CheckResult& check,
                    const CausalResult& causal, OverviewNode& v) {
    v.check_text = status_text(tree, check);
    v.check_status = check_token(check.verdict);
    if (tree.nodes[i].link == Link::hypothesis) {
        v.causal_text = causal_status_text(tree, causal);
        v.causal_status = hypothesis_mark(causal);
    }
}

std::optional<ContributionPeriods> default_periods(const Tree& tree) {
    const std::size_t periods = tree.periods();
    if (periods < 2)
        return std::nullopt;
    return ContributionPeriods{periods - 2, periods - 1};
}

} // namespace

std::optional<double> latest_value(const Series& values) {
    for (auto it = values.rbegin(); it != values.rend(); ++it)
        if (*it)
            return *it;
    return std::nullopt;
}

TreeOverview overview(const Tree& tree, const CheckOptions& options,
                      std::optional<ContributionPeriods> periods) {
    TreeOverview view;
    view.nodes.resize(tree.nodes.size());
    const std::vector<CheckResult> checks = check_tree(tree, options);
    // Sparse: only ~ rows and errors have a causal result to show (hypothesis_mark and the
    // texts read nothing else), the others get a root's empty result.
    const auto causal_links = assess_causal_links(tree);
    const CausalResult no_link;
    std::size_t next_link = 0;
    if (!periods)
        periods = default_periods(tree);
    std::vector<Contribution> contrib;
    if (periods) {
        contrib = contributions(tree, periods->from, periods->to);
        view.contribution_from = periods->from;
        view.contribution_to = periods->to;
    }
    view.has_contributions = !contrib.empty();
    for (std::size_t i = 0; i < tree.nodes.size(); ++i) {
        OverviewNode& v = view.nodes[i];
        const bool linked = next_link < causal_links.size() && causal_links[next_link].first == i;
        const CausalResult& causal = linked ? causal_links[next_link++].second : no_link;
        for (std::size_t p = tree.periods(); p-- > 0 && !v.latest;) // latest_value, no copy
            v.latest = tree.value(i, p);
        v.marks = marks_of(tree.nodes[i], checks[i], causal);
        v.verdict = verdict_of(tree, i, checks[i], causal);
        add_cell_texts(tree, i, checks[i], causal, v);
        if (!contrib.empty()) {
            if (tree.nodes[i].link != Link::hypothesis)
                v.contribution = contrib[i].value;
            if (!v.contribution)
                v.contribution_status = contrib[i].status;
        }
        view.mismatches += checks[i].verdict == Verdict::mismatch ? 1 : 0;
        view.errors += checks[i].verdict == Verdict::error ? 1 : 0;
    }
    place_forest(tree, view);
    add_findings(tree, view);
    return view;
}

} // namespace kpitree
