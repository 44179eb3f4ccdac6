#include "kpitree/report.hpp"

#include "kpitree/audit/causal.hpp"
#include "kpitree/audit/check.hpp"
#include "kpitree/audit/lint.hpp"
#include "kpitree/model/tree.hpp"
#include "kpitree/plan/contrib.hpp"
#include "kpitree/plan/elasticity.hpp"
#include "kpitree/plan/planning.hpp"
#include "kpitree/plan/rollup.hpp"
#include "kpitree/plan/target.hpp"
#include "model/text.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace kpitree {

namespace {

bool blank(const Cell& c) {
    if (is_empty(c))
        return true;
    const auto* s = std::get_if<std::string>(&c);
    return s && trim(*s).empty();
}

std::string lower_text(const Cell& c) {
    const auto* s = std::get_if<std::string>(&c);
    return s ? fold_case(trim(*s)) : std::string();
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

// Visible width of UTF-8 text: East Asian wide characters count two columns.
std::size_t display_width(std::string_view s) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        const std::size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        width += (len >= 3 && b >= 0xE1 && b != 0xE2) ? 2 : 1; // CJK and kana, not arrows/boxes
        i += len;
    }
    return width;
}

std::string pad(std::string s, std::size_t width) {
    const std::size_t w = display_width(s);
    if (w < width)
        s.append(width - w, ' ');
    return s;
}

// Numbers for people: thousands grouped and no decimals from `whole_from` up; four
// significant digits below (rates such as 0.2596 stay readable).
std::string group_digits(double v, double whole_from = 1000) {
    if (std::fabs(v) < whole_from)
        return format_short(v, 4);
    std::string head = format_short(std::round(std::fabs(v)), 15);
    if (head.find('e') != std::string::npos)
        return format_short(v, 6);
    for (int i = static_cast<int>(head.size()) - 3; i > 0; i -= 3)
        head.insert(static_cast<std::size_t>(i), ",");
    return (v < 0 ? "-" : "") + head;
}

std::optional<double> latest(const Node& n) {
    for (auto it = n.values.rbegin(); it != n.values.rend(); ++it)
        if (*it)
            return **it;
    return std::nullopt;
}

} // namespace

std::optional<CellRect> find_tree_table(const Grid& sheet) {
    for (std::size_t r = 0; r < sheet.rows(); ++r)
        for (std::size_t c = 0; c + 3 < sheet.columns(); ++c)
            if (lower_text(sheet.at(r, c)) == "name" &&
                lower_text(sheet.at(r, c + 1)) == "parent" &&
                lower_text(sheet.at(r, c + 2)) == "link") {
                // The header is the table's first row and Name its first column, even when a
                // title or notes touch the region.
                CellRect rect = block_at(sheet, r, c);
                rect.rows -= r - rect.row;
                rect.columns -= c - rect.column;
                rect.row = r;
                rect.column = c;
                return rect;
            }
    for (std::size_t r = 0; r < sheet.rows(); ++r)
        for (std::size_t c = 0; c < sheet.columns(); ++c) {
            if (blank(sheet.at(r, c)))
                continue;
            const CellRect rect = block_at(sheet, r, c);
            const Tree tree = read_tree(sub_grid(sheet, rect));
            if (tree.table_errors.empty() && !tree.roots.empty())
                return rect;
            return std::nullopt;
        }
    return std::nullopt;
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
    auto column = [](std::size_t c) {
        std::string s;
        for (++c; c > 0; c = (c - 1) / 26)
            s.insert(s.begin(), static_cast<char>('A' + (c - 1) % 26));
        return s;
    };
    return column(rect.column) + std::to_string(rect.row + 1) + ":" +
           column(rect.column + rect.columns - 1) + std::to_string(rect.row + rect.rows);
}

