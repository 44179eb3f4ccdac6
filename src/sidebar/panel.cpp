#include "panel.hpp"

#include "convert.hpp"
#include "diagram_view.hpp"
#include "office_locale.hpp"
#include "tree_view.hpp"

#include <algorithm>
#include <chrono>
#include <com/sun/star/accessibility/XAccessible.hpp>
#include <com/sun/star/awt/ActionEvent.hpp>
#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/awt/Rectangle.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/WindowEvent.hpp>
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XCallback.hpp>
#include <com/sun/star/awt/XControlModel.hpp>
#include <com/sun/star/awt/XRequestCallback.hpp>
#include <com/sun/star/awt/XToolkit.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/awt/tree/XMutableTreeDataModel.hpp>
#include <com/sun/star/awt/tree/XMutableTreeNode.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/XArrayFormulaRange.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetCellRange.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/ui/LayoutSize.hpp>
#include <com/sun/star/util/XModifyBroadcaster.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/weakref.hxx>
#include <utility>

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

// Layout in pixels.
constexpr sal_Int32 margin = 6;
constexpr sal_Int32 gap = 4;
constexpr sal_Int32 status_height = 48;
constexpr sal_Int32 legend_height = 64;
constexpr sal_Int32 caption_height = 18;
constexpr sal_Int32 findings_height = 120;
constexpr sal_Int32 button_height = 28;
constexpr sal_Int32 min_tree_height = 120;
constexpr sal_Int32 preferred_tree_height = 360;
// The deck's minimal width: the sidebar applies it when the deck is shown (see getMinimalWidth).
constexpr sal_Int32 minimal_width = 340;
constexpr sal_Int32 bottom_height = gap + legend_height + gap + caption_height + findings_height +
                                    3 * (gap + button_height) + margin;

// A region larger than this is not read as a tree table (a whole sheet of data, say).
constexpr sal_Int32 max_rows = 100000;
constexpr sal_Int32 max_cells = 2000000;
constexpr sal_Int32 last_column = 1023; // Calc 7.4: columns A..AMJ
constexpr sal_Int32 last_row = 1048575; // Calc 7.4: rows 1..1,048,576

constexpr auto quiet_period = std::chrono::milliseconds(400);

bool same_interface(const Reference<XInterface>& a, const Reference<XInterface>& b) {
    return a.is() && b.is() && a == b; // Reference::operator== compares XInterface identity
}

// Sheets compare by index: Calc hands out a new sheet object on every call.
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

std::string column_name(sal_Int32 column) {
    return kpitree::column_name(static_cast<std::size_t>(column));
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

// Text for a fixed text control: VCL reads "~" as a mnemonic marker and "~~" as a tilde.
OUString label_text(std::string_view text) {
    std::string out;
    for (char c : text) {
        out += c;
        if (c == '~')
            out += '~';
    }
    return to_oustring(out);
}

// The data of a cell range as the core's grid.
Grid read_grid(const TableRef& table) {
    const auto& a = table.address;
    Reference<css::sheet::XCellRangeData> data(
        table.sheet->getCellRangeByPosition(a.StartColumn, a.StartRow, a.EndColumn, a.EndRow),
        UNO_QUERY_THROW);
    return uno::to_grid(data->getDataArray());
}

// Runs the panel's debounced refresh on the main thread (posted through AsyncCallback). It holds
// the panel weakly and is owned by the debouncer, so the debouncer's thread never holds the
// panel and the panel is never destroyed on that thread.
class RefreshCallback : public cppu::WeakImplHelper1<css::awt::XCallback> {
public:
    explicit RefreshCallback(Panel* panel) : panel_(static_cast<css::ui::XToolPanel*>(panel)) {}
    void SAL_CALL notify(const Any&) override {
        try {
            Reference<css::ui::XToolPanel> strong(panel_);
            if (auto* panel = dynamic_cast<Panel*>(strong.get()))
                panel->refresh_pending();
        } catch (...) {
        }
    }

private:
    css::uno::WeakReference<css::ui::XToolPanel> panel_;
};

} // namespace

