#!/usr/bin/python3
"""Draws the extension's icons into extension/icons/: a KGI box above three KPI boxes joined by
lines, the shape of the sidebar's deck icon. kpitree-42.png is the Extension Manager's icon,
kpitree-42-hc.png its high-contrast variant (white on black, no colour needed to read it).

    /usr/bin/python3 scripts/make_icons.py      (needs python3-pil)
"""
import os

from PIL import Image, ImageDraw

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "extension", "icons")
SCALE = 4  # draw large, then shrink: smooth edges at 42 px


def draw(size, background, line, root, children, outline):
    s = size * SCALE
    image = Image.new("RGBA", (s, s), background)
    d = ImageDraw.Draw(image)
    u = s / 42.0

    def box(x, y, w, h, fill):
        d.rounded_rectangle([x * u, y * u, (x + w) * u, (y + h) * u], radius=2.5 * u, fill=fill,
                            outline=outline, width=max(1, int(1.5 * u)) if outline else 0)

    width = max(1, int(2.5 * u))
    d.line([21 * u, 15 * u, 21 * u, 21 * u], fill=line, width=width)
    d.line([7 * u, 21 * u, 35 * u, 21 * u], fill=line, width=width)
    for x in (7, 21, 35):
        d.line([x * u, 21 * u, x * u, 27 * u], fill=line, width=width)
    box(12, 4, 18, 12, root)
    for x, fill in zip((1, 15, 29), children):
        box(x, 27, 12, 11, fill)
    return image.resize((size, size), Image.LANCZOS)


def main():
    os.makedirs(OUT, exist_ok=True)
    draw(42, (0, 0, 0, 0), (90, 90, 90, 255), (28, 99, 181, 255),
         [(46, 148, 76, 255), (46, 148, 76, 255), (222, 126, 26, 255)], None).save(
        os.path.join(OUT, "kpitree-42.png"), optimize=True)
    draw(42, (0, 0, 0, 255), (255, 255, 255, 255), (0, 0, 0, 255),
         [(0, 0, 0, 255)] * 3, (255, 255, 255, 255)).save(
        os.path.join(OUT, "kpitree-42-hc.png"), optimize=True)


if __name__ == "__main__":
    main()
