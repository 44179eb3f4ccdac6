// French (fr) texts of the Function Wizard and the sidebar, one entry per message of
// ui_text.hpp. A missing entry falls back to English; tests/lang checks that none is missing.
// Decimal separators and period labels in examples follow the language's usual settings.
#include "catalog.hpp"

namespace kpitree::lang::detail {

// clang-format off
const Entry fr_entries[] = {
    {Msg::fn_check, "Vérifie que parent = f(enfants) dans chaque période. Par ligne : OK, MISMATCH (nombre de périodes, pire période et son résidu), LEAF, NODATA ou ERROR avec la raison."},
    {Msg::fn_expected, "La valeur que chaque parent devrait avoir d'après ses enfants (f(enfants)), par ligne et par période ; vide pour les lignes sans enfants arithmétiques."},
    {Msg::fn_residual, "Valeur réelle moins valeur attendue, par ligne et par période ; vide là où elle n'est pas définie."},
    {Msg::fn_lint, "Liste les problèmes d'un tableau d'arbre, un par ligne, chacun commençant par ERROR, WARN ou INFO ; OK s'il n'y a rien à signaler."},
    {Msg::fn_granger, "Test de Granger : p-valeur du test F indiquant si les valeurs passées de la cause aident à prédire l'effet au décalage donné (ssr_ftest de statsmodels). Err:523 si le test n'est pas défini (trop peu de points, série constante)."},
    {Msg::fn_padjust, "Ajuste des p-valeurs pour le test simultané de plusieurs hypothèses (multipletests de statsmodels) ; même forme que l'entrée, les cellules vides restent vides."},
    {Msg::fn_causal, "Teste chaque lien d'hypothèse (~) sur les données : SUPPORTED, UNSUPPORTED ou INSUFFICIENT avec les preuves (décalage, périodes, p, p ajustée) ; IDENTITY pour les liens arithmétiques ; vide pour les KGI."},
    {Msg::fn_contrib, "La contribution de chaque KPI à la variation de son KGI entre deux périodes ; les contributions des enfants d'un parent s'additionnent pour donner celle du parent."},
    {Msg::fn_target, "La valeur que chaque KPI doit atteindre pour que son KGI atteigne l'objectif, reproduit exactement par l'arithmétique de l'arbre ; l'effort est réparti également entre les liens."},
    {Msg::fn_rollup, "Agrège les valeurs sur des périodes plus longues (p. ex. mois en trimestres) : les flux sont additionnés, les stocks prennent la dernière valeur, les ratios sont recalculés à partir de leurs composantes agrégées, jamais moyennés."},
    {Msg::fn_elasticity, "La variation en % du KGI pour une variation de 1 % de chaque KPI, tous les autres restant fixes."},
    {Msg::arg_tree, "Le tableau de l'arbre : Nom, Parent, Lien (+ - * / ~), puis une colonne par période, de la plus ancienne à la plus récente ; ligne d'en-tête facultative."},
    {Msg::arg_check_tolerance, "Facultatif : écart |réel - attendu| admis, relatif à la valeur attendue, p. ex. 0,005 pour 0,5 %. Par défaut : le seul bruit de calcul en virgule flottante."},
    {Msg::arg_node, "Facultatif : le nom d'un KPI ; le résultat est alors la seule ligne de ce KPI, pour une simple colonne recopiée vers le bas."},
    {Msg::arg_granger_effect, "La série à prédire (p. ex. le KPI parent) : une ligne ou une colonne de nombres, de la plus ancienne à la plus récente, sans cellule vide."},
    {Msg::arg_granger_cause, "Le facteur supposé : autant de nombres que l'effet, pour les mêmes périodes dans le même ordre."},
    {Msg::arg_granger_lag, "Nombre de périodes passées utilisées (entier, au moins 1) ; les séries doivent compter plus de 3 × décalage + 1 valeurs."},
    {Msg::arg_granger_output, "Facultatif : \"p\" (par défaut) renvoie la p-valeur ; \"F\" renvoie F et les degrés de liberté du numérateur et du dénominateur sur une ligne de trois cellules."},
    {Msg::arg_padjust_pvalues, "Les p-valeurs : nombres de 0 à 1 dans une plage quelconque ; les cellules vides sont ignorées et non comptées."},
    {Msg::arg_padjust_method, "\"holm\" (taux d'erreur par famille), \"bh\" (taux de fausses découvertes de Benjamini-Hochberg) ou \"bonferroni\"."},
    {Msg::arg_causal_alpha, "Facultatif : seuil de signification de la p-valeur ajustée, entre 0 et 1. Par défaut 0,05."},
    {Msg::arg_causal_max_lag, "Facultatif : le plus grand décalage envisagé (entier de 1 à 100) ; le décalage est choisi d'après le seul historique du parent. Par défaut 4."},
    {Msg::arg_contrib_from_period, "La période de base : son numéro (1 = première colonne de valeurs) ou son libellé d'en-tête, p. ex. \"janv.\"."},
    {Msg::arg_contrib_to_period, "La période comparée : son numéro ou son libellé d'en-tête."},
    {Msg::arg_contrib_method, "Facultatif : décomposition des produits : \"lmdi\" (indice de Divisia à moyenne logarithmique, par défaut) ou \"shapley\". LMDI cède la place à Shapley là où une valeur est nulle ou négative."},
    {Msg::arg_target_kgi_target, "La valeur que le KGI doit atteindre."},
    {Msg::arg_period, "Facultatif : la période, par son numéro (1 = première colonne de valeurs) ou son libellé d'en-tête. Par défaut : la dernière période où le KGI a une valeur."},
    {Msg::arg_target_flex, "Facultatif : une plage de noms de KPI autorisés à varier (avec tout ce qui est en dessous) ; les autres gardent leur valeur. Par défaut : tous peuvent varier."},
    {Msg::arg_rollup_periods_per_bucket, "Nombre de périodes par regroupement, p. ex. 3 pour passer des mois aux trimestres ; le dernier regroupement peut être incomplet."},
    {Msg::arg_rollup_kinds, "Facultatif : une colonne alignée sur les lignes du tableau indiquant flow, stock ou ratio ; les cellules vides sont déduites de l'arbre."},
    {Msg::argname_tree, "arbre"},
    {Msg::argname_tolerance, "tolérance"},
    {Msg::argname_node, "nœud"},
    {Msg::argname_effect, "effet"},
    {Msg::argname_cause, "facteur"},
    {Msg::argname_lag, "décalage"},
    {Msg::argname_output, "sortie"},
    {Msg::argname_pvalues, "valeurs_p"},
    {Msg::argname_method, "méthode"},
    {Msg::argname_alpha, "seuil"},
    {Msg::argname_max_lag, "décalage_max"},
    {Msg::argname_from_period, "période_début"},
    {Msg::argname_to_period, "période_fin"},
    {Msg::argname_kgi_target, "objectif_kgi"},
    {Msg::argname_period, "période"},
    {Msg::argname_flex, "modifiables"},
    {Msg::argname_periods_per_bucket, "périodes_par_groupe"},
    {Msg::argname_kinds, "natures"},
    {Msg::hint_array_node, "Renvoie une ligne par ligne du tableau : sélectionnez autant de lignes à côté du tableau et validez avec Ctrl+Maj+Entrée, ou utilisez l'argument nœud pour un KPI par cellule."},
    {Msg::hint_array, "Renvoie une ligne par ligne du tableau : sélectionnez autant de lignes à côté du tableau et validez avec Ctrl+Maj+Entrée."},
    {Msg::panel_no_tree, "Aucun arbre de KPI ici. Placez le curseur dans un tableau d’arbre (nom, parent, lien, une colonne par période) ou sélectionnez-en un."},
    {Msg::panel_too_large, "La zone autour du curseur est trop grande pour un tableau d’arbre. Sélectionnez le tableau."},
    {Msg::panel_table_summary, "Tableau d’arbre %1 : %2 KPI"},
    {Msg::panel_findings, "Constats"},
    {Msg::panel_no_findings, "OK : aucun constat"},
    {Msg::panel_legend, "✔\u00a0identité\u00a0vérifiée   ✘\u00a0écart\n~✔\u00a0hypothèse\u00a0confirmée   ~✘\u00a0non\u00a0confirmée\n~?\u00a0non\u00a0testable   ⚠\u00a0erreur"},
    {Msg::panel_insert_check, "Insérer la colonne de contrôle"},
    {Msg::panel_insert_causal, "Insérer la colonne de causalité"},
    {Msg::panel_insert_contrib, "Insérer la colonne de contribution"},
    {Msg::panel_undo_insert, "Insertion d’une colonne KPI Tree"},
    {Msg::panel_need_two_periods, "Une contribution nécessite au moins deux périodes."},
};
// clang-format on

const std::span<const Entry> fr_texts = fr_entries;

} // namespace kpitree::lang::detail
