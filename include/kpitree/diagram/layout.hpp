// The diagram's layout engine: where each KPI's box goes, for both renderers of the tree
// diagram (the sidebar's painted view and the shapes on the "KPI tree diagram" sheet). Pure
// geometry, no UNO: the renderers measure their texts, pass each box's size, and draw the
// boxes and connectors this returns.
//
// The layout is a tidy tree drawing in the sense of Reingold & Tilford (1981, "Tidier drawings
// of trees", IEEE TSE 7(2)) as generalised by Walker (1990) to forests and nodes of different
// sizes: every level sits on one line, a parent is centred over its first and last child,
// siblings keep their table order, no two boxes overlap, and each subtree is pushed as close
// to its left neighbours as their contours allow. Contours are merged in time proportional to
// the shallower subtree, so the whole layout is linear in the number of nodes (the argument of
// Buchheim, Jünger & Leipert 2002, "Improving Walker's algorithm to run in linear time"), and
// no step recurses: a chain of 100,000 levels lays out like any other tree.
#pragma once

#include <cstddef>
#include <vector>

namespace kpitree::diagram {

struct Size {
    double width = 0;
    double height = 0;
};

struct Point {
    double x = 0;
    double y = 0;
};

// A box's top-left corner and size, in the same units as the sizes given.
struct Box {
    double x = 0;
    double y = 0;
    double width = 0;
    double height = 0;
};

// Which way the tree grows: KGIs at the top with children below, or KGIs on the left with
// children to the right (the better fit for a narrow, tall sidebar).
enum class Orientation { top_down, left_right };

struct Spacing {
    double sibling = 12; // between neighbouring boxes on one level (same parent)
    double subtree = 24; // between neighbouring boxes of different parents
    double level = 36;   // between one level's boxes and the next level's
    double tree = 36;    // between two trees of the forest (several KGIs)
};

// The forest to lay out. Node i has size sizes[i] and children children[i] (in the order they
// are drawn); tops lists the roots in order. Every node must be reached from exactly one top
// (a forest; check_forest says whether it is), as kpitree::overview guarantees.
struct Forest {
    std::vector<Size> sizes;
    std::vector<std::vector<std::size_t>> children;
    std::vector<std::size_t> tops;
};

// A parent-child connector: an orthogonal polyline from the parent's box to the child's, and
// where the link's operator (+ − × ÷ ~) goes, just before the child's box.
struct Edge {
    std::size_t parent = 0;
    std::size_t child = 0;
    std::vector<Point> points; // 4 points: out of the parent, the bend, the bend, into the child
    Point label;               // the centre of the operator's label
};

struct Layout {
    std::vector<Box> boxes;  // one per node, indexed as Forest::sizes
    std::vector<Edge> edges; // parents in depth-first order, children in order
    double width = 0;        // the bounding box of all boxes; its top-left is (0, 0)
    double height = 0;
};

// True when `forest` is one: indices in range, every node reached from exactly one top, no
// node twice. lay_out requires it.
bool check_forest(const Forest& forest);

// Lays the forest out. Linear in the number of nodes; deterministic (the same input gives the
// same output, bit for bit). An empty forest gives an empty layout.
Layout lay_out(const Forest& forest, Orientation orientation = Orientation::top_down,
               const Spacing& spacing = {});

} // namespace kpitree::diagram
