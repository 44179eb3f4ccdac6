// Traditional Chinese (zh-TW) texts of the Function Wizard and the sidebar, one entry per message
// of ui_text.hpp. A missing entry falls back to English; tests/lang checks that none is missing.
// Decimal separators and period labels in examples follow the language's usual settings.
// Generated from texts_zh_CN.cpp by scripts/gen_zh_tw.py (OpenCC s2twp), reviewed by hand.
#include "catalog.hpp"

namespace kpitree::lang::detail {

// clang-format off
const Entry zh_TW_entries[] = {
    {Msg::fn_check, "檢查每個期間中 父項 = f(子項) 是否成立。每列傳回 OK、MISMATCH（不一致的期間數、偏差最大的期間及其殘差）、LEAF、NODATA 或帶原因的 ERROR。"},
    {Msg::fn_expected, "按列和期間傳回每個父項根據其子項應有的值（f(子項)）；沒有算術子項的列為空。"},
    {Msg::fn_residual, "按列和期間傳回實際值減去期望值；未定義處為空。"},
    {Msg::fn_lint, "列出樹形表中的問題，每列一條，均以 ERROR、WARN 或 INFO 開頭；沒有問題時傳回 OK。"},
    {Msg::fn_granger, "格蘭傑因果檢驗：在給定滯後階數下，原因序列的過去值是否有助於預測結果序列的 F 檢驗 p 值（與 statsmodels 的 ssr_ftest 相同）。檢驗無法定義時（資料點太少、序列為常數）傳回 Err:523。"},
    {Msg::fn_padjust, "對同時檢驗多個假設的 p 值進行校正（與 statsmodels 的 multipletests 相同）；結果與輸入形狀相同，空儲存格保持為空。"},
    {Msg::fn_causal, "用資料檢驗每個假設（~）連結：傳回 SUPPORTED、UNSUPPORTED 或 INSUFFICIENT 以及證據（滯後、期間數、p 值、校正後 p 值）；算術連結為 IDENTITY；KGI 為空。"},
    {Msg::fn_contrib, "兩個期間之間各 KPI 對其 KGI 變化的貢獻；父項各子項的貢獻之和等於父項的貢獻。"},
    {Msg::fn_target, "為使 KGI 達到目標值，各 KPI 需要達到的值；透過樹的運算精確復現目標值，所需變化在各連結之間均勻分配。"},
    {Msg::fn_rollup, "將數值彙總到更長的期間（例如從月度到季度）：流量求和，存量取期末值，比率根據彙總後的組成部分重新計算，絕不取平均。"},
    {Msg::fn_elasticity, "在其他 KPI 保持不變的情況下，各 KPI 變化 1% 時 KGI 的變化百分比。"},
    {Msg::arg_tree, "樹形表：名稱、父項、連結（+ - * / ~），然後每個期間一欄，按時間從早到晚排列；可以有一列標題。"},
    {Msg::arg_check_tolerance, "可選：相對於期望值允許的 |實際值 - 期望值| 比例，例如 0.005 表示 0.5%。預設只容許浮點舍入誤差。"},
    {Msg::arg_node, "可選：一個 KPI 的名稱；此時只傳回該 KPI 的那一列，便於在普通欄中直接向下填充。"},
    {Msg::arg_granger_effect, "被預測的序列（例如父級 KPI）：一列或一欄數值，按時間從早到晚，不能有空儲存格。"},
    {Msg::arg_granger_cause, "假定的驅動因素：與結果序列期間相同、順序相同、個數相同的數值。"},
    {Msg::arg_granger_lag, "使用的過去期間數（不小於 1 的整數）；序列的數值個數必須大於 3 × 滯後 + 1。"},
    {Msg::arg_granger_output, "可選：\"p\"（預設）傳回 p 值；\"F\" 在一列三個儲存格中傳回 F 值、分子自由度和分母自由度。"},
    {Msg::arg_padjust_pvalues, "p 值：任意區域中 0 到 1 之間的數值；空儲存格被跳過，也不計入個數。"},
    {Msg::arg_padjust_method, "\"holm\"（族錯誤率）、\"bh\"（Benjamini-Hochberg 錯誤發現率）或 \"bonferroni\"。"},
    {Msg::arg_causal_alpha, "可選：校正後 p 值的顯著性水平，介於 0 和 1 之間。預設 0.05。"},
    {Msg::arg_causal_max_lag, "可選：考慮的最大滯後階數（1 到 100 的整數）；滯後階數根據父項自身的歷史選擇。預設 4。"},
    {Msg::arg_contrib_from_period, "基期：期間序號（1 = 第一個數值欄）或標題中的標籤，例如 \"1月\"。"},
    {Msg::arg_contrib_to_period, "比較期：期間序號或標題中的標籤。"},
    {Msg::arg_contrib_method, "可選：乘積的分解方法：\"lmdi\"（對數平均迪氏指數，預設）或 \"shapley\"。存在 0 或負值時，LMDI 自動改用 Shapley。"},
    {Msg::arg_target_kgi_target, "KGI 應達到的目標值。"},
    {Msg::arg_period, "可選：期間，用序號（1 = 第一個數值欄）或標題中的標籤指定。預設：KGI 有資料的最近期間。"},
    {Msg::arg_target_flex, "可選：允許變動的 KPI 名稱區域（包括其下級）；其餘 KPI 保持原值。預設全部可以變動。"},
    {Msg::arg_rollup_periods_per_bucket, "每個彙總區間包含的期間數，例如從月度彙總為季度時為 3；最後一個區間可能不完整。"},
    {Msg::arg_rollup_kinds, "可選：與表格各列對齊的一欄，填寫 flow、stock 或 ratio；空儲存格根據樹結構推斷。"},
    {Msg::argname_tree, "樹"},
    {Msg::argname_tolerance, "容差"},
    {Msg::argname_node, "節點"},
    {Msg::argname_effect, "結果"},
    {Msg::argname_cause, "原因"},
    {Msg::argname_lag, "滯後"},
    {Msg::argname_output, "輸出"},
    {Msg::argname_pvalues, "p值"},
    {Msg::argname_method, "方法"},
    {Msg::argname_alpha, "顯著性水平"},
    {Msg::argname_max_lag, "最大滯後"},
    {Msg::argname_from_period, "起始期間"},
    {Msg::argname_to_period, "結束期間"},
    {Msg::argname_kgi_target, "KGI目標"},
    {Msg::argname_period, "期間"},
    {Msg::argname_flex, "可調KPI"},
    {Msg::argname_periods_per_bucket, "每組期數"},
    {Msg::argname_kinds, "類型"},
    {Msg::hint_array_node, "按表格的每一列傳回一列：在表格旁選取同樣多的列並按 Ctrl+Shift+Enter 輸入，或使用節點引數在每個儲存格中求一個 KPI。"},
    {Msg::hint_array, "按表格的每一列傳回一列：在表格旁選取同樣多的列並按 Ctrl+Shift+Enter 輸入。"},
    {Msg::panel_no_tree, "此處沒有 KPI 樹。請將游標放在樹表（名稱、父項、連結、每期一欄）中，或選擇一個樹表。"},
    {Msg::panel_too_large, "游標周圍的區域太大，不是樹表。請選擇該表。"},
    {Msg::panel_table_summary, "樹表 %1：%2 個 KPI"},
    {Msg::panel_findings, "檢查結果"},
    {Msg::panel_no_findings, "OK：未發現問題"},
    {Msg::panel_legend, "✔\u00a0恆等式成立   ✘\u00a0不一致\n~✔\u00a0假設得到支持   ~✘\u00a0未獲支持\n~?\u00a0無法檢驗   ⚠\u00a0錯誤"},
    {Msg::panel_insert_check, "插入檢查欄"},
    {Msg::panel_insert_causal, "插入因果檢驗欄"},
    {Msg::panel_insert_contrib, "插入貢獻欄"},
    {Msg::panel_undo_insert, "插入 KPI 樹欄"},
    {Msg::panel_need_two_periods, "貢獻分析至少需要兩個期間。"},
};
// clang-format on

const std::span<const Entry> zh_TW_texts = zh_TW_entries;

} // namespace kpitree::lang::detail
