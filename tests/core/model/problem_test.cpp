#include "kpitree/model/problem.hpp"

#include <gtest/gtest.h>

using namespace kpitree;

TEST(Problem, FillPatternReplacesNumberedArguments) {
    EXPECT_EQ(fill_pattern("%2 before %1", {"a", "b"}), "b before a");
    EXPECT_EQ(fill_pattern("%3 missing, 100% kept", {"a"}), " missing, 100% kept");
    EXPECT_EQ(fill_pattern("%1%1", {"x"}), "xx");
}

TEST(Problem, EnglishTextWithItsCauseAndRepeats) {
    const Problem unknown{ProblemId::unknown_parent, {"Nobody"}};
    EXPECT_EQ(problem_text(unknown), "unknown parent 'Nobody'");
    const Problem above{ProblemId::above_unusable, {"A"}, 0, {unknown}};
    EXPECT_EQ(problem_text(above), "no KGI above it: 'A' is unusable (unknown parent 'Nobody')");
    const Problem text{ProblemId::not_quantifiable_text, {"n/a", "M3"}, 2};
    EXPECT_EQ(problem_text(text), "not quantifiable: text 'n/a' in M3 (and 2 more)");
}

TEST(Problem, EveryProblemHasAPattern) {
    for (std::size_t i = 0; i < static_cast<std::size_t>(ProblemId::count); ++i)
        EXPECT_FALSE(problem_pattern(static_cast<ProblemId>(i)).empty()) << i;
}
