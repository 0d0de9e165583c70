"""The client is generated from the document the API serves."""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path

import sys

import httpx

from conftest import API_URL

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from refresh_openapi import COPY, normalized  # noqa: E402  (the refresh script beside the tests)


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def test_checkedInDocument_isTheLiveOne():
    live = normalized(httpx.get(f"{API_URL}/q/openapi", params={"format": "json"}, timeout=30).json())
    copy = json.loads(COPY.read_text(encoding="utf-8"))
    if copy != live:
        changed = [f"{section} {name}" for section, old, new in (
            ("path", copy.get("paths", {}), live.get("paths", {})),
            ("schema", copy.get("components", {}).get("schemas", {}), live.get("components", {}).get("schemas", {})))
            for name in sorted(set(old) | set(new)) if old.get(name) != new.get(name)]
        raise AssertionError(
            f"clients/python/openapi.json is not the document {API_URL} serves (the client is generated from it): "
            f"run `python3 clients/python/refresh_openapi.py {API_URL}` against the API you changed, then "
            f"reinstall the client. Differences: {', '.join(changed[:20]) or 'info, tags or servers'}"
            + (f" and {len(changed) - 20} more" if len(changed) > 20 else ""))


def test_everyOperation_hasAGeneratedModule():
    document = json.loads(COPY.read_text(encoding="utf-8"))
    missing = []
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            module = f"pdx_client.generated.api.{snake(operation['tags'][0])}.{snake(operation['operationId'])}"
            try:
                importlib.import_module(module)
            except ImportError:
                missing.append(f"{method.upper()} {path} ({module})")
    assert not missing, missing
