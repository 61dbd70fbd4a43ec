"""The .pptx package as strict readers see it: openxml-audit, lxml with no recovery, and the
rules PowerPoint and Keynote enforce that neither of those checks."""

from __future__ import annotations

import json
import posixpath
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

from lxml import etree

from .tools import require

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"


def package_findings(path: Path) -> list[str]:
    findings = _audit(path)
    try:
        with zipfile.ZipFile(path) as z:
            parts = {name: z.read(name) for name in z.namelist()}
    except zipfile.BadZipFile as err:
        return findings + [f"{path.name}: not a zip package ({err}) [zipfile]"]
    # openxml-audit does not parse every part: a broken notes slide can pass it.
    strict = etree.XMLParser(recover=False, resolve_entities=False)
    trees = {}
    for name, data in parts.items():
        if name.endswith((".xml", ".rels")):
            try:
                trees[name] = etree.fromstring(data, strict)
            except etree.XMLSyntaxError as err:
                findings.append(f"{path.name}:{name}: not well-formed XML ({err}) [lxml]")
    findings += _orphans(path, set(parts), trees)
    findings += _duplicate_ids(path, trees)
    if any(n.startswith("ppt/notesSlides/") for n in parts):
        pres = trees.get("ppt/presentation.xml")
        if pres is None or pres.find(f"{{{P_NS}}}notesMasterIdLst") is None:
            findings.append(f"{path.name}: notes slides but no notesMasterIdLst [Keynote]")
    return findings


def _audit(path: Path) -> list[str]:
    # `--policy permissive` exits 0 even on real errors: read the JSON report instead.
    tool = require("openxml-audit")
    run = subprocess.run([tool, str(path), "-o", "json", "-m", "0"], capture_output=True, text=True)
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError:
        return [f"{path.name}: openxml-audit gave no report: {run.stderr.strip()[:300]}"]
    return [
        f"{path.name}:{e.get('part_uri', '').lstrip('/')}: {e.get('description')} "
        f"at {e.get('path')} [openxml-audit]"
        for f in report
        for e in f.get("errors", []) + f.get("warnings", [])
    ]


def _orphans(path: Path, names: set[str], trees: dict) -> list[str]:
    """Every part must be reachable from the package relationships (a theme's own slides,
    dropped from the slide list, would otherwise linger)."""
    seen, todo = set(), ["_rels/.rels"]
    while todo:
        rels = todo.pop()
        base = posixpath.dirname(posixpath.dirname(rels))
        for rel in trees.get(rels, etree.Element("x")).iter(f"{{{REL_NS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target")
            part = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(base, target))
            )
            if part in seen:
                continue
            seen.add(part)
            part_rels = posixpath.join(
                posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels"
            )
            if part_rels in names:
                todo.append(part_rels)
    plain = {n for n in names if not n.endswith(".rels") and n != "[Content_Types].xml"}
    return [
        f"{path.name}:{n}: orphan part, nothing refers to it [package]"
        for n in sorted(plain - seen)
    ]


def _duplicate_ids(path: Path, trees: dict) -> list[str]:
    findings = []
    for name, tree in sorted(trees.items()):
        if not name.startswith("ppt/slides/slide"):
            continue
        ids = Counter(e.get("id") for e in tree.iter(f"{{{P_NS}}}cNvPr"))
        findings += [
            f"{path.name}:{name}: shape id {i} used {n} times [package]"
            for i, n in ids.items()
            if n > 1
        ]
    return findings
