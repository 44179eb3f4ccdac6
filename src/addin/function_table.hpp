// The structure of the KPI Tree functions Calc shows: one row per function with its programmatic
// name (the IDL method), its display name and its arguments. The texts, in every UI language,
// live in the language module (src/lang, ui_text.hpp); the rows only name them. The add-in's
// XAddIn methods only look things up here.
#pragma once

#include "ui_text.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace kpitree::addin {

using lang::Language;
using lang::Msg;

struct ArgumentInfo {
    std::string_view name; // the IDL's parameter name, an English identifier
    Msg display;           // the name the Function Wizard shows, per language
    Msg description;
};

// What a function returns: one value (or a block of its own shape), or one row per row of the
// tree table, entered as an array formula next to the table (or per KPI with `node`).
enum class Shape { value, rows };

struct FunctionInfo {
    std::string_view method;  // programmatic name = the IDL method of org.kpitree.XKpiTree
    std::string_view display; // display and compatibility name, e.g. "KPI.CHECK"
    Msg description;
    std::vector<ArgumentInfo> arguments;
    Shape shape;
};

inline constexpr std::string_view category = "KPI Tree";

const std::vector<FunctionInfo>& function_table();
const FunctionInfo* find_method(std::string_view method);
// Case-insensitive, as Calc may ask with the name the user typed.
const FunctionInfo* find_display(std::string_view display);

// A text as the Function Wizard must receive it: `~` marks a mnemonic there, so a literal
// tilde (the hypothesis link) is doubled.
std::string wizard_text(std::string_view text);

// The Function Wizard's description of `function` in `language`: its text, for Shape::rows
// followed by how to enter it (Ctrl+Shift+Enter, or the node argument), `~` doubled.
std::string wizard_description(const FunctionInfo& function, Language language);

} // namespace kpitree::addin
