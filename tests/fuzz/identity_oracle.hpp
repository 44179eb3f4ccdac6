// An independent judge of KPI.CHECK's OK (SPEC "No silently wrong number"): for every row whose
// status starts with OK, the parent and its children are found again in the table, and the
// identity parent = Σ ±child or Π child^(±1) is recomputed in long double in every period where
// all of them have values. It must hold within the tolerance relative to the expected value
// plus the floating-point floor check.hpp documents (a few ulps of the largest term), computed
// here in long double with twice the slack. Whatever the table reader should have refused
// under an OK parent (a text or non-finite value, a child without a valid link, mixed
// operators, a duplicate name, division by zero) is a finding too.
//
// Only rows the oracle identifies unambiguously are judged: the parent's name is plain ASCII
// after trimming, and no other row's parent cell might fold to it without being spelled the
// same in ASCII (ſ, K, İ, numbers). Where the layout is unclear (a Kind column, a transposed
// table), the width of KPI.EXPECTED's result tells which columns hold periods.
#pragma once

#include "kpitree/model/layout.hpp"
#include "oracles.hpp"

#include <cfloat>
#include <map>
#include <string_view>
#include <vector>

namespace kpitree::fuzz {

namespace identity {

enum class Op { none, add, subtract, multiply, divide, hypothesis, invalid };

inline Op parse_op(const Cell& c) {
    if (is_empty(c))
        return Op::none;
    const auto* s = std::get_if<std::string>(&c);
    if (!s)
        return Op::invalid;
    static const std::map<std::string_view, Op> forms = {
        {"", Op::none},         {"+", Op::add},        {"＋", Op::add},     {"-", Op::subtract},
        {"−", Op::subtract},    {"－", Op::subtract},  {"–", Op::subtract}, {"*", Op::multiply},
        {"×", Op::multiply},    {"＊", Op::multiply},  {"x", Op::multiply}, {"X", Op::multiply},
        {"/", Op::divide},      {"÷", Op::divide},     {"／", Op::divide},  {"~", Op::hypothesis},
        {"～", Op::hypothesis}, {"〜", Op::hypothesis}};
    const auto it = forms.find(trimmed(*s));
    return it == forms.end() ? Op::invalid : it->second;
}

// How a name or parent cell can match an ASCII name.
struct Key {
    enum Kind { blank, ascii, maybe, never } kind = blank;
    std::string text; // ascii: the lower-case key; maybe: the key it might fold to
};

inline Key key_of(const Cell& c) {
    if (is_number(c))
        return {Key::maybe, "#number"};
    const auto* s = std::get_if<std::string>(&c);
    if (!s)
        return {};
    std::string t(trimmed(*s)), loose;
    if (t.empty())
        return {};
    bool ascii = true;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const auto b = static_cast<unsigned char>(t[i]);
        ascii &= b < 0x80;
        loose += static_cast<char>(b < 0x80 ? std::tolower(b) : b);
    }
    if (ascii)
        return {Key::ascii, loose};
    for (const auto& [from, to] : {std::pair{"\u017F", "s"}, {"\u212A", "k"}, {"\u0130", "i"}})
        for (std::size_t at; (at = loose.find(from)) != std::string::npos;)
            loose.replace(at, std::string_view(from).size(), to);
    for (char ch : loose)
        if (static_cast<unsigned char>(ch) >= 0x80)
            return {Key::never, {}};
    return {Key::maybe, loose};
}

// Whether a "maybe" parent cell could name the ASCII key `k`.
inline bool might_match(const Key& parent, const std::string& k) {
    if (parent.text != "#number")
        return parent.text == k;
    return k.find_first_not_of("0123456789.-+einfa") == std::string::npos;
}

struct Layout {
    std::size_t first_row = 0;   // 1 with a header
    std::size_t first_value = 3; // 4 with a Kind column
};

struct Child {
    std::size_t row;
    Op op;
};

// The value of `cell` as the table reader should see it; a finding for what it must refuse.
inline std::optional<long double> value_of(const Cell& c, std::size_t row) {
    if (const auto* d = std::get_if<double>(&c)) {
        if (!std::isfinite(*d))
            finding("OK although table row " + std::to_string(row + 1) + " holds " + show(c));
        return *d;
    }
    if (const auto* s = std::get_if<std::string>(&c); s && !trimmed(*s).empty())
        finding("OK although table row " + std::to_string(row + 1) + " holds text " + show(c));
    if (is_error(c))
        finding("OK although table row " + std::to_string(row + 1) + " holds an error cell");
    return std::nullopt;
}

class Judge {
public:
    Judge(const Grid& table, Layout layout, double tolerance)
        : t_(table), layout_(layout), tolerance_(tolerance) {
        for (std::size_t r = layout_.first_row; r < t_.rows(); ++r)
            index_row(r);
    }

