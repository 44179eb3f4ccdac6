#include "panel_support.hpp"

#include "convert.hpp"
#include "kpitree/model/format.hpp"

#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>

namespace kpitree::sidebar {

using css::uno::Any;
using css::uno::Exception;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using css::uno::XInterface;
using lang::Msg;
using rtl::OUString;
using uno::to_oustring;
using uno::to_utf8;

namespace {

std::string column_name(sal_Int32 column) {
    return kpitree::column_name(static_cast<std::size_t>(column));
}

} // namespace

bool same_interface(const Reference<XInterface>& a, const Reference<XInterface>& b) {
    return a.is() && b.is() && a == b; // Reference::operator== compares XInterface identity
}

bool same_table(const TableRef& a, const TableRef& b) {
    return a.address.Sheet == b.address.Sheet && a.address.StartColumn == b.address.StartColumn &&
           a.address.StartRow == b.address.StartRow && a.address.EndColumn == b.address.EndColumn &&
           a.address.EndRow == b.address.EndRow;
}

bool contains(const css::table::CellRangeAddress& outer,
              const css::table::CellRangeAddress& inner) {
    return inner.Sheet == outer.Sheet && inner.StartColumn >= outer.StartColumn &&
           inner.EndColumn <= outer.EndColumn && inner.StartRow >= outer.StartRow &&
           inner.EndRow <= outer.EndRow;
}

std::string absolute_address(const css::table::CellRangeAddress& a) {
    return "$" + column_name(a.StartColumn) + "$" + std::to_string(a.StartRow + 1) + ":$" +
           column_name(a.EndColumn) + "$" + std::to_string(a.EndRow + 1);
}

std::string display_address(const TableRef& table) {
    std::string sheet;
    if (Reference<css::container::XNamed> named{table.sheet, UNO_QUERY}; named.is())
        sheet = to_utf8(named->getName()) + ".";
    const auto& a = table.address;
    return sheet + column_name(a.StartColumn) + std::to_string(a.StartRow + 1) + ":" +
           column_name(a.EndColumn) + std::to_string(a.EndRow + 1);
}

Sequence<OUString> to_sequence(const std::vector<std::string>& items) {
    Sequence<OUString> out(static_cast<sal_Int32>(items.size()));
    OUString* p = out.getArray();
    for (const std::string& s : items)
        *p++ = to_oustring(s);
    return out;
}

OUString label_text(std::string_view text) {
    std::string out;
    for (char c : text) {
        out += c;
        if (c == '~')
            out += '~';
    }
    return to_oustring(out);
}

std::pair<sal_Int32, sal_Int32> sheet_cell(const TableRef& table, bool transposed,
                                           std::size_t grid_row, std::size_t grid_column) {
    const auto& a = table.address;
    const auto r = static_cast<sal_Int32>(grid_row);
    const auto c = static_cast<sal_Int32>(grid_column);
    return transposed ? std::make_pair(a.StartColumn + r, a.StartRow + c)
                      : std::make_pair(a.StartColumn + c, a.StartRow + r);
}

Grid read_grid(const TableRef& table) {
    const auto& a = table.address;
    Reference<css::sheet::XCellRangeData> data(
        table.sheet->getCellRangeByPosition(a.StartColumn, a.StartRow, a.EndColumn, a.EndRow),
        UNO_QUERY_THROW);
    return uno::to_grid(data->getDataArray());
}

} // namespace kpitree::sidebar
