#include "kpitree/diagram/style.hpp"

#include <algorithm>

namespace kpitree::diagram {
namespace {

bool has(const std::vector<Status>& marks, Status s) {
    return std::find(marks.begin(), marks.end(), s) != marks.end();
}

} // namespace

Palette palette(Tone tone) {
    // Light fills with dark borders and text: legible in print and for colour-blind readers,
    // who still have the connector's dash and the list view's marks.
    switch (tone) {
    case Tone::holds:
        return {0xE3F2E1, 0x2E7D32, 0x1B3D1F};
    case Tone::mismatch:
        return {0xFDE0DE, 0xC62828, 0x5F1010};
    case Tone::supported:
        return {0x2E7D32, 0x2E7D32, 0x1B3D1F};
    case Tone::unsupported:
        return {0xC62828, 0xC62828, 0x5F1010};
    case Tone::untestable:
        return {0x9E9E9E, 0x9E9E9E, 0x424242};
    case Tone::error:
        return {0xFFE9C7, 0xB45309, 0x5A2A00};
    case Tone::plain:
        break;
    }
    return {0xFFFFFF, 0x78909C, 0x263238};
}

Tone box_tone(const std::vector<Status>& marks) {
    if (marks.empty())
        return Tone::plain;
    // A row whose own errors make it unusable has the single mark `error`; an error among
    // several marks is the ~ link's and shows on the connector.
    if (marks.front() == Status::error)
        return Tone::error;
    if (has(marks, Status::mismatch))
        return Tone::mismatch;
    if (has(marks, Status::ok))
        return Tone::holds;
    return Tone::plain;
}

Tone link_tone(Link link, const std::vector<Status>& marks) {
    if (link != Link::hypothesis)
        return Tone::plain;
    if (has(marks, Status::supported))
        return Tone::supported;
    if (has(marks, Status::unsupported))
        return Tone::unsupported;
    if (has(marks, Status::insufficient))
        return Tone::untestable;
    if (has(marks, Status::error))
        return Tone::error;
    return Tone::plain;
}

} // namespace kpitree::diagram
