// The cells of a tree table as the core sees them: a rectangular grid of number, text, empty or
// error cells, in the order the user laid them out. Adapters (the Calc add-in, the sidebar, the
// command line) convert their own cell types to this once; the core never sees UNO types.
#pragma once

#include "kpitree/model/format.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace kpitree {

struct Empty {
    friend bool operator==(Empty, Empty) = default;
};

// An error cell (#DIV/0!, #N/A, ...). `code` is what the spreadsheet shows, for messages.
struct CellError {
    std::string code;
    friend bool operator==(const CellError&, const CellError&) = default;
};

// One cell: empty, a number, text (UTF-8) or an error.
using Cell = std::variant<Empty, double, std::string, CellError>;

inline bool is_empty(const Cell& c) {
    return std::holds_alternative<Empty>(c);
}
inline bool is_number(const Cell& c) {
    return std::holds_alternative<double>(c);
}
inline bool is_text(const Cell& c) {
    return std::holds_alternative<std::string>(c);
}
inline bool is_error(const Cell& c) {
    return std::holds_alternative<CellError>(c);
}

// A rectangular grid of cells, row-major. Rows shorter than `columns` are padded with Empty.
class Grid {
public:
    Grid() = default;
    Grid(std::size_t rows, std::size_t columns)
        : rows_(rows), columns_(columns), cells_(rows * columns) {}
    // From nested rows (tests, small tables). Ragged rows are padded.
    static Grid from_rows(const std::vector<std::vector<Cell>>& rows);

    std::size_t rows() const { return rows_; }
    std::size_t columns() const { return columns_; }
    bool empty() const { return rows_ == 0 || columns_ == 0; }
    Cell& at(std::size_t row, std::size_t column) { return cells_[row * columns_ + column]; }
    const Cell& at(std::size_t row, std::size_t column) const {
        return cells_[row * columns_ + column];
    }

    friend bool operator==(const Grid&, const Grid&) = default;

private:
    std::size_t rows_ = 0;
    std::size_t columns_ = 0;
    std::vector<Cell> cells_;
};

// The optional last argument of the row-aligned functions: a KPI's name, or none.
using NodeName = std::optional<std::string>;

} // namespace kpitree
