// The panel's controls: creating them in a control container and laying them out.
#include "convert.hpp"
#include "diagram_view.hpp"
#include "panel.hpp"
#include "panel_support.hpp"

#include <algorithm>
#include <com/sun/star/awt/PosSize.hpp>
#include <com/sun/star/awt/Rectangle.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XControlModel.hpp>
#include <com/sun/star/awt/XLayoutConstrains.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XToolkit.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/ui/LayoutSize.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <optional>
#include <utility>
#include <vector>

namespace kpitree::sidebar {

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using css::uno::XInterface;
using lang::Msg;
using rtl::OUString;
using uno::to_oustring;

namespace {

// Layout in pixels. The diagram (or the list) gets what the rest leaves of the deck's height.
constexpr sal_Int32 margin = 6;
constexpr sal_Int32 gap = 4;
constexpr sal_Int32 status_height = 48;
constexpr sal_Int32 legend_height = 48; // three lines, below the list (hidden with the diagram)
constexpr sal_Int32 caption_height = 18;
constexpr sal_Int32 findings_height = 88; // four lines and the scroll bar; the rest scrolls
constexpr sal_Int32 button_height = 28;
constexpr sal_Int32 button_count = 6;
constexpr sal_Int32 arrow_width = 24; // between the two period lists
constexpr sal_Int32 period_height = gap + caption_height + button_height; // caption, lists
constexpr sal_Int32 min_tree_height = 160; // the diagram window's (or the list's) minimum
constexpr sal_Int32 preferred_tree_height = 400;
// The deck's minimal width: the sidebar applies it when the deck is shown (see getMinimalWidth).
constexpr sal_Int32 minimal_width = 340;
// Help alone in a row: right-aligned, this wide.
constexpr sal_Int32 help_width = 100;

// The buttons, in order: two per row when both labels fit in half the width, else one per row
// (Help alone stays at the right). Their action command and label. The period choice comes
// before the buttons that compare two periods (the contribution column, the waterfall chart,
// also drawn with the diagram).
constexpr std::size_t first_comparing_button = 2;
const std::pair<const char*, Msg> buttons[button_count] = {
    {"insertCheck", Msg::panel_insert_check},         {"insertCausal", Msg::panel_insert_causal},
    {"insertContrib", Msg::panel_insert_contrib},     {"insertDiagram", Msg::panel_insert_diagram},
    {"insertWaterfall", Msg::panel_insert_waterfall}, {"shareValues", Msg::panel_share_values}};

// The width a control needs to show all of its text (its minimum size), 0 if unknown.
sal_Int32 needed_width(const Reference<css::awt::XControl>& control) {
    Reference<css::awt::XLayoutConstrains> c(control, css::uno::UNO_QUERY);
    return c.is() ? c->getMinimumSize().Width : 0;
}

void put(const Reference<css::awt::XControl>& c, sal_Int32 x, sal_Int32 y, sal_Int32 w,
         sal_Int32 h) {
    Reference<css::awt::XWindow>(c, UNO_QUERY_THROW)
        ->setPosSize(x, y, w, h, css::awt::PosSize::POSSIZE);
}

std::optional<Msg> tooltip_of(Msg label) {
    if (label == Msg::panel_insert_diagram)
        return Msg::panel_insert_diagram_tip;
    if (label == Msg::panel_insert_waterfall)
        return Msg::panel_insert_waterfall_tip;
    if (label == Msg::panel_share_values)
        return Msg::panel_share_values_tip;
    if (label == Msg::panel_help)
        return Msg::panel_help_tip;
    return std::nullopt;
}

} // namespace

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
                                                 const char* model_service, const char* name,
                                                 const ModelSetup& setup) {
    Reference<css::awt::XControl> control(create(control_service), UNO_QUERY_THROW);
    Reference<css::awt::XControlModel> model(create(model_service), UNO_QUERY_THROW);
    if (setup)
        setup(Reference<css::beans::XPropertySet>(model, UNO_QUERY_THROW));
    control->setModel(model);
    Reference<css::awt::XControlContainer> container(container_, UNO_QUERY_THROW);
    container->addControl(OUString::createFromAscii(name), control);
    return control;
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
    Reference<css::awt::XListBox>(findings_, UNO_QUERY_THROW)->addItemListener(this);

    create_insert_controls();

    diagram_ = new DiagramView(context_,
                               Reference<css::awt::XControlContainer>(container_, UNO_QUERY_THROW),
                               language_, [this](sal_Int32 row) { select_row(row); });
    diagram_->start();

    parent_->addWindowListener(this);
    Reference<css::awt::XWindow> window(container_, UNO_QUERY_THROW);
    window->setVisible(true);
}

// The insert buttons and the period lists, top to bottom (so also in the tab order), then Help.
void Panel::create_insert_controls() {
    for (const auto& [name, label] : buttons) {
        if (buttons_.size() == first_comparing_button)
            create_period_controls();
        buttons_.push_back(add_button(name, label));
    }
    help_ = add_button("help", Msg::panel_help);
}

