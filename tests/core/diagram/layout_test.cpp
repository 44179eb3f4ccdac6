// The layout engine's geometry: exact positions on small trees, and on random forests the
// properties a tidy drawing promises (no overlaps, order kept, parents centred, levels on
// lines, deterministic), for both orientations, up to 1,000 KPIs and a 100,000-level chain.
#include "kpitree/diagram/layout.hpp"

#include <algorithm>
#include <gtest/gtest.h>
#include <random>

namespace kpitree::diagram {
namespace {

constexpr double eps = 1e-9;

Forest leaves_under_root(std::size_t leaves, Size size) {
    Forest f;
    f.sizes.assign(leaves + 1, size);
    f.children.resize(leaves + 1);
    for (std::size_t i = 1; i <= leaves; ++i)
        f.children[0].push_back(i);
    f.tops = {0};
    return f;
}

// A random forest of `n` nodes with `tops` roots; box widths vary as names do (a CJK name is
// about twice as wide per character as a Latin one).
Forest random_forest(std::size_t n, std::size_t tops, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> width(40, 260);
    std::uniform_real_distribution<double> height(30, 60);
    Forest f;
    f.children.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        f.sizes.push_back({width(rng), height(rng)});
        if (i < tops) {
            f.tops.push_back(i);
            continue;
        }
        // Parents among the earlier nodes, biased to recent ones: deep and bushy parts.
        std::uniform_int_distribution<std::size_t> pick(i > 20 ? i - 20 : 0, i - 1);
        f.children[pick(rng)].push_back(i);
    }
    return f;
}

double centre_b(const Box& b, Orientation o) {
    return o == Orientation::top_down ? b.x + b.width / 2 : b.y + b.height / 2;
}
double start_b(const Box& b, Orientation o) {
    return o == Orientation::top_down ? b.x : b.y;
}
double end_b(const Box& b, Orientation o) {
    return o == Orientation::top_down ? b.x + b.width : b.y + b.height;
}
double start_d(const Box& b, Orientation o) {
    return o == Orientation::top_down ? b.y : b.x;
}

bool overlap(const Box& a, const Box& b) {
    return a.x < b.x + b.width - eps && b.x < a.x + a.width - eps && a.y < b.y + b.height - eps &&
           b.y < a.y + a.height - eps;
}

void expect_tidy(const Forest& f, const Layout& l, Orientation o, const Spacing& s) {
    ASSERT_EQ(l.boxes.size(), f.sizes.size());
    double min_x = 1e300, min_y = 1e300;
    for (std::size_t v = 0; v < f.sizes.size(); ++v) {
        const Box& b = l.boxes[v];
        EXPECT_EQ(b.width, f.sizes[v].width);
        EXPECT_EQ(b.height, f.sizes[v].height);
        EXPECT_LE(b.x + b.width, l.width + eps);
        EXPECT_LE(b.y + b.height, l.height + eps);
        min_x = std::min(min_x, b.x);
        min_y = std::min(min_y, b.y);
    }
    EXPECT_NEAR(min_x, 0, eps);
    EXPECT_NEAR(min_y, 0, eps);
    std::size_t edges = 0;
    for (std::size_t v = 0; v < f.sizes.size(); ++v) {
        const auto& kids = f.children[v];
        edges += kids.size();
        if (kids.empty())
            continue;
        // Centred over the first and last child, children one level further, in order.
        const double middle =
            (centre_b(l.boxes[kids.front()], o) + centre_b(l.boxes[kids.back()], o)) / 2;
        EXPECT_NEAR(centre_b(l.boxes[v], o), middle, 1e-6) << "node " << v;
        for (std::size_t i = 0; i < kids.size(); ++i) {
            EXPECT_GT(start_d(l.boxes[kids[i]], o), start_d(l.boxes[v], o));
            if (i > 0) {
                EXPECT_GE(start_b(l.boxes[kids[i]], o),
                          end_b(l.boxes[kids[i - 1]], o) + s.sibling - 1e-6);
            }
        }
    }
    EXPECT_EQ(l.edges.size(), edges);
    // Roots in order, at least the tree gap apart where they share the first level.
    for (std::size_t i = 1; i < f.tops.size(); ++i)
        EXPECT_GE(start_b(l.boxes[f.tops[i]], o), end_b(l.boxes[f.tops[i - 1]], o) + s.tree - 1e-6);
}

void expect_no_overlap(const Layout& l) {
    for (std::size_t a = 0; a < l.boxes.size(); ++a)
        for (std::size_t b = a + 1; b < l.boxes.size(); ++b)
            ASSERT_FALSE(overlap(l.boxes[a], l.boxes[b])) << a << " and " << b;
}

TEST(DiagramLayout, EmptyForest) {
    const Layout l = lay_out(Forest{});
    EXPECT_TRUE(l.boxes.empty());
    EXPECT_EQ(l.width, 0);
    EXPECT_EQ(l.height, 0);
}

TEST(DiagramLayout, ThreeLeavesSitSideBySideUnderTheirCentredParent) {
    const Forest f = leaves_under_root(3, {100, 40});
    const Spacing s{12, 24, 36, 36};
    const Layout l = lay_out(f, Orientation::top_down, s);
    EXPECT_NEAR(l.boxes[1].x, 0, eps);
    EXPECT_NEAR(l.boxes[2].x, 112, eps);
    EXPECT_NEAR(l.boxes[3].x, 224, eps);
    EXPECT_NEAR(l.boxes[0].x, 112, eps); // centred: (50 + 274) / 2 - 50
    EXPECT_NEAR(l.boxes[0].y, 0, eps);
    EXPECT_NEAR(l.boxes[1].y, 76, eps); // 40 + 36
    EXPECT_NEAR(l.width, 324, eps);
    EXPECT_NEAR(l.height, 116, eps);
}

TEST(DiagramLayout, ConnectorBendsHalfwayBetweenLevelsAndLabelSitsBeforeTheChild) {
    const Forest f = leaves_under_root(2, {100, 40});
    const Layout l = lay_out(f, Orientation::top_down, {12, 24, 36, 36});
    ASSERT_EQ(l.edges.size(), 2u);
    const Edge& e = l.edges[1];
    EXPECT_EQ(e.parent, 0u);
    EXPECT_EQ(e.child, 2u);
    ASSERT_EQ(e.points.size(), 4u);
    EXPECT_NEAR(e.points[0].x, 106, eps); // the parent's bottom centre
    EXPECT_NEAR(e.points[0].y, 40, eps);
    EXPECT_NEAR(e.points[1].y, 58, eps);  // the bend: halfway through the level gap
    EXPECT_NEAR(e.points[3].x, 162, eps); // the child's top centre
    EXPECT_NEAR(e.points[3].y, 76, eps);
    EXPECT_NEAR(e.label.x, 162, eps);
    EXPECT_NEAR(e.label.y, 67, eps);
}

TEST(DiagramLayout, LeftToRightSwapsTheAxes) {
    const Forest f = leaves_under_root(2, {100, 40});
    const Layout l = lay_out(f, Orientation::left_right, {12, 24, 36, 36});
    EXPECT_NEAR(l.boxes[0].x, 0, eps);
    EXPECT_NEAR(l.boxes[1].x, 136, eps); // 100 + 36
    EXPECT_NEAR(l.boxes[1].y, 0, eps);
    EXPECT_NEAR(l.boxes[2].y, 52, eps);            // 40 + 12
    EXPECT_NEAR(l.boxes[0].y, 26, eps);            // centred between 20 and 72
    EXPECT_NEAR(l.edges[0].points[0].x, 100, eps); // out of the parent's right edge
}

TEST(DiagramLayout, SubtreesPackByContourNotByBoundingBox) {
    // Root with two children; the left child has a wide grandchild row, the right child is a
    // leaf. The right child may sit closer than the left subtree's full width: only its own
    // level counts, so it lands next to its sibling, not past the grandchildren.
    Forest f;
    f.sizes = {{50, 20}, {50, 20}, {50, 20}, {50, 20}, {50, 20}, {50, 20}};
    f.children = {{1, 2}, {3, 4, 5}, {}, {}, {}, {}};
    f.tops = {0};
    const Spacing s{10, 20, 30, 30};
    const Layout l = lay_out(f, Orientation::top_down, s);
    // Grandchildren at 0, 60, 120; child 1 centred at 85 → x 60; child 2 right of it by 10.
    EXPECT_NEAR(l.boxes[1].x, 60, eps);
    EXPECT_NEAR(l.boxes[2].x, 120, eps);
    expect_no_overlap(l);
}

TEST(DiagramLayout, CousinsKeepTheSubtreeGap) {
    Forest f;
    f.sizes.assign(5, {50, 20});
    f.children = {{1, 2}, {3}, {4}, {}, {}};
    f.tops = {0};
    const Spacing s{10, 40, 30, 30};
    const Layout l = lay_out(f, Orientation::top_down, s);
    EXPECT_NEAR(l.boxes[4].x - (l.boxes[3].x + 50), 40, eps); // cousins: the subtree gap
    EXPECT_NEAR(l.boxes[2].x - (l.boxes[1].x + 50), 40, eps); // pushed apart by their children
}

TEST(DiagramLayout, RandomForestsAreTidyInBothOrientations) {
    const Spacing s;
    for (unsigned seed = 1; seed <= 40; ++seed) {
        const Forest f = random_forest(5 + seed * 3, 1 + seed % 4, seed);
        ASSERT_TRUE(check_forest(f));
        for (Orientation o : {Orientation::top_down, Orientation::left_right}) {
            SCOPED_TRACE(testing::Message() << "seed " << seed << " orientation " << int(o));
            const Layout l = lay_out(f, o, s);
            expect_tidy(f, l, o, s);
            expect_no_overlap(l);
        }
    }
}

TEST(DiagramLayout, AThousandKpisWithSeveralKgis) {
    const Forest f = random_forest(1000, 5, 7);
    const Spacing s;
    const Layout l = lay_out(f, Orientation::left_right, s);
    expect_tidy(f, l, Orientation::left_right, s);
    expect_no_overlap(l);
}

TEST(DiagramLayout, DeterministicBitForBit) {
    const Forest f = random_forest(300, 3, 11);
    const Layout a = lay_out(f);
    const Layout b = lay_out(f);
    ASSERT_EQ(a.boxes.size(), b.boxes.size());
    for (std::size_t v = 0; v < a.boxes.size(); ++v) {
        EXPECT_EQ(a.boxes[v].x, b.boxes[v].x);
        EXPECT_EQ(a.boxes[v].y, b.boxes[v].y);
    }
}

TEST(DiagramLayout, AChainOfAHundredThousandLevelsDoesNotRecurse) {
    const std::size_t n = 100000;
    Forest f;
    f.sizes.assign(n, {80, 30});
    f.children.resize(n);
    for (std::size_t i = 0; i + 1 < n; ++i)
        f.children[i].push_back(i + 1);
    f.tops = {0};
    const Layout l = lay_out(f);
    EXPECT_NEAR(l.boxes[n - 1].x, 0, eps);
    EXPECT_NEAR(l.boxes[n - 1].y, (n - 1) * (30 + Spacing{}.level), 1e-3);
    EXPECT_NEAR(l.width, 80, eps);
}

TEST(DiagramLayout, WideFanOutIsLinear) {
    // 100,000 leaves under one KGI: placing each leaf looks at one level only.
    const Forest f = leaves_under_root(100000, {60, 20});
    const Layout l = lay_out(f, Orientation::left_right, {4, 8, 20, 20});
    EXPECT_NEAR(l.boxes[100000].y, 99999 * 24.0, 1e-3);
}

TEST(DiagramLayout, CheckForestRejectsWhatIsNotAForest) {
    Forest f = leaves_under_root(2, {10, 10});
    EXPECT_TRUE(check_forest(f));
    Forest twice = f;
    twice.children[1].push_back(2); // 2 reached twice
    EXPECT_FALSE(check_forest(twice));
    Forest unreached = f;
    unreached.sizes.push_back({10, 10});
    unreached.children.emplace_back();
    EXPECT_FALSE(check_forest(unreached));
    Forest out_of_range = f;
    out_of_range.tops.push_back(9);
    EXPECT_FALSE(check_forest(out_of_range));
    Forest nan_size = f;
    nan_size.sizes[1].width = std::nan("");
    EXPECT_FALSE(check_forest(nan_size));
}

} // namespace
} // namespace kpitree::diagram
