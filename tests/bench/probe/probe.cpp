// The fill-down prototype (README.md here), not part of the extension: KPI.CHECKREF(table;
// [tolerance]; [node]) is KPI.CHECK's one-node form with the table taken as a cell-range
// reference. Calc then passes a reference instead of marshalling the table into every call;
// the table is read and checked once per range and tolerance, and the check is served to the
// other rows of the fill-down column from a cache. The cache entry is dropped
//   - when the range's modify listener fires (Calc: any change of a cell in the range, of a
//     formula result in it, of its address, an undo),
//   - when a row is asked for a second time (a new recalculation pass: a hard recalculation
//     recomputes the range's formulas without telling the listener first),
//   - for a name the table lacks (asked again from fresh cells), and when the document goes.
#include "convert.hpp"
#include "kpitree/functions.hpp"

#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XServiceName.hpp>
#include <com/sun/star/sheet/FormulaResult.hpp>
#include <com/sun/star/sheet/XAddIn.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/util/XModifyBroadcaster.hpp>
#include <com/sun/star/util/XModifyListener.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/implbase4.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <map>
#include <mutex>
#include <org/kpitree/probe/XKpiTreeProbe.hpp>
#include <rtl/ref.hxx>
#include <tuple>

namespace kpitree::probe {

namespace {

namespace css = com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;
using uno::AnyRows;

constexpr char service_name[] = "org.kpitree.probe.KpiTreeProbe";

// One range of one document with one tolerance.
using Key =
    std::tuple<const void*, sal_Int16, sal_Int32, sal_Int32, sal_Int32, sal_Int32, std::string>;

std::string tolerance_key(const Cell& tolerance) {
    if (const auto* d = std::get_if<double>(&tolerance))
        return "n" + std::to_string(*d);
    if (const auto* s = std::get_if<std::string>(&tolerance))
        return "s" + *s;
    return is_empty(tolerance) ? "" : "e";
}

// A checked table and which of its rows were served since it was read; stale once the range's
// modify listener fired.
class Entry : public cppu::WeakImplHelper1<css::util::XModifyListener> {
public:
    void SAL_CALL modified(const css::lang::EventObject&) override { drop(); }
    void SAL_CALL disposing(const css::lang::EventObject&) override {
        drop();
        gone = true;
    }

