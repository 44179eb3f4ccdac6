#include "diagram_model.hpp"

#include "kpitree/functions.hpp"
#include "kpitree/model/errors.hpp"
#include "kpitree/overview.hpp"

#include <cstdio>
#include <exception>
#include <utility>

namespace kpitree::sidebar {

namespace {

// Depth-first order from the tops, children in table order, without recursion.
void fill_order(DeckDiagram& d) {
    const auto& children = d.diagram.children;
    const std::size_t n = d.diagram.nodes.size();
    d.parents.assign(n, std::nullopt);
    d.position.assign(n, 0);
    d.order.clear();
    d.order.reserve(n);
    std::vector<std::size_t> stack(d.diagram.tops.rbegin(), d.diagram.tops.rend());
    while (!stack.empty()) {
        const std::size_t i = stack.back();
        stack.pop_back();
        d.position[i] = d.order.size();
        d.order.push_back(i);
        for (auto c = children[i].rbegin(); c != children[i].rend(); ++c) {
            d.parents[*c] = i;
            stack.push_back(*c);
        }
    }
}

} // namespace

std::optional<DeckDiagram> deck_diagram(const Grid& grid) {
    Tree tree = read_tree(grid);
    if (!tree.table_errors.empty() || tree.nodes.empty() || tree.roots.empty())
        return std::nullopt;
    const TreeOverview o = overview(tree);
    return deck_diagram(grid, std::move(tree), o);
}

std::optional<DeckDiagram> deck_diagram(const Grid& grid, Tree tree, const TreeOverview& o) {
    DeckDiagram d;
    d.tree = std::move(tree);
    if (!d.tree.table_errors.empty() || d.tree.nodes.empty() || d.tree.roots.empty())
        return std::nullopt;
    d.grid = grid;
    d.diagram = diagram::diagram_of(d.tree, o);
    fill_order(d);
    if (d.order.size() != d.diagram.nodes.size())
        return std::nullopt; // not a forest (overview guarantees one; never show half a tree)
    return d;
}

std::optional<std::size_t> latest_period(const diagram::DiagramNode& node) {
    for (std::size_t t = node.trend.size(); t-- > 0;)
        if (node.trend[t])
            return t;
    return std::nullopt;
}

std::string_view tone_name(diagram::Tone tone) {
    switch (tone) {
    case diagram::Tone::holds:
        return "holds";
    case diagram::Tone::mismatch:
        return "mismatch";
    case diagram::Tone::supported:
        return "supported";
    case diagram::Tone::unsupported:
        return "unsupported";
    case diagram::Tone::untestable:
        return "untestable";
    case diagram::Tone::error:
        return "error";
    case diagram::Tone::plain:
        break;
    }
    return "plain";
}

std::string hex_colour(std::uint32_t rgb) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "#%06X", static_cast<unsigned>(rgb & 0xFFFFFFu));
    return buffer;
}

std::size_t move(const DeckDiagram& d, std::size_t node, Move how) {
    if (d.order.empty())
        return node;
    const std::size_t at = node < d.position.size() ? d.position[node] : 0;
    switch (how) {
    case Move::previous:
        return at > 0 ? d.order[at - 1] : node;
    case Move::next:
        return at + 1 < d.order.size() ? d.order[at + 1] : node;
    case Move::parent:
        return node < d.parents.size() && d.parents[node] ? *d.parents[node] : node;
    case Move::child:
        return node < d.diagram.children.size() && !d.diagram.children[node].empty()
                   ? d.diagram.children[node].front()
                   : node;
    case Move::first:
        return d.order.front();
    case Move::last:
        return d.order.back();
    }
    return node;
}

std::optional<std::string> relative_input(std::string_view text) {
    std::string t;
    for (char c : text)
        if (c != ' ')
            t += c;
    if (t.size() < 2 || t.back() != '%' || (t.front() != '+' && t.front() != '-'))
        return std::nullopt;
    return t;
}

std::size_t top_of(const DeckDiagram& d, std::size_t node) {
    std::size_t top = node;
    for (std::size_t steps = 0; steps < d.parents.size() && d.parents[top]; ++steps)
        top = *d.parents[top];
    return top;
}

WhatIf what_if(const DeckDiagram& d, std::size_t kpi, const Cell& input) {
    WhatIf out;
    Grid changes(1, 2);
    changes.at(0, 0) = d.tree.nodes.at(kpi).name;
    changes.at(0, 1) = input;
    Grid result;
    try {
        result = whatif_cells(d.grid, changes);
    } catch (const std::exception& e) {
        out.error = e.what();
        return out;
    }
    const std::size_t n = d.tree.nodes.size();
    out.value.resize(n);
    out.change.resize(n);
    out.status.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t r = d.tree.nodes[i].row;
        const bool t = d.tree.transposed;
        if ((t ? result.columns() : result.rows()) <= r ||
            (t ? result.rows() : result.columns()) < 2)
            continue;
        const Cell& value = t ? result.at(0, r) : result.at(r, 0);
        const Cell& change = t ? result.at(1, r) : result.at(r, 1);
        if (const auto* v = std::get_if<double>(&value))
            out.value[i] = *v;
        else if (const auto* s = std::get_if<std::string>(&value))
            out.status[i] = *s;
        if (const auto* c = std::get_if<double>(&change))
            out.change[i] = *c;
    }
    return out;
}

} // namespace kpitree::sidebar
