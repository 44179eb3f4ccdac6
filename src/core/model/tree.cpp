#include "kpitree/model/tree.hpp"

#include "kpitree/model/dates.hpp"
#include "kpitree/model/format.hpp"
#include "kpitree/model/layout.hpp"
#include "model/text.hpp"

#include <algorithm>
#include <bit>
#include <cctype>
#include <cmath>
#include <stdexcept>

namespace kpitree {

std::optional<Link> parse_link(std::string_view text) {
    const std::string t = trim_name(text);
    if (t.empty())
        return Link::none;
    static const std::pair<std::string_view, Link> forms[] = {{"+", Link::add},
                                                              {"\uFF0B", Link::add},
                                                              {"-", Link::subtract},
                                                              {"\u2212", Link::subtract},
                                                              {"\uFF0D", Link::subtract},
                                                              {"\u2013", Link::subtract},
                                                              {"*", Link::multiply},
                                                              {"\u00D7", Link::multiply},
                                                              {"\uFF0A", Link::multiply},
                                                              {"x", Link::multiply},
                                                              {"X", Link::multiply},
                                                              {"/", Link::divide},
                                                              {"\u00F7", Link::divide},
                                                              {"\uFF0F", Link::divide},
                                                              {"~", Link::hypothesis},
                                                              {"\uFF5E", Link::hypothesis},
                                                              {"\u301C", Link::hypothesis}};
    for (const auto& [form, link] : forms)
        if (t == form)
            return link;
    return std::nullopt;
}

std::string_view link_symbol(Link link) {
    switch (link) {
    case Link::add:
        return "+";
    case Link::subtract:
        return "\u2212";
    case Link::multiply:
        return "\u00D7";
    case Link::divide:
        return "\u00F7";
    case Link::hypothesis:
        return "~";
    case Link::none:
        break;
    }
    return "";
}

namespace {

// Records a problem of a row, as a key and as its English text.
void add_error(Node& node, Problem problem) {
    node.errors.push_back(problem_text(problem));
    node.problems.push_back(std::move(problem));
    node.has_errors = true;
}

} // namespace

namespace {

struct KindWord {
    std::string_view word;
    Kind kind;
};

// The kind words in the five languages (folded to lower case).
constexpr KindWord kind_words[] = {
    {"flow", Kind::flow},       {"stock", Kind::stock},       {"ratio", Kind::ratio},
    {"average", Kind::average}, {"constant", Kind::constant}, {"フロー", Kind::flow},
    {"ストック", Kind::stock},  {"比率", Kind::ratio},        {"平均", Kind::average},
    {"定数", Kind::constant},   {"流量", Kind::flow},         {"存量", Kind::stock},
    {"常数", Kind::constant},   {"virta", Kind::flow},        {"varanto", Kind::stock},
    {"suhde", Kind::ratio},     {"keskiarvo", Kind::average}, {"vakio", Kind::constant},
    {"flux", Kind::flow},       {"moyenne", Kind::average},   {"constante", Kind::constant}};

constexpr std::string_view kind_headers[] = {"kind", "種類",   "種別",   "类型", "類型",
                                             "laji", "tyyppi", "nature", "type"};

} // namespace

std::optional<Kind> parse_kind(std::string_view text) {
    const std::string t = fold_case(trim(text));
    for (const KindWord& w : kind_words)
        if (t == w.word)
            return w.kind;
    return std::nullopt;
}

std::string_view kind_name(Kind kind) {
    switch (kind) {
    case Kind::flow:
        return "flow";
    case Kind::stock:
        return "stock";
    case Kind::ratio:
        return "ratio";
    case Kind::average:
        return "average";
    case Kind::constant:
        return "constant";
    }
    return "flow";
}

bool is_kind_header(std::string_view text) {
    const std::string t = fold_case(trim(text));
    for (std::string_view h : kind_headers)
        if (t == h)
            return true;
    return false;
}

std::string trim_name(std::string_view name) {
    return std::string(trim(name));
}

std::string name_key(std::string_view name) {
    return fold_case(trim(name));
}

std::span<const std::optional<double>> Tree::period_values(std::size_t period) const {
    if ((period + 1) * value_nodes_ > values_.size())
        return {};
    return std::span(values_).subspan(period * value_nodes_, value_nodes_);
}

Series Tree::series(std::size_t node) const {
    Series s(periods());
    for (std::size_t p = 0; p < s.size(); ++p)
        s[p] = value(node, p);
    return s;
}

namespace {

std::size_t words_for(std::size_t periods) {
    return (periods + 63) / 64;
}

void mark_present(std::uint64_t* words, std::size_t period) {
    words[period / 64] |= std::uint64_t{1} << (period % 64);
}

} // namespace

// Hands the values read_rows collected to the tree together with their bitmap, which read_rows
// fills as it reads each row (set_values would find it again with a pass over every value).
struct TreeReader {
    static void set_values(Tree& tree, std::vector<std::optional<double>> period_major,
                           std::vector<std::uint64_t> present) {
        tree.values_ = std::move(period_major);
        tree.value_nodes_ = tree.nodes.size();
        tree.present_ = std::move(present);
        tree.present_words_ = words_for(tree.periods());
    }
};

void Tree::set_values(std::vector<std::optional<double>> period_major) {
    if (period_major.size() != periods() * nodes.size())
        throw std::invalid_argument("Tree::set_values: " + std::to_string(period_major.size()) +
                                    " values for " + std::to_string(periods()) + " periods of " +
                                    std::to_string(nodes.size()) + " nodes");
    const std::size_t words = words_for(periods());
    std::vector<std::uint64_t> present(words * nodes.size(), 0);
    for (std::size_t p = 0; p < periods(); ++p)
        for (std::size_t n = 0; n < nodes.size(); ++n)
            if (period_major[p * nodes.size() + n])
                mark_present(present.data() + n * words, p);
    TreeReader::set_values(*this, std::move(period_major), std::move(present));
}

std::span<const std::uint64_t> Tree::present_bits(std::size_t node) const {
    if (node >= value_nodes_)
        return {};
    return std::span(present_).subspan(node * present_words_, present_words_);
}

std::size_t Tree::measured_periods(std::size_t node) const {
    std::size_t count = 0;
    for (std::uint64_t w : present_bits(node))
        count += static_cast<std::size_t>(std::popcount(w));
    return count;
}

std::size_t Tree::measured_together(std::size_t node, std::size_t other) const {
    const auto a = present_bits(node), b = present_bits(other);
    std::size_t count = 0;
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i)
        count += static_cast<std::size_t>(std::popcount(a[i] & b[i]));
    return count;
}

