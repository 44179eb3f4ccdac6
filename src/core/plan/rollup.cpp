// Roll-ups weight each ratio by its base, the per-period running product of the factors before
// it in its parent's product, so a recomputed product equals the sum (flows) or the last value
// (stocks) of the per-period products exactly, as the ratios telescope.
#include "kpitree/plan/rollup.hpp"

#include "kpitree/audit/check.hpp"
#include "model/text.hpp"
#include "plan/planning_detail.hpp"
#include "stats/compensated_sum.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace kpitree {

using namespace detail;

namespace {

// How a ratio is weighted over a bucket: by a base series (inside a flow), at the bucket's
// last period (inside a stock), or not at all (no flow to weight it by: undefined).
enum class Context { none, flow, stock };

struct RatioWeight {
    Context context = Context::none;
    std::vector<std::size_t> base_factors; // base_t = Π x_j(t)^(e_j) over these nodes
    std::vector<int> base_exponents;
    int exponent = 1; // the ratio enters its product as x^exponent
};

// A bucket's number, or the note saying why there is none.
struct Rolled {
    std::optional<double> value;
    std::string note;
};

// "Jan–Mar", or "Jan" for a one-period bucket.
std::string bucket_span(const Tree& tree, const Bucket& b) {
    std::string s = label(tree, b.first);
    if (b.count > 1)
        s += "\u2013" + label(tree, b.first + b.count - 1);
    return s;
}

// Own roll-ups and the tree's arithmetic on rolled-up children agree within this (relative),
// the tolerance KPI.CONTRIB gives identities for rounding in imported data.
constexpr double agreement_tolerance = 0.01;

// Σ xs, compensated (stats/compensated_sum.hpp).
long double compensated_total(const std::vector<double>& xs) {
    CompensatedSum sum;
    for (double x : xs)
        sum.add(x);
    return sum.value();
}

double compensated_sum(const std::vector<double>& xs) {
    return static_cast<double>(compensated_total(xs));
}

double compensated_mean(const std::vector<double>& xs) {
    return static_cast<double>(compensated_total(xs) / static_cast<long double>(xs.size()));
}

class RollupBuilder {
public:
    RollupBuilder(const Tree& tree, std::size_t per_bucket,
                  std::span<const std::optional<Kind>> kinds)
        : tree_(tree), kinds_(kinds), weight_(tree.nodes.size()),
          undefined_(tree.nodes.size(), false), problems_(path_problems(tree, false)) {
        const std::size_t periods = tree.periods();
        result_.periods_per_bucket = per_bucket;
        for (std::size_t first = 0; first < periods; first += per_bucket) {
            const std::size_t count = std::min(per_bucket, periods - first);
            result_.buckets.push_back({first, count, count < per_bucket});
        }
        result_.nodes.resize(tree.nodes.size());
        for (RolledNode& r : result_.nodes) {
            r.values.assign(result_.buckets.size(), std::nullopt);
            r.notes.assign(result_.buckets.size(), std::string());
        }
        for (std::size_t t = 0; t < periods; ++t)
            values_.push_back(values_in(tree, t));
    }

    Rollup run() {
        for (std::size_t n : tree_.top_down)
            infer(n);
        for (std::size_t n = 0; n < tree_.nodes.size(); ++n)
            if (!tree_.nodes[n].root)
                result_.nodes[n].status = problems_[n];
        for (auto it = tree_.top_down.rbegin(); it != tree_.top_down.rend(); ++it)
            roll(*it);
        return std::move(result_);
    }

private:
    std::optional<Kind> given(std::size_t n) const {
        if (n < kinds_.size() && kinds_[n])
            return kinds_[n];
        return tree_.kinds[n];
    }

    // A KGI or ~ row is a flow, or a ratio when all its values lie in [0, 1].
    Kind top_kind(std::size_t n) const { return in_unit_interval(n) ? Kind::ratio : Kind::flow; }

    bool is_unit_interval_leaf(std::size_t n) const {
        return tree_.arithmetic_children(n).empty() && in_unit_interval(n);
    }

    bool in_unit_interval(std::size_t n) const {
        bool any = false;
        for (std::size_t p = 0; p < tree_.periods(); ++p) {
            const auto v = tree_.value(n, p);
            if (v && (*v < 0.0 || *v > 1.0))
                return false;
            any = any || v.has_value();
        }
        return any;
    }

    void assign(std::size_t n, Kind kind, RatioWeight weight) {
        result_.nodes[n].kind = kind;
        result_.nodes[n].kind_given = given(n).has_value();
        weight_[n] = std::move(weight);
    }

    // Kinds and ratio weights, top down (Tree::top_down): a KGI or ~ row decides its own, a
    // parent its arithmetic children's.
    void infer(std::size_t n) {
        const Node& node = tree_.nodes[n];
        if (!node.parent || node.link == Link::hypothesis)
            assign(n, given(n).value_or(top_kind(n)), RatioWeight{});
        if (!node.ok())
            return;
        const auto kids = tree_.arithmetic_children(n);
        if (kids.empty())
            return;
        const Kind kind = result_.nodes[n].kind;
        if (is_additive(tree_.nodes[kids.front()].link)) {
            for (std::size_t c : kids) {
                const Kind k = given(c).value_or(kind);
                RatioWeight w =
                    k == Kind::ratio && kind == Kind::ratio ? weight_[n] : RatioWeight{};
                w.exponent = 1;
                assign(c, k, std::move(w));
            }
            return;
        }
        infer_product(n, kind, kids);
    }

