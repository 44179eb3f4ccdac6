// The panel's lifecycle: construction, start (controls, listeners, the debounced refresh), the
// controller it listens to, XToolPanel and XComponent.
#include "panel.hpp"

#include "diagram_view.hpp"
#include "office_locale.hpp"
#include "panel_support.hpp"

#include <algorithm>
#include <chrono>
#include <com/sun/star/accessibility/XAccessible.hpp>
#include <com/sun/star/awt/AsyncCallback.hpp>
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XCallback.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XRequestCallback.hpp>
#include <com/sun/star/util/XModifyBroadcaster.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/weakref.hxx>
#include <utility>

namespace kpitree::sidebar {

using css::uno::Any;
using css::uno::Exception;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using lang::Msg;

namespace {

constexpr auto quiet_period = std::chrono::milliseconds(400);

// Runs the panel's debounced refresh on the main thread (posted through AsyncCallback). It holds
// the panel weakly and is owned by the debouncer, so the debouncer's thread never holds the
// panel and the panel is never destroyed on that thread.
class RefreshCallback : public cppu::WeakImplHelper1<css::awt::XCallback> {
public:
    explicit RefreshCallback(Panel* panel) : panel_(static_cast<css::ui::XToolPanel*>(panel)) {}
    void SAL_CALL notify(const Any&) override {
        try {
            Reference<css::ui::XToolPanel> strong(panel_);
            if (auto* panel = dynamic_cast<Panel*>(strong.get()))
                panel->refresh_pending();
        } catch (...) {
        }
    }

private:
    css::uno::WeakReference<css::ui::XToolPanel> panel_;
};

} // namespace

Panel::Panel(const Reference<css::uno::XComponentContext>& context,
             const Reference<css::frame::XFrame>& frame, const Reference<css::awt::XWindow>& parent)
    : context_(context), frame_(frame), parent_(parent),
      language_(lang::language_of(uno::office_locale(context))) {}

Panel::~Panel() {
    if (debouncer_)
        debouncer_->stop();
    if (diagram_.is())
        diagram_->dispose(); // it may outlive the panel: no callback into a destroyed panel
}

std::string_view Panel::t(Msg id) const {
    return lang::text(id, language_);
}

void Panel::start() {
    create_controls();
    attach_to_controller();
    Reference<css::awt::XCallback> callback(new RefreshCallback(this));
    Reference<css::awt::XRequestCallback> async = css::awt::AsyncCallback::create(context_);
    debouncer_ = std::make_unique<Debouncer>(quiet_period, [callback, async] {
        try {
            async->addCallback(callback, Any());
        } catch (...) {
        }
    });
    refresh(true);
    layout();
}

void Panel::attach_to_controller() {
    Reference<css::frame::XController> controller = frame_.is() ? frame_->getController() : nullptr;
    if (same_interface(controller, controller_))
        return;
    detach_from_controller();
    controller_ = controller;
    if (!controller_.is())
        return;
    model_ = controller_->getModel();
    if (Reference<css::view::XSelectionSupplier> s{controller_, UNO_QUERY}; s.is())
        s->addSelectionChangeListener(this);
    if (Reference<css::util::XModifyBroadcaster> b{model_, UNO_QUERY}; b.is())
        b->addModifyListener(this);
}

void Panel::detach_from_controller() {
    try {
        if (Reference<css::view::XSelectionSupplier> s{controller_, UNO_QUERY}; s.is())
            s->removeSelectionChangeListener(this);
    } catch (const Exception&) {
    }
    try {
        if (Reference<css::util::XModifyBroadcaster> b{model_, UNO_QUERY}; b.is())
            b->removeModifyListener(this);
    } catch (const Exception&) {
    }
    controller_.clear();
    model_.clear();
    table_.reset();
}

// XToolPanel

Reference<css::awt::XWindow> SAL_CALL Panel::getWindow() {
    return Reference<css::awt::XWindow>(container_, UNO_QUERY);
}

Reference<css::accessibility::XAccessible>
    SAL_CALL Panel::createAccessible(const Reference<css::accessibility::XAccessible>&) {
    try {
        if (container_.is())
            return Reference<css::accessibility::XAccessible>(container_->getPeer(), UNO_QUERY);
    } catch (...) {
    }
    return {};
}

// XComponent

void SAL_CALL Panel::dispose() {
    if (disposed_)
        return;
    disposed_ = true;
    try {
        if (debouncer_)
            debouncer_->stop();
        detach_from_controller();
        try {
            if (parent_.is())
                parent_->removeWindowListener(this);
        } catch (const Exception&) {
        }
        for (const auto& button : buttons_) {
            try {
                Reference<css::awt::XButton>(button, UNO_QUERY_THROW)->removeActionListener(this);
            } catch (const Exception&) {
            }
        }
        try {
            if (Reference<css::awt::XListBox> list{findings_, UNO_QUERY}; list.is())
                list->removeItemListener(this);
        } catch (const Exception&) {
        }
        if (diagram_.is())
            diagram_->dispose();
        if (Reference<css::lang::XComponent> c{container_, UNO_QUERY}; c.is())
            c->dispose();
        const css::lang::EventObject event(static_cast<cppu::OWeakObject*>(this));
        for (const auto& l : std::exchange(listeners_, {})) {
            try {
                l->disposing(event);
            } catch (const Exception&) {
            }
        }
    } catch (...) {
    }
    status_.clear();
    tree_.clear();
    legend_.clear();
    findings_caption_.clear();
    findings_.clear();
    buttons_.clear();
    diagram_.clear();
    container_.clear();
    parent_.clear();
    frame_.clear();
}

void SAL_CALL Panel::addEventListener(const Reference<css::lang::XEventListener>& listener) {
    if (listener.is() && !disposed_)
        listeners_.push_back(listener);
}

void SAL_CALL Panel::removeEventListener(const Reference<css::lang::XEventListener>& listener) {
    listeners_.erase(std::remove(listeners_.begin(), listeners_.end(), listener), listeners_.end());
}

} // namespace kpitree::sidebar
