// org.kpitree.MenuHandler: the protocol handler behind Tools ▸ KPI Tree (Addons.xcu,
// ProtocolHandler.xcu). It answers `org.kpitree.menu:` URLs for the frame it was created for:
// show the KPI Tree deck, open a shipped example as a new untitled document, open the help.
// Nothing escapes dispatch(): a failure must never take the office down.
#include "command.hpp"
#include "convert.hpp"
#include "office_locale.hpp"
#include "ui_text.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/deployment/XPackageInformationProvider.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XController2.hpp>
#include <com/sun/star/frame/XDispatch.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/system/SystemShellExecute.hpp>
#include <com/sun/star/system/SystemShellExecuteFlags.hpp>
#include <com/sun/star/ui/XDeck.hpp>
#include <com/sun/star/ui/XDecks.hpp>
#include <com/sun/star/ui/XSidebarProvider.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase4.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <cppuhelper/weakref.hxx>

namespace kpitree::menu {

namespace {

namespace css = com::sun::star;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;
using uno::to_oustring;
using uno::to_utf8;

constexpr char implementation_name[] = "org.kpitree.MenuHandler";

class MenuHandler
    : public cppu::WeakImplHelper4<css::frame::XDispatchProvider, css::frame::XDispatch,
                                   css::lang::XInitialization, css::lang::XServiceInfo> {
public:
    explicit MenuHandler(const Reference<css::uno::XComponentContext>& context)
        : context_(context) {}

    // XInitialization: the frame the menu belongs to.
    void SAL_CALL initialize(const Sequence<Any>& arguments) override {
        for (const Any& a : arguments) {
            Reference<css::frame::XFrame> frame(a, UNO_QUERY);
            if (frame.is())
                frame_ = frame;
        }
    }

    // XDispatchProvider
    Reference<css::frame::XDispatch> SAL_CALL queryDispatch(const css::util::URL& url,
                                                            const OUString&, sal_Int32) override {
        if (parse(to_utf8(url.Complete)))
            return this;
        return {};
    }
    Sequence<Reference<css::frame::XDispatch>> SAL_CALL
    queryDispatches(const Sequence<css::frame::DispatchDescriptor>& requests) override {
        Sequence<Reference<css::frame::XDispatch>> out(requests.getLength());
        for (sal_Int32 i = 0; i < requests.getLength(); ++i)
            out.getArray()[i] = queryDispatch(requests[i].FeatureURL, requests[i].FrameName,
                                              requests[i].SearchFlags);
        return out;
    }

    // XDispatch
    void SAL_CALL dispatch(const css::util::URL& url,
                           const Sequence<css::beans::PropertyValue>&) override {
        try {
            const std::optional<Command> command = parse(to_utf8(url.Complete));
            if (!command)
                return;
            switch (command->action) {
            case Action::show_deck:
                show_deck();
                break;
            case Action::open_example:
                open_example(command->example);
                break;
            case Action::open_help:
                open_help();
                break;
            }
        } catch (const css::uno::Exception&) {
            // A menu command that cannot be carried out does nothing.
        } catch (const std::exception&) {
        }
    }
    void SAL_CALL addStatusListener(const Reference<css::frame::XStatusListener>&,
                                    const css::util::URL&) override {}
    void SAL_CALL removeStatusListener(const Reference<css::frame::XStatusListener>&,
                                       const css::util::URL&) override {}

    // XServiceInfo
    OUString SAL_CALL getImplementationName() override { return implementation_name; }
    sal_Bool SAL_CALL supportsService(const OUString& name) override {
        return cppu::supportsService(this, name);
    }
    Sequence<OUString> SAL_CALL getSupportedServiceNames() override {
        Sequence<OUString> names(1);
        names.getArray()[0] = "com.sun.star.frame.ProtocolHandler";
        return names;
    }

private:
    // A visible sidebar switches to the deck through its API; a hidden one has no decks yet, so
    // .uno:SidebarDeck opens it on the deck (that command toggles: only when not shown).
    void show_deck() {
        Reference<css::frame::XFrame> frame(frame_);
        if (!frame.is())
            return;
        Reference<css::frame::XController2> controller(frame->getController(), UNO_QUERY);
        Reference<css::ui::XSidebarProvider> sidebar =
            controller.is() ? controller->getSidebar() : nullptr;
        if (sidebar.is() && sidebar->isVisible()) {
            sidebar->showDecks(true);
            Reference<css::ui::XDeck> deck(sidebar->getDecks()->getByName(to_oustring(deck_id)),
                                           UNO_QUERY_THROW);
            if (!deck->isActive())
                deck->activate(true);
            return;
        }
        Sequence<css::beans::PropertyValue> args(1);
        args.getArray()[0].Name = "SidebarDeck";
        args.getArray()[0].Value <<= to_oustring(deck_id);
        css::frame::DispatchHelper::create(context_)->executeDispatch(
            Reference<css::frame::XDispatchProvider>(frame, UNO_QUERY_THROW), ".uno:SidebarDeck",
            "", 0, args);
    }

    OUString package_location() {
        Reference<css::deployment::XPackageInformationProvider> packages(
            context_->getValueByName(
                "/singletons/com.sun.star.deployment.PackageInformationProvider"),
            UNO_QUERY_THROW);
        return packages->getPackageLocation(to_oustring(extension_id));
    }

    void open_example(const std::string& stem) {
        const OUString location = package_location();
        if (location.isEmpty())
            return;
        // As a template: a new untitled document, so the installed file is never overwritten.
        Sequence<css::beans::PropertyValue> args(1);
        args.getArray()[0].Name = "AsTemplate";
        args.getArray()[0].Value <<= true;
        css::frame::Desktop::create(context_)->loadComponentFromURL(
            location + "/" + to_oustring(example_path(stem)), "_blank", 0, args);
    }

    void open_help() {
        const OUString location = package_location();
        if (location.isEmpty())
            return;
        const std::string_view language =
            lang::code(lang::language_of(uno::office_locale(context_)));
        css::system::SystemShellExecute::create(context_)->execute(
            location + "/" + to_oustring(help_path(language)), OUString(),
            css::system::SystemShellExecuteFlags::URIS_ONLY);
    }

    Reference<css::uno::XComponentContext> context_;
    css::uno::WeakReference<css::frame::XFrame> frame_;
};

} // namespace

} // namespace kpitree::menu

extern "C" SAL_DLLPUBLIC_EXPORT com::sun::star::uno::XInterface*
org_kpitree_MenuHandler_get_implementation(
    com::sun::star::uno::XComponentContext* context,
    const com::sun::star::uno::Sequence<com::sun::star::uno::Any>&) {
    auto* handler = new kpitree::menu::MenuHandler(context);
    handler->acquire();
    return static_cast<cppu::OWeakObject*>(handler);
}
