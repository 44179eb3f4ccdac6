// The office's UI locale as the configuration holds it (/org.openoffice.Setup/L10N/ooLocale):
// "ja", "zh-TW", "en-US"; empty when it cannot be read. The sidebar and the menu pick their
// language from it (lang::language_of).
#pragma once

#include <com/sun/star/uno/Reference.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <string>

namespace kpitree::uno {

std::string office_locale(const css::uno::Reference<css::uno::XComponentContext>& context);

} // namespace kpitree::uno
