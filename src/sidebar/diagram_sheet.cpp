#include "diagram_sheet.hpp"

#include "convert.hpp"
#include "kpitree/diagram.hpp"
#include "kpitree/overview.hpp"
#include "sheet_draw.hpp"

#include <algorithm>
#include <cmath>
#include <com/sun/star/awt/Point.hpp>
#include <com/sun/star/awt/Size.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/drawing/DashStyle.hpp>
#include <com/sun/star/drawing/LineDash.hpp>
#include <com/sun/star/drawing/LineStyle.hpp>
#include <com/sun/star/drawing/TextHorizontalAdjust.hpp>
#include <com/sun/star/drawing/TextVerticalAdjust.hpp>
#include <com/sun/star/drawing/XDrawPages.hpp>
#include <com/sun/star/drawing/XDrawPagesSupplier.hpp>
#include <com/sun/star/drawing/XShape.hpp>
#include <com/sun/star/i18n/NumberFormatIndex.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/style/ParagraphAdjust.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/util/NumberFormatter.hpp>
#include <com/sun/star/util/XNumberFormatTypes.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>
#include <exception>
#include <initializer_list>

namespace kpitree::sidebar {

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;
using uno::to_oustring;
using uno::to_utf8;

namespace {

constexpr sal_Int32 left_margin = 500;        // 1/100 mm
constexpr double max_diagram_width = 400000;  // 4 m: wider trees grow left to right instead
constexpr sal_Int32 gap_below_diagram = 1500; // between the diagram and the waterfall
const char* const shape_prefixes[] = {"KPI: ", "KPI link: ", "KPI operator: "};

// Edit > Undo shows the whole insert as one step.
class UndoStep {
public:
    UndoStep(const Reference<css::frame::XModel>& model, std::string_view title)
        : undo_(Reference<css::document::XUndoManagerSupplier>(model, UNO_QUERY_THROW)
                    ->getUndoManager()) {
        undo_->enterUndoContext(to_oustring(title));
    }
    ~UndoStep() {
        try {
            undo_->leaveUndoContext();
        } catch (...) {
        }
    }
    UndoStep(const UndoStep&) = delete;
    UndoStep& operator=(const UndoStep&) = delete;

private:
    Reference<css::document::XUndoManager> undo_;
};

// No repaint per shape: the views update once at the end.
class ControllerLock {
public:
    explicit ControllerLock(const Reference<css::frame::XModel>& model) : model_(model) {
        model_->lockControllers();
    }
    ~ControllerLock() {
        try {
            model_->unlockControllers();
        } catch (...) {
        }
    }
    ControllerLock(const ControllerLock&) = delete;
    ControllerLock& operator=(const ControllerLock&) = delete;

private:
    Reference<css::frame::XModel> model_;
};

Tree read_table(const SheetInsert& in) {
    const auto& a = in.table;
    Reference<css::sheet::XCellRangeData> data(
        in.sheet->getCellRangeByPosition(a.StartColumn, a.StartRow, a.EndColumn, a.EndRow),
        UNO_QUERY_THROW);
    return read_tree(uno::to_grid(data->getDataArray()));
}

Reference<css::sheet::XSpreadsheet> diagram_sheet(const Reference<css::frame::XModel>& model) {
    Reference<css::sheet::XSpreadsheets> sheets =
        Reference<css::sheet::XSpreadsheetDocument>(model, UNO_QUERY_THROW)->getSheets();
    const OUString name = OUString::createFromAscii(diagram_sheet_name);
    if (!sheets->hasByName(name))
        sheets->insertNewByName(name,
                                static_cast<sal_Int16>(sheets->getElementNames().getLength()));
    return Reference<css::sheet::XSpreadsheet>(sheets->getByName(name), UNO_QUERY_THROW);
}

bool is_diagram_shape(const Reference<css::drawing::XShape>& shape) {
    Reference<css::container::XNamed> named(shape, UNO_QUERY);
    if (!named.is())
        return false;
    const OUString name = named->getName();
    return std::any_of(std::begin(shape_prefixes), std::end(shape_prefixes), [&](const char* p) {
        return name.startsWith(OUString::createFromAscii(p));
    });
}

// Removes the diagram's shapes (not the waterfall chart, not the user's own shapes).
void remove_diagram(const Reference<css::drawing::XShapes>& page) {
    for (sal_Int32 i = page->getCount() - 1; i >= 0; --i) {
        Reference<css::drawing::XShape> shape(page->getByIndex(i), UNO_QUERY);
        if (is_diagram_shape(shape))
            page->remove(shape);
    }
}

// The bottom edge of the diagram's shapes on the page; 0 when there are none.
sal_Int32 diagram_bottom(const Reference<css::drawing::XShapes>& page) {
    sal_Int32 bottom = 0;
    for (sal_Int32 i = 0; i < page->getCount(); ++i) {
        Reference<css::drawing::XShape> shape(page->getByIndex(i), UNO_QUERY);
        if (is_diagram_shape(shape))
            bottom = std::max(bottom, shape->getPosition().Y + shape->getSize().Height);
    }
    return bottom;
}

SheetWork start_work(const SheetInsert& in) {
    SheetWork work{in, read_table(in), {}, {}, {}};
    work.factory.set(in.model, UNO_QUERY_THROW);
    return work;
}

// The sheet's draw page, through the document (a sheet's own XDrawPageSupplier is deprecated).
void open_target(SheetWork& work) {
    work.target = diagram_sheet(work.in.model);
    const sal_Int16 index =
        Reference<css::sheet::XCellRangeAddressable>(work.target, UNO_QUERY_THROW)
            ->getRangeAddress()
            .Sheet;
    work.page.set(Reference<css::drawing::XDrawPagesSupplier>(work.in.model, UNO_QUERY_THROW)
                      ->getDrawPages()
                      ->getByIndex(index),
                  UNO_QUERY_THROW);
}

void show_sheet(const SheetWork& work) {
    Reference<css::sheet::XSpreadsheetView> view(work.in.model->getCurrentController(), UNO_QUERY);
    if (view.is())
        view->setActiveSheet(work.target);
}

// The change the waterfall breaks down: between the chosen periods, by default the last two.
std::optional<Waterfall> chosen_change(const SheetWork& work) {
    const Tree& tree = work.tree;
    if (work.in.periods)
        return waterfall_of(tree, work.in.periods->first, work.in.periods->second);
    if (tree.periods() < 2)
        return std::nullopt;
    return waterfall_of(tree, tree.periods() - 2, tree.periods() - 1);
}

// One Undo step of an insert: its title and what it does ("" when done, else a message).
struct Step {
    lang::Msg title;
    std::string (*body)(SheetWork&);
};

// Runs an insert's steps, each one Undo step with the views locked, then shows the sheet;
// every failure becomes a message. The diagram and the chart are separate Undo steps: undoing
// shapes and a chart inserted in one step takes LibreOffice 7.4 down.
// `needs_change`: the waterfall alone was asked for, so a tree without a change to break down
// is the user's to hear about (before anything is inserted).
std::string run_insert(const SheetInsert& in, std::initializer_list<Step> steps,
                       bool needs_change = false) {
    try {
        SheetWork work = start_work(in);
        if (!work.tree.table_errors.empty() || work.tree.roots.empty())
            return std::string(lang::text(lang::Msg::panel_no_tree, in.language));
        if (needs_change && !chosen_change(work))
            return std::string(lang::text(lang::Msg::waterfall_no_change, in.language));
        std::string message;
        for (const Step& step : steps) {
            UndoStep undo(in.model, lang::text(step.title, in.language));
            ControllerLock lock(in.model);
            open_target(work);
            message = step.body(work);
            if (!message.empty())
                break;
        }
        show_sheet(work);
        return message;
    } catch (const css::uno::Exception& e) {
        return lang::format(lang::text(lang::Msg::sheet_insert_failed, in.language),
                            to_utf8(e.Message));
    } catch (const std::exception& e) {
        return lang::format(lang::text(lang::Msg::sheet_insert_failed, in.language), e.what());
    } catch (...) {
        return lang::format(lang::text(lang::Msg::sheet_insert_failed, in.language), "?");
    }
}

// Shapes ------------------------------------------------------------------------------------

Reference<css::drawing::XShape> add_shape(const SheetWork& work, const char* service,
                                          const std::string& name) {
    Reference<css::drawing::XShape> shape(
        work.factory->createInstance(OUString::createFromAscii(service)), UNO_QUERY_THROW);
    work.page->add(shape);
    Reference<css::container::XNamed>(shape, UNO_QUERY_THROW)->setName(to_oustring(name));
    return shape;
}

void set(const Reference<css::drawing::XShape>& shape, const char* name, const Any& value) {
    Reference<css::beans::XPropertySet>(shape, UNO_QUERY_THROW)
        ->setPropertyValue(OUString::createFromAscii(name), value);
}

sal_Int32 round(double v) {
    return static_cast<sal_Int32>(std::lround(v));
}

void draw_box(const SheetWork& work, const diagram::DiagramNode& node,
              const std::vector<std::string>& lines, const diagram::Box& box, css::awt::Point at) {
    auto shape = add_shape(work, "com.sun.star.drawing.RectangleShape", "KPI: " + node.name);
    shape->setPosition({at.X + round(box.x), at.Y + round(box.y)});
    shape->setSize({round(box.width), round(box.height)});
    const diagram::Palette colours = diagram::palette(node.box);
    set(shape, "FillColor", Any(static_cast<sal_Int32>(colours.fill)));
    set(shape, "LineColor", Any(static_cast<sal_Int32>(colours.line)));
    set(shape, "LineWidth", Any(sal_Int32(35)));
    set(shape, "CornerRadius", Any(sal_Int32(150)));
    set(shape, "TextAutoGrowHeight", Any(false));
    set(shape, "TextVerticalAdjust", Any(css::drawing::TextVerticalAdjust_CENTER));
    set(shape, "TextHorizontalAdjust", Any(css::drawing::TextHorizontalAdjust_BLOCK));
    std::string text;
    for (const std::string& line : lines)
        text += (text.empty() ? "" : "\n") + line;
    Reference<css::text::XTextRange>(shape, UNO_QUERY_THROW)->setString(to_oustring(text));
    set(shape, "ParaAdjust", Any(static_cast<sal_Int16>(css::style::ParagraphAdjust_CENTER)));
    set(shape, "CharHeight", Any(static_cast<float>(box_char_height_pt)));
    set(shape, "CharColor", Any(static_cast<sal_Int32>(colours.text)));
}

// A ~ link is drawn dashed in its evidence's colour; an arithmetic link plain.
void draw_edge(const SheetWork& work, const diagram::Diagram& d, const diagram::Edge& edge,
               css::awt::Point at) {
    const diagram::DiagramNode& child = d.nodes[edge.child];
    auto shape = add_shape(work, "com.sun.star.drawing.PolyLineShape",
                           "KPI link: " + d.nodes[edge.parent].name + " → " + child.name);
    Sequence<css::awt::Point> points(static_cast<sal_Int32>(edge.points.size()));
    for (std::size_t i = 0; i < edge.points.size(); ++i)
        points.getArray()[i] = {at.X + round(edge.points[i].x), at.Y + round(edge.points[i].y)};
    set(shape, "PolyPolygon", Any(Sequence<Sequence<css::awt::Point>>(&points, 1)));
    const diagram::Palette colours = diagram::palette(child.connector);
    const bool plain = child.connector == diagram::Tone::plain;
    set(shape, "LineColor", Any(static_cast<sal_Int32>(plain ? colours.line : colours.fill)));
    set(shape, "LineWidth", Any(sal_Int32(plain ? 35 : 50)));
    if (child.link == "~") {
        set(shape, "LineStyle", Any(css::drawing::LineStyle_DASH));
        set(shape, "LineDash",
            Any(css::drawing::LineDash(css::drawing::DashStyle_RECT, 0, 0, 1, 250, 150)));
    }
    if (child.link.empty())
        return;
    auto label = add_shape(work, "com.sun.star.drawing.TextShape", "KPI operator: " + child.name);
    label->setPosition({at.X + round(edge.label.x) - 250, at.Y + round(edge.label.y) - 250});
    label->setSize({500, 500});
    Reference<css::text::XTextRange>(label, UNO_QUERY_THROW)
        ->setString(to_oustring(std::string(child.link)));
    set(label, "TextAutoGrowWidth", Any(false));
    set(label, "TextAutoGrowHeight", Any(false));
    set(label, "TextVerticalAdjust", Any(css::drawing::TextVerticalAdjust_CENTER));
    set(label, "ParaAdjust", Any(static_cast<sal_Int16>(css::style::ParagraphAdjust_CENTER)));
    set(label, "CharHeight", Any(11.0f));
    set(label, "CharWeight", Any(150.0f)); // css::awt::FontWeight::BOLD
}

std::optional<std::size_t> latest_period(const Series& values) {
    for (std::size_t p = values.size(); p-- > 0;)
        if (values[p])
            return p;
    return std::nullopt;
}

std::vector<std::vector<std::string>> box_texts(const SheetWork& work, const diagram::Diagram& d) {
    const CellFormatter format(work.in.context, work.in.model);
    std::vector<std::vector<std::string>> texts;
    texts.reserve(d.nodes.size());
    for (std::size_t i = 0; i < d.nodes.size(); ++i) {
        const diagram::DiagramNode& n = d.nodes[i];
        const auto period = latest_period(work.tree.series(i));
        std::string value = "–";
        if (n.latest && period)
            value = format.number(*n.latest, value_format(work, i, *period));
        texts.push_back({n.name, value, n.change ? format.change(*n.change) : std::string()});
    }
    return texts;
}

// Draws the diagram with its top-left corner at `at`.
void draw_diagram(const SheetWork& work, css::awt::Point at) {
    const diagram::Diagram d = diagram::diagram_of(work.tree, overview(work.tree));
    const auto texts = box_texts(work, d);
    std::vector<diagram::Size> sizes;
    sizes.reserve(texts.size());
    for (const auto& lines : texts)
        sizes.push_back(box_size(lines));
    const diagram::Forest forest = diagram::forest_of(d, std::move(sizes));
    const diagram::Layout layout =
        diagram::lay_out(forest, sheet_orientation(forest, max_diagram_width), sheet_spacing());
    for (const diagram::Edge& edge : layout.edges)
        draw_edge(work, d, edge, at);
    for (std::size_t i = 0; i < layout.boxes.size(); ++i)
        draw_box(work, d.nodes[i], texts[i], layout.boxes[i], at);
}

void write_title(const SheetWork& work) {
    std::string kgis;
    for (std::size_t r : work.tree.roots)
        kgis += (kgis.empty() ? "" : ", ") + work.tree.nodes[r].name;
    const std::string period =
        work.tree.period_labels.empty() ? std::string("–") : work.tree.period_labels.back();
    auto cell = work.target->getCellByPosition(0, 0);
    Reference<css::text::XTextRange>(cell, UNO_QUERY_THROW)
        ->setString(to_oustring(lang::format(
            lang::text(lang::Msg::sheet_diagram_title, work.in.language), kgis, period)));
    Reference<css::beans::XPropertySet> props(cell, UNO_QUERY_THROW);
    props->setPropertyValue("CharWeight", Any(150.0f));
    props->setPropertyValue("CharHeight", Any(13.0f));
}

std::string diagram_body(SheetWork& work) {
    remove_diagram(work.page);
    write_title(work);
    sal_Int32 row = 0;
    const sal_Int32 top = row_at(work.target, 1, row); // the second row's top edge
    draw_diagram(work, {left_margin, top + 300});
    return {};
}

// The waterfall below the diagram; nothing when there is no change (the diagram's insert
// still succeeded).
std::string waterfall_body(SheetWork& work) {
    const auto waterfall = chosen_change(work);
    if (!waterfall)
        return {};
    remove_waterfall(work);
    const sal_Int32 bottom = diagram_bottom(work.page);
    sal_Int32 row = 0;
    const sal_Int32 top = bottom > 0 ? bottom + gap_below_diagram : row_at(work.target, 1, row);
    draw_waterfall(work, *waterfall, top);
    return {};
}

} // namespace

CellFormatter::CellFormatter(const Reference<css::uno::XComponentContext>& context,
                             const Reference<css::frame::XModel>& model) {
    Reference<css::util::XNumberFormatsSupplier> supplier(model, UNO_QUERY_THROW);
    Reference<css::util::XNumberFormatter2> formatter = css::util::NumberFormatter::create(context);
    formatter->attachNumberFormatsSupplier(supplier);
    formatter_.set(formatter, UNO_QUERY_THROW);
    css::lang::Locale locale;
    Reference<css::beans::XPropertySet>(model, UNO_QUERY_THROW)->getPropertyValue("CharLocale") >>=
        locale;
    Reference<css::util::XNumberFormatTypes> types(supplier->getNumberFormats(), UNO_QUERY_THROW);
    percent_key_ = types->getFormatIndex(css::i18n::NumberFormatIndex::PERCENT_DEC2, locale);
}

std::string CellFormatter::number(double value, sal_Int32 key) const {
    return to_utf8(formatter_->convertNumberToString(key, value));
}

std::string CellFormatter::change(double ratio) const {
    return (ratio > 0 ? "+" : "") + to_utf8(formatter_->convertNumberToString(percent_key_, ratio));
}

sal_Int32 value_format(const SheetWork& work, std::size_t node, std::size_t period) {
    const auto& a = work.in.table;
    const auto line = static_cast<sal_Int32>(work.tree.nodes[node].row);
    const auto across = static_cast<sal_Int32>(work.tree.period_columns[period]);
    const sal_Int32 column = a.StartColumn + (work.tree.transposed ? line : across);
    const sal_Int32 row = a.StartRow + (work.tree.transposed ? across : line);
    sal_Int32 key = 0;
    Reference<css::beans::XPropertySet>(work.in.sheet->getCellByPosition(column, row),
                                        UNO_QUERY_THROW)
        ->getPropertyValue("NumberFormat") >>= key;
    return key;
}

sal_Int32 row_at(const Reference<css::sheet::XSpreadsheet>& sheet, sal_Int32 y, sal_Int32& row) {
    auto top = [&](sal_Int32 r) {
        css::awt::Point p;
        Reference<css::beans::XPropertySet>(sheet->getCellByPosition(0, r), UNO_QUERY_THROW)
            ->getPropertyValue("Position") >>= p;
        return p.Y;
    };
    sal_Int32 lo = 0, hi = 1048575; // the first row whose top is at or below y
    while (lo < hi) {
        const sal_Int32 mid = lo + (hi - lo) / 2;
        if (top(mid) >= y)
            hi = mid;
        else
            lo = mid + 1;
    }
    row = lo;
    return top(lo);
}

std::string insert_tree_diagram(const SheetInsert& insert) {
    return run_insert(insert, {{lang::Msg::panel_undo_diagram, diagram_body},
                               {lang::Msg::panel_undo_waterfall, waterfall_body}});
}

std::string insert_waterfall_chart(const SheetInsert& insert) {
    return run_insert(insert, {{lang::Msg::panel_undo_waterfall, waterfall_body}}, true);
}

} // namespace kpitree::sidebar
