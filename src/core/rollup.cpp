// Roll-ups weight each ratio by its base, the per-period running product of the factors before
// it in its parent's product, so a recomputed product equals the sum (flows) or the last value
// (stocks) of the per-period products exactly, as the ratios telescope.
#include "kpitree/rollup.hpp"

#include "kpitree/check.hpp"
#include "planning_detail.hpp"
#include "text.hpp"

#include <algorithm>
#include <stdexcept>

namespace kpitree {

using namespace detail;

std::optional<Kind> parse_kind(std::string_view text) {
    const std::string t = keyword(text);
    if (t == "flow")
        return Kind::flow;
    if (t == "stock")
        return Kind::stock;
    if (t == "ratio")
        return Kind::ratio;
    return std::nullopt;
}

std::string_view kind_name(Kind kind) {
    switch (kind) {
    case Kind::flow:
        return "flow";
    case Kind::stock:
        return "stock";
    case Kind::ratio:
        return "ratio";
    }
    return "flow";
}

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

class RollupBuilder {
public:
    RollupBuilder(const Tree& tree, std::size_t per_bucket,
                  std::span<const std::optional<Kind>> kinds)
        : tree_(tree), kinds_(kinds), weight_(tree.nodes.size()), done_(tree.nodes.size()) {
        const std::size_t periods = tree.periods();
        for (std::size_t first = 0; first < periods; first += per_bucket) {
            const std::size_t count = std::min(per_bucket, periods - first);
            result_.buckets.push_back({first, count, count < per_bucket});
        }
        result_.nodes.resize(tree.nodes.size());
        for (RolledNode& r : result_.nodes)
            r.values.assign(result_.buckets.size(), std::nullopt);
    }

    Rollup run() {
        for (std::size_t n = 0; n < tree_.nodes.size(); ++n) {
            const Node& node = tree_.nodes[n];
            const bool top =
                node.root && node.ok() && (!node.parent || node.link == Link::hypothesis);
            if (top)
                infer(n, given(n).value_or(top_kind(n)), RatioWeight{});
        }
        for (std::size_t n = 0; n < tree_.nodes.size(); ++n)
            roll(n);
        return std::move(result_);
    }

private:
    std::optional<Kind> given(std::size_t n) const {
        return n < kinds_.size() ? kinds_[n] : std::nullopt;
    }

    // A KGI or ~ row is a flow, or a ratio when all its values lie in [0, 1].
    Kind top_kind(std::size_t n) const { return in_unit_interval(n) ? Kind::ratio : Kind::flow; }

    bool is_unit_interval_leaf(std::size_t n) const {
        return tree_.arithmetic_children(n).empty() && in_unit_interval(n);
    }

    bool in_unit_interval(std::size_t n) const {
        bool any = false;
        for (const auto& v : tree_.nodes[n].values) {
            if (v && (*v < 0.0 || *v > 1.0))
                return false;
            any = any || v.has_value();
        }
        return any;
    }

