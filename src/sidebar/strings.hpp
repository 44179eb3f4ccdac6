// The sidebar's own texts in every language it speaks (en, ja, zh-CN, fi, fr), in one table.
// Texts the core produces (lint findings, status details) stay English, as in the cells.
#pragma once

#include <string>
#include <string_view>

namespace kpitree::sidebar {

enum class Text {
    no_tree,        // plain message when the cursor is not in a tree table
    too_large,      // the region around the cursor is too large to be a tree table
    table_summary,  // "%1" = range address, "%2" = number of KPIs
    findings,       // caption of the lint list
    no_findings,    // the lint list when there is nothing to say
    legend,         // what the status marks mean
    insert_check,   // button
    insert_causal,  // button
    insert_contrib, // button
    undo_insert,    // Edit ▸ Undo title of an inserted column
    need_two_periods,
    count // number of texts, keep last
};

// The supported language for an office locale ("ja", "zh-CN", "fi-FI", "fr-CA", "en-US"):
// one of "en", "ja", "zh-CN", "fi", "fr"; English for anything else.
std::string_view ui_language(std::string_view locale);

// The text in `language` (as returned by ui_language), UTF-8.
std::string_view text(Text id, std::string_view language);

// `pattern` with %1, %2 replaced by the arguments.
std::string format(std::string_view pattern, std::string_view arg1, std::string_view arg2 = {});

} // namespace kpitree::sidebar
