// Japanese (ja) texts of the Function Wizard and the sidebar, one entry per message of
// ui_text.hpp. A missing entry falls back to English; tests/lang checks that none is missing.
// Decimal separators and period labels in examples follow the language's usual settings.
#include "catalog.hpp"

namespace kpitree::lang::detail {

// clang-format off
const Entry ja_entries[] = {
    {Msg::fn_check, "各期間で 親 = f(子) が成り立つかを検証します。行ごとに OK、MISMATCH（不一致の期間数、最も大きくずれた期間とその残差）、LEAF、NODATA、または理由付きの ERROR を返します。"},
    {Msg::fn_expected, "各親が子から計算される本来の値（f(子)）を行・期間ごとに返します。算術の子を持たない行は空欄です。"},
    {Msg::fn_residual, "行・期間ごとの実績値と期待値の差（実績 - 期待値）。定義されない箇所は空欄です。"},
    {Msg::fn_lint, "ツリー表の問題点を 1 行に 1 件ずつ列挙します。各行は ERROR、WARN、INFO のいずれかで始まり、問題がなければ OK を返します。"},
    {Msg::fn_granger, "グレンジャー因果性検定：原因の過去の値が、指定したラグで結果の予測に役立つかを調べる F 検定の p 値（statsmodels の ssr_ftest と同じ）。検定が定義できない場合（データ点の不足、一定の系列）は Err:523 になります。"},
    {Msg::fn_padjust, "多数の仮説を同時に検定したことを考慮して p 値を補正します（statsmodels の multipletests と同じ）。入力と同じ形で返し、空欄は空欄のままです。"},
    {Msg::fn_causal, "仮説（~）リンクをデータで検定し、SUPPORTED、UNSUPPORTED、INSUFFICIENT のいずれかと根拠（ラグ、期間数、p 値、補正後の p 値）を返します。算術リンクは IDENTITY、KGI は空欄です。"},
    {Msg::fn_contrib, "2 つの期間の間の KGI の変化に対する各 KPI の寄与度。親の子の寄与度を合計すると、親の寄与度に一致します。"},
    {Msg::fn_target, "KGI が目標値に達するために各 KPI が到達すべき値。ツリーの計算で目標値を正確に再現し、必要な変化はリンク間に均等に配分されます。"},
    {Msg::fn_rollup, "値をより長い期間にまとめます（例：月次から四半期）。フローは合計、ストックは期末の値、比率はまとめた後の構成要素から再計算し、平均はとりません。"},
    {Msg::fn_elasticity, "他の KPI を固定したまま、各 KPI が 1% 変化したときの KGI の変化率（%）。"},
    {Msg::arg_tree, "ツリー表：名前、親、リンク（+ - * / ~）、続いて期間ごとに 1 列（古い順）。先頭に見出し行があっても構いません。"},
    {Msg::arg_check_tolerance, "省略可：期待値に対する |実績 - 期待値| の許容割合（例：0.5% なら 0.005）。既定では浮動小数点の丸め誤差だけを許容します。"},
    {Msg::arg_node, "省略可：KPI の名前を 1 つ指定すると、その KPI の行だけを返します（配列数式を使わずに下へコピーする列向け）。"},
    {Msg::arg_granger_effect, "予測される側の系列（例：親 KPI）。数値の 1 行または 1 列で、古い順、空欄なし。"},
    {Msg::arg_granger_cause, "要因と考える系列：結果と同じ期間・同じ順序で、同じ個数の数値。"},
    {Msg::arg_granger_lag, "使用する過去の期間数（1 以上の整数）。各系列に 3 × ラグ + 1 より多い値が必要です。"},
    {Msg::arg_granger_output, "省略可：\"p\"（既定）は p 値を、\"F\" は F 値・分子の自由度・分母の自由度を横 3 セルで返します。"},
    {Msg::arg_padjust_pvalues, "p 値：任意の範囲に入った 0～1 の数値。空欄は無視され、件数にも数えません。"},
    {Msg::arg_padjust_method, "\"holm\"（ファミリーワイズ誤り率）、\"bh\"（Benjamini-Hochberg 法の偽発見率）、または \"bonferroni\"。"},
    {Msg::arg_causal_alpha, "省略可：補正後の p 値に対する有意水準（0 と 1 の間）。既定値は 0.05。"},
    {Msg::arg_causal_max_lag, "省略可：検討する最大ラグ（1～100 の整数）。ラグは親 KPI 自身の履歴から選ばれます。既定値は 4。"},
    {Msg::arg_contrib_from_period, "基準期間：期間番号（1 = 最初の値の列）または見出しのラベル（例：\"1月\"）。"},
    {Msg::arg_contrib_to_period, "比較する期間：期間番号または見出しのラベル。"},
    {Msg::arg_contrib_method, "省略可：積の分解方法。\"lmdi\"（対数平均ディビジア指数、既定）または \"shapley\"。値が 0 以下の箇所では LMDI の代わりに Shapley を使います。"},
    {Msg::arg_target_kgi_target, "KGI の目標値。"},
    {Msg::arg_period, "省略可：期間を番号（1 = 最初の値の列）または見出しのラベルで指定します。既定値は KGI にデータがある最新の期間です。"},
    {Msg::arg_target_flex, "省略可：変化してよい KPI 名の範囲（その下位の KPI も含む）。それ以外は現在の値のままです。既定ではすべて変化できます。"},
    {Msg::arg_rollup_periods_per_bucket, "1 つのまとまりに含める期間数（例：月次から四半期なら 3）。最後のまとまりは期間が足りないことがあります。"},
    {Msg::arg_rollup_kinds, "省略可：表の行にそろえた 1 列で、flow、stock、ratio のいずれかを指定します。空欄はツリーから推定します。"},
    {Msg::argname_tree, "ツリー"},
    {Msg::argname_tolerance, "許容誤差"},
    {Msg::argname_node, "ノード"},
    {Msg::argname_effect, "結果系列"},
    {Msg::argname_cause, "原因系列"},
    {Msg::argname_lag, "ラグ"},
    {Msg::argname_output, "出力"},
    {Msg::argname_pvalues, "p値"},
    {Msg::argname_method, "手法"},
    {Msg::argname_alpha, "有意水準"},
    {Msg::argname_max_lag, "最大ラグ"},
    {Msg::argname_from_period, "開始期間"},
    {Msg::argname_to_period, "終了期間"},
    {Msg::argname_kgi_target, "KGI目標"},
    {Msg::argname_period, "期間"},
    {Msg::argname_flex, "可変KPI"},
    {Msg::argname_periods_per_bucket, "期間数"},
    {Msg::argname_kinds, "種類"},
    {Msg::hint_array_node, "表の行ごとに 1 行を返します。表の隣に同じ行数を選択して Ctrl+Shift+Enter で入力するか、ノード引数で 1 つのセルに 1 つの KPI を求めてください。"},
    {Msg::hint_array, "表の行ごとに 1 行を返します。表の隣に同じ行数を選択して Ctrl+Shift+Enter で入力してください。"},
    {Msg::panel_no_tree, "ここには KPI ツリーがありません。ツリー表（名前、親、リンク、期間ごとの列）にカーソルを置くか、表を選択してください。"},
    {Msg::panel_too_large, "カーソル周辺の範囲がツリー表としては大きすぎます。表を選択してください。"},
    {Msg::panel_table_summary, "ツリー表 %1：KPI %2 件"},
    {Msg::panel_findings, "検出事項"},
    {Msg::panel_no_findings, "OK：問題は見つかりません"},
    {Msg::panel_legend, "✔\u00a0恒等式が成立   ✘\u00a0不一致\n~✔\u00a0仮説を支持   ~✘\u00a0支持されない\n~?\u00a0検定不可   ⚠\u00a0エラー"},
    {Msg::panel_insert_check, "チェック列を挿入"},
    {Msg::panel_insert_causal, "因果検定列を挿入"},
    {Msg::panel_insert_contrib, "寄与度列を挿入"},
    {Msg::panel_undo_insert, "KPI ツリー列の挿入"},
    {Msg::panel_need_two_periods, "寄与度には 2 期間以上が必要です。"},
};
// clang-format on

const std::span<const Entry> ja_texts = ja_entries;

} // namespace kpitree::lang::detail
