#include "function_table.hpp"

#include <algorithm>
#include <cctype>

namespace kpitree::addin {

const std::vector<FunctionInfo>& function_table() {
    // clang-format off
    static const std::vector<FunctionInfo> table{
        {"check", "KPI.CHECK", Msg::fn_check, {{"tree", Msg::argname_tree, Msg::arg_tree}, {"tolerance", Msg::argname_tolerance, Msg::arg_check_tolerance}, {"node", Msg::argname_node, Msg::arg_node}}, Shape::rows},
        {"expected", "KPI.EXPECTED", Msg::fn_expected, {{"tree", Msg::argname_tree, Msg::arg_tree}, {"node", Msg::argname_node, Msg::arg_node}}, Shape::rows},
        {"residual", "KPI.RESIDUAL", Msg::fn_residual, {{"tree", Msg::argname_tree, Msg::arg_tree}, {"node", Msg::argname_node, Msg::arg_node}}, Shape::rows},
        {"lint", "KPI.LINT", Msg::fn_lint, {{"tree", Msg::argname_tree, Msg::arg_tree}}, Shape::rows},
        {"granger", "KPI.GRANGER", Msg::fn_granger, {{"effect", Msg::argname_effect, Msg::arg_granger_effect}, {"cause", Msg::argname_cause, Msg::arg_granger_cause}, {"lag", Msg::argname_lag, Msg::arg_granger_lag}, {"output", Msg::argname_output, Msg::arg_granger_output}}, Shape::value},
        {"padjust", "KPI.PADJUST", Msg::fn_padjust, {{"pvalues", Msg::argname_pvalues, Msg::arg_padjust_pvalues}, {"method", Msg::argname_method, Msg::arg_padjust_method}}, Shape::value},
        {"causal", "KPI.CAUSAL", Msg::fn_causal, {{"tree", Msg::argname_tree, Msg::arg_tree}, {"alpha", Msg::argname_alpha, Msg::arg_causal_alpha}, {"max_lag", Msg::argname_max_lag, Msg::arg_causal_max_lag}, {"node", Msg::argname_node, Msg::arg_node}}, Shape::rows},
        {"contrib", "KPI.CONTRIB", Msg::fn_contrib, {{"tree", Msg::argname_tree, Msg::arg_tree}, {"from_period", Msg::argname_from_period, Msg::arg_contrib_from_period}, {"to_period", Msg::argname_to_period, Msg::arg_contrib_to_period}, {"method", Msg::argname_method, Msg::arg_contrib_method}, {"node", Msg::argname_node, Msg::arg_node}, {"tolerance", Msg::argname_tolerance, Msg::arg_contrib_tolerance}}, Shape::rows},
        {"target", "KPI.TARGET", Msg::fn_target, {{"tree", Msg::argname_tree, Msg::arg_tree}, {"kgi_target", Msg::argname_kgi_target, Msg::arg_target_kgi_target}, {"period", Msg::argname_period, Msg::arg_period}, {"flex", Msg::argname_flex, Msg::arg_target_flex}, {"node", Msg::argname_node, Msg::arg_node}, {"kgi", Msg::argname_kgi, Msg::arg_target_kgi}}, Shape::rows},
        {"rollup", "KPI.ROLLUP", Msg::fn_rollup, {{"tree", Msg::argname_tree, Msg::arg_tree}, {"periods_per_bucket", Msg::argname_periods_per_bucket, Msg::arg_rollup_periods_per_bucket}, {"kinds", Msg::argname_kinds, Msg::arg_rollup_kinds}}, Shape::rows},
        {"elasticity", "KPI.ELASTICITY", Msg::fn_elasticity, {{"tree", Msg::argname_tree, Msg::arg_tree}, {"period", Msg::argname_period, Msg::arg_period}, {"node", Msg::argname_node, Msg::arg_node}}, Shape::rows},
        {"variance", "KPI.VARIANCE", Msg::fn_variance, {{"tree", Msg::argname_tree, Msg::arg_tree}, {"plan", Msg::argname_plan, Msg::arg_variance_plan}, {"period", Msg::argname_period, Msg::arg_variance_period}, {"node", Msg::argname_node, Msg::arg_node}}, Shape::rows},
        {"whatif", "KPI.WHATIF", Msg::fn_whatif, {{"tree", Msg::argname_tree, Msg::arg_tree}, {"changes", Msg::argname_changes, Msg::arg_whatif_changes}, {"period", Msg::argname_period, Msg::arg_period}, {"node", Msg::argname_node, Msg::arg_node}}, Shape::rows},
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

std::string wizard_description(const FunctionInfo& function, Language language) {
    std::string text(lang::text(function.description, language));
    if (function.shape == Shape::rows) {
        const bool has_node = std::any_of(function.arguments.begin(), function.arguments.end(),
                                          [](const ArgumentInfo& a) { return a.name == "node"; });
        text += ' ';
        text += lang::text(has_node ? Msg::hint_array_node : Msg::hint_array, language);
    }
    return wizard_text(text);
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
