#!/usr/bin/env python3
"""Generates Sources/PDF/StandardFontMetricsData.swift from AFM files.

The standard 14 fonts are not embedded, so every reader draws them with its own copy; the widths we lay out
with must match those fonts. URW's Nimbus Sans and Nimbus Roman (Debian package fonts-urw-base35) are
metric-compatible clones of Helvetica and Times, so their AFM files give the real advance widths.

Usage: scripts/pdf/generate-font-metrics.py [AFM_DIR]   (default /usr/share/fonts/type1/urw-base35)
Install the AFM files with: apt-get install --no-install-recommends fonts-urw-base35
"""
import os
import sys

AFM_DIR = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/type1/urw-base35"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Sources", "PDF",
                   "StandardFontMetricsData.swift")

# (Swift case name, PDF BaseFont, AFM file)
FONTS = [
    ("helvetica", "Helvetica", "NimbusSans-Regular.afm"),
    ("helveticaBold", "Helvetica-Bold", "NimbusSans-Bold.afm"),
    ("helveticaOblique", "Helvetica-Oblique", "NimbusSans-Italic.afm"),
    ("helveticaBoldOblique", "Helvetica-BoldOblique", "NimbusSans-BoldItalic.afm"),
    ("timesRoman", "Times-Roman", "NimbusRoman-Regular.afm"),
    ("timesBold", "Times-Bold", "NimbusRoman-Bold.afm"),
    ("timesItalic", "Times-Italic", "NimbusRoman-Italic.afm"),
    ("timesBoldItalic", "Times-BoldItalic", "NimbusRoman-BoldItalic.afm"),
]


def winansi_glyph_names():
    """Code -> glyph name for WinAnsiEncoding (PDF 32000-1, Annex D), derived from cp1252 and the
    standard glyph names of the Latin-1 and Windows-1252 repertoire, which the AFM files use."""
    names = {}
    ascii_names = ("space exclam quotedbl numbersign dollar percent ampersand quotesingle parenleft "
                   "parenright asterisk plus comma hyphen period slash zero one two three four five six seven "
                   "eight nine colon semicolon less equal greater question at").split()
    for i, n in enumerate(ascii_names):
        names[0x20 + i] = n
    for c in range(ord("A"), ord("Z") + 1):
        names[c] = chr(c)
    names.update({0x5B: "bracketleft", 0x5C: "backslash", 0x5D: "bracketright", 0x5E: "asciicircum",
                  0x5F: "underscore", 0x60: "grave"})
    for c in range(ord("a"), ord("z") + 1):
        names[c] = chr(c)
    names.update({0x7B: "braceleft", 0x7C: "bar", 0x7D: "braceright", 0x7E: "asciitilde"})
    names.update({0x80: "Euro", 0x82: "quotesinglbase", 0x83: "florin", 0x84: "quotedblbase",
                  0x85: "ellipsis", 0x86: "dagger", 0x87: "daggerdbl", 0x88: "circumflex",
                  0x89: "perthousand", 0x8A: "Scaron", 0x8B: "guilsinglleft", 0x8C: "OE", 0x8E: "Zcaron",
                  0x91: "quoteleft", 0x92: "quoteright", 0x93: "quotedblleft", 0x94: "quotedblright",
                  0x95: "bullet", 0x96: "endash", 0x97: "emdash", 0x98: "tilde", 0x99: "trademark",
                  0x9A: "scaron", 0x9B: "guilsinglright", 0x9C: "oe", 0x9E: "zcaron", 0x9F: "Ydieresis"})
    latin1 = ("space exclamdown cent sterling currency yen brokenbar section dieresis copyright ordfeminine "
              "guillemotleft logicalnot hyphen registered macron degree plusminus twosuperior threesuperior "
              "acute mu paragraph periodcentered cedilla onesuperior ordmasculine guillemotright onequarter "
              "onehalf threequarters questiondown Agrave Aacute Acircumflex Atilde Adieresis Aring AE "
              "Ccedilla Egrave Eacute Ecircumflex Edieresis Igrave Iacute Icircumflex Idieresis Eth Ntilde "
              "Ograve Oacute Ocircumflex Otilde Odieresis multiply Oslash Ugrave Uacute Ucircumflex "
              "Udieresis Yacute Thorn germandbls agrave aacute acircumflex atilde adieresis aring ae "
              "ccedilla egrave eacute ecircumflex edieresis igrave iacute icircumflex idieresis eth ntilde "
              "ograve oacute ocircumflex otilde odieresis divide oslash ugrave uacute ucircumflex "
              "udieresis yacute thorn ydieresis").split()
    assert len(latin1) == 96
    for i, n in enumerate(latin1):
        names[0xA0 + i] = n
    return names


