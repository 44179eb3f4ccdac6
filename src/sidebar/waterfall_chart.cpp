// The waterfall chart on the diagram sheet: a stacked-column bridge over a cell block to its
// right. The block's columns are the step's label, an invisible base, the increase, the decrease
// and the totals (the chart's series), and the signed contribution (KPI.CONTRIB's number, for
// reading). Limit: a bridge whose running total crosses zero stacks its bars from zero, as every
// stacked-column waterfall does.
#include "convert.hpp"
#include "sheet_draw.hpp"

#include <algorithm>
#include <cmath>
#include <com/sun/star/awt/Rectangle.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/chart/ChartDataRowSource.hpp>
#include <com/sun/star/chart/XAxisYSupplier.hpp>
#include <com/sun/star/chart/XChartDocument.hpp>
#include <com/sun/star/chart/XDiagram.hpp>
#include <com/sun/star/chart2/XChartDocument.hpp>
#include <com/sun/star/chart2/XChartTypeContainer.hpp>
#include <com/sun/star/chart2/XCoordinateSystemContainer.hpp>
#include <com/sun/star/chart2/XDataSeriesContainer.hpp>
#include <com/sun/star/document/XEmbeddedObjectSupplier.hpp>
#include <com/sun/star/drawing/FillStyle.hpp>
#include <com/sun/star/drawing/LineStyle.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/table/XTableChart.hpp>
#include <com/sun/star/table/XTableCharts.hpp>
#include <com/sun/star/table/XTableChartsSupplier.hpp>
#include <com/sun/star/text/XTextRange.hpp>

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

const OUString chart_name("KPI waterfall");
constexpr sal_Int32 block_columns = 6; // label, base, increase, decrease, total, contribution
constexpr sal_Int32 chart_left = 500;  // 1/100 mm, as the diagram's boxes
constexpr sal_Int32 block_gap = 1000;  // between the chart and its cell block on the right
constexpr sal_Int32 chart_width = 18000;
constexpr sal_Int32 chart_height = 10000;
constexpr sal_Int32 increase_colour = 0x2E7D32;
constexpr sal_Int32 decrease_colour = 0xC62828;
constexpr sal_Int32 total_colour = 0x546E7A;

Reference<css::table::XTableCharts> charts_of(const SheetWork& work) {
    return Reference<css::table::XTableChartsSupplier>(work.target, UNO_QUERY_THROW)->getCharts();
}

std::string t(const SheetWork& work, Msg id) {
    return std::string(lang::text(id, work.in.language));
}

Sequence<Sequence<Any>> block_cells(const SheetWork& work, const Waterfall& w) {
    Sequence<Sequence<Any>> rows(static_cast<sal_Int32>(w.steps.size()) + 1);
    const Msg header[] = {Msg::waterfall_step,     Msg::waterfall_base,
                          Msg::waterfall_increase, Msg::waterfall_decrease,
                          Msg::waterfall_total,    Msg::waterfall_contribution};
    Sequence<Any> first(block_columns);
    for (sal_Int32 c = 0; c < block_columns; ++c)
        first.getArray()[c] <<= to_oustring(t(work, header[c]));
    rows.getArray()[0] = first;
    for (std::size_t i = 0; i < w.steps.size(); ++i) {
        const WaterfallStep& s = w.steps[i];
        Sequence<Any> row(block_columns);
        Any* cells = row.getArray();
        cells[0] <<= to_oustring(s.label);
        cells[1] <<= s.base;
        cells[2] <<= s.increase;
        cells[3] <<= s.decrease;
        cells[4] <<= s.total;
        cells[5] <<= s.contribution;
        rows.getArray()[static_cast<sal_Int32>(i) + 1] = row;
    }
    return rows;
}

// Writes the block at (column A, `row`); returns the chart's range (without the contribution).
css::table::CellRangeAddress write_block(const SheetWork& work, const Waterfall& w,
                                         sal_Int32 column, sal_Int32 row) {
    const auto last = row + static_cast<sal_Int32>(w.steps.size());
    const sal_Int32 end = column + block_columns - 1;
    auto range = work.target->getCellRangeByPosition(column, row, end, last);
    Reference<css::sheet::XCellRangeData>(range, UNO_QUERY_THROW)
        ->setDataArray(block_cells(work, w));
    const sal_Int32 key = value_format(work, w.kgi, w.to);
    Reference<css::beans::XPropertySet>(
        work.target->getCellRangeByPosition(column + 1, row + 1, end, last), UNO_QUERY_THROW)
        ->setPropertyValue("NumberFormat", Any(key));
    css::table::CellRangeAddress chart_range;
    chart_range.Sheet = Reference<css::sheet::XCellRangeAddressable>(range, UNO_QUERY_THROW)
                            ->getRangeAddress()
                            .Sheet;
    chart_range.StartColumn = column;
    chart_range.StartRow = row;
    chart_range.EndColumn = end - 1;
    chart_range.EndRow = last;
    return chart_range;
}

