// Showing a table: the status line, the tree of KPIs (keeping collapsed nodes collapsed), the
// findings; a click on a KPI selects its row in the sheet.
#include "convert.hpp"
#include "diagram_view.hpp"
#include "panel.hpp"
#include "panel_numbers.hpp"
#include "panel_support.hpp"
#include "tree_view.hpp"

#include <algorithm>
#include <com/sun/star/awt/tree/XMutableTreeDataModel.hpp>
#include <com/sun/star/awt/tree/XMutableTreeNode.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <utility>

namespace kpitree::sidebar {

using css::uno::Any;
using css::uno::Exception;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using lang::Msg;
using rtl::OUString;
using uno::to_oustring;

void Panel::show_message(const std::string& message) {
    if (!status_.is())
        return;
    set_property(status_, "Label", Any(label_text(message)));
    Reference<css::awt::tree::XMutableTreeDataModel> model(
        create("com.sun.star.awt.tree.MutableTreeDataModel"), UNO_QUERY_THROW);
    model->setRoot(model->createNode(Any(OUString("KPI Tree")), false));
    set_property(tree_, "DataModel", Any(model));
    show_findings({}, false);
    for (const auto& b : buttons_)
        set_property(b, "Enabled", Any(false));
    periods_ = 0;
    fill_periods({});
    if (diagram_.is())
        diagram_->clear();
}

void Panel::show_table(const TableRef& table) {
    const Grid grid = read_grid(table);
    Tree tree = read_tree(grid); // read and verdicts once, for the list and the diagram
    const TreeOverview overview = is_shown_tree(tree) ? kpitree::overview(tree) : TreeOverview{};
    const TreeView view = build_view(tree, overview, language_);
    if (!view.is_tree) {
        table_.reset();
        show_message(std::string(t(Msg::panel_no_tree)));
        return;
    }
    const std::vector<std::string> collapsed =
        table_ && same_table(*table_, table) ? collapsed_names() : std::vector<std::string>();
    CellNumbers numbers(context_, model_);
    fill_tree(view, collapsed, number_texts(numbers, table, view.transposed));
    table_ = table;
    periods_ = view.periods;
    transposed_ = view.transposed;
    remember_rows(view);
    std::string status = lang::format(t(Msg::panel_table_summary), display_address(table),
                                      std::to_string(view.nodes.size()));
    if (const std::string period = period_line(view, language_); !period.empty())
        status += "\n" + period;
    set_property(status_, "Label", Any(label_text(status)));
    show_findings(view.findings, true);
    for (const auto& b : buttons_)
        set_property(b, "Enabled", Any(true));
    fill_periods(view.period_labels);
    if (diagram_.is())
        diagram_->show(deck_diagram(grid, std::move(tree), overview), table.sheet, table.address,
                       model_);
}

// The KPI names by table row (to keep collapsed nodes collapsed) and the sheet cell whose
// number format the inserted contribution column takes (the first KGI's latest value).
void Panel::remember_rows(const TreeView& view) {
    row_names_.clear();
    for (const ViewNode& v : view.nodes) {
        if (v.row >= row_names_.size())
            row_names_.resize(v.row + 1);
        row_names_[v.row] = v.name;
    }
    number_source_.reset();
    if (!view.tops.empty() && view.nodes[view.tops.front()].latest) {
        const ViewNode& kgi = view.nodes[view.tops.front()];
        number_source_ = sheet_cell(*table_, transposed_, kgi.row, kgi.latest_column);
    }
}

// The labels' numbers as the cells show them, in the office's locale.
NumberTexts Panel::number_texts(CellNumbers& numbers, const TableRef& table,
                                bool transposed) const {
    NumberTexts texts;
    texts.value = [&numbers, table, transposed](const ViewNode& node) {
        const auto [column, row] = sheet_cell(table, transposed, node.row, node.latest_column);
        return numbers.value_text(CellNumbers::cell_format(table.sheet, column, row),
                                  node.latest.value_or(0.0));
    };
    texts.change = [&numbers](double change) { return numbers.change_text(change); };
    return texts;
}

// The names of the KPIs the user collapsed in the tree now shown, so that showing the same
// table again keeps them collapsed.
std::vector<std::string> Panel::collapsed_names() const {
    std::vector<std::string> collapsed;
    Reference<css::awt::tree::XTreeControl> control(tree_, UNO_QUERY_THROW);
    Reference<css::beans::XPropertySet> props(tree_->getModel(), UNO_QUERY_THROW);
    Reference<css::awt::tree::XTreeDataModel> old;
    props->getPropertyValue("DataModel") >>= old;
    if (!old.is())
        return collapsed;
    std::vector<Reference<css::awt::tree::XTreeNode>> stack{old->getRoot()};
    while (!stack.empty()) {
        auto node = stack.back();
        stack.pop_back();
        for (sal_Int32 i = 0; node.is() && i < node->getChildCount(); ++i) {
            auto child = node->getChildAt(i);
            if (child->getChildCount() == 0)
                continue;
            try {
                Reference<css::awt::tree::XMutableTreeNode> mutable_child(child, UNO_QUERY);
                sal_Int32 row = -1;
                if (mutable_child.is() && !control->isNodeExpanded(child) &&
                    (mutable_child->getDataValue() >>= row) && row >= 0 &&
                    static_cast<std::size_t>(row) < row_names_.size())
                    collapsed.push_back(row_names_[static_cast<std::size_t>(row)]);
            } catch (const Exception&) {
            }
            stack.push_back(child);
        }
    }
    return collapsed;
}

// A new tree model from the view, depth-first with children in table order, every parent
// expanded except those named in `collapsed`.
void Panel::fill_tree(const TreeView& view, const std::vector<std::string>& collapsed,
                      const NumberTexts& texts) {
    Reference<css::awt::tree::XMutableTreeDataModel> model(
        create("com.sun.star.awt.tree.MutableTreeDataModel"), UNO_QUERY_THROW);
    Reference<css::awt::tree::XMutableTreeNode> root =
        model->createNode(Any(OUString("KPI Tree")), false);
    model->setRoot(root);
    std::vector<Reference<css::awt::tree::XMutableTreeNode>> to_expand;
    std::vector<std::pair<Reference<css::awt::tree::XMutableTreeNode>, std::size_t>> stack;
    for (auto it = view.tops.rbegin(); it != view.tops.rend(); ++it)
        stack.emplace_back(root, *it);
    while (!stack.empty()) { // pushed in reverse, appended when popped
        auto [parent, index] = stack.back();
        stack.pop_back();
        const ViewNode& v = view.nodes[index];
        auto node = model->createNode(Any(to_oustring(node_label(v, texts))), false);
        node->setDataValue(Any(static_cast<sal_Int32>(v.row)));
        parent->appendChild(node);
        if (!v.children.empty() &&
            std::find(collapsed.begin(), collapsed.end(), v.name) == collapsed.end())
            to_expand.push_back(node);
        for (auto c = v.children.rbegin(); c != v.children.rend(); ++c)
            stack.emplace_back(node, *c);
    }
    set_property(tree_, "DataModel", Any(Reference<css::awt::tree::XTreeDataModel>(model.get())));
    Reference<css::awt::tree::XTreeControl> control(tree_, UNO_QUERY_THROW);
    for (const auto& node : to_expand) {
        try {
            control->expandNode(Reference<css::awt::tree::XTreeNode>(node.get()));
        } catch (const Exception&) {
        }
    }
}

void Panel::on_tree_selection() {
    if (!tree_.is() || !table_)
        return;
    Reference<css::view::XSelectionSupplier> s(tree_, UNO_QUERY_THROW);
    Reference<css::awt::tree::XMutableTreeNode> node(s->getSelection(), UNO_QUERY);
    if (!node.is())
        return;
    sal_Int32 row = -1;
    if (node->getDataValue() >>= row)
        select_row(row);
}

void Panel::select_row(sal_Int32 grid_row) {
    Reference<css::view::XSelectionSupplier> supplier(controller_, UNO_QUERY);
    if (!supplier.is() || !table_ || grid_row < 0)
        return;
    const auto& a = table_->address;
    Reference<css::table::XCellRange> range;
    if (transposed_) { // a KPI is a column
        const sal_Int32 column = a.StartColumn + grid_row;
        if (column > a.EndColumn)
            return;
        range = table_->sheet->getCellRangeByPosition(column, a.StartRow, column, a.EndRow);
    } else {
        const sal_Int32 row = a.StartRow + grid_row;
        if (row > a.EndRow)
            return;
        range = table_->sheet->getCellRangeByPosition(a.StartColumn, row, a.EndColumn, row);
    }
    selecting_ = true;
    try {
        supplier->select(Any(range));
    } catch (...) {
        selecting_ = false;
        throw;
    }
    selecting_ = false;
}

} // namespace kpitree::sidebar
