#!/usr/bin/env python3
"""Refreshes clients/python/openapi.json from a running marketplace-api (the document the client is generated from).

    python clients/python/refresh_openapi.py [API_URL]        # default $PDX_API_URL, else http://127.0.0.1:8080
    python clients/python/refresh_openapi.py --check [API_URL] # exit 1 when the checked-in copy differs

Only the standard library: it runs before the client is installed.
"""

import json
import os
import sys
import urllib.request
from pathlib import Path

COPY = Path(__file__).resolve().parent / "openapi.json"


def fetch(api_url: str) -> dict:
    url = api_url.rstrip("/") + "/q/openapi?format=json"
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": "application/json"}), timeout=30) as answer:
        return json.load(answer)


def normalized(node):
    """The document with every ``required`` list sorted: a set, which the API lists in an order that changes from
    one start to the next."""
    if isinstance(node, dict):
        return {key: sorted(value) if key == "required" and isinstance(value, list) and all(isinstance(v, str) for v in value)
                else normalized(value) for key, value in node.items()}
    if isinstance(node, list):
        return [normalized(value) for value in node]
    return node


def render(document: dict) -> str:
    """One stable rendering (normalized, the API's key order, two-space indent, UTF-8) so a refresh diffs only what
    changed."""
    return json.dumps(normalized(document), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    api_url = args[0] if args else os.environ.get("PDX_API_URL", "http://127.0.0.1:8080")
    live = fetch(api_url)
    if check:
        current = json.loads(COPY.read_text(encoding="utf-8")) if COPY.exists() else None
        if current != normalized(live):
            print(f"{COPY} differs from {api_url}'s document: run python {Path(__file__).name} {api_url}", file=sys.stderr)
            return 1
        print(f"{COPY.name} is the document of {api_url}")
        return 0
    COPY.write_text(render(live), encoding="utf-8")
    print(f"wrote {COPY} from {api_url} ({len(live.get('paths', {}))} paths)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
