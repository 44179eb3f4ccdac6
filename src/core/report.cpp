#include "kpitree/report.hpp"

#include "kpitree/model/format.hpp"
#include "kpitree/model/layout.hpp"
#include "kpitree/model/status.hpp"
#include "kpitree/model/tree.hpp"
#include "kpitree/overview.hpp"
#include "model/text.hpp"

#include <algorithm>
#include <cmath>
#include <variant>

namespace kpitree {

namespace {

bool blank(const Cell& c) {
    if (is_empty(c))
        return true;
    const auto* s = std::get_if<std::string>(&c);
    return s && trim(*s).empty();
}

bool row_blank(const Grid& g, std::size_t r, std::size_t c0, std::size_t c1) {
    for (std::size_t c = c0; c < c1; ++c)
        if (!blank(g.at(r, c)))
            return false;
    return true;
}

bool column_blank(const Grid& g, std::size_t c, std::size_t r0, std::size_t r1) {
    for (std::size_t r = r0; r < r1; ++r)
        if (!blank(g.at(r, c)))
            return false;
    return true;
}

// The contiguous region around (row, column), as Calc's "current region": grown in all four
// directions while a neighbouring row or column (diagonals included) has a non-blank cell.
CellRect block_at(const Grid& g, std::size_t row, std::size_t column) {
    std::size_t r0 = row, r1 = row + 1, c0 = column, c1 = column + 1; // half-open
    for (bool grew = true; grew;) {
        grew = false;
        const std::size_t wr0 = r0 > 0 ? r0 - 1 : 0, wr1 = std::min(r1 + 1, g.rows());
        const std::size_t wc0 = c0 > 0 ? c0 - 1 : 0, wc1 = std::min(c1 + 1, g.columns());
        if (c1 < g.columns() && !column_blank(g, c1, wr0, wr1))
            ++c1, grew = true;
        if (c0 > 0 && !column_blank(g, c0 - 1, wr0, wr1))
            --c0, grew = true;
        if (r1 < g.rows() && !row_blank(g, r1, wc0, wc1))
            ++r1, grew = true;
        if (r0 > 0 && !row_blank(g, r0 - 1, wc0, wc1))
            --r0, grew = true;
    }
    return {r0, c0, r1 - r0, c1 - c0};
}

std::string pad(std::string s, std::size_t width) {
    const std::size_t w = display_width(s);
    if (w < width)
        s.append(width - w, ' ');
    return s;
}

} // namespace

namespace {

bool inside(const CellRect& rect, std::size_t r, std::size_t c) {
    return r >= rect.row && r < rect.row + rect.rows && c >= rect.column &&
           c < rect.column + rect.columns;
}

enum class Labels { none, across, down };

// Whether (r, c) starts a table's labels: Name | Parent | Link across, or down.
Labels labels_at(const Grid& sheet, std::size_t r, std::size_t c) {
    if (!is_header_cell(sheet.at(r, c), HeaderWord::name))
        return Labels::none;
    if (c + 2 < sheet.columns() && is_header_cell(sheet.at(r, c + 1), HeaderWord::parent) &&
        is_header_cell(sheet.at(r, c + 2), HeaderWord::link))
        return Labels::across;
    if (r + 2 < sheet.rows() && is_header_cell(sheet.at(r + 1, c), HeaderWord::parent) &&
        is_header_cell(sheet.at(r + 2, c), HeaderWord::link))
        return Labels::down;
    return Labels::none;
}

// Whether a cell is a text starting with a status token ("OK", "MISMATCH 2 of 12", "ON PLAN").
bool starts_with_status(const Cell& cell) {
    const auto* s = std::get_if<std::string>(&cell);
    if (!s)
        return false;
    const std::string_view text = trim(*s);
    for (int i = 0; i <= static_cast<int>(Status::on_plan); ++i) {
        const std::string_view token = status_token(static_cast<Status>(i));
        if (text.substr(0, token.size()) == token &&
            (text.size() == token.size() || text[token.size()] == ' '))
            return true;
    }
    return false;
}

// A table's cells read along its KPIs: the sheet itself for a row layout (a line is a column),
// transposed for a table with its labels down (a line is a row).
struct Lines {
    const Grid& sheet;
    bool down;
    const ResultCells& is_result;
    Cell at(std::size_t kpi, std::size_t line) const {
        return down ? sheet.at(line, kpi) : sheet.at(kpi, line);
    }
    bool result_at(std::size_t kpi, std::size_t line) const {
        return is_result && (down ? is_result(line, kpi) : is_result(kpi, line));
    }
};

// The header labels the KPI functions write over their results (functions.cpp), which no
// period carries: "Check", "Contribution Jan→Feb", VARIANCE's "Plan | Actual | Gap | Gap %".
bool is_result_header(const Lines& lines, std::size_t header, std::size_t line, std::size_t end) {
    auto word_at = [&](std::size_t l) {
        const Cell cell = lines.at(header, l);
        const auto* s = std::get_if<std::string>(&cell);
        return s ? keyword(*s) : std::string();
    };
    const std::string word = word_at(line);
    for (const char* label : {"check", "causal", "target", "elasticity", "what-if", "change",
                              "rolled up as", "gap %", "status", "residual", "expected"})
        if (word == label)
            return true;
    if (word.rfind("contribution", 0) == 0)
        return true;
    const char* variance[] = {"plan", "actual", "gap", "gap %"};
    for (std::size_t k = 0; k < 4; ++k)
        if (line + k >= end || word_at(line + k) != variance[k])
            return false;
    return true;
}

// Whether the line is a result column (row) written beside the table: a result header over
// it, or every non-blank cell below the header a status text (a fill-down KPI.CHECK).
bool is_result_line(const Lines& lines, std::size_t header, std::size_t kpi_end, std::size_t line,
                    std::size_t end) {
    if (is_result_header(lines, header, line, end))
        return true;
    std::size_t statuses = 0;
    for (std::size_t k = header + 1; k < kpi_end; ++k) {
        const Cell cell = lines.at(k, line);
        if (lines.result_at(k, line)) {
            ++statuses;
            continue;
        }
        if (blank(cell))
            continue;
        if (!starts_with_status(cell))
            return false;
        ++statuses;
    }
    return statuses > 0;
}

// The table without the result columns (rows, transposed) beside it: it ends before the first
// value line that holds KPI results (SPEC: a column of verdicts next to the table is never
// read as part of the table).
CellRect without_result_lines(const Grid& sheet, CellRect rect, bool down,
                              const ResultCells& is_result) {
    const Lines lines{sheet, down, is_result};
    const std::size_t header = down ? rect.column : rect.row;
    const std::size_t kpi_end = header + (down ? rect.columns : rect.rows);
    std::size_t& first = down ? rect.row : rect.column;
    std::size_t& count = down ? rect.rows : rect.columns;
    const std::size_t end = first + count;
    for (std::size_t line = first + 3; line < end; ++line)
        if (is_result_line(lines, header, kpi_end, line, end)) {
            count = line - first;
            break;
        }
    return rect;
}

// The top-left block, when it reads as a tree without labels: some row links to a parent and
// at most half the rows are unusable (an export with periods in rows and no labels is not).
std::optional<CellRect> unlabelled_table(const Grid& sheet, const ResultCells& is_result) {
    for (std::size_t r = 0; r < sheet.rows(); ++r)
        for (std::size_t c = 0; c < sheet.columns(); ++c) {
            if (blank(sheet.at(r, c)))
                continue;
            const CellRect rect =
                without_result_lines(sheet, block_at(sheet, r, c), false, is_result);
            const Tree tree = read_tree(sub_grid(sheet, rect));
            std::size_t linked = 0, unusable = 0;
            for (const Node& n : tree.nodes) {
                linked += n.parent.has_value();
                unusable += !n.ok();
            }
            if (tree.table_errors.empty() && !tree.roots.empty() && linked > 0 &&
                2 * unusable <= tree.nodes.size())
                return rect;
            return std::nullopt;
        }
    return std::nullopt;
}

} // namespace

std::vector<CellRect> find_tree_tables(const Grid& sheet, const ResultCells& is_result) {
    std::vector<CellRect> found;
    for (std::size_t r = 0; r < sheet.rows(); ++r)
        for (std::size_t c = 0; c < sheet.columns(); ++c) {
            if (std::any_of(found.begin(), found.end(),
                            [&](const CellRect& f) { return inside(f, r, c); }))
                continue;
            const Labels labels = labels_at(sheet, r, c);
            if (labels == Labels::none)
                continue;
            // The labels are the table's first row and column, even when a title or notes
            // touch the region.
            CellRect rect = block_at(sheet, r, c);
            rect.rows -= r - rect.row;
            rect.columns -= c - rect.column;
            rect.row = r;
            rect.column = c;
            found.push_back(without_result_lines(sheet, rect, labels == Labels::down, is_result));
        }
    if (found.empty())
        if (auto rect = unlabelled_table(sheet, is_result))
            found.push_back(*rect);
    return found;
}

std::optional<CellRect> find_tree_table(const Grid& sheet) {
    const auto found = find_tree_tables(sheet);
    if (found.empty())
        return std::nullopt;
    return found.front();
}

Grid sub_grid(const Grid& grid, const CellRect& rect) {
    const std::size_t rows = std::min(rect.rows, grid.rows() - std::min(rect.row, grid.rows()));
    const std::size_t cols =
        std::min(rect.columns, grid.columns() - std::min(rect.column, grid.columns()));
    Grid out(rows, cols);
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t c = 0; c < cols; ++c)
            out.at(r, c) = grid.at(rect.row + r, rect.column + c);
    return out;
}

