#include "diagram_model.hpp"
#include "kpitree/functions.hpp"
#include "kpitree/model/layout.hpp"
#include "kpitree/overview.hpp"
#include "tree_view.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace kpitree::sidebar {
namespace {

Grid spec_grid() {
    return Grid::from_rows({
        {std::string("Name"), std::string("Parent"), std::string("Link"), std::string("p1"),
         std::string("p2")},
        {std::string("Sales"), Empty{}, Empty{}, 1000000.0, 1100000.0},
        {std::string("Deals"), std::string("Sales"), std::string("*"), 50.0, 55.0},
        {std::string("Average order value"), std::string("Sales"), std::string("*"), 20000.0,
         20000.0},
        {std::string("Meetings"), std::string("Deals"), std::string("*"), 200.0, 220.0},
        {std::string("Close rate"), std::string("Deals"), std::string("*"), 0.25, 0.25},
        {std::string("Webinar attendance"), std::string("Meetings"), std::string("~"), 310.0,
         355.0},
    });
}

std::vector<std::string> names_in_order(const DeckDiagram& d) {
    std::vector<std::string> out;
    for (std::size_t i : d.order)
        out.push_back(d.diagram.nodes[i].name);
    return out;
}

std::size_t node(const DeckDiagram& d, const std::string& name) {
    return *d.tree.find(name);
}

TEST(DiagramModel, ReadingOrderIsDepthFirstInTableOrder) {
    const auto d = deck_diagram(spec_grid());
    ASSERT_TRUE(d);
    EXPECT_EQ(names_in_order(*d),
              (std::vector<std::string>{"Sales", "Deals", "Meetings", "Webinar attendance",
                                        "Close rate", "Average order value"}));
    EXPECT_EQ(d->diagram.nodes[node(*d, "Sales")].box, diagram::Tone::holds);
    EXPECT_EQ(tone_name(d->diagram.nodes[node(*d, "Sales")].box), "holds");
    EXPECT_EQ(d->diagram.nodes[node(*d, "Webinar attendance")].link, "~");
}

TEST(DiagramModel, NotATreeGivesNothing) {
    EXPECT_FALSE(deck_diagram(Grid::from_rows({{std::string("a"), std::string("b")}})));
    EXPECT_FALSE(deck_diagram(Grid()));
}

TEST(DiagramModel, KeyboardMovesStayInsideTheForest) {
    const auto d = deck_diagram(spec_grid());
    ASSERT_TRUE(d);
    const std::size_t sales = node(*d, "Sales");
    const std::size_t deals = node(*d, "Deals");
    const std::size_t aov = node(*d, "Average order value");
    EXPECT_EQ(move(*d, sales, Move::previous), sales);
    EXPECT_EQ(move(*d, sales, Move::next), deals);
    EXPECT_EQ(move(*d, sales, Move::child), deals);
    EXPECT_EQ(move(*d, deals, Move::parent), sales);
    EXPECT_EQ(move(*d, sales, Move::parent), sales);
    EXPECT_EQ(move(*d, aov, Move::next), aov);
    EXPECT_EQ(move(*d, aov, Move::child), aov);
    EXPECT_EQ(move(*d, deals, Move::last), aov);
    EXPECT_EQ(move(*d, aov, Move::first), sales);
    EXPECT_EQ(top_of(*d, node(*d, "Webinar attendance")), sales);
}

TEST(DiagramModel, RelativeInputsAreKeptAsWhatIfReadsThem) {
    EXPECT_EQ(relative_input("+10%"), "+10%");
    EXPECT_EQ(relative_input(" -5 % "), "-5%");
    EXPECT_FALSE(relative_input("10%"));
    EXPECT_FALSE(relative_input("1200"));
    EXPECT_FALSE(relative_input("+"));
}

TEST(DiagramModel, WhatIfEqualsTheSheetFunction) {
    const auto d = deck_diagram(spec_grid());
    ASSERT_TRUE(d);
    const std::size_t deals = node(*d, "Deals");
    const WhatIf w = what_if(*d, deals, Cell(std::string("+10%")));
    ASSERT_TRUE(w.error.empty()) << w.error;
    Grid changes(1, 2);
    changes.at(0, 0) = std::string("Deals");
    changes.at(0, 1) = std::string("+10%");
    const Grid sheet = whatif_cells(spec_grid(), changes);
    for (std::size_t i = 0; i < d->tree.nodes.size(); ++i) {
        const std::size_t r = d->tree.nodes[i].row;
        ASSERT_TRUE(w.value[i]) << d->tree.nodes[i].name << " " << w.status[i];
        EXPECT_EQ(Cell(*w.value[i]), sheet.at(r, 0)) << d->tree.nodes[i].name;
    }
    const std::size_t sales = node(*d, "Sales");
    EXPECT_NEAR(*w.value[sales], 1210000.0, 1e-6);
    EXPECT_NEAR(*w.change[sales], 110000.0, 1e-6);
    EXPECT_EQ(top_of(*d, deals), sales);
}

TEST(DiagramModel, WhatIfOnANumberAndARejectedChange) {
    const auto d = deck_diagram(spec_grid());
    ASSERT_TRUE(d);
    const WhatIf w = what_if(*d, node(*d, "Average order value"), Cell(22000.0));
    ASSERT_TRUE(w.error.empty()) << w.error;
    EXPECT_NEAR(*w.value[node(*d, "Sales")], 55 * 22000.0, 1e-6);
    const WhatIf bad = what_if(*d, node(*d, "Deals"), Cell(std::string("a lot")));
    EXPECT_FALSE(bad.error.empty());
    EXPECT_TRUE(bad.value.empty());
}

// Guards the mapping of KPI.WHATIF's transposed result (one column per KPI) back to the KPIs.
TEST(DiagramModel, WhatIfOnATransposedTableMatchesTheRowLayout) {
    const auto rows = deck_diagram(spec_grid());
    const auto columns = deck_diagram(transpose(spec_grid()));
    ASSERT_TRUE(rows && columns);
    ASSERT_TRUE(columns->tree.transposed);
    const Cell input(std::string("-5%"));
    const WhatIf a = what_if(*rows, node(*rows, "Meetings"), input);
    const WhatIf b = what_if(*columns, node(*columns, "Meetings"), input);
    ASSERT_TRUE(a.error.empty() && b.error.empty()) << a.error << b.error;
    for (std::size_t i = 0; i < rows->tree.nodes.size(); ++i) {
        const std::size_t j = node(*columns, rows->tree.nodes[i].name);
        ASSERT_TRUE(a.value[i] && b.value[j]) << rows->tree.nodes[i].name;
        EXPECT_DOUBLE_EQ(*a.value[i], *b.value[j]);
        EXPECT_EQ(a.change[i].has_value(), b.change[j].has_value());
    }
    EXPECT_NEAR(*b.change[node(*columns, "Sales")], -55000.0, 1e-6);
}

TEST(DiagramModel, HexColours) {
    EXPECT_EQ(hex_colour(0xE3F2E1), "#E3F2E1");
    EXPECT_EQ(hex_colour(0x000001), "#000001");
}

TEST(DiagramModel, OneOverviewServesTheListAndTheDiagramAsTwoWould) {
    // Guards the panel's single overview per refresh (it used to compute one for the list and
    // one for the diagram): the list and the diagram from one read and one overview equal
    // those computed from the grid on their own, here with a mismatch and a finding.
    Grid grid = spec_grid();
    grid.at(1, 4) = 1100001.0; // Sales no longer equals Deals × Average order value
    Tree tree = read_tree(grid);
    ASSERT_TRUE(is_shown_tree(tree));
    const TreeOverview o = overview(tree);
    const TreeView once = build_view(tree, o, lang::Language::fr);
    const TreeView alone = build_view(grid, lang::Language::fr);
    ASSERT_TRUE(once.is_tree);
    ASSERT_EQ(once.nodes.size(), alone.nodes.size());
    for (std::size_t i = 0; i < once.nodes.size(); ++i) {
        EXPECT_EQ(node_label(once.nodes[i]), node_label(alone.nodes[i]));
        EXPECT_EQ(once.nodes[i].children, alone.nodes[i].children);
    }
    EXPECT_EQ(once.tops, alone.tops);
    ASSERT_EQ(once.findings.size(), alone.findings.size());
    ASSERT_FALSE(once.findings.empty());
    for (std::size_t i = 0; i < once.findings.size(); ++i)
        EXPECT_EQ(once.findings[i].text, alone.findings[i].text);
    EXPECT_EQ(once.period_labels, alone.period_labels);

    const auto shared = deck_diagram(grid, std::move(tree), o);
    const auto own = deck_diagram(grid);
    ASSERT_TRUE(shared && own);
    EXPECT_EQ(names_in_order(*shared), names_in_order(*own));
    EXPECT_EQ(shared->diagram.children, own->diagram.children);
    for (std::size_t i = 0; i < own->diagram.nodes.size(); ++i) {
        EXPECT_EQ(shared->diagram.nodes[i].box, own->diagram.nodes[i].box);
        EXPECT_EQ(shared->diagram.nodes[i].connector, own->diagram.nodes[i].connector);
    }
    EXPECT_EQ(shared->diagram.nodes[node(*own, "Sales")].box, diagram::Tone::mismatch);
    EXPECT_FALSE(build_view(read_tree(Grid()), TreeOverview{}, lang::Language::en).is_tree);
}

} // namespace
} // namespace kpitree::sidebar
