#include "kpitree/diagram/layout.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace kpitree::diagram {
namespace {

// A subtree's outline, level by level from its root: the leftmost and rightmost breadth
// coordinate any of its boxes reaches on that level, relative to the root's centre. Stored
// deepest level first, so adding a parent's level is a push_back, and with one `shift` added
// to every entry, so moving a whole subtree costs nothing.
class Contour {
public:
    Contour(double half) : left_{-half}, right_{half} {}
    std::size_t height() const { return left_.size(); }
    double left(std::size_t level) const { return left_[height() - 1 - level] + shift_; }
    double right(std::size_t level) const { return right_[height() - 1 - level] + shift_; }
    void move(double by) { shift_ += by; }

    // How far right `next` (placed at 0) must move to stay clear of this outline by `gap` on
    // its top level and `deeper_gap` below. Cost: the shallower height.
    double clearance(const Contour& next, double gap, double deeper_gap) const {
        const std::size_t shared = std::min(height(), next.height());
        double offset = -HUGE_VAL;
        for (std::size_t level = 0; level < shared; ++level) {
            const double g = level == 0 ? gap : deeper_gap;
            offset = std::max(offset, right(level) - next.left(level) + g);
        }
        return offset;
    }

    // This outline with `next` (already moved into place) to its right. Cost: the shallower
    // height; the deeper outline's storage is reused.
    static Contour merge(Contour left_part, Contour right_part) {
        if (right_part.height() > left_part.height()) {
            for (std::size_t level = 0; level < left_part.height(); ++level)
                right_part.set_left(level, left_part.left(level));
            return right_part;
        }
        for (std::size_t level = 0; level < right_part.height(); ++level)
            left_part.set_right(level, right_part.right(level));
        return left_part;
    }

    // Puts a new root level of half-breadth `half`, centred at 0, above this outline.
    void add_root(double half) {
        left_.push_back(-half - shift_);
        right_.push_back(half - shift_);
    }

private:
    void set_left(std::size_t level, double value) { left_[height() - 1 - level] = value - shift_; }
    void set_right(std::size_t level, double value) {
        right_[height() - 1 - level] = value - shift_;
    }

    std::vector<double> left_;
    std::vector<double> right_;
    double shift_ = 0;
};

// The box's extent across the levels (breadth) and along them (depth).
double breadth(const Size& s, Orientation o) {
    return o == Orientation::top_down ? s.width : s.height;
}
double depth(const Size& s, Orientation o) {
    return o == Orientation::top_down ? s.height : s.width;
}

// Every node in pre-order (parents before children, children in order), with its level.
struct Order {
    std::vector<std::size_t> preorder;
    std::vector<std::size_t> level;
    std::vector<std::size_t> parent; // nodes.size() for a top
};

Order traverse(const Forest& forest) {
    const std::size_t n = forest.sizes.size();
    Order order{{}, std::vector<std::size_t>(n, 0), std::vector<std::size_t>(n, n)};
    order.preorder.reserve(n);
    std::vector<std::size_t> stack(forest.tops.rbegin(), forest.tops.rend());
    while (!stack.empty()) {
        const std::size_t v = stack.back();
        stack.pop_back();
        order.preorder.push_back(v);
        const auto& kids = forest.children[v];
        for (auto it = kids.rbegin(); it != kids.rend(); ++it) {
            order.level[*it] = order.level[v] + 1;
            order.parent[*it] = v;
            stack.push_back(*it);
        }
    }
    return order;
}

// Places `nodes` (siblings, or the forest's tops) side by side as close as their outlines
// allow; returns their merged outline and writes each one's centre into `position`, the first
// at 0.
Contour place_side_by_side(const std::vector<std::size_t>& nodes, std::vector<Contour>& outline,
                           std::vector<double>& position, double gap, double deeper_gap) {
    Contour merged = std::move(outline[nodes.front()]);
    position[nodes.front()] = 0;
    for (std::size_t i = 1; i < nodes.size(); ++i) {
        Contour next = std::move(outline[nodes[i]]);
        const double offset = merged.clearance(next, gap, deeper_gap);
        next.move(offset);
        position[nodes[i]] = offset;
        merged = Contour::merge(std::move(merged), std::move(next));
    }
    return merged;
}

// Each node's centre relative to its parent's (a top's relative to the first top), bottom up.
std::vector<double> relative_centres(const Forest& forest, const Order& order, Orientation o,
                                     const Spacing& spacing) {
    const std::size_t n = forest.sizes.size();
    std::vector<double> position(n, 0);
    std::vector<Contour> outline(n, Contour(0));
    for (auto it = order.preorder.rbegin(); it != order.preorder.rend(); ++it) {
        const std::size_t v = *it;
        const double half = breadth(forest.sizes[v], o) / 2;
        const auto& kids = forest.children[v];
        if (kids.empty()) {
            outline[v] = Contour(half);
            continue;
        }
        Contour merged =
            place_side_by_side(kids, outline, position, spacing.sibling, spacing.subtree);
        const double middle = (position[kids.front()] + position[kids.back()]) / 2;
        for (std::size_t kid : kids)
            position[kid] -= middle;
        merged.move(-middle);
        merged.add_root(half);
        outline[v] = std::move(merged);
    }
    if (!forest.tops.empty())
        place_side_by_side(forest.tops, outline, position, spacing.tree, spacing.tree);
    return position;
}

// Where each level starts along the depth axis, and how deep it is (its deepest box).
struct Levels {
    std::vector<double> start;
    std::vector<double> extent;
};

Levels level_lines(const Forest& forest, const Order& order, Orientation o, double gap) {
    Levels levels;
    for (std::size_t v : order.preorder) {
        const std::size_t l = order.level[v];
        if (levels.extent.size() <= l)
            levels.extent.resize(l + 1, 0);
        levels.extent[l] = std::max(levels.extent[l], depth(forest.sizes[v], o));
    }
    double at = 0;
    for (double extent : levels.extent) {
        levels.start.push_back(at);
        at += extent + gap;
    }
    return levels;
}

// Breadth coordinate (b) and depth coordinate (d) to a point on the page.
Point point(double b, double d, Orientation o) {
    return o == Orientation::top_down ? Point{b, d} : Point{d, b};
}

Edge connector(std::size_t parent, std::size_t child, const Layout& layout, const Levels& levels,
               std::size_t child_level, Orientation o, double gap) {
    const Box& p = layout.boxes[parent];
    const Box& c = layout.boxes[child];
    const bool down = o == Orientation::top_down;
    const double parent_b = down ? p.x + p.width / 2 : p.y + p.height / 2;
    const double child_b = down ? c.x + c.width / 2 : c.y + c.height / 2;
    const double parent_end = down ? p.y + p.height : p.x + p.width;
    const double child_start = down ? c.y : c.x;
    const double bend = levels.start[child_level] - gap / 2;
    return Edge{parent,
                child,
                {point(parent_b, parent_end, o), point(parent_b, bend, o), point(child_b, bend, o),
                 point(child_b, child_start, o)},
                point(child_b, (bend + child_start) / 2, o)};
}

} // namespace

