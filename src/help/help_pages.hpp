// The extension's help, written from the same texts the Function Wizard and the deck show
// (src/lang) and the function table (src/addin): one page per function and a start page with
// the tree table, the deck and the Function Wizard's limit, per UI language. One model, two
// renderers: LibreOffice's help format (.xhp pages and help.tree under help/<language>/, indexed
// by the office at installation) and one HTML page per language (help/html/<language>/), which
// the menu opens where the office has no local help to show the .xhp pages in.
// Plain C++ without UNO.
#pragma once

#include "ui_text.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace kpitree::help {

inline constexpr std::string_view help_folder = "org.kpitree.extension";

struct File {
    std::string path; // relative to the .oxt's root, e.g. "help/ja/org.kpitree.extension/check.xhp"
    std::string content;
};

// Every help file of `language`: help/<code>/help.tree, help/<code>/org.kpitree.extension/*.xhp
// (index.xhp and one page per function, named after its method) and
// help/html/<code>/index.html.
std::vector<File> help_files(lang::Language language);

// `text` with & < > " escaped for XML and HTML.
std::string xml_escape(std::string_view text);

} // namespace kpitree::help
