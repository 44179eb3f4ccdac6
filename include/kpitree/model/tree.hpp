// The KPI tree read from a tree table (see README "The tree table"): one node per non-blank
// row, linked to its parent by + − × ÷ (arithmetic) or ~ (hypothesis). Reading never throws on
// bad user input: every problem is recorded on the row it concerns, so each function can still
// answer for the rows that are fine and say what is wrong with the others.
#pragma once

#include "kpitree/model/problem.hpp"
#include "kpitree/model/table.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kpitree {

enum class Link : std::uint8_t { none, add, subtract, multiply, divide, hypothesis };

inline bool is_additive(Link l) {
    return l == Link::add || l == Link::subtract;
}
inline bool is_multiplicative(Link l) {
    return l == Link::multiply || l == Link::divide;
}
inline bool is_arithmetic(Link l) {
    return is_additive(l) || is_multiplicative(l);
}

// Parses a Link cell: + - * / ~ and the typographic and full-width forms (− × ÷ ＋ － ＊ ／ ～ 〜,
// also x and X for ×). Empty text gives Link::none; anything else nullopt.
std::optional<Link> parse_link(std::string_view text);
// "+", "−", "×", "÷", "~" or "" for none.
std::string_view link_symbol(Link link);

// What a KPI is over time (the optional Kind column, SPEC "The tree table"): how it rolls up
// to coarser periods and whether planning may move it.
enum class Kind : std::uint8_t {
    flow,    // per-period amount (sales, visits): a bucket sums its periods
    stock,   // level at a point in time (customers, inventory): a bucket takes its last period
    ratio,   // intensive (rate, price): recomputed, weighted by the flow it applies to
    average, // an index or level averaged over a bucket (sentiment, average headcount)
    constant // a fixed factor (3 months per quarter, 100 for percent): never moved, not a lever
};
// "flow", "stock", "ratio", "average", "constant" and their ja, zh, fi, fr words (trimmed,
// case-insensitive); nullopt otherwise.
std::optional<Kind> parse_kind(std::string_view text);
std::string_view kind_name(Kind kind);
// Whether a header cell names the Kind column ("Kind", "種類", "类型", "Laji", "Nature", ...).
bool is_kind_header(std::string_view text);

// The key names are matched by: trimmed (ASCII, no-break and ideographic spaces) and
// case-folded in any script. "  Close Rate " and "close rate" have the same key.
std::string name_key(std::string_view name);
// The trimmed display form of a name.
std::string trim_name(std::string_view name);

using Series = std::vector<std::optional<double>>; // one value per period; nullopt = missing

// 256 bytes on a 64-bit libstdc++, aligned to a cache line: the fields every pass reads lie in
// the first line (up to unusable_child) and the second (errors, children, parent_name).
struct alignas(64) Node {
    // The fields every pass over the tree reads come first, so that a pass touches two cache
    // lines per node rather than all four (a 100,000-row tree does not fit in cache).
    Link link = Link::none;
    // Whether `errors` holds any: ok() reads this flag in the node's first cache line instead
    // of the vector in its second. read_tree sets both (add_error), and nothing else writes
    // either.
    bool has_errors = false;
    int depth = 0;                     // links below its KGI
    std::size_t row = 0;               // row index in the grid (0-based; the header row counts)
    std::optional<std::size_t> parent; // index into Tree::nodes, when resolved
    std::optional<std::size_t> root;   // its KGI; nullopt when the chain is broken (cycle, ...)
    // The first child that belongs in this row's arithmetic but is unusable (its link is
    // missing or invalid, or the row has errors): the row's arithmetic cannot be computed
    // without it. ~ children never count.
    std::optional<std::size_t> unusable_child;
    // Problems with this row that make its values or links unusable. The first is the
    // headline shown by KPI.CHECK; KPI.LINT lists them all.
    std::vector<std::string> errors;
    std::vector<std::size_t> children; // all children (arithmetic and hypothesis), table order
    std::string parent_name;           // trimmed, as written; empty for a root (KGI)

