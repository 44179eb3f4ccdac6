#include "kpitree/diagram.hpp"

#include <cmath>
#include <utility>

namespace kpitree::diagram {

std::optional<double> latest_change(const Series& values) {
    std::optional<double> latest;
    for (auto it = values.rbegin(); it != values.rend(); ++it) {
        if (!*it)
            continue;
        if (!latest) {
            latest = *it;
            continue;
        }
        const double previous = **it;
        if (previous == 0)
            return std::nullopt;
        const double change = (*latest - previous) / std::fabs(previous);
        return std::isfinite(change) ? std::optional<double>(change) : std::nullopt;
    }
    return std::nullopt;
}

Diagram diagram_of(const Tree& tree, const TreeOverview& overview) {
    Diagram d;
    d.nodes.reserve(tree.nodes.size());
    d.children.reserve(tree.nodes.size());
    for (std::size_t i = 0; i < tree.nodes.size(); ++i) {
        const Node& n = tree.nodes[i];
        const OverviewNode& o = overview.nodes[i];
        DiagramNode v;
        v.name = n.name;
        v.link = link_symbol(n.link);
        v.box = box_tone(o.marks);
        v.connector = link_tone(n.link, o.marks);
        v.latest = o.latest;
        v.trend = tree.series(i);
        v.change = latest_change(v.trend);
        v.row = n.row;
        d.nodes.push_back(std::move(v));
        d.children.push_back(o.children);
    }
    d.tops = overview.tops;
    if (!tree.period_labels.empty())
        d.latest_period = tree.period_labels.back();
    return d;
}

Forest forest_of(const Diagram& diagram, std::vector<Size> sizes) {
    return Forest{std::move(sizes), diagram.children, diagram.tops};
}

} // namespace kpitree::diagram
