// The diagram view's texts and drawing: numbers formatted by the document's NumberFormatter in
// each KPI's latest cell's format, texts measured with the window's fonts, the core's tidy
// layout (left to right: a narrow sidebar scrolls down more easily than sideways), and the
// boxes, connectors, operators and sparklines painted through XGraphics. Sizes are pixels at
// 100 %; the view scales them by the zoom and draws only what intersects the window.
#include "convert.hpp"
#include "diagram_view.hpp"
#include "kpitree/model/format.hpp"

#include <algorithm>
#include <cmath>
#include <com/sun/star/awt/FontDescriptor.hpp>
#include <com/sun/star/awt/FontWeight.hpp>
#include <com/sun/star/awt/XDevice.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/util/NumberFormat.hpp>
#include <com/sun/star/util/NumberFormatter.hpp>
#include <com/sun/star/util/XNumberFormatTypes.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>

namespace kpitree::sidebar {

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;
using uno::to_oustring;

namespace {

// Box metrics at 100 %.
constexpr double pad = 7;
constexpr double name_size = 12;
constexpr double value_size = 12;
constexpr double change_size = 11;
constexpr double name_top = 5;
constexpr double value_top = 22;
constexpr double spark_top = 39;
constexpr double spark_height = 12;
constexpr double box_height = 56;
constexpr double min_box = 96;
constexpr double max_box = 176;
constexpr double origin = 8; // margin around the diagram in the window
constexpr sal_Int32 transparent = -1;
constexpr sal_Int32 white = 0xFFFFFF;
constexpr sal_Int32 plain_link = 0x90A4AE;
constexpr sal_Int32 selection = 0x1565C0;
constexpr sal_Int32 scenario_text = 0x0D47A1;

sal_Int32 colour(std::uint32_t rgb) {
    return static_cast<sal_Int32>(rgb & 0xFFFFFFu);
}

sal_Int32 px(double v) {
    return static_cast<sal_Int32>(std::lround(v));
}

// `text` cut at a code point boundary with "…" so it is at most `width` wide.
OUString ellipsize(const Reference<css::awt::XFont>& font, const OUString& text, double width) {
    if (font->getStringWidth(text) <= width)
        return text;
    sal_Int32 low = 0, high = text.getLength();
    while (low < high) { // the longest prefix that fits with the ellipsis
        const sal_Int32 mid = (low + high + 1) / 2;
        if (font->getStringWidth(text.copy(0, mid) + to_oustring("\u2026")) <= width)
            low = mid;
        else
            high = mid - 1;
    }
    if (low > 0 && text[low - 1] >= 0xD800 && text[low - 1] <= 0xDBFF)
        --low;
    return text.copy(0, low) + to_oustring("\u2026");
}

} // namespace

sal_Int32 DiagramView::sx(double x) const {
    return px(origin + x * zoom_) - scroll_x_;
}

sal_Int32 DiagramView::sy(double y) const {
    return px(origin + y * zoom_) - scroll_y_;
}

Reference<css::awt::XFont> DiagramView::font(double height, bool bold) const {
    css::awt::FontDescriptor d;
    d.Height = static_cast<sal_Int16>(std::max(1L, std::lround(height)));
    d.Weight = bold ? css::awt::FontWeight::BOLD : css::awt::FontWeight::NORMAL;
    return Reference<css::awt::XDevice>(window_, UNO_QUERY_THROW)->getFont(d);
}

// Formatting

void DiagramView::make_formatter() {
    formatter_.clear();
    percent_key_ = 0;
    Reference<css::util::XNumberFormatsSupplier> supplier(model_, UNO_QUERY);
    if (!supplier.is())
        return;
    try {
        formatter_.set(css::util::NumberFormatter::create(context_), UNO_QUERY_THROW);
        formatter_->attachNumberFormatsSupplier(supplier);
    } catch (const css::uno::Exception&) {
        formatter_.clear();
    }
}

// Each KPI's latest value cell's number format, and a percent format in its locale.
void DiagramView::read_format_keys() {
    const auto& d = *deck_;
    keys_.assign(d.diagram.nodes.size(), 0);
    if (!sheet_.is())
        return;
    for (std::size_t i = 0; i < d.diagram.nodes.size(); ++i) {
        const auto period = latest_period(d.diagram.nodes[i]);
        if (!period || *period >= d.tree.period_columns.size())
            continue;
        const auto line = static_cast<sal_Int32>(d.tree.period_columns[*period]);
        const auto kpi = static_cast<sal_Int32>(d.diagram.nodes[i].row);
        const sal_Int32 column = address_.StartColumn + (d.tree.transposed ? kpi : line);
        const sal_Int32 row = address_.StartRow + (d.tree.transposed ? line : kpi);
        try {
            Reference<css::beans::XPropertySet> cell(sheet_->getCellByPosition(column, row),
                                                     UNO_QUERY_THROW);
            cell->getPropertyValue("NumberFormat") >>= keys_[i];
        } catch (const css::uno::Exception&) {
        }
    }
    if (!formatter_.is())
        return;
    try {
        auto formats = formatter_->getNumberFormatsSupplier()->getNumberFormats();
        css::lang::Locale locale;
        const sal_Int32 first = d.order.empty() ? 0 : keys_[d.order.front()];
        formats->getByKey(first)->getPropertyValue("Locale") >>= locale;
        percent_key_ = Reference<css::util::XNumberFormatTypes>(formats, UNO_QUERY_THROW)
                           ->getStandardFormat(css::util::NumberFormat::PERCENT, locale);
    } catch (const css::uno::Exception&) {
    }
}

sal_Int32 DiagramView::format_key(std::size_t node) const {
    return node < keys_.size() ? keys_[node] : 0;
}

OUString DiagramView::format_value(std::size_t node, double value) const {
    if (formatter_.is()) {
        try {
            return formatter_->convertNumberToString(format_key(node), value);
        } catch (const css::uno::Exception&) {
        }
    }
    return to_oustring(display_number(value));
}

OUString DiagramView::format_change(double change) const {
    OUString text;
    if (formatter_.is()) {
        try {
            text = formatter_->convertNumberToString(percent_key_, change);
        } catch (const css::uno::Exception&) {
        }
    }
    if (text.isEmpty())
        text = to_oustring(display_number(change * 100)) + "%";
    if (change > 0)
        text = "+" + text;
    return text.replaceAll("-", to_oustring("\u2212"));
}

// Texts and sizes, once per refresh or what-if.
void DiagramView::format_texts() {
    const auto& d = *deck_;
    texts_.assign(d.diagram.nodes.size(), {});
    for (std::size_t i = 0; i < d.diagram.nodes.size(); ++i) {
        const auto& n = d.diagram.nodes[i];
        BoxText& text = texts_[i];
        text.name = to_oustring(n.name);
        const bool scenario = scenario_ && i < scenario_->value.size();
        if (scenario && scenario_->value[i] && scenario_->change[i] && *scenario_->change[i] != 0) {
            text.scenario = true;
            text.value = format_value(i, *scenario_->value[i]);
            const double before = *scenario_->value[i] - *scenario_->change[i];
            if (before != 0)
                text.change = to_oustring("\u0394 ") +
                              format_change(*scenario_->change[i] / std::fabs(before));
        } else {
            if (n.latest)
                text.value = format_value(i, *n.latest);
            if (n.change)
                text.change = format_change(*n.change);
        }
    }
}

void DiagramView::lay_out() {
    const auto& d = *deck_;
    std::vector<diagram::Size> sizes(d.diagram.nodes.size());
    const auto name_font = font(name_size, true);
    const auto value_font = font(value_size, false);
    const auto change_font = font(change_size, false);
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        BoxText& text = texts_[i];
        text.name = ellipsize(name_font, text.name, max_box - 2 * pad);
        const double name_w = name_font->getStringWidth(text.name);
        const double value_w =
            value_font->getStringWidth(text.value) + 8 + change_font->getStringWidth(text.change);
        sizes[i] = {std::clamp(std::max(name_w, value_w) + 2 * pad, min_box, max_box), box_height};
    }
    diagram::Spacing spacing;
    spacing.sibling = 8;
    spacing.subtree = 14;
    spacing.level = 30;
    spacing.tree = 20;
    layout_ = diagram::lay_out(diagram::forest_of(d.diagram, std::move(sizes)),
                               diagram::Orientation::left_right, spacing);
}

