// The two layouts of a tree table (SPEC "The tree table"): one row per KPI (Name | Parent |
// Link | [Kind] | periods...) or transposed, one column per KPI, with the labels Name, Parent,
// Link (and optionally Kind) down the first column and one row per period below them. The
// reader turns a transposed table into the row layout (transpose) and the functions turn their
// row-aligned results back into column-aligned ones the same way.
#pragma once

#include "kpitree/model/table.hpp"

#include <string_view>

namespace kpitree {

enum class HeaderWord { name, parent, link };

// Whether a cell's text is the column label `word` in one of the five languages ("Name",
// "名前", "名称", "Nimi", "Nom"; "Parent", "親", "父项", "Yläsolmu"; "Link", "リンク", "链接",
// "Linkki", "Lien"), trimmed and case-insensitive.
bool is_header_word(std::string_view text, HeaderWord word);
bool is_header_cell(const Cell& cell, HeaderWord word);

// Whether `grid` is a transposed tree table: its first column reads Name, Parent, Link in its
// first three rows while its first row does not (a row-layout header wins).
bool is_transposed_layout(const Grid& grid);

// Rows become columns: result.at(c, r) == grid.at(r, c).
Grid transpose(const Grid& grid);

} // namespace kpitree
