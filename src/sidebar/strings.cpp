#include "strings.hpp"

#include <array>
#include <cctype>
#include <cstddef>
#include <iterator>

namespace kpitree::sidebar {

namespace {

constexpr std::array<std::string_view, 5> languages = {"en", "ja", "zh-CN", "fi", "fr"};

struct Row {
    Text id;
    std::array<std::string_view, languages.size()> texts; // languages order
};

// clang-format off
// The legend keeps each mark with its words (no-break spaces), so it wraps between items only.
constexpr Row table[] = {
    {Text::no_tree, {
        "No KPI tree here. Put the cursor in a tree table (Name, Parent, Link, one column per period) or select one.",
        "ここには KPI ツリーがありません。ツリー表（名前、親、リンク、期間ごとの列）にカーソルを置くか、表を選択してください。",
        "此处没有 KPI 树。请将光标放在树表（名称、父项、链接、每期一列）中，或选择一个树表。",
        "Tässä ei ole KPI-puuta. Vie kohdistin puutaulukkoon (nimi, yläsolmu, linkki, sarake kullekin jaksolle) tai valitse sellainen.",
        "Aucun arbre de KPI ici. Placez le curseur dans un tableau d’arbre (nom, parent, lien, une colonne par période) ou sélectionnez-en un."}},
    {Text::too_large, {
        "The region around the cursor is too large for a tree table. Select the table.",
        "カーソル周辺の範囲がツリー表としては大きすぎます。表を選択してください。",
        "光标周围的区域太大，不是树表。请选择该表。",
        "Kohdistimen ympäristö on liian suuri puutaulukoksi. Valitse taulukko.",
        "La zone autour du curseur est trop grande pour un tableau d’arbre. Sélectionnez le tableau."}},
    {Text::table_summary, {
        "Tree table %1: %2 KPIs",
        "ツリー表 %1：KPI %2 件",
        "树表 %1：%2 个 KPI",
        "Puutaulukko %1: %2 KPI:tä",
        "Tableau d’arbre %1 : %2 KPI"}},
    {Text::findings, {
        "Findings",
        "検出事項",
        "检查结果",
        "Havainnot",
        "Constats"}},
    {Text::no_findings, {
        "OK: no findings",
        "OK：問題は見つかりません",
        "OK：未发现问题",
        "OK: ei havaintoja",
        "OK : aucun constat"}},
    {Text::legend, {
        "✔\u00a0identity\u00a0holds   ✘\u00a0mismatch\n~✔\u00a0hypothesis\u00a0supported   ~✘\u00a0unsupported\n~?\u00a0not\u00a0testable   ⚠\u00a0error",
        "✔\u00a0恒等式が成立   ✘\u00a0不一致\n~✔\u00a0仮説を支持   ~✘\u00a0支持されない\n~?\u00a0検定不可   ⚠\u00a0エラー",
        "✔\u00a0恒等式成立   ✘\u00a0不一致\n~✔\u00a0假设得到支持   ~✘\u00a0未获支持\n~?\u00a0无法检验   ⚠\u00a0错误",
        "✔\u00a0identiteetti\u00a0pätee   ✘\u00a0ristiriita\n~✔\u00a0hypoteesi\u00a0tuettu   ~✘\u00a0ei\u00a0tuettu\n~?\u00a0ei\u00a0testattavissa   ⚠\u00a0virhe",
        "✔\u00a0identité\u00a0vérifiée   ✘\u00a0écart\n~✔\u00a0hypothèse\u00a0confirmée   ~✘\u00a0non\u00a0confirmée\n~?\u00a0non\u00a0testable   ⚠\u00a0erreur"}},
    {Text::insert_check, {
        "Insert check column",
        "チェック列を挿入",
        "插入检查列",
        "Lisää tarkistussarake",
        "Insérer la colonne de contrôle"}},
    {Text::insert_causal, {
        "Insert causal column",
        "因果検定列を挿入",
        "插入因果检验列",
        "Lisää kausaalisarake",
        "Insérer la colonne de causalité"}},
    {Text::insert_contrib, {
        "Insert contribution column",
        "寄与度列を挿入",
        "插入贡献列",
        "Lisää vaikutussarake",
        "Insérer la colonne de contribution"}},
    {Text::undo_insert, {
        "Insert KPI Tree column",
        "KPI ツリー列の挿入",
        "插入 KPI 树列",
        "KPI-puun sarakkeen lisäys",
        "Insertion d’une colonne KPI Tree"}},
    {Text::need_two_periods, {
        "A contribution needs at least two periods.",
        "寄与度には 2 期間以上が必要です。",
        "贡献分析至少需要两个期间。",
        "Vaikutus vaatii vähintään kaksi jaksoa.",
        "Une contribution nécessite au moins deux périodes."}},
};
// clang-format on

static_assert(std::size(table) == static_cast<std::size_t>(Text::count),
              "one row per Text, in enum order");

constexpr bool rows_in_order() {
    for (std::size_t i = 0; i < std::size(table); ++i)
        if (static_cast<std::size_t>(table[i].id) != i)
            return false;
    return true;
}
static_assert(rows_in_order(), "table rows must follow the Text enum order");

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

} // namespace

std::string_view ui_language(std::string_view locale) {
    const std::string l = lower(locale);
    const std::string primary = l.substr(0, l.find_first_of("-_"));
    if (primary == "ja")
        return "ja";
    if (primary == "zh")
        return "zh-CN"; // the one Chinese table we have (Simplified)
    if (primary == "fi")
        return "fi";
    if (primary == "fr")
        return "fr";
    return "en";
}

std::string_view text(Text id, std::string_view language) {
    const auto index = static_cast<std::size_t>(id);
    if (index >= std::size(table))
        return {};
    for (std::size_t i = 0; i < languages.size(); ++i)
        if (languages[i] == language)
            return table[index].texts[i];
    return table[index].texts[0];
}

std::string format(std::string_view pattern, std::string_view arg1, std::string_view arg2) {
    std::string out;
    out.reserve(pattern.size() + arg1.size() + arg2.size());
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '%' && i + 1 < pattern.size() &&
            (pattern[i + 1] == '1' || pattern[i + 1] == '2')) {
            out += pattern[i + 1] == '1' ? arg1 : arg2;
            ++i;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

} // namespace kpitree::sidebar
