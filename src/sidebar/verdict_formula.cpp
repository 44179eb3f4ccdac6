#include "verdict_formula.hpp"

#include <algorithm>
#include <cctype>

namespace kpitree::sidebar {

namespace {

std::string upper(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return out;
}

// Where the first KPI Tree function name ends (at its '('), or npos.
std::size_t kpi_call(std::string_view formula) {
    const std::string f = upper(formula);
    for (std::string_view prefix : {"ORG.KPITREE.KPITREE.", "KPI."}) {
        for (std::size_t at = f.find(prefix); at != std::string::npos;
             at = f.find(prefix, at + 1)) {
            // A function name starts after an operator, a bracket or the '='.
            const bool starts = at == 0 || !(std::isalnum(static_cast<unsigned char>(f[at - 1])) ||
                                             f[at - 1] == '.' || f[at - 1] == '_');
            if (!starts)
                continue;
            std::size_t end = at + prefix.size();
            while (end < f.size() &&
                   (std::isalnum(static_cast<unsigned char>(f[end])) || f[end] == '_'))
                ++end;
            if (end > at + prefix.size() && end < f.size() && f[end] == '(')
                return end;
        }
    }
    return std::string_view::npos;
}

// "$'My sheet'" or "Sheet1" or "$Sheet1" -> the sheet's name.
std::string sheet_name(std::string_view s) {
    if (!s.empty() && s.front() == '$')
        s.remove_prefix(1);
    if (s.size() >= 2 && s.front() == '\'' && s.back() == '\'') {
        std::string out;
        for (std::size_t i = 1; i + 1 < s.size(); ++i) {
            out += s[i];
            if (s[i] == '\'' && i + 2 < s.size() && s[i + 1] == '\'')
                ++i; // '' is a quote in a quoted name
        }
        return out;
    }
    return std::string(s);
}

// The position of the '.' ending a sheet prefix in a reference part, or npos.
std::size_t sheet_dot(std::string_view part) {
    bool quoted = false;
    std::size_t dot = std::string_view::npos;
    for (std::size_t i = 0; i < part.size(); ++i) {
        if (part[i] == '\'')
            quoted = !quoted;
        else if (part[i] == '.' && !quoted)
            dot = i;
    }
    return dot;
}

} // namespace

bool is_kpi_formula(std::string_view formula) {
    return kpi_call(formula) != std::string_view::npos;
}

std::string kpi_function_name(std::string_view formula) {
    const std::size_t open = kpi_call(formula);
    if (open == std::string_view::npos)
        return {};
    const std::string name = upper(formula.substr(0, open));
    return "KPI." + name.substr(name.rfind('.') + 1);
}

std::optional<RangeText> kpi_table_argument(std::string_view formula) {
    const std::size_t open = kpi_call(formula);
    if (open == std::string_view::npos)
        return std::nullopt;
    // GRANGER and PADJUST read series and p-values, not a tree table.
    const std::string name = upper(formula.substr(0, open));
    for (std::string_view series : {".GRANGER", ".PADJUST"})
        if (name.size() >= series.size() &&
            name.compare(name.size() - series.size(), series.size(), series) == 0)
            return std::nullopt;
    std::size_t end = open + 1;
    bool quoted = false;
    for (; end < formula.size(); ++end) {
        const char c = formula[end];
        if (c == '\'')
            quoted = !quoted;
        else if (!quoted && (c == ';' || c == ',' || c == ')'))
            break;
    }
    std::string_view arg = formula.substr(open + 1, end - open - 1);
    while (!arg.empty() && arg.front() == ' ')
        arg.remove_prefix(1);
    while (!arg.empty() && arg.back() == ' ')
        arg.remove_suffix(1);
    std::size_t colon = std::string_view::npos;
    bool in_quotes = false;
    for (std::size_t i = 0; i < arg.size() && colon == std::string_view::npos; ++i) {
        if (arg[i] == '\'')
            in_quotes = !in_quotes;
        else if (arg[i] == ':' && !in_quotes)
            colon = i;
    }
    if (arg.empty() || colon == std::string_view::npos)
        return std::nullopt;
    RangeText out;
    std::string_view first = arg.substr(0, colon), second = arg.substr(colon + 1);
    if (const std::size_t dot = sheet_dot(first); dot != std::string_view::npos) {
        out.sheet = sheet_name(first.substr(0, dot));
        first.remove_prefix(dot + 1);
    }
    if (const std::size_t dot = sheet_dot(second); dot != std::string_view::npos)
        second.remove_prefix(dot + 1);
    if (first.empty() || second.empty() || first.find_first_of("\"()") != std::string_view::npos)
        return std::nullopt;
    out.range = std::string(first) + ":" + std::string(second);
    return out;
}

} // namespace kpitree::sidebar
