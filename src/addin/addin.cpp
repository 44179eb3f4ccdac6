// org.kpitree.KpiTree: the Calc add-in. Each function is convert -> core -> convert inside
// uno::guarded; the XAddIn metadata comes from function_table.cpp.
#include "convert.hpp"
#include "function_table.hpp"
#include "kpitree/functions.hpp"

#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XServiceName.hpp>
#include <com/sun/star/sheet/LocalizedName.hpp>
#include <com/sun/star/sheet/XAddIn.hpp>
#include <com/sun/star/sheet/XCompatibilityNames.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase5.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <org/kpitree/XKpiTree.hpp>

namespace kpitree::addin {

namespace {

namespace css = com::sun::star;
using css::uno::Any;
using css::uno::Sequence;
using rtl::OUString;
using uno::AnyRows;
using uno::guarded;
using uno::optional_grid;
using uno::optional_names;
using uno::optional_node;
using uno::optional_number;
using uno::optional_text;
using uno::to_any_rows;
using uno::to_cell;
using uno::to_grid;
using uno::to_oustring;
using uno::to_utf8;

constexpr char implementation_name[] = "org.kpitree.KpiTreeAddIn";
constexpr char service_name[] = "org.kpitree.KpiTree";

class KpiTreeAddIn
    : public cppu::WeakImplHelper5<org::kpitree::XKpiTree, css::sheet::XAddIn,
                                   css::sheet::XCompatibilityNames, css::lang::XServiceName,
                                   css::lang::XServiceInfo> {
public:
    // XKpiTree: the spreadsheet functions.
    AnyRows SAL_CALL check(const AnyRows& tree, const Any& tolerance, const Any& node) override {
        return guarded([&] {
            return to_any_rows(check_cells(to_grid(tree), to_cell(tolerance), optional_node(node)));
        });
    }
    AnyRows SAL_CALL expected(const AnyRows& tree, const Any& node) override {
        return guarded(
            [&] { return to_any_rows(expected_cells(to_grid(tree), optional_node(node))); });
    }
    AnyRows SAL_CALL residual(const AnyRows& tree, const Any& node) override {
        return guarded(
            [&] { return to_any_rows(residual_cells(to_grid(tree), optional_node(node))); });
    }
    AnyRows SAL_CALL lint(const AnyRows& tree) override {
        return guarded([&] { return to_any_rows(lint_cells(to_grid(tree))); });
    }
    AnyRows SAL_CALL granger(const AnyRows& effect, const AnyRows& cause, double lag,
                             const Any& output) override {
        return guarded([&] {
            return to_any_rows(
                granger_cells(to_grid(effect), to_grid(cause), lag, optional_text(output)));
        });
    }
    AnyRows SAL_CALL padjust(const AnyRows& pvalues, const OUString& method) override {
        return guarded(
            [&] { return to_any_rows(padjust_cells(to_grid(pvalues), to_utf8(method))); });
    }
    AnyRows SAL_CALL causal(const AnyRows& tree, const Any& alpha, const Any& max_lag,
                            const Any& node) override {
        return guarded([&] {
            return to_any_rows(causal_cells(to_grid(tree), optional_number(alpha, "alpha"),
                                            optional_number(max_lag, "max_lag"),
                                            optional_node(node)));
        });
    }
    AnyRows SAL_CALL contrib(const AnyRows& tree, const Any& from_period, const Any& to_period,
                             const Any& method, const Any& node, const Any& tolerance) override {
        return guarded([&] {
            return to_any_rows(contrib_cells(
                to_grid(tree), to_cell(from_period), to_cell(to_period), optional_text(method),
                optional_node(node), optional_number(tolerance, "tolerance")));
        });
    }
    AnyRows SAL_CALL target(const AnyRows& tree, const Any& kgi_target, const Any& period,
                            const Any& flex, const Any& node, const Any& kgi) override {
        return guarded([&] {
            return to_any_rows(target_cells(to_grid(tree), to_cell(kgi_target), to_cell(period),
                                            optional_names(flex), optional_node(node),
                                            optional_node(kgi)));
        });
    }
    AnyRows SAL_CALL rollup(const AnyRows& tree, double periods_per_bucket,
                            const Any& kinds) override {
        return guarded([&] {
            return to_any_rows(
                rollup_cells(to_grid(tree), periods_per_bucket, optional_grid(kinds)));
        });
    }
    AnyRows SAL_CALL elasticity(const AnyRows& tree, const Any& period, const Any& node) override {
        return guarded([&] {
            return to_any_rows(
                elasticity_cells(to_grid(tree), to_cell(period), optional_node(node)));
        });
    }
    AnyRows SAL_CALL variance(const AnyRows& tree, const AnyRows& plan, const Any& period,
                              const Any& node) override {
        return guarded([&] {
            return to_any_rows(
                variance_cells(to_grid(tree), to_grid(plan), to_cell(period), optional_node(node)));
        });
    }
    AnyRows SAL_CALL whatif(const AnyRows& tree, const AnyRows& changes, const Any& period,
                            const Any& node) override {
        return guarded([&] {
            return to_any_rows(whatif_cells(to_grid(tree), to_grid(changes), to_cell(period),
                                            optional_node(node)));
        });
    }

    // XAddIn: metadata from the function table.
    OUString SAL_CALL getProgrammaticFuntionName(const OUString& display) override {
        const FunctionInfo* f = find_display(to_utf8(display));
        return f ? to_oustring(f->method) : OUString();
    }
    OUString SAL_CALL getDisplayFunctionName(const OUString& method) override {
        const FunctionInfo* f = find_method(to_utf8(method));
        return f ? to_oustring(f->display) : OUString();
    }
    OUString SAL_CALL getFunctionDescription(const OUString& method) override {
        const FunctionInfo* f = find_method(to_utf8(method));
        return f ? to_oustring(wizard_description(*f, language_)) : OUString();
    }
    OUString SAL_CALL getDisplayArgumentName(const OUString& method, sal_Int32 index) override {
        const ArgumentInfo* a = argument(method, index);
        return a ? to_oustring(lang::text(a->display, language_)) : OUString();
    }
    OUString SAL_CALL getArgumentDescription(const OUString& method, sal_Int32 index) override {
        const ArgumentInfo* a = argument(method, index);
        return a ? to_oustring(wizard_text(lang::text(a->description, language_))) : OUString();
    }
    OUString SAL_CALL getProgrammaticCategoryName(const OUString&) override {
        return to_oustring(category);
    }
    OUString SAL_CALL getDisplayCategoryName(const OUString&) override {
        return to_oustring(category);
    }

    // XCompatibilityNames: the same English names for Excel import and export.
    Sequence<css::sheet::LocalizedName>
        SAL_CALL getCompatibilityNames(const OUString& method) override {
        const FunctionInfo* f = find_method(to_utf8(method));
        if (!f)
            return {};
        Sequence<css::sheet::LocalizedName> names(1);
        names.getArray()[0] =
            css::sheet::LocalizedName(css::lang::Locale("en", "US", ""), to_oustring(f->display));
        return names;
    }

    // XLocalizable
    void SAL_CALL setLocale(const css::lang::Locale& locale) override {
        locale_ = locale;
        // "qlt": the BCP 47 tag is in Variant (zh-Hant-TW and the like).
        language_ = locale.Language == "qlt"
                        ? lang::language_of(to_utf8(locale.Variant))
                        : lang::language_of(to_utf8(locale.Language), to_utf8(locale.Country));
    }
    css::lang::Locale SAL_CALL getLocale() override { return locale_; }

    // XServiceName, XServiceInfo
    OUString SAL_CALL getServiceName() override { return service_name; }
    OUString SAL_CALL getImplementationName() override { return implementation_name; }
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
    const ArgumentInfo* argument(const OUString& method, sal_Int32 index) const {
        const FunctionInfo* f = find_method(to_utf8(method));
        if (!f || index < 0 || static_cast<std::size_t>(index) >= f->arguments.size())
            return nullptr;
        return &f->arguments[static_cast<std::size_t>(index)];
    }

    css::lang::Locale locale_{"en", "US", ""};
    Language language_ = Language::en;
};

} // namespace

} // namespace kpitree::addin

extern "C" SAL_DLLPUBLIC_EXPORT com::sun::star::uno::XInterface*
org_kpitree_KpiTreeAddIn_get_implementation(
    com::sun::star::uno::XComponentContext*,
    const com::sun::star::uno::Sequence<com::sun::star::uno::Any>&) {
    auto* addin = new kpitree::addin::KpiTreeAddIn();
    addin->acquire();
    return static_cast<cppu::OWeakObject*>(addin);
}
