// The language module: every text KPI Tree shows in the office's UI language (the Function
// Wizard's descriptions, the sidebar), in en, ja, zh-CN, zh-TW, fi and fr. The add-in, the
// sidebar and (later) the help and findings look texts up here; the texts of each language live
// in their own file (texts_<language>.cpp), as LibreOffice's scaddins keep theirs in .hrc files.
// The status texts the core writes into cells stay English; the sidebar shows the core's
// findings in the UI's language through the finding_* messages.
// Plain C++ without UNO.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kpitree::lang {

enum class Language { en, ja, zh_CN, zh_TW, fi, fr };
inline constexpr std::size_t language_count = 6;

// The UI language for an office locale given as a BCP 47 tag or a language and a country
// ("ja", "ja-JP", "zh-CN", "zh_TW", "zh-Hant-HK", "fr-CA", "en-US"): Traditional Chinese for
// zh-TW, zh-HK, zh-MO and zh-Hant; English for anything not shipped.
Language language_of(std::string_view locale);
Language language_of(std::string_view language, std::string_view country);

// "en", "ja", "zh-CN", "zh-TW", "fi", "fr".
std::string_view code(Language language);

// Every message, in no particular order; texts_en.cpp has each one's English text.
enum class Msg {
    fn_check,                      // KPI.CHECK: what it does
    fn_expected,                   // KPI.EXPECTED: what it does
    fn_residual,                   // KPI.RESIDUAL: what it does
    fn_lint,                       // KPI.LINT: what it does
    fn_granger,                    // KPI.GRANGER: what it does
    fn_padjust,                    // KPI.PADJUST: what it does
    fn_causal,                     // KPI.CAUSAL: what it does
    fn_contrib,                    // KPI.CONTRIB: what it does
    fn_target,                     // KPI.TARGET: what it does
    fn_rollup,                     // KPI.ROLLUP: what it does
    fn_elasticity,                 // KPI.ELASTICITY: what it does
    arg_tree,                      // argument tree of every tree function
    arg_check_tolerance,           // argument tolerance of KPI.CHECK
    arg_node,                      // argument node of every tree function
    arg_granger_effect,            // argument effect of KPI.GRANGER
    arg_granger_cause,             // argument cause of KPI.GRANGER
    arg_granger_lag,               // argument lag of KPI.GRANGER
    arg_granger_output,            // argument output of KPI.GRANGER
    arg_padjust_pvalues,           // argument pvalues of KPI.PADJUST
    arg_padjust_method,            // argument method of KPI.PADJUST
    arg_causal_alpha,              // argument alpha of KPI.CAUSAL
    arg_causal_max_lag,            // argument max_lag of KPI.CAUSAL
    arg_contrib_from_period,       // argument from_period of KPI.CONTRIB
    arg_contrib_to_period,         // argument to_period of KPI.CONTRIB
    arg_contrib_method,            // argument method of KPI.CONTRIB
    arg_contrib_tolerance,         // argument tolerance of KPI.CONTRIB
    arg_target_kgi_target,         // argument kgi_target of KPI.TARGET
    arg_period,                    // argument period of every tree function
    arg_target_flex,               // argument flex of KPI.TARGET
    arg_target_kgi,                // argument kgi of KPI.TARGET
    arg_rollup_periods_per_bucket, // argument periods_per_bucket of KPI.ROLLUP
    arg_rollup_kinds,              // argument kinds of KPI.ROLLUP
    argname_tree,                  // the Function Wizard's name of argument tree
    argname_tolerance,             // the Function Wizard's name of argument tolerance
    argname_node,                  // the Function Wizard's name of argument node
    argname_effect,                // the Function Wizard's name of argument effect
    argname_cause,                 // the Function Wizard's name of argument cause
    argname_lag,                   // the Function Wizard's name of argument lag
    argname_output,                // the Function Wizard's name of argument output
    argname_pvalues,               // the Function Wizard's name of argument pvalues
    argname_method,                // the Function Wizard's name of argument method
    argname_alpha,                 // the Function Wizard's name of argument alpha
    argname_max_lag,               // the Function Wizard's name of argument max_lag
    argname_from_period,           // the Function Wizard's name of argument from_period
    argname_to_period,             // the Function Wizard's name of argument to_period
    argname_kgi_target,            // the Function Wizard's name of argument kgi_target
    argname_period,                // the Function Wizard's name of argument period
    argname_flex,                  // the Function Wizard's name of argument flex
    argname_kgi,                   // the Function Wizard's name of argument kgi
    argname_periods_per_bucket,    // the Function Wizard's name of argument periods_per_bucket
    argname_kinds,                 // the Function Wizard's name of argument kinds
    hint_array_node,               // appended to a row-aligned function's description (with node)
    hint_array,                    // appended to a row-aligned function's description (no node)
    help_title,                    // help: title of the help's start page
    help_intro,                    // help: the help's first paragraph: the tree table
    help_functions,                // help: heading
    help_syntax,                   // help: heading of a function page
    help_arguments,                // help: heading of a function page
    help_example,                  // help: heading of a function page
    help_example_note,             // help: where the help's examples assume the table
    help_sidebar_title,            // help: heading of the deck's help
    help_sidebar_body,             // help: the deck's help text
    help_wizard_note,       // help: why the Function Wizard's Help button shows no KPI Tree page
    panel_no_tree,          // sidebar: plain message when the cursor is not in a tree table
    panel_too_large,        // sidebar: the region around the cursor is too large to be a tree table
    panel_table_summary,    // sidebar: "%1" = range address, "%2" = number of KPIs
    panel_findings,         // sidebar: caption of the lint list
    panel_no_findings,      // sidebar: the lint list when there is nothing to say
    panel_legend,           // sidebar: what the status marks mean
    panel_insert_check,     // sidebar: button
    panel_insert_causal,    // sidebar: button
    panel_insert_contrib,   // sidebar: button
    panel_undo_insert,      // sidebar: Edit > Undo title of an inserted column
    panel_need_two_periods, // sidebar: CONTRIB needs two periods
    fn_variance,            // KPI.VARIANCE: what it does
    fn_whatif,              // KPI.WHATIF: what it does
    arg_variance_plan,      // argument plan of KPI.VARIANCE
    arg_variance_period,    // argument period of KPI.VARIANCE
    arg_whatif_changes,     // argument changes of KPI.WHATIF
    argname_plan,           // the Function Wizard's name of argument plan
    argname_changes,        // the Function Wizard's name of argument changes
    // The findings of the reader and the lint: one message per kpitree::ProblemId, in its order
    // (the sidebar maps them by position; tests/sidebar checks the English equals the core's).
    finding_table,                   // finding: a problem of the whole range (%1 its English text)
    finding_not_quantifiable_text,   // finding: %1 a text, %2 a period label
    finding_number_stored_as_text,   // finding: %1 a number as text ("14.6%"), %2 a period label
    finding_not_quantifiable_error,  // finding: %1 an error code, %2 a period label
    finding_not_quantifiable_number, // finding: %1 a period label
    finding_duplicate_name, // finding: %1 the name, %2 the other places (English), %3 their numbers
    finding_invalid_kind,   // finding: %1 the Kind cell
    finding_cycle,          // finding: %1 the ring A → B → A
    finding_invalid_link,   // finding: %1 the Link cell
    finding_no_link,        // finding: %1 the parent's name
    finding_no_name,        // finding: %1 the place (English), %2 its number
    finding_unknown_parent, // finding: %1 the parent's name
    finding_ambiguous_parent, // finding: %1 the parent's name
    finding_own_parent,       // finding: %1 the name
    finding_mixed_operators,  // finding: %1 the parent, %2 a + child, %3 a × child
    finding_under_cycle,      // finding: %1 the ring
    finding_cut_off,          // finding: %1 the ancestor
    finding_above_unusable,   // finding: %1 the ancestor, %2 its problem
    finding_no_valid_parent,  // finding: %1 the top of the chain
    finding_root_with_link,   // finding: %1 the link symbol
    finding_unmeasured,       // finding
    finding_partly_measured,  // finding: %1 periods without a value, %2 all periods
    finding_too_deep,         // finding: %1 links below the KGI %2, %3 the allowed depth
    finding_hypothesis_short, // finding: %1 the parent, %2 periods with both values, %3 needed
    finding_single_child,     // finding: %1 the child
    finding_and_more,         // finding: appended when a problem occurs again, %1 how often
    finding_place_row,        // finding: %1 a KPI's name, %2 its table row
    finding_place_column,     // finding: %1 a KPI's name, %2 its table column (transposed table)
    finding_unnamed,          // finding: a KPI without a name
    panel_period,             // sidebar: %1 the latest period, %2 the one the changes compare with
    panel_period_single,      // sidebar: %1 the only or latest period (no change to show)
    panel_insert_diagram,     // sidebar: button
    panel_insert_diagram_tip, // sidebar: the button's tooltip
    panel_insert_waterfall,   // sidebar: button
    panel_insert_waterfall_tip, // sidebar: the button's tooltip
    panel_undo_diagram,         // sidebar: Edit > Undo title of the inserted diagram
    panel_undo_waterfall,       // sidebar: Edit > Undo title of the inserted waterfall chart
    sheet_diagram_title,        // diagram sheet: "%1" = the KGIs, "%2" = the latest period
    sheet_insert_failed,        // sidebar: "%1" = why an insert onto the diagram sheet failed
    waterfall_no_change,        // sidebar: no KGI has values in both chosen periods
    waterfall_title,            // waterfall chart: "%1" = the KGI, "%2" = "M23 → M24"
    waterfall_step,             // waterfall block header: the step's label
    waterfall_base,             // waterfall block header: the invisible base series
    waterfall_increase,         // waterfall block header and series
    waterfall_decrease,         // waterfall block header and series
    waterfall_total,            // waterfall block header and series: start and end values
    waterfall_contribution,     // waterfall block header: the signed contribution
    // the deck's diagram and what-if
    diagram_show_list,            // sidebar diagram: button that switches to the list view
    diagram_show_diagram,         // sidebar diagram: button that switches to the diagram
    diagram_fit,                  // sidebar diagram: button: zoom so the diagram fits the width
    diagram_name,                 // sidebar diagram: accessible name of the diagram
    diagram_hint,                 // sidebar diagram: tooltip of the info line and the diagram
    diagram_hint_short,           // sidebar diagram: the info line when no box is selected
    diagram_tone_plain,           // sidebar diagram: a box without a verdict (a leaf)
    diagram_tone_holds,           // sidebar diagram: tone word
    diagram_tone_mismatch,        // sidebar diagram: tone word
    diagram_tone_supported,       // sidebar diagram: tone word of a ~ link
    diagram_tone_unsupported,     // sidebar diagram: tone word of a ~ link
    diagram_tone_untestable,      // sidebar diagram: tone word of a ~ link
    diagram_tone_error,           // sidebar diagram: tone word
    diagram_whatif_caption,       // sidebar what-if: caption of the value field
    diagram_whatif_try,           // sidebar what-if: button: show the scenario
    diagram_whatif_reset,         // sidebar what-if: button: back to the actual values
    diagram_whatif_insert,        // sidebar what-if: button: write the KPI.WHATIF block
    diagram_whatif_result,        // sidebar what-if: %1 = KGI name, %2 = 'old -> new (change)'
    diagram_whatif_bad_value,     // sidebar what-if: the typed value is no number or change
    diagram_whatif_pick,          // sidebar what-if: no KPI is selected
    diagram_whatif_undo,          // sidebar what-if: Edit > Undo title of the inserted block
    diagram_whatif_header_kpi,    // sidebar what-if: header cell of the changes range
    diagram_whatif_header_change, // sidebar what-if: header cell of the changes range
    help_sidebar_diagram,         // help: the deck's diagram and what-if
    panel_periods_caption,        // sidebar: caption of the two period lists
    panel_period_from_tip,        // sidebar: tooltip of the "from" period list
    panel_period_to_tip,          // sidebar: tooltip of the "to" period list
    panel_same_periods,           // sidebar: both period lists name the same period
    help_sidebar_sheet,           // help: the period choice and the diagram-sheet buttons
    panel_share_values,           // sidebar: button: a static copy of the verdict columns
    panel_share_values_tip,       // sidebar: the button's tooltip
    panel_share_header,           // sidebar: header of a copied column: %1 its header, %2 date
    panel_share_nothing,          // sidebar: Share as values without verdict columns
    panel_undo_share,             // sidebar: Edit > Undo title of the copied columns
    panel_help,                   // sidebar: button that opens the help
    panel_help_tip,               // sidebar: the help button's tooltip
    help_sidebar_share,           // help: the deck's Share as values and Help buttons
    count                         // number of messages, keep last
};

// The text of `id` in `language`, UTF-8; the English text where the language lacks it.
std::string_view text(Msg id, Language language);

// Whether `language` has its own text for `id` (false: text() falls back to English).
bool has_text(Msg id, Language language);

// `pattern` with %1, %2 replaced by the arguments.
std::string format(std::string_view pattern, std::string_view arg1, std::string_view arg2 = {});

} // namespace kpitree::lang