std::string Tree::place(std::size_t row) const {
    return (transposed ? "table column " : "table row ") + std::to_string(row + 1);
}

void NameIndex::build(const std::vector<std::string>& keys) {
    std::size_t capacity = 16;
    while (capacity < 2 * keys.size())
        capacity *= 2;
    slots_.assign(capacity, Slot{});
    next_.assign(keys.size(), no_next);
    entries_.clear();
    entries_.reserve(keys.size());
    keys_.clear();
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const std::string_view key = keys[i];
        if (key.empty())
            continue;
        const std::size_t hash = std::hash<std::string_view>()(key);
        const auto short_hash = static_cast<std::uint32_t>(hash);
        std::size_t slot = hash & (capacity - 1);
        for (; slots_[slot].entry != 0; slot = (slot + 1) & (capacity - 1)) {
            if (slots_[slot].hash != short_hash)
                continue;
            const Entry& e = entries_[slots_[slot].entry - 1];
            if (std::string_view(keys_).substr(e.offset, e.length) == key)
                break;
        }
        const auto node = static_cast<std::uint32_t>(i);
        if (slots_[slot].entry == 0) { // a new key
            entries_.push_back({static_cast<std::uint32_t>(keys_.size()),
                                static_cast<std::uint32_t>(key.size()), node, node, 1});
            keys_ += key;
            slots_[slot] = {static_cast<std::uint32_t>(entries_.size()), short_hash};
        } else {
            Entry& e = entries_[slots_[slot].entry - 1];
            next_[e.last] = node;
            e.last = node;
            ++e.count;
        }
    }
}

