// English (en) texts of the Function Wizard and the sidebar, one entry per message of
// ui_text.hpp. The reference language: every message has its English text here, and any message
// another language lacks falls back to it.
// Decimal separators and period labels in examples follow the language's usual settings.
#include "catalog.hpp"

namespace kpitree::lang::detail {

// clang-format off
const Entry en_entries[] = {
    {Msg::fn_check, "Verifies parent = f(children) in every period. Per row: OK, MISMATCH (periods, worst period, residual), LEAF, NODATA or ERROR with the reason."},
    {Msg::fn_expected, "The value each parent should have from its children (f(children)), per row and period; empty for rows without arithmetic children."},
    {Msg::fn_residual, "Actual minus expected value per row and period; empty where not defined."},
    {Msg::fn_lint, "Lists the problems of a tree table, one per row, each starting ERROR, WARN or INFO; OK when there is nothing to report."},
    {Msg::fn_granger, "Granger test: p-value of the F-test that past values of cause help predict effect at the given lag (statsmodels ssr_ftest). Err:523 where the test is undefined (too few points, constant series)."},
    {Msg::fn_padjust, "Adjusts p-values for testing many hypotheses at once (statsmodels multipletests); same shape as the input, empty cells stay empty."},
    {Msg::fn_causal, "Tests each hypothesis (~) link on the data: SUPPORTED, UNSUPPORTED or INSUFFICIENT with the evidence (lag, periods, p, adjusted p); IDENTITY for arithmetic links; empty for KGIs."},
    {Msg::fn_contrib, "Each KPI's contribution to its KGI's change between two periods; the contributions of a parent's children add up to the parent's contribution."},
    {Msg::fn_target, "The value each KPI must reach for its KGI to hit the target, reproducing it exactly through the tree's arithmetic; the change is spread evenly over the links."},
    {Msg::fn_rollup, "Rolls values up to coarser periods (e.g. months to quarters): flows are summed, stocks take the last value, ratios are recomputed from their rolled-up parts, never averaged."},
    {Msg::fn_elasticity, "The % change of the KGI for a 1% change of each KPI, all others fixed."},
    {Msg::arg_tree, "The tree table: Name, Parent, Link (+ - * / ~), then one column per period, oldest first; an optional header row."},
    {Msg::arg_check_tolerance, "Optional: allowed |actual - expected| relative to the expected value, e.g. 0.005 for 0.5%. Default: floating-point noise only."},
    {Msg::arg_node, "Optional: the name of one KPI; the result is then that KPI's row only, for a plain fill-down column."},
    {Msg::arg_granger_effect, "The series to be predicted (e.g. the parent KPI): one row or column of numbers, oldest first, no empty cells."},
    {Msg::arg_granger_cause, "The supposed driver: as many numbers as effect, for the same periods in the same order."},
    {Msg::arg_granger_lag, "Number of past periods used (a whole number, at least 1); the series need more than 3 × lag + 1 values."},
    {Msg::arg_granger_output, "Optional: \"p\" (default) returns the p-value; \"F\" returns F and the numerator and denominator degrees of freedom in a row of three cells."},
    {Msg::arg_padjust_pvalues, "The p-values: numbers from 0 to 1 in any range; empty cells are skipped and not counted."},
    {Msg::arg_padjust_method, "\"holm\" (family-wise error rate), \"bh\" (Benjamini-Hochberg false discovery rate) or \"bonferroni\"."},
    {Msg::arg_causal_alpha, "Optional: significance level for the adjusted p-value, between 0 and 1. Default 0.05."},
    {Msg::arg_causal_max_lag, "Optional: the largest lag considered (a whole number from 1 to 100); the lag is chosen from the parent's own history. Default 4."},
    {Msg::arg_contrib_from_period, "The base period: its number (1 = the first value column) or its header label, e.g. \"Jan\"."},
    {Msg::arg_contrib_to_period, "The compared period: its number or its header label."},
    {Msg::arg_contrib_method, "Optional: how products are split: \"lmdi\" (log-mean Divisia, default) or \"shapley\". LMDI falls back to Shapley where a value is 0 or negative."},
    {Msg::arg_target_kgi_target, "The value the KGI should reach."},
    {Msg::arg_period, "Optional: the period, by its number (1 = the first value column) or its header label. Default: the KGI's latest period with data."},
    {Msg::arg_target_flex, "Optional: a range of KPI names that may move (with everything below them); the others keep their value. Default: all may move."},
    {Msg::arg_rollup_periods_per_bucket, "How many periods form one bucket, e.g. 3 for months to quarters; the last bucket may be partial."},
    {Msg::arg_rollup_kinds, "Optional: one column aligned with the table rows saying flow, stock or ratio; empty cells are inferred from the tree."},
    {Msg::argname_tree, "tree"},
    {Msg::argname_tolerance, "tolerance"},
    {Msg::argname_node, "node"},
    {Msg::argname_effect, "effect"},
    {Msg::argname_cause, "cause"},
    {Msg::argname_lag, "lag"},
    {Msg::argname_output, "output"},
    {Msg::argname_pvalues, "pvalues"},
    {Msg::argname_method, "method"},
    {Msg::argname_alpha, "alpha"},
    {Msg::argname_max_lag, "max_lag"},
    {Msg::argname_from_period, "from_period"},
    {Msg::argname_to_period, "to_period"},
    {Msg::argname_kgi_target, "kgi_target"},
    {Msg::argname_period, "period"},
    {Msg::argname_flex, "flex"},
    {Msg::argname_periods_per_bucket, "periods_per_bucket"},
    {Msg::argname_kinds, "kinds"},
    {Msg::hint_array_node, "Returns one row per table row: select as many rows next to the table and enter it with Ctrl+Shift+Enter, or use the node argument for one KPI per cell."},
    {Msg::hint_array, "Returns one row per table row: select as many rows next to the table and enter it with Ctrl+Shift+Enter."},
    {Msg::panel_no_tree, "No KPI tree here. Put the cursor in a tree table (Name, Parent, Link, one column per period) or select one."},
    {Msg::panel_too_large, "The region around the cursor is too large for a tree table. Select the table."},
    {Msg::panel_table_summary, "Tree table %1: %2 KPIs"},
    {Msg::panel_findings, "Findings"},
    {Msg::panel_no_findings, "OK: no findings"},
    {Msg::panel_legend, "✔\u00a0identity\u00a0holds   ✘\u00a0mismatch\n~✔\u00a0hypothesis\u00a0supported   ~✘\u00a0unsupported\n~?\u00a0not\u00a0testable   ⚠\u00a0error"},
    {Msg::panel_insert_check, "Insert check column"},
    {Msg::panel_insert_causal, "Insert causal column"},
    {Msg::panel_insert_contrib, "Insert contribution column"},
    {Msg::panel_undo_insert, "Insert KPI Tree column"},
    {Msg::panel_need_two_periods, "A contribution needs at least two periods."},
};
// clang-format on

const std::span<const Entry> en_texts = en_entries;

} // namespace kpitree::lang::detail