    // A product: the child carrying the flow (stock) first, the others ratios weighted by the
    // running product of the factors before them.
    void infer_product(std::size_t n, Kind kind, std::span<const std::size_t> kids) {
        std::optional<std::size_t> carrier;
        bool has_divisor = false;
        for (std::size_t c : kids)
            has_divisor = has_divisor || tree_.nodes[c].link == Link::divide;
        if (kind != Kind::ratio) {
            auto pick = [&](auto&& accept) {
                for (std::size_t c : kids)
                    if (!carrier && tree_.nodes[c].link == Link::multiply && accept(c))
                        carrier = c;
            };
            pick([&](std::size_t c) { return given(c) == kind; });
            pick([&](std::size_t c) { return given(c) == Kind::flow || given(c) == Kind::stock; });
            pick([&](std::size_t c) { return !given(c) && !is_unit_interval_leaf(c); });
            pick([&](std::size_t c) { return !given(c); });
        }
        std::vector<std::size_t> order;
        if (carrier)
            order.push_back(*carrier);
        for (std::size_t c : kids)
            if (c != carrier)
                order.push_back(c);
        RatioWeight running; // no carrier in a flow or stock product: nothing to weight by
        if (kind == Kind::ratio)
            running = weight_[n];
        else if (carrier)
            running.context = kind == Kind::stock ? Context::stock : Context::flow;
        for (std::size_t c : order) {
            Kind k = Kind::ratio;
            if (c == carrier)
                k = kind;
            else if (kind == Kind::ratio && has_divisor)
                k = Kind::flow;
            k = given(c).value_or(k);
            RatioWeight w = running;
            w.exponent = sign_of(tree_.nodes[c].link);
            assign(c, k, k == Kind::ratio ? std::move(w) : RatioWeight{});
            running.base_factors.push_back(c);
            running.base_exponents.push_back(sign_of(tree_.nodes[c].link));
        }
    }

    Rolled missing(std::size_t n, std::size_t period) const {
        return {std::nullopt, status_message(Status::nodata, q(tree_, n) + " has no value in " +
                                                                 label(tree_, period))};
    }

    // A flow, stock, average or constant over a bucket from the row's own per-period values.
    Rolled own(std::size_t n, Kind kind, const Bucket& b) const {
        const std::size_t last = b.first + b.count - 1;
        if (kind == Kind::stock || kind == Kind::constant) {
            if (!values_[last][n])
                return missing(n, last);
            return {values_[last][n], {}};
        }
        std::vector<double> xs;
        for (std::size_t t = b.first; t <= last; ++t) {
            if (!values_[t][n])
                return missing(n, t);
            xs.push_back(*values_[t][n]);
        }
        const double sum = kind == Kind::average ? compensated_mean(xs) : compensated_sum(xs);
        if (!std::isfinite(sum))
            return overflow(n, b);
        return {sum, {}};
    }

    // A ratio leaf: Σ base·x / Σ base over the bucket (at the last period inside a stock).
    Rolled weighted_ratio(std::size_t n, const Bucket& b) const {
        const RatioWeight& w = weight_[n];
        const std::size_t last = b.first + b.count - 1;
        if (w.context == Context::stock)
            return own(n, Kind::stock, b);
        std::vector<double> num, den;
        for (std::size_t t = b.first; t <= last; ++t) {
            double base = 1;
            for (std::size_t j = 0; j < w.base_factors.size(); ++j) {
                const auto x = values_[t][w.base_factors[j]];
                if (!x)
                    return missing(w.base_factors[j], t);
                if (w.base_exponents[j] < 0 && *x == 0.0)
                    return zero_divisor(w.base_factors[j], t);
                base = w.base_exponents[j] < 0 ? base / *x : base * *x;
            }
            const auto x = values_[t][n];
            if (!x)
                return missing(n, t);
            if (w.exponent < 0 && *x == 0.0)
                return zero_divisor(n, t);
            num.push_back(base * (w.exponent < 0 ? 1.0 / *x : *x));
            den.push_back(base);
        }
        const double top = compensated_sum(num), bottom = compensated_sum(den);
        if (bottom == 0.0 || (w.exponent < 0 && top == 0.0))
            return {std::nullopt,
                    status_message(Status::undefined, "the flow weighting " + q(tree_, n) +
                                                          " is 0 over " + bucket_name(b))};
        const double rolled = top / bottom;
        if (!std::isfinite(top) || !std::isfinite(bottom) || !std::isfinite(rolled))
            return overflow(n, b);
        return {w.exponent < 0 ? 1.0 / rolled : rolled, {}};
    }

