#include "tree_view.hpp"

#include "kpitree/model/format.hpp"
#include "kpitree/model/tree.hpp"
#include "kpitree/overview.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kpitree::sidebar {

namespace {

std::optional<Mark> mark_of(Status status) {
    switch (status) {
    case Status::ok:
        return Mark::holds;
    case Status::mismatch:
        return Mark::mismatch;
    case Status::supported:
        return Mark::supported;
    case Status::unsupported:
        return Mark::unsupported;
    case Status::insufficient:
        return Mark::untestable;
    case Status::error:
        return Mark::error;
    default:
        return std::nullopt;
    }
}

} // namespace

std::string_view mark_symbol(Mark mark) {
    switch (mark) {
    case Mark::holds:
        return "✔";
    case Mark::mismatch:
        return "✘";
    case Mark::supported:
        return "~✔";
    case Mark::unsupported:
        return "~✘";
    case Mark::untestable:
        return "~?";
    case Mark::error:
        return "⚠";
    }
    return "";
}

TreeView build_view(const Grid& grid) {
    TreeView view;
    const Tree tree = read_tree(grid);
    if (!tree.table_errors.empty() || tree.nodes.empty() || tree.roots.empty())
        return view;
    view.is_tree = true;
    view.periods = tree.periods();
    TreeOverview overview = kpitree::overview(tree);
    view.transposed = tree.transposed;
    view.nodes.resize(tree.nodes.size());
    for (std::size_t i = 0; i < tree.nodes.size(); ++i) {
        ViewNode& v = view.nodes[i];
        v.name = tree.nodes[i].name;
        v.row = tree.nodes[i].row;
        v.latest = overview.nodes[i].latest;
        v.children = std::move(overview.nodes[i].children);
        for (Status s : overview.nodes[i].marks)
            if (auto m = mark_of(s))
                v.marks.push_back(*m);
    }
    view.tops = std::move(overview.tops);
    view.findings = std::move(overview.findings);
    return view;
}

std::string node_label(const ViewNode& node) {
    std::string label;
    for (Mark m : node.marks) {
        label += mark_symbol(m);
        label += ' ';
    }
    label += node.name;
    label += " — ";
    label += node.latest ? display_number(*node.latest) : std::string("–");
    return label;
}

} // namespace kpitree::sidebar
