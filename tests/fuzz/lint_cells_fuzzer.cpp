// KPI.LINT on arbitrary tables.
#include "kpitree/functions.hpp"
#include "oracles.hpp"

#include <cstddef>
#include <cstdint>

using namespace kpitree;
using namespace kpitree::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Decoder in(data, size);
    const Grid table = in.table();
    require_finite(guarded([&] { return lint_cells(table); }));
    return 0;
}
