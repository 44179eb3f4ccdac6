#include "catalog.hpp"
#include "ui_text.hpp"

#include <gtest/gtest.h>
#include <set>
#include <string>

using namespace kpitree::lang;

namespace {

constexpr Language all_languages[] = {Language::en,    Language::ja, Language::zh_CN,
                                      Language::zh_TW, Language::fi, Language::fr};

std::span<const detail::Entry> entries(Language l) {
    switch (l) {
    case Language::ja:
        return detail::ja_texts;
    case Language::zh_CN:
        return detail::zh_CN_texts;
    case Language::zh_TW:
        return detail::zh_TW_texts;
    case Language::fi:
        return detail::fi_texts;
    case Language::fr:
        return detail::fr_texts;
    case Language::en:
        break;
    }
    return detail::en_texts;
}

} // namespace

TEST(UiText, EveryLanguageHasEveryMessageOnce) {
    for (Language l : all_languages) {
        std::set<Msg> seen;
        for (const detail::Entry& e : entries(l)) {
            EXPECT_TRUE(seen.insert(e.id).second)
                << code(l) << ": message " << static_cast<int>(e.id) << " twice";
            EXPECT_FALSE(e.text.empty()) << code(l) << " " << static_cast<int>(e.id);
        }
        for (int id = 0; id < static_cast<int>(Msg::count); ++id)
            EXPECT_TRUE(has_text(static_cast<Msg>(id), l))
                << code(l) << " lacks message " << id
                << (l == Language::zh_TW ? " (run scripts/gen_zh_tw.py)" : "");
    }
}

TEST(UiText, TranslationsAreNotCopiesOfEachOther) {
    // Texts without words (the marks alone) would be equal; every message here has words.
    for (int id = 0; id < static_cast<int>(Msg::count); ++id) {
        std::set<std::string_view> distinct;
        for (Language l : all_languages)
            distinct.insert(text(static_cast<Msg>(id), l));
        EXPECT_GE(distinct.size(), 5u) << "message " << id; // zh-TW may equal zh-CN
    }
}

TEST(UiText, LanguageOfTheOfficeLocale) {
    EXPECT_EQ(language_of("ja"), Language::ja);
    EXPECT_EQ(language_of("ja-JP"), Language::ja);
    EXPECT_EQ(language_of("zh-CN"), Language::zh_CN);
    EXPECT_EQ(language_of("zh"), Language::zh_CN);
    EXPECT_EQ(language_of("zh-SG"), Language::zh_CN);
    EXPECT_EQ(language_of("zh-TW"), Language::zh_TW);
    EXPECT_EQ(language_of("zh_HK"), Language::zh_TW);
    EXPECT_EQ(language_of("zh-Hant"), Language::zh_TW);
    EXPECT_EQ(language_of("zh-Hans-HK"), Language::zh_CN);
    EXPECT_EQ(language_of("fi-FI"), Language::fi);
    EXPECT_EQ(language_of("fr_CA"), Language::fr);
    EXPECT_EQ(language_of("en-US"), Language::en);
    EXPECT_EQ(language_of("de"), Language::en);
    EXPECT_EQ(language_of(""), Language::en);
    // The add-in's form: language and country apart; the same answers.
    EXPECT_EQ(language_of("zh", "TW"), Language::zh_TW);
    EXPECT_EQ(language_of("ZH", "cn"), Language::zh_CN);
    EXPECT_EQ(language_of("fr", "CA"), Language::fr);
    EXPECT_EQ(language_of("de", "DE"), Language::en);
}

TEST(UiText, CodesAndLookups) {
    EXPECT_EQ(code(Language::zh_TW), "zh-TW");
    EXPECT_EQ(text(Msg::panel_insert_check, Language::fr), "Insérer la colonne de contrôle");
    EXPECT_EQ(text(Msg::panel_insert_check, Language::en), "Insert check column");
    EXPECT_EQ(text(Msg::panel_insert_check, Language::zh_TW), "插入檢查欄"); // Taiwan: 欄
    EXPECT_EQ(text(Msg::count, Language::en), "");
}

TEST(UiText, FormatReplacesNumberedPlaceholders) {
    EXPECT_EQ(format("Tree table %1: %2 KPIs", "Sheet1.A1:F7", "6"),
              "Tree table Sheet1.A1:F7: 6 KPIs");
    EXPECT_EQ(format("100% %3 %1", "x"), "100% %3 x");
}
