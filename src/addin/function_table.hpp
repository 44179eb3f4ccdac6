// Everything Calc shows about the KPI Tree functions (names, descriptions, argument texts,
// translations) in one table. The add-in's XAddIn methods only look things up here.
#pragma once

#include <string_view>
#include <vector>

namespace kpitree::addin {

enum class Language { en, ja, zh_CN, fi, fr };

// A UI language from a BCP 47-ish language/country pair ("ja", "zh" + "CN", "fr-CA" -> fr).
Language language_of(std::string_view language, std::string_view country);

// A text in every UI language we ship; an empty translation falls back to English.
struct Text {
    std::string_view en, ja, zh_CN, fi, fr;
    std::string_view in(Language language) const;
};

struct ArgumentInfo {
    std::string_view name; // shown in the Function Wizard; English identifiers in every locale
    Text description;
};

struct FunctionInfo {
    std::string_view method;  // programmatic name = the IDL method of org.kpitree.XKpiTree
    std::string_view display; // display and compatibility name, e.g. "KPI.CHECK"
    Text description;
    std::vector<ArgumentInfo> arguments;
};

inline constexpr std::string_view category = "KPI Tree";

const std::vector<FunctionInfo>& function_table();
const FunctionInfo* find_method(std::string_view method);
// Case-insensitive, as Calc may ask with the name the user typed.
const FunctionInfo* find_display(std::string_view display);

} // namespace kpitree::addin
