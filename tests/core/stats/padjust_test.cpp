#include "kpitree/stats/padjust.hpp"
#include "reference.hpp"

#include <cmath>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>
#include <string>
#include <vector>

namespace kpitree {
namespace {

struct Case {
    std::string name;
    std::vector<double> p, holm, bh, bonferroni;
};

std::vector<Case> read_cases() {
    std::vector<Case> cases;
    Case c;
    testing::for_each_reference_line("padjust_cases.txt",
                                     [&](const std::string& key, std::istringstream& in) {
                                         if (key == "case") {
                                             c = Case{};
                                             in >> c.name;
                                         } else if (key == "end") {
                                             cases.push_back(c);
                                         } else {
                                             const std::vector<double> v = testing::numbers(in);
                                             if (key == "p")
                                                 c.p = v;
                                             else if (key == "holm")
                                                 c.holm = v;
                                             else if (key == "bh")
                                                 c.bh = v;
                                             else if (key == "bonferroni")
                                                 c.bonferroni = v;
                                         }
                                     });
    return cases;
}

void expect_same(const std::vector<double>& got, const std::vector<double>& ref) {
    ASSERT_EQ(got.size(), ref.size());
    for (std::size_t i = 0; i < ref.size(); ++i)
        EXPECT_NEAR(got[i], ref[i], 1e-9 * std::abs(ref[i])) << "index " << i;
}

TEST(Padjust, MatchesStatsmodelsMultipletests) {
    const auto cases = read_cases();
    ASSERT_GE(cases.size(), 15u);
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        expect_same(padjust(c.p, PAdjustMethod::holm), c.holm);
        expect_same(padjust(c.p, PAdjustMethod::bh), c.bh);
        expect_same(padjust(c.p, PAdjustMethod::bonferroni), c.bonferroni);
    }
}

// Naive definitions: Holm's adjusted p_(i) = max_{j<=i} min(1, (m-j+1) p_(j)); BH's
// adjusted p_(i) = min_{j>=i} min(1, m p_(j) / j).
TEST(Padjust, AgreesWithNaiveDefinitions) {
    const std::vector<double> p = {0.2, 0.01, 0.03, 0.03, 0.9, 0.004, 0.05};
    const std::size_t m = p.size();
    const auto holm = padjust(p, PAdjustMethod::holm);
    const auto bh = padjust(p, PAdjustMethod::bh);
    for (std::size_t i = 0; i < m; ++i) {
        double h = 0.0, b = 1.0;
        for (std::size_t j = 0; j < m; ++j) {
            std::size_t rank_j = 1; // 1-based rank, ties counted at their first position
            for (double q : p)
                rank_j += q < p[j];
            if (p[j] <= p[i])
                h = std::max(h, std::min(1.0, (m - rank_j + 1) * p[j]));
            std::size_t last = 0; // ties take the largest rank for BH
            for (double q : p)
                last += q <= p[j];
            if (p[j] >= p[i])
                b = std::min(b, std::min(1.0, m * p[j] / last));
        }
        EXPECT_NEAR(holm[i], h, 1e-15) << i;
        EXPECT_NEAR(bh[i], b, 1e-15) << i;
    }
}

TEST(Padjust, MissingValuesStayMissingAndDoNotCount) {
    const Series p = {0.01, std::nullopt, 0.04, std::nullopt};
    const Series holm = padjust(p, PAdjustMethod::holm);
    ASSERT_EQ(holm.size(), 4u);
    EXPECT_FALSE(holm[1]);
    EXPECT_FALSE(holm[3]);
    EXPECT_DOUBLE_EQ(*holm[0], 0.02); // family of 2, not 4
    EXPECT_DOUBLE_EQ(*holm[2], 0.04);
    EXPECT_TRUE(padjust(Series{}, PAdjustMethod::bh).empty());
    EXPECT_TRUE(padjust(std::vector<double>{}, PAdjustMethod::bh).empty());
}

TEST(Padjust, ParsesMethodNames) {
    EXPECT_EQ(parse_padjust_method(" Holm "), PAdjustMethod::holm);
    EXPECT_EQ(parse_padjust_method("BH"), PAdjustMethod::bh);
    EXPECT_EQ(parse_padjust_method("fdr_bh"), PAdjustMethod::bh);
    EXPECT_EQ(parse_padjust_method("bonferroni"), PAdjustMethod::bonferroni);
    EXPECT_FALSE(parse_padjust_method("sidak"));
    EXPECT_EQ(padjust_method_name(PAdjustMethod::holm), "Holm");
}

} // namespace
} // namespace kpitree
