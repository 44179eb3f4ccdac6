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

std::string format_number(double value) {
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "inf" : "-inf";
    if (value == 0)
        return "0";
    char buffer[64];
    const double magnitude = std::fabs(value);
    const auto format = (magnitude >= 1e-6 && magnitude < 1e15) ? std::chars_format::fixed
                                                                : std::chars_format::general;
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, format);
    if (ec != std::errc())
        return std::to_string(value);
    return std::string(buffer, end);
}

} // namespace kpitree
