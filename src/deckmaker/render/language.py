"""The talk's language on the deck's text, so that PowerPoint spell-checks it, and a screen
reader speaks it, as that language (PowerPoint's Accessibility Checker asks for one).

Set where every text inherits it from, once per deck rather than on each run: the masters' text
styles (titles, bodies, other text), every list style of the layouts and masters that names a
language of its own, and the presentation's default text style (text boxes). python-pptx has no
API for a paragraph's default run properties, so this walks its parts' public `.element`s."""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree
from pptx.oxml.ns import qn
from pptx.presentation import Presentation
from pptx.slide import SlideLayout

# The culture PowerPoint's language menu writes for each language deckmaker tells apart.
CULTURES = {"en": "en-US", "es": "es-ES"}
LEVELS = tuple(qn(f"a:lvl{n}pPr") for n in range(1, 10))
_DEF_RPR = qn("a:defRPr")


def set_language(prs: Presentation, layouts: Iterable[SlideLayout], language: str) -> None:
    """Make `language` ("en", "es") the language of all text in the deck."""
    culture = CULTURES.get(language, language)
    layouts = list(layouts)
    parts = {id(p.element): p.element for p in (*layouts, *(x.slide_master for x in layouts))}
    for element in parts.values():
        for props in element.iter(_DEF_RPR):
            if props.get("lang") is not None:
                props.set("lang", culture)
        styles = element.find(qn("p:txStyles"))
        for style in styles if styles is not None else ():
            _set_levels(style, culture)
    defaults = prs.element.find(qn("p:defaultTextStyle"))
    if defaults is None:
        defaults = etree.SubElement(prs.element, qn("p:defaultTextStyle"))
        _place_defaults(prs.element, defaults)
    _set_levels(defaults, culture)


def _set_levels(style: etree._Element, culture: str) -> None:
    """Every level of a list style with `lang` on its default run properties (and the
    style's own default paragraph, where it has one)."""
    for existing in style.iter(_DEF_RPR):
        existing.set("lang", culture)
    for tag in LEVELS:
        level = style.find(tag)
        if level is None:
            level = etree.SubElement(style, tag)
            _in_order(style, level)
        if level.find(_DEF_RPR) is None:
            props = etree.SubElement(level, _DEF_RPR, lang=culture)
            extensions = level.find(qn("a:extLst"))
            if extensions is not None:  # the schema's order: defRPr, then extLst
                extensions.addprevious(props)


def _in_order(style: etree._Element, level: etree._Element) -> None:
    """Move a new level to its place in the schema's order: defPPr, lvl1pPr..lvl9pPr, extLst."""
    rank = LEVELS.index(level.tag)
    for sibling in style:
        if sibling.tag == qn("a:extLst") or (
            sibling.tag in LEVELS and LEVELS.index(sibling.tag) > rank
        ):
            sibling.addprevious(level)
            return


def _place_defaults(presentation: etree._Element, defaults: etree._Element) -> None:
    """A new default text style goes where the schema puts it: after the sizes and
    custom shows, before `modifyVerifier` and extensions."""
    for tag in ("p:modifyVerifier", "p:extLst"):
        later = presentation.find(qn(tag))
        if later is not None:
            later.addprevious(defaults)
            return
