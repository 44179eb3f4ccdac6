// KPI.CHECK on arbitrary tables: its OK must survive an independent recomputation.
#include "identity_oracle.hpp"
#include "kpitree/functions.hpp"

#include <cstddef>
#include <cstdint>

using namespace kpitree;
using namespace kpitree::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Decoder in(data, size);
    const std::optional<double> tolerance = in.optional_number();
    const Grid table = in.table();
    const auto check = full_and_node(in, table, [&](const NodeName& node) {
        return check_cells(table, tolerance ? Cell(*tolerance) : Cell(), node);
    });
    identity_oracle(table, tolerance, check, guarded([&] { return expected_cells(table); }));
    return 0;
}