NameIndex::Match NameIndex::lookup(std::string_view key) const {
    if (slots_.empty())
        return {};
    const std::size_t hash = std::hash<std::string_view>()(key), mask = slots_.size() - 1;
    const auto short_hash = static_cast<std::uint32_t>(hash);
    for (std::size_t slot = hash & mask; slots_[slot].entry != 0; slot = (slot + 1) & mask) {
        if (slots_[slot].hash != short_hash)
            continue;
        const Entry& e = entries_[slots_[slot].entry - 1];
        if (std::string_view(keys_).substr(e.offset, e.length) == key)
            return {e.count, e.first};
    }
    return {};
}

std::vector<std::vector<std::size_t>> NameIndex::duplicates() const {
    std::vector<std::vector<std::size_t>> out;
    for (const Entry& e : entries_) {
        if (e.count < 2)
            continue;
        std::vector<std::size_t>& nodes = out.emplace_back();
        for (std::uint32_t n = e.first; n != no_next; n = next_[n])
            nodes.push_back(n);
    }
    return out;
}

std::optional<std::size_t> Tree::find(std::string_view name) const {
    const NameIndex::Match m = by_key.lookup(name_key(name));
    if (m.count != 1)
        return std::nullopt;
    return m.first;
}

std::string unknown_kpi_reason(const Tree& tree, std::string_view name, std::string_view what) {
    const std::string shown = trim_name(name);
    if (tree.by_key.lookup(name_key(name)).count > 1)
        return "'" + shown + "' is ambiguous: the name appears more than once";
    std::vector<std::string> names;
    names.reserve(tree.nodes.size());
    for (const Node& n : tree.nodes)
        names.push_back(n.name);
    const std::string head = "no " + std::string(what) + " '" + shown + "'";
    if (const auto guess = closest_match(shown, names))
        return head + "; did you mean '" + *guess + "'?";
    if (names.empty())
        return head + "; the table has none";
    return head + "; the " + std::string(what) + "s are " + abbreviated_list(names);
}

std::string unknown_period_reason(const Tree& tree, std::string_view typed, bool number) {
    if (tree.periods() == 0)
        return "no period " + std::string(typed) + "; the table has no period columns";
    const std::string periods = abbreviated_list(tree.period_labels);
    if (number)
        return "no period " + std::string(typed) + "; periods are numbered 1 to " +
               format_count(tree.periods()) + ": " + periods;
    const std::string head = "no period '" + std::string(trim(typed)) + "'";
    if (const auto guess = closest_match(typed, tree.period_labels))
        return head + "; did you mean '" + *guess + "'? Periods are " + periods;
    return head + "; periods are " + periods;
}

namespace {

// Node `node`'s run of a list laid out by Tree::arithmetic_begin (empty for an unknown node).
template <typename T>
std::span<const T> arithmetic_run(const std::vector<std::size_t>& begin, const std::vector<T>& list,
                                  std::size_t node) {
    if (node + 1 >= begin.size())
        return {};
    return std::span<const T>(list).subspan(begin[node], begin[node + 1] - begin[node]);
}

} // namespace

std::span<const Link> Tree::arithmetic_links(std::size_t node) const {
    return arithmetic_run(arithmetic_begin, arithmetic_link_list, node);
}

std::span<const std::size_t> Tree::arithmetic_children(std::size_t node) const {
    return arithmetic_run(arithmetic_begin, arithmetic_list, node);
}

std::vector<std::size_t> Tree::hypothesis_children(std::size_t node) const {
    std::vector<std::size_t> out;
    for (std::size_t c : nodes[node].children)
        if (nodes[c].link == Link::hypothesis)
            out.push_back(c);
    return out;
}

bool Tree::has_mixed_children(std::size_t node) const {
    return node < mixed_children.size() && mixed_children[node];
}

