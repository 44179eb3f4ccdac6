// Share as values: a static copy of the verdict columns beside the table, for colleagues without
// the extension (an .xlsx for Excel users keeps the live columns' cached values only until it
// recalculates, then shows #NAME?). Each verdict line (a column, a row below a transposed table)
// whose formula reads the table is copied as plain values into the next free line after the
// last of them, with the live line's number format, cell style and conditional formatting, and
// headed "Check (values, 2026-11-30)". One Undo step. Also the deck's Help button.
#include "command.hpp"
#include "convert.hpp"
#include "kpitree/model/tree.hpp"
#include "panel.hpp"
#include "panel_support.hpp"
#include "verdict_formula.hpp"

#include <com/sun/star/beans/PropertyState.hpp>
#include <com/sun/star/beans/XPropertyState.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <ctime>
#include <initializer_list>

namespace kpitree::sidebar {

using css::uno::Any;
using css::uno::Exception;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using lang::Msg;
using rtl::OUString;
using uno::to_oustring;
using uno::to_utf8;

namespace {

constexpr sal_Int32 max_lines = 64;     // verdict lines looked at beside the table
constexpr sal_Int32 last_column = 1023; // Calc 7.4: columns A..AMJ
constexpr sal_Int32 last_row = 1048575; // Calc 7.4: rows 1..1,048,576

// The lines beside a table: its columns to the right, or its rows below a transposed table.
struct Lines {
    Reference<css::sheet::XSpreadsheet> sheet;
    css::table::CellRangeAddress table;
    bool transposed = false;

    sal_Int32 first() const { return transposed ? table.EndRow + 1 : table.EndColumn + 1; }
    sal_Int32 last() const { return transposed ? last_row : last_column; }
    Reference<css::table::XCellRange> line(sal_Int32 i) const {
        return transposed ? sheet->getCellRangeByPosition(table.StartColumn, i, table.EndColumn, i)
                          : sheet->getCellRangeByPosition(i, table.StartRow, i, table.EndRow);
    }
    // The cell before line i's first cell (above a column, left of a row), if the sheet has one.
    Reference<css::table::XCell> before(sal_Int32 i) const {
        if (transposed)
            return table.StartColumn > 0 ? sheet->getCellByPosition(table.StartColumn - 1, i)
                                         : nullptr;
        return table.StartRow > 0 ? sheet->getCellByPosition(i, table.StartRow - 1) : nullptr;
    }
};

bool is_empty_range(const Reference<css::table::XCellRange>& range) {
    const Grid cells = uno::to_grid_as_is(
        Reference<css::sheet::XCellRangeData>(range, UNO_QUERY_THROW)->getDataArray());
    for (std::size_t r = 0; r < cells.rows(); ++r)
        for (std::size_t c = 0; c < cells.columns(); ++c)
            if (!is_empty(cells.at(r, c)))
                return false;
    return true;
}

// Today in the office machine's local time: 2026-11-30.
std::string today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char text[16] = {};
    std::strftime(text, sizeof text, "%Y-%m-%d", &local);
    return text;
}

OUString shown_text(const Reference<css::table::XCell>& cell) {
    return Reference<css::text::XTextRange>(cell, UNO_QUERY_THROW)->getString();
}

// What a cell of a live line shows, as a value: its number or text; an error as the text it
// shows (#N/A, Err:502); an empty element of an array result (0 through the API) as empty.
Any shown_value(const Reference<css::table::XCell>& cell, const Any& data) {
    if (cell->getError() != 0)
        return Any(shown_text(cell));
    if (data.getValueTypeClass() == css::uno::TypeClass_DOUBLE && shown_text(cell).isEmpty())
        return Any(OUString());
    return data;
}

// The live line's values, element by element (a column is n x 1, a row 1 x n).
Sequence<Sequence<Any>> values_of(const Reference<css::table::XCellRange>& line) {
    Sequence<Sequence<Any>> data =
        Reference<css::sheet::XCellRangeData>(line, UNO_QUERY_THROW)->getDataArray();
    for (sal_Int32 r = 0; r < data.getLength(); ++r) {
        Any* row = data.getArray()[r].getArray();
        for (sal_Int32 c = 0; c < data[r].getLength(); ++c)
            row[c] = shown_value(line->getCellByPosition(c, r), row[c]);
    }
    return data;
}

// A property copied from the live line to the copy: at once when the line has one value,
// cell by cell when its cells differ.
void copy_property(const Reference<css::table::XCellRange>& from,
                   const Reference<css::table::XCellRange>& to, const OUString& name,
                   sal_Int32 cells, bool transposed) {
    Reference<css::beans::XPropertyState> state(from, UNO_QUERY_THROW);
    if (state->getPropertyState(name) != css::beans::PropertyState_AMBIGUOUS_VALUE) {
        Reference<css::beans::XPropertySet>(to, UNO_QUERY_THROW)
            ->setPropertyValue(
                name,
                Reference<css::beans::XPropertySet>(from, UNO_QUERY_THROW)->getPropertyValue(name));
        return;
    }
    for (sal_Int32 i = 0; i < cells; ++i) {
        const sal_Int32 c = transposed ? i : 0;
        const sal_Int32 r = transposed ? 0 : i;
        Reference<css::beans::XPropertySet>(to->getCellByPosition(c, r), UNO_QUERY_THROW)
            ->setPropertyValue(name, Reference<css::beans::XPropertySet>(
                                         from->getCellByPosition(c, r), UNO_QUERY_THROW)
                                         ->getPropertyValue(name));
    }
}

// Writes `values` into the empty range `to`, cell by cell: each write is an undo action of its
// own (setDataArray's is not undone inside an undo context on 7.4: the copy stayed).
void write_values(const Reference<css::table::XCellRange>& to,
                  const Sequence<Sequence<Any>>& values) {
    for (sal_Int32 r = 0; r < values.getLength(); ++r)
        for (sal_Int32 c = 0; c < values[r].getLength(); ++c) {
            const Any& v = values[r][c];
            double number = 0;
            OUString text;
            if (v >>= number)
                to->getCellByPosition(c, r)->setValue(number);
            else if ((v >>= text) && !text.isEmpty())
                Reference<css::text::XTextRange>(to->getCellByPosition(c, r), UNO_QUERY_THROW)
                    ->setString(text);
        }
}

} // namespace

