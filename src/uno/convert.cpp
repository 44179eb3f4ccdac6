#include "convert.hpp"

#include <algorithm>
#include <rtl/string.hxx>

namespace kpitree::uno {

std::string to_utf8(const rtl::OUString& text) {
    const rtl::OString s = rtl::OUStringToOString(text, RTL_TEXTENCODING_UTF8);
    return std::string(s.getStr(), static_cast<std::size_t>(s.getLength()));
}

rtl::OUString to_oustring(std::string_view utf8) {
    return rtl::OUString(utf8.data(), static_cast<sal_Int32>(utf8.size()), RTL_TEXTENCODING_UTF8);
}

Cell to_cell(const css::uno::Any& value) {
    switch (value.getValueTypeClass()) {
    case css::uno::TypeClass_VOID:
        return Empty{};
    case css::uno::TypeClass_DOUBLE:
    case css::uno::TypeClass_FLOAT:
    case css::uno::TypeClass_LONG:
    case css::uno::TypeClass_SHORT:
    case css::uno::TypeClass_HYPER:
    case css::uno::TypeClass_BOOLEAN: {
        double d = 0;
        if (value >>= d)
            return d;
        bool b = false;
        if (value >>= b)
            return b ? 1.0 : 0.0;
        return CellError{"#VALUE!"};
    }
    case css::uno::TypeClass_STRING: {
        rtl::OUString s;
        value >>= s;
        if (s.isEmpty())
            return Empty{};
        return to_utf8(s);
    }
    default:
        return CellError{"#VALUE!"};
    }
}

namespace {

// The narrowest tree table in either layout: Name, Parent, Link and one period.
constexpr std::size_t min_table_extent = 4;

// A cell to_cell reads as Empty: void or an empty string.
bool is_blank(const css::uno::Any& value) {
    switch (value.getValueTypeClass()) {
    case css::uno::TypeClass_VOID:
        return true;
    case css::uno::TypeClass_STRING:
        return static_cast<const rtl::OUString*>(value.getValue())->isEmpty();
    default:
        return false;
    }
}

struct Extent {
    std::size_t rows = 0;
    std::size_t columns = 0;
};

// Rows and columns up to the last non-blank cell, at least min_table_extent of each when the
// range has them. Scans from the end, so the cost of a blank tail is one type check per cell.
Extent used_extent(const AnyRows& rows) {
    Extent used;
    std::size_t width = 0;
    for (const auto& row : rows)
        width = std::max(width, static_cast<std::size_t>(row.getLength()));
    for (sal_Int32 r = rows.getLength(); r-- > 0;) {
        const auto& row = rows[r];
        for (sal_Int32 c = row.getLength(); static_cast<std::size_t>(c) > used.columns; --c)
            if (!is_blank(row[c - 1])) {
                used.columns = static_cast<std::size_t>(c);
                if (used.rows == 0)
                    used.rows = static_cast<std::size_t>(r) + 1;
                break;
            }
        if (used.columns == width)
            break;
    }
    const std::size_t all_rows = static_cast<std::size_t>(rows.getLength());
    used.rows = std::max(used.rows, std::min(all_rows, min_table_extent));
    used.columns = std::max(used.columns, std::min(width, min_table_extent));
    return used;
}

Grid convert_cells(const AnyRows& rows, Extent extent) {
    Grid grid(extent.rows, extent.columns);
    for (std::size_t r = 0; r < extent.rows; ++r) {
        const auto& row = rows[static_cast<sal_Int32>(r)];
        const std::size_t n = std::min(extent.columns, static_cast<std::size_t>(row.getLength()));
        for (std::size_t c = 0; c < n; ++c)
            grid.at(r, c) = to_cell(row[static_cast<sal_Int32>(c)]);
    }
    return grid;
}

} // namespace

Grid to_grid(const AnyRows& rows) {
    return convert_cells(rows, used_extent(rows));
}

Grid to_grid_as_is(const AnyRows& rows) {
    Extent all;
    all.rows = static_cast<std::size_t>(rows.getLength());
    for (const auto& row : rows)
        all.columns = std::max(all.columns, static_cast<std::size_t>(row.getLength()));
    return convert_cells(rows, all);
}

AnyRows to_any_rows(const Grid& grid) {
    AnyRows rows(static_cast<sal_Int32>(grid.rows()));
    auto* out = rows.getArray();
    for (std::size_t r = 0; r < grid.rows(); ++r) {
        css::uno::Sequence<css::uno::Any> row(static_cast<sal_Int32>(grid.columns()));
        auto* cells = row.getArray();
        for (std::size_t c = 0; c < grid.columns(); ++c) {
            const Cell& cell = grid.at(r, c);
            if (const auto* d = std::get_if<double>(&cell))
                cells[c] <<= *d;
            else if (const auto* s = std::get_if<std::string>(&cell))
                cells[c] <<= to_oustring(*s);
            else if (const auto* e = std::get_if<CellError>(&cell))
                cells[c] <<= to_oustring(e->code);
        }
        out[r] = row;
    }
    return rows;
}

std::optional<double> optional_number(const css::uno::Any& value, std::string_view what) {
    if (!value.hasValue())
        return std::nullopt;
    double d = 0;
    if (value >>= d)
        return d;
    rtl::OUString s;
    if ((value >>= s) && s.trim().isEmpty())
        return std::nullopt;
    throw ArgumentError(std::string(what) + " must be a number");
}

std::optional<std::string> optional_text(const css::uno::Any& value) {
    if (!value.hasValue())
        return std::nullopt;
    rtl::OUString s;
    if (value >>= s)
        return to_utf8(s);
    double d = 0;
    if (value >>= d)
        return format_number(d);
    throw ArgumentError("expected a name");
}

NodeName optional_node(const css::uno::Any& value) {
    double d = 0;
    if ((value >>= d) && d == 0.0)
        return std::string();
    return optional_text(value);
}

Grid optional_grid(const css::uno::Any& value) {
    AnyRows rows;
    if (value >>= rows)
        return to_grid_as_is(rows);
    const Cell c = to_cell(value);
    if (is_empty(c))
        return {};
    Grid g(1, 1);
    g.at(0, 0) = c;
    return g;
}

std::vector<std::string> optional_names(const css::uno::Any& value) {
    AnyRows rows;
    const Grid g = (value >>= rows) ? to_grid(rows) : optional_grid(value);
    std::vector<std::string> names;
    for (std::size_t r = 0; r < g.rows(); ++r)
        for (std::size_t c = 0; c < g.columns(); ++c) {
            const Cell& cell = g.at(r, c);
            if (const auto* s = std::get_if<std::string>(&cell))
                names.push_back(*s);
            else if (const auto* d = std::get_if<double>(&cell))
                names.push_back(format_number(*d));
            else if (is_error(cell))
                throw ArgumentError("flex contains an error cell");
        }
    return names;
}

} // namespace kpitree::uno
