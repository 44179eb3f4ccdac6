// How a language's texts are stored: a list of (message, text) entries per language, one file
// each (texts_<language>.cpp); ui_text.cpp indexes them once.
#pragma once

#include "ui_text.hpp"

#include <span>
#include <string_view>

namespace kpitree::lang::detail {

struct Entry {
    Msg id;
    std::string_view text;
};

extern const std::span<const Entry> en_texts;
extern const std::span<const Entry> ja_texts;
extern const std::span<const Entry> zh_CN_texts;
extern const std::span<const Entry> zh_TW_texts;
extern const std::span<const Entry> fi_texts;
extern const std::span<const Entry> fr_texts;

} // namespace kpitree::lang::detail
