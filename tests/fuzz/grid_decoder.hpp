// Turns libFuzzer bytes into the arguments of the spreadsheet functions (functions.hpp): tree
// tables of any shape up to 64 rows × 16 columns (rarely a generated chain or a repeated name of
// up to 20,000 rows), whose cells come mostly from vocabularies of troublesome values: numbers
// at the edges of double (NaN, ±inf, ±1e308, −0, 1e16, subnormals), every link symbol and some
// near misses, names that collide after trimming and case folding, header and kind words, error
// cells. Some parent rows get the value their children imply, so identities hold often enough
// for the check oracle to have something to verify. Only the layout decisions are driven by
// the bytes; decoding never fails.
#pragma once

#include "kpitree/functions.hpp"
#include "kpitree/model/layout.hpp"
#include "kpitree/model/table.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fuzzer/FuzzedDataProvider.h>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace kpitree::fuzz {

inline constexpr std::size_t max_rows = 64;
inline constexpr std::size_t max_columns = 16;
inline constexpr std::size_t max_generated_rows = 20000;

// Row cap of the generated tables: KPITREE_FUZZ_GENERATED_ROWS, default 20,000 (lower it to look
// past a known slow path).
inline std::size_t generated_rows() {
    static const std::size_t cap = [] {
        const char* v = std::getenv("KPITREE_FUZZ_GENERATED_ROWS");
        return v ? std::max<std::size_t>(std::strtoul(v, nullptr, 10), 2) : max_generated_rows;
    }();
    return cap;
}

namespace words {
using List = std::span<const char* const>;
inline constexpr const char* names[] = {
    "Sales", " sales ", "SALES",  "Ｓａｌｅｓ", "ſales",      "\u00A0Sales\u3000",
    "Deals", "deals",   "AOV",    "Meetings",   "Close rate", "close  rate",
    "A",     "B",       "C",      "D",          "E",          "a",
    "b",     "K",       "\u212A", "İ",          "i",          "売上",
    "成约",  "Myynti",  "MYYNTI", "2024",       "1",          "x",
    "~",     "",        " ",      "\t"};
inline constexpr const char* links[] = {
    "+",  "-",  "*",  "/",  "~",       "−",  "×", "÷",    "＋",  "－",
    "＊", "／", "～", "〜", "x",       "X",  "",  "plus", " + ", "\u00A0*\u3000",
    "–",  "++", "*/", "xx", "\u00D7 ", "÷÷", "%", "^"};
inline constexpr const char* headers[] = {
    "Name",    "Parent",   "Link", "Kind", "kind", "KPI",  "Jan", "Feb", "Mar",  "Q1",
    "2024-03", "period 1", "Art",  "種類", "类型", "Laji", "",    " ",   "Sales"};
inline constexpr const char* kinds[] = {"flow",   "stock", "ratio", "average", "constant", "Kind",
                                        " FLOW ", "Stock", "",      "rate",    "sum"};
inline constexpr const char* errors[] = {"#DIV/0!", "#N/A", "#VALUE!", "Err:502", ""};
inline constexpr const char* periods[] = {"Jan",     "Feb",   "Mar", "period 1", "1",
                                          "2",       "0",     "-1",  "1.5",      "Q1",
                                          "2024-03", " jan ", "",    "13",       "1e9"};
inline constexpr const char* methods[] = {"lmdi", "shapley", " LMDI ",     "Shapley", "holm",
                                          "bh",   "fdr_bh",  "bonferroni", "p",       "F",
                                          "f",    "",        "none"};
} // namespace words

class Decoder {
public:
    Decoder(const std::uint8_t* data, std::size_t size) : in_(data, size) {}

    bool flag() { return in_.ConsumeBool(); }
    std::size_t index(std::size_t n) {
        return n == 0 ? 0 : in_.ConsumeIntegralInRange<std::size_t>(0, n - 1);
    }
    std::string word(words::List list) { return list[index(list.size())]; }
    std::string text() { return flag() ? word(words::names) : in_.ConsumeRandomLengthString(12); }

