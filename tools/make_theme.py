"""Build the shipped themes, themes/light.pptx, dark.pptx and editorial.pptx (16:9).

Run from the repository root:

    python tools/make_theme.py

Each is regenerated from python-pptx's own default template, so the files can always be
rebuilt from this script alone, and byte-for-byte reproducibly: running the script twice gives
the same files (fixed zip timestamps, fixed document properties, no thumbnail).

What each holds: a slide master with the standard layouts ("Title Slide", "Title and Content",
"Section Header", "Two Content", ...) laid out for a 13.33 x 7.5 in slide, plus a "Quote"
layout (in place of the default's vertical-text one; deckmaker draws the rule beside each
quote, as tall as its lines, and sets statements in it upright); a colour and font scheme of its own
(Calibri, Cambria and Arial, which LibreOffice draws with the metric-compatible Carlito,
Caladea and Liberation Sans); slide-number and footer placeholders; and no slides.
deckmaker finds layouts by name and placeholders by type.
"""

import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.util import Emu

OUT = Path(__file__).resolve().parent.parent / "themes"

# --- Geometry (EMU) -----------------------------------------------------------------------------


def inch(value):
    """Inches to EMU, rounded to a whole number."""
    return round(value * 914400)


SLIDE_W, SLIDE_H = 12192000, 6858000  # 13.333 x 7.5 in, PowerPoint's "Widescreen"
MARGIN = inch(0.6)  # left and right margin of every layout
CONTENT_W = SLIDE_W - 2 * MARGIN  # 12.133 in
GUTTER = inch(0.4)  # between two columns
COL_W = (CONTENT_W - GUTTER) // 2
COL2_X = MARGIN + COL_W + GUTTER
CONTENT_BOTTOM = inch(6.8)  # every content area ends on this line

# two lines of 36 pt at 90 % leading, with room above for a section's label ("02 · Topic")
TITLE = (MARGIN, inch(0.6), CONTENT_W, inch(1.25))
BODY = (MARGIN, inch(1.95), CONTENT_W, CONTENT_BOTTOM - inch(1.95))  # 4.85 in high

