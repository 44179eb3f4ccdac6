// The two periods the contribution column and the waterfall chart compare: two drop-down lists
// ("from" and "to") under a caption, by default the previous and the last period. Showing the
// same periods again keeps the user's choice; other periods start again from the default.
#include "convert.hpp"
#include "panel.hpp"
#include "panel_support.hpp"

#include <algorithm>
#include <com/sun/star/awt/XListBox.hpp>

namespace kpitree::sidebar {

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using lang::Msg;
using uno::to_oustring;

namespace {

constexpr sal_Int16 visible_lines = 12;   // of an open period list
constexpr std::size_t max_listed = 32767; // a list box counts its items in 16 bits

sal_Int16 selected(const Reference<css::awt::XControl>& list) {
    Reference<css::awt::XListBox> box(list, UNO_QUERY);
    return box.is() ? box->getSelectedItemPos() : sal_Int16(-1);
}

void select_position(const Reference<css::awt::XControl>& list, std::size_t position) {
    Reference<css::awt::XListBox>(list, UNO_QUERY_THROW)
        ->selectItemPos(static_cast<sal_Int16>(position), true);
}

} // namespace

void Panel::create_period_controls() {
    periods_caption_ = add_control("com.sun.star.awt.UnoControlFixedText",
                                   "com.sun.star.awt.UnoControlFixedTextModel", "periodsCaption");
    set_property(periods_caption_, "Label", Any(label_text(t(Msg::panel_periods_caption))));
    auto list = [this](const char* name, Msg tip) {
        // A drop-down only when the model says so before the list box gets its window.
        return add_control("com.sun.star.awt.UnoControlListBox",
                           "com.sun.star.awt.UnoControlListBoxModel", name,
                           [&](const Reference<css::beans::XPropertySet>& model) {
                               model->setPropertyValue("Dropdown", Any(true));
                               model->setPropertyValue("LineCount", Any(visible_lines));
                               model->setPropertyValue("HelpText", Any(to_oustring(t(tip))));
                           });
    };
    period_from_ = list("periodFrom", Msg::panel_period_from_tip);
    period_arrow_ = add_control("com.sun.star.awt.UnoControlFixedText",
                                "com.sun.star.awt.UnoControlFixedTextModel", "periodArrow");
    set_property(period_arrow_, "Label", Any(to_oustring("\xE2\x86\x92"))); // →
    set_property(period_arrow_, "Align", Any(sal_Int16(1)));
    period_to_ = list("periodTo", Msg::panel_period_to_tip);
}

// The lists hold `labels` (none: no table shown). The choice belongs to the labels it was made
// among: it comes back when they do, also after the panel showed no table in between (the
// diagram sheet, another sheet); other labels start from the default.
void Panel::fill_periods(const std::vector<std::string>& labels) {
    if (!period_from_.is() || !period_to_.is())
        return;
    if (labels.size() > max_listed) // no choice: the last two periods
        return fill_periods({});
    if (periods_shown_) { // what the user chose in the lists shown until now
        const sal_Int16 from = selected(period_from_), to = selected(period_to_);
        if (from >= 0 && to >= 0)
            period_choice_ = {from, to};
    }
    const auto items = Any(to_sequence(labels));
    set_property(period_from_, "StringItemList", items);
    set_property(period_to_, "StringItemList", items);
    const bool choice = labels.size() >= 2;
    set_property(period_from_, "Enabled", Any(choice));
    set_property(period_to_, "Enabled", Any(choice));
    periods_shown_ = !labels.empty();
    if (labels.empty())
        return;
    if (labels != period_labels_) {
        period_labels_ = labels;
        const auto last = static_cast<sal_Int16>(labels.size() - 1);
        period_choice_ = {static_cast<sal_Int16>(last > 0 ? last - 1 : 0), last};
    }
    select_position(period_from_, static_cast<std::size_t>(period_choice_.first));
    select_position(period_to_, static_cast<std::size_t>(period_choice_.second));
}

std::optional<std::pair<std::size_t, std::size_t>> Panel::chosen_periods() {
    if (periods_ < 2)
        return std::nullopt;
    const sal_Int16 from = selected(period_from_), to = selected(period_to_);
    std::pair<std::size_t, std::size_t> chosen{periods_ - 2, periods_ - 1};
    if (from >= 0 && to >= 0 && static_cast<std::size_t>(std::max(from, to)) < periods_)
        chosen = {static_cast<std::size_t>(from), static_cast<std::size_t>(to)};
    if (chosen.first == chosen.second) {
        set_property(status_, "Label", Any(label_text(t(Msg::panel_same_periods))));
        return std::nullopt;
    }
    return chosen;
}

} // namespace kpitree::sidebar
