#include "panel_numbers.hpp"

#include "convert.hpp"
#include "kpitree/model/format.hpp"
#include "tree_view.hpp"

#include <algorithm>
#include <cmath>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/util/NumberFormat.hpp>
#include <com/sun/star/util/NumberFormatsSupplier.hpp>
#include <com/sun/star/util/NumberFormatter.hpp>
#include <com/sun/star/util/XNumberFormatTypes.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>

namespace kpitree::sidebar {

using css::uno::Exception;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

namespace {

// The decimals display_number shows for `value` (about six significant digits).
int shown_decimals(double value) {
    const std::string text = display_number(value);
    const std::size_t dot = text.find('.');
    return dot == std::string::npos ? 0 : static_cast<int>(text.size() - dot - 1);
}

} // namespace

CellNumbers::CellNumbers(const Reference<css::uno::XComponentContext>& context,
                         const Reference<css::frame::XModel>& document) {
    try {
        Reference<css::util::XNumberFormatsSupplier> supplier(document, UNO_QUERY_THROW);
        document_formats_ = supplier->getNumberFormats();
        Reference<css::util::XNumberFormatter> formatter(
            css::util::NumberFormatter::create(context), UNO_QUERY_THROW);
        formatter->attachNumberFormatsSupplier(supplier);
        document_formatter_ = formatter;
        Reference<css::beans::XPropertySet> general(document_formats_->getByKey(0),
                                                    UNO_QUERY_THROW);
        general->getPropertyValue("Locale") >>= locale_;
        Reference<css::util::XNumberFormatsSupplier> own =
            css::util::NumberFormatsSupplier::createWithLocale(context, locale_);
        own_formats_ = own->getNumberFormats();
        Reference<css::util::XNumberFormatter> own_formatter(
            css::util::NumberFormatter::create(context), UNO_QUERY_THROW);
        own_formatter->attachNumberFormatsSupplier(own);
        own_formatter_ = own_formatter;
    } catch (const Exception&) {
        document_formatter_.clear(); // display_number then
        own_formatter_.clear();
    }
}

sal_Int32 CellNumbers::cell_format(const Reference<css::sheet::XSpreadsheet>& sheet,
                                   sal_Int32 column, sal_Int32 row) {
    sal_Int32 key = 0;
    try {
        Reference<css::beans::XPropertySet> cell(sheet->getCellByPosition(column, row),
                                                 UNO_QUERY_THROW);
        cell->getPropertyValue("NumberFormat") >>= key;
    } catch (const Exception&) {
    }
    return key;
}

bool CellNumbers::is_general(sal_Int32 key, css::lang::Locale& locale) {
    auto it = general_.find(key);
    if (it == general_.end()) {
        Reference<css::beans::XPropertySet> format(document_formats_->getByKey(key),
                                                   UNO_QUERY_THROW);
        css::lang::Locale format_locale;
        format->getPropertyValue("Locale") >>= format_locale;
        Reference<css::util::XNumberFormatTypes> types(document_formats_, UNO_QUERY_THROW);
        const bool general = types->getStandardIndex(format_locale) == key;
        it = general_.emplace(key, std::make_pair(general, format_locale)).first;
    }
    locale = it->second.second;
    return it->second.first;
}

sal_Int32 CellNumbers::own_key(sal_Int16 type, const css::lang::Locale& locale, sal_Int16 decimals,
                               bool thousands, bool signed_percent) {
    const std::string id = uno::to_utf8(locale.Language) + "-" + uno::to_utf8(locale.Country) +
                           "/" + std::to_string(type) + "/" + std::to_string(decimals) +
                           (thousands ? "t" : "") + (signed_percent ? "s" : "");
    if (auto it = own_keys_.find(id); it != own_keys_.end())
        return it->second;
    Reference<css::util::XNumberFormatTypes> types(own_formats_, UNO_QUERY_THROW);
    OUString code = own_formats_->generateFormat(types->getStandardFormat(type, locale), locale,
                                                 thousands, false, decimals, 1);
    if (signed_percent)
        code = OUString("\"+\"") + code + OUString(";\"-\"") + code;
    sal_Int32 key = own_formats_->queryKey(code, locale, false);
    if (key < 0)
        key = own_formats_->addNew(code, locale);
    own_keys_.emplace(id, key);
    return key;
}

std::string CellNumbers::value_text(sal_Int32 key, double value) {
    if (!document_formatter_.is() || !std::isfinite(value))
        return display_number(value);
    try {
        css::lang::Locale locale;
        if (!is_general(key, locale))
            return uno::to_utf8(document_formatter_->convertNumberToString(key, value));
        // General: the digits display_number shows, grouped, in the cell's language.
        const sal_Int32 grouped =
            own_key(css::util::NumberFormat::NUMBER, locale,
                    static_cast<sal_Int16>(shown_decimals(value)), true, false);
        return uno::to_utf8(own_formatter_->convertNumberToString(grouped, value));
    } catch (const Exception&) {
        return display_number(value);
    }
}

std::string CellNumbers::change_text(double change) {
    if (!own_formatter_.is() || !std::isfinite(change))
        return default_change_text(change);
    try {
        const sal_Int16 decimals = std::fabs(change) < 0.1 ? 1 : 0;
        const sal_Int32 key =
            own_key(css::util::NumberFormat::PERCENT, locale_, decimals, false, true);
        return uno::to_utf8(own_formatter_->convertNumberToString(key, change));
    } catch (const Exception&) {
        return default_change_text(change);
    }
}

} // namespace kpitree::sidebar
