// Helpers shared by the planning functions (contrib.cpp, target.cpp, rollup.cpp,
// elasticity.cpp); the non-inline ones are defined in planning.cpp.
#pragma once

#include "kpitree/tree.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace kpitree::detail {

// The node's name in quotes, for status texts.
inline std::string q(const Tree& tree, std::size_t n) {
    return "'" + tree.nodes[n].name + "'";
}

inline const std::string& label(const Tree& tree, std::size_t period) {
    return tree.period_labels[period];
}

// The value the planning functions use for a node in a period: the table's value, or
// f(children) where the cell is empty.
std::optional<double> value_at(const Tree& tree, std::size_t n, std::size_t period,
                               std::size_t depth = 0);

// Why a node cannot get a number whatever the period: its own error, a ~ link on the way to
// its KGI, an unusable node above it. Empty if none.
std::string path_problem(const Tree& tree, std::size_t n);

// n and its arithmetic descendants, top down.
std::vector<std::size_t> arithmetic_subtree(const Tree& tree, std::size_t n);

// An ERROR status if `period` is not a period of the table, else empty.
std::string period_range_problem(const Tree& tree, std::size_t period);

// −1 for − and ÷ links, +1 otherwise.
inline int sign_of(Link link) {
    return link == Link::subtract || link == Link::divide ? -1 : 1;
}

} // namespace kpitree::detail
