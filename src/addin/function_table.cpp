#include "function_table.hpp"

#include <algorithm>
#include <cctype>

namespace kpitree::addin {

Language language_of(std::string_view language, std::string_view country) {
    if (language == "ja")
        return Language::ja;
    if (language == "zh" && country != "TW" && country != "HK" && country != "MO")
        return Language::zh_CN;
    if (language == "fi")
        return Language::fi;
    if (language == "fr")
        return Language::fr;
    return Language::en;
}

std::string_view Text::in(Language language) const {
    std::string_view t;
    switch (language) {
    case Language::ja:
        t = ja;
        break;
    case Language::zh_CN:
        t = zh_CN;
        break;
    case Language::fi:
        t = fi;
        break;
    case Language::fr:
        t = fr;
        break;
    case Language::en:
        break;
    }
    return t.empty() ? en : t;
}

namespace {

const ArgumentInfo tree_argument{
    "tree",
    {"The tree table: Name, Parent, Link (+ - * / ~), then one column per period, oldest first; "
     "an optional header row.",
     "", "", "", ""}};

const ArgumentInfo node_argument{
    "node",
    {"Optional: the name of one KPI; the result is then that KPI's row only, for a plain "
     "fill-down column.",
     "", "", "", ""}};

} // namespace

const std::vector<FunctionInfo>& function_table() {
    static const std::vector<FunctionInfo> table{
        {"check",
         "KPI.CHECK",
         {"Verifies parent = f(children) in every period. Per row: OK, MISMATCH (periods, worst "
          "period, residual), LEAF, NODATA or ERROR with the reason.",
          "", "", "", ""},
         {tree_argument,
          {"tolerance",
           {"Optional: allowed |actual - expected| relative to the expected value, e.g. 0.005 "
            "for 0.5%. Default: floating-point noise only.",
            "", "", "", ""}},
          node_argument}},
        {"expected",
         "KPI.EXPECTED",
         {"The value each parent should have from its children (f(children)), per row and "
          "period; empty for rows without arithmetic children.",
          "", "", "", ""},
         {tree_argument, node_argument}},
        {"residual",
         "KPI.RESIDUAL",
         {"Actual minus expected value per row and period; empty where not defined.", "", "", "",
          ""},
         {tree_argument, node_argument}},
        {"lint",
         "KPI.LINT",
         {"Lists the problems of a tree table, one per row, each starting ERROR, WARN or INFO; "
          "OK when there is nothing to report.",
          "", "", "", ""},
         {tree_argument}},
    };
    return table;
}

const FunctionInfo* find_method(std::string_view method) {
    const auto& t = function_table();
    auto it = std::find_if(t.begin(), t.end(), [&](auto& f) { return f.method == method; });
    return it == t.end() ? nullptr : &*it;
}

const FunctionInfo* find_display(std::string_view display) {
    auto same = [](std::string_view a, std::string_view b) {
        return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
                   return std::toupper(static_cast<unsigned char>(x)) ==
                          std::toupper(static_cast<unsigned char>(y));
               });
    };
    const auto& t = function_table();
    auto it = std::find_if(t.begin(), t.end(), [&](auto& f) { return same(f.display, display); });
    return it == t.end() ? nullptr : &*it;
}

} // namespace kpitree::addin
