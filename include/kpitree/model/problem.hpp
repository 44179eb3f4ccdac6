// The problems the reader and the lint find in a tree table, each a key with its arguments, so
// that a user interface can show them in its own language (the sidebar translates them through
// src/lang); problem_text gives the English text the cells and the command line show.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kpitree {

enum class ProblemId {
    table,                   // a problem of the whole range: %1 is its English text
    not_quantifiable_text,   // %1 the text, %2 the period label
    number_stored_as_text,   // %1 the text ("14.6%", "257,560"), %2 the period label
    not_quantifiable_error,  // %1 the error code (#N/A), %2 the period label
    not_quantifiable_number, // %1 the period label of a non-finite number
    duplicate_name,          // %1 the name, %2 the other rows' places, %3 their numbers ("5, 9")
    invalid_kind,            // %1 the Kind cell
    cycle,                   // %1 the ring "A → B → A"
    invalid_link,            // %1 the Link cell
    no_link,                 // %1 the parent's name
    no_name,                 // %1 the place ("table row 4"), %2 its number
    unknown_parent,          // %1 the parent's name
    ambiguous_parent,        // %1 the parent's name
    own_parent,              // %1 the name
    mixed_operators,         // %1 the parent, %2 an additive child ("+ 'A'"), %3 a multiplicative
    under_cycle,             // %1 the ring
    cut_off,                 // %1 the ancestor cut off from its KGI
    above_unusable,          // %1 the unusable ancestor, %2 its own problem (the cause)
    no_valid_parent,         // %1 the top of the chain
    root_with_link,          // %1 the link symbol
    unmeasured,              // (no arguments)
    partly_measured,         // %1 periods without a value, %2 all periods
    too_deep,                // %1 links below the KGI, %2 the KGI, %3 the allowed depth
    hypothesis_short,        // %1 the parent, %2 periods with both values, %3 the periods needed
    single_child,            // %1 the child
    count                    // number of problems, keep last
};

struct Problem {
    Problem() = default;
    Problem(ProblemId id_, std::vector<std::string> args_, std::size_t more_ = 0,
            std::vector<Problem> cause_ = {})
        : id(id_), args(std::move(args_)), more(more_), cause(std::move(cause_)) {}

    ProblemId id = ProblemId::table;
    std::vector<std::string> args; // %1, %2, ... of the pattern
    std::size_t more = 0;          // further occurrences, " (and N more)" after the text
    // At most one: a problem this one reports (above_unusable), its text the last argument.
    std::vector<Problem> cause;
};

// The English pattern of a problem, its arguments as %1, %2, ... (at most %9).
std::string_view problem_pattern(ProblemId id);

// `pattern` with %1 ... %9 replaced by `args` (a missing argument gives an empty text).
std::string fill_pattern(std::string_view pattern, const std::vector<std::string>& args);

// The English text: "unknown parent 'Sales'", "not quantifiable: text 'x' in M3 (and 2 more)".
std::string problem_text(const Problem& problem);

} // namespace kpitree
