#include "kpitree/model/status.hpp"

#include <array>
#include <cstddef>

namespace kpitree {

namespace {

// Indexed by Status; the order of the enum.
constexpr std::array<std::string_view, 17> status_names{
    "OK",        "MISMATCH",    "LEAF",        "NODATA",       "ERROR",    "WARN",
    "INFO",      "SUPPORTED",   "UNSUPPORTED", "INSUFFICIENT", "IDENTITY", "HYPOTHESIS",
    "UNDEFINED", "UNREACHABLE", "AHEAD",       "BEHIND",       "ON PLAN"};
static_assert(static_cast<std::size_t>(Status::on_plan) + 1 == status_names.size());

} // namespace

std::string_view status_token(Status status) {
    return status_names[static_cast<std::size_t>(status)];
}

std::string status_message(Status status, std::string_view detail) {
    std::string s(status_token(status));
    if (!detail.empty()) {
        s += ' ';
        s += detail;
    }
    return s;
}

} // namespace kpitree
