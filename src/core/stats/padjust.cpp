// p-value adjustments for m simultaneous tests, written as statsmodels writes them so results
// agree to the last bit where possible. With p sorted ascending, p_(1) <= ... <= p_(m):
//   Bonferroni:           min(1, m p_i).
//   Holm (1979):          running maximum over i of (m - i + 1) p_(i), clipped to 1.
//   Benjamini & Hochberg (1995): running minimum from the top of p_(i) / (i / m), clipped to 1.
// Ties need no stable sort: tied p-values get the same adjusted value whatever their order.
#include "kpitree/stats/padjust.hpp"

#include "model/text.hpp"

#include <algorithm>
#include <numeric>
#include <string>

namespace kpitree {

std::optional<PAdjustMethod> parse_padjust_method(std::string_view text) {
    const std::string key = keyword(text);
    if (key == "holm")
        return PAdjustMethod::holm;
    if (key == "bh" || key == "fdr_bh" || key == "benjamini-hochberg")
        return PAdjustMethod::bh;
    if (key == "bonferroni" || key == "bonf")
        return PAdjustMethod::bonferroni;
    return std::nullopt;
}

std::string_view padjust_method_name(PAdjustMethod method) {
    switch (method) {
    case PAdjustMethod::holm:
        return "Holm";
    case PAdjustMethod::bh:
        return "Benjamini-Hochberg";
    case PAdjustMethod::bonferroni:
        return "Bonferroni";
    }
    return "";
}

std::vector<double> padjust(std::span<const double> p, PAdjustMethod method) {
    const std::size_t m = p.size();
    std::vector<double> out(m);
    if (m == 0)
        return out;
    if (method == PAdjustMethod::bonferroni) {
        for (std::size_t i = 0; i < m; ++i)
            out[i] = std::min(1.0, p[i] * static_cast<double>(m)) + 0.0; // + 0.0: never −0
        return out;
    }
    std::vector<std::size_t> order(m);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return p[a] < p[b]; });
    std::vector<double> adjusted(m);
    if (method == PAdjustMethod::holm) {
        double running = 0.0;
        for (std::size_t i = 0; i < m; ++i) {
            const double raw = p[order[i]] * static_cast<double>(m - i);
            running = i == 0 ? raw : std::max(running, raw);
            adjusted[i] = running;
        }
    } else {
        double running = 0.0;
        for (std::size_t i = m; i-- > 0;) {
            const double ecdf = static_cast<double>(i + 1) / static_cast<double>(m);
            const double raw = p[order[i]] / ecdf;
            running = i == m - 1 ? raw : std::min(running, raw);
            adjusted[i] = running;
        }
    }
    for (std::size_t i = 0; i < m; ++i)
        out[order[i]] = std::min(1.0, adjusted[i]) + 0.0; // + 0.0: never −0
    return out;
}

Series padjust(const Series& p, PAdjustMethod method) {
    std::vector<double> present;
    for (const auto& v : p)
        if (v)
            present.push_back(*v);
    const std::vector<double> adjusted = padjust(present, method);
    Series out(p.size());
    std::size_t k = 0;
    for (std::size_t i = 0; i < p.size(); ++i)
        if (p[i])
            out[i] = adjusted[k++];
    return out;
}

} // namespace kpitree
