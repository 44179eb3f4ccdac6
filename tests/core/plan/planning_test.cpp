#include "kpitree/plan/contrib.hpp"
#include "kpitree/plan/elasticity.hpp"
#include "kpitree/plan/planning.hpp"
#include "kpitree/plan/rollup.hpp"
#include "kpitree/plan/target.hpp"

#include <gtest/gtest.h>

using namespace kpitree;

TEST(Planning, StatusTokensAreTheFixedEnglishWords) {
    EXPECT_EQ(status_token(Status::error), "ERROR");
    EXPECT_EQ(status_token(Status::nodata), "NODATA");
    EXPECT_EQ(status_token(Status::hypothesis), "HYPOTHESIS");
    EXPECT_EQ(status_token(Status::undefined), "UNDEFINED");
    EXPECT_EQ(status_token(Status::unreachable), "UNREACHABLE");
    EXPECT_EQ(status_token(Status::mismatch), "MISMATCH");
    EXPECT_EQ(status_message(Status::nodata, "'Deals' has no value in Feb"),
              "NODATA 'Deals' has no value in Feb");
}

TEST(Planning, LastPeriodWithData) {
    const Tree tree = read_tree(Grid::from_rows({
        {"Name", "Parent", "Link", "Jan", "Feb", "Mar"},
        {"Sales", "", "", 1.0, 2.0, Empty{}},
        {"Deals", "Sales", "+", Empty{}, Empty{}, Empty{}},
    }));
    EXPECT_EQ(last_period_with_data(tree, 0), 1u);
    EXPECT_FALSE(last_period_with_data(tree, 1).has_value());
}