// Drawing

void DiagramView::paint(const Reference<css::awt::XGraphics>& g, sal_Int32 width,
                        sal_Int32 height) {
    g->setLineColor(white);
    g->setFillColor(white);
    g->drawRect(0, 0, width, height);
    if (deck_ && !layout_.boxes.empty()) {
        const double left = (scroll_x_ - origin) / zoom_, right = left + width / zoom_;
        const double top = (scroll_y_ - origin) / zoom_, bottom = top + height / zoom_;
        for (const auto& e : layout_.edges) {
            double x0 = e.points.front().x, x1 = x0, y0 = e.points.front().y, y1 = y0;
            for (const auto& p : e.points) {
                x0 = std::min(x0, p.x), x1 = std::max(x1, p.x);
                y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
            }
            if (x1 >= left - 10 && x0 <= right + 10 && y1 >= top - 10 && y0 <= bottom + 10)
                paint_edge(g, e);
        }
        for (std::size_t i = 0; i < layout_.boxes.size(); ++i) {
            const auto& b = layout_.boxes[i];
            if (b.x + b.width >= left && b.x <= right && b.y + b.height >= top && b.y <= bottom)
                paint_box(g, i);
        }
    }
    if (focused_) {
        g->setLineColor(selection);
        g->setFillColor(transparent);
        g->drawRect(0, 0, width, height);
    }
}

