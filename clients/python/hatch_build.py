"""Build hook of pdx-client: generates ``pdx_client.generated`` (typed models and one module per endpoint)
from ``openapi.json`` with openapi-python-client, every time a wheel is built, so the generated code is never
checked in and never older than the document beside it.

``PDX_OPENAPI_DOCUMENT=/path/to/openapi.json`` builds from another copy of the document (e.g. one just
fetched from a running API) without touching the checked-in one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

PACKAGE = "pdx_client/generated"


def generate(document: Path, config: Path, target: Path) -> None:
    """Runs openapi-python-client (the one of the build environment) into target, replacing what is there."""
    if not document.is_file():
        raise RuntimeError(f"pdx-client: no OpenAPI document at {document} (refresh it: python refresh_openapi.py URL)")
    command = [sys.executable, "-m", "openapi_python_client", "generate", "--path", str(document),
               "--meta", "none", "--output-path", str(target), "--overwrite", "--config", str(config)]
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode != 0 or not (target / "__init__.py").is_file():
        raise RuntimeError(f"pdx-client: openapi-python-client failed ({run.returncode}):\n{run.stdout}\n{run.stderr}")
    # warnings (an operation it cannot fully type) go to the build log; pip shows them with -v
    if "WARNING" in run.stdout or "WARNING" in run.stderr:
        print(f"pdx-client: openapi-python-client warnings:\n{run.stdout}{run.stderr}", file=sys.stderr)


class GenerateFromOpenApi(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        document = Path(os.environ.get("PDX_OPENAPI_DOCUMENT") or root / "openapi.json")
        config = root / "openapi-python-client.yaml"
        if version == "editable":
            # an editable install imports from src/: generate there (ignored by git)
            generate(document, config, root / "src" / PACKAGE)
            return
        self._scratch = tempfile.mkdtemp(prefix="pdx-client-generated-")
        target = Path(self._scratch) / "generated"
        generate(document, config, target)
        build_data["force_include"][str(target)] = PACKAGE

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        scratch = getattr(self, "_scratch", None)
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)
