"""The script formats as their own tools read them: Markdown, SRT, the HTML page and chapters."""

from __future__ import annotations

import json
import os
import re
import subprocess
import tempfile
from pathlib import Path

from .tools import require, require_node_module

SCHEMA = Path(__file__).with_name("chapters.schema.json")
AXE = Path(__file__).with_name("axe.js")
# The browser's own background traffic carries no page origin; what the page asks for does.
NOT_THE_PAGE = {None, "not an origin"}
LOCAL_SCHEMES = ("file:", "data:", "blob:")
# What vnu says of the author's own characters, not of the page: private-use characters (an
# icon font's) are kept as typed, in every artifact (docs/characters.md).
AUTHORS_OWN = ("Document uses the Unicode Private Use Area",)
# vnu guesses the language of the page's text. deckmaker tells English from Spanish (the page's
# `lang`); a guess of another language is a guess about the author's words, which deckmaker
# declares English, not a fault of the page. A Spanish page declared English is one.
KNOWN_LANGUAGES = ("English", "Spanish")
_GUESSED = re.compile(r"This document appears to be written in (\w+)")


def _page_fault(message: str) -> bool:
    guessed = _GUESSED.match(message)
    if guessed is not None:
        return guessed.group(1) in KNOWN_LANGUAGES
    return not message.startswith(AUTHORS_OWN)


SRT_VALIDATOR = """
const validate = require(process.argv[1]).default;
const text = require("fs").readFileSync(process.argv[2], "utf8");
process.stdout.write(JSON.stringify(validate(text)));
"""


# pymarkdownlnt's rules but these: MD013, spoken paragraphs are long lines by design; MD026,
# a title is printed as the author wrote it, "Hello, World!" too (a style rule, not Markdown's);
# MD051, links to the page's own headings: the scripts have none, and the rule itself fails on a
# heading like "the\<\<" (pymarkdownlnt's BadPluginError, found by the fuzz run).
MARKDOWN_RULES_OFF = ("md013", "md026", "md051")


def markdown_findings(path: Path) -> list[str]:
    """pymarkdownlnt's rules, less MARKDOWN_RULES_OFF."""
    tool = require("pymarkdown")
    run = subprocess.run(
        [tool, "--disable-rules", ",".join(MARKDOWN_RULES_OFF), "scan", str(path)],
        capture_output=True,
        text=True,
    )
    return [f"{line} [pymarkdown]" for line in (run.stdout + run.stderr).splitlines() if line]


def srt_findings(path: Path) -> list[str]:
    """The `srt` package must compose back exactly what it parsed (pysrt and ffprobe are too
    lenient to judge), and srt-validator must find no overlapping, unsorted or empty cue."""
    import srt

    text = path.read_text(encoding="utf-8")
    findings = []
    try:
        again = srt.compose(srt.parse(text))
    except srt.SRTParseError as err:
        findings.append(f"{path.name}: {err} [srt]")
    else:
        if again != text:
            line = os.path.commonprefix([text, again]).count("\n") + 1
            findings.append(f"{path.name}:{line}: changes when parsed and composed again [srt]")
    validator = require_node_module("srt-validator")
    run = subprocess.run(
        [require("node"), "-e", SRT_VALIDATOR, str(validator), str(path)],
        capture_output=True,
        text=True,
    )
    if run.returncode:
        return findings + [f"{path.name}: srt-validator failed: {run.stderr.strip()[:300]}"]
    findings += [
        f"{path.name}:{e.get('lineNumber')}: {e.get('message')} [srt-validator]"
        for e in json.loads(run.stdout)
    ]
    return findings


def html_findings(path: Path) -> list[str]:
    """Open the page in headless Chromium with every host unresolvable and a net-log: no request
    may leave the file, no script may throw. Then vnu.jar, the W3C's checker, on the markup, and
    axe-core (Deque's accessibility engine) on the page as Chromium lays it out."""
    return _browser(path) + _vnu(path) + _axe(path)


def _axe(path: Path) -> list[str]:
    """axe-core's violations (WCAG 2.x A/AA and its best practices: names, contrast, landmarks),
    run by axe.js in Debian's Chromium through puppeteer-core."""
    require_node_module("axe-core")
    require_node_module("puppeteer-core")
    run = subprocess.run(
        [require("node"), str(AXE), str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "CHROMIUM": require("chromium")},
    )
    if run.returncode:
        return [f"{path.name}: axe-core did not run: {run.stderr.strip()[:300]} [axe]"]
    return [
        f"{path.name}: {v['help']} ({v['id']}: {', '.join(v['targets'][:3])}) [axe]"
        for v in json.loads(run.stdout)
    ]


def _browser(path: Path) -> list[str]:
    chromium = require("chromium")
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp, "net.json")
        run = subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", f"--user-data-dir={tmp}/profile",
             "--host-resolver-rules=MAP * ~NOTFOUND", f"--log-net-log={log}",
             "--enable-logging=stderr", "--virtual-time-budget=5000", "--dump-dom",
             path.resolve().as_uri()],
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        if not log.exists():
            return [f"{path.name}: Chromium wrote no net-log: {run.stderr.strip()[:300]}"]
        net = json.loads(log.read_text(encoding="utf-8"))
    start_job = net["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    requested = sorted(
        {
            e["params"]["url"]
            for e in net["events"]
            if e["type"] == start_job and e.get("params", {}).get("initiator") not in NOT_THE_PAGE
        }
    )
    findings = [
        f"{path.name}: requests {url} [Chromium]"
        for url in requested
        if not url.startswith(LOCAL_SCHEMES)
    ]
    findings += [
        f"{path.name}: {line.split('CONSOLE', 1)[-1].lstrip(':0123456789] ')} [Chromium]"
        for line in run.stderr.splitlines()
        if "Uncaught" in line
    ]
    return findings


def _vnu(path: Path) -> list[str]:
    jar = require_node_module("vnu-jar", "build/dist/vnu.jar")
    run = subprocess.run(
        [require("java"), "-jar", str(jar), "--format", "json", "--also-check-css", str(path)],
        capture_output=True,
        text=True,
    )
    try:
        messages = json.loads(run.stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        return [f"{path.name}: vnu.jar gave no report: {run.stderr.strip()[:300]}"]
    return [
        f"{path.name}:{m.get('lastLine', '?')}: {m['type']}: {m['message']} [vnu]"
        for m in messages
        if (m["type"] == "error" or m.get("subType") == "warning") and _page_fault(m["message"])
    ]


def chapters_findings(path: Path) -> list[str]:
    """Podcasting 2.0 JSON chapters: the schema in chapters.schema.json, and ascending times,
    which a schema cannot say."""
    from jsonschema import Draft202012Validator

    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        return [f"{path.name}:{err.lineno}: not JSON ({err.msg}) [json]"]
    validator = Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    findings = [
        f"{path.name}: {e.json_path}: {e.message} [jsonschema]"
        for e in sorted(validator.iter_errors(doc), key=lambda e: e.json_path)
    ]
    if findings:
        return findings
    starts = [c["startTime"] for c in doc["chapters"]]
    findings += [
        f"{path.name}: $.chapters[{i}].startTime {b} is not after {a} [chapters]"
        for i, (a, b) in enumerate(zip(starts, starts[1:], strict=False), 1)
        if b <= a
    ]
    findings += [
        f"{path.name}: $.chapters[{i}].endTime {c['endTime']} is not after its start [chapters]"
        for i, c in enumerate(doc["chapters"])
        if "endTime" in c and c["endTime"] <= c["startTime"]
    ]
    return findings
