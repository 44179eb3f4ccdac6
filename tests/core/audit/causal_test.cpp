#include "audit/causal_model.hpp"
#include "kpitree/audit/causal.hpp"
#include "kpitree/model/tree.hpp"
#include "kpitree/stats/granger.hpp"
#include "kpitree/stats/padjust.hpp"
#include "reference.hpp"

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <gtest/gtest.h>
#include <iostream>
#include <numbers>
#include <random>
#include <span>
#include <sstream>
#include <string>
#include <vector>

namespace kpitree {
namespace {

Series to_series(const std::vector<double>& v) {
    Series s;
    for (double x : v)
        s.push_back(std::isnan(x) ? std::nullopt : std::optional<double>(x));
    return s;
}

std::vector<Cell> row(const char* name, const char* parent, const char* link,
                      const std::vector<double>& values) {
    std::vector<Cell> r;
    for (const char* text : {name, parent, link})
        r.emplace_back(std::in_place_type<std::string>, text);
    for (double v : values) {
        if (std::isnan(v))
            r.emplace_back(std::in_place_type<Empty>);
        else
            r.emplace_back(std::in_place_type<double>, v);
    }
    return r;
}

// Standard normal draws from a fixed engine, so every run sees the same numbers.
struct Sim {
    std::mt19937_64 engine{20260601};
    std::normal_distribution<double> normal{0.0, 1.0};
    double operator()() { return normal(engine); }
};

TEST(Causal, MinimumPeriods) {
    // Two years of months at least; longer lags need 3 lag + 15 periods.
    EXPECT_EQ(causal_min_periods(1), 24u);
    EXPECT_EQ(causal_min_periods(3), 24u);
    EXPECT_EQ(causal_min_periods(4), 27u);
    EXPECT_EQ(causal_min_periods(0), 24u);
}

TEST(Causal, UnitRootTestEdgeCases) {
    const std::vector<double> flat(20, 4.0);
    EXPECT_FALSE(unit_root_test(flat, 0).computed);
    EXPECT_FALSE(unit_root_test(flat, 0).stable());
    const std::vector<double> line = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}; // perfect fit
    EXPECT_FALSE(unit_root_test(line, 1).computed);
    const std::vector<double> tiny = {1, 3, 2};
    EXPECT_FALSE(unit_root_test(tiny, 0).computed);
    Sim sim;
    std::vector<double> noise(40);
    for (double& v : noise)
        v = sim();
    const UnitRootTest r = unit_root_test(noise, -1); // lags < 0 count as 0
    EXPECT_EQ(r.lags, 0);
    EXPECT_EQ(r.n_used, 39u);
    EXPECT_DOUBLE_EQ(r.critical, adf_critical_5pct(39));
    EXPECT_TRUE(r.stable()) << r.t; // white noise: the unit root is rejected
    EXPECT_NEAR(adf_critical_5pct(1000000), -2.86154, 1e-5);
}

TEST(Causal, LagAugmentedGrangerWithoutExtraLagsIsTheGrangerTest) {
    Sim sim;
    std::vector<double> e(30), c(30);
    for (std::size_t t = 0; t < e.size(); ++t) {
        c[t] = sim();
        e[t] = (t > 0 ? 0.4 * c[t - 1] : 0.0) + sim();
    }
    for (int lag = 1; lag <= 3; ++lag) {
        const GrangerResult plain = granger_test(e, c, lag);
        const GrangerResult same = granger_test_augmented(e, c, lag, 0);
        ASSERT_TRUE(plain.ok() && same.ok());
        EXPECT_DOUBLE_EQ(plain.test->p_ftest, same.test->p_ftest);
        const GrangerResult aug = granger_test_augmented(e, c, lag, 1);
        ASSERT_TRUE(aug.ok());
        EXPECT_EQ(aug.test->df_num, lag);
        EXPECT_EQ(aug.test->df_den, static_cast<int>(30 - (lag + 1)) - 2 * (lag + 1) - 1);
    }
    const std::vector<double> flat(30, 2.0);
    EXPECT_EQ(granger_test_augmented(e, flat, 1, 1).problem, GrangerProblem::constant_series);
    EXPECT_EQ(granger_test_augmented(e, c, 1, -1).problem, GrangerProblem::invalid_lag);
    EXPECT_EQ(granger_test_augmented(std::span(e).first(6), std::span(c).first(6), 1, 1).problem,
              GrangerProblem::too_few_points);
}

TEST(Causal, TooFewPeriodsIsInsufficientAndSaysHowManyAreNeeded) {
    const Series e = {1, 2, 3, 2, 4, 5, 4}, c = {3, 1, 4, 1, 5, 9, 2};
    const CausalEvidence ev = causal_evidence(e, c);
    EXPECT_FALSE(ev.tested);
    EXPECT_EQ(ev.periods, 7u);
    EXPECT_EQ(ev.reason, "7 periods, needs 24");
}

TEST(Causal, ConstantCauseIsInsufficientNotAnException) {
    Sim sim;
    Series e, c;
    for (int t = 0; t < 30; ++t) {
        e.push_back(sim());
        c.push_back(5.0);
    }
    const CausalEvidence ev = causal_evidence(e, c);
    EXPECT_FALSE(ev.tested);
    EXPECT_NE(ev.reason.find("constant"), std::string::npos) << ev.reason;
}

// Two independent series that both grow ~5% a period: a Granger test on the levels calls
// the link significant (spurious regression); the policy, on growth rates, does not.
TEST(Causal, CommonTrendAloneIsNotSupport) {
    Sim sim;
    std::vector<double> e, c;
    double le = std::log(100.0), lc = std::log(40.0);
    for (int t = 0; t < 36; ++t) {
        le += 0.05 + 0.01 * sim();
        lc += 0.05 + 0.01 * sim();
        e.push_back(std::exp(le) + 0.5 * t * t); // plus a smooth acceleration
        c.push_back(std::exp(lc));
    }
    const GrangerResult levels = granger_test(e, c, 1);
    ASSERT_TRUE(levels.ok());
    const CausalEvidence ev = causal_evidence(to_series(e), to_series(c));
    ASSERT_TRUE(ev.tested);
    EXPECT_GT(*ev.p, 0.05);
    EXPECT_LT(levels.test->p_ftest, *ev.p);
}

Grid example_table(Sim& sim) {
    // Sales = Deals x AOV; Leads ~> Deals (a true lag-1 driver), Ads ~> Sales and
    // Weather ~> Deals (noise); Broken has a text value.
    const int n = 36;
    std::vector<double> leads(n), deals(n), aov(n), sales(n), ads(n), weather(n), broken(n);
    double level = 100.0;
    for (int t = 0; t < n; ++t) {
        leads[t] = 500.0 + 50.0 * sim();
        level = 100.0 + (t > 0 ? 0.3 * (leads[t - 1] - 500.0) : 0.0) + 3.0 * sim();
        deals[t] = level;
        aov[t] = 2000.0 + 20.0 * sim();
        sales[t] = deals[t] * aov[t];
        ads[t] = 1000.0 + 100.0 * sim();
        weather[t] = 20.0 + 5.0 * sim();
        broken[t] = t;
    }
    std::vector<std::vector<Cell>> rows;
    std::vector<Cell> header;
    for (const char* text : {"Name", "Parent", "Link"})
        header.emplace_back(std::in_place_type<std::string>, text);
    for (int t = 0; t < n; ++t) {
        std::string label = "m";
        label += std::to_string(t + 1);
        header.push_back(label);
    }
    rows.push_back(header);
    rows.push_back(row("Sales", "", "", sales));
    rows.push_back(row("Deals", "Sales", "*", deals));
    rows.push_back(row("AOV", "Sales", "*", aov));
    rows.push_back(row("Leads", "Deals", "~", leads));
    rows.push_back(row("Ads", "Sales", "~", ads));
    rows.push_back(row("Weather", "Deals", "~", weather));
    std::vector<double> few(n, std::nan(""));
    for (int t = n - 8; t < n; ++t)
        few[t] = 10.0 + t % 3;
    rows.push_back(row("Webinars", "Deals", "~", few));
    auto bad = row("Broken", "Deals", "~", broken);
    bad[5] = std::string("n/a");
    rows.push_back(bad);
    return Grid::from_rows(rows);
}

// Guards the sparse form the audit uses (no 36 MB block at 100,000 rows): exactly the ~ and
// error rows, each with the full form's text, and every row left out a root or an identity.
TEST(Causal, TheLinksFormHasTheHypothesisAndErrorRowsOfTheFullForm) {
    Sim sim;
    const Tree tree = read_tree(example_table(sim));
    const auto full = assess_causal(tree);
    const auto links = assess_causal_links(tree);
    std::size_t k = 0;
    for (std::size_t i = 0; i < tree.nodes.size(); ++i) {
        const bool listed = k < links.size() && links[k].first == i;
        const bool expected =
            full[i].kind == CausalKind::hypothesis || full[i].kind == CausalKind::error;
        EXPECT_EQ(listed, expected) << tree.nodes[i].name;
        if (!listed)
            continue;
        const CausalResult& r = links[k++].second;
        EXPECT_EQ(r.kind, full[i].kind);
        EXPECT_EQ(r.verdict, full[i].verdict);
        EXPECT_EQ(r.adjusted_p, full[i].adjusted_p);
        EXPECT_EQ(causal_status_text(tree, r), causal_status_text(tree, full[i]));
    }
    EXPECT_EQ(k, links.size());
    EXPECT_GE(links.size(), 5u); // Leads, Ads, Weather, Webinars, Broken
}

TEST(Causal, TreeLevelKindsVerdictsAndHolmAcrossAllLinks) {
    Sim sim;
    const Tree tree = read_tree(example_table(sim));
    const auto results = assess_causal(tree);
    ASSERT_EQ(results.size(), tree.nodes.size());
    auto at = [&](const char* name) { return results[*tree.find(name)]; };
    EXPECT_EQ(at("Sales").kind, CausalKind::root);
    EXPECT_EQ(causal_status_text(tree, at("Sales")), "");
    EXPECT_EQ(at("Deals").kind, CausalKind::identity);
    EXPECT_EQ(causal_status_text(tree, at("AOV")), "IDENTITY");
    EXPECT_EQ(at("Broken").kind, CausalKind::error);
    EXPECT_EQ(causal_status_text(tree, at("Broken")).rfind("ERROR ", 0), 0u);

    const auto webinars = at("Webinars");
    EXPECT_EQ(webinars.verdict, CausalVerdict::insufficient);
    EXPECT_EQ(causal_status_text(tree, webinars), "INSUFFICIENT 8 periods, needs 24 (m29 to m36)");

    // Holm over the three tested links, in any order of rows.
    std::vector<double> raw;
    for (const char* name : {"Leads", "Ads", "Weather"}) {
        ASSERT_TRUE(at(name).evidence.tested) << name;
        raw.push_back(*at(name).evidence.p);
    }
    const auto holm = padjust(raw, PAdjustMethod::holm);
    int k = 0;
    for (const char* name : {"Leads", "Ads", "Weather"}) {
        const CausalResult r = at(name);
        EXPECT_EQ(r.family, 3u);
        EXPECT_DOUBLE_EQ(*r.adjusted_p, holm[k++]);
        EXPECT_EQ(r.verdict,
                  *r.adjusted_p < 0.05 ? CausalVerdict::supported : CausalVerdict::unsupported);
    }
    const CausalResult leads = at("Leads");
    EXPECT_EQ(leads.verdict, CausalVerdict::supported);
    const std::string text = causal_status_text(tree, leads);
    EXPECT_EQ(text.rfind("SUPPORTED lag ", 0), 0u) << text;
    EXPECT_NE(text.find("36 periods"), std::string::npos) << text;
    // Leads and Deals move around stable levels: tested on levels, not on growth rates.
    EXPECT_EQ(leads.evidence.transform, CausalTransform::levels);
    EXPECT_NE(text.find("(Holm, 3 links), on levels; positive effect; no reverse effect (p "),
              std::string::npos)
        << text;
    EXPECT_TRUE(text.ends_with("; controlled for trend")) << text;
    EXPECT_EQ(causal_status_text(tree, at("Weather")).rfind("UNSUPPORTED lag ", 0), 0u);
}

TEST(Causal, InvalidOptionsAreShownOnEveryHypothesisRow) {
    Sim sim;
    const Tree tree = read_tree(example_table(sim));
    CausalOptions bad;
    bad.max_lag = 0;
    const auto results = assess_causal(tree, bad);
    const CausalResult leads = results[*tree.find("Leads")];
    EXPECT_EQ(leads.kind, CausalKind::error);
    EXPECT_EQ(causal_status_text(tree, leads), "ERROR max_lag must be at least 1");
    EXPECT_EQ(results[*tree.find("AOV")].kind, CausalKind::identity);
    bad = CausalOptions{};
    bad.alpha = 1.5;
    EXPECT_TRUE(invalid_causal_options(bad));
}

TEST(Causal, StatusFormatWithSignReverseControlsAndPower) {
    CausalResult r;
    r.kind = CausalKind::hypothesis;
    r.verdict = CausalVerdict::supported;
    r.evidence.tested = true;
    r.evidence.lag = 1;
    r.evidence.periods = 36;
    r.evidence.p = 0.0004;
    r.evidence.sign = 1;
    r.evidence.reverse_p = 0.41;
    r.evidence.season_per_year = 12;
    r.evidence.controls.fourier = 1;
    r.adjusted_p = 0.0012;
    r.family = 3;
    EXPECT_EQ(causal_status_text(Tree{}, r),
              "SUPPORTED lag 1, 36 periods, p 0.0004, adj. p 0.0012 (Holm, 3 links), on "
              "differences; positive effect; no reverse effect (p 0.41); controlled for season, "
              "trend");
    r.family = 1;
    r.verdict = CausalVerdict::unsupported;
    r.evidence.p = 0.31234;
    r.adjusted_p = 0.31234;
    r.evidence.sign = -1;
    r.evidence.reverse_p = 0.003;
    r.evidence.controls = DeterministicTerms{};
    r.evidence.controls.spike = 11;
    r.evidence.controls.trend = 2;
    r.evidence.transform = CausalTransform::levels;
    r.power = 0.324;
    EXPECT_EQ(causal_status_text(Tree{}, r),
              "UNSUPPORTED lag 1, 36 periods, p 0.31, adj. p 0.31 (Holm, 1 link), on levels; "
              "negative effect; the parent predicts it too (p 0.003): feedback or a common "
              "driver; controlled for December spike, curved trend (power 32% for a moderate "
              "effect: not shown, not disproved)");
    r.evidence.transform = CausalTransform::growth_rates;
    r.evidence.reverse_p.reset();
    EXPECT_NE(causal_status_text(Tree{}, r).find(", on growth rates; negative effect; reverse not "
                                                 "tested; "),
              std::string::npos);
}

// Constructed cases for the statements: a child that drives its parent negatively says so;
// a parent that drives its child (reversed link) shows up as the reverse effect; the power
// figure matches the rejection rate simulated for the moderate driver it describes.
TEST(Causal, SignReverseDirectionAndPowerOnConstructedCases) {
    Sim sim;
    const std::size_t n = 48;
    std::vector<double> parent(n), child(n);
    for (std::size_t t = 0; t < n; ++t) {
        child[t] = sim();
        parent[t] = (t > 0 ? -0.8 * child[t - 1] : 0.0) + 0.5 * sim();
    }
    CausalEvidence ev = causal_evidence(to_series(parent), to_series(child));
    ASSERT_TRUE(ev.tested) << ev.reason;
    EXPECT_LT(*ev.p, 1e-6);
    EXPECT_EQ(ev.sign, -1);
    ASSERT_TRUE(ev.reverse_p);
    EXPECT_GT(*ev.reverse_p, 0.01);
    // Reversed: the "child" is driven by the parent; forward unsupported, reverse strong.
    ev = causal_evidence(to_series(child), to_series(parent));
    ASSERT_TRUE(ev.tested);
    ASSERT_TRUE(ev.reverse_p);
    EXPECT_LT(*ev.reverse_p, 1e-6);
    // Power: at 36 periods, one link, df 1 / 28 (white noise: lag 1 plus one extra lag of
    // both, constant and trend) the moderate-effect power is the simulated rate of the
    // power_no_trend scenario within a few points (measured 0.65; analytic below).
    const double power = causal_power(1, 28, 0.05, 1);
    EXPECT_GT(power, 0.6);
    EXPECT_LT(power, 0.85);
    EXPECT_LT(causal_power(1, 28, 0.05, 10), power); // more links, stricter level
    EXPECT_LT(causal_power(1, 16, 0.05, 1), power);  // fewer periods
    EXPECT_TRUE(std::isnan(causal_power(0, 28, 0.05, 1)));
}

// Simulated pairs of series for the Monte Carlo checks (the grid). Null scenarios
// (the child does not drive the parent) must not be called SUPPORTED more often than alpha;
// power scenarios have a true lag-1 driver, effect_t = shape_t + 0.5 cause_{t-1} + e_t, where
// the cause is its own shape plus u, and u, e are independent N(0, 1).
struct Scenario {
    const char* name;
    bool null; // true: independent series
    void (*make)(Sim&, std::vector<double>& effect, std::vector<double>& cause);
};

void ar1(Sim& sim, std::vector<double>& x, double phi) {
    double v = 0.0;
    for (int t = 0; t < 50; ++t) // burn-in, so the series starts in its stable distribution
        v = phi * v + sim();
    for (double& y : x)
        y = v = phi * v + sim();
}

void walk(Sim& sim, std::vector<double>& x, double start, double drift, double sd) {
    double v = start;
    for (double& y : x)
        y = v += drift + sd * sim();
}

// Months from January: a +-30% yearly cycle around 100 (peak in summer) with 5% noise.
void seasonal(Sim& sim, std::vector<double>& x, double spike) {
    for (std::size_t t = 0; t < x.size(); ++t) {
        const double cycle = 1.0 + 0.3 * std::sin(2.0 * std::numbers::pi * (t % 12) / 12.0);
        x[t] = 100.0 * cycle * (1.0 + (t % 12 == 11 ? spike : 0.0)) * (1.0 + 0.05 * sim());
    }
}

void poisson(Sim& sim, std::vector<double>& x, double mean) {
    std::poisson_distribution<int> draw(mean);
    for (double& v : x)
        v = draw(sim.engine);
}

// Both shift by 4 standard deviations at the same, random month in the middle half.
void shifted(Sim& sim, std::vector<double>& e, std::vector<double>& c) {
    const std::size_t k = e.size() / 4 + sim.engine() % (e.size() / 2);
    ar1(sim, e, 0.3);
    ar1(sim, c, 0.3);
    for (std::size_t t = k; t < e.size(); ++t) {
        e[t] += 4.0;
        c[t] += 4.0;
    }
}

void drive(Sim& sim, std::vector<double>& e, std::vector<double>& c,
           void (*shape)(Sim&, std::vector<double>&, std::vector<double>&)) {
    std::vector<double> u(e.size());
    for (double& v : u)
        v = sim();
    shape(sim, e, c);
    for (std::size_t t = 0; t < e.size(); ++t) {
        c[t] += u[t];
        e[t] += (t > 0 ? 0.5 * c[t - 1] : 0.0) + sim();
    }
}

void flat(Sim&, std::vector<double>& e, std::vector<double>& c) {
    std::fill(e.begin(), e.end(), 0.0);
    std::fill(c.begin(), c.end(), 0.0);
}

void trend(Sim&, std::vector<double>& e, std::vector<double>& c) {
    for (std::size_t t = 0; t < e.size(); ++t) {
        e[t] = 100.0 + 0.2 * t;
        c[t] = 50.0 + 0.2 * t;
    }
}

void season(Sim&, std::vector<double>& e, std::vector<double>& c) {
    for (std::size_t t = 0; t < e.size(); ++t) {
        const double s = std::sin(2.0 * std::numbers::pi * (t % 12) / 12.0);
        e[t] = 100.0 + 3.0 * s;
        c[t] = 50.0 + 3.0 * s;
    }
}

void level_break(Sim& sim, std::vector<double>& e, std::vector<double>& c) {
    const std::size_t k = e.size() / 4 + sim.engine() % (e.size() / 2);
    for (std::size_t t = 0; t < e.size(); ++t)
        e[t] = c[t] = 100.0 + (t >= k ? 4.0 : 0.0);
}

void walks(Sim& sim, std::vector<double>& e, std::vector<double>& c) {
    walk(sim, e, 100.0, 0.0, 1.0);
    walk(sim, c, 100.0, 0.0, 1.0);
}

const Scenario scenarios[] = {
    {"null_white_noise", true,
     [](Sim& sim, auto& e, auto& c) {
         for (std::size_t t = 0; t < e.size(); ++t) {
             e[t] = sim();
             c[t] = sim();
         }
     }},
    {"null_ar1_phi0.5", true,
     [](Sim& sim, auto& e, auto& c) {
         ar1(sim, e, 0.5);
         ar1(sim, c, 0.5);
     }},
    {"null_ar1_phi0.9", true,
     [](Sim& sim, auto& e, auto& c) {
         ar1(sim, e, 0.9);
         ar1(sim, c, 0.9);
     }},
    {"null_random_walks", true, walks},
    {"null_random_walks_drift", true,
     [](Sim& sim, auto& e, auto& c) {
         walk(sim, e, -10.0, 0.5, 1.0);
         walk(sim, c, -10.0, 0.5, 1.0);
     }},
    {"null_linear_trend", true, // 100 + 5t + N(0, 5)
     [](Sim& sim, auto& e, auto& c) {
         for (std::size_t t = 0; t < e.size(); ++t) {
             e[t] = 100.0 + 5.0 * t + 5.0 * sim();
             c[t] = 100.0 + 5.0 * t + 5.0 * sim();
         }
     }},
    {"null_exp_growth_multiplicative", true, // 3% a period, 5% noise (log random walks)
     [](Sim& sim, auto& e, auto& c) {
         walk(sim, e, std::log(1000.0), 0.03, 0.05);
         walk(sim, c, std::log(50.0), 0.03, 0.05);
         for (std::size_t t = 0; t < e.size(); ++t) {
             e[t] = std::exp(e[t]);
             c[t] = std::exp(c[t]);
         }
     }},
    {"null_exp_growth_additive", true, // 100 * 1.04^t + N(0, 5)
     [](Sim& sim, auto& e, auto& c) {
         for (std::size_t t = 0; t < e.size(); ++t) {
             e[t] = 100.0 * std::pow(1.04, t) + 5.0 * sim();
             c[t] = 100.0 * std::pow(1.04, t) + 5.0 * sim();
         }
     }},
    {"null_poisson_counts", true, // mean 0.7: about half the periods are 0
     [](Sim& sim, auto& e, auto& c) {
         poisson(sim, e, 0.7);
         poisson(sim, c, 0.7);
     }},
    {"null_level_shift", true, shifted},
    {"null_shared_season", true,
     [](Sim& sim, auto& e, auto& c) {
         seasonal(sim, e, 0.0);
         seasonal(sim, c, 0.0);
     }},
    {"null_season_december_spike", true,
     [](Sim& sim, auto& e, auto& c) {
         seasonal(sim, e, 0.5);
         seasonal(sim, c, 0.5);
     }},
    {"power_no_trend", false, [](Sim& sim, auto& e, auto& c) { drive(sim, e, c, flat); }},
    {"power_trend", false, [](Sim& sim, auto& e, auto& c) { drive(sim, e, c, trend); }},
    {"power_season", false, [](Sim& sim, auto& e, auto& c) { drive(sim, e, c, season); }},
    {"power_level_shift", false, [](Sim& sim, auto& e, auto& c) { drive(sim, e, c, level_break); }},
    {"power_random_walks", false, // cause a random walk, effect 0.5 cause_{t-1} + a random walk
     [](Sim& sim, auto& e, auto& c) {
         walks(sim, e, c);
         for (std::size_t t = e.size(); t-- > 1;)
             e[t] += 0.5 * c[t - 1];
     }},
};

Calendar months_from_january(std::size_t n) {
    Calendar c;
    c.per_year = 12;
    for (std::size_t t = 0; t < n; ++t)
        c.season.push_back(static_cast<int>(t % 12));
    return c;
}

// Share of `pairs` simulated pairs of length n that the policy calls SUPPORTED (one link, so
// Holm changes nothing). The periods are months from January.
double supported_rate(const Scenario& scenario, Sim& sim, int pairs, std::size_t n,
                      const CausalOptions& options) {
    int supported = 0;
    std::vector<double> e(n), c(n);
    const Calendar calendar = months_from_january(n);
    for (int i = 0; i < pairs; ++i) {
        scenario.make(sim, e, c);
        const CausalEvidence ev = causal_evidence(to_series(e), to_series(c), options, calendar);
        supported += ev.tested && *ev.p < options.alpha;
    }
    return static_cast<double>(supported) / pairs;
}

// Regression (issue 10): the exponential trend was a candidate of every levels model at the
// price of one column, its rate searched for free, so flat and straight-trend KPIs read
// "controlled for exponential trend" in 7-17% of draws (and AR(0.9) ones with a level shift
// in 14-28%). Now its rate is paid for where it is searched (3 log n) and it costs what t^2
// costs: on series without a curve it may still win by chance, as any searched column can,
// but at most 1 draw in 100 (measured: at most 8 of 2,000 draws per cell; an optional
// column charged 3 log n passes by chance well below 1% at 24-60 periods). Persistent series
// still show it more often (AR(0.5) 1-3%, AR(0.9) 7-14%): the static search assumes
// independent noise, so a long wander can pass for a curve (open, see the README).
TEST(Causal, NoExponentialTrendOnFlatOrStraightSeries) {
    const int draws = 2000;
    for (const std::size_t n : {24u, 36u, 60u}) {
        Sim sim;
        sim.engine.seed(20261130 + n);
        const Calendar calendar = months_from_january(n);
        std::vector<double> y(n);
        int flat = 0, straight = 0;
        for (int i = 0; i < draws; ++i) {
            for (double& v : y)
                v = 100.0 + 5.0 * sim();
            flat += fit_own_model(y, calendar, 4).terms.trend == 3;
            for (std::size_t t = 0; t < n; ++t)
                y[t] = 100.0 + 5.0 * static_cast<double>(t) + 5.0 * sim();
            straight += fit_own_model(y, calendar, 4).terms.trend == 3;
        }
        std::cout << n << " periods: exponential trend chosen in " << flat << " stationary and "
                  << straight << " linear-trend draws of " << draws << "\n";
        EXPECT_LE(flat, draws / 100) << "stationary, " << n << " periods";
        EXPECT_LE(straight, draws / 100) << "linear trend, " << n << " periods";
    }
}

std::string bench_path(const char* file) {
    const char* dir = std::getenv("KPITREE_BENCH_DIR");
    return std::string(dir && *dir ? dir : ".") + "/" + file;
}

// The grid: every scenario at 24, 36 and 60 periods, `pairs` pairs each (seed per cell), the
// table written to `file`. Null cells at most alpha + 3 Monte Carlo SE; power cells at least
// 50% at 36 periods and 85% at 60 (issue 10's floors), minus 3 SE of the measured rate.
void simulate_grid(int pairs, const char* file) {
    const CausalOptions options; // defaults: alpha 0.05, max_lag 4, Holm
    const double se = std::sqrt(options.alpha * (1 - options.alpha) / pairs);
    const double bound = options.alpha + 3 * se;
    const std::string path = bench_path(file);
    std::ofstream out(path);
    out << "# KPI.CAUSAL policy: share called SUPPORTED, " << pairs
        << " simulated pairs per cell, alpha " << options.alpha << ", max_lag " << options.max_lag
        << ", monthly calendar, std::mt19937_64 seeds 20260601 + cell\n"
        << "# null rows: false-positive rate (bound alpha + 3 SE = " << bound
        << "); power rows: true lag-1 driver effect_t = shape + 0.5 cause_{t-1} + e_t\n"
        << "# scenario 24 36 60\n";
    int cell = 0;
    for (const Scenario& scenario : scenarios) {
        out << scenario.name;
        for (const std::size_t n : {24u, 36u, 60u}) {
            Sim sim;
            sim.engine.seed(20260601 + cell++);
            const double rate = supported_rate(scenario, sim, pairs, n, options);
            out << " " << rate << std::flush;
            const double rate_se = std::sqrt(rate * (1 - rate) / pairs);
            const double floor = n == 36 ? 0.50 : n == 60 ? 0.85 : 0.0;
            if (scenario.null) {
                EXPECT_LE(rate, bound) << scenario.name << " at " << n;
            } else {
                EXPECT_GE(rate, floor - 3 * rate_se) << scenario.name << " at " << n;
            }
        }
        out << "\n";
    }
    std::cout << "causal simulation written to " << path << "\n";
}

// The CI run: every cell of the grid with 1,000 pairs (about 30 s; the tolerance follows the
// count); KPITREE_CAUSAL_PAIRS sets another count.
TEST(Causal, SimulatedFalsePositiveRateAndPower) {
    const char* env = std::getenv("KPITREE_CAUSAL_PAIRS");
    simulate_grid(env && *env ? std::atoi(env) : 1000, "causal_power.txt");
}

// The long run behind the README table (not run by ctest, about 15 minutes on 1 core):
//   KPITREE_BENCH_DIR=build/bench kpitree_core_tests --gtest_also_run_disabled_tests
//       --gtest_filter=Causal.DISABLED_LargeSimulation
// 5,000 pairs per cell, written to causal_power_large.txt.
TEST(Causal, DISABLED_LargeSimulation) {
    simulate_grid(5000, "causal_power_large.txt");
}

} // namespace
} // namespace kpitree
