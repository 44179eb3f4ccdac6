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

TEST(Text, AbbreviatedListNamesFirstSecondAndLastWithTheCount) {
    EXPECT_EQ(abbreviated_list({"Q1", "Q2", "Q3"}), "Q1, Q2, Q3");
    EXPECT_EQ(abbreviated_list({"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
                                "Oct", "Nov", "Dec"}),
              "Jan, Feb \u2026 Dec (12)");
    std::vector<std::string> many(12345, "x");
    many.back() = "last";
    EXPECT_EQ(abbreviated_list(many), "x, x \u2026 last (12,345)");
}

TEST(Text, ClosestMatchFindsTyposAndAbbreviations) {
    const std::vector<std::string> kpis = {"Sales", "Deals", "Average order value", "Meetings"};
    EXPECT_EQ(closest_match("Salse", kpis), "Sales");      // swapped neighbours
    EXPECT_EQ(closest_match(" sales x", kpis), "Sales");   // begins with it
    EXPECT_EQ(closest_match("Meeting", kpis), "Meetings"); // begins the other
    EXPECT_EQ(closest_match("Avrage order value", kpis), "Average order value");
    EXPECT_EQ(closest_match("Revenue", kpis), std::nullopt);
    EXPECT_EQ(closest_match("", kpis), std::nullopt);
    const std::vector<std::string> months = {"Jan", "Feb", "Mar", "Oct", "Nov", "Dec"};
    EXPECT_EQ(closest_match("November", months), "Nov");
    EXPECT_EQ(closest_match("Xyz", months), std::nullopt);
    // Dates and numbers are no typos of each other.
    EXPECT_EQ(closest_match("2023-12", std::vector<std::string>{"2024-01", "2024-02"}),
              std::nullopt);
    EXPECT_EQ(closest_match("13", std::vector<std::string>{"12"}), std::nullopt);
    // Two equally close candidates: no guess.
    EXPECT_EQ(closest_match("Dxal", std::vector<std::string>{"Deal", "Dial"}), std::nullopt);
    EXPECT_EQ(closest_match("Sal", std::vector<std::string>{"Sales", "Salaries"}), std::nullopt);
    EXPECT_EQ(closest_match("\u58F2\u4E0B", std::vector<std::string>{"\u58F2\u4E0A"}),
              "\u58F2\u4E0A"); // 売下 → 売上
}