bool check_forest(const Forest& forest) {
    const std::size_t n = forest.sizes.size();
    if (forest.children.size() != n)
        return false;
    for (const Size& s : forest.sizes)
        if (!(std::isfinite(s.width) && std::isfinite(s.height) && s.width >= 0 && s.height >= 0))
            return false;
    std::vector<bool> seen(n, false);
    std::size_t reached = 0;
    std::vector<std::size_t> stack;
    for (std::size_t top : forest.tops) {
        stack.push_back(top);
        while (!stack.empty()) {
            const std::size_t v = stack.back();
            stack.pop_back();
            if (v >= n || seen[v])
                return false;
            seen[v] = true;
            ++reached;
            stack.insert(stack.end(), forest.children[v].begin(), forest.children[v].end());
        }
    }
    return reached == n;
}

Layout lay_out(const Forest& forest, Orientation o, const Spacing& spacing) {
    Layout layout;
    const std::size_t n = forest.sizes.size();
    if (n == 0)
        return layout;
    const Order order = traverse(forest);
    const std::vector<double> relative = relative_centres(forest, order, o, spacing);
    const Levels levels = level_lines(forest, order, o, spacing.level);

    std::vector<double> centre(n, 0);
    double low = HUGE_VAL;
    for (std::size_t v : order.preorder) {
        const std::size_t up = order.parent[v];
        centre[v] = relative[v] + (up < n ? centre[up] : 0);
        low = std::min(low, centre[v] - breadth(forest.sizes[v], o) / 2);
    }
    layout.boxes.resize(n);
    for (std::size_t v = 0; v < n; ++v) {
        const Size& s = forest.sizes[v];
        const Point corner =
            point(centre[v] - breadth(s, o) / 2 - low, levels.start[order.level[v]], o);
        layout.boxes[v] = Box{corner.x, corner.y, s.width, s.height};
        layout.width = std::max(layout.width, corner.x + s.width);
        layout.height = std::max(layout.height, corner.y + s.height);
    }
    for (std::size_t v : order.preorder)
        for (std::size_t kid : forest.children[v])
            layout.edges.push_back(
                connector(v, kid, layout, levels, order.level[kid], o, spacing.level));
    return layout;
}

} // namespace kpitree::diagram