    double number() {
        static constexpr double special[] = {0.0,
                                             -0.0,
                                             1.0,
                                             -1.0,
                                             2.0,
                                             0.5,
                                             3.0,
                                             10.0,
                                             100.0,
                                             0.01,
                                             0.1,
                                             0.2,
                                             0.3,
                                             12.0,
                                             45292.0,
                                             1e16,
                                             -1e16,
                                             1e16 + 2,
                                             1e308,
                                             -1e308,
                                             1e200,
                                             1e-200,
                                             1e-300,
                                             std::numeric_limits<double>::max(),
                                             std::numeric_limits<double>::min(),
                                             std::numeric_limits<double>::denorm_min(),
                                             std::numeric_limits<double>::epsilon(),
                                             std::numeric_limits<double>::quiet_NaN(),
                                             std::numeric_limits<double>::infinity(),
                                             -std::numeric_limits<double>::infinity()};
        switch (in_.ConsumeIntegralInRange(0, 3)) {
        case 0:
            return special[index(std::size(special))];
        case 1:
            return in_.ConsumeIntegralInRange(-1000, 1000);
        case 2:
            return in_.ConsumeIntegralInRange(0, 100000) / 100.0;
        default:
            return in_.ConsumeFloatingPoint<double>();
        }
    }

    std::optional<double> optional_number() {
        if (flag())
            return std::nullopt;
        return number();
    }

    // A relative change as text ("+10%", "-5%"), any cell, or a number.
    Cell relative_or_cell() {
        switch (in_.ConsumeIntegralInRange(0, 5)) {
        case 0:
            return Cell(std::string(flag() ? "+" : "-") +
                        std::to_string(in_.ConsumeIntegralInRange(0, 300)) + "%");
        case 1:
            return cell();
        default:
            return Cell(number());
        }
    }

    // Any cell at all.
    Cell cell() {
        switch (in_.ConsumeIntegralInRange(0, 5)) {
        case 0:
            return Empty{};
        case 1:
            return CellError{word(words::errors)};
        case 2:
            return word(words::headers);
        case 3:
            return text();
        default:
            return number();
        }
    }

    Cell period() {
        switch (in_.ConsumeIntegralInRange(0, 2)) {
        case 0:
            return Empty{};
        case 1:
            return word(words::periods);
        default:
            return flag() ? number() : static_cast<double>(in_.ConsumeIntegralInRange(-1, 20));
        }
    }

    std::optional<std::string> method() {
        if (flag())
            return std::nullopt;
        return flag() ? word(words::methods) : in_.ConsumeRandomLengthString(8);
    }

    // Mostly a whole number in [low, high], sometimes any number, sometimes skipped.
    std::optional<double> optional_whole(int low, int high) {
        switch (in_.ConsumeIntegralInRange(0, 3)) {
        case 0:
            return std::nullopt;
        case 1:
            return number();
        default:
            return in_.ConsumeIntegralInRange(low, high);
        }
    }

    // A node argument: none, blank, or a name of the vocabulary.
    NodeName node() {
        if (flag())
            return std::nullopt;
        return word(words::names);
    }

    std::vector<std::string> names() {
        std::vector<std::string> out(in_.ConsumeIntegralInRange(0, 4));
        for (auto& n : out)
            n = word(words::names);
        return out;
    }

    // One row or one column of numbers (rarely with a gap or a text), up to 64 long.
    Grid series(std::size_t length) {
        const bool column = flag();
        Grid g(column ? length : 1, column ? 1 : length);
        for (std::size_t k = 0; k < length; ++k) {
            Cell& c = column ? g.at(k, 0) : g.at(0, k);
            c = in_.ConsumeIntegralInRange(0, 15) == 0 ? cell() : Cell(number());
        }
        return g;
    }
    // A series length: up to 64, rarely up to 3,000 (huge lags need long series).
    std::size_t length() {
        const std::size_t most = in_.ConsumeIntegralInRange(0, 15) == 0 ? 3000 : max_rows;
        return in_.ConsumeIntegralInRange<std::size_t>(0, most);
    }

    // A p-value-like grid: numbers in [0, 1] mostly, some empties and strays.
    Grid pvalues() {
        Grid g(in_.ConsumeIntegralInRange<std::size_t>(0, 16),
               in_.ConsumeIntegralInRange<std::size_t>(0, 4));
        for (std::size_t r = 0; r < g.rows(); ++r)
            for (std::size_t c = 0; c < g.columns(); ++c)
                g.at(r, c) = pvalue_cell();
        return g;
    }

