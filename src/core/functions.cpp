#include "kpitree/functions.hpp"

#include "kpitree/audit/causal.hpp"
#include "kpitree/audit/lint.hpp"
#include "kpitree/model/dates.hpp"
#include "kpitree/model/layout.hpp"
#include "kpitree/model/status.hpp"
#include "kpitree/model/tree.hpp"
#include "kpitree/plan/contrib.hpp"
#include "kpitree/plan/elasticity.hpp"
#include "kpitree/plan/planning.hpp"
#include "kpitree/plan/rollup.hpp"
#include "kpitree/plan/target.hpp"
#include "kpitree/plan/variance.hpp"
#include "kpitree/plan/whatif.hpp"
#include "kpitree/stats/granger.hpp"
#include "kpitree/stats/padjust.hpp"
#include "model/text.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace kpitree {

namespace {

// Writes a node's result into a row of cells.
using RowWriter = std::function<void(std::size_t node, Cell* cells)>;

Cell text(std::string s) {
    return Cell(std::move(s));
}

Grid node_not_found(const Tree& tree, const std::string& name) {
    Grid out(1, 1);
    if (!tree.table_errors.empty())
        out.at(0, 0) = text(status_message(Status::error, tree.table_errors.front()));
    else
        out.at(0, 0) = text(status_message(Status::error, unknown_kpi_reason(tree, name)));
    return out;
}

// Shapes a per-node result into a grid aligned with the table (or the one row of `node`):
// `header` fills the header row, `row` a node's row, each `width` cells wide; a table-level
// error goes into the first cell. For a transposed table the grid is transposed: one column
// per table column.
Grid aligned(const Tree& tree, std::size_t width, const std::function<void(Cell*)>& header,
             const RowWriter& row, const NodeName& node) {
    const auto oriented = [&](Grid g) { // returned by move: `c ? transpose(g) : g` copies g
        if (tree.transposed)
            return transpose(g);
        return g;
    };
    if (node && trim(*node).empty()) // a fill-down row next to a blank row
        return oriented(Grid(1, width));
    if (node) {
        const auto i = tree.find(*node);
        if (!i || !tree.table_errors.empty())
            return node_not_found(tree, *node);
        Grid out(1, width);
        row(*i, &out.at(0, 0));
        return oriented(std::move(out));
    }
    const std::size_t table_rows = tree.node_of_row.size();
    Grid out(table_rows, width);
    if (!tree.table_errors.empty()) {
        if (table_rows > 0 && width > 0)
            out.at(0, 0) = text(status_message(Status::error, tree.table_errors.front()));
        return oriented(std::move(out));
    }
    if (tree.has_header && table_rows > 0)
        header(&out.at(0, 0));
    for (std::size_t r = 0; r < table_rows; ++r)
        if (tree.node_of_row[r])
            row(*tree.node_of_row[r], &out.at(r, 0));
    return oriented(std::move(out));
}

// The check results the rows asked for need: every node's for the array form, only the named
// node's for the one-node form (the others stay default and are never shown), so that a
// fill-down column does not check the whole tree once per row.
std::vector<CheckResult> checks_for(const Tree& tree, const CheckOptions& options,
                                    const NodeName& node) {
    if (!node)
        return check_tree(tree, options);
    std::vector<CheckResult> results(tree.nodes.size());
    if (const auto i = tree.find(*node))
        results[*i] = check_one(tree, *i, options);
    return results;
}

// EXPECTED and RESIDUAL: a period block, numbers where defined; the row's ERROR status in the
// first cell where the row cannot be checked.
Grid period_block(const Grid& table, const NodeName& node, Series CheckResult::*series) {
    const Tree tree = read_tree(table);
    const auto results = checks_for(tree, {}, node);
    const std::size_t width = std::max<std::size_t>(tree.periods(), 1);
    // Period p's column in the result: under its column in the table (dates newest first
    // keep their places).
    const auto column = [&](std::size_t p) {
        return tree.period_columns[p] - tree.first_period_column();
    };
    return aligned(
        tree, width,
        [&](Cell* cells) {
            for (std::size_t p = 0; p < tree.periods(); ++p)
                cells[column(p)] = text(tree.period_labels[p]);
        },
        [&](std::size_t i, Cell* cells) {
            const CheckResult& r = results[i];
            if (r.verdict == Verdict::error) {
                cells[0] = text(status_text(tree, r));
                return;
            }
            const Series& values = r.*series;
            for (std::size_t p = 0; p < tree.periods(); ++p)
                if (values[p])
                    cells[column(p)] = *values[p];
        },
        node);
}

// ---- argument readers: each throws ArgumentError naming the argument -----------------------

// A whole number in [low, high].
long whole_number(double v, const std::string& what, long low, long high) {
    if (!std::isfinite(v) || v != std::floor(v) || v < static_cast<double>(low) ||
        v > static_cast<double>(high))
        throw ArgumentError(what + " must be a whole number from " + std::to_string(low) + " to " +
                            std::to_string(high));
    return static_cast<long>(v);
}

// One row or one column of numbers, no gaps.
std::vector<double> number_series(const Grid& g, const std::string& what) {
    if (g.empty() || (g.rows() != 1 && g.columns() != 1))
        throw ArgumentError(what + " must be a single row or a single column");
    std::vector<double> out;
    const std::size_t n = std::max(g.rows(), g.columns());
    for (std::size_t k = 0; k < n; ++k) {
        const Cell& c = g.rows() == 1 ? g.at(0, k) : g.at(k, 0);
        if (const auto* d = std::get_if<double>(&c)) {
            out.push_back(*d);
            continue;
        }
        throw ArgumentError(what + " value " + std::to_string(k + 1) +
                            (is_empty(c) ? " is empty" : " is not a number") +
                            "; give two equally long series without gaps");
    }
    return out;
}

// The period whose date is `serial`, or, for monthly dates, that falls in the same month.
std::optional<std::size_t> period_by_date(const Tree& tree, double serial) {
    const auto date = date_of_serial(serial);
    if (!date)
        return std::nullopt;
    for (std::size_t p = 0; p < tree.period_dates.size(); ++p) {
        const CivilDate d = *date_of_serial(static_cast<double>(tree.period_dates[p]));
        if (d == *date || (tree.date_months && d.year == date->year && d.month == date->month))
            return p;
    }
    return std::nullopt;
}

// A period argument as a 0-based index: a period number (1-based), a header label, or a date
// (a date value or text such as 2024-03 or 15.03.2024) when the header holds dates. nullopt
// when skipped.
std::optional<std::size_t> period_index(const Tree& tree, const PeriodArg& arg,
                                        const std::string& what) {
    if (is_empty(arg))
        return std::nullopt;
    const std::size_t n = tree.periods();
    auto by_label = [&](const std::string& text) -> std::optional<std::size_t> {
        const std::string key = name_key(text);
        for (std::size_t p = 0; p < n; ++p)
            if (name_key(tree.period_labels[p]) == key)
                return p;
        return std::nullopt;
    };
    if (const auto* d = std::get_if<double>(&arg)) {
        if (*d == std::floor(*d) && *d >= 1 && *d <= static_cast<double>(n))
            return static_cast<std::size_t>(*d) - 1;
        if (auto p = by_label(format_number(*d)))
            return p;
        if (auto p = period_by_date(tree, *d))
            return p;
        const auto date = tree.period_dates.empty() ? std::nullopt : date_of_serial(*d);
        if (date)
            throw NotInTable(
                unknown_period_reason(tree, format_date(*date, tree.date_months), false));
        throw NotInTable(unknown_period_reason(tree, format_number(*d), true));
    }
    if (const auto* s = std::get_if<std::string>(&arg)) {
        if (auto p = by_label(*s))
            return p;
        if (const auto date = parse_date_text(*s))
            if (auto p = period_by_date(tree, static_cast<double>(serial_of(date->date))))
                return p;
        char* end = nullptr;
        const double v = std::strtod(s->c_str(), &end);
        const bool number = end != s->c_str() && keyword(end).empty();
        if (number && v == std::floor(v) && v >= 1 && v <= static_cast<double>(n))
            return static_cast<std::size_t>(v) - 1;
        throw NotInTable(unknown_period_reason(tree, *s, number));
    }
    throw ArgumentError(what + " must be a period number or label");
}

// Runs `compute`; an argument naming something the table does not have (NotInTable) becomes
// its ERROR status in the first cell of every row, aligned as the result would be, so the
// cells say which names there are instead of Err:502.
Grid or_not_in_table(const Tree& tree, std::size_t width, const std::function<void(Cell*)>& header,
                     const NodeName& node, const std::function<Grid()>& compute) {
    try {
        return compute();
    } catch (const NotInTable& e) {
        const Cell status = text(status_message(Status::error, e.what()));
        return aligned(
            tree, width, header, [&](std::size_t, Cell* cells) { cells[0] = status; }, node);
    }
}

// "+10%" or "-5%" as a fraction (0.1, -0.05); nullopt for any other text.
std::optional<double> relative_change(const std::string& text) {
    const std::string t(trim(text));
    if (t.size() < 2 || t.back() != '%' || (t.front() != '+' && t.front() != '-'))
        return std::nullopt;
    char* end = nullptr;
    const std::string number = t.substr(0, t.size() - 1);
    const double v = std::strtod(number.c_str(), &end);
    if (end != number.c_str() + number.size() || !std::isfinite(v))
        return std::nullopt;
    return v / 100.0;
}

void write(Cell* cell, const PlanValue& v) {
    if (v.value)
        *cell = *v.value;
    else
        *cell = text(v.status);
}

} // namespace

