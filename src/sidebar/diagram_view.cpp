// The diagram view's controls, input and state; painting is in diagram_paint.cpp and the
// what-if in diagram_scenario.cpp.
#include "diagram_view.hpp"

#include "convert.hpp"

#include <algorithm>
#include <cmath>
#include <com/sun/star/awt/AdjustmentEvent.hpp>
#include <com/sun/star/awt/ItemEvent.hpp>
#include <com/sun/star/awt/Key.hpp>
#include <com/sun/star/awt/KeyEvent.hpp>
#include <com/sun/star/awt/MouseButton.hpp>
#include <com/sun/star/awt/MouseEvent.hpp>
#include <com/sun/star/awt/PaintEvent.hpp>
#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/awt/ScrollBarOrientation.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/WindowAttribute.hpp>
#include <com/sun/star/awt/WindowClass.hpp>
#include <com/sun/star/awt/WindowDescriptor.hpp>
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XControlModel.hpp>
#include <com/sun/star/awt/XDevice.hpp>
#include <com/sun/star/awt/XItemList.hpp>
#include <com/sun/star/awt/XLayoutConstrains.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XScrollBar.hpp>
#include <com/sun/star/awt/XToolkit.hpp>
#include <com/sun/star/awt/XVclWindowPeer.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/style/VerticalAlignment.hpp>
#include <utility>

