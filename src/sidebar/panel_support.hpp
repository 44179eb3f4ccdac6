// Helpers the panel's files share: comparing tables and interfaces, addresses as text, texts
// for AWT controls, and reading a table's cells as the core's grid.
#pragma once

#include "kpitree/model/table.hpp"
#include "panel.hpp"

#include <rtl/ustring.hxx>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kpitree::sidebar {

// Whether both are set and are the same object (XInterface identity).
bool same_interface(const css::uno::Reference<css::uno::XInterface>& a,
                    const css::uno::Reference<css::uno::XInterface>& b);
// Sheets compare by index: Calc hands out a new sheet object on every call.
bool same_table(const TableRef& a, const TableRef& b);
bool contains(const css::table::CellRangeAddress& outer, const css::table::CellRangeAddress& inner);
// "$B$2:$AB$8"
std::string absolute_address(const css::table::CellRangeAddress& a);
// "Sheet1.B2:AB8"
std::string display_address(const TableRef& table);
css::uno::Sequence<rtl::OUString> to_sequence(const std::vector<std::string>& items);
// Text for a fixed text control: VCL reads "~" as a mnemonic marker and "~~" as a tilde.
rtl::OUString label_text(std::string_view text);
// The sheet cell (column, row) of a cell of the table's grid (row layout: the grid of a
// transposed table has the sheet's columns as its rows).
std::pair<sal_Int32, sal_Int32> sheet_cell(const TableRef& table, bool transposed,
                                           std::size_t grid_row, std::size_t grid_column);
// The data of the table's cell range as the core's grid.
Grid read_grid(const TableRef& table);

} // namespace kpitree::sidebar