CheckOptions check_options(const ToleranceArg& tolerance) {
    CheckOptions options;
    if (const auto* d = std::get_if<double>(&tolerance)) {
        if (!std::isfinite(*d) || *d < 0)
            throw ArgumentError("tolerance must be a number >= 0 or \"rounding\"");
        options.tolerance = *d;
    } else if (const auto* s = std::get_if<std::string>(&tolerance)) {
        const std::string k = keyword(*s);
        char* end = nullptr;
        const double v = std::strtod(s->c_str(), &end);
        if (k == "rounding")
            options.rounding = true;
        else if (!k.empty() && end != s->c_str() && keyword(end).empty() && std::isfinite(v) &&
                 v >= 0)
            options.tolerance = v;
        else if (!k.empty())
            throw ArgumentError("tolerance must be a number >= 0 or \"rounding\"");
    } else if (is_error(tolerance)) {
        throw ArgumentError("tolerance must be a number >= 0 or \"rounding\"");
    }
    return options;
}

Grid check_cells(const Grid& table, const ToleranceArg& tolerance, const NodeName& node) {
    const CheckOptions options = check_options(tolerance);
    const Tree tree = read_tree(table);
    const auto results = checks_for(tree, options, node);
    return aligned(
        tree, 1, [](Cell* cells) { cells[0] = text("Check"); },
        [&](std::size_t i, Cell* cells) { cells[0] = text(status_text(tree, results[i])); }, node);
}

