// Shared by the two sheet inserts (diagram_sheet.cpp, waterfall_chart.cpp): what one insert
// works with, number formatting as the cells show it, and the waterfall's drawing entry points.
#pragma once

#include "diagram_sheet.hpp"
#include "kpitree/model/tree.hpp"
#include "sheet_plan.hpp"

#include <com/sun/star/drawing/XShapes.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/util/XNumberFormatter.hpp>
#include <optional>
#include <string>

namespace kpitree::sidebar {

// Formats numbers as the document's cells do: a cell's own number format key, in its locale.
class CellFormatter {
public:
    CellFormatter(const css::uno::Reference<css::uno::XComponentContext>& context,
                  const css::uno::Reference<css::frame::XModel>& model);
    std::string number(double value, sal_Int32 key) const;
    // "+5.20%", "-1.00%" in the document's locale.
    std::string change(double ratio) const;

private:
    css::uno::Reference<css::util::XNumberFormatter> formatter_;
    sal_Int32 percent_key_ = 0;
};

// One insert's state: the request, the tree it read, and the diagram sheet it draws on.
struct SheetWork {
    SheetInsert in;
    Tree tree;
    css::uno::Reference<css::lang::XMultiServiceFactory> factory; // the document's
    css::uno::Reference<css::sheet::XSpreadsheet> target;         // the diagram sheet
    css::uno::Reference<css::drawing::XShapes> page;              // its draw page
};

// The number format key of the table cell holding `node`'s value in `period`.
sal_Int32 value_format(const SheetWork& work, std::size_t node, std::size_t period);

// The top edge (1/100 mm) of the first row at or below `y` on `sheet`.
sal_Int32 row_at(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, sal_Int32 y,
                 sal_Int32& row);

// Removes the waterfall chart an earlier insert put on the sheet, and its cell block.
void remove_waterfall(const SheetWork& work);

// Draws the waterfall chart with its top at `top` (1/100 mm), left-aligned with the diagram,
// and its cell block to the right of it.
void draw_waterfall(const SheetWork& work, const Waterfall& waterfall, sal_Int32 top);

} // namespace kpitree::sidebar
