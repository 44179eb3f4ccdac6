#include "kpitree/report.hpp"

#include "kpitree/model/format.hpp"
#include "kpitree/model/layout.hpp"
#include "kpitree/model/status.hpp"
#include "kpitree/model/tree.hpp"
#include "kpitree/overview.hpp"
#include "model/text.hpp"

#include <algorithm>
#include <cmath>

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

// Whether (r, c) starts a table's labels: Name | Parent | Link across, or down.
bool labels_at(const Grid& sheet, std::size_t r, std::size_t c) {
    if (!is_header_cell(sheet.at(r, c), HeaderWord::name))
        return false;
    const bool across = c + 2 < sheet.columns() &&
                        is_header_cell(sheet.at(r, c + 1), HeaderWord::parent) &&
                        is_header_cell(sheet.at(r, c + 2), HeaderWord::link);
    const bool down = r + 2 < sheet.rows() &&
                      is_header_cell(sheet.at(r + 1, c), HeaderWord::parent) &&
                      is_header_cell(sheet.at(r + 2, c), HeaderWord::link);
    return across || down;
}

// The top-left block, when it reads as a tree without labels: some row links to a parent and
// at most half the rows are unusable (an export with periods in rows and no labels is not).
std::optional<CellRect> unlabelled_table(const Grid& sheet) {
    for (std::size_t r = 0; r < sheet.rows(); ++r)
        for (std::size_t c = 0; c < sheet.columns(); ++c) {
            if (blank(sheet.at(r, c)))
                continue;
            const CellRect rect = block_at(sheet, r, c);
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

std::vector<CellRect> find_tree_tables(const Grid& sheet) {
    std::vector<CellRect> found;
    for (std::size_t r = 0; r < sheet.rows(); ++r)
        for (std::size_t c = 0; c < sheet.columns(); ++c) {
            if (std::any_of(found.begin(), found.end(),
                            [&](const CellRect& f) { return inside(f, r, c); }) ||
                !labels_at(sheet, r, c))
                continue;
            // The labels are the table's first row and column, even when a title or notes
            // touch the region.
            CellRect rect = block_at(sheet, r, c);
            rect.rows -= r - rect.row;
            rect.columns -= c - rect.column;
            rect.row = r;
            rect.column = c;
            found.push_back(rect);
        }
    if (found.empty())
        if (auto rect = unlabelled_table(sheet))
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
    std::string label, value, verdict, contribution;
};

// Levels drawn with tree lines; deeper rows say their level instead, so a line stays short
// (and the report linear) however deep the chain.
constexpr std::size_t drawn_levels = 12;

// A frame of the depth-first walk: the node, its drawing prefix and whether it is the last
// of its siblings.
struct Frame {
    std::size_t node;
    std::string prefix;
    bool last, top;
    std::size_t level;
};

std::string signed_number(double v) {
    return (v >= 0 ? "+" : "") + display_number(v);
}

Line line_of(const Tree& tree, const TreeOverview& view, const Frame& f) {
    const Node& n = tree.nodes[f.node];
    const OverviewNode& v = view.nodes[f.node];
    Line line;
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
    return line;
}

// Every row as a line, each top's tree depth first in table order (an explicit stack: any
// depth); tops no KGI reaches are marked "?".
std::vector<Line> overview_lines(const Tree& tree, const TreeOverview& view) {
    std::vector<Line> lines;
    std::vector<Frame> stack;
    for (auto r = view.tops.rbegin(); r != view.tops.rend(); ++r)
        stack.push_back({*r, "", true, true, 0});
    while (!stack.empty()) {
        Frame f = std::move(stack.back());
        stack.pop_back();
        lines.push_back(line_of(tree, view, f));
        const std::string child_prefix =
            f.top || f.level >= drawn_levels ? f.prefix : f.prefix + (f.last ? "   " : "\u2502  ");
        const auto& kids = view.nodes[f.node].children;
        for (std::size_t k = kids.size(); k > 0; --k)
            stack.push_back({kids[k - 1], child_prefix, k == kids.size(), false, f.level + 1});
    }
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

AuditReport audit(const Grid& table, std::string_view title, const CheckOptions& options) {
    AuditReport report;
    const Tree tree = read_tree(table);
    std::string& out = report.text;
    out += "KPI tree " + std::string(title);
    if (!tree.table_errors.empty()) {
        out += "\n  " + status_message(Status::error, tree.table_errors.front()) + "\n";
        report.errors = 1;
        return report;
    }
    const std::size_t periods = tree.periods();
    out += " \u2014 " + std::to_string(tree.nodes.size()) + " KPIs, " + std::to_string(periods) +
           " periods (" + tree.period_labels.front() + " \u2026 " + tree.period_labels.back() +
           ")\n";
    const TreeOverview view = overview(tree, options);
    report.mismatches = view.mismatches;
    report.errors = view.errors;
    std::string contrib_title;
    if (view.has_contributions)
        contrib_title = tree.period_labels[periods - 2] + "\u2192" + tree.period_labels.back();
    out += format_lines(overview_lines(tree, view), contrib_title);
    out += findings_section(view);
    out += "\nSummary: " + std::to_string(report.mismatches) +
           (report.mismatches == 1 ? " mismatch, " : " mismatches, ") +
           std::to_string(report.errors) + (report.errors == 1 ? " error" : " errors") + "\n";
    return report;
}

} // namespace kpitree
