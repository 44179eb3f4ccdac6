#include "kpitree/model/table.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace kpitree {

Grid Grid::from_rows(const std::vector<std::vector<Cell>>& rows) {
    std::size_t columns = 0;
    for (const auto& r : rows)
        columns = std::max(columns, r.size());
    Grid grid(rows.size(), columns);
    for (std::size_t i = 0; i < rows.size(); ++i)
        for (std::size_t j = 0; j < rows[i].size(); ++j)
            grid.at(i, j) = rows[i][j];
    return grid;
}

} // namespace kpitree