void style_series(const Reference<css::chart::XDiagram>& diagram) {
    Reference<css::beans::XPropertySet> base = diagram->getDataRowProperties(0);
    base->setPropertyValue("FillStyle", Any(css::drawing::FillStyle_NONE));
    base->setPropertyValue("LineStyle", Any(css::drawing::LineStyle_NONE));
    const sal_Int32 colours[] = {increase_colour, decrease_colour, total_colour};
    for (sal_Int32 i = 0; i < 3; ++i) {
        Reference<css::beans::XPropertySet> series = diagram->getDataRowProperties(i + 1);
        series->setPropertyValue("FillColor", Any(colours[i]));
        series->setPropertyValue("LineStyle", Any(css::drawing::LineStyle_NONE));
    }
}

// Where the value axis starts: below the lowest point the bridge reaches, by half its height,
// on a round number, so the steps are not flattened against totals drawn from zero. Zero when
// the bridge reaches zero or below (the axis then starts there as usual).
double axis_start(const Waterfall& w) {
    double lo = w.steps.front().total, hi = lo;
    for (const WaterfallStep& s : w.steps) {
        const double top = s.base + s.increase + s.decrease + s.total;
        lo = std::min(lo, s.total != 0 ? s.total : s.base);
        hi = std::max(hi, top);
    }
    const double start = lo - (hi - lo) / 2;
    if (!(start > 0) || !(hi > lo))
        return 0;
    const double unit = std::pow(10.0, std::floor(std::log10(hi - lo)));
    return std::max(0.0, std::floor(start / unit) * unit);
}

void scale_axis(const Reference<css::chart::XDiagram>& diagram, const Waterfall& w) {
    const double start = axis_start(w);
    if (start <= 0)
        return;
    Reference<css::beans::XPropertySet> axis(
        Reference<css::chart::XAxisYSupplier>(diagram, UNO_QUERY_THROW)->getYAxis(),
        UNO_QUERY_THROW);
    axis->setPropertyValue("AutoMin", Any(false));
    axis->setPropertyValue("Min", Any(start));
}

// The base series is no part of the legend (optional property; older offices show it).
void hide_base_from_legend(const Reference<css::frame::XModel>& chart) {
    try {
        Reference<css::chart2::XChartDocument> doc(chart, UNO_QUERY_THROW);
        Reference<css::chart2::XCoordinateSystemContainer> systems(doc->getFirstDiagram(),
                                                                   UNO_QUERY_THROW);
        Reference<css::chart2::XChartTypeContainer> types(systems->getCoordinateSystems()[0],
                                                          UNO_QUERY_THROW);
        Reference<css::chart2::XDataSeriesContainer> series(types->getChartTypes()[0],
                                                            UNO_QUERY_THROW);
        Reference<css::beans::XPropertySet>(series->getDataSeries()[0], UNO_QUERY_THROW)
            ->setPropertyValue("ShowLegendEntry", Any(false));
    } catch (const css::uno::Exception&) {
    }
}

void style_chart(const SheetWork& work, const Waterfall& w) {
    Reference<css::document::XEmbeddedObjectSupplier> supplier(
        charts_of(work)->getByName(chart_name), UNO_QUERY_THROW);
    Reference<css::chart::XChartDocument> chart(supplier->getEmbeddedObject(), UNO_QUERY_THROW);
    Reference<css::lang::XMultiServiceFactory> factory(chart, UNO_QUERY_THROW);
    chart->setDiagram(Reference<css::chart::XDiagram>(
        factory->createInstance("com.sun.star.chart.BarDiagram"), UNO_QUERY_THROW));
    Reference<css::chart::XDiagram> diagram = chart->getDiagram();
    Reference<css::beans::XPropertySet> props(diagram, UNO_QUERY_THROW);
    props->setPropertyValue("DataRowSource", Any(css::chart::ChartDataRowSource_COLUMNS));
    props->setPropertyValue("Stacked", Any(true));
    style_series(diagram);
    scale_axis(diagram, w);
    Reference<css::beans::XPropertySet> doc(chart, UNO_QUERY_THROW);
    doc->setPropertyValue("HasMainTitle", Any(true));
    const std::string change = w.steps.front().label + " → " + w.steps.back().label;
    Reference<css::beans::XPropertySet>(chart->getTitle(), UNO_QUERY_THROW)
        ->setPropertyValue("String",
                           Any(to_oustring(lang::format(t(work, Msg::waterfall_title),
                                                        work.tree.nodes[w.kgi].name, change))));
    doc->setPropertyValue("HasLegend", Any(true));
    hide_base_from_legend(Reference<css::frame::XModel>(chart, UNO_QUERY));
}

