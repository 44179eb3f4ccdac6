#include "kpitree/model/layout.hpp"

#include "model/text.hpp"

namespace kpitree {

namespace {

// The labels, folded to lower case, in en, ja, zh-CN, zh-TW, fi and fr (the words the
// Function Wizard's tree argument uses, and common alternatives).
constexpr std::string_view name_words[] = {"name", "名前", "名称", "名稱", "nimi", "nom"};
constexpr std::string_view parent_words[] = {"parent", "親",       "親kpi",   "父项",
                                             "父項",   "yläsolmu", "vanhempi"};
constexpr std::string_view link_words[] = {"link", "リンク", "链接", "連結", "linkki", "lien"};

} // namespace

bool is_header_word(std::string_view text, HeaderWord word) {
    const std::string t = fold_case(trim(text));
    auto in = [&](const auto& words) {
        for (std::string_view w : words)
            if (t == w)
                return true;
        return false;
    };
    switch (word) {
    case HeaderWord::name:
        return in(name_words);
    case HeaderWord::parent:
        return in(parent_words);
    case HeaderWord::link:
        return in(link_words);
    }
    return false;
}

bool is_header_cell(const Cell& cell, HeaderWord word) {
    const auto* s = std::get_if<std::string>(&cell);
    return s && is_header_word(*s, word);
}

bool is_transposed_layout(const Grid& grid) {
    if (grid.rows() < 3 || grid.columns() < 2)
        return false;
    const bool column_labels = is_header_cell(grid.at(0, 0), HeaderWord::name) &&
                               is_header_cell(grid.at(1, 0), HeaderWord::parent) &&
                               is_header_cell(grid.at(2, 0), HeaderWord::link);
    const bool row_labels = grid.columns() >= 3 &&
                            is_header_cell(grid.at(0, 1), HeaderWord::parent) &&
                            is_header_cell(grid.at(0, 2), HeaderWord::link);
    return column_labels && !row_labels;
}

Grid transpose(const Grid& grid) {
    Grid out(grid.columns(), grid.rows());
    for (std::size_t r = 0; r < grid.rows(); ++r)
        for (std::size_t c = 0; c < grid.columns(); ++c)
            out.at(c, r) = grid.at(r, c);
    return out;
}

} // namespace kpitree