AuditReport audit(const Grid& table, std::string_view title) {
    AuditReport report;
    const Tree tree = read_tree(table);
    std::string& out = report.text;
    out += "KPI tree " + std::string(title);
    if (!tree.table_errors.empty()) {
        out += "\n  ERROR " + tree.table_errors.front() + "\n";
        report.errors = 1;
        return report;
    }
    const std::size_t periods = tree.periods();
    out += " \u2014 " + std::to_string(tree.nodes.size()) + " KPIs, " + std::to_string(periods) +
           " periods (" + tree.period_labels.front() + " \u2026 " + tree.period_labels.back() +
           ")\n";

    const auto checks = check_tree(tree);
    const auto causal = assess_causal(tree);
    std::vector<Contribution> contrib;
    std::string contrib_title;
    if (periods >= 2) {
        contrib = contributions(tree, periods - 2, periods - 1);
        contrib_title = tree.period_labels[periods - 2] + "\u2192" + tree.period_labels.back();
    }

    // Rows: a tree drawing, the latest value, the verdict, the contribution.
    struct Line {
        std::string label, value, verdict, contribution;
    };
    std::vector<Line> lines;
    std::vector<bool> shown(tree.nodes.size(), false);
    auto verdict_of = [&](std::size_t i) {
        const Node& n = tree.nodes[i];
        std::string v = status_text(tree, checks[i]);
        if (checks[i].verdict == Verdict::mismatch)
            ++report.mismatches;
        if (checks[i].verdict == Verdict::error)
            ++report.errors;
        if (n.link == Link::hypothesis && checks[i].verdict != Verdict::error)
            v = causal_status_text(tree, causal[i]);
        else if (checks[i].verdict == Verdict::leaf)
            v = n.is_root() ? "LEAF" : "";
        return v;
    };
    std::function<void(std::size_t, const std::string&, bool, bool)> walk =
        [&](std::size_t i, const std::string& prefix, bool last, bool top) {
            shown[i] = true;
            const Node& n = tree.nodes[i];
            Line line;
            line.label = top ? n.name
                             : prefix + (last ? "\u2514\u2500 " : "\u251C\u2500 ") +
                                   std::string(link_symbol(n.link)) + " " + n.name;
            if (auto v = latest(n))
                line.value = group_digits(*v);
            line.verdict = verdict_of(i);
            if (!contrib.empty() && contrib[i].value && n.link != Link::hypothesis)
                line.contribution =
                    (*contrib[i].value >= 0 ? "+" : "") + group_digits(*contrib[i].value, 100);
            lines.push_back(line);
            const std::string child_prefix = top ? "" : prefix + (last ? "   " : "\u2502  ");
            const auto& kids = n.children;
            for (std::size_t k = 0; k < kids.size(); ++k)
                if (!shown[kids[k]])
                    walk(kids[k], child_prefix, k + 1 == kids.size(), false);
        };
    for (std::size_t r : tree.roots)
        walk(r, "", true, true);
    for (std::size_t i = 0; i < tree.nodes.size(); ++i) // rows not reachable from a KGI
        if (!shown[i]) {
            shown[i] = true;
            lines.push_back({"? " + (tree.nodes[i].name.empty() ? "(no name)" : tree.nodes[i].name),
                             "", verdict_of(i), ""});
        }

    std::size_t w_label = 3, w_value = 6;
    for (const Line& l : lines) {
        w_label = std::max(w_label, display_width(l.label));
        w_value = std::max(w_value, display_width(l.value));
    }
    out += "\n" + pad("KPI", w_label) + "  " + pad("latest", w_value) + "  verdict";
    if (!contrib.empty())
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

    const auto findings = lint(tree);
    out += "\nFindings:\n";
    if (findings.empty())
        out += "  OK\n";
    for (const Finding& f : findings)
        out += "  " + finding_text(tree, f) + "\n";
    const std::size_t lint_errors = static_cast<std::size_t>(std::count_if(
        findings.begin(), findings.end(), [](auto& f) { return f.severity == Severity::error; }));
    report.errors = std::max(report.errors, lint_errors);

    out += "\nSummary: " + std::to_string(report.mismatches) +
           (report.mismatches == 1 ? " mismatch, " : " mismatches, ") +
           std::to_string(report.errors) + (report.errors == 1 ? " error" : " errors") + "\n";
    return report;
}

} // namespace kpitree