Reference<css::awt::XControl> Panel::add_button(const char* name, Msg label) {
    auto button = add_control("com.sun.star.awt.UnoControlButton",
                              "com.sun.star.awt.UnoControlButtonModel", name);
    set_property(button, "Label", Any(to_oustring(t(label))));
    if (const auto tip = tooltip_of(label))
        set_property(button, "HelpText", Any(to_oustring(t(*tip))));
    Reference<css::awt::XButton> b(button, UNO_QUERY_THROW);
    b->setActionCommand(OUString::createFromAscii(name));
    b->addActionListener(this);
    return button;
}

// XSidebarPanel

// The buttons and Help as rows, top to bottom: each row one button or two side by side, when
// both labels fit in half of `inner` pixels (never across the period choice).
std::vector<std::vector<Reference<css::awt::XControl>>> Panel::button_rows(sal_Int32 inner) const {
    std::vector<Reference<css::awt::XControl>> all(buttons_);
    all.push_back(help_);
    const sal_Int32 half = (inner - gap) / 2;
    std::vector<std::vector<Reference<css::awt::XControl>>> rows;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const bool pair = i + 1 < all.size() && i + 1 != first_comparing_button && all[i].is() &&
                          all[i + 1].is() && needed_width(all[i]) <= half &&
                          needed_width(all[i + 1]) <= half;
        rows.push_back(pair ? std::vector{all[i], all[i + 1]} : std::vector{all[i]});
        i += pair ? 1 : 0;
    }
    return rows;
}

// The height below the diagram: the findings, the period choice and the button rows.
sal_Int32 Panel::bottom_height(sal_Int32 inner) const {
    const auto rows = static_cast<sal_Int32>(
        buttons_.size() == button_count ? button_rows(inner).size() : button_count + 1);
    return gap + caption_height + findings_height + period_height + rows * (gap + button_height) +
           margin;
}

css::ui::LayoutSize SAL_CALL Panel::getHeightForWidth(sal_Int32 width) {
    const sal_Int32 fixed = margin + status_height + gap +
                            bottom_height(std::max<sal_Int32>(width, 100) - 2 * margin) +
                            DiagramView::chrome_height;
    return css::ui::LayoutSize(fixed + min_tree_height, 100000, fixed + preferred_tree_height);
}

sal_Int32 SAL_CALL Panel::getMinimalWidth() {
    return minimal_width;
}

void Panel::layout() {
    if (!container_.is() || !parent_.is())
        return;
    const css::awt::Rectangle area = parent_->getPosSize();
    const sal_Int32 width = std::max<sal_Int32>(area.Width, 100);
    const sal_Int32 inner = width - 2 * margin;
    const sal_Int32 bottom = bottom_height(inner);
    const sal_Int32 height =
        std::max<sal_Int32>(area.Height, margin + status_height + gap + min_tree_height +
                                             DiagramView::chrome_height + bottom);
    Reference<css::awt::XWindow>(container_, UNO_QUERY_THROW)
        ->setPosSize(0, 0, width, height, css::awt::PosSize::POSSIZE);
    sal_Int32 y = margin;
    put(status_, margin, y, inner, status_height);
    y += status_height + gap;
    const sal_Int32 tree_height = height - y - bottom; // the diagram or the list: what is left
    diagram_->place(tree_, legend_, legend_height, margin, y, inner, tree_height);
    y += tree_height + gap;
    put(findings_caption_, margin, y, inner, caption_height);
    y += caption_height;
    put(findings_, margin, y, inner, findings_height);
    y += findings_height;
    std::size_t placed = 0; // buttons placed so far
    for (const auto& row : button_rows(inner)) {
        if (placed == first_comparing_button)
            y = place_periods(y + gap, inner);
        y = place_row(row, y + gap, inner);
        placed += row.size();
    }
}

// One row of buttons: two side by side, one across the width (Help at the right); returns the
// bottom edge.
sal_Int32 Panel::place_row(const std::vector<Reference<css::awt::XControl>>& row, sal_Int32 y,
                           sal_Int32 inner) {
    if (row.size() == 2) {
        const sal_Int32 left = (inner - gap) / 2;
        put(row[0], margin, y, left, button_height);
        put(row[1], margin + left + gap, y, inner - left - gap, button_height);
    } else if (row[0] == help_) {
        const sal_Int32 w = std::min(inner, std::max(help_width, needed_width(help_)));
        put(help_, margin + inner - w, y, w, button_height);
    } else {
        put(row[0], margin, y, inner, button_height);
    }
    return y + button_height;
}

// The period caption and, under it, the "from" list, an arrow and the "to" list; returns the
// bottom edge.
sal_Int32 Panel::place_periods(sal_Int32 y, sal_Int32 inner) {
    put(periods_caption_, margin, y, inner, caption_height);
    y += caption_height;
    const sal_Int32 list_width = std::max<sal_Int32>((inner - arrow_width) / 2, 40);
    put(period_from_, margin, y, list_width, button_height);
    put(period_arrow_, margin + list_width, y + 6, arrow_width, button_height - 6);
    put(period_to_, margin + list_width + arrow_width, y, inner - list_width - arrow_width,
        button_height);
    return y + button_height;
}

} // namespace kpitree::sidebar
