// Finnish (fi) texts of the Function Wizard and the sidebar, one entry per message of
// ui_text.hpp. A missing entry falls back to English; tests/lang checks that none is missing.
// Decimal separators and period labels in examples follow the language's usual settings.
#include "catalog.hpp"

namespace kpitree::lang::detail {

// clang-format off
const Entry fi_entries[] = {
    {Msg::fn_check, "Tarkistaa, että yläsolmu = f(alisolmut) pätee jokaisella jaksolla. Riveittäin: OK, MISMATCH (jaksojen määrä, pahin jakso ja sen jäännös), LEAF, NODATA tai ERROR syineen."},
    {Msg::fn_expected, "Arvo, joka kullakin yläsolmulla pitäisi olla alisolmujensa perusteella (f(alisolmut)), riveittäin ja jaksoittain; tyhjä riveillä, joilla ei ole aritmeettisia alisolmuja."},
    {Msg::fn_residual, "Toteutunut arvo miinus odotettu arvo riveittäin ja jaksoittain; tyhjä, missä sitä ei ole määritelty."},
    {Msg::fn_lint, "Luettelee puutaulukon ongelmat, yksi riviä kohden, kukin alkaen sanalla ERROR, WARN tai INFO; OK, jos huomautettavaa ei ole."},
    {Msg::fn_granger, "Grangerin testi: F-testin p-arvo sille, että syyn aiemmat arvot auttavat ennustamaan vaikutusta annetulla viiveellä (statsmodelsin ssr_ftest). Err:523, jos testi ei ole määritelty (liian vähän havaintoja, vakiosarja)."},
    {Msg::fn_padjust, "Korjaa p-arvot usean hypoteesin samanaikaista testaamista varten (statsmodelsin multipletests); tulos on syötteen muotoinen, tyhjät solut pysyvät tyhjinä."},
    {Msg::fn_causal, "Testaa jokaisen hypoteesilinkin (~) datalla: SUPPORTED, UNSUPPORTED tai INSUFFICIENT sekä näyttö (viive, jaksot, p, korjattu p); aritmeettisille linkeille IDENTITY; KGI:lle tyhjä."},
    {Msg::fn_contrib, "Kunkin KPI:n osuus KGI:nsä muutoksesta kahden jakson välillä; yläsolmun alisolmujen osuudet laskevat yhteen yläsolmun osuudeksi."},
    {Msg::fn_target, "Arvo, joka kunkin KPI:n on saavutettava, jotta KGI osuu tavoitteeseen; puun laskenta tuottaa tavoitteen täsmälleen, ja muutos jaetaan tasaisesti linkeille."},
    {Msg::fn_rollup, "Koostaa arvot pidemmille jaksoille (esim. kuukaudet vuosineljänneksiksi): virrat summataan, varannoista otetaan viimeinen arvo ja suhdeluvut lasketaan uudelleen koostetuista osista, ei koskaan keskiarvona."},
    {Msg::fn_elasticity, "KGI:n prosenttimuutos, kun KPI muuttuu 1 % ja muut pysyvät ennallaan."},
    {Msg::arg_tree, "Puutaulukko: nimi, yläsolmu, linkki (+ - * / ~) ja sitten yksi sarake kutakin jaksoa kohden vanhimmasta alkaen; otsikkorivi on valinnainen."},
    {Msg::arg_check_tolerance, "Valinnainen: sallittu |toteuma - odotettu| suhteessa odotettuun arvoon, esim. 0,005 = 0,5 %. Oletus: vain liukulukujen pyöristysvirhe."},
    {Msg::arg_node, "Valinnainen: yhden KPI:n nimi; tulos on silloin vain tämän KPI:n rivi, jolloin kaavan voi kopioida tavalliseen sarakkeeseen alaspäin."},
    {Msg::arg_granger_effect, "Ennustettava sarja (esim. ylempi KPI): yksi rivi tai sarake lukuja vanhimmasta alkaen, ei tyhjiä soluja."},
    {Msg::arg_granger_cause, "Oletettu selittäjä: yhtä monta lukua kuin vaikutuksessa, samoilta jaksoilta samassa järjestyksessä."},
    {Msg::arg_granger_lag, "Käytettävien aiempien jaksojen määrä (kokonaisluku, vähintään 1); sarjoissa on oltava enemmän kuin 3 × viive + 1 arvoa."},
    {Msg::arg_granger_output, "Valinnainen: \"p\" (oletus) palauttaa p-arvon; \"F\" palauttaa F-arvon sekä osoittajan ja nimittäjän vapausasteet kolmen solun rivinä."},
    {Msg::arg_padjust_pvalues, "P-arvot: lukuja väliltä 0–1 missä tahansa alueessa; tyhjät solut ohitetaan eikä niitä lasketa mukaan."},
    {Msg::arg_padjust_method, "\"holm\" (perhekohtainen virhetaso), \"bh\" (Benjamini–Hochbergin väärien löydösten osuus) tai \"bonferroni\"."},
    {Msg::arg_causal_alpha, "Valinnainen: korjatun p-arvon merkitsevyystaso väliltä 0–1. Oletus 0,05."},
    {Msg::arg_causal_max_lag, "Valinnainen: suurin tarkasteltava viive (kokonaisluku 1–100); viive valitaan yläsolmun oman historian perusteella. Oletus 4."},
    {Msg::arg_contrib_from_period, "Perusjakso: sen numero (1 = ensimmäinen arvosarake) tai otsikkorivin nimi, esim. \"tammi\"."},
    {Msg::arg_contrib_to_period, "Verrattava jakso: sen numero tai otsikkorivin nimi."},
    {Msg::arg_contrib_method, "Valinnainen: tulon jakotapa: \"lmdi\" (logaritminen keskiarvo-Divisia, oletus) tai \"shapley\". LMDI:n sijaan käytetään Shapleyta, jos jokin arvo on 0 tai negatiivinen."},
    {Msg::arg_target_kgi_target, "Arvo, johon KGI:n tulisi päästä."},
    {Msg::arg_period, "Valinnainen: jakso numerona (1 = ensimmäinen arvosarake) tai otsikkorivin nimenä. Oletus: KGI:n viimeisin jakso, jolla on arvo."},
    {Msg::arg_target_flex, "Valinnainen: alue KPI-nimiä, jotka saavat muuttua (kaikkine alempine solmuineen); muut pitävät arvonsa. Oletus: kaikki saavat muuttua."},
    {Msg::arg_rollup_periods_per_bucket, "Montako jaksoa muodostaa yhden koosteen, esim. 3 kuukausista vuosineljänneksiin; viimeinen kooste voi olla vajaa."},
    {Msg::arg_rollup_kinds, "Valinnainen: taulukon rivien kanssa rinnakkainen sarake, jossa flow, stock tai ratio; tyhjät päätellään puusta."},
    {Msg::argname_tree, "puu"},
    {Msg::argname_tolerance, "toleranssi"},
    {Msg::argname_node, "solmu"},
    {Msg::argname_effect, "vaikutus"},
    {Msg::argname_cause, "syy"},
    {Msg::argname_lag, "viive"},
    {Msg::argname_output, "tuloste"},
    {Msg::argname_pvalues, "p_arvot"},
    {Msg::argname_method, "menetelmä"},
    {Msg::argname_alpha, "alfa"},
    {Msg::argname_max_lag, "suurin_viive"},
    {Msg::argname_from_period, "alkujakso"},
    {Msg::argname_to_period, "loppujakso"},
    {Msg::argname_kgi_target, "kgi_tavoite"},
    {Msg::argname_period, "jakso"},
    {Msg::argname_flex, "joustavat"},
    {Msg::argname_periods_per_bucket, "jaksoja_ryhmässä"},
    {Msg::argname_kinds, "lajit"},
    {Msg::hint_array_node, "Palauttaa yhden rivin taulukon kutakin riviä kohden: valitse taulukon vierestä yhtä monta riviä ja syötä kaava näppäimillä Ctrl+Vaihto+Enter, tai käytä solmu-argumenttia, niin saat yhden KPI:n solua kohden."},
    {Msg::hint_array, "Palauttaa yhden rivin taulukon kutakin riviä kohden: valitse taulukon vierestä yhtä monta riviä ja syötä kaava näppäimillä Ctrl+Vaihto+Enter."},
    {Msg::panel_no_tree, "Tässä ei ole KPI-puuta. Vie kohdistin puutaulukkoon (nimi, yläsolmu, linkki, sarake kullekin jaksolle) tai valitse sellainen."},
    {Msg::panel_too_large, "Kohdistimen ympäristö on liian suuri puutaulukoksi. Valitse taulukko."},
    {Msg::panel_table_summary, "Puutaulukko %1: %2 KPI:tä"},
    {Msg::panel_findings, "Havainnot"},
    {Msg::panel_no_findings, "OK: ei havaintoja"},
    {Msg::panel_legend, "✔\u00a0identiteetti\u00a0pätee   ✘\u00a0ristiriita\n~✔\u00a0hypoteesi\u00a0tuettu   ~✘\u00a0ei\u00a0tuettu\n~?\u00a0ei\u00a0testattavissa   ⚠\u00a0virhe"},
    {Msg::panel_insert_check, "Lisää tarkistussarake"},
    {Msg::panel_insert_causal, "Lisää kausaalisarake"},
    {Msg::panel_insert_contrib, "Lisää vaikutussarake"},
    {Msg::panel_undo_insert, "KPI-puun sarakkeen lisäys"},
    {Msg::panel_need_two_periods, "Vaikutus vaatii vähintään kaksi jaksoa."},
};
// clang-format on

const std::span<const Entry> fi_texts = fi_entries;

} // namespace kpitree::lang::detail
