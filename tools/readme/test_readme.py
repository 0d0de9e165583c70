"""The README runs as written.

Every ```bash and ```python block of README.md runs, in the order of the page, in one bash session against a
live stack, so the README and this test cannot drift apart: change a command there and this runs the change.

* A block preceded by ``<!-- readme-test: skip (why) -->`` does not run (``./pdx up`` itself: the test has its
  own stack). Blocks of another language, or none (diagrams), do not run either.
* The one substitution: the API's address ``http://127.0.0.1:8080`` becomes ``PDX_API_URL`` (the test stack's
  8085 under ``./pdx test client``), Keycloak's ``http://127.0.0.1:8180`` becomes the origin of ``PDX_KEYCLOAK_URL``.
* Shell blocks run under ``set -Eeuo pipefail``: a command that fails fails its block. Python blocks run with
  ``python3 -`` (this interpreter's, which has pyarrow, Polars, DuckDB and pdx-client), in the same folder, so
  they read the files the shell blocks downloaded; variables the shell ``export``s reach them.
* One test case per block; after a failing block the rest are skipped as not reached.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
API_URL = os.environ.get("PDX_API_URL", "http://127.0.0.1:8080").rstrip("/")
KEYCLOAK = urlsplit(os.environ.get("PDX_KEYCLOAK_URL", "http://127.0.0.1:8180/realms/pdx"))
KEYCLOAK_ORIGIN = f"{KEYCLOAK.scheme}://{KEYCLOAK.netloc}"
TIMEOUT = int(os.environ.get("PDX_README_TIMEOUT", "240"))

SKIP = re.compile(r"<!--\s*readme-test:\s*skip\b")
FENCE = re.compile(r"^```([A-Za-z0-9_-]*)")
RUNS = {"bash": "bash", "sh": "bash", "shell": "bash", "python": "python", "py": "python"}
MARK = "@@pdx-readme-block"


@dataclass(frozen=True)
class Block:
    number: int
    line: int  # of the opening fence, 1-based
    language: str
    code: str
    skipped: bool

    @property
    def runs(self) -> bool:
        return self.language in RUNS and not self.skipped

    @property
    def id(self) -> str:
        first = next((line.strip() for line in self.code.splitlines() if line.strip() and not line.lstrip().startswith("#")), "")
        return f"line {self.line}: {first[:60]}"


def blocks(text: str) -> list[Block]:
    found: list[Block] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        opening = FENCE.match(lines[i])
        if not opening:
            i += 1
            continue
        before = next((lines[j] for j in range(i - 1, -1, -1) if lines[j].strip()), "")
        end = next((j for j in range(i + 1, len(lines)) if lines[j].startswith("```")), len(lines))
        found.append(Block(len(found) + 1, i + 1, opening.group(1).lower(), "\n".join(lines[i + 1:end]),
                           bool(SKIP.search(before))))
        i = end + 1
    return found


def localized(code: str) -> str:
    return code.replace("http://127.0.0.1:8080", API_URL).replace("http://127.0.0.1:8180", KEYCLOAK_ORIGIN)


def script(runnable: list[Block]) -> str:
    parts = [
        "set -Eeuo pipefail",
        f"export PATH={Path(sys.executable).parent}:$PATH  # python3: the test's interpreter",
        f"__mark() {{ printf '\\n{MARK} %s %s\\n' \"$1\" \"$2\"; }}",
    ]
    for block in runnable:
        parts.append(f"__mark {block.number} start")
        if RUNS[block.language] == "bash":
            parts.append(localized(block.code))
        else:
            parts.append(f"python3 - <<'PDX_README_PYTHON'\n{localized(block.code)}\nPDX_README_PYTHON")
        parts.append(f"__mark {block.number} end")
    return "\n".join(parts) + "\n"


BLOCKS = blocks(README.read_text(encoding="utf-8"))
RUNNABLE = [block for block in BLOCKS if block.runs]


@dataclass
class Run:
    outputs: dict[int, str]
    finished: set[int]
    exit_code: int
    tail: str


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    folder = tmp_path_factory.mktemp("readme")
    (folder / "readme.sh").write_text(script(RUNNABLE), encoding="utf-8")
    env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONUNBUFFERED": "1"}
    try:
        done = subprocess.run(["bash", "readme.sh"], cwd=folder, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, timeout=TIMEOUT)
        output, exit_code = done.stdout.decode("utf-8", "replace"), done.returncode
    except subprocess.TimeoutExpired as expired:
        output = (expired.stdout or b"").decode("utf-8", "replace") + f"\n(stopped after {TIMEOUT}s)"
        exit_code = -1
    (folder / "readme.out").write_text(output, encoding="utf-8")
    outputs: dict[int, str] = {}
    finished: set[int] = set()
    current = None
    for line in output.splitlines():
        if line.startswith(MARK):
            _, number, edge = line.split()
            current = int(number) if edge == "start" else None
            if edge == "end":
                finished.add(int(number))
            else:
                outputs[current] = ""
        elif current is not None:
            outputs[current] += line + "\n"
    return Run(outputs, finished, exit_code, output[-3000:])


def test_readme_hasItsTwoCommands_andBlocksToRun():
    setup = next(block for block in BLOCKS if "./pdx up" in block.code)
    commands = [line.split("#")[0].strip() for line in setup.code.splitlines() if line.split("#")[0].strip()]
    assert commands == ["./pdx up", "./pdx test"], "the set-up section is two commands for a newcomer"
    assert setup.skipped, "./pdx up is not run by the README test (it has its own stack): mark it skipped"
    assert len(RUNNABLE) >= 5


@pytest.mark.parametrize("block", RUNNABLE, ids=[block.id for block in RUNNABLE])
def test_readmeBlock_runsAsWritten(block: Block, run: Run):
    if block.number in run.finished:
        return
    if block.number not in run.outputs:
        failed = next((n for n in run.outputs if n not in run.finished), None)
        where = next((f"line {b.line}" for b in BLOCKS if b.number == failed), "an earlier block")
        pytest.skip(f"not reached: the block at README.md {where} failed")
    pytest.fail(f"README.md line {block.line}: this {block.language} block failed (exit {run.exit_code})\n"
                f"--- block ---\n{block.code}\n--- its output ---\n{run.outputs[block.number][-4000:]}", pytrace=False)
