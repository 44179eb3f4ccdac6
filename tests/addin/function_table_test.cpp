#include "function_table.hpp"

#include <cctype>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

using namespace kpitree::addin;

namespace {

// "maxLag" -> "max_lag": the IDL's parameter names as the Function Wizard shows them.
std::string snake_case(const std::string& name) {
    std::string out;
    for (char c : name) {
        if (std::isupper(static_cast<unsigned char>(c))) {
            out += '_';
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else {
            out += c;
        }
    }
    return out;
}

// Method name -> parameter names, read from the IDL interface Calc calls.
std::map<std::string, std::vector<std::string>> idl_methods() {
    std::ifstream in(KPITREE_IDL_FILE);
    std::stringstream all;
    all << in.rdbuf();
    const std::string text = all.str();
    std::map<std::string, std::vector<std::string>> methods;
    const std::regex method(R"(>\s+(\w+)\s*\(([^)]*)\))");
    const std::regex parameter(R"(\[in\][^,]*?\s(\w+)\s*(,|$))");
    for (std::sregex_iterator m(text.begin(), text.end(), method), end; m != end; ++m) {
        std::vector<std::string>& params = methods[(*m)[1]];
        const std::string list = (*m)[2];
        for (std::sregex_iterator p(list.begin(), list.end(), parameter); p != end; ++p)
            params.push_back(snake_case((*p)[1]));
    }
    return methods;
}

} // namespace

TEST(FunctionTable, EveryFunctionOfTheSpecWithUniqueNames) {
    const std::set<std::string> spec = {
        "KPI.CHECK",      "KPI.EXPECTED", "KPI.RESIDUAL", "KPI.LINT",   "KPI.GRANGER",
        "KPI.PADJUST",    "KPI.CAUSAL",   "KPI.CONTRIB",  "KPI.TARGET", "KPI.ROLLUP",
        "KPI.ELASTICITY", "KPI.VARIANCE", "KPI.WHATIF"};
    std::set<std::string> displays, methods;
    for (const FunctionInfo& f : function_table()) {
        displays.insert(std::string(f.display));
        methods.insert(std::string(f.method));
        EXPECT_EQ(find_method(f.method), &f);
        EXPECT_EQ(find_display(f.display), &f);
    }
    EXPECT_EQ(displays, spec);
    EXPECT_EQ(methods.size(), spec.size());
    EXPECT_EQ(find_display("kpi.check"), find_method("check")); // as typed
    EXPECT_EQ(find_display("KPI.NOPE"), nullptr);
    EXPECT_EQ(find_method("nope"), nullptr);
}

TEST(FunctionTable, AgreesWithTheIdlInterface) {
    const auto idl = idl_methods();
    ASSERT_EQ(idl.size(), function_table().size()) << "methods in " << KPITREE_IDL_FILE;
    for (const FunctionInfo& f : function_table()) {
        const auto it = idl.find(std::string(f.method));
        ASSERT_NE(it, idl.end()) << f.method << " is not in the IDL";
        std::vector<std::string> names;
        for (const ArgumentInfo& a : f.arguments)
            names.emplace_back(a.name);
        EXPECT_EQ(names, it->second) << f.display;
    }
}

TEST(FunctionTable, EveryDescriptionAndArgumentHasText) {
    for (const FunctionInfo& f : function_table()) {
        EXPECT_FALSE(kpitree::lang::text(f.description, Language::en).empty()) << f.display;
        EXPECT_FALSE(f.arguments.empty()) << f.display;
        for (const ArgumentInfo& a : f.arguments)
            EXPECT_FALSE(kpitree::lang::text(a.description, Language::ja).empty())
                << f.display << "(" << a.name << ")";
    }
}

TEST(FunctionTable, TildeIsDoubledForTheFunctionWizard) {
    // `~` marks a mnemonic in the Function Wizard: "(+ - * / ~)" lost its tilde there.
    EXPECT_EQ(wizard_text("Link (+ - * / ~)"), "Link (+ - * / ~~)");
    EXPECT_EQ(wizard_text("no tilde"), "no tilde");
    const std::string tree = wizard_text(
        kpitree::lang::text(find_method("check")->arguments[0].description, Language::en));
    EXPECT_NE(tree.find("~~"), std::string::npos);
}

TEST(FunctionTable, ArgumentNamesAreLocalizedAndEnglishIsTheIdlName) {
    // The Function Wizard showed English argument names in every language.
    for (const FunctionInfo& f : function_table())
        for (const ArgumentInfo& a : f.arguments) {
            EXPECT_EQ(kpitree::lang::text(a.display, Language::en), a.name) << f.display;
            for (Language l : {Language::ja, Language::zh_CN, Language::zh_TW, Language::fi})
                EXPECT_NE(kpitree::lang::text(a.display, l), a.name)
                    << f.display << "(" << a.name << ") in " << kpitree::lang::code(l);
            const std::string_view name = kpitree::lang::text(a.display, Language::fr);
            EXPECT_EQ(name.find(' '), std::string_view::npos) << "a space in " << name;
        }
    EXPECT_EQ(kpitree::lang::text(find_method("check")->arguments[0].display, Language::ja),
              "ツリー");
}

TEST(FunctionTable, RowAlignedFunctionsSayHowToEnterThem) {
    // Entered as a plain formula, a row-aligned function showed only its first row.
    for (Language l : {Language::en, Language::ja, Language::zh_CN, Language::zh_TW, Language::fi,
                       Language::fr}) {
        for (const FunctionInfo& f : function_table()) {
            const std::string text = wizard_description(f, l);
            const bool hint =
                text.find("Enter") != std::string::npos || text.find("Entrée") != std::string::npos;
            EXPECT_EQ(hint, f.shape == Shape::rows) << f.display << " " << kpitree::lang::code(l);
        }
        const std::string causal = wizard_description(*find_method("causal"), l);
        EXPECT_NE(causal.find("~~"), std::string::npos) << "the hypothesis link keeps its ~";
        EXPECT_NE(causal.find(kpitree::lang::text(kpitree::lang::Msg::hint_array_node, l)),
                  std::string::npos);
    }
    EXPECT_EQ(wizard_description(*find_method("lint"), Language::en).find("node"),
              std::string::npos);
}