std::string range_name(const CellRect& rect) {
    return column_name(rect.column) + std::to_string(rect.row + 1) + ":" +
           column_name(rect.column + rect.columns - 1) + std::to_string(rect.row + rect.rows);
}

namespace {

// One line of the report: a tree drawing, the latest value, the verdict, the contribution.
struct Line {
    std::size_t node = 0;
    std::string label, value, verdict, contribution;
};

// Levels drawn with tree lines; deeper rows say their level instead, so a line stays short
// (and the report linear) however deep the chain.
constexpr std::size_t drawn_levels = 12;

// A frame of the depth-first walk: the node, its drawing prefix, whether it is the last of its
// siblings, and whether it is on or below a ~ link (outside the arithmetic: no contribution by
// design, so no reason is shown for its missing one).
struct Frame {
    std::size_t node;
    std::string prefix;
    bool last, top;
    std::size_t level;
    bool hypothesis = false;
};

std::string signed_number(double v) {
    return (v >= 0 ? "+" : "") + display_number(v);
}

Line line_of(const Tree& tree, const TreeOverview& view, const Frame& f) {
    const Node& n = tree.nodes[f.node];
    const OverviewNode& v = view.nodes[f.node];
    Line line;
    line.node = f.node;
    const std::string name = std::string(link_symbol(n.link)) + " " + n.name;
    const std::string shown_name = n.name.empty() ? "(no name)" : n.name;
    if (f.top)
        line.label = v.reached ? n.name : "? " + shown_name;
    else if (f.level > drawn_levels)
        line.label = f.prefix + "\u2026 level " + std::to_string(f.level) + ": " + name;
    else
        line.label = f.prefix + (f.last ? "\u2514\u2500 " : "\u251C\u2500 ") + name;
    if (v.latest)
        line.value = display_number(*v.latest);
    line.verdict = v.verdict;
    if (v.contribution)
        line.contribution = signed_number(*v.contribution);
    else if (!v.contribution_status.empty() && !f.hypothesis)
        line.contribution = "none: " + v.contribution_status;
    return line;
}

// A missing contribution's reason is written once: the next rows with the same reason (the
// other children of a parent that cannot be split) say "as above".
void shorten_repeated_reasons(std::vector<Line>& lines) {
    const std::string* previous = nullptr;
    for (Line& l : lines) {
        if (l.contribution.rfind("none: ", 0) != 0)
            continue;
        if (previous && *previous == l.contribution)
            l.contribution = "none: as above";
        else
            previous = &l.contribution;
    }
}

// Every row as a line, each top's tree depth first in table order (an explicit stack: any
// depth); tops no KGI reaches are marked "?".
std::vector<Line> overview_lines(const Tree& tree, const TreeOverview& view) {
    std::vector<Line> lines;
    std::vector<Frame> stack;
    for (auto r = view.tops.rbegin(); r != view.tops.rend(); ++r)
        stack.push_back({*r, "", true, true, 0, tree.nodes[*r].link == Link::hypothesis});
    while (!stack.empty()) {
        Frame f = std::move(stack.back());
        stack.pop_back();
        lines.push_back(line_of(tree, view, f));
        const std::string child_prefix =
            f.top || f.level >= drawn_levels ? f.prefix : f.prefix + (f.last ? "   " : "\u2502  ");
        const auto& kids = view.nodes[f.node].children;
        for (std::size_t k = kids.size(); k > 0; --k)
            stack.push_back({kids[k - 1], child_prefix, k == kids.size(), false, f.level + 1,
                             f.hypothesis || tree.nodes[kids[k - 1]].link == Link::hypothesis});
    }
    shorten_repeated_reasons(lines);
    return lines;
}

// The lines as aligned columns (by display width, for CJK names) under their heading.
std::string format_lines(const std::vector<Line>& lines, const std::string& contrib_title) {
    std::size_t w_label = 3, w_value = 6;
    for (const Line& l : lines) {
        w_label = std::max(w_label, display_width(l.label));
        w_value = std::max(w_value, display_width(l.value));
    }
    std::string out = "\n" + pad("KPI", w_label) + "  " + pad("latest", w_value) + "  verdict";
    if (!contrib_title.empty())
        out += "  [contribution " + contrib_title + "]";
    out += "\n";
    for (const Line& l : lines) {
        std::string row = pad(l.label, w_label) + "  " +
                          std::string(w_value - display_width(l.value), ' ') + l.value + "  " +
                          l.verdict;
        if (!l.contribution.empty())
            row += "  [" + l.contribution + "]";
        while (!row.empty() && row.back() == ' ')
            row.pop_back();
        out += row + "\n";
    }
    return out;
}

std::string findings_section(const TreeOverview& view) {
    std::string out = "\nFindings:\n";
    if (view.findings.empty())
        out += "  " + status_message(Status::ok) + "\n";
    for (const std::string& f : view.findings)
        out += "  " + f + "\n";
    return out;
}

} // namespace