namespace kpitree::sidebar {

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using lang::Msg;
using rtl::OUString;
using uno::to_oustring;

namespace {

constexpr sal_Int32 gap = 4;
constexpr sal_Int32 row_height = 26;
constexpr sal_Int32 scrollbar = 14;
constexpr sal_Int32 info_height = 18; // one line; the whole text is its tooltip
constexpr sal_Int32 picker_height = 24;
constexpr double min_zoom = 0.2;
constexpr double max_zoom = 3.0;
constexpr double readable_zoom = 0.7; // the default fit never goes below this

// Zooms are whole percentages, so the percentage shown is the zoom itself (positions computed
// from it, as tests and tools do, stay exact far down a tall diagram).
double whole_percent(double zoom) {
    return std::max(1.0, std::floor(zoom * 100 + 1e-9)) / 100;
}

Msg tone_message(diagram::Tone tone) {
    switch (tone) {
    case diagram::Tone::holds:
        return Msg::diagram_tone_holds;
    case diagram::Tone::mismatch:
        return Msg::diagram_tone_mismatch;
    case diagram::Tone::supported:
        return Msg::diagram_tone_supported;
    case diagram::Tone::unsupported:
        return Msg::diagram_tone_unsupported;
    case diagram::Tone::untestable:
        return Msg::diagram_tone_untestable;
    case diagram::Tone::error:
        return Msg::diagram_tone_error;
    case diagram::Tone::plain:
        break;
    }
    return Msg::diagram_tone_plain;
}

void place_window(const Reference<css::awt::XControl>& c, sal_Int32 x, sal_Int32 y, sal_Int32 w,
                  sal_Int32 h) {
    Reference<css::awt::XWindow>(c, UNO_QUERY_THROW)
        ->setPosSize(x, y, std::max<sal_Int32>(w, 1), std::max<sal_Int32>(h, 1),
                     css::awt::PosSize::POSSIZE);
}

// XVclWindowPeer::setProperty is marked deprecated in the IDL, yet it is the one way UNO AWT
// gives a plain window a background, a tab stop and an accessible name (VCLXWindow::setProperty).
void set_peer_property(const Reference<css::awt::XWindow>& window, const char* name,
                       const Any& value) {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    Reference<css::awt::XVclWindowPeer>(window, UNO_QUERY_THROW)
        ->setProperty(OUString::createFromAscii(name), value);
#pragma GCC diagnostic pop
}

bool same(const Reference<css::uno::XInterface>& a, const Reference<css::awt::XControl>& b) {
    return a.is() && a == Reference<css::uno::XInterface>(b, UNO_QUERY);
}

// The width a control needs to show all of its text (its minimum size), 0 if unknown.
sal_Int32 needed_width(const Reference<css::awt::XControl>& control) {
    Reference<css::awt::XLayoutConstrains> c(control, UNO_QUERY);
    return c.is() ? c->getMinimumSize().Width : 0;
}

void show_window(const Reference<css::awt::XControl>& c, bool visible) {
    Reference<css::awt::XWindow>(c, UNO_QUERY_THROW)->setVisible(visible);
}

} // namespace

DiagramView::DiagramView(const Reference<css::uno::XComponentContext>& context,
                         const Reference<css::awt::XControlContainer>& container,
                         lang::Language language, SelectRow select_row)
    : context_(context), container_(container), language_(language),
      select_row_(std::move(select_row)) {}

Reference<css::awt::XControl> DiagramView::add(const char* control, const char* model,
                                               const char* name, const Setup& setup) {
    auto factory = context_->getServiceManager();
    Reference<css::awt::XControl> c(
        factory->createInstanceWithContext(OUString::createFromAscii(control), context_),
        UNO_QUERY_THROW);
    Reference<css::awt::XControlModel> m(
        factory->createInstanceWithContext(OUString::createFromAscii(model), context_),
        UNO_QUERY_THROW);
    if (setup) // before the peer exists: a list box is a dropdown only if created as one
        setup(Reference<css::beans::XPropertySet>(m, UNO_QUERY_THROW));
    c->setModel(m);
    container_->addControl(OUString::createFromAscii(name), c);
    return c;
}

void DiagramView::set(const Reference<css::awt::XControl>& control, const char* property,
                      const Any& value) {
    Reference<css::beans::XPropertySet>(control->getModel(), UNO_QUERY_THROW)
        ->setPropertyValue(OUString::createFromAscii(property), value);
}

void DiagramView::start() {
    create_window();
    create_controls();
    set_mode(true);
}

void DiagramView::create_window() {
    Reference<css::awt::XToolkit> toolkit(css::awt::Toolkit::create(context_), UNO_QUERY_THROW);
    css::awt::WindowDescriptor d;
    d.Type = css::awt::WindowClass_SIMPLE;
    d.WindowServiceName = "window";
    d.Parent = Reference<css::awt::XControl>(container_, UNO_QUERY_THROW)->getPeer();
    d.ParentIndex = -1;
    d.Bounds = css::awt::Rectangle(0, 0, 100, 100);
    d.WindowAttributes = 0;
    window_.set(toolkit->createWindow(d), UNO_QUERY_THROW);
    set_peer_property(window_, "BackgroundColor", Any(sal_Int32(0xFFFFFF)));
    set_peer_property(window_, "Tabstop", Any(true));
    set_peer_property(window_, "AccessibleName", Any(to_oustring(t(Msg::diagram_name))));
    set_peer_property(window_, "HelpText", Any(to_oustring(t(Msg::diagram_hint))));
    window_->addPaintListener(this);
    window_->addMouseListener(this);
    window_->addMouseMotionListener(this);
    window_->addKeyListener(this);
    window_->addFocusListener(this);
}

void DiagramView::create_controls() {
    auto button = [&](const char* name, std::string_view label) {
        auto b = add("com.sun.star.awt.UnoControlButton", "com.sun.star.awt.UnoControlButtonModel",
                     name);
        set(b, "Label", Any(to_oustring(label)));
        Reference<css::awt::XButton> x(b, UNO_QUERY_THROW);
        x->setActionCommand(OUString::createFromAscii(name));
        x->addActionListener(this);
        return b;
    };
    toggle_ = button("diagramToggle", t(Msg::diagram_show_list));
    zoom_out_ = button("diagramZoomOut", "\xE2\x88\x92"); // −
    zoom_label_ = add("com.sun.star.awt.UnoControlFixedText",
                      "com.sun.star.awt.UnoControlFixedTextModel", "diagramZoom");
    set(zoom_label_, "Align", Any(sal_Int16(1)));
    set(zoom_label_, "VerticalAlign", Any(css::style::VerticalAlignment_MIDDLE));
    zoom_in_ = button("diagramZoomIn", "+");
    fit_ = button("diagramFit", t(Msg::diagram_fit));
    auto scroll = [&](const char* name, sal_Int32 orientation) {
        auto s = add("com.sun.star.awt.UnoControlScrollBar",
                     "com.sun.star.awt.UnoControlScrollBarModel", name);
        set(s, "Orientation", Any(orientation));
        set(s, "LineIncrement", Any(sal_Int32(24)));
        Reference<css::awt::XScrollBar>(s, UNO_QUERY_THROW)->addAdjustmentListener(this);
        return s;
    };
    hscroll_ = scroll("diagramHScroll", css::awt::ScrollBarOrientation::HORIZONTAL);
    vscroll_ = scroll("diagramVScroll", css::awt::ScrollBarOrientation::VERTICAL);
    info_ = add("com.sun.star.awt.UnoControlFixedText", "com.sun.star.awt.UnoControlFixedTextModel",
                "diagramInfo");
    set(info_, "MultiLine", Any(false)); // cut with "…"; the tooltip has all of it
    picker_ = add("com.sun.star.awt.UnoControlListBox", "com.sun.star.awt.UnoControlListBoxModel",
                  "diagramKpi", [](const Reference<css::beans::XPropertySet>& m) {
                      m->setPropertyValue("Dropdown", Any(true));
                      m->setPropertyValue("LineCount", Any(sal_Int16(14)));
                  });
    Reference<css::awt::XListBox>(picker_, UNO_QUERY_THROW)->addItemListener(this);
    input_ = add("com.sun.star.awt.UnoControlEdit", "com.sun.star.awt.UnoControlEditModel",
                 "whatifValue");
    set(input_, "HelpText", Any(to_oustring(t(Msg::diagram_whatif_caption))));
    try_ = button("whatifTry", t(Msg::diagram_whatif_try));
    reset_ = button("whatifReset", t(Msg::diagram_whatif_reset));
    insert_ = button("whatifInsert", t(Msg::diagram_whatif_insert));
    diagram_controls_ = {zoom_out_, zoom_label_, zoom_in_, fit_, hscroll_, vscroll_,
                         info_,     picker_,     input_,   try_, reset_,   insert_};
    update_info();
}

void DiagramView::place(const Reference<css::awt::XControl>& list,
                        const Reference<css::awt::XControl>& legend, sal_Int32 legend_height,
                        sal_Int32 x, sal_Int32 y, sal_Int32 width, sal_Int32 height) {
    if (disposed_ || !toggle_.is())
        return;
    list_ = list;
    legend_ = legend;
    legend_height_ = legend_height;
    area_ = css::awt::Rectangle(x, y, width, height);
    // The toggle, − zoom% +, Fit as wide as its label needs (at least 68 px), the toggle the rest.
    const sal_Int32 zoom_w = 34;
    const sal_Int32 fit_w = std::max<sal_Int32>(needed_width(fit_), 68);
    const sal_Int32 toggle_w = std::max<sal_Int32>(width - 3 * zoom_w - 6 - 4 * gap - fit_w, 80);
    place_window(toggle_, x, y, toggle_w, row_height);
    sal_Int32 cx = x + toggle_w + gap;
    for (const auto& c : {zoom_out_, zoom_label_, zoom_in_}) {
        place_window(c, cx, y, zoom_w + (c == zoom_label_ ? 6 : 0), row_height);
        cx += zoom_w + (c == zoom_label_ ? 6 : 0) + gap;
    }
    place_window(fit_, cx, y, std::max<sal_Int32>(x + width - cx, 30), row_height);
    const sal_Int32 top = y + toggle_height;
    const sal_Int32 rest = std::max<sal_Int32>(height - toggle_height, 40);
    const sal_Int32 list_h =
        std::max<sal_Int32>(rest - (legend.is() ? gap + legend_height : 0), 40);
    if (list.is()) {
        place_window(list, x, top, width, list_h);
        show_window(list, !diagram_mode_);
    }
    if (legend.is()) { // the marks it explains are the list's
        place_window(legend, x, top + list_h + gap, width, legend_height);
        show_window(legend, !diagram_mode_);
    }
    if (diagram_mode_)
        place_diagram(x, top, width, rest);
}

void DiagramView::place_diagram(sal_Int32 x, sal_Int32 y, sal_Int32 width, sal_Int32 height) {
    const sal_Int32 below = gap + info_height + gap + picker_height + 2 * (gap + row_height);
    const sal_Int32 h = std::max<sal_Int32>(height - below - scrollbar, 40);
    width_ = std::max<sal_Int32>(width - scrollbar, 40);
    height_ = h;
    window_->setPosSize(x, y, width_, height_, css::awt::PosSize::POSSIZE);
    place_window(vscroll_, x + width_, y, scrollbar, h);
    place_window(hscroll_, x, y + h, width_, scrollbar);
    sal_Int32 cy = y + h + scrollbar + gap;
    place_window(info_, x, cy, width, info_height);
    cy += info_height + gap;
    place_window(picker_, x, cy, width, picker_height);
    cy += picker_height + gap;
    const sal_Int32 input_w = std::max<sal_Int32>(width / 3, 50);
    const sal_Int32 button_w = (width - input_w - 2 * gap) / 2;
    place_window(input_, x, cy, input_w, row_height);
    place_window(try_, x + input_w + gap, cy, button_w, row_height);
    place_window(reset_, x + input_w + 2 * gap + button_w, cy, width - input_w - 2 * gap - button_w,
                 row_height);
    place_window(insert_, x, cy + row_height + gap, width, row_height);
    if (fit_mode_)
        fit();
    update_scrollbars();
    invalidate();
}

void DiagramView::set_mode(bool diagram) {
    diagram_mode_ = diagram;
    set(toggle_, "Label",
        Any(to_oustring(t(diagram ? Msg::diagram_show_list : Msg::diagram_show_diagram))));
    window_->setVisible(diagram);
    for (const auto& c : diagram_controls_)
        show_window(c, diagram);
}

void DiagramView::show(std::optional<DeckDiagram> deck,
                       const Reference<css::sheet::XSpreadsheet>& sheet,
                       const css::table::CellRangeAddress& address,
                       const Reference<css::frame::XModel>& model) {
    std::optional<std::string> selected_name, scenario_name;
    if (deck_ && selected_)
        selected_name = deck_->tree.nodes[*selected_].name;
    if (deck_ && scenario_)
        scenario_name = deck_->tree.nodes[scenario_node_].name;
    deck_ = std::move(deck);
    if (!deck_) {
        clear();
        return;
    }
    sheet_ = sheet;
    address_ = address;
    model_ = model;
    selected_.reset();
    scenario_.reset();
    make_formatter();
    read_format_keys();
    if (scenario_name)
        if (auto n = deck_->tree.find(*scenario_name))
            if (auto cell = read_input(*n); cell)
                if (WhatIf w = what_if(*deck_, *n, *cell); w.error.empty())
                    scenario_ = std::move(w), scenario_node_ = *n;
    format_texts();
    lay_out();
    fill_outline();
    hovered_.reset();
    if (selected_name)
        if (auto n = deck_->tree.find(*selected_name))
            select(*n, false, false);
    if (fit_mode_)
        fit(); // centres the selected box, or the first KGI
    else if (!selected_name)
        centre_on(deck_->order.front());
    update_scrollbars();
    update_info();
    invalidate();
}

void DiagramView::clear() {
    deck_.reset();
    scenario_.reset();
    selected_.reset();
    texts_.clear();
    keys_.clear();
    layout_ = {};
    sheet_.clear();
    model_.clear();
    if (picker_.is())
        set(picker_, "StringItemList", Any(Sequence<OUString>()));
    update_scrollbars();
    update_info();
    invalidate();
}

void DiagramView::dispose() {
    if (disposed_)
        return;
    disposed_ = true;
    select_row_ = nullptr;
    try {
        if (window_.is()) {
            window_->removePaintListener(this);
            window_->removeMouseListener(this);
            window_->removeMouseMotionListener(this);
            window_->removeKeyListener(this);
            window_->removeFocusListener(this);
            Reference<css::lang::XComponent>(window_, UNO_QUERY_THROW)->dispose();
        }
    } catch (...) {
    }
    window_.clear();
    diagram_controls_.clear();
    list_.clear();
    legend_.clear();
    deck_.reset();
    formatter_.clear();
    model_.clear();
    sheet_.clear();
    container_.clear();
}

// Selection and the outline

void DiagramView::select(std::size_t node, bool scroll_to, bool select_row) {
    if (!deck_ || node >= deck_->diagram.nodes.size())
        return;
    selected_ = node;
    Reference<css::awt::XListBox>(picker_, UNO_QUERY_THROW)
        ->selectItemPos(static_cast<sal_Int16>(std::min<std::size_t>(deck_->position[node], 32767)),
                        true);
    set_peer_property(window_, "AccessibleName",
                      Any(OUString(to_oustring(t(Msg::diagram_name)) + ": " + describe(node))));
    if (scroll_to)
        scroll_into_view(node);
    update_info();
    invalidate();
    if (select_row && select_row_)
        select_row_(static_cast<sal_Int32>(deck_->diagram.nodes[node].row));
}

OUString DiagramView::describe(std::size_t node) const {
    const auto& n = deck_->diagram.nodes[node];
    const BoxText& text = texts_[node];
    OUString out = to_oustring(n.name) + to_oustring(" \u2014 ") +
                   (text.value.isEmpty() ? to_oustring("\u2013") : text.value);
    if (!text.change.isEmpty())
        out += to_oustring(" \u2014 ") + text.change;
    out += to_oustring(" \u2014 ") + to_oustring(t(tone_message(n.box)));
    if (n.connector != diagram::Tone::plain)
        out += to_oustring(" \u2014 ") + to_oustring(n.link) + " " +
               to_oustring(t(tone_message(n.connector)));
    return out;
}

// The KPI picker lists the boxes in reading order, indented by depth; each item's data says
// what the box shows: tone, fill, border, connector tone, the box in layout units, the row.
void DiagramView::fill_outline() {
    const auto& d = *deck_;
    Sequence<OUString> items(static_cast<sal_Int32>(d.order.size()));
    OUString* p = items.getArray();
    for (std::size_t i : d.order) {
        std::size_t depth = 0;
        for (auto up = d.parents[i]; up && depth < 64; up = d.parents[*up])
            ++depth;
        *p++ = OUString(to_oustring(std::string(2 * depth, ' '))) + describe(i);
    }
    set(picker_, "StringItemList", Any(items));
    Reference<css::awt::XItemList> list(picker_->getModel(), UNO_QUERY_THROW);
    for (std::size_t k = 0; k < d.order.size(); ++k) {
        const std::size_t i = d.order[k];
        const auto& n = d.diagram.nodes[i];
        const auto& b = layout_.boxes[i];
        const auto colours = diagram::palette(n.box);
        const Any values[] = {Any(to_oustring(tone_name(n.box))),
                              Any(to_oustring(hex_colour(colours.fill))),
                              Any(to_oustring(hex_colour(colours.line))),
                              Any(to_oustring(tone_name(n.connector))),
                              Any(b.x),
                              Any(b.y),
                              Any(b.width),
                              Any(b.height),
                              Any(static_cast<sal_Int32>(n.row))};
        const Sequence<Any> data(values, static_cast<sal_Int32>(std::size(values)));
        list->setItemData(static_cast<sal_Int32>(k), Any(data));
    }
}

void DiagramView::update_info() {
    if (!info_.is())
        return;
    OUString text;
    if (deck_ && scenario_) {
        const std::size_t top = top_of(*deck_, scenario_node_);
        const auto& kgi = deck_->diagram.nodes[top];
        OUString result = to_oustring("\u2013");
        if (scenario_->value[top] && kgi.latest) {
            result = format_value(top, *kgi.latest) + to_oustring(" \u2192 ") +
                     format_value(top, *scenario_->value[top]);
            if (*kgi.latest != 0)
                result += " (" + format_change(*scenario_->value[top] / *kgi.latest - 1) + ")";
        } else if (!scenario_->status[top].empty()) {
            result = to_oustring(scenario_->status[top]);
        }
        // The selected box's description is the picker's text below.
        text = to_oustring(
            lang::format(t(Msg::diagram_whatif_result), kgi.name, uno::to_utf8(result)));
    } else if (deck_ && selected_) {
        text = describe(*selected_);
    } else {
        return set_info(to_oustring(t(Msg::diagram_hint_short)), to_oustring(t(Msg::diagram_hint)));
    }
    set_info(text, text);
}

void DiagramView::set_info(const OUString& text, const OUString& tip) {
    set(info_, "Label", Any(text.replaceAll("~", "~~")));
    set(info_, "HelpText", Any(tip));
}

// The view: zoom, scroll, hit testing

void DiagramView::set_zoom(double zoom) {
    fit_mode_ = false;
    const double old = zoom_;
    zoom_ = whole_percent(std::clamp(zoom, min_zoom, max_zoom));
    scroll_x_ = static_cast<sal_Int32>(
        std::lround((scroll_x_ + width_ / 2.0) * zoom_ / old - width_ / 2.0));
    scroll_y_ = static_cast<sal_Int32>(
        std::lround((scroll_y_ + height_ / 2.0) * zoom_ / old - height_ / 2.0));
    update_scrollbars();
    invalidate();
}

// Fit to the window's width: Fit exactly, or by default never below a readable size (the rest
// scrolls).
void DiagramView::fit() {
    if (layout_.width <= 0 || width_ <= 0)
        return;
    const double exact = (width_ - 16.0) / layout_.width;
    zoom_ = whole_percent(fit_exact_ ? std::clamp(exact, min_zoom, 1.5)
                                     : std::clamp(exact, readable_zoom, 1.0));
    if (deck_ && !deck_->order.empty())
        centre_on(selected_ ? *selected_ : deck_->order.front());
}

void DiagramView::update_scrollbars() {
    if (!hscroll_.is())
        return;
    const auto content_w = static_cast<sal_Int32>(std::ceil(layout_.width * zoom_)) + 16;
    const auto content_h = static_cast<sal_Int32>(std::ceil(layout_.height * zoom_)) + 16;
    scroll_x_ = std::clamp<sal_Int32>(scroll_x_, 0, std::max<sal_Int32>(content_w - width_, 0));
    scroll_y_ = std::clamp<sal_Int32>(scroll_y_, 0, std::max<sal_Int32>(content_h - height_, 0));
    auto apply = [&](const Reference<css::awt::XControl>& bar, sal_Int32 content, sal_Int32 view,
                     sal_Int32 value) {
        set(bar, "ScrollValueMax", Any(std::max(content, view)));
        set(bar, "VisibleSize", Any(view));
        set(bar, "BlockIncrement", Any(std::max<sal_Int32>(view - 24, 24)));
        set(bar, "ScrollValue", Any(value));
    };
    apply(hscroll_, content_w, width_, scroll_x_);
    apply(vscroll_, content_h, height_, scroll_y_);
    set(zoom_label_, "Label",
        Any(OUString(OUString::number(static_cast<sal_Int32>(std::lround(zoom_ * 100))) + "%")));
}

void DiagramView::scroll_into_view(std::size_t node) {
    const auto& b = layout_.boxes[node];
    const sal_Int32 x0 = sx(b.x) - 8, x1 = sx(b.x + b.width) + 8;
    const sal_Int32 y0 = sy(b.y) - 8, y1 = sy(b.y + b.height) + 8;
    if (x0 < 0)
        scroll_x_ += x0;
    else if (x1 > width_)
        scroll_x_ += std::min(x1 - width_, x0);
    if (y0 < 0)
        scroll_y_ += y0;
    else if (y1 > height_)
        scroll_y_ += std::min(y1 - height_, y0);
    update_scrollbars();
}

// Scrolls so the box is in the middle of the window (as far as the scroll range allows).
void DiagramView::centre_on(std::size_t node) {
    if (width_ <= 0 || height_ <= 0 || node >= layout_.boxes.size())
        return;
    const auto& b = layout_.boxes[node];
    scroll_x_ = static_cast<sal_Int32>(std::lround(8 + (b.x + b.width / 2) * zoom_)) - width_ / 2;
    scroll_y_ = static_cast<sal_Int32>(std::lround(8 + (b.y + b.height / 2) * zoom_)) - height_ / 2;
    update_scrollbars();
}

void DiagramView::invalidate() {
    if (Reference<css::awt::XWindowPeer> peer{window_, UNO_QUERY}; peer.is())
        peer->invalidate(0);
}

std::optional<std::size_t> DiagramView::hit(sal_Int32 x, sal_Int32 y) const {
    if (!deck_ || zoom_ <= 0)
        return std::nullopt;
    const double lx = (x + scroll_x_ - 8) / zoom_;
    const double ly = (y + scroll_y_ - 8) / zoom_;
    for (std::size_t i = 0; i < layout_.boxes.size(); ++i) {
        const auto& b = layout_.boxes[i];
        if (lx >= b.x && lx <= b.x + b.width && ly >= b.y && ly <= b.y + b.height)
            return i;
    }
    return std::nullopt;
}

// Listeners

void SAL_CALL DiagramView::windowPaint(const css::awt::PaintEvent&) {
    try {
        if (disposed_ || !window_.is())
            return;
        Reference<css::awt::XDevice> device(window_, UNO_QUERY_THROW);
        const auto size = window_->getPosSize();
        paint(device->createGraphics(), size.Width, size.Height);
    } catch (...) {
    }
}

void SAL_CALL DiagramView::mousePressed(const css::awt::MouseEvent& event) {
    try {
        if (disposed_)
            return;
        window_->setFocus();
        if (event.Buttons != css::awt::MouseButton::LEFT)
            return;
        if (auto node = hit(event.X, event.Y))
            select(*node, false, true);
    } catch (...) {
    }
}

void SAL_CALL DiagramView::mouseMoved(const css::awt::MouseEvent& event) {
    try {
        if (disposed_ || !deck_)
            return;
        const auto node = hit(event.X, event.Y);
        if (node == hovered_)
            return;
        hovered_ = node;
        set_peer_property(window_, "HelpText",
                          Any(node ? describe(*node) : to_oustring(t(Msg::diagram_hint))));
    } catch (...) {
    }
}

void SAL_CALL DiagramView::keyPressed(const css::awt::KeyEvent& event) {
    try {
        if (!disposed_)
            on_key(event.KeyCode);
    } catch (...) {
    }
}

void DiagramView::on_key(sal_Int16 code) {
    namespace Key = css::awt::Key;
    if (code == Key::ADD)
        return set_zoom(zoom_ * 1.25);
    if (code == Key::SUBTRACT)
        return set_zoom(zoom_ / 1.25);
    if (code == Key::NUM0) {
        fit_mode_ = fit_exact_ = true;
        fit();
        return invalidate();
    }
    if (!deck_ || deck_->order.empty())
        return;
    if (!selected_)
        return select(deck_->order.front(), true, true);
    std::optional<Move> how;
    switch (code) {
    case Key::UP:
        how = Move::previous;
        break;
    case Key::DOWN:
        how = Move::next;
        break;
    case Key::LEFT:
        how = Move::parent;
        break;
    case Key::RIGHT:
        how = Move::child;
        break;
    case Key::HOME:
        how = Move::first;
        break;
    case Key::END:
        how = Move::last;
        break;
    default:
        return;
    }
    select(move(*deck_, *selected_, *how), true, true);
}

void SAL_CALL DiagramView::actionPerformed(const css::awt::ActionEvent& event) {
    try {
        if (disposed_)
            return;
        const OUString& c = event.ActionCommand;
        if (c == "diagramToggle") {
            set_mode(!diagram_mode_);
            place(list_, legend_, legend_height_, area_.X, area_.Y, area_.Width, area_.Height);
        } else if (c == "diagramZoomIn") {
            set_zoom(zoom_ * 1.25);
        } else if (c == "diagramZoomOut") {
            set_zoom(zoom_ / 1.25);
        } else if (c == "diagramFit") {
            fit_mode_ = fit_exact_ = true;
            fit();
            invalidate();
        } else if (c == "whatifTry") {
            try_scenario();
        } else if (c == "whatifReset") {
            reset_scenario();
        } else if (c == "whatifInsert") {
            insert_scenario();
        }
    } catch (...) {
    }
}

void SAL_CALL DiagramView::adjustmentValueChanged(const css::awt::AdjustmentEvent& event) {
    try {
        if (disposed_)
            return;
        if (same(event.Source, hscroll_))
            scroll_x_ = event.Value;
        else
            scroll_y_ = event.Value;
        invalidate();
    } catch (...) {
    }
}

void SAL_CALL DiagramView::itemStateChanged(const css::awt::ItemEvent& event) {
    try {
        if (disposed_ || !deck_ || event.Selected < 0)
            return;
        const auto k = static_cast<std::size_t>(event.Selected);
        if (k < deck_->order.size())
            select(deck_->order[k], true, true);
    } catch (...) {
    }
}

void SAL_CALL DiagramView::focusGained(const css::awt::FocusEvent&) {
    try {
        focused_ = true;
        invalidate();
    } catch (...) {
    }
}

void SAL_CALL DiagramView::focusLost(const css::awt::FocusEvent&) {
    try {
        focused_ = false;
        invalidate();
    } catch (...) {
    }
}

} // namespace kpitree::sidebar