FOOTER_Y, FOOTER_H = inch(6.9), inch(0.35)
FOOTERS = {  # keyed by placeholder type: master and layouts use different idx values
    "dt": (MARGIN, FOOTER_Y, inch(2.8), FOOTER_H),
    "ftr": ((SLIDE_W - inch(4.5)) // 2, FOOTER_Y, inch(4.5), FOOTER_H),
    "sldNum": (SLIDE_W - MARGIN - inch(2.8), FOOTER_Y, inch(2.8), FOOTER_H),
}
FOOTER_TYPE = {"dt": (12, "l"), "ftr": (12, "ctr"), "sldNum": (14, "r")}  # size (pt), alignment
CAPTION_W = inch(4.2)  # left column of "Content with Caption"
PICTURE = (SLIDE_W - inch(8)) // 2, inch(8)  # x and width of a centred 8 x 4.5 in picture

# Placeholder geometry for each layout, keyed by placeholder idx. Without its own <a:xfrm> a
# layout placeholder silently inherits the master's box; every one is stated here so the layout
# says exactly where deckmaker's text will go, whatever reads the file.
LAYOUTS = {
    "Title Slide": {
        0: (inch(1), inch(1.75), SLIDE_W - 2 * inch(1), inch(2.25)),
        1: (inch(1), inch(4.45), SLIDE_W - 2 * inch(1), inch(1.5)),
    },
    "Title and Content": {0: TITLE, 1: BODY},
    "Section Header": {  # the label ("Part 2 of 4") over the title, room for a large number above
        1: (MARGIN, inch(3.45), CONTENT_W, inch(0.6)),
        0: (MARGIN, inch(4.1), CONTENT_W, inch(2.4)),
    },
    "Two Content": {
        0: TITLE,
        1: (MARGIN, BODY[1], COL_W, BODY[3]),
        2: (COL2_X, BODY[1], COL_W, BODY[3]),
    },
    "Comparison": {
        0: TITLE,
        1: (MARGIN, BODY[1], COL_W, inch(0.7)),
        2: (MARGIN, inch(2.6), COL_W, CONTENT_BOTTOM - inch(2.6)),
        3: (COL2_X, BODY[1], COL_W, inch(0.7)),
        4: (COL2_X, inch(2.6), COL_W, CONTENT_BOTTOM - inch(2.6)),
    },
    "Title Only": {0: TITLE},
    "Blank": {},
    "Content with Caption": {
        0: (MARGIN, inch(0.5), CAPTION_W, inch(1.5)),
        1: (
            MARGIN + CAPTION_W + GUTTER,
            inch(1),
            SLIDE_W - 2 * MARGIN - CAPTION_W - GUTTER,
            CONTENT_BOTTOM - inch(1),
        ),
        2: (MARGIN, inch(2.1), CAPTION_W, CONTENT_BOTTOM - inch(2.1)),
    },
    "Picture with Caption": {
        1: (PICTURE[0], inch(0.4), PICTURE[1], inch(4.5)),
        0: (PICTURE[0], inch(5.0), PICTURE[1], inch(0.6)),
        2: (PICTURE[0], inch(5.6), PICTURE[1], inch(1.0)),
    },
    "Quote": {  # the default's "Title and Vertical Text", renamed and laid out for a quote
        # the quote stands on its box's foot, just over who said it: a quote of two or three
        # lines and its attribution sit around the slide's middle, a long one grows upwards
        0: (inch(1.5), inch(0.9), SLIDE_W - 2 * inch(1.5), inch(3.5)),
        1: (inch(1.5), inch(4.5), SLIDE_W - 2 * inch(1.5), inch(0.9)),
    },
    "Vertical Title and Text": {
        0: (SLIDE_W - MARGIN - inch(2.25), inch(0.4), inch(2.25), CONTENT_BOTTOM - inch(0.4)),
        1: (
            MARGIN,
            inch(0.4),
            SLIDE_W - 2 * MARGIN - inch(2.25) - GUTTER,
            CONTENT_BOTTOM - inch(0.4),
        ),
    },
}
TITLE_RULE = (SLIDE_W - inch(1.2)) // 2, inch(4.2), inch(1.2), inch(0.06)  # on "Title Slide"
TOP_STRIPE = 0, 0, SLIDE_W, inch(0.08)  # on the master
UNDER_TITLE = MARGIN + inch(0.1), inch(1.86), inch(0.9), inch(0.06)  # a short rule under titles
LEFT_BAND = 0, 0, inch(0.22), SLIDE_H  # a band down the left edge
OVER_LABEL = MARGIN + inch(0.1), inch(3.35), inch(1.6), inch(0.06)  # over a divider's label
TITLED = ("Title and Content", "Two Content", "Comparison", "Title Only")

# Text anchoring where it differs from the rule "titles sit on the bottom, text hangs from the top".
ANCHORS = {
    ("Comparison", 1): MSO_ANCHOR.BOTTOM,
    ("Comparison", 3): MSO_ANCHOR.BOTTOM,
    ("Section Header", 0): MSO_ANCHOR.TOP,
    ("Section Header", 1): MSO_ANCHOR.BOTTOM,
}

# --- The three designs --------------------------------------------------------------------------


@dataclass(frozen=True)
class Design:
    stem: str  # the file's name, and the name `--theme` takes
    name: str  # the theme's name inside the file
    colors: dict  # the colour scheme's twelve slots
    major: str  # heading typeface
    minor: str  # body typeface
    dark: bool = False  # light text on the dark colours (the master's colour map is swapped)
    cover_align: str = "ctr"
    title_case_bold: bool = True  # titles set bold
    bars: dict = field(default_factory=dict)  # accent rectangles: "master" or a layout's name


LIGHT = Design(
    "light",
    "deckmaker Light",
    {
        "dk1": "1F2937",  # body text: near-black slate
        "lt1": "FFFFFF",  # background
        "dk2": "1E293B",  # titles: deep slate
        "lt2": "F1F5F9",  # pale slate for panels
        "accent1": "2563EB",  # strong blue: bullets, accent bars, first chart series
        "accent2": "0D9488",  # teal
        "accent3": "D97706",  # amber
        "accent4": "7C3AED",  # violet
        "accent5": "DB2777",  # rose
        "accent6": "64748B",  # mid slate
        "hlink": "1D4ED8",
        "folHlink": "6D28D9",
    },
    "Calibri",
    "Calibri",
    bars={
        "master": [TOP_STRIPE],
        "Title Slide": [TITLE_RULE],
        "Section Header": [OVER_LABEL],
    },
)
DARK = Design(
    "dark",
    "deckmaker Dark",
    {
        "dk1": "0F172A",  # background: midnight (bg1 through the swapped colour map)
        "lt1": "E2E8F0",  # body text: soft white
        "dk2": "1E293B",
        "lt2": "FFFFFF",  # titles: white
        "accent1": "38BDF8",  # sky: bullets and rules
        "accent2": "F472B6",
        "accent3": "FBBF24",
        "accent4": "A78BFA",
        "accent5": "34D399",
        "accent6": "94A3B8",
        "hlink": "7DD3FC",
        "folHlink": "C4B5FD",
    },
    "Arial",
    "Arial",
    dark=True,
    cover_align="l",
    bars={
        **{name: [UNDER_TITLE] for name in TITLED},
        "Title Slide": [(inch(1.1), inch(4.15), inch(1.4), inch(0.08))],  # under the title text
        "Section Header": [OVER_LABEL],
    },
)
EDITORIAL = Design(
    "editorial",
    "deckmaker Editorial",
    {
        "dk1": "1C1917",  # body text: warm black
        "lt1": "FBF8F3",  # background: paper
        "dk2": "111111",  # titles: ink
        "lt2": "F3EDE4",
        "accent1": "D9480F",  # vermilion: the band, bullets and rules
        "accent2": "1D4ED8",
        "accent3": "A16207",
        "accent4": "7E22CE",
        "accent5": "BE123C",
        "accent6": "78716C",
        "hlink": "C2410C",
        "folHlink": "7E22CE",
    },
    "Cambria",
    "Calibri",
    cover_align="l",
    bars={
        "master": [LEFT_BAND],
        # under the title (which stands on its box's foot, however many lines it takes),
        # not above it, where a one-line title would leave the rule floating
        "Title Slide": [(inch(1.1), inch(4.16), inch(2.2), inch(0.1))],
        "Section Header": [OVER_LABEL],
    },
)
DESIGNS = (LIGHT, DARK, EDITORIAL)

# Body levels: (size pt, space before pt, marL, indent, bullet). Levels 1 and 2 are what decks use;
# the rest keep the default indents and just get smaller type.
BODY_LEVELS = [
    (24, 8, 342900, -342900, "•"),
    (20, 6, 800100, -342900, "–"),
    (18, 4, 1143000, -228600, "•"),
    (16, 4, 1600200, -228600, "–"),
    (16, 4, 2057400, -228600, "»"),
    (16, 4, 2514600, -228600, "•"),
    (16, 4, 2971800, -228600, "•"),
    (16, 4, 3429000, -228600, "•"),
    (16, 4, 3886200, -228600, "•"),
]
INSETS = {"lIns": 91440, "tIns": 45720, "rIns": 91440, "bIns": 45720}  # 0.1 in / 0.05 in
TEXT_PH_TYPES = {"title", "ctrTitle", "subTitle", "body", "obj"}
FIXED_TIME = dt.datetime(2000, 1, 1, 0, 0, 0)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def sub(parent, tag, **attrs):
    """Append a child element (tag like "a:spcBef") with string attributes; return it."""
    return etree.SubElement(parent, qn(tag), {k: str(v) for k, v in attrs.items()})


def add_fill(parent, scheme, lighter=0):
    """Add <a:solidFill> with a theme colour, optionally lightened by `lighter` percent."""
    clr = sub(sub(parent, "a:solidFill"), "a:schemeClr", val=scheme)
    if lighter:
        sub(clr, "a:lumMod", val=(100 - lighter) * 1000)
        sub(clr, "a:lumOff", val=lighter * 1000)


def add_level(
    parent,
    lvl,
    *,
    size,
    marL=0,
    indent=0,
    algn="l",
    before=0,
    line=100,
    bullet=None,
    bold=False,
    italic=False,
    color="tx1",
    lighter=0,
    major=False,
):
    """Append one <a:lvlNpPr> paragraph style (children in schema order)."""
    ppr = sub(
        parent,
        f"a:lvl{lvl}pPr",
        marL=marL,
        indent=indent,
        algn=algn,
        defTabSz=914400,
        rtl=0,
        eaLnBrk=1,
        latinLnBrk=0,
        hangingPunct=1,
    )
    sub(sub(ppr, "a:lnSpc"), "a:spcPct", val=line * 1000)
    sub(sub(ppr, "a:spcBef"), "a:spcPts", val=before * 100)
    if bullet:
        sub(sub(ppr, "a:buClr"), "a:schemeClr", val="accent1")
        sub(ppr, "a:buFont", typeface="Arial")  # the bullet glyphs are in every Arial clone
        sub(ppr, "a:buChar", char=bullet)
    else:
        sub(ppr, "a:buNone")
    rpr = sub(ppr, "a:defRPr", sz=size * 100, b=int(bold), i=int(italic), kern=1200)
    add_fill(rpr, color, lighter)
    font = "mj" if major else "mn"  # theme font references: +mj-lt is the major (heading) latin
    for tag, script in (("a:latin", "lt"), ("a:ea", "ea"), ("a:cs", "cs")):
        sub(rpr, tag, typeface=f"+{font}-{script}")


def set_lst_style(placeholder, *levels):
    """Replace a placeholder's <a:lstStyle> with the given add_level() keyword sets."""
    lst = placeholder.element.txBody.find(qn("a:lstStyle"))
    lst.clear()
    for lvl, kwargs in enumerate(levels, start=1):
        add_level(lst, lvl, **kwargs)


def ph_kind(shape):
    """The placeholder's type token as written in the XML ("title", "dt", ...; "obj" if absent)."""
    return shape.element.ph.get("type", "obj")


def place(shape, box):
    shape.left, shape.top, shape.width, shape.height = (Emu(v) for v in box)


def setup_text_frame(shape, anchor=None):
    """Explicit insets and no autofit on a text placeholder.

    Autofit is off because deckmaker measures and sizes its own text; with normAutofit PowerPoint
    would silently shrink it again on open, and LibreOffice would shrink it differently.
    """
    tf = shape.text_frame
    tf.word_wrap = True
    # Written as raw attributes: python-pptx omits an inset equal to the OOXML default, and then a
    # layout would inherit whatever the master says instead of stating its own value.
    for name, value in INSETS.items():
        shape.element.find(f"{qn('p:txBody')}/{qn('a:bodyPr')}").set(name, str(value))
    tf.auto_size = MSO_AUTO_SIZE.NONE  # writes <a:noAutofit/>
    if anchor is not None:
        tf.vertical_anchor = anchor


def add_bar(shapes_owner, shape_id, box, name="Accent Bar"):
    """A plain accent-coloured rectangle (no text) drawn behind the placeholders."""
    x, y, cx, cy = box
    sp = parse_xml(
        f'<p:sp {nsdecls("a", "p")}><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}"/>'
        f'<p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr>'
        f'<a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        f'<a:solidFill><a:schemeClr val="accent1"/></a:solidFill><a:ln><a:noFill/></a:ln>'
        f"</p:spPr></p:sp>"
    )
    tree = shapes_owner.element.cSld.spTree
    tree.insert(2, sp)  # right after nvGrpSpPr/grpSpPr, i.e. at the back of the z-order


def style_master(prs, d):
    master = prs.slide_master
    if d.dark:  # light text on the dark colours: backgrounds from dk1, text from lt1
        master.element.find(qn("p:clrMap")).attrib.update(
            {"bg1": "dk1", "tx1": "lt1", "bg2": "dk2", "tx2": "lt2"}
        )
    for shape in master.placeholders:
        kind = ph_kind(shape)
        if kind in FOOTERS:
            place(shape, FOOTERS[kind])
            # The slide number ties the deck to the script's [SLIDE N] cues: legible, in the
            # theme's quiet neutral, never loud; the footer and date a little smaller.
            size, align = FOOTER_TYPE[kind]
            set_lst_style(shape, dict(size=size, algn=align, color="accent6"))
        elif kind == "title":
            place(shape, TITLE)
            setup_text_frame(shape, MSO_ANCHOR.BOTTOM)  # one- and two-line titles share a baseline
        else:
            place(shape, BODY)
            setup_text_frame(shape, MSO_ANCHOR.TOP)

    styles = master.element.find(qn("p:txStyles"))
    title_style = styles.find(qn("p:titleStyle"))
    title_style.clear()
    # 90% leading keeps a two-line 36 pt title inside the 1.3 in title box.
    add_level(title_style, 1, size=36, bold=True, color="tx2", line=90, major=True)
    body_style = styles.find(qn("p:bodyStyle"))
    body_style.clear()
    for lvl, (size, before, marL, indent, bullet) in enumerate(BODY_LEVELS, start=1):
        add_level(
            body_style,
            lvl,
            size=size,
            marL=marL,
            indent=indent,
            before=before,
            bullet=bullet,
        )  # sub-points in the body colour: smaller and indented, never faint
    for n, bar in enumerate(d.bars.get("master", [])):
        add_bar(master, 20 + n, bar)


def style_layouts(prs, d):
    for layout in prs.slide_layouts:
        if layout.name == "Title and Vertical Text":  # a vertical-text layout serves no talk
            layout.element.cSld.set("name", "Quote")
            for shape in layout.placeholders:
                shape.element.ph.attrib.pop("orient", None)
                body_pr = shape.element.find(f"{qn('p:txBody')}/{qn('a:bodyPr')}")
                if body_pr is not None:
                    body_pr.attrib.pop("vert", None)
        boxes = LAYOUTS[layout.name]
        for shape in layout.placeholders:
            kind = ph_kind(shape)
            idx = shape.placeholder_format.idx
            place(shape, FOOTERS[kind] if kind in FOOTERS else boxes[idx])
            if kind in TEXT_PH_TYPES:
                default = MSO_ANCHOR.BOTTOM if kind in ("title", "ctrTitle") else MSO_ANCHOR.TOP
                vertical = shape.element.ph.get("orient") == "vert"  # keep the master's anchor
                anchor = None if vertical else ANCHORS.get((layout.name, idx), default)
                setup_text_frame(shape, anchor)
            # The default's content placeholders in the two-column and caption layouts override
            # the master's type sizes to suit a 4:3 page; drop that so every content box uses
            # the master's 24/20 pt.
            if kind == "obj":
                lst = shape.element.txBody.find(qn("a:lstStyle"))
                lst.clear()

        for n, bar in enumerate(d.bars.get(layout.name, [])):
            add_bar(layout, 20 + n, bar)
        if layout.name == "Title Slide":
            title, subtitle = layout.placeholders[0], layout.placeholders[1]
            align = d.cover_align
            set_lst_style(
                title, dict(size=48, algn=align, bold=True, color="tx2", line=90, major=True)
            )
            set_lst_style(subtitle, dict(size=24, algn=align, lighter=25))
        elif layout.name == "Section Header":
            title, text = layout.placeholders[0], layout.placeholders[1]
            set_lst_style(title, dict(size=44, bold=True, color="tx2", line=90, major=True))
            set_lst_style(text, dict(size=20, bold=True, color="accent1"))
        elif layout.name == "Quote":
            quote, by = layout.placeholders[0], layout.placeholders[1]
            set_lst_style(quote, dict(size=36, italic=True, color="tx2", major=True))
            set_lst_style(by, dict(size=20, color="accent1"))
        elif layout.name in ("Content with Caption", "Picture with Caption"):
            title = layout.placeholders[0]
            set_lst_style(title, dict(size=24, bold=True, color="tx2", line=90, major=True))
            caption = next(s for s in layout.placeholders if s.placeholder_format.idx == 2)
            set_lst_style(caption, dict(size=16, before=4, lighter=20))
        elif layout.name == "Comparison":
            for idx in (1, 3):
                head = next(s for s in layout.placeholders if s.placeholder_format.idx == idx)
                set_lst_style(head, dict(size=24, bold=True, color="tx2"))


def restyle_theme(prs, d):
    """Rename the theme and set its colour and font schemes (the theme part is a plain blob)."""
    theme_part = prs.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(theme_part.blob)
    root.set("name", d.name)
    scheme = root.find(f"{qn('a:themeElements')}/{qn('a:clrScheme')}")
    scheme.set("name", d.name)
    for slot, rgb in d.colors.items():
        holder = scheme.find(qn(f"a:{slot}"))
        holder.clear()  # drops sysClr windowText/window, which follow the OS colour settings
        sub(holder, "a:srgbClr", val=rgb)
    fonts = root.find(f"{qn('a:themeElements')}/{qn('a:fontScheme')}")
    fonts.set("name", d.name)
    for which, face in (("a:majorFont", d.major), ("a:minorFont", d.minor)):
        fonts.find(f"{qn(which)}/{qn('a:latin')}").set("typeface", face)
    theme_part.blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def edit_blob(part, edit):
    """Apply `edit` to the XML tree of a part that python-pptx keeps only as bytes."""
    root = etree.fromstring(part.blob)
    edit(root)
    part.blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def tidy_package(prs, d):
    pres = prs.part
    # 16:9: sldSz without type="screen4x3" (no type means custom, which is what PowerPoint writes).
    prs.slide_width, prs.slide_height = Emu(SLIDE_W), Emu(SLIDE_H)
    prs.element.find(qn("p:sldSz")).attrib.pop("type", None)

    # Drop the default's 4:3 thumbnail image and its Mac printer-settings blob. Removing the
    # relationships is enough: python-pptx only writes parts reachable from the package root.
    package = pres.package
    try:
        thumbnail = package.part_related_by(RT.THUMBNAIL)
    except KeyError:
        pass
    else:  # relating a part related already answers its relationship's id
        package.drop_rel(package.relate_to(thumbnail, RT.THUMBNAIL))
    for rId, rel in list(pres.rels.items()):
        if rel.reltype == RT.PRINTER_SETTINGS:
            pres.drop_rel(rId)

    # The editor's centre guide, moved to the middle of the wider slide (units of 1/8 pt).
    def centre_guide(root):
        for guide in root.iter(qn("p:guide")):
            if guide.get("orient") != "horz":
                guide.set("pos", str(SLIDE_W // 2 * 8 // 12700))  # 12700 EMU per pt

    edit_blob(pres.part_related_by(RT.VIEW_PROPS), centre_guide)

    def app_props(root):
        ns = root.nsmap[None]
        root.find(f"{{{ns}}}PresentationFormat").text = "Widescreen"
        root.find(f"{{{ns}}}TotalTime").text = "0"
        titles = root.find(f"{{{ns}}}TitlesOfParts")
        titles[0][0].text = d.name

    edit_blob(package.part_related_by(RT.EXTENDED_PROPERTIES), app_props)

    # Fixed, impersonal document properties so the bytes never depend on who or when.
    core = prs.core_properties
    core.title = "deckmaker theme"
    core.subject = d.name
    core.author = ""
    core.last_modified_by = ""
    core.comments = "Generated by tools/make_theme.py"
    core.revision = 1
    core.created = core.modified = FIXED_TIME


def deterministic_bytes(prs):
    """Save with python-pptx, then rewrite the zip with fixed timestamps and attributes."""
    raw = io.BytesIO()
    prs.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():  # python-pptx's order: [Content_Types].xml first
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename), compresslevel=9)
    return out.getvalue()


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for d in DESIGNS:
        prs = Presentation()  # python-pptx's bundled default: 4:3, eleven layouts, no slides
        tidy_package(prs, d)
        restyle_theme(prs, d)
        style_master(prs, d)
        style_layouts(prs, d)
        out = OUT / f"{d.stem}.pptx"
        out.write_bytes(deterministic_bytes(prs))
        print(f"wrote {out}")


if __name__ == "__main__":
    main()
