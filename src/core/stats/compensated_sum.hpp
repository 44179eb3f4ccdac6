// Neumaier's compensated summation (Neumaier 1974), in long double: exact for the cancellation
// cases spreadsheets meet (1e16 + 1 − 1e16) and far beyond double's range before rounding, so a
// sum whose terms overflow double on the way but whose total does not is exact. Shared by the
// arithmetic check (combine_children) and the roll-ups.
#pragma once

#include <cmath>

namespace kpitree::detail {

class CompensatedSum {
public:
    void add(long double x) {
        const long double t = sum_ + x;
        compensation_ += std::fabs(sum_) >= std::fabs(x) ? (sum_ - t) + x : (x - t) + sum_;
        sum_ = t;
    }
    long double value() const { return sum_ + compensation_; }

private:
    long double sum_ = 0, compensation_ = 0;
};

} // namespace kpitree::detail