// The verdict lines beside the table: after empty lines, the run of lines whose first cell
// holds a KPI Tree formula that reads this table.
std::vector<sal_Int32> Panel::verdict_lines() const {
    const Lines lines{table_->sheet, table_->address, transposed_};
    std::vector<sal_Int32> found;
    for (sal_Int32 i = lines.first(); i <= lines.last() && i < lines.first() + max_lines; ++i) {
        const auto& a = table_->address;
        TableRef at{table_->sheet, a};
        at.address.StartColumn = at.address.EndColumn = transposed_ ? a.StartColumn : i;
        at.address.StartRow = at.address.EndRow = transposed_ ? i : a.StartRow;
        const auto reads = table_of_verdicts(at);
        if (reads && same_table(*reads, *table_))
            found.push_back(i);
        else if (!found.empty() || !is_empty_range(lines.line(i)))
            break;
    }
    return found;
}

bool Panel::has_header_row() const {
    try {
        return read_tree(read_grid(*table_)).has_header;
    } catch (const std::exception&) {
        return false;
    }
}

// Copies live line `from` into the empty line `to`, headed with `date`.
void Panel::copy_verdict_line(sal_Int32 from, sal_Int32 to, bool header, const std::string& date) {
    const Lines lines{table_->sheet, table_->address, transposed_};
    const Reference<css::table::XCellRange> source = lines.line(from);
    const Reference<css::table::XCellRange> target = lines.line(to);
    Sequence<Sequence<Any>> values = values_of(source);
    const auto heading = [&](const OUString& live) {
        return to_oustring(lang::format(t(Msg::panel_share_header), to_utf8(live), date));
    };
    if (header) {
        values.getArray()[0].getArray()[0] <<= heading(shown_text(source->getCellByPosition(0, 0)));
    } else if (const auto above = lines.before(to); above.is() && above->getFormula().isEmpty()) {
        // No header row: the heading goes before the copy, naming the function it comes from.
        const std::string function =
            kpi_function_name(to_utf8(source->getCellByPosition(0, 0)->getFormula()));
        Reference<css::text::XTextRange>(above, UNO_QUERY_THROW)
            ->setString(heading(to_oustring(function.empty() ? "KPI Tree" : function)));
    }
    write_values(target, values);
    const sal_Int32 cells = transposed_
                                ? table_->address.EndColumn - table_->address.StartColumn + 1
                                : table_->address.EndRow - table_->address.StartRow + 1;
    for (const char* name : {"CellStyle", "NumberFormat", "ConditionalFormat"})
        copy_property(source, target, OUString::createFromAscii(name), cells, transposed_);
    if (!transposed_)
        Reference<css::beans::XPropertySet>(
            Reference<css::table::XColumnRowRange>(target, UNO_QUERY_THROW)->getColumns(),
            UNO_QUERY_THROW)
            ->setPropertyValue("OptimalWidth", Any(true));
}

void Panel::share_as_values() {
    if (!table_ || !model_.is())
        return;
    const std::vector<sal_Int32> live = verdict_lines();
    if (live.empty()) {
        set_property(status_, "Label", Any(label_text(t(Msg::panel_share_nothing))));
        return;
    }
    const Lines lines{table_->sheet, table_->address, transposed_};
    const bool header = has_header_row();
    const std::string date = today();
    Reference<css::document::XUndoManager> undo =
        Reference<css::document::XUndoManagerSupplier>(model_, UNO_QUERY_THROW)->getUndoManager();
    undo->enterUndoContext(to_oustring(t(Msg::panel_undo_share)));
    std::optional<css::table::CellRangeAddress> written;
    try {
        sal_Int32 next = live.back() + 1;
        for (const sal_Int32 from : live) {
            while (next <= lines.last() && !is_empty_range(lines.line(next)))
                ++next;
            if (next > lines.last())
                break;
            copy_verdict_line(from, next, header, date);
            const auto at =
                Reference<css::sheet::XCellRangeAddressable>(lines.line(next), UNO_QUERY_THROW)
                    ->getRangeAddress();
            if (!written)
                written = at;
            written->EndColumn = at.EndColumn;
            written->EndRow = at.EndRow;
            ++next;
        }
    } catch (...) {
        undo->leaveUndoContext();
        throw;
    }
    undo->leaveUndoContext();
    if (written)
        scroll_into_view(*written);
}

// The deck's Help button opens what Tools ▸ KPI Tree ▸ KPI Tree Help opens: the menu's
// protocol handler (src/menu) answers the same command.
void Panel::open_help() {
    Reference<css::frame::XDispatchProvider> provider(frame_, UNO_QUERY_THROW);
    css::frame::DispatchHelper::create(context_)->executeDispatch(
        provider, to_oustring(std::string(menu::protocol) + "help"), OUString(), 0,
        Sequence<css::beans::PropertyValue>());
}

} // namespace kpitree::sidebar