// ---- the plan-vs-actual section (--plan) ---------------------------------------------------

namespace {

std::string optional_number(const std::optional<double>& v) {
    return v ? display_number(*v) : std::string();
}

std::string percent(const std::optional<double>& fraction) {
    if (!fraction)
        return {};
    return (*fraction >= 0 ? "+" : "") + format_short(*fraction * 100, 3) + "%";
}

// KPI.VARIANCE's six columns per KPI, in the tree's drawing order, aligned by display width.
std::string variance_section(const Tree& tree, const std::vector<Line>& lines,
                             const VarianceColumns& plan) {
    std::vector<std::vector<std::string>> rows = {
        {"KPI", "plan", "actual", "gap", "gap %", "contribution", "status"}};
    for (const Line& l : lines) {
        const VarianceRow& v = plan.rows[l.node];
        rows.push_back({l.label, optional_number(v.plan), optional_number(v.actual),
                        v.gap ? signed_number(*v.gap) : "", percent(v.gap_percent),
                        v.contribution ? signed_number(*v.contribution) : "", v.status});
    }
    std::vector<std::size_t> widths(rows.front().size(), 0);
    for (const auto& row : rows)
        for (std::size_t c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], display_width(row[c]));
    std::string out = "\nPlan vs actual, " + tree.period_labels[plan.period] + ":\n";
    for (const auto& row : rows) {
        std::string line = pad(row[0], widths[0]);
        for (std::size_t c = 1; c + 1 < row.size(); ++c) // figures right-aligned
            line += "  " + std::string(widths[c] - display_width(row[c]), ' ') + row[c];
        line += "  " + row.back();
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out += line + "\n";
    }
    return out;
}

} // namespace

