// Numbers as the document shows them: a cell's value in the cell's own number format (the
// document's number formatter, so 25.96 % stays a percentage and 422 980 is grouped the
// Finnish way in a Finnish office), a cell in the General format grouped in thousands in its
// language, and relative changes as percentages in the document's locale. Falls back to the
// core's display_number when the office cannot format.
#pragma once

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/util/XNumberFormats.hpp>
#include <com/sun/star/util/XNumberFormatter.hpp>
#include <map>
#include <string>
#include <utility>

namespace kpitree::sidebar {

namespace css = com::sun::star;

class CellNumbers {
public:
    CellNumbers(const css::uno::Reference<css::uno::XComponentContext>& context,
                const css::uno::Reference<css::frame::XModel>& document);

    // The number format key of a cell (0 when it cannot be read).
    static sal_Int32 cell_format(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet,
                                 sal_Int32 column, sal_Int32 row);
    // `value` in the format `key` of the document, a General format grouped in thousands.
    std::string value_text(sal_Int32 key, double value);
    // A relative change as a signed percentage: 0.042 -> "+4.2%" ("+4,2 %" in fi and fr).
    std::string change_text(double change);

private:
    // A key of the own formatter: the standard format of `type` (NumberFormat) in `locale` with
    // `decimals`, thousands grouped or not; a percentage with its sign (+4.2%) if asked.
    sal_Int32 own_key(sal_Int16 type, const css::lang::Locale& locale, sal_Int16 decimals,
                      bool thousands, bool signed_percent);
    bool is_general(sal_Int32 key, css::lang::Locale& locale);

    css::uno::Reference<css::util::XNumberFormatter> document_formatter_;
    css::uno::Reference<css::util::XNumberFormats> document_formats_;
    // A formatter of our own for the texts the cells do not have (grouped General, percent), so
    // the document's format list is never changed.
    css::uno::Reference<css::util::XNumberFormatter> own_formatter_;
    css::uno::Reference<css::util::XNumberFormats> own_formats_;
    css::lang::Locale locale_; // the document's default locale (of its General format)
    std::map<sal_Int32, std::pair<bool, css::lang::Locale>> general_; // key -> General, locale
    std::map<std::string, sal_Int32> own_keys_; // by locale, type, decimals, ...
};

} // namespace kpitree::sidebar