CheckedTable check_table(const Grid& table, const ToleranceArg& tolerance) {
    const CheckOptions options = check_options(tolerance);
    CheckedTable checked{read_tree(table), {}};
    checked.results = check_tree(checked.tree, options);
    return checked;
}

Grid check_cells(const CheckedTable& checked, const NodeName& node) {
    return aligned(
        checked.tree, 1, [](Cell* cells) { cells[0] = text("Check"); },
        [&](std::size_t i, Cell* cells) {
            cells[0] = text(status_text(checked.tree, checked.results[i]));
        },
        node);
}

Grid expected_cells(const Grid& table, const NodeName& node) {
    return period_block(table, node, &CheckResult::expected);
}

Grid residual_cells(const Grid& table, const NodeName& node) {
    return period_block(table, node, &CheckResult::residual);
}

Grid lint_cells(const Grid& table) {
    const Tree tree = read_tree(table);
    const auto findings = lint(tree);
    if (findings.empty())
        return Grid::from_rows({{text(status_message(Status::ok))}});
    Grid out(findings.size(), 1);
    for (std::size_t i = 0; i < findings.size(); ++i)
        out.at(i, 0) = text(finding_text(tree, findings[i]));
    return out;
}

Grid granger_cells(const Grid& effect, const Grid& cause, double lag,
                   const std::optional<std::string>& output) {
    const long l = whole_number(lag, "lag", 1, max_causal_lag);
    const std::string form = output ? keyword(*output) : std::string("p");
    if (form != "p" && form != "f")
        throw ArgumentError("output must be \"p\" (the p-value) or \"F\" (F, df_num, df_den)");
    const auto y = number_series(effect, "effect");
    const auto x = number_series(cause, "cause");
    if (y.size() != x.size())
        throw ArgumentError("effect has " + std::to_string(y.size()) + " values but cause has " +
                            std::to_string(x.size()) + "; the series must be equally long");
    if (static_cast<std::size_t>(l) >= y.size())
        throw UndefinedResult("too few points for lag " + std::to_string(l));
    const double columns = 2.0 * static_cast<double>(l) + 1.0;
    if (static_cast<double>(y.size()) * columns * columns > max_granger_work)
        throw ArgumentError("a lag of " + std::to_string(l) + " over " + format_count(y.size()) +
                            " points is too large a regression; use a smaller lag or fewer points");
    for (const auto* series : {&y, &x})
        for (double v : *series)
            if (std::fabs(v) > 1e150) // the regressions square the values
                throw UndefinedResult("values beyond \u00B11e150 are too large for the test");
    const GrangerResult r = granger_test(y, x, static_cast<int>(l));
    if (!r.ok()) {
        if (r.problem == GrangerProblem::invalid_lag ||
            r.problem == GrangerProblem::length_mismatch || r.problem == GrangerProblem::non_finite)
            throw ArgumentError(r.message);
        throw UndefinedResult(r.message);
    }
    if (!std::isfinite(r.test->F) || !std::isfinite(r.test->p_ftest))
        throw UndefinedResult("the test's sums of squares are not finite numbers");
    if (form == "p")
        return Grid::from_rows({{r.test->p_ftest}});
    return Grid::from_rows(
        {{r.test->F, static_cast<double>(r.test->df_num), static_cast<double>(r.test->df_den)}});
}

