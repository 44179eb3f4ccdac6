#include "verdict_formula.hpp"

#include <gtest/gtest.h>

namespace kpitree::sidebar {
namespace {

TEST(VerdictFormula, RecognisesKpiTreeCalls) {
    EXPECT_TRUE(is_kpi_formula("=KPI.CHECK($B$2:$AB$8)"));
    EXPECT_TRUE(is_kpi_formula("=ORG.KPITREE.KPITREE.CAUSAL($B$2:$AB$8)"));
    EXPECT_TRUE(is_kpi_formula("=IF(A1;kpi.check(A1:F7;;\"Sales\");0)"));
    EXPECT_FALSE(is_kpi_formula("=SUM(B2:B8)"));
    EXPECT_FALSE(is_kpi_formula("=MYKPI.CHECK(B2:B8)"));
    EXPECT_FALSE(is_kpi_formula("KPI.CHECK is a function")); // text, no call
}

// The heading of a value copy names the function of the live column (Share as values).
TEST(VerdictFormula, TheFunctionName) {
    EXPECT_EQ(kpi_function_name("=KPI.CHECK($B$2:$AB$8)"), "KPI.CHECK");
    EXPECT_EQ(kpi_function_name("{=ORG.KPITREE.KPITREE.CAUSAL($B$2:$AB$8)}"), "KPI.CAUSAL");
    EXPECT_EQ(kpi_function_name("=IF(A1;kpi.contrib(A1:F7;1;2);0)"), "KPI.CONTRIB");
    EXPECT_EQ(kpi_function_name("=SUM(B2:B8)"), "");
}

TEST(VerdictFormula, TheTableArgument) {
    auto a = kpi_table_argument("=ORG.KPITREE.KPITREE.CHECK($B$2:$AB$8)");
    ASSERT_TRUE(a);
    EXPECT_EQ(a->sheet, "");
    EXPECT_EQ(a->range, "$B$2:$AB$8");
    a = kpi_table_argument("=KPI.CONTRIB($Sheet1.$B$2:$AB$8;23;24)");
    ASSERT_TRUE(a);
    EXPECT_EQ(a->sheet, "Sheet1");
    EXPECT_EQ(a->range, "$B$2:$AB$8");
    a = kpi_table_argument("=KPI.CHECK($'KPI tree. 2024'.A1:$'KPI tree. 2024'.O13, , \"Sales\")");
    ASSERT_TRUE(a);
    EXPECT_EQ(a->sheet, "KPI tree. 2024");
    EXPECT_EQ(a->range, "A1:O13");
    EXPECT_FALSE(kpi_table_argument("=KPI.CHECK(MyTable)"));   // a name, not a reference
    EXPECT_FALSE(kpi_table_argument("=KPI.CHECK(\"A1:B2\")")); // a text
    EXPECT_FALSE(kpi_table_argument("=SUM(A1:B2)"));
    EXPECT_FALSE(kpi_table_argument("=KPI.GRANGER(B2:B30;C2:C30;1)")); // series, no table
    EXPECT_FALSE(kpi_table_argument("=ORG.KPITREE.KPITREE.PADJUST(D2:D9;\"holm\")"));
}

} // namespace
} // namespace kpitree::sidebar