    // A tree table (see the file comment): one in eleven in the transposed layout (periods in
    // rows; shapes 1600..1791, which none of the regression inputs decodes to, so they keep
    // their tables).
    Grid table() {
        const int shape = in_.ConsumeIntegralInRange(0, 2047); // exhausted input reads as 0
        show_layout("shape " + std::to_string(shape));
        if (shape == 2046)
            return chain();
        if (shape == 2047)
            return repeated_name();
        if (shape >= 1600 && shape < 1792) {
            show_layout(std::string("transposed"));
            return transposed_table();
        }
        return small_table(false);
    }

    // A kinds column for ROLLUP: one cell per row, or any shape.
    Grid kinds(std::size_t rows) {
        if (flag())
            return {};
        Grid g(flag() ? rows : index(rows + 2), 1);
        for (std::size_t r = 0; r < g.rows(); ++r)
            g.at(r, 0) = flag() ? Cell(word(words::kinds)) : cell();
        return g;
    }

    // A plan or changes range: a name of the vocabulary (or any cell) and 1..periods+1 value
    // cells per row (numbers, relative changes such as "+10%", any cell), rarely a header.
    Grid named_values(std::size_t periods) {
        Grid g(in_.ConsumeIntegralInRange<std::size_t>(0, 12),
               in_.ConsumeIntegralInRange<std::size_t>(1, periods + 2));
        for (std::size_t r = 0; r < g.rows(); ++r) {
            g.at(r, 0) = flag() ? Cell(word(words::names)) : cell();
            for (std::size_t c = 1; c < g.columns(); ++c)
                g.at(r, c) = relative_or_cell();
        }
        return g;
    }

private:
    Cell pvalue_cell() {
        switch (in_.ConsumeIntegralInRange(0, 7)) {
        case 0:
            return Empty{};
        case 1:
            return cell();
        case 2:
            return number();
        default:
            return in_.ConsumeProbability<double>();
        }
    }

    // KPITREE_FUZZ_SHOW_LAYOUT set: says on stderr which layout the input decoded to, so that
    // make_corpus.py can check its transposed seeds.
    static void show_layout(const std::string& layout) {
        static const bool show = std::getenv("KPITREE_FUZZ_SHOW_LAYOUT") != nullptr;
        if (show)
            std::fprintf(stderr, "kpitree-fuzz-layout: %s\n", layout.c_str());
    }

    // A small table with its labels (Name | Parent | Link [| Kind] mostly) turned into the
    // transposed layout, its periods (dates, often) in rows, sometimes newest first.
    Grid transposed_table() {
        Grid g = small_table(true);
        const std::size_t first =
            g.rows() > 0 && g.columns() > 3 && is_kind_word(g.at(0, 3)) ? 4 : 3;
        if (flag() && g.columns() > first)
            for (std::size_t r = 0; r < g.rows(); ++r)
                std::reverse(&g.at(r, first), &g.at(r, first) + (g.columns() - first));
        return transpose(g);
    }

    static bool is_kind_word(const Cell& c) {
        const auto* s = std::get_if<std::string>(&c);
        return s && *s == "Kind";
    }

    Grid small_table(bool labelled) {
        Grid g(in_.ConsumeIntegralInRange<std::size_t>(0, max_rows),
               in_.ConsumeIntegralInRange<std::size_t>(0, max_columns));
        const bool header = labelled || flag(), kind_column = header && flag();
        for (std::size_t r = 0; r < g.rows(); ++r)
            for (std::size_t c = 0; c < g.columns(); ++c)
                g.at(r, c) =
                    header && r == 0 ? header_cell(c, kind_column) : table_cell(c, kind_column);
        derive_parents(g, kind_column ? 4 : 3);
        return g;
    }

    Cell header_cell(std::size_t column, bool kind_column) {
        static constexpr const char* fixed[] = {"Name", "Parent", "Link", "Kind"};
        if (column < (kind_column ? 4u : 3u) && in_.ConsumeIntegralInRange(0, 7) != 0)
            return fixed[column];
        if (in_.ConsumeIntegralInRange(0, 7) == 0)
            return cell();
        if (flag())
            return 45292.0 + static_cast<double>(column); // a date
        return flag() ? word(words::headers) : "P" + std::to_string(column);
    }