Grid padjust_cells(const Grid& pvalues, const std::string& method) {
    const auto m = parse_padjust_method(method);
    if (!m)
        throw ArgumentError("method must be holm, bh or bonferroni");
    Series p;
    for (std::size_t r = 0; r < pvalues.rows(); ++r)
        for (std::size_t c = 0; c < pvalues.columns(); ++c) {
            const Cell& cell = pvalues.at(r, c);
            if (is_empty(cell)) {
                p.push_back(std::nullopt);
                continue;
            }
            const auto* d = std::get_if<double>(&cell);
            if (!d || !(*d >= 0.0 && *d <= 1.0))
                throw ArgumentError("every p-value must be a number from 0 to 1");
            p.push_back(*d);
        }
    const Series adjusted = padjust(p, *m);
    Grid out(pvalues.rows(), pvalues.columns());
    for (std::size_t k = 0; k < adjusted.size(); ++k)
        if (adjusted[k])
            out.at(k / pvalues.columns(), k % pvalues.columns()) = *adjusted[k];
    return out;
}

Grid causal_cells(const Grid& table, std::optional<double> alpha, std::optional<double> max_lag,
                  const NodeName& node) {
    CausalOptions options;
    if (alpha) {
        if (!(*alpha > 0.0 && *alpha < 1.0))
            throw ArgumentError("alpha must be between 0 and 1, e.g. 0.05");
        options.alpha = *alpha;
    }
    if (max_lag)
        options.max_lag = static_cast<int>(whole_number(*max_lag, "max_lag", 1, max_causal_lag));
    const Tree tree = read_tree(table);
    const auto results = assess_causal(tree, options);
    return aligned(
        tree, 1, [](Cell* cells) { cells[0] = text("Causal"); },
        [&](std::size_t i, Cell* cells) {
            if (std::string s = causal_status_text(tree, results[i]); !s.empty())
                cells[0] = text(std::move(s));
        },
        node);
}

Grid contrib_cells(const Grid& table, const PeriodArg& from_period, const PeriodArg& to_period,
                   const std::optional<std::string>& method, const NodeName& node,
                   std::optional<double> tolerance) {
    ContribOptions options;
    if (tolerance && !(std::isfinite(*tolerance) && *tolerance >= 0))
        throw ArgumentError("tolerance must be a number >= 0 (0.01 = 1 %)");
    if (tolerance)
        options.mismatch_tolerance = *tolerance;
    const std::string m = method ? keyword(*method) : std::string();
    if (m == "shapley")
        options.method = SplitMethod::shapley;
    else if (!m.empty() && m != "lmdi")
        throw ArgumentError("method must be lmdi or shapley");
    if (is_empty(from_period) || is_empty(to_period))
        throw ArgumentError("from_period and to_period are required");
    const Tree tree = read_tree(table);
    std::string label = "Contribution";
    return or_not_in_table(
        tree, 1, [&](Cell* cells) { cells[0] = text(label); }, node,
        [&] {
            std::vector<Contribution> results;
            if (tree.table_errors.empty()) {
                const std::size_t from = *period_index(tree, from_period, "from_period");
                const std::size_t to = *period_index(tree, to_period, "to_period");
                results = contributions(tree, from, to, options);
                label += " " + tree.period_labels[from] + "\u2192" + tree.period_labels[to];
            }
            return aligned(
                tree, 1, [&](Cell* cells) { cells[0] = text(label); },
                [&](std::size_t i, Cell* cells) {
                    if (results[i].value)
                        cells[0] = *results[i].value;
                    else
                        cells[0] = text(results[i].status);
                },
                node);
        });
}

