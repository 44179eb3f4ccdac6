#include "command.hpp"

#include <algorithm>
#include <array>

namespace kpitree::menu {

std::span<const std::string_view> examples() {
    static constexpr std::array<std::string_view, 4> stems = {"marketing-automation", "e-commerce",
                                                              "saas-retention", "pnl-rollup"};
    return stems;
}

std::optional<Command> parse(std::string_view url) {
    if (!url.starts_with(protocol))
        return std::nullopt;
    const std::string_view rest = url.substr(protocol.size());
    if (rest == "deck")
        return Command{Action::show_deck, {}};
    if (rest == "help")
        return Command{Action::open_help, {}};
    constexpr std::string_view example_prefix = "example/";
    if (rest.starts_with(example_prefix)) {
        const std::string_view stem = rest.substr(example_prefix.size());
        const auto known = examples();
        if (std::find(known.begin(), known.end(), stem) != known.end())
            return Command{Action::open_example, std::string(stem)};
    }
    return std::nullopt;
}

std::string example_path(std::string_view stem) {
    return "examples/" + std::string(stem) + ".ods";
}

std::string help_path(std::string_view language_code) {
    return "help/html/" + std::string(language_code) + "/index.html";
}

} // namespace kpitree::menu
