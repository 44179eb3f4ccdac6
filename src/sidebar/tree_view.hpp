// What the sidebar shows for a tree table, computed from the core without UNO: the KPIs as a
// forest (KGIs at the top), each with its latest value, its change against the period before
// and status marks, and the findings (the lint's, translated, and every row the tree marks as a
// mismatch or an error, so the list never says "no findings" under a ✘). The verdicts come from
// check_tree, assess_causal and lint; nothing is re-derived here.
#pragma once

#include "kpitree/model/problem.hpp"
#include "kpitree/model/table.hpp"
#include "kpitree/model/tree.hpp"
#include "kpitree/overview.hpp"
#include "ui_text.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kpitree::sidebar {

enum class Mark {
    holds,       // ✔  the node equals f(children) in every period with data (KPI.CHECK OK)
    mismatch,    // ✘  it does not in some period (MISMATCH)
    supported,   // ~✔ its ~ link to the parent is supported by the data (KPI.CAUSAL SUPPORTED)
    unsupported, // ~✘ tested, not supported (UNSUPPORTED)
    untestable,  // ~? too little data to test the ~ link (INSUFFICIENT)
    error        // ⚠  the row or a child is unusable (ERROR)
};

// "✔", "✘", "~✔", "~✘", "~?", "⚠".
std::string_view mark_symbol(Mark mark);

struct ViewNode {
    std::string name;
    std::optional<double> latest;             // the value of the last period that has one
    std::optional<std::size_t> latest_period; // its period (index into TreeView::period_labels)
    std::size_t latest_column = 0;            // its grid column (row layout, as `row`)
    // Relative change of `latest` against the period before it (0.042 = +4.2 %); none when
    // that period has no value or a zero.
    std::optional<double> change;
    // The period of `latest` when it is not the table's latest ("M20"), else empty.
    std::string earlier_period;
    std::vector<Mark> marks; // identity mark first, then the hypothesis mark; may be empty
    std::size_t row = 0; // row in the table (0-based, the header row counts); column if transposed
    std::vector<std::size_t> children; // indices into TreeView::nodes, table order
};

// One line of the findings list: its severity token first ("ERROR", "WARN", "INFO"), then
// where and what, in the UI's language.
struct ViewFinding {
    std::string text;
    std::optional<std::size_t> row; // the table row it concerns (as ViewNode::row), if any
};

struct TreeView {
    bool is_tree = false;              // false: show the "no tree here" message instead
    std::vector<ViewNode> nodes;       // one per KPI row, table order
    std::vector<std::size_t> tops;     // KGIs in table order, then rows no KGI reaches (cycles...)
    std::vector<ViewFinding> findings; // errors first; empty: nothing to report
    std::size_t periods = 0;
    std::vector<std::string> period_labels; // oldest first
    bool transposed = false;                // one column per KPI (layout.hpp): `row` counts columns
};

// Reads `grid` as a tree table. A grid is a tree when it has at least min_table_columns
// columns, at least one KPI row and at least one KGI (a row without parent). Every node
// appears exactly once in the forest, also with cycles. Findings are in `language`.
TreeView build_view(const Grid& grid, lang::Language language = lang::Language::en);

// The same from a tree already read and its overview (the panel computes them once per refresh
// for the list and the diagram). `tree` must have read without table errors, with a KGI.
TreeView build_view(const Tree& tree, const TreeOverview& overview, lang::Language language);

// Whether a tree read from a grid is shown (no table errors, at least one KPI and one KGI).
bool is_shown_tree(const Tree& tree);

// A problem of the reader or the lint in `language` (problem_text's in English).
std::string problem_text(const Problem& problem, lang::Language language);

// The message of a problem; every ProblemId has one (tests/sidebar checks it).
lang::Msg problem_message(ProblemId id);

// "Latest period M24, change against M23" for the status line; empty without periods.
std::string period_line(const TreeView& view, lang::Language language);

// How a label shows its numbers. The defaults: the core's display_number and "+4.2%"; the
// panel passes the cells' number formats in the office's locale.
struct NumberTexts {
    std::function<std::string(const ViewNode&)> value; // the latest value as its cell shows it
    std::function<std::string(double)> change;         // a relative change: 0.042 -> "+4.2%"
};

// The marks first, so they stay visible however narrow the sidebar cuts the line:
// "✔ Sales — 1,100,000 (+4.2%)", "~✘ Webinar attendance — 355 (-3.0%)", "Close rate — 0.25"
// (no mark, no change), "Leads — 120 (M20)" when its latest value is older than the table's,
// "Deals — –" when no period has a value.
std::string node_label(const ViewNode& node, const NumberTexts& texts = {});

// `text` with line breaks at spaces so that no line is longer than `width` characters (code
// points) unless a single word is; for tooltips, which do not wrap by themselves.
std::string wrap_text(std::string_view text, std::size_t width);

// "+4.2%", "-3.0%", "+12%": one decimal below 10 %, none above.
std::string default_change_text(double change);

} // namespace kpitree::sidebar
