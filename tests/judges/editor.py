"""Outlines as an editor sees them: VS Code's YAML extension runs yaml-language-server, which
reads the `# yaml-language-server: $schema=…` line, loads that schema and reports what breaks
it. Here the same server (from npm, pinned in package.json) is driven over its standard input
and output, as the editor drives it, in the Language Server Protocol."""

from __future__ import annotations

import json
import os
import select
import subprocess
import time
from pathlib import Path
from typing import Any

from .tools import require, require_node_module

# What the editor's settings say, as VS Code's defaults for the extension.
SETTINGS = {"validate": True, "hover": True, "completion": True, "schemas": {}, "format": {}}
QUIET = 0.5  # seconds with nothing new said: the server has finished with what it was given


class Editor:
    """One yaml-language-server, for several documents in turn."""

    def __init__(self, folder: Path) -> None:
        server = require_node_module("yaml-language-server", "bin/yaml-language-server")
        self.process = subprocess.Popen(
            [require("node"), str(server), "--stdio"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.buffer = b""
        self.last_id = 0
        self.diagnostics: dict[str, list[dict[str, Any]]] = {}
        capabilities = {"workspace": {"configuration": True}, "textDocument": {"hover": {}}}
        self.request("initialize", {"processId": os.getpid(), "rootUri": folder.as_uri(),
                                    "capabilities": capabilities})  # fmt: skip
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": {"yaml": SETTINGS}})

    def __enter__(self) -> Editor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.process.kill()
        self.process.wait()

    def check(self, documents: dict[Path, str], timeout: float = 60) -> dict[Path, list[str]]:
        """Open each document as the editor would and return what the server says about each,
        one line per diagnostic: `name:line: message [yaml-language-server]`."""
        uris = {path.as_uri(): path for path in documents}
        for n, (path, text) in enumerate(documents.items(), 1):
            opened = {"uri": path.as_uri(), "languageId": "yaml", "version": n, "text": text}
            self.notify("textDocument/didOpen", {"textDocument": opened})
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            waiting = [u for u in uris if u not in self.diagnostics]
            if not self._read(QUIET if not waiting else end - time.monotonic()) and not waiting:
                break
        missing = [uris[u].name for u in uris if u not in self.diagnostics]
        if missing:
            raise TimeoutError(f"yaml-language-server said nothing about {missing}")
        return {
            uris[uri]: [
                f"{uris[uri].name}:{d['range']['start']['line'] + 1}: {d['message']} "
                "[yaml-language-server]"
                for d in self.diagnostics.pop(uri)
            ]
            for uri in uris
        }

    def hover(self, path: Path, line: int, column: int) -> str:
        """What the editor shows over the text at line (from 1) and column (from 0)."""
        result = self.request("textDocument/hover", {
            "textDocument": {"uri": path.as_uri()},
            "position": {"line": line - 1, "character": column}})  # fmt: skip
        return str(result["contents"]["value"]) if result else ""

    def complete(self, path: Path, line: int, column: int) -> list[str]:
        """The completions the editor offers at line (from 1) and column (from 0)."""
        result = self.request("textDocument/completion", {
            "textDocument": {"uri": path.as_uri()},
            "position": {"line": line - 1, "character": column}})  # fmt: skip
        items = result["items"] if isinstance(result, dict) else result or []
        return [item["label"] for item in items]

    # -- the protocol ---------------------------------------------------------------------------

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.last_id += 1
        asked = self.last_id
        self._send({"jsonrpc": "2.0", "id": asked, "method": method, "params": params})
        end = time.monotonic() + 60
        while time.monotonic() < end:
            message = self._read(end - time.monotonic())
            if message and message.get("id") == asked and "method" not in message:
                return message.get("result")
        raise TimeoutError(f"yaml-language-server did not answer {method}")

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def _send(self, message: dict[str, Any]) -> None:
        assert self.process.stdin is not None
        body = json.dumps(message).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        self.process.stdin.flush()

    def _read(self, timeout: float) -> dict[str, Any] | None:
        """The next message, answering the server's own questions on the way; None when it
        said nothing within `timeout` seconds."""
        assert self.process.stdout is not None
        end = time.monotonic() + timeout
        while True:
            message = self._parse()
            if message is not None:
                if message.get("method") == "textDocument/publishDiagnostics":
                    params = message["params"]
                    self.diagnostics[params["uri"]] = params["diagnostics"]
                if "method" in message and "id" in message:
                    self._answer(message)
                    continue
                return message
            left = end - time.monotonic()
            if left <= 0 or not select.select([self.process.stdout], [], [], left)[0]:
                return None
            chunk = os.read(self.process.stdout.fileno(), 1 << 16)
            if not chunk:
                raise RuntimeError("yaml-language-server stopped")
            self.buffer += chunk

    def _parse(self) -> dict[str, Any] | None:
        head, found, rest = self.buffer.partition(b"\r\n\r\n")
        if not found:
            return None
        length = next(
            int(line.split(b":")[1]) for line in head.split(b"\r\n")
            if line.lower().startswith(b"content-length")
        )  # fmt: skip
        if len(rest) < length:
            return None
        self.buffer = rest[length:]
        return json.loads(rest[:length])  # type: ignore[no-any-return]

    def _answer(self, message: dict[str, Any]) -> None:
        result: Any = None
        if message["method"] == "workspace/configuration":
            result = [SETTINGS for _ in message["params"]["items"]]
        self._send({"jsonrpc": "2.0", "id": message["id"], "result": result})