namespace {

// Text of a name-like cell: numbers are names too ("2024"); errors and empties are not.
std::string cell_name(const Cell& cell) {
    if (const auto* s = std::get_if<std::string>(&cell))
        return trim_name(*s);
    if (const auto* d = std::get_if<double>(&cell))
        return format_number(*d);
    return {};
}

bool is_blank(const Cell& cell) {
    if (is_empty(cell))
        return true;
    const auto* s = std::get_if<std::string>(&cell);
    return s && trim(*s).empty();
}

bool row_is_blank(const Grid& grid, std::size_t row) {
    for (std::size_t c = 0; c < grid.columns(); ++c)
        if (!is_blank(grid.at(row, c)))
            return false;
    return true;
}

bool looks_like_header(const Grid& grid) {
    if (grid.rows() == 0)
        return false;
    bool any_text = false;
    for (std::size_t c = 3; c < grid.columns(); ++c) {
        const Cell& cell = grid.at(0, c);
        if (is_number(cell) || is_error(cell))
            return false;
        any_text |= !is_blank(cell);
    }
    if (any_text)
        return true;
    // Period headers may be dates (numbers in Calc): the Link column then decides.
    const auto* link = std::get_if<std::string>(&grid.at(0, 2));
    return link && !parse_link(*link);
}

bool header_with_date_periods(const Grid& grid) {
    if (grid.rows() == 0 || grid.columns() < min_table_columns)
        return false;
    const auto* link = std::get_if<std::string>(&grid.at(0, 2));
    const auto* name = std::get_if<std::string>(&grid.at(0, 0));
    return link && name && !parse_link(*link) && !trim(*link).empty();
}

// Whether a text reads as a number an export stored as text: digits with grouping and decimal
// marks, a sign, a percent or currency sign ("14.6%", "257,560", "1 234,5", "$1,200").
bool number_stored_as_text(std::string_view text) {
    bool digit = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (std::isdigit(c)) {
            digit = true;
        } else if (c >= 0x80) { // no-break space, €, £, ¥: skip the sequence's bytes
            while (i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80)
                ++i;
        } else if (std::string_view(" ,.'%$+-").find(static_cast<char>(c)) ==
                   std::string_view::npos) {
            return false;
        }
    }
    return digit;
}

// How to fix a text value: a number stored as text is converted, anything else is no value.
// The row's value in period p goes to values[p * stride] (they start missing), and bit p of
// `present` is set when it is there.
void read_values(const Grid& grid, std::size_t row, const Tree& tree, Node& node,
                 std::optional<double>* values, std::size_t stride, std::uint64_t* present) {
    const std::vector<std::string>& labels = tree.period_labels;
    const std::size_t periods = labels.size();
    std::size_t bad = 0;
    Problem first_bad;
    for (std::size_t p = 0; p < periods; ++p) {
        const Cell& cell = grid.at(row, tree.period_columns[p]);
        if (const auto* d = std::get_if<double>(&cell)) {
            if (std::isfinite(*d)) {
                values[p * stride] = *d;
                mark_present(present, p);
                continue;
            }
            if (bad++ == 0)
                first_bad = {ProblemId::not_quantifiable_number, {labels[p]}};
        } else if (const auto* s = std::get_if<std::string>(&cell)) {
            if (trim(*s).empty())
                continue;
            if (bad++ == 0)
                first_bad = {number_stored_as_text(trim(*s)) ? ProblemId::number_stored_as_text
                                                             : ProblemId::not_quantifiable_text,
                             {std::string(trim(*s)), labels[p]}};
        } else if (const auto* e = std::get_if<CellError>(&cell)) {
            if (bad++ == 0)
                first_bad = {ProblemId::not_quantifiable_error, {e->code, labels[p]}};
        }
    }
    if (bad > 0) {
        first_bad.more = bad - 1;
        add_error(node, std::move(first_bad));
    }
}