    void judge(std::size_t row) {
        const Key name = key_of(t_.at(row, 0));
        if (name.kind != Key::ascii || !unambiguous(name.text))
            return;
        if (const auto it = names_.find(name.text); it != names_.end() && it->second > 1)
            finding("OK for table row " + std::to_string(row + 1) +
                    " although its name is "
                    "also in another row");
        std::vector<Child> children;
        for (std::size_t r : children_[name.text])
            if (r != row)
                children.push_back({r, parse_op(t_.at(r, 2))});
        require_shape(row, children);
        for (std::size_t c = layout_.first_value; c < t_.columns(); ++c)
            judge_period(row, children, c);
    }

private:
    void index_row(std::size_t r) {
        const Key name = key_of(t_.at(r, 0)), parent = key_of(t_.at(r, 1));
        if (name.kind == Key::ascii)
            ++names_[name.text];
        if (parent.kind == Key::ascii)
            children_[parent.text].push_back(r);
        if (parent.kind == Key::maybe)
            maybe_parents_.push_back(parent);
    }

    // False when some row might be a child without the oracle being sure.
    bool unambiguous(const std::string& key) const {
        for (const Key& parent : maybe_parents_)
            if (might_match(parent, key))
                return false;
        return true;
    }

    void require_shape(std::size_t row, const std::vector<Child>& children) {
        bool additive = false, multiplicative = false;
        for (const Child& c : children) {
            if (c.op == Op::invalid || c.op == Op::none)
                finding("OK for table row " + std::to_string(row + 1) +
                        " although its child in row " + std::to_string(c.row + 1) +
                        " has no valid link");
            additive |= c.op == Op::add || c.op == Op::subtract;
            multiplicative |= c.op == Op::multiply || c.op == Op::divide;
        }
        if (additive && multiplicative)
            finding("OK for table row " + std::to_string(row + 1) + " with mixed operators");
        if (!additive && !multiplicative)
            finding("OK for table row " + std::to_string(row + 1) + " without arithmetic children");
    }

    void judge_period(std::size_t row, const std::vector<Child>& children, std::size_t column) {
        const auto actual = value_of(t_.at(row, column), row);
        long double sum = 0, product = 1, scale = 0;
        bool complete = true, additive = false;
        for (const Child& c : children) {
            if (c.op == Op::hypothesis)
                continue;
            const auto v = value_of(t_.at(c.row, column), c.row);
            if (!v) {
                complete = false;
                continue;
            }
            additive = c.op == Op::add || c.op == Op::subtract;
            scale = std::max(scale, std::fabs(*v));
            sum += c.op == Op::subtract ? -*v : *v;
            if (c.op == Op::divide && *v == 0)
                finding("OK for table row " + std::to_string(row + 1) +
                        " despite division by zero");
            product = c.op == Op::divide ? product / *v : product * *v;
        }
        if (!complete || !actual)
            return;
        compare(row, column, *actual, additive ? sum : product, additive ? scale : 0, children);
    }

    void compare(std::size_t row, std::size_t column, long double actual, long double expected,
                 long double scale, const std::vector<Child>& children) {
        scale = std::max({scale, std::fabs(expected), std::fabs(actual)});
        const long double floor =
            2 * 4.0L * static_cast<long double>(children.size() + 1) * DBL_EPSILON * scale;
        const long double allowed = tolerance_ * (std::fabs(expected) + floor) + floor;
        if (std::fabs(actual - expected) <= allowed)
            return;
        finding("OK for table row " + std::to_string(row + 1) + " but in column " +
                std::to_string(column + 1) + " it holds " +
                format_number(static_cast<double>(actual)) + " while its children give " +
                std::to_string(static_cast<double>(expected)) + " (long double " +
                std::to_string(expected) + ")");
    }

    const Grid& t_;
    Layout layout_;
    long double tolerance_;
    std::map<std::string, std::size_t> names_;                 // ASCII name key -> rows
    std::map<std::string, std::vector<std::size_t>> children_; // ASCII parent key -> rows
    std::vector<Key> maybe_parents_;
};

} // namespace identity

// `check` is check_cells(table, tolerance) for the whole table, `expected` expected_cells(table)
// (for the layout).
inline void identity_oracle(const Grid& table, std::optional<double> tolerance,
                            const std::optional<Grid>& check, const std::optional<Grid>& expected) {
    // A transposed table (layout.hpp) is judged as its transpose, results transposed back.
    if (check && expected && is_transposed_layout(table))
        return identity_oracle(transpose(table), tolerance, transpose(*check),
                               transpose(*expected));
    if (!check || !expected || check->rows() != table.rows() || check->columns() != 1 ||
        table.rows() == 0 || expected->columns() > table.columns())
        return;
    identity::Layout layout;
    layout.first_row = check->at(0, 0) == Cell(std::string("Check")) ? 1 : 0;
    layout.first_value = table.columns() - expected->columns();
    if (layout.first_value != 3 && layout.first_value != 4)
        return;
    identity::Judge judge(table, layout, tolerance.value_or(0.0));
    for (std::size_t r = layout.first_row; r < table.rows(); ++r)
        if (starts_with(check->at(r, 0), "OK"))
            judge.judge(r);
}

} // namespace kpitree::fuzz