Panel::Panel(const Reference<css::uno::XComponentContext>& context,
             const Reference<css::frame::XFrame>& frame, const Reference<css::awt::XWindow>& parent)
    : context_(context), frame_(frame), parent_(parent),
      language_(lang::language_of(uno::office_locale(context))) {}

Panel::~Panel() {
    if (debouncer_)
        debouncer_->stop();
    if (diagram_.is())
        diagram_->dispose(); // it may outlive the panel: no callback into a destroyed panel
}

std::string_view Panel::t(Msg id) const {
    return lang::text(id, language_);
}

Reference<XInterface> Panel::create(const char* service) {
    return context_->getServiceManager()->createInstanceWithContext(
        OUString::createFromAscii(service), context_);
}

void Panel::set_property(const Reference<css::awt::XControl>& control, const char* name,
                         const Any& value) {
    Reference<css::beans::XPropertySet> props(control->getModel(), UNO_QUERY_THROW);
    props->setPropertyValue(OUString::createFromAscii(name), value);
}

Reference<css::awt::XControl> Panel::add_control(const char* control_service,
                                                 const char* model_service, const char* name) {
    Reference<css::awt::XControl> control(create(control_service), UNO_QUERY_THROW);
    Reference<css::awt::XControlModel> model(create(model_service), UNO_QUERY_THROW);
    control->setModel(model);
    Reference<css::awt::XControlContainer> container(container_, UNO_QUERY_THROW);
    container->addControl(OUString::createFromAscii(name), control);
    return control;
}

void Panel::start() {
    create_controls();
    attach_to_controller();
    Reference<css::awt::XCallback> callback(new RefreshCallback(this));
    Reference<css::awt::XRequestCallback> async = css::awt::AsyncCallback::create(context_);
    debouncer_ = std::make_unique<Debouncer>(quiet_period, [callback, async] {
        try {
            async->addCallback(callback, Any());
        } catch (...) {
        }
    });
    refresh(true);
    layout();
}

void Panel::create_controls() {
    Reference<css::awt::XToolkit> toolkit(css::awt::Toolkit::create(context_), UNO_QUERY_THROW);
    Reference<css::awt::XWindowPeer> parent_peer(parent_, UNO_QUERY_THROW);

    container_.set(create("com.sun.star.awt.UnoControlContainer"), UNO_QUERY_THROW);
    Reference<css::awt::XControlModel> container_model(
        create("com.sun.star.awt.UnoControlContainerModel"), UNO_QUERY_THROW);
    container_->setModel(container_model);
    container_->createPeer(toolkit, parent_peer);

    status_ = add_control("com.sun.star.awt.UnoControlFixedText",
                          "com.sun.star.awt.UnoControlFixedTextModel", "status");
    set_property(status_, "MultiLine", Any(true));

    tree_ = add_control("com.sun.star.awt.tree.TreeControl",
                        "com.sun.star.awt.tree.TreeControlModel", "tree");
    set_property(tree_, "RootDisplayed", Any(false));
    set_property(tree_, "ShowsHandles", Any(true));
    set_property(tree_, "ShowsRootHandles", Any(true));
    set_property(tree_, "Editable", Any(false));
    Reference<css::view::XSelectionSupplier> tree_selection(tree_, UNO_QUERY_THROW);
    tree_selection->addSelectionChangeListener(this);

    legend_ = add_control("com.sun.star.awt.UnoControlFixedText",
                          "com.sun.star.awt.UnoControlFixedTextModel", "legend");
    set_property(legend_, "MultiLine", Any(true));
    set_property(legend_, "Label", Any(label_text(t(Msg::panel_legend))));

    findings_caption_ = add_control("com.sun.star.awt.UnoControlFixedText",
                                    "com.sun.star.awt.UnoControlFixedTextModel", "findingsCaption");
    set_property(findings_caption_, "Label", Any(to_oustring(t(Msg::panel_findings))));

    findings_ = add_control("com.sun.star.awt.UnoControlListBox",
                            "com.sun.star.awt.UnoControlListBoxModel", "findings");
    set_property(findings_, "Dropdown", Any(false));
    set_property(findings_, "HScroll", Any(true));

    const std::pair<const char*, Msg> buttons[] = {{"insertCheck", Msg::panel_insert_check},
                                                   {"insertCausal", Msg::panel_insert_causal},
                                                   {"insertContrib", Msg::panel_insert_contrib}};
    for (const auto& [name, label] : buttons) {
        auto button = add_control("com.sun.star.awt.UnoControlButton",
                                  "com.sun.star.awt.UnoControlButtonModel", name);
        set_property(button, "Label", Any(to_oustring(t(label))));
        Reference<css::awt::XButton> b(button, UNO_QUERY_THROW);
        b->setActionCommand(OUString::createFromAscii(name));
        b->addActionListener(this);
        buttons_.push_back(button);
    }

    diagram_ = new DiagramView(context_,
                               Reference<css::awt::XControlContainer>(container_, UNO_QUERY_THROW),
                               language_, [this](sal_Int32 row) { select_row(row); });
    diagram_->start();

    parent_->addWindowListener(this);
    Reference<css::awt::XWindow> window(container_, UNO_QUERY_THROW);
    window->setVisible(true);
}