    Cell table_cell(std::size_t column, bool kind_column) {
        if (in_.ConsumeIntegralInRange(0, 15) == 0)
            return cell();
        switch (column) {
        case 0:
            return word(words::names);
        case 1:
            return flag() ? Cell(Empty{}) : Cell(word(words::names));
        case 2:
            return word(words::links);
        case 3:
            if (kind_column)
                return word(words::kinds);
            [[fallthrough]];
        default:
            return in_.ConsumeIntegralInRange(0, 7) == 0 ? Cell(Empty{}) : Cell(number());
        }
    }

    // Rows chosen by the bytes get f(children) in every period, computed naively (exact name
    // match, ASCII operators), sometimes off by a few ulps.
    void derive_parents(Grid& g, std::size_t first_value) {
        if (g.columns() <= first_value)
            return;
        for (std::size_t pass = 0; pass < 2; ++pass)
            for (std::size_t r = g.rows(); r-- > 0;)
                if (in_.ConsumeIntegralInRange(0, 2) == 0)
                    derive_row(g, r, first_value);
    }

    void derive_row(Grid& g, std::size_t row, std::size_t first_value) {
        const auto* name = std::get_if<std::string>(&g.at(row, 0));
        if (!name || name->empty())
            return;
        const double nudge = 1.0 + std::numeric_limits<double>::epsilon() *
                                       static_cast<double>(in_.ConsumeIntegralInRange(-8, 8));
        for (std::size_t c = first_value; c < g.columns(); ++c)
            if (const auto v = children_value(g, *name, c))
                g.at(row, c) = *v * (flag() ? 1.0 : nudge);
    }

    static std::optional<double> children_value(const Grid& g, const std::string& name,
                                                std::size_t column) {
        std::optional<double> sum, product;
        for (std::size_t r = 0; r < g.rows(); ++r) {
            const auto* parent = std::get_if<std::string>(&g.at(r, 1));
            const auto* link = std::get_if<std::string>(&g.at(r, 2));
            const auto* v = std::get_if<double>(&g.at(r, column));
            if (!parent || *parent != name || !link)
                continue;
            if (!v)
                return std::nullopt;
            if (*link == "+" || *link == "-")
                sum = sum.value_or(0.0) + (*link == "+" ? *v : -*v);
            else if (*link == "*" || *link == "x")
                product = product.value_or(1.0) * *v;
            else if (*link == "/")
                product = product.value_or(1.0) / *v;
        }
        return sum ? sum : product;
    }

    // A chain n0 <- n1 <- ... (deep trees), every level + or ×, values 1 or 2.
    Grid chain() {
        const std::size_t rows = in_.ConsumeIntegralInRange<std::size_t>(2, generated_rows());
        const bool multiply = flag(), shuffled = flag();
        Grid g(rows, 4);
        for (std::size_t r = 0; r < rows; ++r) {
            const std::size_t level = shuffled ? (r * 7919) % rows : r;
            g.at(r, 0) = "n" + std::to_string(level);
            if (level > 0) {
                g.at(r, 1) = "n" + std::to_string(level - 1);
                g.at(r, 2) = multiply ? "*" : (level % 2 ? "+" : "~");
            }
            g.at(r, 3) = 1.0;
        }
        if (flag())
            g.at(index(rows), 1) = "n" + std::to_string(index(rows)); // perhaps a cycle
        return g;
    }

    // Many rows with one name (duplicates everywhere), some children of it.
    Grid repeated_name() {
        const std::size_t rows = in_.ConsumeIntegralInRange<std::size_t>(2, generated_rows());
        Grid g(rows, 5);
        for (std::size_t r = 0; r < rows; ++r) {
            g.at(r, 0) = r % 3 == 0 ? "Sales" : " sales ";
            if (r % 2 == 1) {
                g.at(r, 1) = "SALES";
                g.at(r, 2) = r % 4 == 1 ? "~" : "*";
            }
            g.at(r, 3) = static_cast<double>(r);
            g.at(r, 4) = 1.0;
        }
        return g;
    }

    FuzzedDataProvider in_;
};

} // namespace kpitree::fuzz
