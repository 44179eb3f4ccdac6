#include "function_table.hpp"

#include <algorithm>
#include <cctype>

namespace kpitree::addin {

Language language_of(std::string_view language, std::string_view country) {
    if (language == "ja")
        return Language::ja;
    if (language == "zh" && country != "TW" && country != "HK" && country != "MO")
        return Language::zh_CN;
    if (language == "fi")
        return Language::fi;
    if (language == "fr")
        return Language::fr;
    return Language::en;
}

std::string_view Text::in(Language language) const {
    std::string_view t;
    switch (language) {
    case Language::ja:
        t = ja;
        break;
    case Language::zh_CN:
        t = zh_CN;
        break;
    case Language::fi:
        t = fi;
        break;
    case Language::fr:
        t = fr;
        break;
    case Language::en:
        break;
    }
    return t.empty() ? en : t;
}

namespace {

// Texts in the order en, ja, zh_CN, fi, fr. Decimal separators and period labels in the
// examples follow each language's usual spreadsheet settings.

const ArgumentInfo tree_argument{
    "tree",
    {"The tree table: Name, Parent, Link (+ - * / ~), then one column per period, oldest first; "
     "an optional header row.",
     "ツリー表：名前、親、リンク（+ - * / ~）、続いて期間ごとに 1 列（古い順）。先頭に見出し行が"
     "あっても構いません。",
     "树形表：名称、父项、链接（+ - * / "
     "~），然后每个期间一列，按时间从早到晚排列；可以有一行标题。",
     "Puutaulukko: nimi, yläsolmu, linkki (+ - * / ~) ja sitten yksi sarake kutakin jaksoa kohden "
     "vanhimmasta alkaen; otsikkorivi on valinnainen.",
     "Le tableau de l'arbre : Nom, Parent, Lien (+ - * / ~), puis une colonne par période, de la "
     "plus ancienne à la plus récente ; ligne d'en-tête facultative."}};

const ArgumentInfo node_argument{
    "node",
    {"Optional: the name of one KPI; the result is then that KPI's row only, for a plain "
     "fill-down column.",
     "省略可：KPI の名前を 1 つ指定すると、その KPI の行だけを返します（配列数式を使わずに下へ"
     "コピーする列向け）。",
     "可选：一个 KPI 的名称；此时只返回该 KPI 的那一行，便于在普通列中直接向下填充。",
     "Valinnainen: yhden KPI:n nimi; tulos on silloin vain tämän KPI:n rivi, jolloin kaavan voi "
     "kopioida tavalliseen sarakkeeseen alaspäin.",
     "Facultatif : le nom d'un KPI ; le résultat est alors la seule ligne de ce KPI, pour une "
     "simple colonne recopiée vers le bas."}};

ArgumentInfo period_argument(std::string_view name) {
    return {
        name,
        {"Optional: the period, by its number (1 = the first value column) or its header "
         "label. Default: the KGI's latest period with data.",
         "省略可：期間を番号（1 = 最初の値の列）または見出しのラベルで指定します。既定値は KGI に"
         "データがある最新の期間です。",
         "可选：期间，用序号（1 = 第一个数值列）或标题中的标签指定。默认：KGI 有数据的最近期间。",
         "Valinnainen: jakso numerona (1 = ensimmäinen arvosarake) tai otsikkorivin nimenä. "
         "Oletus: KGI:n viimeisin jakso, jolla on arvo.",
         "Facultatif : la période, par son numéro (1 = première colonne de valeurs) ou son "
         "libellé d'en-tête. Par défaut : la dernière période où le KGI a une valeur."}};
}

} // namespace

const std::vector<FunctionInfo>& function_table() {
    static const std::vector<FunctionInfo> table{
        {"check",
         "KPI.CHECK",
         {"Verifies parent = f(children) in every period. Per row: OK, MISMATCH (periods, worst "
          "period, residual), LEAF, NODATA or ERROR with the reason.",
          "各期間で 親 = f(子) が成り立つかを検証します。行ごとに OK、MISMATCH（不一致の期間数、"
          "最も大きくずれた期間とその残差）、LEAF、NODATA、または理由付きの ERROR を返します。",
          "检查每个期间中 父项 = f(子项) 是否成立。每行返回 OK、MISMATCH（不一致的期间数、偏差最大"
          "的期间及其残差）、LEAF、NODATA 或带原因的 ERROR。",
          "Tarkistaa, että yläsolmu = f(alisolmut) pätee jokaisella jaksolla. Riveittäin: OK, "
          "MISMATCH (jaksojen määrä, pahin jakso ja sen jäännös), LEAF, NODATA tai ERROR syineen.",
          "Vérifie que parent = f(enfants) dans chaque période. Par ligne : OK, MISMATCH (nombre "
          "de périodes, pire période et son résidu), LEAF, NODATA ou ERROR avec la raison."},
         {tree_argument,
          {"tolerance",
           {"Optional: allowed |actual - expected| relative to the expected value, e.g. 0.005 "
            "for 0.5%. Default: floating-point noise only.",
            "省略可：期待値に対する |実績 - 期待値| の許容割合（例：0.5% なら 0.005）。既定では"
            "浮動小数点の丸め誤差だけを許容します。",
            "可选：相对于期望值允许的 |实际值 - 期望值| 比例，例如 0.005 表示 0.5%。默认只容许"
            "浮点舍入误差。",
            "Valinnainen: sallittu |toteuma - odotettu| suhteessa odotettuun arvoon, esim. 0,005 "
            "= 0,5 %. Oletus: vain liukulukujen pyöristysvirhe.",
            "Facultatif : écart |réel - attendu| admis, relatif à la valeur attendue, p. ex. "
            "0,005 pour 0,5 %. Par défaut : le seul bruit de calcul en virgule flottante."}},
          node_argument}},
        {"expected",
         "KPI.EXPECTED",
         {"The value each parent should have from its children (f(children)), per row and "
          "period; empty for rows without arithmetic children.",
          "各親が子から計算される本来の値（f(子)）を行・期間ごとに返します。算術の子を持たない行は"
          "空欄です。",
          "按行和期间返回每个父项根据其子项应有的值（f(子项)）；没有算术子项的行为空。",
          "Arvo, joka kullakin yläsolmulla pitäisi olla alisolmujensa perusteella "
          "(f(alisolmut)), riveittäin ja jaksoittain; tyhjä riveillä, joilla ei ole "
          "aritmeettisia alisolmuja.",
          "La valeur que chaque parent devrait avoir d'après ses enfants (f(enfants)), par ligne "
          "et par période ; vide pour les lignes sans enfants arithmétiques."},
         {tree_argument, node_argument}},
        {"residual",
         "KPI.RESIDUAL",
         {"Actual minus expected value per row and period; empty where not defined.",
          "行・期間ごとの実績値と期待値の差（実績 - 期待値）。定義されない箇所は空欄です。",
          "按行和期间返回实际值减去期望值；未定义处为空。",
          "Toteutunut arvo miinus odotettu arvo riveittäin ja jaksoittain; tyhjä, missä sitä ei "
          "ole määritelty.",
          "Valeur réelle moins valeur attendue, par ligne et par période ; vide là où elle n'est "
          "pas définie."},
         {tree_argument, node_argument}},
        {"lint",
         "KPI.LINT",
         {"Lists the problems of a tree table, one per row, each starting ERROR, WARN or INFO; "
          "OK when there is nothing to report.",
          "ツリー表の問題点を 1 行に 1 件ずつ列挙します。各行は ERROR、WARN、INFO のいずれかで"
          "始まり、問題がなければ OK を返します。",
          "列出树形表中的问题，每行一条，均以 ERROR、WARN 或 INFO 开头；没有问题时返回 OK。",
          "Luettelee puutaulukon ongelmat, yksi riviä kohden, kukin alkaen sanalla ERROR, WARN "
          "tai INFO; OK, jos huomautettavaa ei ole.",
          "Liste les problèmes d'un tableau d'arbre, un par ligne, chacun commençant par ERROR, "
          "WARN ou INFO ; OK s'il n'y a rien à signaler."},
         {tree_argument}},
        {"granger",
         "KPI.GRANGER",
         {"Granger test: p-value of the F-test that past values of cause help predict effect at "
          "the given lag (statsmodels ssr_ftest). Err:523 where the test is undefined (too few "
          "points, constant series).",
          "グレンジャー因果性検定：原因の過去の値が、指定したラグで結果の予測に役立つかを調べる "
          "F 検定の p 値（statsmodels の ssr_ftest と同じ）。検定が定義できない場合（データ点の"
          "不足、一定の系列）は Err:523 になります。",
          "格兰杰因果检验：在给定滞后阶数下，原因序列的过去值是否有助于预测结果序列的 F 检验 p 值"
          "（与 statsmodels 的 ssr_ftest 相同）。检验无法定义时（数据点太少、序列为常数）返回 "
          "Err:523。",
          "Grangerin testi: F-testin p-arvo sille, että syyn aiemmat arvot auttavat ennustamaan "
          "vaikutusta annetulla viiveellä (statsmodelsin ssr_ftest). Err:523, jos testi ei ole "
          "määritelty (liian vähän havaintoja, vakiosarja).",
          "Test de Granger : p-valeur du test F indiquant si les valeurs passées de la cause "
          "aident à prédire l'effet au décalage donné (ssr_ftest de statsmodels). Err:523 si le "
          "test n'est pas défini (trop peu de points, série constante)."},
         {{"effect",
           {"The series to be predicted (e.g. the parent KPI): one row or column of numbers, "
            "oldest first, no empty cells.",
            "予測される側の系列（例：親 KPI）。数値の 1 行または 1 列で、古い順、空欄なし。",
            "被预测的序列（例如父级 KPI）：一行或一列数值，按时间从早到晚，不能有空单元格。",
            "Ennustettava sarja (esim. ylempi KPI): yksi rivi tai sarake lukuja vanhimmasta "
            "alkaen, ei tyhjiä soluja.",
            "La série à prédire (p. ex. le KPI parent) : une ligne ou une colonne de nombres, de "
            "la plus ancienne à la plus récente, sans cellule vide."}},
          {"cause",
           {"The supposed driver: as many numbers as effect, for the same periods in the same "
            "order.",
            "要因と考える系列：結果と同じ期間・同じ順序で、同じ個数の数値。",
            "假定的驱动因素：与结果序列期间相同、顺序相同、个数相同的数值。",
            "Oletettu selittäjä: yhtä monta lukua kuin vaikutuksessa, samoilta jaksoilta samassa "
            "järjestyksessä.",
            "Le facteur supposé : autant de nombres que l'effet, pour les mêmes périodes dans le "
            "même ordre."}},
          {"lag",
           {"Number of past periods used (a whole number, at least 1); the series need more than "
            "3 × lag + 1 values.",
            "使用する過去の期間数（1 以上の整数）。各系列に 3 × ラグ + 1 より多い値が必要です。",
            "使用的过去期间数（不小于 1 的整数）；序列的数值个数必须大于 3 × 滞后 + 1。",
            "Käytettävien aiempien jaksojen määrä (kokonaisluku, vähintään 1); sarjoissa on "
            "oltava enemmän kuin 3 × viive + 1 arvoa.",
            "Nombre de périodes passées utilisées (entier, au moins 1) ; les séries doivent "
            "compter plus de 3 × décalage + 1 valeurs."}},
          {"output",
           {"Optional: \"p\" (default) returns the p-value; \"F\" returns F and the numerator and "
            "denominator degrees of freedom in a row of three cells.",
            "省略可：\"p\"（既定）は p 値を、\"F\" は F 値・分子の自由度・分母の自由度を横 3 セル"
            "で返します。",
            "可选：\"p\"（默认）返回 p 值；\"F\" 在一行三个单元格中返回 F 值、分子自由度和分母"
            "自由度。",
            "Valinnainen: \"p\" (oletus) palauttaa p-arvon; \"F\" palauttaa F-arvon sekä "
            "osoittajan ja nimittäjän vapausasteet kolmen solun rivinä.",
            "Facultatif : \"p\" (par défaut) renvoie la p-valeur ; \"F\" renvoie F et les degrés "
            "de liberté du numérateur et du dénominateur sur une ligne de trois cellules."}}}},
        {"padjust",
         "KPI.PADJUST",
         {"Adjusts p-values for testing many hypotheses at once (statsmodels multipletests); same "
          "shape as the input, empty cells stay empty.",
          "多数の仮説を同時に検定したことを考慮して p 値を補正します（statsmodels の "
          "multipletests と同じ）。入力と同じ形で返し、空欄は空欄のままです。",
          "对同时检验多个假设的 p 值进行校正（与 statsmodels 的 multipletests 相同）；结果与输入"
          "形状相同，空单元格保持为空。",
          "Korjaa p-arvot usean hypoteesin samanaikaista testaamista varten (statsmodelsin "
          "multipletests); tulos on syötteen muotoinen, tyhjät solut pysyvät tyhjinä.",
          "Ajuste des p-valeurs pour le test simultané de plusieurs hypothèses (multipletests de "
          "statsmodels) ; même forme que l'entrée, les cellules vides restent vides."},
         {{"pvalues",
           {"The p-values: numbers from 0 to 1 in any range; empty cells are skipped and not "
            "counted.",
            "p 値：任意の範囲に入った 0～1 の数値。空欄は無視され、件数にも数えません。",
            "p 值：任意区域中 0 到 1 之间的数值；空单元格被跳过，也不计入个数。",
            "P-arvot: lukuja väliltä 0–1 missä tahansa alueessa; tyhjät solut ohitetaan eikä "
            "niitä lasketa mukaan.",
            "Les p-valeurs : nombres de 0 à 1 dans une plage quelconque ; les cellules vides sont "
            "ignorées et non comptées."}},
          {"method",
           {"\"holm\" (family-wise error rate), \"bh\" (Benjamini-Hochberg false discovery "
            "rate) or \"bonferroni\".",
            "\"holm\"（ファミリーワイズ誤り率）、\"bh\"（Benjamini-Hochberg 法の偽発見率）、"
            "または \"bonferroni\"。",
            "\"holm\"（族错误率）、\"bh\"（Benjamini-Hochberg 错误发现率）或 \"bonferroni\"。",
            "\"holm\" (perhekohtainen virhetaso), \"bh\" (Benjamini–Hochbergin väärien "
            "löydösten osuus) tai \"bonferroni\".",
            "\"holm\" (taux d'erreur par famille), \"bh\" (taux de fausses découvertes de "
            "Benjamini-Hochberg) ou \"bonferroni\"."}}}},
        {"causal",
         "KPI.CAUSAL",
         {"Tests each hypothesis (~) link on the data: SUPPORTED, UNSUPPORTED or INSUFFICIENT "
          "with the evidence (lag, periods, p, adjusted p); IDENTITY for arithmetic links; empty "
          "for KGIs.",
          "仮説（~）リンクをデータで検定し、SUPPORTED、UNSUPPORTED、INSUFFICIENT のいずれかと"
          "根拠（ラグ、期間数、p 値、補正後の p 値）を返します。算術リンクは IDENTITY、KGI は"
          "空欄です。",
          "用数据检验每个假设（~）链接：返回 SUPPORTED、UNSUPPORTED 或 INSUFFICIENT 以及证据"
          "（滞后、期间数、p 值、校正后 p 值）；算术链接为 IDENTITY；KGI 为空。",
          "Testaa jokaisen hypoteesilinkin (~) datalla: SUPPORTED, UNSUPPORTED tai INSUFFICIENT "
          "sekä näyttö (viive, jaksot, p, korjattu p); aritmeettisille linkeille IDENTITY; "
          "KGI:lle tyhjä.",
          "Teste chaque lien d'hypothèse (~) sur les données : SUPPORTED, UNSUPPORTED ou "
          "INSUFFICIENT avec les preuves (décalage, périodes, p, p ajustée) ; IDENTITY pour les "
          "liens arithmétiques ; vide pour les KGI."},
         {tree_argument,
          {"alpha",
           {"Optional: significance level for the adjusted p-value, between 0 and 1. Default "
            "0.05.",
            "省略可：補正後の p 値に対する有意水準（0 と 1 の間）。既定値は 0.05。",
            "可选：校正后 p 值的显著性水平，介于 0 和 1 之间。默认 0.05。",
            "Valinnainen: korjatun p-arvon merkitsevyystaso väliltä 0–1. Oletus 0,05.",
            "Facultatif : seuil de signification de la p-valeur ajustée, entre 0 et 1. Par "
            "défaut 0,05."}},
          {"max_lag",
           {"Optional: the largest lag considered (a whole number from 1 to 100); the lag is "
            "chosen from the parent's own history. Default 4.",
            "省略可：検討する最大ラグ（1～100 の整数）。ラグは親 KPI 自身の履歴から選ばれます。"
            "既定値は 4。",
            "可选：考虑的最大滞后阶数（1 到 100 的整数）；滞后阶数根据父项自身的历史选择。"
            "默认 4。",
            "Valinnainen: suurin tarkasteltava viive (kokonaisluku 1–100); viive valitaan "
            "yläsolmun oman historian perusteella. Oletus 4.",
            "Facultatif : le plus grand décalage envisagé (entier de 1 à 100) ; le décalage est "
            "choisi d'après le seul historique du parent. Par défaut 4."}},
          node_argument}},
        {"contrib",
         "KPI.CONTRIB",
         {"Each KPI's contribution to its KGI's change between two periods; the contributions "
          "of a parent's children add up to the parent's contribution.",
          "2 つの期間の間の KGI の変化に対する各 KPI の寄与度。親の子の寄与度を合計すると、"
          "親の寄与度に一致します。",
          "两个期间之间各 KPI 对其 KGI 变化的贡献；父项各子项的贡献之和等于父项的贡献。",
          "Kunkin KPI:n osuus KGI:nsä muutoksesta kahden jakson välillä; yläsolmun alisolmujen "
          "osuudet laskevat yhteen yläsolmun osuudeksi.",
          "La contribution de chaque KPI à la variation de son KGI entre deux périodes ; les "
          "contributions des enfants d'un parent s'additionnent pour donner celle du parent."},
         {tree_argument,
          {"from_period",
           {"The base period: its number (1 = the first value column) or its header label, e.g. "
            "\"Jan\".",
            "基準期間：期間番号（1 = 最初の値の列）または見出しのラベル（例：\"1月\"）。",
            "基期：期间序号（1 = 第一个数值列）或标题中的标签，例如 \"1月\"。",
            "Perusjakso: sen numero (1 = ensimmäinen arvosarake) tai otsikkorivin nimi, esim. "
            "\"tammi\".",
            "La période de base : son numéro (1 = première colonne de valeurs) ou son libellé "
            "d'en-tête, p. ex. \"janv.\"."}},
          {"to_period",
           {"The compared period: its number or its header label.",
            "比較する期間：期間番号または見出しのラベル。", "比较期：期间序号或标题中的标签。",
            "Verrattava jakso: sen numero tai otsikkorivin nimi.",
            "La période comparée : son numéro ou son libellé d'en-tête."}},
          {"method",
           {"Optional: how products are split: \"lmdi\" (log-mean Divisia, default) or "
            "\"shapley\". LMDI falls back to Shapley where a value is 0 or negative.",
            "省略可：積の分解方法。\"lmdi\"（対数平均ディビジア指数、既定）または \"shapley\"。"
            "値が 0 以下の箇所では LMDI の代わりに Shapley を使います。",
            "可选：乘积的分解方法：\"lmdi\"（对数平均迪氏指数，默认）或 \"shapley\"。存在 0 或"
            "负值时，LMDI 自动改用 Shapley。",
            "Valinnainen: tulon jakotapa: \"lmdi\" (logaritminen keskiarvo-Divisia, oletus) tai "
            "\"shapley\". LMDI:n sijaan käytetään Shapleyta, jos jokin arvo on 0 tai "
            "negatiivinen.",
            "Facultatif : décomposition des produits : \"lmdi\" (indice de Divisia à moyenne "
            "logarithmique, par défaut) ou \"shapley\". LMDI cède la place à Shapley là où une "
            "valeur est nulle ou négative."}},
          node_argument}},
        {"target",
         "KPI.TARGET",
         {"The value each KPI must reach for its KGI to hit the target, reproducing it exactly "
          "through the tree's arithmetic; the change is spread evenly over the links.",
          "KGI が目標値に達するために各 KPI が到達すべき値。ツリーの計算で目標値を正確に再現し、"
          "必要な変化はリンク間に均等に配分されます。",
          "为使 KGI 达到目标值，各 KPI 需要达到的值；通过树的运算精确复现目标值，所需变化在各"
          "链接之间均匀分配。",
          "Arvo, joka kunkin KPI:n on saavutettava, jotta KGI osuu tavoitteeseen; puun laskenta "
          "tuottaa tavoitteen täsmälleen, ja muutos jaetaan tasaisesti linkeille.",
          "La valeur que chaque KPI doit atteindre pour que son KGI atteigne l'objectif, "
          "reproduit exactement par l'arithmétique de l'arbre ; l'effort est réparti également "
          "entre les liens."},
         {tree_argument,
          {"kgi_target",
           {"The value the KGI should reach.", "KGI の目標値。", "KGI 应达到的目标值。",
            "Arvo, johon KGI:n tulisi päästä.", "La valeur que le KGI doit atteindre."}},
          period_argument("period"),
          {"flex",
           {"Optional: a range of KPI names that may move (with everything below them); the "
            "others keep their value. Default: all may move.",
            "省略可：変化してよい KPI 名の範囲（その下位の KPI も含む）。それ以外は現在の値の"
            "ままです。既定ではすべて変化できます。",
            "可选：允许变动的 KPI 名称区域（包括其下级）；其余 KPI 保持原值。默认全部可以变动。",
            "Valinnainen: alue KPI-nimiä, jotka saavat muuttua (kaikkine alempine solmuineen); "
            "muut pitävät arvonsa. Oletus: kaikki saavat muuttua.",
            "Facultatif : une plage de noms de KPI autorisés à varier (avec tout ce qui est en "
            "dessous) ; les autres gardent leur valeur. Par défaut : tous peuvent varier."}},
          node_argument}},
        {"rollup",
         "KPI.ROLLUP",
         {"Rolls values up to coarser periods (e.g. months to quarters): flows are summed, "
          "stocks take the last value, ratios are recomputed from their rolled-up parts, never "
          "averaged.",
          "値をより長い期間にまとめます（例：月次から四半期）。フローは合計、ストックは期末の値、"
          "比率はまとめた後の構成要素から再計算し、平均はとりません。",
          "将数值汇总到更长的期间（例如从月度到季度）：流量求和，存量取期末值，比率根据汇总后的"
          "组成部分重新计算，绝不取平均。",
          "Koostaa arvot pidemmille jaksoille (esim. kuukaudet vuosineljänneksiksi): virrat "
          "summataan, varannoista otetaan viimeinen arvo ja suhdeluvut lasketaan uudelleen "
          "koostetuista osista, ei koskaan keskiarvona.",
          "Agrège les valeurs sur des périodes plus longues (p. ex. mois en trimestres) : les "
          "flux sont additionnés, les stocks prennent la dernière valeur, les ratios sont "
          "recalculés à partir de leurs composantes agrégées, jamais moyennés."},
         {tree_argument,
          {"periods_per_bucket",
           {"How many periods form one bucket, e.g. 3 for months to quarters; the last bucket "
            "may be partial.",
            "1 つのまとまりに含める期間数（例：月次から四半期なら 3）。最後のまとまりは期間が"
            "足りないことがあります。",
            "每个汇总区间包含的期间数，例如从月度汇总为季度时为 3；最后一个区间可能不完整。",
            "Montako jaksoa muodostaa yhden koosteen, esim. 3 kuukausista vuosineljänneksiin; "
            "viimeinen kooste voi olla vajaa.",
            "Nombre de périodes par regroupement, p. ex. 3 pour passer des mois aux trimestres ; "
            "le dernier regroupement peut être incomplet."}},
          {"kinds",
           {"Optional: one column aligned with the table rows saying flow, stock or ratio; empty "
            "cells are inferred from the tree.",
            "省略可：表の行にそろえた 1 列で、flow、stock、ratio のいずれかを指定します。空欄は"
            "ツリーから推定します。",
            "可选：与表格各行对齐的一列，填写 flow、stock 或 ratio；空单元格根据树结构推断。",
            "Valinnainen: taulukon rivien kanssa rinnakkainen sarake, jossa flow, stock tai "
            "ratio; tyhjät päätellään puusta.",
            "Facultatif : une colonne alignée sur les lignes du tableau indiquant flow, stock ou "
            "ratio ; les cellules vides sont déduites de l'arbre."}}}},
        {"elasticity",
         "KPI.ELASTICITY",
         {"The % change of the KGI for a 1% change of each KPI, all others fixed.",
          "他の KPI を固定したまま、各 KPI が 1% 変化したときの KGI の変化率（%）。",
          "在其他 KPI 保持不变的情况下，各 KPI 变化 1% 时 KGI 的变化百分比。",
          "KGI:n prosenttimuutos, kun KPI muuttuu 1 % ja muut pysyvät ennallaan.",
          "La variation en % du KGI pour une variation de 1 % de chaque KPI, tous les autres "
          "restant fixes."},
         {tree_argument, period_argument("period"), node_argument}},
    };
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

} // namespace kpitree::addin
