// How an inserted verdict block looks: conditional formatting through three cell styles the
// document gets once (OK / SUPPORTED / AHEAD green; MISMATCH / UNSUPPORTED / BEHIND / ERROR
// red; other texts grey), so it survives .ods and .xlsx; contributions in the number format
// of the KGI's values; columns as wide as their texts.
#include "convert.hpp"
#include "kpitree/model/format.hpp"
#include "kpitree/model/status.hpp"
#include "panel.hpp"
#include "panel_support.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/ConditionOperator.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XSheetConditionalEntries.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/table/CellAddress.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>

namespace kpitree::sidebar {

using css::uno::Any;
using css::uno::Exception;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;
using uno::to_oustring;

namespace {

struct StyleSpec {
    const char* name;
    sal_Int32 background;
    sal_Int32 text;
};

constexpr StyleSpec good_style{"KPI Tree good", 0xC6EFCE, 0x006100};
constexpr StyleSpec bad_style{"KPI Tree bad", 0xFFC7CE, 0x9C0006};
constexpr StyleSpec other_style{"KPI Tree other", 0xEDEDED, 0x595959};

// The cell style, created in the document the first time.
void ensure_style(const Reference<css::frame::XModel>& document, const StyleSpec& spec) {
    Reference<css::style::XStyleFamiliesSupplier> families(document, UNO_QUERY_THROW);
    Reference<css::container::XNameContainer> styles(
        families->getStyleFamilies()->getByName("CellStyles"), UNO_QUERY_THROW);
    const OUString name = OUString::createFromAscii(spec.name);
    if (styles->hasByName(name))
        return;
    Reference<css::lang::XMultiServiceFactory> factory(document, UNO_QUERY_THROW);
    Reference<css::beans::XPropertySet> style(
        factory->createInstance("com.sun.star.style.CellStyle"), UNO_QUERY_THROW);
    styles->insertByName(name, Any(style));
    style->setPropertyValue("CellBackColor", Any(spec.background));
    style->setPropertyValue("IsCellBackgroundTransparent", Any(false));
    style->setPropertyValue("CharColor", Any(spec.text));
}

// "OR(LEFT(B2;2)="OK";LEFT(B2;9)="SUPPORTED")": the cell's text starts with one of the
// statuses' tokens.
template <std::size_t N>
OUString starts_with_any(const std::string& cell, const kpitree::Status (&statuses)[N]) {
    std::string formula = "OR(";
    const char* separator = "";
    for (const kpitree::Status status : statuses) {
        const std::string token(kpitree::status_token(status));
        formula += separator;
        formula += "LEFT(" + cell + ";" + std::to_string(token.size()) + ")=\"" + token + "\"";
        separator = ";";
    }
    return to_oustring(formula + ")");
}

Sequence<css::beans::PropertyValue>
condition(const OUString& formula, const css::table::CellAddress& at, const StyleSpec& style) {
    Sequence<css::beans::PropertyValue> entry(4);
    css::beans::PropertyValue* p = entry.getArray();
    p[0].Name = "Operator";
    p[0].Value <<= css::sheet::ConditionOperator_FORMULA;
    p[1].Name = "Formula1";
    p[1].Value <<= formula;
    p[2].Name = "SourcePosition";
    p[2].Value <<= at;
    p[3].Name = "StyleName";
    p[3].Value <<= OUString::createFromAscii(style.name);
    return entry;
}

// The three conditions on the block, relative to its top-left cell.
void add_conditions(const Reference<css::table::XCellRange>& block,
                    const css::table::CellRangeAddress& b) {
    const std::string cell = kpitree::column_name(static_cast<std::size_t>(b.StartColumn)) +
                             std::to_string(b.StartRow + 1);
    const css::table::CellAddress at(b.Sheet, b.StartColumn, b.StartRow);
    Reference<css::beans::XPropertySet> props(block, UNO_QUERY_THROW);
    Reference<css::sheet::XSheetConditionalEntries> entries(
        props->getPropertyValue("ConditionalFormat"), UNO_QUERY_THROW);
    entries->clear();
    entries->addNew(condition(starts_with_any(cell, kpitree::good_statuses), at, good_style));
    entries->addNew(condition(starts_with_any(cell, kpitree::bad_statuses), at, bad_style));
    entries->addNew(condition(to_oustring("ISTEXT(" + cell + ")"), at, other_style));
    props->setPropertyValue("ConditionalFormat", Any(entries));
}

} // namespace

void Panel::format_verdicts(const Reference<css::table::XCellRange>& block,
                            const std::string& kind) {
    try {
        for (const StyleSpec& s : {good_style, bad_style, other_style})
            ensure_style(model_, s);
        const css::table::CellRangeAddress b =
            Reference<css::sheet::XCellRangeAddressable>(block, UNO_QUERY_THROW)->getRangeAddress();
        add_conditions(block, b);
        if (kind == "insertContrib" && number_source_) {
            Reference<css::beans::XPropertySet> source(
                table_->sheet->getCellByPosition(number_source_->first, number_source_->second),
                UNO_QUERY_THROW);
            Reference<css::beans::XPropertySet>(block, UNO_QUERY_THROW)
                ->setPropertyValue("NumberFormat", source->getPropertyValue("NumberFormat"));
        }
        if (!transposed_) {
            Reference<css::beans::XPropertySet> columns(
                Reference<css::table::XColumnRowRange>(block, UNO_QUERY_THROW)->getColumns(),
                UNO_QUERY_THROW);
            columns->setPropertyValue("OptimalWidth", Any(true));
        }
    } catch (const Exception&) {
        // The verdicts are in the cells; how they look is secondary.
    }
}

} // namespace kpitree::sidebar
