// The Tools ▸ KPI Tree menu's commands: what each `org.kpitree.menu:` URL of Addons.xcu asks for,
// and where the examples and the help live inside the installed extension. Plain C++ without
// UNO; handler.cpp carries the commands out.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace kpitree::menu {

inline constexpr std::string_view protocol = "org.kpitree.menu:";
inline constexpr std::string_view deck_id = "KpiTreeDeck"; // Sidebar.xcu's deck
inline constexpr std::string_view extension_id = "org.kpitree.extension";

enum class Action { show_deck, open_example, open_help };

struct Command {
    Action action;
    std::string example; // open_example: the example's file stem, e.g. "marketing-automation"
};

// The example workbooks shipped in the .oxt's examples/ folder (file stems, .ods).
std::span<const std::string_view> examples();

// The command of a URL: "org.kpitree.menu:deck", "org.kpitree.menu:help",
// "org.kpitree.menu:example/<stem>" with a stem of examples(). Nothing for anything else (an
// unknown command or example never opens a file).
std::optional<Command> parse(std::string_view url);

// Paths inside the installed extension, relative to its root.
std::string example_path(std::string_view stem); // "examples/<stem>.ods"
// The help's start page for a UI language code of lang::code() ("en", "ja", "zh-CN", ...):
// "help/html/<code>/index.html".
std::string help_path(std::string_view language_code);

} // namespace kpitree::menu
