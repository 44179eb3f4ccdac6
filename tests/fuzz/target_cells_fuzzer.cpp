// KPI.TARGET on arbitrary tables, targets, periods and flex lists.
#include "kpitree/functions.hpp"
#include "oracles.hpp"

#include <cstddef>
#include <cstdint>

using namespace kpitree;
using namespace kpitree::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Decoder in(data, size);
    const double kgi_target = in.number();
    const PeriodArg period = in.period();
    const std::vector<std::string> flex = in.names();
    const Grid table = in.table();
    full_and_node(in, table, [&](const NodeName& node) {
        return target_cells(table, kgi_target, period, flex, node);
    });
    return 0;
}
