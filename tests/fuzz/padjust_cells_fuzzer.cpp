// KPI.PADJUST on arbitrary p-value grids and methods.
#include "kpitree/functions.hpp"
#include "oracles.hpp"

#include <cstddef>
#include <cstdint>

using namespace kpitree;
using namespace kpitree::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Decoder in(data, size);
    const std::string method = in.method().value_or("holm");
    const Grid pvalues = in.pvalues();
    require_finite(guarded([&] { return padjust_cells(pvalues, method); }));
    return 0;
}