void Panel::attach_to_controller() {
    Reference<css::frame::XController> controller = frame_.is() ? frame_->getController() : nullptr;
    if (same_interface(controller, controller_))
        return;
    detach_from_controller();
    controller_ = controller;
    if (!controller_.is())
        return;
    model_ = controller_->getModel();
    if (Reference<css::view::XSelectionSupplier> s{controller_, UNO_QUERY}; s.is())
        s->addSelectionChangeListener(this);
    if (Reference<css::util::XModifyBroadcaster> b{model_, UNO_QUERY}; b.is())
        b->addModifyListener(this);
}

void Panel::detach_from_controller() {
    try {
        if (Reference<css::view::XSelectionSupplier> s{controller_, UNO_QUERY}; s.is())
            s->removeSelectionChangeListener(this);
    } catch (const Exception&) {
    }
    try {
        if (Reference<css::util::XModifyBroadcaster> b{model_, UNO_QUERY}; b.is())
            b->removeModifyListener(this);
    } catch (const Exception&) {
    }
    controller_.clear();
    model_.clear();
    table_.reset();
}

// XToolPanel

Reference<css::awt::XWindow> SAL_CALL Panel::getWindow() {
    return Reference<css::awt::XWindow>(container_, UNO_QUERY);
}

Reference<css::accessibility::XAccessible>
    SAL_CALL Panel::createAccessible(const Reference<css::accessibility::XAccessible>&) {
    try {
        if (container_.is())
            return Reference<css::accessibility::XAccessible>(container_->getPeer(), UNO_QUERY);
    } catch (...) {
    }
    return {};
}

// XSidebarPanel

css::ui::LayoutSize SAL_CALL Panel::getHeightForWidth(sal_Int32) {
    const sal_Int32 fixed =
        margin + status_height + gap + bottom_height + DiagramView::chrome_height;
    return css::ui::LayoutSize(fixed + min_tree_height, 100000, fixed + preferred_tree_height);
}

sal_Int32 SAL_CALL Panel::getMinimalWidth() {
    return minimal_width;
}

// XComponent