// The first column whose left edge is at or right of `x` (1/100 mm).
sal_Int32 column_at(const Reference<css::sheet::XSpreadsheet>& sheet, sal_Int32 x) {
    sal_Int32 lo = 0, hi = 1000; // leaves room for the block in Calc 7.4's 1,024 columns
    while (lo < hi) {
        const sal_Int32 mid = lo + (hi - lo) / 2;
        css::awt::Point p;
        Reference<css::beans::XPropertySet>(sheet->getCellByPosition(mid, 0), UNO_QUERY_THROW)
            ->getPropertyValue("Position") >>= p;
        if (p.X >= x)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

// Whether the chart `name` on the diagram sheet is a waterfall an earlier insert drew: it has
// the insert's name, or (an .xlsx keeps no chart names) its data starts with the cell block's
// header row as an insert writes it, in any UI language.
bool is_waterfall(const SheetWork& work, const OUString& name,
                  const Reference<css::table::XTableChart>& chart) {
    if (name == chart_name)
        return true;
    const Sequence<css::table::CellRangeAddress> ranges = chart->getRanges();
    if (ranges.getLength() != 1 || ranges[0].EndColumn - ranges[0].StartColumn != 4)
        return false;
    const css::table::CellRangeAddress& a = ranges[0];
    Reference<css::sheet::XCellRangeData> data(
        work.target->getCellRangeByPosition(a.StartColumn, a.StartRow, a.EndColumn + 1, a.StartRow),
        UNO_QUERY_THROW);
    const Sequence<Sequence<Any>> cells = data->getDataArray();
    const Msg header[] = {Msg::waterfall_step,     Msg::waterfall_base,
                          Msg::waterfall_increase, Msg::waterfall_decrease,
                          Msg::waterfall_total,    Msg::waterfall_contribution};
    for (std::size_t l = 0; l < lang::language_count; ++l) {
        bool same = true;
        for (sal_Int32 c = 0; c < block_columns && same; ++c) {
            OUString text;
            same = (cells[0][c] >>= text) &&
                   text == to_oustring(lang::text(header[c], static_cast<lang::Language>(l)));
        }
        if (same)
            return true;
    }
    return false;
}

} // namespace

void remove_waterfall(const SheetWork& work) {
    auto charts = charts_of(work);
    for (const OUString& name : charts->getElementNames()) {
        Reference<css::table::XTableChart> chart(charts->getByName(name), UNO_QUERY_THROW);
        if (!is_waterfall(work, name, chart))
            continue;
        for (const css::table::CellRangeAddress& a : chart->getRanges()) {
            // The block: the chart's range and the contribution column right of it.
            const sal_Int32 end = std::min<sal_Int32>(a.EndColumn + 1, 1023);
            Reference<css::sheet::XSheetOperation>(
                work.target->getCellRangeByPosition(a.StartColumn, a.StartRow, end, a.EndRow),
                UNO_QUERY_THROW)
                ->clearContents(css::sheet::CellFlags::VALUE | css::sheet::CellFlags::STRING |
                                css::sheet::CellFlags::DATETIME | css::sheet::CellFlags::FORMULA |
                                css::sheet::CellFlags::HARDATTR);
        }
        charts->removeByName(name);
    }
}

void draw_waterfall(const SheetWork& work, const Waterfall& w, sal_Int32 top) {
    sal_Int32 row = 0;
    const sal_Int32 y = row_at(work.target, top, row);
    const sal_Int32 column = column_at(work.target, chart_left + chart_width + block_gap);
    const css::table::CellRangeAddress range = write_block(work, w, column, row);
    charts_of(work)->addNewByName(chart_name,
                                  css::awt::Rectangle(chart_left, y, chart_width, chart_height),
                                  Sequence<css::table::CellRangeAddress>(&range, 1), true, true);
    style_chart(work, w);
}

} // namespace kpitree::sidebar