Grid target_cells(const Grid& table, double kgi_target, const PeriodArg& period,
                  const std::vector<std::string>& flex, const NodeName& node) {
    return target_cells(table, Cell(kgi_target), period, flex, node, std::nullopt);
}

Grid target_cells(const Grid& table, const Cell& kgi_target, const PeriodArg& period,
                  const std::vector<std::string>& flex, const NodeName& node, const NodeName& kgi) {
    TargetOptions options;
    double absolute = 0;
    if (const auto* d = std::get_if<double>(&kgi_target); d && std::isfinite(*d))
        absolute = *d;
    else if (const auto* s = std::get_if<std::string>(&kgi_target); s && relative_change(*s))
        options.relative = relative_change(*s);
    else
        throw ArgumentError("kgi_target must be a number (the KGI's target) or a change such as "
                            "+10% or -5% (relative to the KGI's value in the period)");
    if (kgi && !trim(*kgi).empty())
        options.kgi_name = *kgi;
    const Tree tree = read_tree(table);
    const auto header = [](Cell* cells) { cells[0] = text("Target"); };
    return or_not_in_table(tree, 1, header, node, [&] {
        std::vector<PlanValue> results;
        if (tree.table_errors.empty()) {
            options.period = period_index(tree, period, "period");
            options.flex = flex;
            results = targets(tree, absolute, options);
        }
        return aligned(
            tree, 1, header, [&](std::size_t i, Cell* cells) { write(cells, results[i]); }, node);
    });
}

namespace {

// ROLLUP's `kinds`: one column with a cell per table row (flow, stock, ratio, average,
// constant or empty), per node. Cells beyond the table's rows must be blank: the add-in passes
// the table without its blank tail, the kinds column as the user selected it.
std::vector<std::optional<Kind>> kinds_argument(const Tree& tree, const Grid& kinds_cells) {
    std::vector<std::optional<Kind>> node_kinds;
    if (kinds_cells.empty())
        return node_kinds;
    // A transposed table takes one row with a cell per table column.
    const Grid kinds = tree.transposed ? transpose(kinds_cells) : kinds_cells;
    const std::size_t rows = tree.node_of_row.size();
    const std::string line = tree.transposed ? "row" : "column";
    const std::string cell = tree.transposed ? "table column" : "table row";
    bool fits = kinds.columns() == 1 && kinds.rows() >= rows;
    for (std::size_t r = rows; fits && r < kinds.rows(); ++r)
        fits = is_empty(kinds.at(r, 0));
    if (!fits)
        throw ArgumentError("kinds must be one " + line + " with one cell per " + cell + " (" +
                            std::to_string(rows) + ")");
    node_kinds.resize(tree.nodes.size());
    for (std::size_t r = 0; r < rows; ++r) {
        const Cell& c = kinds.at(r, 0);
        if (!tree.node_of_row[r] || is_empty(c))
            continue;
        const auto* s = std::get_if<std::string>(&c);
        const auto k = s ? parse_kind(*s) : std::nullopt;
        if (!k)
            throw ArgumentError("kinds " + tree.place(r).substr(6) +
                                ": use flow, stock, ratio, average, constant or leave it empty");
        node_kinds[*tree.node_of_row[r]] = k;
    }
    return node_kinds;
}

// "flow", or "flow (inferred)" where neither `kinds` nor the Kind column gave it.
std::string rolled_kind_text(const RolledNode& n) {
    std::string kind(kind_name(n.kind));
    return n.kind_given ? kind : kind + " (inferred)";
}

} // namespace

