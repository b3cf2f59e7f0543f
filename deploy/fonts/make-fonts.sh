#!/usr/bin/env bash
# Regenerates the fonts shipped inside PhuThoCa.Documents (src/PhuThoCa.Documents/Fonts/).
#
# Source: Debian's fonts-liberation2 (Liberation Serif 2.x, SIL OFL 1.1, Reserved Font Name "Liberation")
# and fonts-dejavu-core (DejaVu Sans, Bitstream Vera licence: modified copies may not be called "Bitstream"/"Vera").
# What is done: cut each face down to Latin + Vietnamese (+ the punctuation letters use), drop hinting and the
# ligature features, and RENAME the family, because a modified OFL font may not use its Reserved Font Name.
#   Liberation Serif {Regular,Bold,Italic,BoldItalic} -> "PhuThoCa Serif"
#   DejaVu Sans (only check marks and boxes)          -> "PhuThoCa Symbols" (fallback for glyphs Liberation lacks)
# Needs: apt-get install -y fonts-liberation2 fonts-dejavu-core fonttools
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=src/PhuThoCa.Documents/Fonts
LIB=/usr/share/fonts/truetype/liberation2
DJV=/usr/share/fonts/truetype/dejavu
PY=/usr/bin/python3   # the Debian python that has fontTools (apt fonttools)
mkdir -p "$OUT"
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT

# Basic Latin, Latin-1 (incl. × and NBSP), Latin Extended-A (Đ đ Ĩ ĩ Ũ ũ ...), Ơ ơ Ư ư, spacing accents,
# the five Vietnamese combining marks (for NFD input), Latin Extended Additional (Ạ..ỹ), punctuation
# (‐ – — ‘ ’ “ ” † • … ‰ ′ ″ ‹ ›), ₫ €, №, ™, −.
UNICODES="U+0020-007E,U+00A0-00FF,U+0100-017F,U+01A0-01A1,U+01AF-01B0,U+02C6-02DD,U+0300-0309,U+0323,U+1EA0-1EF9,U+2010-2027,U+2030,U+2032-2033,U+2039-203A,U+20AB-20AC,U+2116,U+2122,U+2212"
FEATURES="kern,mark,mkmk,ccmp,locl"   # no liga/dlig: every glyph drawn keeps a cmap entry, so text extracts

for style in Regular Bold Italic BoldItalic; do
  pyftsubset "$LIB/LiberationSerif-$style.ttf" --unicodes="$UNICODES" --layout-features="$FEATURES" \
    --no-hinting --name-IDs='*' --name-legacy --name-languages='*' --drop-tables+=FFTM,gasp \
    --output-file="$TMP/$style.ttf"
done
pyftsubset "$DJV/DejaVuSans.ttf" --unicodes="U+2610-2612,U+2713-2718" --layout-features='' \
  --no-hinting --name-IDs='*' --name-legacy --name-languages='*' --drop-tables+=FFTM,gasp,MATH \
  --output-file="$TMP/Symbols.ttf"

"$PY" - "$TMP" "$OUT" <<'PY'
import sys
from fontTools.ttLib import TTFont
tmp, out = sys.argv[1], sys.argv[2]

def rename(src, dst, family, style, origin, what):
    f = TTFont(src)
    name = f["name"]
    full = family if style == "Regular" else f"{family} {style.replace('BoldItalic', 'Bold Italic')}"
    ps = family.replace(" ", "") + "-" + style
    note = (f"Modified Version of {origin} made for PhuThoCa: cut to {what}, "
            "hinting removed, renamed (deploy/fonts/make-fonts.sh).")
    for rec in list(name.names):
        if rec.nameID in (16, 17, 18, 21, 22, 25):
            name.removeNames(nameID=rec.nameID)
    for rec in name.names:
        if rec.nameID == 1:
            rec.string = family if style in ("Regular", "Bold", "Italic", "BoldItalic") else full
        elif rec.nameID == 3:
            rec.string = f"{full}; {note}"
        elif rec.nameID == 4:
            rec.string = full
        elif rec.nameID == 6:
            rec.string = ps
        elif rec.nameID in (8, 9, 11, 12):
            pass
    name.setName(note, 10, 3, 1, 0x409)
    name.setName(note, 10, 1, 0, 0)
    f.save(dst)

for style in ("Regular", "Bold", "Italic", "BoldItalic"):
    rename(f"{tmp}/{style}.ttf", f"{out}/PhuThoCaSerif-{style}.ttf", "PhuThoCa Serif", style, "Liberation Serif",
           "Latin and Vietnamese")
rename(f"{tmp}/Symbols.ttf", f"{out}/PhuThoCaSymbols-Regular.ttf", "PhuThoCa Symbols", "Regular", "DejaVu Sans",
       "check marks and ballot boxes")
PY

# Licence texts travel with the font files (OFL 1.1 condition 2; Bitstream Vera notice).
sed -n '/^License: SIL-OFL-1.1/,/^Files:/p' /usr/share/doc/fonts-liberation2/copyright | sed '1d;$d' \
  | sed 's/^ //; s/^\.$//' > "$TMP/ofl"
{ echo "PhuThoCa Serif (PhuThoCaSerif-*.ttf) is a Modified Version of Liberation Serif."
  awk '/^Files: \*/{f=1;next} f&&/^License:/{exit} f' /usr/share/doc/fonts-liberation2/copyright | sed 's/^Copyright://; s/^ //'
  echo; cat "$TMP/ofl"; } > "$OUT/OFL.txt"
{ echo "PhuThoCa Symbols (PhuThoCaSymbols-Regular.ttf) is a modified copy of DejaVu Sans."
  sed -n '/^Files: \*/,/^Files: debian/p' /usr/share/doc/fonts-dejavu-core/copyright | sed '1d;$d' \
    | sed 's/^ //; s/^\.$//'; } > "$OUT/LICENSE-DejaVu.txt"
ls -l "$OUT"