void DiagramView::paint_edge(const Reference<css::awt::XGraphics>& g,
                             const diagram::Edge& e) const {
    const auto& child = deck_->diagram.nodes[e.child];
    const bool hypothesis = child.link == "~";
    g->setLineColor(child.connector == diagram::Tone::plain
                        ? plain_link
                        : colour(diagram::palette(child.connector).fill));
    for (std::size_t k = 1; k < e.points.size(); ++k) {
        const sal_Int32 x0 = sx(e.points[k - 1].x), y0 = sy(e.points[k - 1].y);
        const sal_Int32 x1 = sx(e.points[k].x), y1 = sy(e.points[k].y);
        if (!hypothesis) {
            g->drawLine(x0, y0, x1, y1);
            continue;
        }
        const double length = std::hypot(x1 - x0, y1 - y0);
        for (double s = 0; s < length; s += 7) { // dashes of 4, gaps of 3
            const double s1 = std::min(length, s + 4);
            g->drawLine(px(x0 + (x1 - x0) * s / length), px(y0 + (y1 - y0) * s / length),
                        px(x0 + (x1 - x0) * s1 / length), px(y0 + (y1 - y0) * s1 / length));
        }
    }
    if (child.link.empty() || zoom_ < 0.35)
        return;
    const auto f = font(10 * zoom_ + 1, true);
    const OUString symbol = to_oustring(child.link);
    const sal_Int32 r = px(7 * zoom_);
    const sal_Int32 cx = sx(e.label.x), cy = sy(e.label.y);
    g->setFillColor(white);
    g->drawEllipse(cx - r, cy - r, 2 * r, 2 * r);
    g->setFont(f);
    g->setTextColor(0x37474F);
    const auto metric = f->getFontMetric();
    g->drawText(cx - f->getStringWidth(symbol) / 2, cy - (metric.Ascent + metric.Descent) / 2,
                symbol);
}

void DiagramView::paint_box(const Reference<css::awt::XGraphics>& g, std::size_t i) const {
    const auto& b = layout_.boxes[i];
    const auto& n = deck_->diagram.nodes[i];
    const auto colours = diagram::palette(n.box);
    const sal_Int32 x = sx(b.x), y = sy(b.y);
    const sal_Int32 w = px(b.width * zoom_), h = px(b.height * zoom_);
    const sal_Int32 radius = px(6 * zoom_);
    g->setFillColor(colour(colours.fill));
    g->setLineColor(colour(colours.line));
    g->drawRoundedRect(x, y, w, h, radius, radius);
    if (selected_ == i) {
        g->setFillColor(transparent);
        g->setLineColor(selection);
        g->drawRoundedRect(x - 1, y - 1, w + 2, h + 2, radius, radius);
        g->drawRoundedRect(x - 2, y - 2, w + 4, h + 4, radius, radius);
    }
    if (name_size * zoom_ < 5)
        return; // too small to read: boxes only
    const BoxText& text = texts_[i];
    const sal_Int32 left = x + px(pad * zoom_);
    g->setTextColor(colour(colours.text));
    g->setFont(font(name_size * zoom_, true));
    g->drawText(left, y + px(name_top * zoom_), text.name);
    g->setTextColor(text.scenario ? scenario_text : colour(colours.text));
    g->setFont(font(value_size * zoom_, false));
    g->drawText(left, y + px(value_top * zoom_),
                text.value.isEmpty() ? to_oustring("\u2013") : text.value);
    if (!text.change.isEmpty()) {
        const auto f = font(change_size * zoom_, false);
        g->setFont(f);
        g->drawText(x + w - px(pad * zoom_) - f->getStringWidth(text.change),
                    y + px((value_top + 1) * zoom_), text.change);
    }
    if (spark_height * zoom_ >= 6)
        paint_sparkline(g, i, left, y + px(spark_top * zoom_), w - 2 * px(pad * zoom_),
                        px(spark_height * zoom_));
}

// The KPI's periods as a line (missing periods skipped), its latest point marked.
void DiagramView::paint_sparkline(const Reference<css::awt::XGraphics>& g, std::size_t i,
                                  sal_Int32 x, sal_Int32 y, sal_Int32 w, sal_Int32 h) const {
    const auto& trend = deck_->diagram.nodes[i].trend;
    double low = 0, high = 0;
    std::size_t count = 0;
    for (const auto& v : trend) {
        if (!v || !std::isfinite(*v))
            continue;
        low = count ? std::min(low, *v) : *v;
        high = count ? std::max(high, *v) : *v;
        ++count;
    }
    if (count < 2 || trend.size() < 2)
        return;
    Sequence<sal_Int32> xs(static_cast<sal_Int32>(count)), ys(static_cast<sal_Int32>(count));
    sal_Int32 k = 0;
    for (std::size_t t = 0; t < trend.size(); ++t) {
        if (!trend[t] || !std::isfinite(*trend[t]))
            continue;
        xs.getArray()[k] = x + px(w * double(t) / double(trend.size() - 1));
        ys.getArray()[k] = y + h - (high > low ? px(h * (*trend[t] - low) / (high - low)) : h / 2);
        ++k;
    }
    const auto line = diagram::palette(deck_->diagram.nodes[i].box).line;
    g->setLineColor(colour(line));
    g->drawPolyLine(xs, ys);
    g->setFillColor(colour(line));
    g->drawEllipse(xs[k - 1] - 2, ys[k - 1] - 2, 4, 4);
}

} // namespace kpitree::sidebar
