// KPI.ELASTICITY on arbitrary tables and periods.
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
    full_and_node(in, table,
                  [&](const NodeName& node) { return elasticity_cells(table, period, node); });
    return 0;
}
