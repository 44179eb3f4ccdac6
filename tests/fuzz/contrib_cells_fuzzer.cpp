// KPI.CONTRIB on arbitrary tables, periods (numbers or labels), methods and tolerances.
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
    const std::optional<double> tolerance = in.optional_number();
    const Grid table = in.table();
    full_and_node(in, table, [&](const NodeName& node) {
        return contrib_cells(table, from, to, method, node, tolerance);
    });
    return 0;
}
