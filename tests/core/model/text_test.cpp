#include "model/text.hpp"

#include <gtest/gtest.h>

using namespace kpitree;

TEST(Text, TrimsAsciiNoBreakAndIdeographicSpaces) {
    EXPECT_EQ(trim("  a b \t"), "a b");
    EXPECT_EQ(trim("\u00A0\u3000Sales\u3000"), "Sales");
    EXPECT_EQ(trim("\u3000 \u00A0"), "");
    EXPECT_EQ(trim(""), "");
}

TEST(Text, FoldsCaseInAnyScriptAndKeepsInvalidBytes) {
    EXPECT_EQ(fold_case("Close RATE"), "close rate");
    EXPECT_EQ(fold_case("\u00C4\u00D6\u00C5"), "\u00E4\u00F6\u00E5");             // ÄÖÅ
    EXPECT_EQ(fold_case("\u0414\u0415\u041B\u0410"), "\u0434\u0435\u043B\u0430"); // ДЕЛА
    EXPECT_EQ(fold_case("\u58F2\u4E0A"), "\u58F2\u4E0A"); // 売上 unchanged
    EXPECT_EQ(fold_case("\xFF"
                        "A"),
              "\xFF"
              "a");
    EXPECT_EQ(fold_case("\xE3\x81"), "\xE3\x81"); // truncated sequence
}

TEST(Text, FormatShort) {
    EXPECT_EQ(format_short(38000.0), "38000");
    EXPECT_EQ(format_short(13.4987, 3), "13.5");
    EXPECT_EQ(format_short(-0.00012345, 2), "-0.00012");
}

TEST(Text, KeywordsAreTrimmedAndCaseFolded) {
    EXPECT_EQ(keyword("  Holm\t"), "holm");
    EXPECT_EQ(keyword("\u00A0FLOW"), "flow");
    EXPECT_EQ(keyword(""), "");
}
