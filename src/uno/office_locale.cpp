#include "office_locale.hpp"

#include "convert.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>

namespace kpitree::uno {

std::string office_locale(const css::uno::Reference<css::uno::XComponentContext>& context) {
    using css::uno::Any;
    using css::uno::Reference;
    try {
        Reference<css::lang::XMultiServiceFactory> provider(
            context->getServiceManager()->createInstanceWithContext(
                "com.sun.star.configuration.ConfigurationProvider", context),
            css::uno::UNO_QUERY_THROW);
        css::beans::PropertyValue path;
        path.Name = "nodepath";
        path.Value <<= rtl::OUString("/org.openoffice.Setup/L10N");
        css::uno::Sequence<Any> args(1);
        args.getArray()[0] <<= path;
        Reference<css::container::XNameAccess> access(
            provider->createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess",
                                                  args),
            css::uno::UNO_QUERY_THROW);
        rtl::OUString locale;
        access->getByName("ooLocale") >>= locale;
        return to_utf8(locale);
    } catch (const css::uno::Exception&) {
        return {};
    }
}

} // namespace kpitree::uno
