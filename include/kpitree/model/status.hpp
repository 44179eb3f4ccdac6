// The one status vocabulary: the fixed English first word of every status text a cell, the
// sidebar or the command line shows (SPEC: "Status texts start with a fixed English token so
// other formulas and conditional formatting can test them"). Each token is written once, in
// status_token's table, and never parsed back from a text: results carry the enum.
#pragma once

#include <string>
#include <string_view>

namespace kpitree {

enum class Status {
    ok,           // "OK": the identity holds in every period with data
    mismatch,     // "MISMATCH": an identity fails beyond the tolerance
    leaf,         // "LEAF": no arithmetic children, nothing to verify
    nodata,       // "NODATA": a needed value is missing
    error,        // "ERROR": the row, its chain or a needed child is unusable
    warn,         // "WARN": a lint finding to look at
    info,         // "INFO": a lint finding for information
    supported,    // "SUPPORTED": a ~ link with statistical support
    unsupported,  // "UNSUPPORTED": a ~ link the data do not support (not shown, not disproved)
    insufficient, // "INSUFFICIENT": too few periods to test a ~ link
    identity,     // "IDENTITY": an arithmetic link (KPI.CAUSAL)
    hypothesis,   // "HYPOTHESIS": on or below a ~ link, outside the arithmetic
    undefined,    // "UNDEFINED": the quantity does not exist here (zero base, constant lever)
    unreachable,  // "UNREACHABLE": no values of the flexible KPIs reproduce the target
    ahead,        // "AHEAD": the KPI's gap to plan helps its KGI
    behind,       // "BEHIND": the KPI's gap to plan hurts its KGI
    on_plan       // "ON PLAN": no gap to plan
};

// The verdict families a sheet colours (SPEC: green for the good verdicts, red for the bad ones,
// grey for every other text).
inline constexpr Status good_statuses[] = {Status::ok, Status::supported, Status::ahead};
inline constexpr Status bad_statuses[] = {Status::mismatch, Status::unsupported, Status::behind,
                                          Status::error};

// The token: "OK", "MISMATCH", ..., "ON PLAN".
std::string_view status_token(Status status);
// "TOKEN detail", or the token alone for an empty detail.
std::string status_message(Status status, std::string_view detail = {});

} // namespace kpitree