// ---- json and csv records ------------------------------------------------------------------

namespace {

// A value of a record: text, a number, or null (absent).
using Field = std::variant<std::monostate, std::string, double>;

Field number_field(const std::optional<double>& v) {
    if (v && std::isfinite(*v))
        return *v;
    return {};
}

Field text_field(const std::string& s) {
    return s.empty() ? Field{} : Field{s};
}

Field status_field(const std::optional<Status>& s) {
    return s ? Field{std::string(status_token(*s))} : Field{};
}

// + - * / ~ as typed (the report shows the typographic forms), empty for a KGI.
std::string ascii_link(Link link) {
    switch (link) {
    case Link::add:
        return "+";
    case Link::subtract:
        return "-";
    case Link::multiply:
        return "*";
    case Link::divide:
        return "/";
    case Link::hypothesis:
        return "~";
    case Link::none:
        break;
    }
    return "";
}

std::string json_string(std::string_view s) {
    std::string out = "\"";
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += ch;
        } else if (c < 0x20) {
            static const char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += ch;
        }
    }
    return out + "\"";
}

std::string json_value(const Field& f) {
    if (const auto* s = std::get_if<std::string>(&f))
        return json_string(*s);
    if (const auto* d = std::get_if<double>(&f))
        return format_exact(*d);
    return "null";
}

