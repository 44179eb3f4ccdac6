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
#include <memory>
#include <random>
#include <string>
#include <sys/resource.h>
#include <time.h>
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

// One timed call: CPU time of the process (user + system, so page faults count; time other
// jobs on a shared machine take is not charged) and the minor page faults it took.
struct Sample {
    double ms = 0;
    long faults = 0;
};

double cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

long minor_faults() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_minflt;
}

Sample timed(const std::function<std::size_t()>& body) {
    const long faults = minor_faults();
    const double start = cpu_ms();
    if (body() == 0) {
        std::cerr << "a benchmarked function returned nothing\n";
        std::exit(1);
    }
    return {cpu_ms() - start, minor_faults() - faults};
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

// The benchmarked calls, run in rounds: every round calls each case once untimed (so its input
// is warm, as it is in the add-in, which has just converted the cells, and the heap is in its
// steady state) and once timed, all sizes in the same round, so that a change in the machine's
// load hits every size alike. A figure is the median over the rounds.
struct Case {
    std::string section; // the size
    std::string what;
    std::function<std::size_t()> body;
    std::vector<Sample> samples;
};

void run_rounds(std::vector<Case>& cases, int rounds) {
    for (int r = 0; r < rounds; ++r)
        for (Case& c : cases) {
            timed(c.body);
            c.samples.push_back(timed(c.body));
        }
}

double median_ms(const Case& c) {
    std::vector<double> ms;
    for (const Sample& s : c.samples)
        ms.push_back(s.ms);
    return median(ms);
}

double median_faults(const Case& c) {
    std::vector<double> faults;
    for (const Sample& s : c.samples)
        faults.push_back(static_cast<double>(s.faults));
    return median(faults);
}

// Median of `repeats` timed calls, for the slow single-size figures.
double median_ms(const std::function<std::size_t()>& body, int repeats) {
    std::vector<double> ms;
    for (int i = 0; i < repeats; ++i)
        ms.push_back(timed(body).ms);
    return median(ms);
}

// The time at `large` over the time at `small`, per figure: 10 is linear. Each round's ratio
// pairs two calls made close together; the figure is the median over the rounds. Lines of the
// form "  what: ratio x" (scripts/bench.sh turns them into core.growth ratios).
void write_growth(std::ofstream& out, const std::vector<Case>& cases, const std::string& small,
                  const std::string& large, const std::string& prefix) {
    for (const Case& b : cases) {
        if (b.section != large)
            continue;
        for (const Case& a : cases) {
            if (a.section != small || a.what != b.what)
                continue;
            std::vector<double> ratios;
            for (std::size_t r = 0; r < a.samples.size() && r < b.samples.size(); ++r)
                if (a.samples[r].ms > 0)
                    ratios.push_back(b.samples[r].ms / a.samples[r].ms);
            out << "  " << prefix << b.what << ": " << median(ratios) << " x\n";
        }
    }
}

// Each case's median time, then its median page faults, under its section.
void write_cases(std::ofstream& out, const std::vector<Case>& cases) {
    std::string section;
    for (const Case& c : cases) {
        if (c.section != section) {
            section = c.section;
            out << "\n" << section << "\n";
        }
        const double ms = median_ms(c);
        out << "  " << c.what << ": " << ms << " ms\n";
        out << "  " << c.what << " page faults: " << median_faults(c) << " faults\n";
        std::cout << section << " " << c.what << ": " << ms << " ms, " << median_faults(c)
                  << " page faults\n";
    }
}

// The memory floor: one read of every node and nothing else. No pass that visits every node
// can grow less than this from 10,001 to 100,001 rows on the machine it runs on (a 100,001-row
// tree does not fit where a 10,001-row one does), so its growth is what the others are
// measured against.
const char* const floor_case = "floor: one read of every node";

std::size_t read_every_node(const Tree& tree) {
    std::size_t sum = 1;
    for (const Node& node : tree.nodes)
        sum += node.row;
    return sum;
}

// The cases of one tree of `groups` × (`per_group` + 2) + 1 rows; `grid` and `tree` outlive
// them.
void add_tree_cases(std::vector<Case>& cases, const Grid& grid, const Tree& tree,
                    std::size_t groups, std::size_t periods) {
    const std::string section = std::to_string(grid.rows()) + " rows x " + std::to_string(periods) +
                                " periods (" + std::to_string(groups) + " hypothesis links)";
    auto add = [&](const char* what, std::function<std::size_t()> body) {
        cases.push_back({section, what, std::move(body), {}});
    };
    add(floor_case, [&] { return read_every_node(tree); });
    add("read_tree", [&] { return read_tree(grid).nodes.size(); });
    add("check_tree", [&] { return check_tree(tree).size(); });
    add("lint", [&] { return lint(tree).size() + 1; });
    if (periods >= causal_min_periods(1))
        add("assess_causal", [&tree, groups] { return tested_links(tree, groups); });
    add("contributions",
        [&tree, periods] { return contributions(tree, periods - 2, periods - 1).size(); });
    add("targets", [&] { return targets(tree, 1.1 * *tree.value(0, tree.periods() - 1)).size(); });
    add("rollup", [&] { return rollup(tree, 3).nodes.size(); });
    add("elasticities", [&] { return elasticities(tree).size(); });
    add("KPI.CHECK cells", [&] { return check_cells(grid, {}).rows(); });
    add("audit report", [&] { return audit(grid, "bench").text.size(); });
}

} // namespace

