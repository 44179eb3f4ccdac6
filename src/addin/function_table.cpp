#include "function_table.hpp"

#include <algorithm>
#include <cctype>

namespace kpitree::addin {

const std::vector<FunctionInfo>& function_table() {
    // clang-format off
    static const std::vector<FunctionInfo> table{
        {"check", "KPI.CHECK", Msg::fn_check, {{"tree", Msg::arg_tree}, {"tolerance", Msg::arg_check_tolerance}, {"node", Msg::arg_node}}},
        {"expected", "KPI.EXPECTED", Msg::fn_expected, {{"tree", Msg::arg_tree}, {"node", Msg::arg_node}}},
        {"residual", "KPI.RESIDUAL", Msg::fn_residual, {{"tree", Msg::arg_tree}, {"node", Msg::arg_node}}},
        {"lint", "KPI.LINT", Msg::fn_lint, {{"tree", Msg::arg_tree}}},
        {"granger", "KPI.GRANGER", Msg::fn_granger, {{"effect", Msg::arg_granger_effect}, {"cause", Msg::arg_granger_cause}, {"lag", Msg::arg_granger_lag}, {"output", Msg::arg_granger_output}}},
        {"padjust", "KPI.PADJUST", Msg::fn_padjust, {{"pvalues", Msg::arg_padjust_pvalues}, {"method", Msg::arg_padjust_method}}},
        {"causal", "KPI.CAUSAL", Msg::fn_causal, {{"tree", Msg::arg_tree}, {"alpha", Msg::arg_causal_alpha}, {"max_lag", Msg::arg_causal_max_lag}, {"node", Msg::arg_node}}},
        {"contrib", "KPI.CONTRIB", Msg::fn_contrib, {{"tree", Msg::arg_tree}, {"from_period", Msg::arg_contrib_from_period}, {"to_period", Msg::arg_contrib_to_period}, {"method", Msg::arg_contrib_method}, {"node", Msg::arg_node}}},
        {"target", "KPI.TARGET", Msg::fn_target, {{"tree", Msg::arg_tree}, {"kgi_target", Msg::arg_target_kgi_target}, {"period", Msg::arg_period}, {"flex", Msg::arg_target_flex}, {"node", Msg::arg_node}}},
        {"rollup", "KPI.ROLLUP", Msg::fn_rollup, {{"tree", Msg::arg_tree}, {"periods_per_bucket", Msg::arg_rollup_periods_per_bucket}, {"kinds", Msg::arg_rollup_kinds}}},
        {"elasticity", "KPI.ELASTICITY", Msg::fn_elasticity, {{"tree", Msg::arg_tree}, {"period", Msg::arg_period}, {"node", Msg::arg_node}}},
    };
    // clang-format on
    return table;
}

const FunctionInfo* find_method(std::string_view method) {
    const auto& t = function_table();
    auto it = std::find_if(t.begin(), t.end(), [&](auto& f) { return f.method == method; });
    return it == t.end() ? nullptr : &*it;
}

const FunctionInfo* find_display(std::string_view display) {
    auto same = [](std::string_view a, std::string_view b) {
        return a.size() == b.size() &&
               std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
                   return std::toupper(static_cast<unsigned char>(x)) ==
                          std::toupper(static_cast<unsigned char>(y));
               });
    };
    const auto& t = function_table();
    auto it = std::find_if(t.begin(), t.end(), [&](auto& f) { return same(f.display, display); });
    return it == t.end() ? nullptr : &*it;
}

std::string wizard_text(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 4);
    for (char c : text) {
        out += c;
        if (c == '~')
            out += '~';
    }
    return out;
}

} // namespace kpitree::addin
