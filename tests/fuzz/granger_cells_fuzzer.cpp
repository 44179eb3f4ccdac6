// KPI.GRANGER on arbitrary series and lags, long series included.
#include "kpitree/functions.hpp"
#include "oracles.hpp"

#include <cstddef>
#include <cstdint>

using namespace kpitree;
using namespace kpitree::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Decoder in(data, size);
    const std::size_t length = in.length();
    const Grid effect = in.series(length);
    const Grid cause = in.series(in.flag() ? length : in.length());
    const double lag = in.flag() ? in.number() : static_cast<double>(in.index(length + 2));
    const std::optional<std::string> output = in.method();
    require_finite(guarded([&] { return granger_cells(effect, cause, lag, output); }));
    return 0;
}
