#include "ui_text.hpp"

#include "catalog.hpp"

#include <array>
#include <cctype>

namespace kpitree::lang {

namespace {

constexpr std::size_t message_count = static_cast<std::size_t>(Msg::count);
using Column = std::array<std::string_view, message_count>;

// Texts indexed by [language][message], built once from the per-language entry lists; a later
// entry for the same message wins (tests/lang checks there are none).
const std::array<Column, language_count>& catalog() {
    static const std::array<Column, language_count> table = [] {
        std::array<Column, language_count> t{};
        const std::span<const detail::Entry> sources[language_count] = {
            detail::en_texts,    detail::ja_texts, detail::zh_CN_texts,
            detail::zh_TW_texts, detail::fi_texts, detail::fr_texts};
        for (std::size_t l = 0; l < language_count; ++l)
            for (const detail::Entry& e : sources[l])
                if (static_cast<std::size_t>(e.id) < message_count)
                    t[l][static_cast<std::size_t>(e.id)] = e.text;
        return t;
    }();
    return table;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

} // namespace

Language language_of(std::string_view language, std::string_view country) {
    const std::string l = lower(language), c = lower(country);
    if (l == "ja")
        return Language::ja;
    if (l == "zh")
        return c == "tw" || c == "hk" || c == "mo" || c == "hant" ? Language::zh_TW
                                                                  : Language::zh_CN;
    if (l == "fi")
        return Language::fi;
    if (l == "fr")
        return Language::fr;
    return Language::en;
}

Language language_of(std::string_view locale) {
    const std::string tag = lower(locale);
    const std::size_t cut = tag.find_first_of("-_");
    const std::string primary = tag.substr(0, cut);
    if (primary != "zh" || cut == std::string::npos)
        return language_of(primary, {});
    // zh-Hant, zh-Hant-TW, zh-TW, zh_HK: the script or the region decides.
    const std::string rest = tag.substr(cut + 1);
    const std::string first = rest.substr(0, rest.find_first_of("-_"));
    if (first == "hans")
        return Language::zh_CN;
    return language_of("zh", first);
}

std::string_view code(Language language) {
    static constexpr std::string_view codes[language_count] = {"en",    "ja", "zh-CN",
                                                               "zh-TW", "fi", "fr"};
    return codes[static_cast<std::size_t>(language)];
}

bool has_text(Msg id, Language language) {
    const auto m = static_cast<std::size_t>(id);
    return m < message_count && !catalog()[static_cast<std::size_t>(language)][m].empty();
}

std::string_view text(Msg id, Language language) {
    const auto m = static_cast<std::size_t>(id);
    if (m >= message_count)
        return {};
    const std::string_view own = catalog()[static_cast<std::size_t>(language)][m];
    return own.empty() ? catalog()[0][m] : own;
}

std::string format(std::string_view pattern, std::string_view arg1, std::string_view arg2) {
    std::string out;
    out.reserve(pattern.size() + arg1.size() + arg2.size());
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '%' && i + 1 < pattern.size() &&
            (pattern[i + 1] == '1' || pattern[i + 1] == '2')) {
            out += pattern[i + 1] == '1' ? arg1 : arg2;
            ++i;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

} // namespace kpitree::lang
