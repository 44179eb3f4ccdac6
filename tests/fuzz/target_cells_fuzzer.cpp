// KPI.TARGET on arbitrary tables, targets (numbers, "+10%" texts, any cell), periods, flex lists
// and KGI names.
#include "kpitree/functions.hpp"
#include "oracles.hpp"

#include <cstddef>
#include <cstdint>

using namespace kpitree;
using namespace kpitree::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Decoder in(data, size);
    const Cell kgi_target = in.relative_or_cell();
    const PeriodArg period = in.period();
    const std::vector<std::string> flex = in.names();
    const NodeName kgi = in.flag() ? in.node() : NodeName();
    const Grid table = in.table();
    full_and_node(in, table, [&](const NodeName& node) {
        return target_cells(table, kgi_target, period, flex, node, kgi);
    });
    return 0;
}
