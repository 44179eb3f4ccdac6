// KPI.WHATIF on arbitrary tables, changes ranges, periods and nodes.
#include "kpitree/functions.hpp"
#include "oracles.hpp"

#include <cstddef>
#include <cstdint>

using namespace kpitree;
using namespace kpitree::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Decoder in(data, size);
    const PeriodArg period = in.period();
    const Grid table = in.table();
    const Grid changes = in.named_values(table.columns() > 3 ? table.columns() - 3 : 1);
    full_and_node(in, table,
                  [&](const NodeName& node) { return whatif_cells(table, changes, period, node); });
    return 0;
}