int main() {
    const char* dir = std::getenv("KPITREE_BENCH_DIR");
    const std::string path = std::string(dir && *dir ? dir : ".") + "/core_speed.txt";
    std::ofstream out(path);
    constexpr int rounds = 7;
    out << "# KPI Tree core speed: CPU milliseconds per call and minor page faults per call, "
           "median of "
        << rounds
        << " rounds (each call after an untimed warm-up call; all sizes in every "
           "round)\n";
    struct Size {
        std::size_t groups, per_group, periods;
    };
    // Every size's grid and tree stay alive while the rounds run.
    std::vector<std::unique_ptr<Grid>> grids;
    std::vector<std::unique_ptr<Tree>> trees;
    std::vector<Case> cases;
    for (const Size s :
         {Size{100, 8, 36}, Size{200, 8, 36}, Size{1000, 8, 12}, Size{10000, 8, 12}}) {
        grids.push_back(std::make_unique<Grid>(big_tree(s.groups, s.per_group, s.periods)));
        trees.push_back(std::make_unique<Tree>(read_tree(*grids.back())));
        add_tree_cases(cases, *grids.back(), *trees.back(), s.groups, s.periods);
    }
    // A KGI that sums 10,000 or 100,000 leaves (a wide fan-out).
    for (const std::size_t leaves : {10000, 100000}) {
        trees.push_back(std::make_unique<Tree>(read_tree(wide_tree(leaves, 12))));
        const Tree& tree = *trees.back();
        const std::string section =
            "one KGI summing " + std::to_string(leaves) + " leaves x 12 periods (fan-out)";
        cases.push_back({section, floor_case, [&tree] { return read_every_node(tree); }, {}});
        cases.push_back(
            {section, "contributions", [&tree] { return contributions(tree, 10, 11).size(); }, {}});
        cases.push_back(
            {section, "elasticities", [&tree] { return elasticities(tree).size(); }, {}});
    }
    run_rounds(cases, rounds);
    write_cases(out, cases);
    out << "\ngrowth: 100001 rows over 10001 rows, and 100,000 leaves over 10,000 (10 = linear; "
           "median of the rounds' ratios)\n";
    write_growth(out, cases, "10001 rows x 12 periods (1000 hypothesis links)",
                 "100001 rows x 12 periods (10000 hypothesis links)", "");
    write_growth(out, cases, "one KGI summing 10000 leaves x 12 periods (fan-out)",
                 "one KGI summing 100000 leaves x 12 periods (fan-out)", "fan-out ");
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
        const double ms = median_ms(
            [&] {
                std::size_t done = 0;
                for (std::size_t i = 0; i < tests; ++i)
                    done += granger_test(series[2 * i], series[2 * i + 1], 2).test.has_value();
                return done;
            },
            5);
        out << "\ngranger: " << tests << " tests, " << points << " points, lag 2\n";
        out << "  granger_test x" << tests << ": " << ms << " ms\n";
        std::cout << tests << " granger tests: " << ms << " ms\n";
    }
    std::cout << "figures written to " << path << "\n";
    return 0;
}