Grid rollup_cells(const Grid& table, double periods_per_bucket, const Grid& kinds) {
    const auto per = static_cast<std::size_t>(
        whole_number(periods_per_bucket, "periods_per_bucket", 1, 1000000));
    const Tree tree = read_tree(table);
    const std::vector<std::optional<Kind>> node_kinds = kinds_argument(tree, kinds);
    Rollup rolled;
    if (tree.table_errors.empty())
        rolled = rollup(tree, per, node_kinds);
    // One column per bucket, then the kind each row was rolled up as ("flow (inferred)").
    const std::size_t buckets = rolled.buckets.size();
    const std::size_t width = buckets + 1;
    return aligned(
        tree, width,
        [&](Cell* cells) {
            for (std::size_t b = 0; b < buckets; ++b)
                cells[b] = text(bucket_label(tree, rolled, b));
            cells[width - 1] = text("Rolled up as");
        },
        [&](std::size_t i, Cell* cells) {
            const RolledNode& n = rolled.nodes[i];
            if (!n.status.empty()) {
                cells[0] = text(n.status);
                return;
            }
            for (std::size_t b = 0; b < buckets; ++b) {
                if (n.values[b])
                    cells[b] = *n.values[b];
                else if (!n.notes[b].empty())
                    cells[b] = text(n.notes[b]);
            }
            cells[width - 1] = text(rolled_kind_text(n));
        },
        std::nullopt);
}

Grid elasticity_cells(const Grid& table, const PeriodArg& period, const NodeName& node) {
    const Tree tree = read_tree(table);
    const auto header = [](Cell* cells) { cells[0] = text("Elasticity"); };
    return or_not_in_table(tree, 1, header, node, [&] {
        std::vector<PlanValue> results;
        if (tree.table_errors.empty())
            results = elasticities(tree, period_index(tree, period, "period"));
        return aligned(
            tree, 1, header, [&](std::size_t i, Cell* cells) { write(cells, results[i]); }, node);
    });
}

namespace {

// ---- KPI.VARIANCE and KPI.WHATIF: their second range ----------------------------------------

// The node a row of a plan or changes range names ("row 3" counts from the range's top); the
// ArgumentError names the row and what is wrong with the name.
std::size_t named_node(const Tree& tree, const Cell& name, const std::string& what,
                       std::size_t row) {
    const auto* s = std::get_if<std::string>(&name);
    const std::string where = what + " row " + std::to_string(row + 1);
    if (!s || trim(*s).empty())
        throw ArgumentError(where + ": the first column must name a KPI of the table");
    const auto n = tree.find(*s);
    if (!n)
        throw NotInTable(where + ": " + unknown_kpi_reason(tree, *s));
    return *n;
}

// Whether the first row of a plan or changes range is a header: its first cell is no KPI of
// the table and its second is neither a number nor a relative change ("Name | Plan").
bool has_header_row(const Tree& tree, const Grid& g) {
    if (g.rows() == 0 || g.columns() < 2)
        return false;
    const auto* first = std::get_if<std::string>(&g.at(0, 0));
    const auto* second = std::get_if<std::string>(&g.at(0, 1));
    return first && !tree.find(*first) && second && !relative_change(*second);
}

// Per node, the planned value in `period`: `plan` is Name + one value column, or Name + one
// column per period of the table. Numbers only; empty cells plan nothing.
void require_plan_shape(const Tree& tree, const Grid& plan) {
    if (plan.columns() != 2 && plan.columns() != tree.periods() + 1)
        throw ArgumentError("plan must be a Name column and one value column, or a Name column "
                            "and one column per period of the table (" +
                            std::to_string(tree.periods()) + ")");
}

Series plan_values(const Tree& tree, const Grid& plan, std::size_t period) {
    require_plan_shape(tree, plan);
    const std::size_t column = plan.columns() == 2 ? 1 : period + 1;
    Series out(tree.nodes.size());
    std::vector<bool> seen(tree.nodes.size(), false);
    for (std::size_t r = has_header_row(tree, plan) ? 1 : 0; r < plan.rows(); ++r) {
        if (is_empty(plan.at(r, 0)))
            continue;
        const std::size_t n = named_node(tree, plan.at(r, 0), "plan", r);
        if (seen[n])
            throw ArgumentError("plan row " + std::to_string(r + 1) + ": '" + tree.nodes[n].name +
                                "' is planned twice");
        seen[n] = true;
        const Cell& v = plan.at(r, column);
        if (is_empty(v))
            continue;
        const auto* d = std::get_if<double>(&v);
        if (!d || !std::isfinite(*d))
            throw ArgumentError("plan row " + std::to_string(r + 1) + ": the plan of '" +
                                tree.nodes[n].name + "' is not a number");
        out[n] = *d;
    }
    return out;
}

// VARIANCE's default period: the latest in which the first KGI has an actual value and the plan
// (one column per period) has a value in that column; with one plan column, the KGI's latest.
std::size_t variance_period(const Tree& tree, const Grid& plan) {
    require_plan_shape(tree, plan);
    if (tree.roots.empty())
        throw ArgumentError("the table has no KGI");
    const std::size_t kgi = tree.roots.front();
    for (std::size_t t = tree.periods(); t-- > 0;) {
        if (!tree.value(kgi, t) && tree.arithmetic_children(kgi).empty())
            continue;
        if (plan.columns() == 2)
            return t;
        for (std::size_t r = 0; r < plan.rows(); ++r)
            if (std::holds_alternative<double>(plan.at(r, t + 1)))
                return t;
    }
    throw ArgumentError("no period has both a plan and an actual value");
}

// WHATIF's changes: Name + new value (a number) or relative change (text "+10%", "-5%").
std::vector<WhatIfChange> scenario_changes(const Tree& tree, const Grid& changes) {
    if (changes.columns() != 2)
        throw ArgumentError("changes must be two columns: a KPI name and its new value or a "
                            "change such as +10%");
    std::vector<WhatIfChange> out;
    for (std::size_t r = has_header_row(tree, changes) ? 1 : 0; r < changes.rows(); ++r) {
        if (is_empty(changes.at(r, 0)) && is_empty(changes.at(r, 1)))
            continue;
        const std::size_t n = named_node(tree, changes.at(r, 0), "changes", r);
        const Cell& v = changes.at(r, 1);
        if (const auto* d = std::get_if<double>(&v)) {
            out.push_back({n, *d, false});
            continue;
        }
        const auto* s = std::get_if<std::string>(&v);
        const auto relative = s ? relative_change(*s) : std::nullopt;
        if (!relative)
            throw ArgumentError("changes row " + std::to_string(r + 1) + ": give '" +
                                tree.nodes[n].name +
                                "' a new value or a relative change such as +10% or -5%");
        out.push_back({n, *relative, true});
    }
    return out;
}

void write_optional(Cell* cell, const std::optional<double>& v) {
    if (v)
        *cell = *v;
}

} // namespace

