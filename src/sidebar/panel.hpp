// The KPI Tree sidebar panel: finds the tree table at the selection (or the region around the
// cursor), shows it as a tree with each KPI's latest value and status marks, lists the lint
// findings, selects a KPI's row when it is clicked, and inserts the verdict columns.
// Built from UNO AWT controls in a control container, so tests can read what it shows through
// the controls' models. Every UNO entry point catches everything: nothing escapes to the office.
#pragma once

#include "debounce.hpp"
#include "panel_numbers.hpp"
#include "tree_view.hpp"
#include "ui_text.hpp"

#include <com/sun/star/awt/XActionListener.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XItemListener.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/awt/XWindowListener.hpp>
#include <com/sun/star/awt/tree/XTreeControl.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/ui/XSidebarPanel.hpp>
#include <com/sun/star/ui/XToolPanel.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/util/XModifyListener.hpp>
#include <com/sun/star/view/XSelectionChangeListener.hpp>
#include <cppuhelper/implbase8.hxx>
#include <functional>
#include <memory>
#include <optional>
#include <rtl/ref.hxx>
#include <string>
#include <utility>
#include <vector>

namespace kpitree::sidebar {

namespace css = com::sun::star;

class DiagramView;

// Where the tree table is: a sheet and a cell range on it.
struct TableRef {
    css::uno::Reference<css::sheet::XSpreadsheet> sheet;
    css::table::CellRangeAddress address;
};

class Panel
    : public cppu::WeakImplHelper8<css::ui::XToolPanel, css::ui::XSidebarPanel,
                                   css::lang::XComponent, css::view::XSelectionChangeListener,
                                   css::util::XModifyListener, css::awt::XActionListener,
                                   css::awt::XWindowListener, css::awt::XItemListener> {
public:
    Panel(const css::uno::Reference<css::uno::XComponentContext>& context,
          const css::uno::Reference<css::frame::XFrame>& frame,
          const css::uno::Reference<css::awt::XWindow>& parent);
    ~Panel() override;
    // Creates the controls and starts listening. Call once, after construction (the listeners
    // need a counted reference to this object).
    void start();

    // XToolPanel
    css::uno::Reference<css::awt::XWindow> SAL_CALL getWindow() override;
    css::uno::Reference<css::accessibility::XAccessible> SAL_CALL
    createAccessible(const css::uno::Reference<css::accessibility::XAccessible>& parent) override;
    // XSidebarPanel
    css::ui::LayoutSize SAL_CALL getHeightForWidth(sal_Int32 width) override;
    sal_Int32 SAL_CALL getMinimalWidth() override;
    // XComponent
    void SAL_CALL dispose() override;
    void SAL_CALL
    addEventListener(const css::uno::Reference<css::lang::XEventListener>& listener) override;
    void SAL_CALL
    removeEventListener(const css::uno::Reference<css::lang::XEventListener>& listener) override;
    // XSelectionChangeListener: the sheet's selection and the tree control's selection
    void SAL_CALL selectionChanged(const css::lang::EventObject& event) override;
    // XModifyListener: the document's cells
    void SAL_CALL modified(const css::lang::EventObject& event) override;
    // XEventListener
    void SAL_CALL disposing(const css::lang::EventObject& event) override;
    // XActionListener: the insert buttons
    void SAL_CALL actionPerformed(const css::awt::ActionEvent& event) override;
    // XWindowListener: the sidebar resizes the parent window
    void SAL_CALL windowResized(const css::awt::WindowEvent& event) override;
    void SAL_CALL windowMoved(const css::awt::WindowEvent&) override {}
    void SAL_CALL windowShown(const css::lang::EventObject&) override {}
    void SAL_CALL windowHidden(const css::lang::EventObject&) override {}
    // XItemListener: a finding clicked
    void SAL_CALL itemStateChanged(const css::awt::ItemEvent& event) override;
    // The debounced refresh, called on the main thread at once for an edit or selection move
    // after a quiet period, else once they pause (Debouncer).
    void refresh_pending();

private:
    // panel.cpp: the lifecycle
    void attach_to_controller();
    void detach_from_controller();
    std::string_view t(lang::Msg id) const;
    // panel_listeners.cpp: the listeners' work
    void schedule_refresh(bool force);
    // panel_controls.cpp: the controls and their layout
    void create_controls();
    void create_insert_controls();
    void layout();
    sal_Int32 place_periods(sal_Int32 y, sal_Int32 inner);
    std::vector<std::vector<css::uno::Reference<css::awt::XControl>>>
    button_rows(sal_Int32 inner) const;
    sal_Int32 place_row(const std::vector<css::uno::Reference<css::awt::XControl>>& row,
                        sal_Int32 y, sal_Int32 inner);
    sal_Int32 bottom_height(sal_Int32 inner) const;
    css::uno::Reference<css::uno::XInterface> create(const char* service);
    // `setup` sets model properties that must be there before the control gets its window
    // (a list box's Dropdown, say).
    using ModelSetup = std::function<void(const css::uno::Reference<css::beans::XPropertySet>&)>;
    css::uno::Reference<css::awt::XControl> add_control(const char* control_service,
                                                        const char* model_service, const char* name,
                                                        const ModelSetup& setup = {});
    // A push button with its label and tooltip, its action command `name` reaching
    // actionPerformed.
    css::uno::Reference<css::awt::XControl> add_button(const char* name, lang::Msg label);
    void set_property(const css::uno::Reference<css::awt::XControl>& control, const char* name,
                      const css::uno::Any& value);
    // panel_table.cpp: finding the table
    void refresh(bool force);
    std::optional<TableRef> find_table(bool& too_large);
    std::optional<TableRef> region_at(const TableRef& at, bool& too_large);
    std::optional<TableRef> table_of_verdicts(const TableRef& at) const;
    bool emptied_beside_table(const TableRef& at) const;
    void drop_verdict_lines(TableRef& table) const;
    // panel_tree.cpp: showing it
    void show_message(const std::string& message);
    void show_table(const TableRef& table);
    std::vector<std::string> collapsed_names() const;
    void fill_tree(const TreeView& view, const std::vector<std::string>& collapsed,
                   const NumberTexts& texts);
    void remember_rows(const TreeView& view);
    NumberTexts number_texts(CellNumbers& numbers, const TableRef& table, bool transposed) const;
    void select_row(sal_Int32 grid_row);
    void on_tree_selection();
    // panel_findings.cpp: the findings list
    void show_findings(const std::vector<ViewFinding>& findings, bool has_table);
    void on_finding_selected(sal_Int32 index);
    // panel_periods.cpp: the two periods the contribution column and the waterfall compare
    void create_period_controls();
    void fill_periods(const std::vector<std::string>& labels);
    // The chosen periods (0-based; by default the previous and the last), nullopt when the
    // table has fewer than two periods. Sets the status line and returns nullopt when both
    // are the same period.
    std::optional<std::pair<std::size_t, std::size_t>> chosen_periods();
    // panel_insert.cpp: inserting verdict columns
    void insert_column(const std::string& kind);
    // panel_share.cpp: Share as values (a static copy of the verdict lines) and Help
    void share_as_values();
    std::vector<sal_Int32> verdict_lines() const;
    bool has_header_row() const;
    void copy_verdict_line(sal_Int32 from, sal_Int32 to, bool header, const std::string& date);
    void open_help();
    // diagram_sheet.cpp: the diagram and the waterfall chart on the "KPI tree diagram" sheet
    void insert_on_diagram_sheet(bool diagram);
    // The first empty column right of the table (a row below a transposed one), one line of
    // space left; null when the sheet is full.
    css::uno::Reference<css::table::XCellRange>
    free_line_beside(const css::table::CellRangeAddress& a) const;
    void scroll_into_view(const css::table::CellRangeAddress& block);
    // panel_verdict_format.cpp: how an inserted block looks
    void format_verdicts(const css::uno::Reference<css::table::XCellRange>& block,
                         const std::string& kind);

    css::uno::Reference<css::uno::XComponentContext> context_;
    css::uno::Reference<css::frame::XFrame> frame_;
    css::uno::Reference<css::awt::XWindow> parent_;
    css::uno::Reference<css::frame::XController> controller_;
    css::uno::Reference<css::frame::XModel> model_;

    css::uno::Reference<css::awt::XControl> container_;
    css::uno::Reference<css::awt::XControl> status_;
    css::uno::Reference<css::awt::XControl> tree_;
    css::uno::Reference<css::awt::XControl> legend_;
    css::uno::Reference<css::awt::XControl> findings_caption_;
    css::uno::Reference<css::awt::XControl> findings_;
    std::vector<css::uno::Reference<css::awt::XControl>> buttons_;
    css::uno::Reference<css::awt::XControl> periods_caption_, period_from_, period_arrow_,
        period_to_;
    std::vector<std::string> period_labels_; // the labels the period choice was made among
    std::pair<sal_Int16, sal_Int16> period_choice_{-1, -1}; // positions in period_labels_
    bool periods_shown_ = false;                            // the lists hold period_labels_
    css::uno::Reference<css::awt::XControl> help_;          // always enabled, unlike buttons_
    rtl::Reference<DiagramView> diagram_; // the diagram and its toggle to the tree (diagram_view)

    lang::Language language_;
    std::optional<TableRef> table_; // the table shown, if any
    std::size_t periods_ = 0;
    bool transposed_ = false;            // the table shown has one column per KPI
    std::vector<std::string> row_names_; // KPI name by table row, to keep collapsed nodes
    std::optional<std::pair<sal_Int32, sal_Int32>> number_source_; // the KGI's latest value cell
    std::vector<std::string> finding_texts_;                       // the findings shown
    std::vector<std::optional<std::size_t>> finding_rows_;         // the table row of each
    bool selecting_ = false; // we are moving the sheet selection ourselves
    bool pending_force_ = false;
    bool disposed_ = false;
    std::vector<css::uno::Reference<css::lang::XEventListener>> listeners_;
    std::unique_ptr<Debouncer> debouncer_;
};

} // namespace kpitree::sidebar
