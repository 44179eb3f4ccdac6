// org.kpitree.SidebarFactory: the UI element factory named in Factories.xcu. The sidebar asks
// it for private:resource/toolpanel/KpiTreeFactory/KpiTreePanel with the frame and the parent
// window; it answers with a UI element whose real interface is the panel.
#include "convert.hpp"
#include "panel.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/NoSuchElementException.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/ui/UIElementType.hpp>
#include <com/sun/star/ui/XUIElement.hpp>
#include <com/sun/star/ui/XUIElementFactory.hpp>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <exception>
#include <rtl/ref.hxx>
#include <string>

namespace kpitree::sidebar {

namespace {

using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using rtl::OUString;

constexpr char implementation_name[] = "org.kpitree.SidebarFactory";
constexpr char panel_url[] = "private:resource/toolpanel/KpiTreeFactory/KpiTreePanel";

class PanelElement : public cppu::WeakImplHelper2<css::ui::XUIElement, css::lang::XComponent> {
public:
    PanelElement(const OUString& url, const Reference<css::frame::XFrame>& frame,
                 const rtl::Reference<Panel>& panel)
        : url_(url), frame_(frame), panel_(panel) {}

    Reference<css::uno::XInterface> SAL_CALL getRealInterface() override {
        return static_cast<css::ui::XToolPanel*>(panel_.get());
    }
    Reference<css::frame::XFrame> SAL_CALL getFrame() override { return frame_; }
    OUString SAL_CALL getResourceURL() override { return url_; }
    sal_Int16 SAL_CALL getType() override { return css::ui::UIElementType::TOOLPANEL; }

    void SAL_CALL dispose() override {
        try {
            if (panel_.is())
                panel_->dispose();
        } catch (...) {
        }
        panel_.clear();
        frame_.clear();
    }
    void SAL_CALL addEventListener(const Reference<css::lang::XEventListener>& l) override {
        if (panel_.is())
            panel_->addEventListener(l);
    }
    void SAL_CALL removeEventListener(const Reference<css::lang::XEventListener>& l) override {
        if (panel_.is())
            panel_->removeEventListener(l);
    }

private:
    OUString url_;
    Reference<css::frame::XFrame> frame_;
    rtl::Reference<Panel> panel_;
};

class SidebarFactory
    : public cppu::WeakImplHelper2<css::ui::XUIElementFactory, css::lang::XServiceInfo> {
public:
    explicit SidebarFactory(const Reference<css::uno::XComponentContext>& context)
        : context_(context) {}

    Reference<css::ui::XUIElement>
        SAL_CALL createUIElement(const OUString& url,
                                 const Sequence<css::beans::PropertyValue>& arguments) override {
        if (url != panel_url)
            throw css::container::NoSuchElementException(url,
                                                         static_cast<cppu::OWeakObject*>(this));
        Reference<css::frame::XFrame> frame;
        Reference<css::awt::XWindow> parent;
        for (const css::beans::PropertyValue& a : arguments) {
            if (a.Name == "Frame")
                a.Value >>= frame;
            else if (a.Name == "ParentWindow")
                a.Value >>= parent;
        }
        if (!parent.is())
            throw css::lang::IllegalArgumentException("KPI Tree: no parent window",
                                                      static_cast<cppu::OWeakObject*>(this), 1);
        try {
            rtl::Reference<Panel> panel(new Panel(context_, frame, parent));
            panel->start();
            return new PanelElement(url, frame, panel);
        } catch (const css::uno::RuntimeException&) {
            throw;
        } catch (const css::uno::Exception& e) {
            throw css::uno::RuntimeException("KPI Tree: cannot create the panel: " + e.Message);
        } catch (const std::exception& e) {
            throw css::uno::RuntimeException(
                uno::to_oustring(std::string("KPI Tree: cannot create the panel: ") + e.what()));
        } catch (...) {
            throw css::uno::RuntimeException("KPI Tree: cannot create the panel");
        }
    }

    OUString SAL_CALL getImplementationName() override { return implementation_name; }
    sal_Bool SAL_CALL supportsService(const OUString& name) override {
        return cppu::supportsService(this, name);
    }
    Sequence<OUString> SAL_CALL getSupportedServiceNames() override {
        Sequence<OUString> names(1);
        names.getArray()[0] = implementation_name;
        return names;
    }

private:
    Reference<css::uno::XComponentContext> context_;
};

} // namespace

} // namespace kpitree::sidebar

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_kpitree_SidebarFactory_get_implementation(css::uno::XComponentContext* context,
                                              css::uno::Sequence<css::uno::Any> const&) {
    auto* factory = new kpitree::sidebar::SidebarFactory(context);
    factory->acquire();
    return static_cast<cppu::OWeakObject*>(factory);
}
