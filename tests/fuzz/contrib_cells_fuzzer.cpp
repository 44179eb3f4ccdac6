// KPI.CONTRIB on arbitrary tables, periods (numbers or labels) and methods.
#include "kpitree/functions.hpp"
#include "oracles.hpp"

#include <cstddef>
#include <cstdint>

using namespace kpitree;
using namespace kpitree::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Decoder in(data, size);
    const PeriodArg from = in.period(), to = in.period();
    const std::optional<std::string> method = in.method();
    const Grid table = in.table();
    full_and_node(in, table, [&](const NodeName& node) {
        return contrib_cells(table, from, to, method, node);
    });
    return 0;
}
