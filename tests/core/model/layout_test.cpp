#include "kpitree/model/layout.hpp"

#include <gtest/gtest.h>

using namespace kpitree;

TEST(Layout, HeaderWordsInTheFiveLanguages) {
    for (const char* w : {"Name", " NAME ", "名前", "名称", "名稱", "Nimi", "Nom"})
        EXPECT_TRUE(is_header_word(w, HeaderWord::name)) << w;
    for (const char* w : {"Parent", "親", "父项", "父項", "Yläsolmu"})
        EXPECT_TRUE(is_header_word(w, HeaderWord::parent)) << w;
    for (const char* w : {"link", "リンク", "链接", "連結", "Linkki", "Lien"})
        EXPECT_TRUE(is_header_word(w, HeaderWord::link)) << w;
    EXPECT_FALSE(is_header_word("Sales", HeaderWord::name));
    EXPECT_FALSE(is_header_cell(Cell(3.0), HeaderWord::name));
}

TEST(Layout, TransposedIsRecognisedByTheFirstColumn) {
    const Grid transposed = Grid::from_rows({{"Name", "Sales", "Deals"},
                                             {"Parent", "", "Sales"},
                                             {"Link", "", "+"},
                                             {"Jan", 10.0, 10.0}});
    EXPECT_TRUE(is_transposed_layout(transposed));
    EXPECT_FALSE(is_transposed_layout(transpose(transposed)));
    // A row-layout header wins, also when KPI names happen to be label words.
    const Grid rows = Grid::from_rows(
        {{"Name", "Parent", "Link", "Jan"}, {"Parent", "", "", 1.0}, {"Link", "Parent", "+", 1.0}});
    EXPECT_FALSE(is_transposed_layout(rows));
}

TEST(Layout, TransposeSwapsRowsAndColumns) {
    const Grid g = Grid::from_rows({{1.0, 2.0, 3.0}, {"a", Empty{}, CellError{"#N/A"}}});
    const Grid t = transpose(g);
    ASSERT_EQ(t.rows(), 3u);
    ASSERT_EQ(t.columns(), 2u);
    for (std::size_t r = 0; r < g.rows(); ++r)
        for (std::size_t c = 0; c < g.columns(); ++c)
            EXPECT_EQ(t.at(c, r), g.at(r, c));
}
