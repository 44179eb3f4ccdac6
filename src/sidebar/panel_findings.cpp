// The findings list: translated texts, each selecting its row in the sheet when clicked, its
// tooltip the full text (the list cuts lines at the panel's width).
#include "convert.hpp"
#include "panel.hpp"
#include "panel_support.hpp"

namespace kpitree::sidebar {

using css::uno::Any;
using lang::Msg;
using uno::to_oustring;

namespace {

constexpr std::size_t tooltip_width = 70; // characters per tooltip line
constexpr std::size_t tooltip_items = 12; // findings in the tooltip of the whole list

} // namespace

void Panel::show_findings(const std::vector<ViewFinding>& findings, bool has_table) {
    finding_texts_.clear();
    finding_rows_.clear();
    for (const ViewFinding& f : findings) {
        finding_texts_.push_back(f.text);
        finding_rows_.push_back(f.row);
    }
    if (finding_texts_.empty() && has_table) {
        finding_texts_.emplace_back(t(Msg::panel_no_findings));
        finding_rows_.emplace_back();
    }
    std::string tooltip;
    for (std::size_t i = 0; i < finding_texts_.size() && i < tooltip_items; ++i)
        tooltip += (i ? "\n" : "") + wrap_text(finding_texts_[i], tooltip_width);
    if (finding_texts_.size() > tooltip_items)
        tooltip += "\n\u2026";
    set_property(findings_, "StringItemList", Any(to_sequence(finding_texts_)));
    set_property(findings_, "HelpText", Any(to_oustring(tooltip)));
}

void Panel::on_finding_selected(sal_Int32 index) {
    if (index < 0 || static_cast<std::size_t>(index) >= finding_texts_.size())
        return;
    const auto i = static_cast<std::size_t>(index);
    set_property(findings_, "HelpText",
                 Any(to_oustring(wrap_text(finding_texts_[i], tooltip_width))));
    if (finding_rows_[i])
        select_row(static_cast<sal_Int32>(*finding_rows_[i]));
}

} // namespace kpitree::sidebar