// Each of `rows` (nodes sharing one name) says so, naming at most three of the others so the
// messages stay short when thousands of rows share a name.
void mark_duplicates(Tree& tree, const std::vector<std::size_t>& rows) {
    constexpr std::size_t named = 3;
    for (std::size_t i : rows) {
        std::vector<std::string> others;
        std::string numbers;
        for (std::size_t j : rows) {
            if (others.size() == named)
                break;
            if (j != i) {
                others.push_back(tree.place(tree.nodes[j].row));
                numbers += (numbers.empty() ? "" : ", ") + std::to_string(tree.nodes[j].row + 1);
            }
        }
        if (rows.size() - 1 > others.size())
            numbers += " \u2026";
        add_error(tree.nodes[i],
                  {ProblemId::duplicate_name,
                   {tree.nodes[i].name, capped_list(others, rows.size() - 1), numbers}});
    }
}

// The Kind cell: its kind, or none when it is blank (and when it names no kind, with an error
// on the row).
std::optional<Kind> read_kind(const Cell& cell, Node& node) {
    if (is_blank(cell))
        return std::nullopt;
    const auto* s = std::get_if<std::string>(&cell);
    const std::optional<Kind> kind = s ? parse_kind(*s) : std::nullopt;
    if (!kind)
        add_error(node, {ProblemId::invalid_kind, {cell_name(cell)}});
    return kind;
}

enum class ChainState { unvisited, active, done };

// What the walk up from a row found above the rows of its path: the KGI and the depth of the
// node above the path, or why the chain is broken.
struct ChainEnd {
    std::optional<std::size_t> root;
    int depth = 0;
    std::vector<Problem> broken; // empty, or why the chain is broken
};

// The ring of a cycle as its rows' text shows it: "A → B → A", or for a long cycle its first
// rows and how many more ("A → B → … 19,994 more → A"). Every row of the cycle and every row
// below it holds this text, so it must not grow with the cycle: a 20,000-row cycle named in
// full in each of its rows took gigabytes.
std::string ring_text(const Tree& tree, std::span<const std::size_t> ring) {
    constexpr std::size_t named = 6;
    std::string text;
    for (std::size_t i = 0; i < ring.size() && i < named; ++i)
        text += tree.nodes[ring[i]].name + " \u2192 ";
    if (ring.size() > named)
        text += "\u2026 " + format_count(ring.size() - named) + " more \u2192 ";
    return text + tree.nodes[ring.front()].name;
}

// A cycle from `at` back to `at` along `path`: every row on it gets the error, the path keeps
// the rows below the cycle.
ChainEnd mark_cycle(Tree& tree, std::vector<ChainState>& state, std::vector<std::size_t>& path,
                    std::size_t at) {
    auto begin = std::find(path.begin(), path.end(), at);
    const std::string ring = ring_text(tree, std::span(begin, path.end()));
    for (auto it = begin; it != path.end(); ++it) {
        add_error(tree.nodes[*it], {ProblemId::cycle, {ring}});
        state[*it] = ChainState::done;
    }
    path.erase(begin, path.end());
    return {std::nullopt, 0, {Problem{ProblemId::under_cycle, {ring}}}};
}

// The end of a walk that stopped at a finished row (`above`) or ran out of parents.
ChainEnd chain_end(const Tree& tree, std::optional<std::size_t> above,
                   const std::vector<std::size_t>& path) {
    if (above) {
        const Node& n = tree.nodes[*above];
        if (n.root)
            return {n.root, n.depth, {}};
        if (!n.detached_problem.empty())
            return {std::nullopt, 0, n.detached_problem};
        if (n.problems.empty())
            return {std::nullopt, 0, {Problem{ProblemId::cut_off, {n.name}}}};
        return {std::nullopt,
                0,
                {Problem{ProblemId::above_unusable, {n.name}, 0, {n.problems.front()}}}};
    }
    if (path.empty())
        return {};
    const Node& top = tree.nodes[path.back()];
    if (top.is_root())
        return {path.back(), -1, {}};
    return {std::nullopt, 0, {Problem{ProblemId::no_valid_parent, {top.name}}}};
}