    std::string name;              // trimmed, as written
    std::vector<Problem> problems; // the same as keys: errors[i] == problem_text(problems[i])
    // Why no KGI can be reached from here although this row's own link is fine (an ancestor
    // is in a cycle or has an unknown parent). Empty when `root` is set or the row has errors.
    std::string detached;
    std::vector<Problem> detached_problem; // the same as a key (at most one)

    bool is_root() const { return parent_name.empty(); }
    bool ok() const { return !has_errors; }
};

// Tree::by_key: the nodes of each name key (name_key), in table order. The keys lie back to
// back in one block and the table is open addressing over flat arrays, so a 100,000-row table
// is indexed without a heap node, a key string and a vector per name.
class NameIndex {
public:
    // Indexes node i under keys[i]; empty keys are left out.
    void build(const std::vector<std::string>& keys);
    // How many nodes have this key, and the first of them (table order) when any.
    struct Match {
        std::size_t count = 0, first = 0;
    };
    Match lookup(std::string_view key) const;
    // The nodes of every key that more than one node has, each list in table order.
    std::vector<std::vector<std::size_t>> duplicates() const;

private:
    // 32-bit fields (a sheet has far fewer than 2^32 rows and name bytes) keep the table small,
    // so that more of a 100,000-row table's index stays in cache.
    struct Entry {
        std::uint32_t offset = 0, length = 0;         // the key: keys_.substr(offset, length)
        std::uint32_t first = 0, last = 0, count = 0; // its nodes, chained through next_
    };
    // A probe compares the hash here and reads the entry and its key only when they match.
    struct Slot {
        std::uint32_t entry = 0; // entry index + 1; 0 is a free slot
        std::uint32_t hash = 0;  // the key's hash (its low 32 bits)
    };
    static constexpr std::uint32_t no_next = 0xFFFFFFFF;

    std::string keys_;
    std::vector<Entry> entries_;
    std::vector<Slot> slots_;
    std::vector<std::uint32_t> next_; // per node: the next node with its key, or no_next
};

struct Tree {
    bool has_header = false;
    bool has_kind_column = false; // the header has Kind right after Link
    // The table was transposed (one column per KPI, see layout.hpp): `row` and node_of_row
    // count the table's columns, and results are transposed back (functions.hpp).
    bool transposed = false;
    // Header texts, dates as "2024-03" or "2024-03-15" (dates.hpp), or "period 1", "period 2",
    // ...; oldest first.
    std::vector<std::string> period_labels;
    // The grid column (row layout) of each period: ascending, or descending when the header's
    // dates are newest first and the periods were put in date order.
    std::vector<std::size_t> period_columns;
    // The date serial of each period when the header holds dates (date_axis), else empty;
    // `date_months`: the dates are months (periods match "2024-03" and any day in the month).
    std::vector<long> period_dates;
    bool date_months = false;
    std::vector<Node> nodes;        // non-blank data rows, table order
    std::vector<std::size_t> roots; // nodes without a parent (KGIs), table order
    // Every node connected to a KGI, each after its parent (breadth first from the KGIs): walk
    // it forwards for top-down and backwards for bottom-up passes, at any depth, in linear time.
    std::vector<std::size_t> top_down;
    std::vector<std::optional<std::size_t>> node_of_row; // grid row -> node (none: header/blank)
    std::vector<std::string> table_errors; // problems of the whole table (too few columns, ...)

    std::size_t periods() const { return period_labels.size(); }

