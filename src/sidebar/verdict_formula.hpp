// Recognising the verdict blocks the panel inserts: a formula calling a KPI Tree function, and
// the tree table it reads (its first argument). Plain C++, no UNO: the panel uses it so that a
// verdict column next to a table is never read as part of the table, and so that the cursor in
// a verdict column shows the table the verdicts are about.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kpitree::sidebar {

// Whether a cell formula calls a KPI Tree function, in the form the UI shows ("=KPI.CHECK(")
// or the API's programmatic form ("=ORG.KPITREE.KPITREE.CHECK(").
bool is_kpi_formula(std::string_view formula);

// The display name of the first KPI Tree function `formula` calls ("=ORG.KPITREE.KPITREE.CHECK("
// and "{=kpi.check(" give "KPI.CHECK"); empty when it calls none.
std::string kpi_function_name(std::string_view formula);

// A cell range reference split into its sheet (empty: the formula's own sheet) and the range
// on it: "$'My sheet'.$B$2:$AB$8" -> {"My sheet", "$B$2:$AB$8"}.
struct RangeText {
    std::string sheet;
    std::string range;
};

// The first argument of the first KPI Tree call in `formula` when it is a cell range
// reference and the function reads a tree table (not KPI.GRANGER or KPI.PADJUST); nullopt
// otherwise. Arguments are separated by ';' or ','.
std::optional<RangeText> kpi_table_argument(std::string_view formula);

} // namespace kpitree::sidebar
