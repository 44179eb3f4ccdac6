#include "command.hpp"

#include <gtest/gtest.h>

namespace kpitree::menu {

TEST(MenuCommand, ParsesTheThreeCommands) {
    ASSERT_TRUE(parse("org.kpitree.menu:deck"));
    EXPECT_EQ(parse("org.kpitree.menu:deck")->action, Action::show_deck);
    EXPECT_EQ(parse("org.kpitree.menu:help")->action, Action::open_help);
    const auto example = parse("org.kpitree.menu:example/marketing-automation");
    ASSERT_TRUE(example);
    EXPECT_EQ(example->action, Action::open_example);
    EXPECT_EQ(example_path(example->example), "examples/marketing-automation.ods");
}

// A URL that names no shipped example must not become a path (../ or an absolute file).
TEST(MenuCommand, RefusesUnknownCommandsAndExamples) {
    EXPECT_FALSE(parse("org.kpitree.menu:"));
    EXPECT_FALSE(parse("org.kpitree.menu:Deck"));
    EXPECT_FALSE(parse("org.kpitree.menu:example/../../etc/passwd"));
    EXPECT_FALSE(parse("org.kpitree.menu:example/"));
    EXPECT_FALSE(parse(".uno:SidebarDeck"));
}

TEST(MenuCommand, EveryExampleHasAPathAndHelpHasAPagePerLanguage) {
    for (std::string_view stem : examples())
        EXPECT_TRUE(parse("org.kpitree.menu:example/" + std::string(stem))) << stem;
    EXPECT_EQ(help_path("zh-CN"), "help/html/zh-CN/index.html");
}

} // namespace kpitree::menu