std::string csv_value(const Field& f) {
    if (const auto* d = std::get_if<double>(&f))
        return format_exact(*d);
    const auto* s = std::get_if<std::string>(&f);
    if (!s)
        return {};
    if (s->find_first_of(",\"\r\n") == std::string::npos)
        return *s;
    std::string out = "\"";
    for (const char c : *s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

const std::vector<std::string> keys = {"workbook",
                                       "table",
                                       "kpi",
                                       "parent",
                                       "link",
                                       "kind",
                                       "level",
                                       "latest",
                                       "check_status",
                                       "check",
                                       "causal_status",
                                       "causal",
                                       "contribution",
                                       "contribution_status",
                                       "contribution_from",
                                       "contribution_to",
                                       "plan_period",
                                       "plan",
                                       "actual",
                                       "gap",
                                       "gap_percent",
                                       "gap_contribution",
                                       "plan_status",
                                       "findings"};

// One record, its fields in the order of `keys`.
using Record = std::vector<Field>;

std::string render(const Record& record, ReportFormat format) {
    std::string out;
    for (std::size_t k = 0; k < keys.size(); ++k) {
        if (format == ReportFormat::json)
            out += (k ? ", " : "{") + json_string(keys[k]) + ": " + json_value(record[k]);
        else
            out += (k ? "," : "") + csv_value(record[k]);
    }
    return out + (format == ReportFormat::json ? "}\n" : "\n");
}

// What every record of a table shares, and the figures of the whole table.
struct TableContext {
    const Tree& tree;
    const TreeOverview& view;
    const std::optional<VarianceColumns>& plan;
    const AuditOptions& options;
    std::string title;
};

Record table_record(const TableContext& t) {
    Record r(keys.size());
    r[0] = text_field(t.options.workbook);
    r[1] = t.title;
    if (t.view.has_contributions) {
        r[14] = t.tree.period_labels[t.view.contribution_from];
        r[15] = t.tree.period_labels[t.view.contribution_to];
    }
    if (t.plan)
        r[16] = t.tree.period_labels[t.plan->period];
    return r;
}

// The lint findings about node `i` (or about no node), joined by " | ".
std::string findings_of(const TreeOverview& view, std::optional<std::size_t> i) {
    std::string out;
    for (std::size_t f = 0; f < view.findings.size(); ++f)
        if (view.finding_nodes[f] == i)
            out += (out.empty() ? "" : " | ") + view.findings[f];
    return out;
}

Record kpi_record(const TableContext& t, std::size_t i) {
    const Node& n = t.tree.nodes[i];
    const OverviewNode& v = t.view.nodes[i];
    Record r = table_record(t);
    r[2] = n.name;
    r[3] = text_field(n.parent_name);
    r[4] = text_field(ascii_link(n.link));
    const std::optional<Kind> kind = t.tree.kinds[i];
    r[5] = kind ? Field{std::string(kind_name(*kind))} : Field{};
    r[6] = static_cast<double>(n.depth);
    r[7] = number_field(v.latest);
    r[8] = status_field(v.check_status);
    r[9] = text_field(v.check_text);
    r[10] = status_field(v.causal_status);
    r[11] = text_field(v.causal_text);
    r[12] = number_field(v.contribution);
    r[13] = text_field(v.contribution_status);
    if (t.plan) {
        const VarianceRow& p = t.plan->rows[i];
        r[17] = number_field(p.plan);
        r[18] = number_field(p.actual);
        r[19] = number_field(p.gap);
        r[20] = number_field(p.gap_percent);
        r[21] = number_field(p.contribution);
        r[22] = text_field(p.status);
    }
    r[23] = text_field(findings_of(t.view, i));
    return r;
}

// One record per KPI in table order, then one for findings that concern no KPI.
std::string records(const TableContext& t) {
    std::string out;
    for (std::size_t i = 0; i < t.tree.nodes.size(); ++i)
        out += render(kpi_record(t, i), t.options.format);
    if (const std::string rest = findings_of(t.view, std::nullopt); !rest.empty()) {
        Record r = table_record(t);
        r[23] = rest;
        out += render(r, t.options.format);
    }
    return out;
}

std::string table_error_record(const AuditOptions& options, std::string_view title,
                               const std::string& reason) {
    Record r(keys.size());
    r[0] = text_field(options.workbook);
    r[1] = std::string(title);
    r[8] = std::string(status_token(Status::error));
    r[9] = status_message(Status::error, reason);
    return render(r, options.format);
}

std::optional<ContributionPeriods> contribution_periods(const Tree& tree,
                                                        const AuditOptions& options) {
    const auto period = [&](const PeriodArg& arg, const std::string& what) {
        try {
            return period_argument(tree, arg, what);
        } catch (const NotInTable& e) {
            throw ArgumentError(what + ": " + e.what());
        }
    };
    const auto from = period(options.from, "--from");
    const auto to = period(options.to, "--to");
    if (!from && !to)
        return std::nullopt;
    if (!from || !to)
        throw ArgumentError("--from and --to go together");
    return ContributionPeriods{*from, *to};
}

std::string text_report(const TableContext& t, const AuditReport& report) {
    const std::size_t periods = t.tree.periods();
    std::string out = " \u2014 " + std::to_string(t.tree.nodes.size()) + " KPIs, " +
                      std::to_string(periods) + " periods (" + t.tree.period_labels.front() +
                      " \u2026 " + t.tree.period_labels.back() + ")\n";
    std::string contrib_title;
    if (t.view.has_contributions)
        contrib_title = t.tree.period_labels[t.view.contribution_from] + "\u2192" +
                        t.tree.period_labels[t.view.contribution_to];
    const std::vector<Line> lines = overview_lines(t.tree, t.view);
    out += format_lines(lines, contrib_title);
    if (t.plan)
        out += variance_section(t.tree, lines, *t.plan);
    out += findings_section(t.view);
    out += "\nSummary: " + std::to_string(report.mismatches) +
           (report.mismatches == 1 ? " mismatch, " : " mismatches, ") +
           std::to_string(report.errors) + (report.errors == 1 ? " error" : " errors") + "\n";
    return out;
}

} // namespace

const std::vector<std::string>& record_keys() {
    return keys;
}

std::string csv_header() {
    std::string out;
    for (std::size_t k = 0; k < keys.size(); ++k)
        out += (k ? "," : "") + keys[k];
    return out + "\n";
}

AuditReport audit(const Grid& table, std::string_view title, const AuditOptions& options) {
    AuditReport report;
    const Tree tree = read_tree(table);
    const bool text = options.format == ReportFormat::text;
    if (!tree.table_errors.empty()) {
        report.errors = 1;
        report.text = text ? "KPI tree " + std::string(title) + "\n  " +
                                 status_message(Status::error, tree.table_errors.front()) + "\n"
                           : table_error_record(options, title, tree.table_errors.front());
        return report;
    }
    const TreeOverview view = overview(tree, options.check, contribution_periods(tree, options));
    std::optional<VarianceColumns> plan;
    if (options.plan)
        plan = variance_columns(tree, *options.plan);
    report.mismatches = view.mismatches;
    report.errors = view.errors;
    const TableContext context{tree, view, plan, options, std::string(title)};
    report.text =
        text ? "KPI tree " + std::string(title) + text_report(context, report) : records(context);
    return report;
}

AuditReport audit(const Grid& table, std::string_view title, const CheckOptions& options) {
    AuditOptions all;
    all.check = options;
    return audit(table, title, all);
}

} // namespace kpitree
