// The deck's two inserts onto the sheet "KPI tree diagram": the tree diagram as drawing shapes
// (one box per KPI, connectors, operator labels; the layout of kpitree/diagram/layout.hpp) and
// the waterfall chart of the KGI's change between two periods (a Calc chart over a small cell
// block on that sheet; by default the last two periods, else the two the deck's lists chose).
// Shapes and charts are plain office objects, so the picture stays in the workbook, in .ods and
// .xlsx, for readers without the extension.
//
// Each insert is one Undo step and replaces what an earlier insert put there. Both catch
// everything: they return the message to show, never throw.
#pragma once

#include "ui_text.hpp"

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>

namespace kpitree::sidebar {

namespace css = com::sun::star;

// The sheet both inserts draw on, created when missing.
inline constexpr const char* diagram_sheet_name = "KPI tree diagram";

// The tree table an insert reads, and where.
struct SheetInsert {
    css::uno::Reference<css::uno::XComponentContext> context;
    css::uno::Reference<css::frame::XModel> model;
    css::uno::Reference<css::sheet::XSpreadsheet> sheet; // the table's sheet
    css::table::CellRangeAddress table;
    lang::Language language = lang::Language::en;
    // The waterfall's periods (0-based, from and to); nullopt: the last two.
    std::optional<std::pair<std::size_t, std::size_t>> periods;
};

// Draws the tree diagram (its shapes replaced when there are some) and, when a KGI has values
// in the waterfall's two periods, the waterfall chart below it; shows the sheet. One Undo step.
// Returns "" when done, else the message for the user.
std::string insert_tree_diagram(const SheetInsert& insert);

// Draws the waterfall chart alone (replacing an earlier one), below the diagram if there is
// one; shows the sheet. One Undo step. Returns "" when done, else the message for the user.
std::string insert_waterfall_chart(const SheetInsert& insert);

} // namespace kpitree::sidebar
