// The two exceptions a spreadsheet function throws for outcomes a cell shows as an error value
// (the second error tier; outcomes a cell shows as text are values in the results). Adapters
// convert them once, at their boundary (the add-in: Err:502 and Err:523).
#pragma once

#include <stdexcept>

namespace kpitree {

// An argument the function cannot use (negative tolerance, unknown method, ...). The add-in
// shows it as Err:502 (invalid argument); the message is for the command line and tests.
struct ArgumentError : std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};

// An argument that names something the table does not have: a period label or number, a KPI,
// a KGI. The message names the valid choices ("no period 'November'; periods are Jan, Feb …
// Dec (12)"). The spreadsheet functions answer it in the cells, as an ERROR status with that
// message; elsewhere (the command line's --from) it is an ArgumentError like any other.
struct NotInTable : ArgumentError {
    using ArgumentError::ArgumentError;
};

// A result that does not exist for this data (a Granger test on too few points or a constant
// series). The add-in shows it as Err:523 (no convergence): the arguments are fine, the
// statistic is undefined. The message says why.
struct UndefinedResult : std::domain_error {
    using std::domain_error::domain_error;
};

} // namespace kpitree
