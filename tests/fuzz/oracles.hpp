// What every fuzz target asserts besides "no crash, no sanitizer report, no hang":
// - only ArgumentError and UndefinedResult may escape a function (the documented error tier);
// - no result cell is a non-finite number;
// - the one-node form of a function gives the same cells as the node's row of the full result;
// - KPI.CHECK's OK is true: identity_oracle recomputes every OK row from the table itself.
// A finding prints what broke and aborts, so libFuzzer keeps the input.
#pragma once

#include "grid_decoder.hpp"
#include "kpitree/functions.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <optional>
#include <string>
#include <string_view>

namespace kpitree::fuzz {

[[noreturn]] inline void finding(const std::string& what) {
    std::fprintf(stderr, "\n==kpitree fuzz finding== %s\n", what.c_str());
    std::fflush(stderr);
    std::abort();
}

// Runs `call`; nullopt when it threw one of the documented errors.
template <class Call> std::optional<Grid> guarded(Call call) {
    try {
        return call();
    } catch (const ArgumentError&) {
    } catch (const UndefinedResult&) {
    } catch (const std::exception& e) {
        finding(std::string("undocumented exception: ") + e.what());
    } catch (...) {
        finding("undocumented exception of a non-standard type");
    }
    return std::nullopt;
}

inline void require_finite(const std::optional<Grid>& g) {
    if (!g)
        return;
    for (std::size_t r = 0; r < g->rows(); ++r)
        for (std::size_t c = 0; c < g->columns(); ++c)
            if (const auto* d = std::get_if<double>(&g->at(r, c)); d && !std::isfinite(*d))
                finding("non-finite result cell at row " + std::to_string(r + 1) + ", column " +
                        std::to_string(c + 1));
}

// Without the spaces the table reader trims (ASCII, no-break and ideographic).
inline std::string_view trimmed(std::string_view s) {
    static constexpr std::string_view spaces[] = {" ", "\t", "\n", "\r", "\u00A0", "\u3000"};
    for (bool again = true; again;) {
        again = false;
        for (std::string_view sp : spaces) {
            if (s.starts_with(sp)) {
                s.remove_prefix(sp.size());
                again = true;
            }
            if (s.ends_with(sp)) {
                s.remove_suffix(sp.size());
                again = true;
            }
        }
    }
    return s;
}

inline bool starts_with(const Cell& c, const std::string& token) {
    const auto* s = std::get_if<std::string>(&c);
    return s && s->compare(0, token.size(), token) == 0;
}

inline std::string show(const Cell& c) {
    if (const auto* d = std::get_if<double>(&c))
        return format_number(*d);
    if (const auto* s = std::get_if<std::string>(&c))
        return "'" + *s + "'";
    return is_empty(c) ? "(empty)" : "(error cell)";
}

// `one` is the result of the one-node form for the name in `table` row `row` (>= 1, so never a
// header), `full` the table-aligned result. Unknown or ambiguous names and a table-level error
// (shown once, in the full result's first cell) are the only reasons they may differ.
inline void require_same_row(const Grid& table, std::size_t row, const std::optional<Grid>& full,
                             const std::optional<Grid>& one) {
    if (!full || !one || row == 0 || row >= table.rows() || full->rows() != table.rows() ||
        one->rows() != 1 || one->columns() != full->columns())
        return;
    const auto* why = std::get_if<std::string>(&one->at(0, 0));
    if (why && why->starts_with("ERROR") &&
        (why->find("ambiguous") != std::string::npos || why->find("no KPI") != std::string::npos ||
         one->at(0, 0) == full->at(0, 0)))
        return;
    for (std::size_t c = 0; c < one->columns(); ++c)
        if (!(one->at(0, c) == full->at(row, c)))
            finding("node form of row " + std::to_string(row + 1) + " differs in column " +
                    std::to_string(c + 1) + ": " + show(one->at(0, c)) + " vs " +
                    show(full->at(row, c)));
}

// The name cell of `row` as a node argument.
inline NodeName name_at(const Grid& table, std::size_t row) {
    if (row >= table.rows() || table.columns() == 0)
        return std::nullopt;
    const auto* s = std::get_if<std::string>(&table.at(row, 0));
    return s ? NodeName(*s) : std::nullopt;
}

// Calls `call(node)` for the whole table and for the name in one row (or a vocabulary name)
// and checks both results. Returns the full result.
template <class Call>
std::optional<Grid> full_and_node(Decoder& in, const Grid& table, const Call& call) {
    const std::optional<Grid> full = guarded([&] { return call(NodeName()); });
    require_finite(full);
    const std::size_t row = in.index(table.rows());
    const NodeName node = in.flag() ? in.node() : name_at(table, row);
    if (!node)
        return full;
    const std::optional<Grid> one = guarded([&] { return call(node); });
    require_finite(one);
    if (node == name_at(table, row) && !trimmed(*node).empty()) // a blank node: a blank row
        require_same_row(table, row, full, one);
    return full;
}

} // namespace kpitree::fuzz
