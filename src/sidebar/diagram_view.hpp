// The deck's diagram: the tree table drawn as boxes and connectors (diagram_model.hpp, laid out
// by the core's tidy layout) in a UNO AWT child window painted through XGraphics, with its
// controls: a toggle to the panel's list view, zoom (− / Fit / +, or the keys + − 0), scroll
// bars, a KPI picker that is also the diagram's text outline (each item: the box's name, value,
// change and verdict; item data: its tone, colours and box in layout units), an info line for
// the selected box, and the what-if field with its buttons (diagram_scenario.cpp).
//
// Every box shows the KPI's name, its latest value in the latest cell's own number format and
// locale (NumberFormatter on the document's formats), its change against the previous period,
// a status colour (diagram/style.hpp palette) and a sparkline. Clicking a box (or moving to it
// with the arrow keys) selects the KPI's row in the sheet through the panel's callback.
//
// Laid out once per refresh; painting visits only what intersects the window. Every UNO entry
// point catches everything: nothing escapes to the office.
#pragma once

#include "diagram_model.hpp"
#include "ui_text.hpp"

#include <com/sun/star/awt/Rectangle.hpp>
#include <com/sun/star/awt/XActionListener.hpp>
#include <com/sun/star/awt/XAdjustmentListener.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XFocusListener.hpp>
#include <com/sun/star/awt/XFont.hpp>
#include <com/sun/star/awt/XGraphics.hpp>
#include <com/sun/star/awt/XItemListener.hpp>
#include <com/sun/star/awt/XKeyListener.hpp>
#include <com/sun/star/awt/XMouseListener.hpp>
#include <com/sun/star/awt/XMouseMotionListener.hpp>
#include <com/sun/star/awt/XPaintListener.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/util/XNumberFormatter.hpp>
#include <cppuhelper/implbase8.hxx>
#include <functional>
#include <optional>
#include <rtl/ustring.hxx>
#include <string>
#include <vector>