void SAL_CALL Panel::dispose() {
    if (disposed_)
        return;
    disposed_ = true;
    try {
        if (debouncer_)
            debouncer_->stop();
        detach_from_controller();
        try {
            if (parent_.is())
                parent_->removeWindowListener(this);
        } catch (const Exception&) {
        }
        for (const auto& button : buttons_) {
            try {
                Reference<css::awt::XButton>(button, UNO_QUERY_THROW)->removeActionListener(this);
            } catch (const Exception&) {
            }
        }
        if (diagram_.is())
            diagram_->dispose();
        if (Reference<css::lang::XComponent> c{container_, UNO_QUERY}; c.is())
            c->dispose();
        const css::lang::EventObject event(static_cast<cppu::OWeakObject*>(this));
        for (const auto& l : std::exchange(listeners_, {})) {
            try {
                l->disposing(event);
            } catch (const Exception&) {
            }
        }
    } catch (...) {
    }
    status_.clear();
    tree_.clear();
    legend_.clear();
    findings_caption_.clear();
    findings_.clear();
    buttons_.clear();
    diagram_.clear();
    container_.clear();
    parent_.clear();
    frame_.clear();
}

void SAL_CALL Panel::addEventListener(const Reference<css::lang::XEventListener>& listener) {
    if (listener.is() && !disposed_)
        listeners_.push_back(listener);
}

void SAL_CALL Panel::removeEventListener(const Reference<css::lang::XEventListener>& listener) {
    listeners_.erase(std::remove(listeners_.begin(), listeners_.end(), listener), listeners_.end());
}

// Listeners

void SAL_CALL Panel::selectionChanged(const css::lang::EventObject& event) {
    try {
        if (disposed_)
            return;
        if (controller_.is() && same_interface(event.Source, controller_)) {
            if (!selecting_)
                schedule_refresh(false);
            return;
        }
        on_tree_selection();
    } catch (...) {
    }
}

void SAL_CALL Panel::modified(const css::lang::EventObject&) {
    try {
        if (!disposed_)
            schedule_refresh(true);
    } catch (...) {
    }
}

void SAL_CALL Panel::disposing(const css::lang::EventObject& event) {
    try {
        if (same_interface(event.Source, model_) || same_interface(event.Source, controller_)) {
            controller_.clear();
            model_.clear();
            table_.reset();
        } else if (same_interface(event.Source, parent_)) {
            dispose();
        }
    } catch (...) {
    }
}

void SAL_CALL Panel::actionPerformed(const css::awt::ActionEvent& event) {
    try {
        if (!disposed_)
            insert_column(to_utf8(event.ActionCommand));
    } catch (...) {
    }
}

void SAL_CALL Panel::windowResized(const css::awt::WindowEvent&) {
    try {
        if (!disposed_)
            layout();
    } catch (...) {
    }
}

void Panel::refresh_pending() {
    try {
        if (!disposed_)
            refresh(std::exchange(pending_force_, false));
    } catch (...) {
    }
}

// The work

void Panel::schedule_refresh(bool force) {
    pending_force_ = pending_force_ || force;
    if (debouncer_)
        debouncer_->poke();
}

void Panel::layout() {
    if (!container_.is() || !parent_.is())
        return;
    const css::awt::Rectangle area = parent_->getPosSize();
    const sal_Int32 width = std::max<sal_Int32>(area.Width, 100);
    const sal_Int32 height =
        std::max<sal_Int32>(area.Height, margin + status_height + gap + min_tree_height +
                                             DiagramView::chrome_height + bottom_height);
    Reference<css::awt::XWindow>(container_, UNO_QUERY_THROW)
        ->setPosSize(0, 0, width, height, css::awt::PosSize::POSSIZE);
    const sal_Int32 inner = width - 2 * margin;
    auto place = [&](const Reference<css::awt::XControl>& c, sal_Int32 y, sal_Int32 h) {
        Reference<css::awt::XWindow>(c, UNO_QUERY_THROW)
            ->setPosSize(margin, y, inner, h, css::awt::PosSize::POSSIZE);
    };
    sal_Int32 y = margin;
    place(status_, y, status_height);
    y += status_height + gap;
    const sal_Int32 tree_height =
        std::max(min_tree_height + DiagramView::chrome_height, height - y - bottom_height);
    diagram_->place(tree_, margin, y, inner, tree_height); // the diagram or the tree
    y += tree_height + gap;
    place(legend_, y, legend_height);
    y += legend_height + gap;
    place(findings_caption_, y, caption_height);
    y += caption_height;
    place(findings_, y, findings_height);
    y += findings_height;
    for (const auto& b : buttons_) {
        y += gap;
        place(b, y, button_height);
        y += button_height;
    }
}