// Resolves root and depth by walking up parent links; marks cycles and what hangs below them.
// Every row is walked once (finished rows end a walk): linear in the table.
void resolve_chains(Tree& tree) {
    std::vector<ChainState> state(tree.nodes.size(), ChainState::unvisited);
    std::vector<std::size_t> path;
    for (std::size_t start = 0; start < tree.nodes.size(); ++start) {
        if (state[start] == ChainState::done)
            continue;
        path.clear();
        std::optional<std::size_t> cur = start;
        // Walk up until a finished node, a root, a broken link or a node on the current path.
        while (cur && state[*cur] == ChainState::unvisited) {
            state[*cur] = ChainState::active;
            path.push_back(*cur);
            cur = tree.nodes[*cur].parent;
        }
        ChainEnd end = cur && state[*cur] == ChainState::active
                           ? mark_cycle(tree, state, path, *cur)
                           : chain_end(tree, cur, path);
        for (auto it = path.rbegin(); it != path.rend(); ++it) {
            Node& n = tree.nodes[*it];
            state[*it] = ChainState::done;
            if (end.root) {
                n.root = end.root;
                n.depth = ++end.depth;
            } else if (n.parent) {
                n.detached_problem = end.broken;
                n.detached = end.broken.empty() ? std::string() : problem_text(end.broken.front());
            }
        }
    }
}

// Tree::top_down: breadth first from the KGIs, every connected node after its parent.
void order_top_down(Tree& tree) {
    tree.top_down = tree.roots;
    for (std::size_t i = 0; i < tree.top_down.size(); ++i)
        for (std::size_t c : tree.nodes[tree.top_down[i]].children)
            if (tree.nodes[c].root)
                tree.top_down.push_back(c);
}

// Node::unusable_child of every node, connected to a KGI or not (KPI.CHECK judges them all).
void mark_unusable_children(Tree& tree) {
    for (Node& node : tree.nodes)
        for (std::size_t c : node.children) {
            const Node& child = tree.nodes[c];
            if (child.link != Link::hypothesis && !child.ok()) {
                node.unusable_child = c;
                break;
            }
        }
}

} // namespace