def read_afm(path):
    widths, kerns, info = {}, [], {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            parts = line.split()
            if not parts:
                continue
            if parts[0] == "C":
                fields = dict(item.strip().split(None, 1) for item in line.split(";") if item.strip()
                              and len(item.strip().split(None, 1)) == 2)
                widths[fields["N"]] = int(round(float(fields["WX"])))
                if "B" in fields:
                    bbox = [int(round(float(x))) for x in fields["B"].split()]
                    # The real ascender and descender are those of the letters, not the font's bbox.
                    if fields["N"] in ("b", "d", "f", "h", "k", "l"):
                        info["Ascender"] = max(info.get("Ascender", 0), bbox[3])
                    if fields["N"] in ("g", "j", "p", "q", "y"):
                        info["Descender"] = min(info.get("Descender", 0), bbox[1])
            elif parts[0] == "KPX":
                kerns.append((parts[1], parts[2], int(round(float(parts[3])))))
            elif parts[0] in ("CapHeight", "XHeight"):
                info[parts[0]] = int(round(float(parts[1])))
            elif parts[0] == "FontBBox":
                info["FontBBox"] = [int(round(float(x))) for x in parts[1:5]]
    return widths, kerns, info


def main():
    names = winansi_glyph_names()
    code_of = {}
    for code, name in names.items():
        code_of.setdefault(name, code)
    out = ["// GENERATED by scripts/pdf/generate-font-metrics.py from the URW base35 AFM files",
           "// (metric-compatible with the standard 14 Helvetica and Times). Do not edit by hand.", "",
           "extension StandardFont {"]
    width_cases, kern_cases, asc_cases, desc_cases, cap_cases = [], [], [], [], []
    for case, base, afm in FONTS:
        widths, kerns, info = read_afm(os.path.join(AFM_DIR, afm))
        row = []
        for code in range(256):
            name = names.get(code)
            if name is None:
                row.append(0)
            elif name not in widths:
                sys.exit(f"{afm}: glyph {name} (code {code}) missing")
            else:
                row.append(widths[name])
        lines = []
        for i in range(0, 256, 16):
            lines.append("            " + ", ".join(str(w) for w in row[i:i + 16]) + ",")
        width_cases.append(f"        case .{case}:\n            return [\n" + "\n".join(lines) + "\n            ]")
        # Kerning pairs between two WinAnsi glyphs, packed as left << 24 | right << 16 | (k + 32768),
        # sorted, so a binary search finds them; a flat integer array compiles fast (a dictionary
        # literal of thousands of entries does not).
        pairs = sorted({(code_of[a] << 8) | code_of[b]: k for a, b, k in kerns
                        if a in code_of and b in code_of and k != 0}.items())
        packed = [(p << 16) | (k + 32768) for p, k in pairs]
        kl = []
        for i in range(0, len(packed), 8):
            kl.append("            " + " ".join(f"{v}," for v in packed[i:i + 8]))
        kern_cases.append(f"        case .{case}:\n            return [\n" + "\n".join(kl) + "\n            ]")
        bbox = info["FontBBox"]
        asc = info.get("Ascender") or bbox[3]
        desc = info.get("Descender") or bbox[1]
        cap_cases.append(f"        case .{case}: return {info.get('CapHeight', asc)}")
        asc_cases.append(f"        case .{case}: return {asc}")
        desc_cases.append(f"        case .{case}: return {desc}")
    out.append("    /// Advance widths in 1/1000 em, indexed by WinAnsiEncoding code (0 where the code is unused).")
    out.append("    static func generatedWidths(_ font: StandardFont) -> [UInt16] {")
    out.append("        switch font {")
    out.extend(width_cases)
    out.append("        }\n    }\n")
    out.append("    /// Kerning pairs, sorted: `left << 24 | right << 16 | (adjustment + 32768)`, adjustment in 1/1000 em.")
    out.append("    static func generatedKerning(_ font: StandardFont) -> [UInt32] {")
    out.append("        switch font {")
    out.extend(kern_cases)
    out.append("        }\n    }\n")
    out.append("    /// Ascender in 1/1000 em (from the font's bounding box where the AFM gives none).")
    out.append("    static func generatedAscender(_ font: StandardFont) -> Int {")
    out.append("        switch font {")
    out.extend(asc_cases)
    out.append("        }\n    }\n")
    out.append("    /// Descender in 1/1000 em (negative; from the bounding box where the AFM gives none).")
    out.append("    static func generatedDescender(_ font: StandardFont) -> Int {")
    out.append("        switch font {")
    out.extend(desc_cases)
    out.append("        }\n    }\n")
    out.append("    /// Height of the capital letters in 1/1000 em.")
    out.append("    static func generatedCapHeight(_ font: StandardFont) -> Int {")
    out.append("        switch font {")
    out.extend(cap_cases)
    out.append("        }\n    }")
    out.append("}")
    with open(OUT, "w") as f:
        f.write("\n".join(out) + "\n")
    print(f"wrote {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
