# Builds the Latin subsets of DejaVu Sans used by src/lib/chart.ts (see assets/fonts/README.md).
import sys
from fontTools import subset
from fontTools.ttLib import TTFont
import os
SRC = os.path.dirname(os.path.abspath(__file__))
UNICODES = "U+0020-007E,U+00A0-024F,U+0300-036F,U+2000-206F,U+20A0-20CF,U+2100-2122,U+2190-2193,U+2212,U+2022,U+25A0-25CF,U+FFFD"
for style, src in [("Book", "DejaVuSans.ttf"), ("Bold", "DejaVuSans-Bold.ttf")]:
    opts = subset.Options()
    opts.hinting = False  # resvg does not use TrueType hinting
    opts.drop_tables += ["MATH", "FFTM"]
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    font = TTFont(f"{SRC}/{src}")
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=subset.parse_unicodes(UNICODES))
    sub.subset(font)
    fam = "DejaVu Sans Latin"
    sty = "Bold" if style == "Bold" else "Book"
    ps = "DejaVuSansLatin" + ("-Bold" if style == "Bold" else "")
    name = font["name"]
    for rec in list(name.names):
        if rec.nameID in (1, 16):
            rec.string = fam
        elif rec.nameID in (4,):
            rec.string = fam if sty == "Book" else f"{fam} Bold"
        elif rec.nameID == 6:
            rec.string = ps
        elif rec.nameID == 3:
            rec.string = f"{ps} (subset of DejaVu Sans 2.37)"
    out = f"{SRC}/" + ("DejaVuSansLatin-Bold.ttf" if style == "Bold" else "DejaVuSansLatin.ttf")
    font.save(out)
    print(out)
