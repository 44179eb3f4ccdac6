// The deck's what-if: the selected KPI takes the typed value (a number in the cell's locale)
// or change ("+10%"); the core's KPI.WHATIF recomputes the tree (diagram_model's what_if) and
// the diagram shows it without writing the sheet. "Insert what-if block" writes the scenario
// next to the table as a changes range and the KPI.WHATIF array formula over it, one Undo step.
#include "convert.hpp"
#include "diagram_view.hpp"
#include "kpitree/model/format.hpp"

#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/sheet/XArrayFormulaRange.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/text/XText.hpp>

namespace kpitree::sidebar {

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using lang::Msg;
using rtl::OUString;
using uno::to_oustring;
using uno::to_utf8;

namespace {

constexpr sal_Int32 last_column = 1023; // Calc 7.4: columns A..AMJ
constexpr sal_Int32 last_row = 1048575;

std::string absolute(sal_Int32 c0, sal_Int32 r0, sal_Int32 c1, sal_Int32 r1) {
    auto cell = [](sal_Int32 c, sal_Int32 r) {
        return "$" + column_name(static_cast<std::size_t>(c)) + "$" + std::to_string(r + 1);
    };
    return cell(c0, r0) + ":" + cell(c1, r1);
}

bool is_blank(const Reference<css::sheet::XSpreadsheet>& sheet, sal_Int32 c0, sal_Int32 r0,
              sal_Int32 c1, sal_Int32 r1) {
    Reference<css::sheet::XCellRangeData> data(sheet->getCellRangeByPosition(c0, r0, c1, r1),
                                               UNO_QUERY_THROW);
    const Grid cells = uno::to_grid_as_is(data->getDataArray());
    for (std::size_t r = 0; r < cells.rows(); ++r)
        for (std::size_t c = 0; c < cells.columns(); ++c)
            if (!is_empty(cells.at(r, c)))
                return false;
    return true;
}

void put_text(const Reference<css::sheet::XSpreadsheet>& sheet, sal_Int32 c, sal_Int32 r,
              const OUString& text) {
    Reference<css::text::XText>(sheet->getCellByPosition(c, r), UNO_QUERY_THROW)->setString(text);
}

} // namespace

std::optional<Cell> DiagramView::read_input(std::size_t node) {
    const OUString typed =
        scenario_ && node == scenario_node_
            ? scenario_input_
            : Reference<css::awt::XTextComponent>(input_, UNO_QUERY_THROW)->getText().trim();
    if (typed.isEmpty())
        return std::nullopt;
    if (auto relative = relative_input(to_utf8(typed)))
        return Cell(*relative);
    if (formatter_.is()) {
        try { // in the KPI's own format and locale: "1 234,5" in Finnish
            return Cell(formatter_->convertStringToNumber(format_key(node), typed));
        } catch (const css::uno::Exception&) {
        }
    }
    try {
        std::size_t used = 0;
        const std::string s = to_utf8(typed);
        const double v = std::stod(s, &used);
        if (used == s.size())
            return Cell(v);
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

void DiagramView::try_scenario() {
    if (!deck_ || !selected_) {
        const OUString pick = to_oustring(t(Msg::diagram_whatif_pick));
        set_info(pick, pick);
        return;
    }
    scenario_.reset(); // read the field, not the last scenario's input
    const std::size_t node = *selected_;
    const auto input = read_input(node);
    if (!input) {
        const OUString bad = to_oustring(t(Msg::diagram_whatif_bad_value));
        set_info(bad, bad);
        return;
    }
    WhatIf w = what_if(*deck_, node, *input);
    if (!w.error.empty()) {
        reset_scenario();
        const OUString error = to_oustring(w.error);
        set_info(error, error);
        return;
    }
    scenario_input_ =
        Reference<css::awt::XTextComponent>(input_, UNO_QUERY_THROW)->getText().trim();
    show_scenario(w, node);
}

void DiagramView::show_scenario(const WhatIf& w, std::size_t node) {
    scenario_ = w;
    scenario_node_ = node;
    hovered_.reset(); // the tooltip describes the box anew
    format_texts();
    lay_out();
    fill_outline();
    select(node, true, false);
    update_scrollbars();
    update_info();
    invalidate();
}

void DiagramView::reset_scenario() {
    if (!deck_)
        return;
    scenario_.reset();
    hovered_.reset();
    format_texts();
    lay_out();
    fill_outline();
    if (selected_)
        select(*selected_, false, false);
    update_scrollbars();
    update_info();
    invalidate();
}

// The scenario as cells: a two-column changes range (a header and the KPI's row) and, two
// columns further, KPI.WHATIF over the table and that range, aligned with the table's rows
// (below a transposed table, aligned with its columns). The first free place beside the table,
// one empty line from it.
void DiagramView::insert_scenario() {
    if (!scenario_ || !deck_ || !sheet_.is() || !model_.is()) {
        try_scenario();
        if (!scenario_)
            return;
    }
    const auto& a = address_;
    const bool transposed = deck_->tree.transposed;
    sal_Int32 line = transposed ? a.EndRow + 2 : a.EndColumn + 2;
    const sal_Int32 end = transposed ? last_row - 4 : last_column - 4;
    for (; line <= end; ++line) {
        const bool blank = transposed ? is_blank(sheet_, a.StartColumn, line,
                                                 std::max(a.EndColumn, a.StartColumn + 1), line + 4)
                                      : is_blank(sheet_, line, a.StartRow, line + 4,
                                                 std::max(a.EndRow, a.StartRow + 1));
        if (blank)
            break;
    }
    if (line > end)
        return;
    // The changes range: columns (c, c+1), rows (r, r+1); transposed, the same shape below.
    const sal_Int32 c = transposed ? a.StartColumn : line;
    const sal_Int32 r = transposed ? line : a.StartRow;
    const auto& name = deck_->tree.nodes[scenario_node_].name;
    const std::string changes = absolute(c, r, c + 1, r + 1);
    const std::string formula = "=KPI.WHATIF(" +
                                absolute(a.StartColumn, a.StartRow, a.EndColumn, a.EndRow) + ";" +
                                changes + ")";
    Reference<css::document::XUndoManager> undo =
        Reference<css::document::XUndoManagerSupplier>(model_, UNO_QUERY_THROW)->getUndoManager();
    undo->enterUndoContext(to_oustring(t(Msg::diagram_whatif_undo)));
    try {
        put_text(sheet_, c, r, to_oustring(t(Msg::diagram_whatif_header_kpi)));
        put_text(sheet_, c + 1, r, to_oustring(t(Msg::diagram_whatif_header_change)));
        put_text(sheet_, c, r + 1, to_oustring(name));
        const auto input = read_input(scenario_node_);
        if (input && std::holds_alternative<double>(*input))
            sheet_->getCellByPosition(c + 1, r + 1)->setValue(std::get<double>(*input));
        else if (input)
            put_text(sheet_, c + 1, r + 1, to_oustring(std::get<std::string>(*input)));
        auto target =
            transposed
                ? sheet_->getCellRangeByPosition(a.StartColumn, line + 3, a.EndColumn, line + 4)
                : sheet_->getCellRangeByPosition(line + 3, a.StartRow, line + 4, a.EndRow);
        Reference<css::sheet::XArrayFormulaRange>(target, UNO_QUERY_THROW)
            ->setArrayFormula(to_oustring(formula));
    } catch (...) {
        undo->leaveUndoContext();
        throw;
    }
    undo->leaveUndoContext();
}

} // namespace kpitree::sidebar