namespace kpitree::sidebar {

namespace css = com::sun::star;

class DiagramView
    : public cppu::WeakImplHelper8<css::awt::XPaintListener, css::awt::XMouseListener,
                                   css::awt::XMouseMotionListener, css::awt::XKeyListener,
                                   css::awt::XActionListener, css::awt::XAdjustmentListener,
                                   css::awt::XItemListener, css::awt::XFocusListener> {
public:
    using SelectRow = std::function<void(sal_Int32 table_row)>;

    // Height the view's controls take besides the diagram itself (for the panel's sizes).
    // (toggle row, horizontal scroll bar, info line, KPI picker, what-if rows)
    static constexpr sal_Int32 chrome_height = 26 + 4 + 14 + 4 + 18 + 4 + 24 + 2 * (4 + 26);
    static constexpr sal_Int32 toggle_height = 26 + 4; // the toggle's row, shown in both modes

    DiagramView(const css::uno::Reference<css::uno::XComponentContext>& context,
                const css::uno::Reference<css::awt::XControlContainer>& container,
                lang::Language language, SelectRow select_row);
    // Creates the window and the controls in the container. Call once after construction.
    void start();
    // Places the toggle and, by mode, the diagram's controls or the panel's list control with
    // its legend (`legend_height` high, below the list; hidden with the diagram) in the area
    // (x, y, width, height) of the panel.
    void place(const css::uno::Reference<css::awt::XControl>& list,
               const css::uno::Reference<css::awt::XControl>& legend, sal_Int32 legend_height,
               sal_Int32 x, sal_Int32 y, sal_Int32 width, sal_Int32 height);
    // Shows the diagram of the tree table read from `address` on `sheet` of the document
    // `model` (deck_diagram: nullopt clears the view).
    void show(std::optional<DeckDiagram> deck,
              const css::uno::Reference<css::sheet::XSpreadsheet>& sheet,
              const css::table::CellRangeAddress& address,
              const css::uno::Reference<css::frame::XModel>& model);
    void clear(); // no table
    void dispose();

    // XPaintListener
    void SAL_CALL windowPaint(const css::awt::PaintEvent& event) override;
    // XMouseListener
    void SAL_CALL mousePressed(const css::awt::MouseEvent& event) override;
    void SAL_CALL mouseReleased(const css::awt::MouseEvent&) override {}
    void SAL_CALL mouseEntered(const css::awt::MouseEvent&) override {}
    void SAL_CALL mouseExited(const css::awt::MouseEvent&) override {}
    // XMouseMotionListener: the box under the pointer as the window's tooltip
    void SAL_CALL mouseMoved(const css::awt::MouseEvent& event) override;
    void SAL_CALL mouseDragged(const css::awt::MouseEvent&) override {}
    // XKeyListener
    void SAL_CALL keyPressed(const css::awt::KeyEvent& event) override;
    void SAL_CALL keyReleased(const css::awt::KeyEvent&) override {}
    // XActionListener: toggle, zoom and what-if buttons
    void SAL_CALL actionPerformed(const css::awt::ActionEvent& event) override;
    // XAdjustmentListener: the scroll bars
    void SAL_CALL adjustmentValueChanged(const css::awt::AdjustmentEvent& event) override;
    // XItemListener: the KPI picker
    void SAL_CALL itemStateChanged(const css::awt::ItemEvent& event) override;
    // XFocusListener
    void SAL_CALL focusGained(const css::awt::FocusEvent& event) override;
    void SAL_CALL focusLost(const css::awt::FocusEvent& event) override;
    // XEventListener
    void SAL_CALL disposing(const css::lang::EventObject&) override {}

private:
    // What a box shows, formatted and measured once per refresh (and per what-if).
    struct BoxText {
        rtl::OUString name; // ellipsized to the box
        rtl::OUString value;
        rtl::OUString change;
        bool scenario = false; // value and change are the what-if's
    };

    // diagram_view.cpp: controls, input, state
    using Setup = std::function<void(const css::uno::Reference<css::beans::XPropertySet>&)>;
    css::uno::Reference<css::awt::XControl> add(const char* control, const char* model,
                                                const char* name, const Setup& setup = {});
    void set(const css::uno::Reference<css::awt::XControl>& control, const char* property,
             const css::uno::Any& value);
    void create_window();
    void create_controls();
    void place_diagram(sal_Int32 x, sal_Int32 y, sal_Int32 width, sal_Int32 height);
    void set_mode(bool diagram);
    void select(std::size_t node, bool scroll_to, bool select_row);
    void on_key(sal_Int16 code);
    void set_zoom(double zoom);
    void fit();
    void update_scrollbars();
    void scroll_into_view(std::size_t node);
    void centre_on(std::size_t node);
    void invalidate();
    void fill_outline();
    rtl::OUString describe(std::size_t node) const;
    void update_info();
    // The info line (one line, cut when longer) and its tooltip.
    void set_info(const rtl::OUString& text, const rtl::OUString& tip);
    std::optional<std::size_t> hit(sal_Int32 x, sal_Int32 y) const;

    // diagram_paint.cpp: formatting, measuring, layout and drawing
    void make_formatter();
    rtl::OUString format_value(std::size_t node, double value) const;
    rtl::OUString format_change(double change) const;
    sal_Int32 format_key(std::size_t node) const;
    void read_format_keys();
    void format_texts();
    void lay_out();
    css::uno::Reference<css::awt::XFont> font(double height, bool bold) const;
    void paint(const css::uno::Reference<css::awt::XGraphics>& g, sal_Int32 width,
               sal_Int32 height);
    void paint_edge(const css::uno::Reference<css::awt::XGraphics>& g,
                    const diagram::Edge& edge) const;
    void paint_box(const css::uno::Reference<css::awt::XGraphics>& g, std::size_t node) const;
    void paint_sparkline(const css::uno::Reference<css::awt::XGraphics>& g, std::size_t node,
                         sal_Int32 x, sal_Int32 y, sal_Int32 w, sal_Int32 h) const;
    sal_Int32 sx(double x) const; // layout -> window pixels
    sal_Int32 sy(double y) const;

    // diagram_scenario.cpp: the what-if
    void try_scenario();
    void reset_scenario();
    void insert_scenario();
    std::optional<Cell> read_input(std::size_t node);
    void show_scenario(const WhatIf& w, std::size_t node);

    std::string_view t(lang::Msg id) const { return lang::text(id, language_); }

    css::uno::Reference<css::uno::XComponentContext> context_;
    css::uno::Reference<css::awt::XControlContainer> container_;
    lang::Language language_;
    SelectRow select_row_;

    css::uno::Reference<css::awt::XWindow> window_; // the painted diagram
    css::uno::Reference<css::awt::XControl> toggle_, zoom_out_, zoom_label_, zoom_in_, fit_;
    css::uno::Reference<css::awt::XControl> hscroll_, vscroll_, info_, picker_;
    css::uno::Reference<css::awt::XControl> input_, try_, reset_, insert_;
    std::vector<css::uno::Reference<css::awt::XControl>> diagram_controls_;
    css::uno::Reference<css::awt::XControl> list_;   // the panel's list view
    css::uno::Reference<css::awt::XControl> legend_; // the list's legend, below it
    sal_Int32 legend_height_ = 0;
    css::awt::Rectangle area_; // where place() put the view

    // The table shown
    std::optional<DeckDiagram> deck_;
    css::uno::Reference<css::sheet::XSpreadsheet> sheet_;
    css::table::CellRangeAddress address_{};
    css::uno::Reference<css::frame::XModel> model_;
    css::uno::Reference<css::util::XNumberFormatter> formatter_;
    sal_Int32 percent_key_ = 0;
    std::vector<sal_Int32> keys_; // per node: the number format of its latest cell
    std::vector<BoxText> texts_;
    diagram::Layout layout_;
    std::optional<WhatIf> scenario_;
    rtl::OUString scenario_input_; // the input the scenario shows, as typed
    std::size_t scenario_node_ = 0;

    // The view
    bool diagram_mode_ = true;
    bool fit_mode_ = true;   // zoom follows the window's width
    bool fit_exact_ = false; // Fit: all of it; else never below a readable size
    bool focused_ = false;
    double zoom_ = 1.0;
    sal_Int32 scroll_x_ = 0, scroll_y_ = 0;
    sal_Int32 width_ = 0, height_ = 0; // the diagram window's size
    std::optional<std::size_t> selected_;
    std::optional<std::size_t> hovered_; // the box whose description is the tooltip
    bool disposed_ = false;
};

} // namespace kpitree::sidebar
