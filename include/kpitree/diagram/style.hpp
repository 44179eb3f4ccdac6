// How the tree diagram shows a verdict: one tone per status family and one palette, shared by
// both renderers (the sidebar's painted view and the shapes on the diagram sheet) so the two
// pictures of a tree always agree. A box shows its identity (does the KPI equal f(children)?);
// the connector to its parent shows its ~ link's evidence, drawn dashed.
#pragma once

#include "kpitree/model/status.hpp"
#include "kpitree/model/tree.hpp"

#include <cstdint>
#include <vector>

namespace kpitree::diagram {

enum class Tone {
    plain,       // nothing to verify (a leaf) or no verdict
    holds,       // the identity holds in every period with data (KPI.CHECK OK)
    mismatch,    // the identity fails in some period (MISMATCH)
    supported,   // the ~ link has statistical support (SUPPORTED)
    unsupported, // the ~ link was tested and is not supported (UNSUPPORTED)
    untestable,  // too few periods to test the ~ link (INSUFFICIENT)
    error        // the row or a needed child is unusable (ERROR)
};

// Colours as 0xRRGGBB, the form both UNO's FillColor/LineColor and CSS take.
struct Palette {
    std::uint32_t fill; // the box's background (the connector's colour for a link)
    std::uint32_t line; // the box's border
    std::uint32_t text;
};

Palette palette(Tone tone);

// A box's tone from the overview's marks (identity mark first, then the hypothesis mark):
// error before mismatch before holds; plain when there is no identity verdict.
Tone box_tone(const std::vector<Status>& marks);

// The tone of the connector to the parent: the hypothesis mark of a ~ row, plain otherwise
// (an arithmetic link is an identity, shown by the parent's box).
Tone link_tone(Link link, const std::vector<Status>& marks);

} // namespace kpitree::diagram
