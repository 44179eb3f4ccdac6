// The spreadsheet functions, cell grid in and cell grid out, exactly as the cells show them.
// Adapters (the Calc add-in, the command line, the sidebar) convert their cells to a Grid,
// call one of these and convert the Grid back; they hold no logic of their own.
//
// Row-aligned results have one row per table row: the header row gets a header label, blank
// rows stay empty. With `node` set, the result is the one row of that KPI (or one cell saying
// why there is none); a blank `node` gives one blank row.
#pragma once

#include "kpitree/audit/check.hpp"
#include "kpitree/model/errors.hpp"
#include "kpitree/model/table.hpp"
#include "kpitree/model/tree.hpp"
#include "kpitree/plan/variance.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kpitree {

// A period argument as the cell holds it: a 1-based period number, the period's header label
// ("Jan"), or Empty when the argument was skipped.
using PeriodArg = Cell;

// KPI.CHECK's tolerance as the cell holds it: Empty (floating-point noise only), a number >= 0
// (relative to the expected value) or the text "rounding" (CheckOptions::rounding); anything
// else throws ArgumentError.
using ToleranceArg = Cell;
CheckOptions check_options(const ToleranceArg& tolerance);

// KPI.CHECK: one status per row (see status_text in check.hpp).
Grid check_cells(const Grid& table, const ToleranceArg& tolerance, const NodeName& node = {});
// A table read and checked once, for many one-node calls on it (a fill-down column whose
// add-in keeps the table between calls): check_cells(checked, node) is exactly
// check_cells(table, tolerance, node) for the table and tolerance it was made from.
struct CheckedTable {
    Tree tree;
    std::vector<CheckResult> results;
};
CheckedTable check_table(const Grid& table, const ToleranceArg& tolerance);
Grid check_cells(const CheckedTable& checked, const NodeName& node);
// KPI.EXPECTED: f(children) per row × period, empty where undefined.
Grid expected_cells(const Grid& table, const NodeName& node = {});
// KPI.RESIDUAL: actual − expected per row × period, empty where undefined.
Grid residual_cells(const Grid& table, const NodeName& node = {});
// KPI.LINT: one finding per row of the result (not aligned), or one row "OK".
Grid lint_cells(const Grid& table);

// KPI.GRANGER: the statsmodels ssr_ftest of "cause helps predict effect" at `lag`. `effect`
// and `cause` are each one row or one column of numbers, equally long, without empty or text
// cells (else ArgumentError); `lag` is an integer in 1..max_causal_lag, and points × (2 lag +
// 1)² at most max_granger_work (the regression's cost; else ArgumentError, so a huge lag
// answers at once instead of never). `output` "p" (default) gives the
// p-value (1×1); "F" gives F, df_num, df_den (1×3). Throws UndefinedResult where the test is
// undefined (n <= 3 lag + 1, a constant series, a perfect or collinear fit).
inline constexpr int max_causal_lag = 100;
inline constexpr double max_granger_work = 4e9;
Grid granger_cells(const Grid& effect, const Grid& cause, double lag,
                   const std::optional<std::string>& output = {});

// KPI.PADJUST: adjusted p-values, same shape as `pvalues`. `method` holm, bh or bonferroni
// (see parse_padjust_method). Empty cells stay empty and are not part of the family; text or a
// number outside [0, 1] throws ArgumentError.
Grid padjust_cells(const Grid& pvalues, const std::string& method);

// KPI.CAUSAL: per row SUPPORTED / UNSUPPORTED / INSUFFICIENT + evidence for ~ links, IDENTITY
// for arithmetic links, empty for KGIs (causal_status_text). alpha in (0, 1), default 0.05;
// max_lag an integer in 1..max_causal_lag, default 4; else ArgumentError. The adjustment family
// is every tested ~ link of the table, also when `node` picks one row.
Grid causal_cells(const Grid& table, std::optional<double> alpha = {},
                  std::optional<double> max_lag = {}, const NodeName& node = {});

// KPI.CONTRIB: each row's contribution to its KGI's change from `from_period` to
// `to_period` (period numbers or header labels, see PeriodArg), or its status text. `method`
// "lmdi" (default) or "shapley". Unknown periods or methods throw ArgumentError.
// `tolerance` (relative, >= 0, default 0.01 = ContribOptions::mismatch_tolerance): how far a
// parent may differ from f(children) before its children say MISMATCH; else ArgumentError.
Grid contrib_cells(const Grid& table, const PeriodArg& from_period, const PeriodArg& to_period,
                   const std::optional<std::string>& method = {}, const NodeName& node = {},
                   std::optional<double> tolerance = {});

// KPI.TARGET: the value each row must reach for its KGI to hit `kgi_target`, starting from
// `period` (default: the KGI's last period with data). `kgi_target` is a finite number (the
// KGI's target) or a text "+10%" / "-5%" (relative to the KGI's value in `period`); anything
// else throws ArgumentError. `flex` names the KPIs that may move (empty: all). `kgi` names the
// KGI to plan in a table with several (blank: the table's only KGI; a name that is no KGI
// makes every row ERROR, naming the KGIs).
Grid target_cells(const Grid& table, const Cell& kgi_target, const PeriodArg& period,
                  const std::vector<std::string>& flex, const NodeName& node, const NodeName& kgi);
// The same with an absolute target and no `kgi`.
Grid target_cells(const Grid& table, double kgi_target, const PeriodArg& period = {},
                  const std::vector<std::string>& flex = {}, const NodeName& node = {});

// KPI.ROLLUP: per row × bucket of `periods_per_bucket` periods (an integer >= 1, else
// ArgumentError); the header row shows the bucket labels (bucket_label), a partial last bucket
// says so. `kinds` is empty or one column with one cell per table row: flow, stock, ratio or
// empty (infer); anything else throws ArgumentError.
Grid rollup_cells(const Grid& table, double periods_per_bucket, const Grid& kinds = {});

// KPI.ELASTICITY: % change of the row's KGI for a 1 % change of the row, others fixed, in
// `period` (default: the KGI's last period with data).
Grid elasticity_cells(const Grid& table, const PeriodArg& period = {}, const NodeName& node = {});
// A period argument as a 0-based period of `tree` (a table without table errors); nullopt when
// skipped (Empty). Throws NotInTable (naming the periods there are) for a period the table does
// not have, ArgumentError naming `what` for an argument that is no number or text.
std::optional<std::size_t> period_argument(const Tree& tree, const PeriodArg& arg,
                                           const std::string& what);

// KPI.VARIANCE's figures for every node (Tree::nodes order) and the period they compare.
struct VarianceColumns {
    std::size_t period = 0;
    std::vector<VarianceRow> rows;
};
// The plan range read as variance_cells reads it (ArgumentError likewise).
VarianceColumns variance_columns(const Tree& tree, const Grid& plan, const PeriodArg& period = {});

// KPI.VARIANCE: per row six cells: plan, actual, gap, gap % (a fraction), the contribution to
// the KGI's gap, and AHEAD / BEHIND / ON PLAN or why not (variance.hpp). `plan`: a Name column
// and one value column (the plan for `period`), or one column per period of the table; an
// optional header row. Default period: the latest with both plan and actual for the KGI.
Grid variance_cells(const Grid& table, const Grid& plan, const PeriodArg& period = {},
                    const NodeName& node = {});
// KPI.WHATIF: per row two cells: the value after the changes and its change (whatif.hpp).
// `changes`: a KPI name and a new value or a relative change as text ("+10%", "-5%").
Grid whatif_cells(const Grid& table, const Grid& changes, const PeriodArg& period = {},
                  const NodeName& node = {});

} // namespace kpitree
