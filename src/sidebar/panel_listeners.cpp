// The panel's UNO listener entry points (each catches everything) and the debounced refresh.
#include "convert.hpp"
#include "panel.hpp"
#include "panel_support.hpp"

#include <com/sun/star/awt/ActionEvent.hpp>
#include <com/sun/star/awt/ItemEvent.hpp>
#include <com/sun/star/awt/WindowEvent.hpp>
#include <utility>

namespace kpitree::sidebar {

using css::uno::Any;
using css::uno::Exception;
using css::uno::Reference;
using uno::to_utf8;

void SAL_CALL Panel::selectionChanged(const css::lang::EventObject& event) {
    try {
        if (disposed_)
            return;
        if (controller_.is() && same_interface(event.Source, controller_)) {
            if (!selecting_)
                schedule_refresh(false);
            return;
        }
        on_tree_selection();
    } catch (...) {
    }
}

void SAL_CALL Panel::modified(const css::lang::EventObject&) {
    try {
        if (!disposed_)
            schedule_refresh(true);
    } catch (...) {
    }
}

void SAL_CALL Panel::disposing(const css::lang::EventObject& event) {
    try {
        if (same_interface(event.Source, model_) || same_interface(event.Source, controller_)) {
            controller_.clear();
            model_.clear();
            table_.reset();
        } else if (same_interface(event.Source, parent_)) {
            dispose();
        }
    } catch (...) {
    }
}

void SAL_CALL Panel::actionPerformed(const css::awt::ActionEvent& event) {
    try {
        if (disposed_)
            return;
        const std::string command = to_utf8(event.ActionCommand);
        if (command == "shareValues")
            share_as_values();
        else if (command == "help")
            open_help();
        else if (command == "insertDiagram" || command == "insertWaterfall")
            insert_on_diagram_sheet(command == "insertDiagram");
        else
            insert_column(command);
    } catch (...) {
    }
}

void SAL_CALL Panel::windowResized(const css::awt::WindowEvent&) {
    try {
        if (!disposed_)
            layout();
    } catch (...) {
    }
}

void SAL_CALL Panel::itemStateChanged(const css::awt::ItemEvent& event) {
    try {
        if (!disposed_)
            on_finding_selected(event.Selected);
    } catch (...) {
    }
}

void Panel::refresh_pending() {
    try {
        if (!disposed_)
            refresh(std::exchange(pending_force_, false));
    } catch (...) {
    }
}

// The work

void Panel::schedule_refresh(bool force) {
    pending_force_ = pending_force_ || force;
    if (debouncer_)
        debouncer_->poke();
}

} // namespace kpitree::sidebar
