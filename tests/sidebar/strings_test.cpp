#include "strings.hpp"

#include <gtest/gtest.h>

namespace kpitree::sidebar {
namespace {

TEST(Strings, UiLanguage) {
    EXPECT_EQ(ui_language("ja"), "ja");
    EXPECT_EQ(ui_language("ja-JP"), "ja");
    EXPECT_EQ(ui_language("zh-CN"), "zh-CN");
    EXPECT_EQ(ui_language("fi-FI"), "fi");
    EXPECT_EQ(ui_language("fr_CA"), "fr");
    EXPECT_EQ(ui_language("en-US"), "en");
    EXPECT_EQ(ui_language("de"), "en");
    EXPECT_EQ(ui_language(""), "en");
}

TEST(Strings, EveryTextInEveryLanguage) {
    for (const char* language : {"en", "ja", "zh-CN", "fi", "fr"})
        for (int id = 0; id < static_cast<int>(Text::count); ++id)
            EXPECT_FALSE(text(static_cast<Text>(id), language).empty()) << language << " " << id;
    EXPECT_EQ(text(Text::insert_check, "fr"), "Insérer la colonne de contrôle");
    EXPECT_EQ(text(Text::insert_check, "xx"), "Insert check column");
}

TEST(Strings, Format) {
    EXPECT_EQ(format("Tree table %1: %2 KPIs", "Sheet1.A1:F7", "6"),
              "Tree table Sheet1.A1:F7: 6 KPIs");
    EXPECT_EQ(format("100% %3 %1", "x"), "100% %3 x");
}

} // namespace
} // namespace kpitree::sidebar