    // The values (non-numbers are missing here and reported in Node::errors). They lie in one
    // block owned by the tree, period by period (every node's value in period 0, then in period
    // 1, ...): a pass over one period reads them back to back, and a 100,000-row table is read
    // into one block instead of a vector per row. nullopt where a value is missing, and for a
    // node or period the block does not hold.
    std::optional<double> value(std::size_t node, std::size_t period) const {
        const std::size_t i = period * value_nodes_ + node;
        return node < value_nodes_ && i < values_.size() ? values_[i] : std::nullopt;
    }
    // Every node's value in `period`, in Tree::nodes order; empty for a period it does not hold.
    std::span<const std::optional<double>> period_values(std::size_t period) const;
    // One node's values, a value per period (a copy; value() reads one without copying).
    Series series(std::size_t node) const;
    // Replaces all values: node n's value in period p is period_major[p * nodes.size() + n], for
    // the periods() periods. Throws std::invalid_argument if the size is not
    // periods() × nodes.size(). A copy of the tree has its own values.
    void set_values(std::vector<std::optional<double>> period_major);
    // How many periods `node` has a value in, and in how many both `node` and `other` have
    // one: read from a bitmap of which values are present (a bit per node and period, built
    // with the values), so that counting does not stream the whole value block.
    std::size_t measured_periods(std::size_t node) const;
    std::size_t measured_together(std::size_t node, std::size_t other) const;
    // "table row 4", or "table column 4" in a transposed table, for a row of the (row-layout)
    // grid.
    std::string place(std::size_t row) const;
    // The grid column of the first period: 3, or 4 after a Kind column.
    std::size_t first_period_column() const { return has_kind_column ? 4 : 3; }
    // The node with this name (trimmed, case-insensitive); nullopt if none or ambiguous.
    std::optional<std::size_t> find(std::string_view name) const;
    // Children entering the parent's arithmetic (+ − × ÷), table order.
    // A view into arithmetic_list, valid as long as the tree.
    std::span<const std::size_t> arithmetic_children(std::size_t node) const;
    // The links of arithmetic_children(node), in the same order: read from one small block
    // rather than from each child's row (far apart in memory in a large tree).
    std::span<const Link> arithmetic_links(std::size_t node) const;
    // Children linked by ~.
    std::vector<std::size_t> hypothesis_children(std::size_t node) const;
    // Whether the node's children mix additive and multiplicative links.
    bool has_mixed_children(std::size_t node) const;

    NameIndex by_key; // name_key -> nodes
    // Every node's arithmetic children back to back (read_tree fills them): node n's are
    // arithmetic_list[arithmetic_begin[n] .. arithmetic_begin[n + 1]). One block instead of a
    // vector per call, and no visit to each child to read its link.
    std::vector<std::size_t> arithmetic_begin, arithmetic_list;
    std::vector<Link> arithmetic_link_list; // the link of each child in arithmetic_list
    // has_mixed_children per node, found once by read_tree: asking it again for a KGI with
    // 10,000 children visited every child's row each time (the rows lie far apart in memory).
    std::vector<bool> mixed_children;
    // Per node, its Kind column; nullopt when empty or there is none. Beside the nodes rather
    // than in them, so that a pass asking which rows are constants reads one small block.
    std::vector<std::optional<Kind>> kinds;

private:
    friend struct TreeReader; // read_tree hands over the values with their bitmap (tree.cpp)
    std::span<const std::uint64_t> present_bits(std::size_t node) const;

    std::vector<std::optional<double>> values_; // period-major, see value()
    std::size_t value_nodes_ = 0;               // the nodes per period in values_
    // Bit p of node n's words (present_words_ of them, from n * present_words_) is set when
    // values_ holds its value in period p. set_values and read_tree keep it in step with values_.
    std::vector<std::uint64_t> present_;
    std::size_t present_words_ = 0;
};

// Why `name` is no unique KPI of the table, for an ERROR status: "no KPI 'Salse'; did you mean
// 'Sales'?", "no KPI 'Revenue'; the KPIs are Sales, Deals … Webinars (6)", or "'Deals' is
// ambiguous: the name appears more than once". `what` replaces "KPI" ("KGI").
std::string unknown_kpi_reason(const Tree& tree, std::string_view name,
                               std::string_view what = "KPI");
// Why a period argument names no period of the table: "no period 'November'; did you mean
// 'Nov'? Periods are Jan, Feb … Dec (12)"; for a number, "no period 13; periods are
// numbered 1 to 12: Jan, Feb … Dec (12)".
std::string unknown_period_reason(const Tree& tree, std::string_view typed, bool number);

// Minimum number of columns: Name, Parent, Link and one period.
inline constexpr std::size_t min_table_columns = 4;

// Reads a tree table in either layout (layout.hpp). Never throws for bad content; see
// Node::errors and Tree::table_errors.
Tree read_tree(const Grid& grid);

} // namespace kpitree
