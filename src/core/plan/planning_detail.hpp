// Helpers shared by the planning functions (contrib.cpp, target.cpp, rollup.cpp,
// elasticity.cpp); the non-inline ones are defined in planning.cpp.
#pragma once

#include "kpitree/model/tree.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kpitree::detail {

// The node's name in quotes, for status texts.
inline std::string q(const Tree& tree, std::size_t n) {
    return "'" + tree.nodes[n].name + "'";
}

inline const std::string& label(const Tree& tree, std::size_t period) {
    return tree.period_labels[period];
}

// The value the planning functions use for each node in a period: the table's value, or
// f(children) where the cell is empty (bottom up over Tree::top_down: any depth, linear time).
// nullopt where neither exists.
std::vector<std::optional<double>> values_in(const Tree& tree, std::size_t period);

// values_in for each period, computed once when first asked for.
class PeriodValues {
public:
    explicit PeriodValues(const Tree& tree) : tree_(tree), cache_(tree.periods()) {}
    const std::vector<std::optional<double>>& in(std::size_t period);
    // The last period in which `node` has a value, its own or f(children); nullopt if none.
    std::optional<std::size_t> last_period_with_value(std::size_t node);

private:
    const Tree& tree_;
    std::vector<std::optional<std::vector<std::optional<double>>>> cache_;
};

// Per node, a status text or none; nodes that share a text share one copy. A 100,000-row
// tree whose KGI is unusable holds that reason once, and every node costs 4 bytes rather than
// a 32-byte string (the per-node arrays of a large tree have to stay small to stay in cache).
class NodeTexts {
public:
    explicit NodeTexts(std::size_t nodes = 0) : text_of_(nodes, 0), texts_(1) {}
    std::size_t size() const { return text_of_.size(); }
    // The node's text; empty for none.
    const std::string& operator[](std::size_t n) const { return texts_[text_of_[n]]; }
    void set(std::size_t n, std::string text);
    // Node n gets the text node `from` has (no copy).
    void share(std::size_t n, std::size_t from) { text_of_[n] = text_of_[from]; }

private:
    std::vector<std::uint32_t> text_of_; // index into texts_; 0 is the empty text
    std::vector<std::string> texts_;
};

// Per node, why it cannot get a number whatever the period, in one top-down pass: a table
// error, its own error, no KGI above it, an unusable child in its arithmetic (named), an
// unusable node above it, and — when `hypothesis_is_problem` — a ~ link on the way to its KGI
// (HYPOTHESIS, followed by `hypothesis_note` on the ~ row itself: what the function does with
// it). Empty where none. ROLLUP passes false: it rolls a ~ row up as its own top.
NodeTexts path_problems(const Tree& tree, bool hypothesis_is_problem = true,
                        std::string_view hypothesis_note = {});

// n and its arithmetic descendants, top down.
std::vector<std::size_t> arithmetic_subtree(const Tree& tree, std::size_t n);

// An ERROR status if `period` is not a period of the table, else empty.
std::string period_range_problem(const Tree& tree, std::size_t period);

// −1 for − and ÷ links, +1 otherwise.
inline int sign_of(Link link) {
    return link == Link::subtract || link == Link::divide ? -1 : 1;
}

} // namespace kpitree::detail
