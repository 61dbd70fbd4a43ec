"""The build animation of a revealed slide: its bullets appear one click at a time.

python-pptx has no API for animations, so the slide's `<p:timing>` is written here as
PowerPoint writes an "Appear" entrance effect built by paragraph: a main sequence with one
click group per paragraph, each setting that paragraph (`p:txEl/p:pRg`) visible, and a build
list entry (`p:bldP build="p"`) per text box, which tells PowerPoint and LibreOffice to hide
those paragraphs until their click. PowerPoint groups text "by 1st level paragraphs" unless told
otherwise (`bldLvl` 1: a sub-point would come with its point), so `bldLvl` is 2, the plan's
depth: every paragraph, point or sub-point, has its own click, one per `[CLICK]` mark of the
words said.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.shapes.autoshape import Shape
from pptx.slide import Slide

from deckmaker.planning import SlidePlan

P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
BUILD_LEVEL = 2  # bullets and sub-points: see above


def reveal_bullets(slide: Slide, bodies: Sequence[Shape], planned: SlidePlan) -> None:
    """Give `slide` its build animation when the plan reveals it: every paragraph of the
    text boxes holding its bullets (`bodies`, in the layout's order: one, or two for columns),
    in order, on a click of its own."""
    if not planned.reveal:
        return
    shown = bodies[: len(planned.columns) if planned.columns else int(bool(planned.bullets))]
    targets = [(s, len(s.text_frame.paragraphs)) for s in shown]
    if not any(count for _, count in targets):
        return
    timing = parse_xml(timing_xml([(s.shape_id, n) for s, n in targets]))
    sld = slide.element
    after = sld.find(qn("p:extLst"))  # the schema's order: cSld, clrMapOvr, transition, timing
    if after is not None:
        after.addprevious(timing)
    else:
        sld.append(timing)


def timing_xml(targets: Sequence[tuple[int, int]]) -> str:
    """`<p:timing>` revealing, click by click, each paragraph of each (shape id, paragraph
    count) in `targets`. Node ids count up from 1 in document order, as PowerPoint's do, so
    the same slide always gives the same bytes."""
    ids = itertools.count(1)
    root, main = next(ids), next(ids)
    clicks = []
    for group, (spid, count) in enumerate(targets):
        for paragraph in range(count):
            outer, inner, effect, behaviour = (next(ids) for _ in range(4))
            clicks.append(
                f'<p:par><p:cTn id="{outer}" fill="hold"><p:stCondLst>'
                f'<p:cond delay="indefinite"/></p:stCondLst><p:childTnLst>'
                f'<p:par><p:cTn id="{inner}" fill="hold"><p:stCondLst><p:cond delay="0"/>'
                f"</p:stCondLst><p:childTnLst>"
                f'<p:par><p:cTn id="{effect}" presetID="1" presetClass="entr" '
                f'presetSubtype="0" fill="hold" grpId="{group}" nodeType="clickEffect">'
                f'<p:stCondLst><p:cond delay="0"/></p:stCondLst><p:childTnLst>'
                f'<p:set><p:cBhvr><p:cTn id="{behaviour}" dur="1" fill="hold"><p:stCondLst>'
                f'<p:cond delay="0"/></p:stCondLst></p:cTn><p:tgtEl><p:spTgt spid="{spid}">'
                f'<p:txEl><p:pRg st="{paragraph}" end="{paragraph}"/></p:txEl></p:spTgt>'
                f"</p:tgtEl><p:attrNameLst><p:attrName>style.visibility</p:attrName>"
                f'</p:attrNameLst></p:cBhvr><p:to><p:strVal val="visible"/></p:to></p:set>'
                f"</p:childTnLst></p:cTn></p:par>"
                f"</p:childTnLst></p:cTn></p:par>"
                f"</p:childTnLst></p:cTn></p:par>"
            )
    builds = "".join(
        f'<p:bldP spid="{spid}" grpId="{group}" build="p" bldLvl="{BUILD_LEVEL}"/>'
        for group, (spid, _) in enumerate(targets)
    )
    return (
        f'<p:timing xmlns:p="{P_NS}"><p:tnLst><p:par>'
        f'<p:cTn id="{root}" dur="indefinite" restart="never" nodeType="tmRoot"><p:childTnLst>'
        f'<p:seq concurrent="1" nextAc="seek">'
        f'<p:cTn id="{main}" dur="indefinite" nodeType="mainSeq"><p:childTnLst>'
        f"{''.join(clicks)}</p:childTnLst></p:cTn>"
        f'<p:prevCondLst><p:cond evt="onPrev" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl>'
        f"</p:cond></p:prevCondLst>"
        f'<p:nextCondLst><p:cond evt="onNext" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl>'
        f"</p:cond></p:nextCondLst>"
        f"</p:seq></p:childTnLst></p:cTn></p:par></p:tnLst>"
        f"<p:bldLst>{builds}</p:bldLst></p:timing>"
    )