namespace {

// The header, the Kind column and the period labels; false (with a table error) when the
// range cannot be a tree table.
// Too few columns for a tree table: the table error, or empty when there are enough.
std::string too_narrow(const Grid& grid, const Tree& tree) {
    const std::string lines = tree.transposed ? "rows" : "columns";
    if (grid.columns() < min_table_columns)
        return "a tree table needs at least 4 " + lines + " (Name, Parent, Link, one per " +
               "period); this range has " + std::to_string(grid.columns());
    if (tree.has_kind_column && grid.columns() < min_table_columns + 1)
        return "a tree table with a Kind " + std::string(tree.transposed ? "row" : "column") +
               " needs at least 5 " + lines + " (Name, Parent, Link, Kind, one per period)";
    return {};
}

// The period labels and columns; dates in the header are shown as dates and put oldest first.
void read_periods(const Grid& grid, Tree& tree) {
    std::vector<HeaderCell> headers;
    for (std::size_t c = tree.first_period_column(); c < grid.columns(); ++c) {
        tree.period_columns.push_back(c);
        std::string label;
        if (tree.has_header) {
            label = cell_name(grid.at(0, c));
            const Cell& cell = grid.at(0, c);
            HeaderCell h;
            if (const auto* d = std::get_if<double>(&cell))
                h.number = *d;
            else if (const auto* s = std::get_if<std::string>(&cell))
                h.text = *s;
            headers.push_back(h);
        }
        const std::size_t number = c - tree.first_period_column() + 1;
        tree.period_labels.push_back(label.empty() ? "period " + std::to_string(number) : label);
    }
    const auto axis = tree.has_header ? date_axis(headers) : std::nullopt;
    if (!axis)
        return;
    tree.period_dates = axis->serials;
    tree.date_months = axis->months;
    for (std::size_t p = 0; p < headers.size(); ++p)
        if (headers[p].number)
            tree.period_labels[p] = format_date(*date_of_serial(*headers[p].number), axis->months);
    if (axis->descending) {
        std::reverse(tree.period_columns.begin(), tree.period_columns.end());
        std::reverse(tree.period_labels.begin(), tree.period_labels.end());
        std::reverse(tree.period_dates.begin(), tree.period_dates.end());
    }
}

// The header, the Kind column and the periods; false (with a table error) when the range
// cannot be a tree table.
bool read_layout(const Grid& grid, Tree& tree) {
    if (grid.empty()) {
        tree.table_errors.push_back("the range is empty");
        return false;
    }
    if (grid.columns() >= min_table_columns) {
        tree.has_header = looks_like_header(grid) || header_with_date_periods(grid);
        const auto* fourth = std::get_if<std::string>(&grid.at(0, 3));
        tree.has_kind_column = tree.has_header && fourth && is_kind_header(*fourth);
    }
    if (std::string problem = too_narrow(grid, tree); !problem.empty()) {
        tree.table_errors.push_back(std::move(problem));
        return false;
    }
    read_periods(grid, tree);
    return true;
}

// The Link cell: a valid link, or an error on the row.
void read_link(const Cell& cell, Node& node) {
    std::optional<Link> link;
    if (const auto* s = std::get_if<std::string>(&cell))
        link = parse_link(*s);
    else if (is_empty(cell))
        link = Link::none;
    if (!link)
        add_error(node, {ProblemId::invalid_link, {cell_name(cell)}});
    else if (*link == Link::none && !node.is_root())
        add_error(node, {ProblemId::no_link, {node.parent_name}});
    else
        node.link = *link;
}

// One node per non-blank row below the header.
void read_rows(const Grid& grid, Tree& tree) {
    // At most one node per row: reserving once spares a 100,000-row table the moves of every
    // node into ever larger blocks (17 of them), each block fresh memory to fault in.
    tree.nodes.reserve(grid.rows());
    tree.kinds.reserve(grid.rows());
    // The values go to one period-major block with a slot per data row, closed up below once
    // the number of nodes is known (Tree::set_values) when some rows were blank.
    const std::size_t first = tree.has_header ? 1 : 0;
    const std::size_t periods = tree.periods(), slots = grid.rows() - first;
    std::vector<std::optional<double>> values(periods * slots);
    const std::size_t words = words_for(periods);
    std::vector<std::uint64_t> present(words * slots, 0); // node-major: nodes fill it in order
    for (std::size_t r = first; r < grid.rows(); ++r) {
        if (row_is_blank(grid, r))
            continue;
        Node node;
        node.row = r;
        node.name = cell_name(grid.at(r, 0));
        node.parent_name = cell_name(grid.at(r, 1));
        if (node.name.empty())
            add_error(node, {ProblemId::no_name, {tree.place(r), std::to_string(r + 1)}});
        read_link(grid.at(r, 2), node);
        tree.kinds.push_back(tree.has_kind_column ? read_kind(grid.at(r, 3), node) : std::nullopt);
        read_values(grid, r, tree, node, values.data() + tree.nodes.size(), slots,
                    present.data() + tree.nodes.size() * words);
        tree.node_of_row[r] = tree.nodes.size();
        tree.nodes.push_back(std::move(node));
    }
    const std::size_t n = tree.nodes.size();
    for (std::size_t p = 1; p < periods && n < slots; ++p) { // each period moves down
        const auto from = values.begin() + static_cast<std::ptrdiff_t>(p * slots);
        std::copy(from, from + static_cast<std::ptrdiff_t>(n),
                  values.begin() + static_cast<std::ptrdiff_t>(p * n));
    }
    values.resize(periods * n);
    present.resize(words * n);
    TreeReader::set_values(tree, std::move(values), std::move(present));
}

// Tree::by_key, and the duplicate-name errors.
void index_names(Tree& tree) {
    std::vector<std::string> keys;
    keys.reserve(tree.nodes.size());
    for (const Node& node : tree.nodes)
        keys.push_back(node.name.empty() ? std::string() : name_key(node.name));
    tree.by_key.build(keys);
    for (const std::vector<std::size_t>& rows : tree.by_key.duplicates())
        mark_duplicates(tree, rows);
}

// Node::parent and Node::children, Tree::roots; an error on each row whose parent is unknown,
// ambiguous or itself.
void link_parents(Tree& tree) {
    // Siblings are mostly listed together: the previous row's parent name and what it found
    // spare them folding and looking up the same name again.
    std::optional<std::size_t> previous; // the last row with a parent name
    NameIndex::Match found;
    for (std::size_t i = 0; i < tree.nodes.size(); ++i) {
        Node& node = tree.nodes[i];
        if (node.is_root()) {
            tree.roots.push_back(i);
            continue;
        }
        if (!previous || tree.nodes[*previous].parent_name != node.parent_name)
            found = tree.by_key.lookup(name_key(node.parent_name));
        previous = i;
        const NameIndex::Match parent = found;
        if (parent.count == 0) {
            add_error(node, {ProblemId::unknown_parent, {node.parent_name}});
        } else if (parent.count > 1) {
            add_error(node, {ProblemId::ambiguous_parent, {node.parent_name}});
        } else if (parent.first == i) {
            add_error(node, {ProblemId::own_parent, {node.name}});
        } else {
            node.parent = parent.first;
            tree.nodes[*node.parent].children.push_back(i);
        }
    }
}

// Tree::arithmetic_begin, arithmetic_list and mixed_children, once the links and children are
// known.
void list_arithmetic_children(Tree& tree) {
    tree.arithmetic_begin.assign(1, 0);
    tree.arithmetic_begin.reserve(tree.nodes.size() + 1);
    tree.arithmetic_list.clear();
    tree.arithmetic_link_list.clear();
    tree.mixed_children.assign(tree.nodes.size(), false);
    for (std::size_t n = 0; n < tree.nodes.size(); ++n) {
        bool additive = false, multiplicative = false;
        for (std::size_t c : tree.nodes[n].children) {
            const Link link = tree.nodes[c].link;
            if (is_arithmetic(link)) {
                tree.arithmetic_list.push_back(c);
                tree.arithmetic_link_list.push_back(link);
            }
            additive |= is_additive(link);
            multiplicative |= is_multiplicative(link);
        }
        tree.arithmetic_begin.push_back(tree.arithmetic_list.size());
        tree.mixed_children[n] = additive && multiplicative;
    }
}

// An error on each parent whose children mix + − with × ÷, naming one of each.
void mark_mixed_operators(Tree& tree) {
    for (std::size_t i = 0; i < tree.nodes.size(); ++i) {
        if (!tree.has_mixed_children(i))
            continue;
        std::string additive, multiplicative;
        for (std::size_t c : tree.nodes[i].children) {
            const Node& child = tree.nodes[c];
            if (is_additive(child.link) && additive.empty())
                additive = std::string(link_symbol(child.link)) + " '" + child.name + "'";
            if (is_multiplicative(child.link) && multiplicative.empty())
                multiplicative = std::string(link_symbol(child.link)) + " '" + child.name + "'";
        }
        add_error(tree.nodes[i],
                  {ProblemId::mixed_operators, {tree.nodes[i].name, additive, multiplicative}});
    }
}

} // namespace

namespace {

Tree read_rows_layout(const Grid& grid, bool transposed) {
    Tree tree;
    tree.transposed = transposed;
    tree.node_of_row.assign(grid.rows(), std::nullopt);
    if (!read_layout(grid, tree))
        return tree;
    read_rows(grid, tree);
    index_names(tree);
    link_parents(tree);
    list_arithmetic_children(tree);
    mark_mixed_operators(tree);
    resolve_chains(tree);
    order_top_down(tree);
    mark_unusable_children(tree);
    if (tree.nodes.empty())
        tree.table_errors.push_back(tree.transposed   ? "no KPI columns right of the labels"
                                    : tree.has_header ? "no KPI rows below the header"
                                                      : "no KPI rows: the range is blank");
    return tree;
}

} // namespace

Tree read_tree(const Grid& grid) {
    if (is_transposed_layout(grid))
        return read_rows_layout(transpose(grid), true);
    return read_rows_layout(grid, false);
}

} // namespace kpitree