    // Kinds and ratio weights, top down from a KGI or a ~ row.
    void infer(std::size_t n, Kind kind, RatioWeight weight) {
        RolledNode& r = result_.nodes[n];
        r.kind = kind;
        r.kind_given = given(n).has_value();
        weight_[n] = weight;
        if (!tree_.nodes[n].ok())
            return;
        for (std::size_t c : tree_.nodes[n].children)
            if (tree_.nodes[c].link == Link::hypothesis && tree_.nodes[c].ok())
                infer(c, given(c).value_or(top_kind(c)), RatioWeight{});
        const auto kids = tree_.arithmetic_children(n);
        if (kids.empty())
            return;
        if (is_additive(tree_.nodes[kids.front()].link)) {
            for (std::size_t c : kids) {
                const Kind k = given(c).value_or(kind);
                RatioWeight w = k == Kind::ratio && kind == Kind::ratio ? weight : RatioWeight{};
                w.exponent = 1;
                infer(c, k, w);
            }
            return;
        }
        // A product: find the child carrying the flow (stock), order it first.
        std::vector<std::size_t> order;
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
            pick([&](std::size_t c) { return !given(c) && !is_unit_interval_leaf(c); });
            pick([&](std::size_t c) { return !given(c); });
            if (carrier)
                order.push_back(*carrier);
        }
        for (std::size_t c : kids)
            if (c != carrier)
                order.push_back(c);
        RatioWeight running; // no carrier in a flow or stock product: nothing to weight by
        if (kind == Kind::ratio)
            running = weight;
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
            infer(c, k, k == Kind::ratio ? w : RatioWeight{});
            running.base_factors.push_back(c);
            running.base_exponents.push_back(sign_of(tree_.nodes[c].link));
        }
    }

    std::optional<double> value(std::size_t n, std::size_t period) const {
        return value_at(tree_, n, period);
    }

    std::optional<double> roll_leaf(std::size_t n, const Bucket& b) const {
        const RolledNode& r = result_.nodes[n];
        const std::size_t last = b.first + b.count - 1;
        if (r.kind == Kind::stock)
            return value(n, last);
        if (r.kind == Kind::flow) {
            double sum = 0;
            for (std::size_t t = b.first; t <= last; ++t) {
                const auto v = value(n, t);
                if (!v)
                    return std::nullopt;
                sum += *v;
            }
            return sum;
        }
        const RatioWeight& w = weight_[n];
        if (w.context == Context::stock)
            return value(n, last);
        double num = 0, den = 0;
        for (std::size_t t = b.first; t <= last; ++t) {
            double base = 1;
            for (std::size_t j = 0; j < w.base_factors.size(); ++j) {
                const auto x = value(w.base_factors[j], t);
                if (!x || (w.base_exponents[j] < 0 && *x == 0.0))
                    return std::nullopt;
                base = w.base_exponents[j] < 0 ? base / *x : base * *x;
            }
            const auto x = value(n, t);
            if (!x || (w.exponent < 0 && *x == 0.0))
                return std::nullopt;
            num += base * (w.exponent < 0 ? 1.0 / *x : *x);
            den += base;
        }
        if (den == 0.0 || (w.exponent < 0 && num == 0.0))
            return std::nullopt;
        const double rolled = num / den;
        return w.exponent < 0 ? 1.0 / rolled : rolled;
    }

    void roll(std::size_t n) {
        if (done_[n])
            return;
        done_[n] = true;
        RolledNode& r = result_.nodes[n];
        const Node& node = tree_.nodes[n];
        if (!tree_.table_errors.empty()) {
            r.status = status_message(Status::error, tree_.table_errors.front());
            return;
        }
        if (!node.ok()) {
            r.status = status_message(Status::error, node.errors.front());
            return;
        }
        if (!node.root) {
            r.status = status_message(Status::error, q(tree_, n) + " is not connected to a KGI");
            return;
        }
        for (auto p = node.parent; p; p = tree_.nodes[*p].parent)
            if (!tree_.nodes[*p].ok()) {
                r.status = status_message(Status::error, q(tree_, *p) + " above is unusable: " +
                                                             tree_.nodes[*p].errors.front());
                return;
            }
        const auto kids = tree_.arithmetic_children(n);
        if (kids.empty()) {
            if (r.kind == Kind::ratio && weight_[n].context == Context::none) {
                r.status = status_message(Status::undefined,
                                          q(tree_, n) + " is a ratio with no flow to weight it; "
                                                        "roll up its numerator and denominator");
                return;
            }
            for (std::size_t b = 0; b < result_.buckets.size(); ++b)
                r.values[b] = roll_leaf(n, result_.buckets[b]);
            return;
        }
        for (std::size_t c : kids) {
            roll(c);
            if (!result_.nodes[c].status.empty()) {
                r.status =
                    status_message(Status::error, "child " + q(tree_, c) + " cannot be rolled up");
                if (result_.nodes[c].status.rfind("UNDEFINED", 0) == 0)
                    r.status = status_message(Status::undefined,
                                              "child " + q(tree_, c) + " cannot be rolled up");
                return;
            }
        }
        for (std::size_t b = 0; b < result_.buckets.size(); ++b)
            r.values[b] =
                combine(tree_, n, [&](std::size_t c) { return result_.nodes[c].values[b]; });
    }

    const Tree& tree_;
    std::span<const std::optional<Kind>> kinds_;
    std::vector<RatioWeight> weight_;
    std::vector<bool> done_;
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
    std::string s = label(tree, b.first);
    if (b.count > 1)
        s += "\u2013" + label(tree, b.first + b.count - 1);
    if (b.partial) {
        const std::size_t full = rollup.buckets.size() > 1 ? rollup.buckets.front().count : 0;
        s += " (" + std::to_string(b.count) + " of " +
             (full ? std::to_string(full) : std::string("more")) + ")";
    }
    return s;
}

} // namespace kpitree
