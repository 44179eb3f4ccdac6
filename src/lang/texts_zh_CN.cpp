// Simplified Chinese (zh-CN) texts of the Function Wizard and the sidebar, one entry per message of
// ui_text.hpp. A missing entry falls back to English; tests/lang checks that none is missing.
// Decimal separators and period labels in examples follow the language's usual settings.
#include "catalog.hpp"

namespace kpitree::lang::detail {

// clang-format off
const Entry zh_CN_entries[] = {
    {Msg::fn_check, "检查每个期间中 父项 = f(子项) 是否成立。每行返回 OK、MISMATCH（不一致的期间数、偏差最大的期间及其残差）、LEAF、NODATA 或带原因的 ERROR。"},
    {Msg::fn_expected, "按行和期间返回每个父项根据其子项应有的值（f(子项)）；没有算术子项的行为空。"},
    {Msg::fn_residual, "按行和期间返回实际值减去期望值；未定义处为空。"},
    {Msg::fn_lint, "列出树形表中的问题，每行一条，均以 ERROR、WARN 或 INFO 开头；没有问题时返回 OK。"},
    {Msg::fn_granger, "格兰杰因果检验：在给定滞后阶数下，原因序列的过去值是否有助于预测结果序列的 F 检验 p 值（与 statsmodels 的 ssr_ftest 相同）。检验无法定义时（数据点太少、序列为常数）返回 Err:523。"},
    {Msg::fn_padjust, "对同时检验多个假设的 p 值进行校正（与 statsmodels 的 multipletests 相同）；结果与输入形状相同，空单元格保持为空。"},
    {Msg::fn_causal, "用数据检验每个假设（~）链接：返回 SUPPORTED、UNSUPPORTED 或 INSUFFICIENT 以及证据（滞后、期间数、p 值、校正后 p 值）；算术链接为 IDENTITY；KGI 为空。"},
    {Msg::fn_contrib, "两个期间之间各 KPI 对其 KGI 变化的贡献；父项各子项的贡献之和等于父项的贡献。"},
    {Msg::fn_target, "为使 KGI 达到目标值，各 KPI 需要达到的值；通过树的运算精确复现目标值，所需变化在各链接之间均匀分配。"},
    {Msg::fn_rollup, "将数值汇总到更长的期间（例如从月度到季度）：流量求和，存量取期末值，比率根据汇总后的组成部分重新计算，绝不取平均。"},
    {Msg::fn_elasticity, "在其他 KPI 保持不变的情况下，各 KPI 变化 1% 时 KGI 的变化百分比。"},
    {Msg::arg_tree, "树形表：名称、父项、链接（+ - * / ~），然后每个期间一列，按时间从早到晚排列；可以有一行标题。"},
    {Msg::arg_check_tolerance, "可选：相对于期望值允许的 |实际值 - 期望值| 比例，例如 0.005 表示 0.5%。默认只容许浮点舍入误差。"},
    {Msg::arg_node, "可选：一个 KPI 的名称；此时只返回该 KPI 的那一行，便于在普通列中直接向下填充。"},
    {Msg::arg_granger_effect, "被预测的序列（例如父级 KPI）：一行或一列数值，按时间从早到晚，不能有空单元格。"},
    {Msg::arg_granger_cause, "假定的驱动因素：与结果序列期间相同、顺序相同、个数相同的数值。"},
    {Msg::arg_granger_lag, "使用的过去期间数（不小于 1 的整数）；序列的数值个数必须大于 3 × 滞后 + 1。"},
    {Msg::arg_granger_output, "可选：\"p\"（默认）返回 p 值；\"F\" 在一行三个单元格中返回 F 值、分子自由度和分母自由度。"},
    {Msg::arg_padjust_pvalues, "p 值：任意区域中 0 到 1 之间的数值；空单元格被跳过，也不计入个数。"},
    {Msg::arg_padjust_method, "\"holm\"（族错误率）、\"bh\"（Benjamini-Hochberg 错误发现率）或 \"bonferroni\"。"},
    {Msg::arg_causal_alpha, "可选：校正后 p 值的显著性水平，介于 0 和 1 之间。默认 0.05。"},
    {Msg::arg_causal_max_lag, "可选：考虑的最大滞后阶数（1 到 100 的整数）；滞后阶数根据父项自身的历史选择。默认 4。"},
    {Msg::arg_contrib_from_period, "基期：期间序号（1 = 第一个数值列）或标题中的标签，例如 \"1月\"。"},
    {Msg::arg_contrib_to_period, "比较期：期间序号或标题中的标签。"},
    {Msg::arg_contrib_method, "可选：乘积的分解方法：\"lmdi\"（对数平均迪氏指数，默认）或 \"shapley\"。存在 0 或负值时，LMDI 自动改用 Shapley。"},
    {Msg::arg_target_kgi_target, "KGI 应达到的目标值。"},
    {Msg::arg_period, "可选：期间，用序号（1 = 第一个数值列）或标题中的标签指定。默认：KGI 有数据的最近期间。"},
    {Msg::arg_target_flex, "可选：允许变动的 KPI 名称区域（包括其下级）；其余 KPI 保持原值。默认全部可以变动。"},
    {Msg::arg_rollup_periods_per_bucket, "每个汇总区间包含的期间数，例如从月度汇总为季度时为 3；最后一个区间可能不完整。"},
    {Msg::arg_rollup_kinds, "可选：与表格各行对齐的一列，填写 flow、stock 或 ratio；空单元格根据树结构推断。"},
    {Msg::argname_tree, "树"},
    {Msg::argname_tolerance, "容差"},
    {Msg::argname_node, "节点"},
    {Msg::argname_effect, "结果"},
    {Msg::argname_cause, "原因"},
    {Msg::argname_lag, "滞后"},
    {Msg::argname_output, "输出"},
    {Msg::argname_pvalues, "p值"},
    {Msg::argname_method, "方法"},
    {Msg::argname_alpha, "显著性水平"},
    {Msg::argname_max_lag, "最大滞后"},
    {Msg::argname_from_period, "起始期间"},
    {Msg::argname_to_period, "结束期间"},
    {Msg::argname_kgi_target, "KGI目标"},
    {Msg::argname_period, "期间"},
    {Msg::argname_flex, "可调KPI"},
    {Msg::argname_periods_per_bucket, "每组期数"},
    {Msg::argname_kinds, "类型"},
    {Msg::hint_array_node, "按表格的每一行返回一行：在表格旁选中同样多的行并按 Ctrl+Shift+Enter 输入，或使用节点参数在每个单元格中求一个 KPI。"},
    {Msg::hint_array, "按表格的每一行返回一行：在表格旁选中同样多的行并按 Ctrl+Shift+Enter 输入。"},
    {Msg::panel_no_tree, "此处没有 KPI 树。请将光标放在树表（名称、父项、链接、每期一列）中，或选择一个树表。"},
    {Msg::panel_too_large, "光标周围的区域太大，不是树表。请选择该表。"},
    {Msg::panel_table_summary, "树表 %1：%2 个 KPI"},
    {Msg::panel_findings, "检查结果"},
    {Msg::panel_no_findings, "OK：未发现问题"},
    {Msg::panel_legend, "✔\u00a0恒等式成立   ✘\u00a0不一致\n~✔\u00a0假设得到支持   ~✘\u00a0未获支持\n~?\u00a0无法检验   ⚠\u00a0错误"},
    {Msg::panel_insert_check, "插入检查列"},
    {Msg::panel_insert_causal, "插入因果检验列"},
    {Msg::panel_insert_contrib, "插入贡献列"},
    {Msg::panel_undo_insert, "插入 KPI 树列"},
    {Msg::panel_need_two_periods, "贡献分析至少需要两个期间。"},
};
// clang-format on

const std::span<const Entry> zh_CN_texts = zh_CN_entries;

} // namespace kpitree::lang::detail