std::optional<std::size_t> period_argument(const Tree& tree, const PeriodArg& arg,
                                           const std::string& what) {
    return period_index(tree, arg, what);
}

VarianceColumns variance_columns(const Tree& tree, const Grid& plan, const PeriodArg& period) {
    const auto t = period_index(tree, period, "period");
    VarianceColumns out;
    out.period = t ? *t : variance_period(tree, plan);
    out.rows = variance(tree, plan_values(tree, plan, out.period), out.period);
    return out;
}

Grid variance_cells(const Grid& table, const Grid& plan, const PeriodArg& period,
                    const NodeName& node) {
    const Tree tree = read_tree(table);
    const auto header = [](Cell* cells) {
        const char* titles[] = {"Plan", "Actual", "Gap", "Gap %", "Contribution", "Status"};
        for (std::size_t c = 0; c < 6; ++c)
            cells[c] = text(titles[c]);
    };
    return or_not_in_table(tree, 6, header, node, [&] {
        std::vector<VarianceRow> rows;
        if (tree.table_errors.empty())
            rows = variance_columns(tree, plan, period).rows;
        return aligned(
            tree, 6, header,
            [&](std::size_t i, Cell* cells) {
                const VarianceRow& r = rows[i];
                write_optional(cells + 0, r.plan);
                write_optional(cells + 1, r.actual);
                write_optional(cells + 2, r.gap);
                write_optional(cells + 3, r.gap_percent);
                write_optional(cells + 4, r.contribution);
                cells[5] = text(r.status);
            },
            node);
    });
}

Grid whatif_cells(const Grid& table, const Grid& changes, const PeriodArg& period,
                  const NodeName& node) {
    const Tree tree = read_tree(table);
    const auto header = [](Cell* cells) {
        cells[0] = text("What-if");
        cells[1] = text("Change");
    };
    return or_not_in_table(tree, 2, header, node, [&] {
        std::vector<WhatIfRow> rows;
        if (tree.table_errors.empty())
            rows = what_if(tree, scenario_changes(tree, changes),
                           period_index(tree, period, "period"));
        return aligned(
            tree, 2, header,
            [&](std::size_t i, Cell* cells) {
                write(cells, rows[i].value);
                write_optional(cells + 1, rows[i].change);
            },
            node);
    });
}

} // namespace kpitree