    std::recursive_mutex mutex; // a listener call may come while a read interprets formulas
    bool valid = false;
    bool gone = false; // the document went: a new entry takes the key
    std::optional<CheckedTable> checked;
    std::vector<char> served;
    Reference<css::util::XModifyBroadcaster> range; // keeps the listener's source

private:
    void drop() {
        std::lock_guard<std::recursive_mutex> lock(mutex);
        valid = false;
        checked.reset();
    }
};

// The range's cells, as Calc would have passed them; an error cell in the table is an error
// (getDataArray would report it as empty).
Grid read_range(const Reference<css::table::XCellRange>& range) {
    Reference<css::sheet::XCellRangesQuery> query(range, UNO_QUERY_THROW);
    if (query->queryFormulaCells(css::sheet::FormulaResult::ERROR)
            ->getRangeAddresses()
            .hasElements())
        throw css::uno::RuntimeException("KPI Tree probe: an error value in the table");
    Reference<css::sheet::XCellRangeData> data(range, UNO_QUERY_THROW);
    return uno::to_grid(data->getDataArray());
}

class KpiTreeProbe
    : public cppu::WeakImplHelper4<org::kpitree::probe::XKpiTreeProbe, css::sheet::XAddIn,
                                   css::lang::XServiceName, css::lang::XServiceInfo> {
public:
    AnyRows SAL_CALL checkref(const Reference<css::beans::XPropertySet>& document,
                              const Reference<css::table::XCellRange>& tree, const Any& tolerance,
                              const Any& node) override {
        return uno::guarded([&] {
            const Cell tol = uno::to_cell(tolerance);
            const NodeName name = uno::optional_node(node);
            if (!name) // the array form: no cache
                return uno::to_any_rows(check_cells(read_range(tree), tol, name));
            return uno::to_any_rows(one_node(document, tree, tol, name));
        });
    }

    // XAddIn
    OUString SAL_CALL getProgrammaticFuntionName(const OUString& display) override {
        return display == "KPI.CHECKREF" ? OUString("checkref") : OUString();
    }
    OUString SAL_CALL getDisplayFunctionName(const OUString& method) override {
        return method == "checkref" ? OUString("KPI.CHECKREF") : OUString();
    }
    OUString SAL_CALL getFunctionDescription(const OUString&) override {
        return "Benchmark probe: KPI.CHECK over a cell-range reference";
    }
    OUString SAL_CALL getDisplayArgumentName(const OUString&, sal_Int32 index) override {
        static const char* const names[] = {"document", "table", "tolerance", "node"};
        return index >= 0 && index < 4 ? OUString::createFromAscii(names[index]) : OUString();
    }
    OUString SAL_CALL getArgumentDescription(const OUString& m, sal_Int32 i) override {
        return getDisplayArgumentName(m, i);
    }
    OUString SAL_CALL getProgrammaticCategoryName(const OUString&) override { return "Add-In"; }
    OUString SAL_CALL getDisplayCategoryName(const OUString&) override { return "Add-In"; }
    void SAL_CALL setLocale(const css::lang::Locale& locale) override { locale_ = locale; }
    css::lang::Locale SAL_CALL getLocale() override { return locale_; }

    // XServiceName, XServiceInfo
    OUString SAL_CALL getServiceName() override { return service_name; }
    OUString SAL_CALL getImplementationName() override { return service_name; }
    sal_Bool SAL_CALL supportsService(const OUString& name) override {
        return cppu::supportsService(this, name);
    }
    Sequence<OUString> SAL_CALL getSupportedServiceNames() override {
        Sequence<OUString> names(2);
        names.getArray()[0] = "com.sun.star.sheet.AddIn";
        names.getArray()[1] = service_name;
        return names;
    }

private:
    Grid one_node(const Reference<css::beans::XPropertySet>& document,
                  const Reference<css::table::XCellRange>& tree, const Cell& tol,
                  const NodeName& name) {
        const rtl::Reference<Entry> entry = entry_for(document, tree, tol);
        std::lock_guard<std::recursive_mutex> lock(entry->mutex);
        auto index = entry->valid ? entry->checked->tree.find(*name) : std::nullopt;
        const bool fresh_needed = !entry->valid || (index && entry->served[*index]) ||
                                  (!index && !trim_name(*name).empty());
        if (fresh_needed) {
            entry->checked = check_table(read_range(tree), tol);
            entry->served.assign(entry->checked->tree.nodes.size(), 0);
            entry->valid = true;
            index = entry->checked->tree.find(*name);
        }
        if (index)
            entry->served[*index] = 1;
        return check_cells(*entry->checked, name);
    }

    rtl::Reference<Entry> entry_for(const Reference<css::beans::XPropertySet>& document,
                                    const Reference<css::table::XCellRange>& tree,
                                    const Cell& tol) {
        Reference<css::sheet::XCellRangeAddressable> addressable(tree, UNO_QUERY_THROW);
        const css::table::CellRangeAddress a = addressable->getRangeAddress();
        const Key key{document.get(), a.Sheet,  a.StartColumn,     a.StartRow,
                      a.EndColumn,    a.EndRow, tolerance_key(tol)};
        std::lock_guard<std::mutex> lock(mutex_);
        rtl::Reference<Entry>& entry = entries_[key];
        if (!entry.is() || entry->gone) {
            entry = new Entry();
            entry->range.set(tree, UNO_QUERY_THROW);
            entry->range->addModifyListener(entry.get());
        }
        return entry;
    }

    css::lang::Locale locale_{"en", "US", ""};
    std::mutex mutex_;
    std::map<Key, rtl::Reference<Entry>> entries_;
};

} // namespace

} // namespace kpitree::probe

extern "C" SAL_DLLPUBLIC_EXPORT com::sun::star::uno::XInterface*
org_kpitree_probe_KpiTreeProbe_get_implementation(
    com::sun::star::uno::XComponentContext*,
    const com::sun::star::uno::Sequence<com::sun::star::uno::Any>&) {
    auto* probe = new kpitree::probe::KpiTreeProbe();
    probe->acquire();
    return static_cast<cppu::OWeakObject*>(probe);
}
