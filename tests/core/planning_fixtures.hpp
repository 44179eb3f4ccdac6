// Helpers shared by the planning tests (contrib_test.cpp, target_test.cpp, rollup_test.cpp,
// elasticity_test.cpp).
#pragma once

#include "kpitree/model/table.hpp"
#include "kpitree/model/tree.hpp"

#include <cstddef>
#include <random>
#include <string>
#include <vector>

namespace kpitree::testing {

inline bool starts_with(const std::string& s, const char* token) {
    return s.rfind(token, 0) == 0;
}

inline std::size_t at(const Tree& tree, const char* name) {
    return *tree.find(name);
}

struct RandomTree {
    std::vector<std::vector<Cell>> rows;
    std::vector<std::vector<double>> values; // per row
};

// Builds a random tree (depth ≤ 3, 2–3 children per parent) whose identities hold exactly in
// double arithmetic: leaves are random, parents are f(children) in table order, as combine().
class TreeMaker {
public:
    TreeMaker(unsigned seed, std::size_t periods, bool allow_minus)
        : rng_(seed), periods_(periods), allow_minus_(allow_minus) {}

    RandomTree make() {
        t_ = {};
        node("K", "", "", 0);
        return t_;
    }

private:
    std::size_t node(const std::string& name, const std::string& parent, const std::string& link,
                     int depth) {
        const std::size_t row = t_.rows.size();
        t_.rows.push_back({name, parent, link});
        t_.values.emplace_back(periods_, 0.0);
        std::uniform_real_distribution<double> u(0, 1);
        if (depth < 3 && (depth == 0 || u(rng_) < 0.6)) {
            const bool additive = u(rng_) < 0.4;
            const int k = 2 + (u(rng_) < 0.4);
            std::vector<std::size_t> kids;
            std::vector<int> signs;
            for (int i = 0; i < k; ++i) {
                int sign = 1;
                if (i > 0 && u(rng_) < 0.3 && (!additive || allow_minus_))
                    sign = -1;
                const std::string link_text =
                    additive ? (sign > 0 ? "+" : "-") : (sign > 0 ? "*" : "/");
                kids.push_back(node(name + "." + std::to_string(i), name, link_text, depth + 1));
                signs.push_back(sign);
            }
            for (std::size_t t = 0; t < periods_; ++t) {
                double v = additive ? 0.0 : 1.0;
                for (std::size_t i = 0; i < kids.size(); ++i) {
                    const double x = t_.values[kids[i]][t];
                    if (additive)
                        v = signs[i] > 0 ? v + x : v - x;
                    else
                        v = signs[i] > 0 ? v * x : v / x;
                }
                t_.values[row][t] = v;
            }
        } else {
            std::lognormal_distribution<double> level(2.0, 1.5), step(0.0, 0.15);
            double x = level(rng_);
            for (std::size_t t = 0; t < periods_; ++t) {
                t_.values[row][t] = x;
                x *= step(rng_);
            }
            // Sometimes a hypothesis child hangs below a leaf; it must not change anything.
            if (u(rng_) < 0.15) {
                t_.rows.push_back({name + "~", name, "~"});
                t_.values.emplace_back(periods_, 1.0);
            }
        }
        return row;
    }

    std::mt19937 rng_;
    std::size_t periods_;
    bool allow_minus_;
    RandomTree t_;
};

inline Grid to_grid(const RandomTree& t) {
    std::vector<std::vector<Cell>> rows;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        auto row = t.rows[r];
        for (double v : t.values[r])
            row.emplace_back(v);
        rows.push_back(row);
    }
    return Grid::from_rows(rows);
}

} // namespace kpitree::testing
