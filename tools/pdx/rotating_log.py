#!/usr/bin/env python3
"""A bounded log: copies standard input to FILE, and when FILE passes MAX_MB starts a new one, keeping KEEP old
ones (FILE.1 the newest). Used for OPA's decision log, which otherwise grows without end. Exits at end of input."""
import os
import sys


def main(path: str, max_mb: str, keep: str) -> None:
    limit, keep_files = int(float(max_mb) * 1024 * 1024), int(keep)
    out = open(path, "ab", buffering=0)
    for line in sys.stdin.buffer:
        if out.tell() + len(line) > limit:
            out.close()
            for i in range(keep_files - 1, 0, -1):
                if os.path.exists(f"{path}.{i}"):
                    os.replace(f"{path}.{i}", f"{path}.{i + 1}")
            os.replace(path, f"{path}.1")
            out = open(path, "ab", buffering=0)
        out.write(line)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: rotating_log.py FILE MAX_MB KEEP")
    main(*sys.argv[1:])