std::optional<TableRef> Panel::find_table(bool& too_large) {
    too_large = false;
    attach_to_controller();
    Reference<css::view::XSelectionSupplier> supplier(controller_, UNO_QUERY);
    Reference<css::sheet::XSpreadsheetView> view(controller_, UNO_QUERY);
    if (!supplier.is() || !view.is())
        return std::nullopt;
    Reference<css::sheet::XCellRangeAddressable> selected(supplier->getSelection(), UNO_QUERY);
    if (!selected.is())
        return std::nullopt; // a shape, several ranges, ...
    TableRef table;
    table.sheet = view->getActiveSheet();
    if (!table.sheet.is())
        return std::nullopt;
    css::table::CellRangeAddress a = selected->getRangeAddress();
    const bool multi = a.StartColumn != a.EndColumn || a.StartRow != a.EndRow;
    if (multi) {
        // A selection inside the table shown (a row we selected, cells the user marks) keeps it.
        if (table_ && contains(table_->address, a))
            return table_;
        // Whole columns or rows: only the used part counts.
        Reference<css::sheet::XSheetCellCursor> cursor = table.sheet->createCursor();
        Reference<css::sheet::XUsedAreaCursor> used(cursor, UNO_QUERY_THROW);
        used->gotoEndOfUsedArea(false);
        const auto end = Reference<css::sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)
                             ->getRangeAddress();
        a.EndColumn = std::min(a.EndColumn, end.EndColumn);
        a.EndRow = std::min(a.EndRow, end.EndRow);
        if (a.EndColumn < a.StartColumn || a.EndRow < a.StartRow)
            return std::nullopt;
    } else {
        Reference<css::sheet::XSheetCellRange> cell(
            table.sheet->getCellRangeByPosition(a.StartColumn, a.StartRow, a.StartColumn,
                                                a.StartRow),
            UNO_QUERY_THROW);
        Reference<css::sheet::XSheetCellCursor> cursor = table.sheet->createCursorByRange(cell);
        cursor->collapseToCurrentRegion();
        a = Reference<css::sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)
                ->getRangeAddress();
    }
    const sal_Int64 rows = sal_Int64(a.EndRow) - a.StartRow + 1;
    const sal_Int64 columns = sal_Int64(a.EndColumn) - a.StartColumn + 1;
    if (rows > max_rows || rows * columns > max_cells) {
        too_large = true;
        return std::nullopt;
    }
    table.address = a;
    return table;
}

void Panel::refresh(bool force) {
    bool too_large = false;
    std::optional<TableRef> found;
    try {
        found = find_table(too_large);
    } catch (const Exception&) {
        found.reset(); // the document is closing, the view is gone, ...
    }
    if (!found) {
        table_.reset();
        show_message(std::string(t(too_large ? Msg::panel_too_large : Msg::panel_no_tree)));
        return;
    }
    if (!force && table_ && same_table(*table_, *found))
        return;
    show_table(*found);
}

void Panel::show_message(const std::string& message) {
    if (!status_.is())
        return;
    set_property(status_, "Label", Any(label_text(message)));
    Reference<css::awt::tree::XMutableTreeDataModel> model(
        create("com.sun.star.awt.tree.MutableTreeDataModel"), UNO_QUERY_THROW);
    model->setRoot(model->createNode(Any(OUString("KPI Tree")), false));
    set_property(tree_, "DataModel", Any(model));
    set_property(findings_, "StringItemList", Any(Sequence<OUString>()));
    for (const auto& b : buttons_)
        set_property(b, "Enabled", Any(false));
    periods_ = 0;
    if (diagram_.is())
        diagram_->clear();
}

