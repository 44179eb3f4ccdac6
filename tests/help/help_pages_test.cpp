#include "function_table.hpp"
#include "help_pages.hpp"

#include <gtest/gtest.h>
#include <regex>
#include <set>
#include <string>

using namespace kpitree;

namespace {

std::set<std::string> paths(lang::Language l) {
    std::set<std::string> out;
    for (const help::File& f : help::help_files(l))
        out.insert(f.path);
    return out;
}

} // namespace

TEST(HelpPages, EveryFunctionHasAPageInEveryLanguage) {
    for (std::size_t i = 0; i < lang::language_count; ++i) {
        const auto l = static_cast<lang::Language>(i);
        const std::string dir = "help/" + std::string(lang::code(l)) + "/org.kpitree.extension/";
        const std::set<std::string> files = paths(l);
        EXPECT_TRUE(files.count(dir + "index.xhp")) << lang::code(l);
        EXPECT_TRUE(files.count("help/" + std::string(lang::code(l)) + "/help.tree"));
        EXPECT_TRUE(files.count("help/html/" + std::string(lang::code(l)) + "/index.html"));
        for (const addin::FunctionInfo& f : addin::function_table())
            EXPECT_TRUE(files.count(dir + std::string(f.method) + ".xhp")) << f.display;
    }
}

TEST(HelpPages, HelpTreeNamesOnlyExistingPages) {
    for (const help::File& f : help::help_files(lang::Language::fi)) {
        if (!f.path.ends_with("help.tree"))
            continue;
        const std::regex topic(R"(<topic id="scalc/([^"]+)\")");
        int n = 0;
        for (std::sregex_iterator m(f.content.begin(), f.content.end(), topic), end; m != end;
             ++m, ++n)
            EXPECT_TRUE(paths(lang::Language::fi).count("help/fi/" + (*m)[1].str())) << (*m)[1];
        EXPECT_EQ(n, static_cast<int>(addin::function_table().size()) + 1);
    }
}

TEST(HelpPages, TextsAreTheWizardsWithTildeAndMarkupEscapedForXml) {
    // The help shows `~` as it is (only the Function Wizard needs it doubled), and a text
    // with < or & must not break the page.
    EXPECT_EQ(help::xml_escape("a < b & \"c\" > d"), "a &lt; b &amp; &quot;c&quot; &gt; d");
    for (const help::File& f : help::help_files(lang::Language::ja)) {
        if (!f.path.ends_with("check.xhp"))
            continue;
        EXPECT_NE(f.content.find("+ - * / ~"), std::string::npos);
        EXPECT_EQ(f.content.find("~~"), std::string::npos);
        EXPECT_NE(f.content.find("KPI.CHECK(ツリー; 許容誤差; ノード)"), std::string::npos);
        EXPECT_NE(f.content.find(std::string(lang::text(lang::Msg::fn_check, lang::Language::ja))),
                  std::string::npos);
    }
}

TEST(HelpPages, DeckPageNamesTheDiagramSheetButtonsAndThePeriodChoice) {
    // Guards against the deck's help leaving out the buttons that insert onto the diagram
    // sheet and the period lists they read: the index page (.xhp and .html) of every language
    // names the buttons and the period caption as the deck shows them.
    const lang::Msg shown[] = {lang::Msg::panel_insert_diagram, lang::Msg::panel_insert_waterfall,
                               lang::Msg::panel_periods_caption};
    for (std::size_t i = 0; i < lang::language_count; ++i) {
        const auto l = static_cast<lang::Language>(i);
        int pages = 0;
        for (const help::File& f : help::help_files(l)) {
            if (!f.path.ends_with("/index.xhp") && !f.path.ends_with("/index.html"))
                continue;
            ++pages;
            for (lang::Msg m : shown) {
                std::string label(lang::text(m, l));
                if (label.ends_with(":") || label.ends_with("：")) // a caption: its words
                    label = label.substr(0, label.rfind(label.ends_with(":") ? ":" : "："));
                while (label.ends_with(" "))
                    label.pop_back();
                EXPECT_NE(f.content.find(help::xml_escape(label)), std::string::npos)
                    << lang::code(l) << " " << f.path << ": " << label;
            }
        }
        EXPECT_EQ(pages, 2) << lang::code(l);
    }
}
