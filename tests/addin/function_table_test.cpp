#include "function_table.hpp"

#include <gtest/gtest.h>
#include <set>
#include <string>

using namespace kpitree::addin;

namespace {

const Language all_languages[] = {Language::en, Language::ja, Language::zh_CN, Language::fi,
                                  Language::fr};

// Every language has its own text: no translation is missing (falling back to English) and
// none is a copy of another.
void expect_translated(const Text& text, const std::string& what) {
    std::set<std::string_view> distinct;
    for (Language l : all_languages)
        distinct.insert(text.in(l));
    EXPECT_EQ(distinct.size(), 5u) << what;
    EXPECT_FALSE(text.ja.empty() || text.zh_CN.empty() || text.fi.empty() || text.fr.empty())
        << what;
}

} // namespace

TEST(FunctionTable, EveryFunctionOfTheSpecWithUniqueNames) {
    const std::set<std::string> spec = {
        "KPI.CHECK",  "KPI.EXPECTED", "KPI.RESIDUAL", "KPI.LINT",   "KPI.GRANGER",   "KPI.PADJUST",
        "KPI.CAUSAL", "KPI.CONTRIB",  "KPI.TARGET",   "KPI.ROLLUP", "KPI.ELASTICITY"};
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

TEST(FunctionTable, EveryDescriptionAndArgumentInFiveLanguages) {
    for (const FunctionInfo& f : function_table()) {
        expect_translated(f.description, std::string(f.display));
        EXPECT_FALSE(f.arguments.empty()) << f.display;
        for (const ArgumentInfo& a : f.arguments)
            expect_translated(a.description,
                              std::string(f.display) + "(" + std::string(a.name) + ")");
    }
}

TEST(FunctionTable, LanguageOfTheOfficeLocale) {
    EXPECT_EQ(language_of("ja", "JP"), Language::ja);
    EXPECT_EQ(language_of("zh", "CN"), Language::zh_CN);
    EXPECT_EQ(language_of("zh", "TW"), Language::en); // traditional Chinese is not shipped
    EXPECT_EQ(language_of("fi", ""), Language::fi);
    EXPECT_EQ(language_of("fr", "CA"), Language::fr);
    EXPECT_EQ(language_of("de", "DE"), Language::en);
    const Text t{"en", "", "", "", ""};
    EXPECT_EQ(t.in(Language::ja), "en"); // an empty translation falls back to English
}