void Panel::show_table(const TableRef& table) {
    const Grid grid = read_grid(table);
    const TreeView view = build_view(grid);
    if (!view.is_tree) {
        table_.reset();
        show_message(std::string(t(Msg::panel_no_tree)));
        return;
    }
    const std::vector<std::string> collapsed =
        table_ && same_table(*table_, table) ? collapsed_names() : std::vector<std::string>();
    fill_tree(view, collapsed);
    table_ = table;
    periods_ = view.periods;
    transposed_ = view.transposed;
    row_names_.clear();
    for (const ViewNode& v : view.nodes) {
        if (v.row >= row_names_.size())
            row_names_.resize(v.row + 1);
        row_names_[v.row] = v.name;
    }
    set_property(status_, "Label",
                 Any(label_text(lang::format(t(Msg::panel_table_summary), display_address(table),
                                             std::to_string(view.nodes.size())))));
    set_property(findings_, "StringItemList",
                 Any(view.findings.empty() ? to_sequence({std::string(t(Msg::panel_no_findings))})
                                           : to_sequence(view.findings)));
    for (const auto& b : buttons_)
        set_property(b, "Enabled", Any(true));
    if (diagram_.is())
        diagram_->show(grid, table.sheet, table.address, model_);
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
void Panel::fill_tree(const TreeView& view, const std::vector<std::string>& collapsed) {
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
        auto node = model->createNode(Any(to_oustring(node_label(v))), false);
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

Reference<css::table::XCellRange>
Panel::free_line_beside(const css::table::CellRangeAddress& a) const {
    // One empty column between the table and the first inserted column keeps the table's
    // contiguous region as it is; later columns go to the next column free over the rows. A
    // transposed table (one column per KPI) gets rows below it the same way.
    const sal_Int32 first = transposed_ ? a.EndRow + 2 : a.EndColumn + 2;
    const sal_Int32 last = transposed_ ? last_row : last_column;
    for (sal_Int32 line = first; line <= last; ++line) {
        Reference<css::table::XCellRange> range =
            transposed_
                ? table_->sheet->getCellRangeByPosition(a.StartColumn, line, a.EndColumn, line)
                : table_->sheet->getCellRangeByPosition(line, a.StartRow, line, a.EndRow);
        Reference<css::sheet::XCellRangeData> data(range, UNO_QUERY_THROW);
        const Grid cells = uno::to_grid_as_is(data->getDataArray());
        bool empty = true;
        for (std::size_t r = 0; r < cells.rows() && empty; ++r)
            for (std::size_t c = 0; c < cells.columns() && empty; ++c)
                empty = is_empty(cells.at(r, c));
        if (empty)
            return range;
    }
    return {};
}

void Panel::insert_column(const std::string& kind) {
    if (!table_ || !model_.is())
        return;
    const auto& a = table_->address;
    const std::string range = absolute_address(a);
    std::string formula;
    if (kind == "insertCheck") {
        formula = "=KPI.CHECK(" + range + ")";
    } else if (kind == "insertCausal") {
        formula = "=KPI.CAUSAL(" + range + ")";
    } else if (kind == "insertContrib") {
        if (periods_ < 2) {
            set_property(status_, "Label", Any(label_text(t(Msg::panel_need_two_periods))));
            return;
        }
        formula = "=KPI.CONTRIB(" + range + ";" + std::to_string(periods_ - 1) + ";" +
                  std::to_string(periods_) + ")";
    } else {
        return;
    }

    const auto target_range = free_line_beside(a);
    if (!target_range.is())
        return;
    Reference<css::document::XUndoManager> undo =
        Reference<css::document::XUndoManagerSupplier>(model_, UNO_QUERY_THROW)->getUndoManager();
    undo->enterUndoContext(to_oustring(t(Msg::panel_undo_insert)));
    try {
        Reference<css::sheet::XArrayFormulaRange> target(target_range, UNO_QUERY_THROW);
        target->setArrayFormula(to_oustring(formula));
    } catch (...) {
        undo->leaveUndoContext();
        throw;
    }
    undo->leaveUndoContext();
}

} // namespace kpitree::sidebar
