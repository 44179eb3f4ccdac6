// KPI.CAUSAL on arbitrary tables, alphas and lags.
#include "kpitree/functions.hpp"
#include "oracles.hpp"

#include <cstddef>
#include <cstdint>

using namespace kpitree;
using namespace kpitree::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Decoder in(data, size);
    const std::optional<double> alpha = in.flag() ? in.optional_number() : 0.05;
    const std::optional<double> max_lag = in.optional_whole(0, 8);
    const Grid table = in.table();
    full_and_node(in, table,
                  [&](const NodeName& node) { return causal_cells(table, alpha, max_lag, node); });
    return 0;
}