    Rolled overflow(std::size_t n, const Bucket& b) const {
        return {std::nullopt, status_message(Status::error, "overflow in " + bucket_name(b) +
                                                                ": the roll-up of " + q(tree_, n) +
                                                                " leaves the range of numbers")};
    }

    Rolled zero_divisor(std::size_t n, std::size_t period) const {
        return {std::nullopt,
                status_message(Status::error, "division by zero in " + label(tree_, period) + ": " +
                                                  q(tree_, n) + " is 0")};
    }

    std::string bucket_name(const Bucket& b) const { return bucket_span(tree_, b); }

    // A parent's bucket: its own roll-up checked against its rolled-up children, or (a ratio)
    // the children's roll-ups through the tree's arithmetic.
    Rolled roll_parent(std::size_t n, std::size_t b) const {
        const Combined c =
            combine_children(tree_, n, [&](std::size_t k) { return result_.nodes[k].values[b]; });
        const Kind kind = result_.nodes[n].kind;
        if (kind == Kind::ratio) {
            if (c.value)
                return {c.value, {}};
            if (c.fault == CombineFault::missing && !result_.nodes[*c.child].notes[b].empty())
                return {std::nullopt, result_.nodes[*c.child].notes[b]};
            return {std::nullopt, status_message(Status::error,
                                                 fault_text(tree_, n, c, bucket_name(buckets(b))))};
        }
        Rolled mine = own(n, kind, buckets(b));
        if (!mine.value || !c.value || !comparable(n))
            return mine;
        const double scale = std::max(std::fabs(*mine.value), std::fabs(*c.value));
        if (std::fabs(*mine.value - *c.value) <= agreement_tolerance * scale)
            return mine;
        return {std::nullopt,
                status_message(Status::mismatch,
                               q(tree_, n) + " rolls up to " + format_number(*mine.value) +
                                   " over its own periods, but its rolled-up children give " +
                                   format_number(*c.value) + ": check the children's kinds")};
    }

    const Bucket& buckets(std::size_t b) const { return result_.buckets[b]; }

    // Whether the tree's arithmetic on rolled-up values must reproduce n's own roll-up: n is a
    // flow or a stock, and its children are of its kind, ratios or constants (the weighting
    // makes such products exact). A stock or an average under a flow cannot reproduce a sum
    // over periods: there the row's own roll-up stands alone.
    bool comparable(std::size_t n) const {
        const Kind kind = result_.nodes[n].kind;
        if (kind != Kind::flow && kind != Kind::stock)
            return false;
        for (std::size_t c : tree_.arithmetic_children(n)) {
            const Kind k = result_.nodes[c].kind;
            if (k != kind && k != Kind::ratio && k != Kind::constant)
                return false;
        }
        return true;
    }

    void roll(std::size_t n) {
        RolledNode& r = result_.nodes[n];
        if (!problems_[n].empty()) {
            r.status = problems_[n];
            return;
        }
        const auto kids = tree_.arithmetic_children(n);
        if (kids.empty() && r.kind == Kind::ratio && weight_[n].context == Context::none) {
            r.status = status_message(Status::undefined,
                                      q(tree_, n) + " is a ratio with no flow to weight it; "
                                                    "roll up its numerator and denominator");
            undefined_[n] = true;
            return;
        }
        for (std::size_t c : kids)
            if (!result_.nodes[c].status.empty()) {
                undefined_[n] = undefined_[c];
                r.status = status_message(undefined_[c] ? Status::undefined : Status::error,
                                          "child " + q(tree_, c) + " cannot be rolled up");
                return;
            }
        for (std::size_t b = 0; b < result_.buckets.size(); ++b) {
            Rolled x = !kids.empty()           ? roll_parent(n, b)
                       : r.kind == Kind::ratio ? weighted_ratio(n, buckets(b))
                                               : own(n, r.kind, buckets(b));
            r.values[b] = x.value;
            r.notes[b] = std::move(x.note);
        }
    }

    const Tree& tree_;
    std::span<const std::optional<Kind>> kinds_;
    std::vector<RatioWeight> weight_;
    std::vector<bool> undefined_; // the row's status is UNDEFINED (not ERROR)
    NodeTexts problems_;
    std::vector<std::vector<std::optional<double>>> values_; // per period, per node
    Rollup result_;
};

} // namespace

Rollup rollup(const Tree& tree, std::size_t periods_per_bucket,
              std::span<const std::optional<Kind>> kinds) {
    if (periods_per_bucket == 0)
        throw std::invalid_argument("rollup: periods_per_bucket must be at least 1");
    if (!kinds.empty() && kinds.size() != tree.nodes.size())
        throw std::invalid_argument("rollup: kinds must have one entry per node");
    return RollupBuilder(tree, periods_per_bucket, kinds).run();
}

std::string bucket_label(const Tree& tree, const Rollup& rollup, std::size_t bucket) {
    const Bucket& b = rollup.buckets[bucket];
    std::string s = bucket_span(tree, b);
    if (b.partial)
        s += " (" + std::to_string(b.count) + " of " + std::to_string(rollup.periods_per_bucket) +
             ")";
    return s;
}

} // namespace kpitree
