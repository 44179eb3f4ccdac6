// The UNO boundary: converts Calc's cell arrays to the core's Grid and back, reads optional
// arguments, and turns core exceptions into the UNO exceptions Calc understands. Nothing else
// in the adapters touches both worlds.
#pragma once

#include "kpitree/model/errors.hpp"
#include "kpitree/model/table.hpp"

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/sheet/NoConvergenceException.hpp>
#include <com/sun/star/uno/Any.hxx>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <com/sun/star/uno/Sequence.hxx>
#include <exception>
#include <optional>
#include <rtl/ustring.hxx>
#include <string>
#include <string_view>
#include <vector>

namespace kpitree::uno {

namespace css = com::sun::star;
using AnyRows = css::uno::Sequence<css::uno::Sequence<css::uno::Any>>;

std::string to_utf8(const rtl::OUString& text);
rtl::OUString to_oustring(std::string_view utf8);

// Calc cells (double, string, void; anything else is treated as an error cell) to a Grid.
// Empty strings count as empty cells (XCellRangeData::getDataArray reports empties so).
//
// to_grid drops the range's blank tail: trailing rows and columns without a non-empty cell,
// down to no fewer than 4 of each when the range has them (the narrowest tree table, so a
// sketched tree whose value cells are still empty keeps its period column). Calc hands a
// whole-column reference ($A:$AA) over as 1,048,576 rows; the core then sees only the rows in
// use, and no Cell is made for the tail. Rows that remain keep their positions, so results stay
// aligned with the input range row for row.
//
// Decision: a row-aligned result covers the rows in use only, never the blank tail. An array
// formula taller than that shows #N/A in its cells below (Calc fills the part of an array area
// that the result does not reach so); a formula in one cell, or with `node`, is unaffected.
// Returning the tail as blanks would cost a million-row result for every whole-column call.
Grid to_grid(const AnyRows& rows);
// The range as it is, blank tail included: for arguments matched cell by cell against another
// range of the same shape (ROLLUP's kinds column).
Grid to_grid_as_is(const AnyRows& rows);
// A Grid back to cells: numbers, strings, void for empty.
AnyRows to_any_rows(const Grid& grid);

// Optional arguments: void = not given. A number where text is expected is used as its text,
// text where a number is expected throws ArgumentError naming `what`.
std::optional<double> optional_number(const css::uno::Any& value, std::string_view what);
std::optional<std::string> optional_text(const css::uno::Any& value);
// The optional `node` argument: like optional_text, except that the number 0 — what Calc passes
// for a reference to an empty cell — is a blank name (a blank result), not the name "0".
NodeName optional_node(const css::uno::Any& value);
// One cell argument (a period number or label): void and "" give Empty.
Cell to_cell(const css::uno::Any& value);
// An optional range argument, as is (to_grid_as_is): void gives an empty Grid, a single value a
// 1×1 Grid.
Grid optional_grid(const css::uno::Any& value);
// An optional list of names from a range or a single cell: the non-empty cells, numbers as
// their text; void gives none. The blank tail is skipped (to_grid).
std::vector<std::string> optional_names(const css::uno::Any& value);

// Runs `body` and converts escaping exceptions: ArgumentError -> IllegalArgumentException
// (Calc shows Err:502), UndefinedResult -> NoConvergenceException (Err:523; the IDL method must
// list it in `raises`), anything else -> RuntimeException (#VALUE!). Exceptions must never
// cross into the office unconverted: they could take the user's unsaved work down with them.
template <class Body> auto guarded(Body&& body) -> decltype(body()) {
    try {
        return body();
    } catch (const ArgumentError& e) {
        throw css::lang::IllegalArgumentException(to_oustring(e.what()), {}, 0);
    } catch (const UndefinedResult& e) {
        throw css::sheet::NoConvergenceException(to_oustring(e.what()), {});
    } catch (const css::uno::Exception&) {
        throw;
    } catch (const std::exception& e) {
        throw css::uno::RuntimeException(to_oustring(std::string("KPI Tree: ") + e.what()));
    } catch (...) {
        throw css::uno::RuntimeException("KPI Tree: unknown failure");
    }
}

} // namespace kpitree::uno
