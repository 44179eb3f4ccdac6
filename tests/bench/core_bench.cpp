// Speed of the core on a large tree: figures go to $KPITREE_BENCH_DIR/core_speed.txt (or the
// current directory). Nothing is asserted about time; the run fails only if a function
// returns nothing.
#include "kpitree/audit/causal.hpp"
#include "kpitree/audit/check.hpp"
#include "kpitree/audit/lint.hpp"
#include "kpitree/functions.hpp"
#include "kpitree/model/tree.hpp"
#include "kpitree/plan/contrib.hpp"
#include "kpitree/plan/elasticity.hpp"
#include "kpitree/plan/planning.hpp"
#include "kpitree/plan/rollup.hpp"
#include "kpitree/plan/target.hpp"
#include "kpitree/report.hpp"
#include "kpitree/stats/granger.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <vector>

using namespace kpitree;

namespace {

// The first three cells of a row. Cells are built in place (emplace_back): moving temporary
// variants trips a false -Wmaybe-uninitialized in GCC 12.
std::vector<Cell> row_start(std::string name, std::string parent, std::string link) {
    std::vector<Cell> row;
    row.emplace_back(std::move(name));
    row.emplace_back(std::move(parent));
    row.emplace_back(std::move(link));
    return row;
}

// A KGI = sum of `groups` parents, each the product of `per_group` leaves, plus one hypothesis
// leaf per group; `periods` months of random positive values with exact identities.
Grid big_tree(std::size_t groups, std::size_t per_group, std::size_t periods) {
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> u(0.5, 1.5);
    std::vector<std::vector<Cell>> rows;
    std::vector<double> kgi(periods, 0.0);
    rows.push_back(row_start("KGI", "", ""));
    for (std::size_t g = 0; g < groups; ++g) {
        const std::string parent = "group " + std::to_string(g);
        std::vector<double> product(periods, 1.0);
        std::vector<std::vector<Cell>> leaves;
        for (std::size_t k = 0; k < per_group; ++k) {
            std::vector<Cell> leaf = row_start(parent + " leaf " + std::to_string(k), parent, "*");
            for (std::size_t p = 0; p < periods; ++p) {
                const double v = u(rng);
                product[p] *= v;
                leaf.emplace_back(v);
            }
            leaves.push_back(std::move(leaf));
        }
        std::vector<Cell> row = row_start(parent, "KGI", "+");
        for (std::size_t p = 0; p < periods; ++p) {
            row.emplace_back(product[p]);
            kgi[p] += product[p];
        }
        rows.push_back(std::move(row));
        rows.insert(rows.end(), leaves.begin(), leaves.end());
        std::vector<Cell> hypothesis = row_start(parent + " driver", parent, "~");
        for (std::size_t p = 0; p < periods; ++p)
            hypothesis.emplace_back(u(rng));
        rows.push_back(std::move(hypothesis));
    }
    for (double v : kgi)
        rows[0].emplace_back(v);
    return Grid::from_rows(rows);
}

// A KGI that is the sum of `leaves` leaves (one parent, a wide fan-out), `periods` months.
Grid wide_tree(std::size_t leaves, std::size_t periods) {
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> u(1.0, 100.0);
    std::vector<std::vector<Cell>> rows;
    rows.push_back(row_start("KGI", "", ""));
    std::vector<double> kgi(periods, 0.0);
    for (std::size_t k = 0; k < leaves; ++k) {
        std::vector<Cell> leaf = row_start("leaf " + std::to_string(k), "KGI", "+");
        for (std::size_t p = 0; p < periods; ++p) {
            const double v = u(rng);
            kgi[p] += v;
            leaf.emplace_back(v);
        }
        rows.push_back(std::move(leaf));
    }
    for (double v : kgi)
        rows[0].emplace_back(v);
    return Grid::from_rows(rows);
}

// Runs the causal assessment and returns how many ~ links it tested; exits when it tested
// fewer than `links` (a figure that measures no Granger test is no figure).
std::size_t tested_links(const Tree& tree, std::size_t links) {
    std::size_t tested = 0;
    for (const CausalResult& r : assess_causal(tree))
        tested += r.verdict == CausalVerdict::supported || r.verdict == CausalVerdict::unsupported;
    if (tested < links) {
        std::cerr << "the causal benchmark tested " << tested << " of " << links << " links\n";
        std::exit(1);
    }
    return tested;
}

double median_ms(const std::function<std::size_t()>& body, int repeats = 5) {
    std::vector<double> ms;
    for (int i = 0; i < repeats; ++i) {
        const auto start = std::chrono::steady_clock::now();
        if (body() == 0) {
            std::cerr << "a benchmarked function returned nothing\n";
            std::exit(1);
        }
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

// The time at `large` rows over the time at `small` rows, per figure: 10 is linear. Lines of
// the form "  what: ratio x" (scripts/bench.sh turns them into core.growth ratios).
void write_growth(std::ofstream& out,
                  const std::map<std::size_t, std::map<std::string, double>>& by_rows,
                  std::size_t small, std::size_t large) {
    const auto a = by_rows.find(small), b = by_rows.find(large);
    if (a == by_rows.end() || b == by_rows.end())
        return;
    out << "\ngrowth: " << large << " rows over " << small << " rows (10 = linear)\n";
    for (const auto& [what, ms] : b->second) {
        const auto before = a->second.find(what);
        if (before != a->second.end() && before->second > 0)
            out << "  " << what << ": " << ms / before->second << " x\n";
    }
}

} // namespace

int main() {
    const char* dir = std::getenv("KPITREE_BENCH_DIR");
    const std::string path = std::string(dir && *dir ? dir : ".") + "/core_speed.txt";
    std::ofstream out(path);
    out << "# KPI Tree core speed: median of 5 runs, milliseconds\n";
    struct Size {
        std::size_t groups, per_group, periods;
    };
    // Each figure by size, to report how the time grows from 10,001 to 100,001 rows.
    std::map<std::size_t, std::map<std::string, double>> by_rows;
    for (const Size s :
         {Size{100, 8, 36}, Size{200, 8, 36}, Size{1000, 8, 12}, Size{10000, 8, 12}}) {
        const Grid grid = big_tree(s.groups, s.per_group, s.periods);
        const Tree tree = read_tree(grid);
        out << "\n"
            << grid.rows() << " rows x " << s.periods << " periods (" << s.groups
            << " hypothesis links)\n";
        auto line = [&](const char* what, double ms) {
            out << "  " << what << ": " << ms << " ms\n";
            std::cout << grid.rows() << " rows " << what << ": " << ms << " ms\n";
            by_rows[grid.rows()][what] = ms;
        };
        line("read_tree", median_ms([&] { return read_tree(grid).nodes.size(); }));
        line("check_tree", median_ms([&] { return check_tree(tree).size(); }));
        line("lint", median_ms([&] { return lint(tree).size() + 1; }));
        if (s.periods >= causal_min_periods(1))
            line("assess_causal", median_ms([&] { return tested_links(tree, s.groups); }));
        line("contributions",
             median_ms([&] { return contributions(tree, s.periods - 2, s.periods - 1).size(); }));
        line("targets",
             median_ms([&] { return targets(tree, 1.1 * *tree.nodes[0].values.back()).size(); }));
        line("rollup", median_ms([&] { return rollup(tree, 3).nodes.size(); }));
        line("elasticities", median_ms([&] { return elasticities(tree).size(); }));
        line("KPI.CHECK cells", median_ms([&] { return check_cells(grid, {}).rows(); }));
        line("audit report", median_ms([&] { return audit(grid, "bench").text.size(); }));
    }
    write_growth(out, by_rows, 10001, 100001);
    {
        const std::size_t links = 10000, periods = 36;
        const Tree tree = read_tree(big_tree(links, 1, periods));
        out << "\n" << links << " hypothesis links x " << periods << " periods (all tested)\n";
        const double ms = median_ms([&] { return tested_links(tree, links); }, 3);
        out << "  assess_causal: " << ms << " ms\n";
        std::cout << links << " tested links assess_causal: " << ms << " ms\n";
    }
    {
        // The same shape scripts/bench.sh times statsmodels' grangercausalitytests on.
        const std::size_t tests = 1000, points = 36;
        std::mt19937_64 rng(3);
        std::normal_distribution<double> noise;
        std::vector<std::vector<double>> series(2 * tests, std::vector<double>(points));
        for (auto& s : series)
            for (double& v : s)
                v = noise(rng);
        const double ms = median_ms([&] {
            std::size_t done = 0;
            for (std::size_t i = 0; i < tests; ++i)
                done += granger_test(series[2 * i], series[2 * i + 1], 2).test.has_value();
            return done;
        });
        out << "\ngranger: " << tests << " tests, " << points << " points, lag 2\n";
        out << "  granger_test x" << tests << ": " << ms << " ms\n";
        std::cout << tests << " granger tests: " << ms << " ms\n";
    }
    for (const std::size_t leaves : {10000, 100000}) {
        const Tree tree = read_tree(wide_tree(leaves, 12));
        out << "\none KGI summing " << leaves << " leaves x 12 periods (fan-out)\n";
        auto line = [&](const char* what, double ms) {
            out << "  " << what << ": " << ms << " ms\n";
            std::cout << "fan-out " << leaves << " " << what << ": " << ms << " ms\n";
        };
        line("contributions", median_ms([&] { return contributions(tree, 10, 11).size(); }));
        line("elasticities", median_ms([&] { return elasticities(tree).size(); }));
    }
    std::cout << "figures written to " << path << "\n";
    return 0;
}
