#include "kpitree/model/problem.hpp"

#include <array>

namespace kpitree {

namespace {

constexpr std::array<std::string_view, static_cast<std::size_t>(ProblemId::count)> patterns = {
    "%1",
    "not quantifiable: text '%1' in %2",
    "not quantifiable: text '%1' in %2 (a number stored as text: convert the column to numbers, "
    "e.g. Data \u25B8 Text to Columns, or =VALUE())",
    "not quantifiable: error value %1 in %2",
    "not quantifiable: a non-finite number in %1",
    "duplicate name '%1' (also %2)",
    "invalid kind '%1': use flow, stock, ratio, average or constant, or leave it empty",
    "cycle: %1",
    "invalid link '%1': use + \u2212 \u00D7 \u00F7 or ~",
    "no link to its parent '%1': use + \u2212 \u00D7 \u00F7 or ~",
    "no name in %1",
    "unknown parent '%1'",
    "parent '%1' is ambiguous: the name appears more than once",
    "'%1' is its own parent",
    "mixed operators under '%1': %2 and %3; insert an intermediate node",
    "under the cycle %1",
    "no KGI above it: '%1' is cut off from its KGI",
    "no KGI above it: '%1' is unusable (%2)",
    "no KGI above it: '%1' has no valid parent",
    "has the link '%1' but no parent; a KGI needs no link and it is ignored",
    "unmeasured: no value in any period; every KPI must be quantifiable",
    "no value in %1 of %2 periods",
    "%1 links below its KGI '%2'; keep the tree shallow (at most %3)",
    "hypothesis link to '%1' has %2 periods with both values; testing it needs at least %3",
    "has a single arithmetic child '%1': the identity makes them copies of each other",
};

} // namespace

std::string_view problem_pattern(ProblemId id) {
    const auto i = static_cast<std::size_t>(id);
    return i < patterns.size() ? patterns[i] : std::string_view("%1");
}

std::string fill_pattern(std::string_view pattern, const std::vector<std::string>& args) {
    std::string out;
    out.reserve(pattern.size());
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' &&
            pattern[i + 1] <= '9') {
            const auto arg = static_cast<std::size_t>(pattern[i + 1] - '1');
            if (arg < args.size())
                out += args[arg];
            ++i;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

std::string problem_text(const Problem& problem) {
    std::vector<std::string> args = problem.args;
    for (const Problem& cause : problem.cause)
        args.push_back(problem_text(cause));
    std::string text = fill_pattern(problem_pattern(problem.id), args);
    if (problem.more > 0)
        text += " (and " + std::to_string(problem.more) + " more)";
    return text;
}

} // namespace kpitree
