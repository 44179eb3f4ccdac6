// KPI.ROLLUP on arbitrary tables, bucket sizes and kinds columns.
#include "kpitree/functions.hpp"
#include "oracles.hpp"

#include <cstddef>
#include <cstdint>

using namespace kpitree;
using namespace kpitree::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Decoder in(data, size);
    const double per = in.optional_whole(0, 13).value_or(3.0);
    const Grid table = in.table();
    const Grid kinds = in.kinds(table.rows());
    require_finite(guarded([&] { return rollup_cells(table, per, kinds); }));
    return 0;
}
