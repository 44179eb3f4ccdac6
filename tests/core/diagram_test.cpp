// The diagram model: what each box and connector shows, from the tree and its overview.
#include "kpitree/diagram.hpp"

#include <gtest/gtest.h>

namespace kpitree::diagram {
namespace {

Tree example_tree() {
    return read_tree(Grid::from_rows({
        {"Name", "Parent", "Link", "Jan", "Feb", "Mar"},
        {"Sales", "", "", 100.0, 120.0, 150.0},
        {"Deals", "Sales", "*", 10.0, 12.0, 15.0},
        {"AOV", "Sales", "*", 10.0, 10.0, 10.0},
        {"Cost", "Profit", "-", 5.0, 5.0, 5.0},
        {"Profit", "", "", 1.0, 2.0, 4.0}, // mismatch: no + child makes it
        {"Webinars", "Deals", "~", 3.0, 4.0, 5.0},
    }));
}

TEST(Diagram, BoxesCarryNameValueChangeOperatorAndTones) {
    const Tree tree = example_tree();
    const Diagram d = diagram_of(tree, overview(tree));
    ASSERT_EQ(d.nodes.size(), 6u);
    EXPECT_EQ(d.latest_period, "Mar");
    const DiagramNode& sales = d.nodes[0];
    EXPECT_EQ(sales.name, "Sales");
    EXPECT_EQ(sales.link, "");
    EXPECT_EQ(sales.box, Tone::holds);
    EXPECT_EQ(*sales.latest, 150.0);
    EXPECT_DOUBLE_EQ(*sales.change, 0.25); // 120 → 150
    EXPECT_EQ(sales.row, 1u);
    EXPECT_EQ(sales.trend.size(), 3u);
    EXPECT_EQ(d.nodes[1].link, "\xC3\x97");
    EXPECT_EQ(d.nodes[3].link, "\xE2\x88\x92");
    EXPECT_EQ(d.nodes[4].box, Tone::mismatch);
    const DiagramNode& webinars = d.nodes[5];
    EXPECT_EQ(webinars.link, "~");
    EXPECT_EQ(webinars.box, Tone::plain);            // a leaf: nothing to verify
    EXPECT_EQ(webinars.connector, Tone::untestable); // 3 periods cannot test a ~ link
    EXPECT_EQ(d.nodes[1].connector, Tone::plain);    // an arithmetic link
}

TEST(Diagram, ForestFollowsTheOverview) {
    const Tree tree = example_tree();
    const TreeOverview o = overview(tree);
    const Diagram d = diagram_of(tree, o);
    EXPECT_EQ(d.tops, o.tops);
    const Forest f = forest_of(d, std::vector<Size>(d.nodes.size(), Size{80, 30}));
    EXPECT_TRUE(check_forest(f));
    const Layout l = lay_out(f);
    EXPECT_EQ(l.boxes.size(), 6u);
    EXPECT_EQ(l.edges.size(), 4u);
}

TEST(Diagram, ChangeSkipsMissingPeriodsAndRefusesAZeroBase) {
    EXPECT_DOUBLE_EQ(*latest_change({10.0, std::nullopt, 5.0, std::nullopt}), -0.5);
    EXPECT_DOUBLE_EQ(*latest_change({-10.0, -5.0}), 0.5); // relative to |previous|
    EXPECT_FALSE(latest_change({0.0, 5.0}));
    EXPECT_FALSE(latest_change({5.0}));
    EXPECT_FALSE(latest_change({}));
}

TEST(Diagram, ToneOrderAndPalette) {
    EXPECT_EQ(box_tone({Status::error}), Tone::error);
    EXPECT_EQ(box_tone({Status::mismatch, Status::supported}), Tone::mismatch);
    EXPECT_EQ(box_tone({Status::ok, Status::unsupported}), Tone::holds);
    EXPECT_EQ(link_tone(Link::hypothesis, {Status::ok, Status::unsupported}), Tone::unsupported);
    EXPECT_EQ(link_tone(Link::multiply, {Status::ok}), Tone::plain);
    EXPECT_NE(palette(Tone::holds).line, palette(Tone::mismatch).line);
    EXPECT_NE(palette(Tone::error).line, palette(Tone::mismatch).line);
}

} // namespace
} // namespace kpitree::diagram
