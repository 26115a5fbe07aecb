"""Cut a release: record the released state in api-baseline/, date the CHANGELOG, commit and tag.

    python scripts/release.py                      # the version in pyproject.toml, from the tree
    python scripts/release.py --no-commit          # write the files only
    python scripts/release.py --from-ref REF --version X.Y.Z   # only record an earlier commit's
                                                               # state in api-baseline/

api-baseline/ holds what the gate compares with, so a fresh clone (which has no tags) still
knows the last release: both specs as released (the badgr-server one derived as `make generate`
derives it), the public Python API (scripts/apidiff/python_api.py) and release.json.
"""

from __future__ import annotations

import argparse
import datetime
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scripts import diff
from scripts.apidiff import report
from scripts.generate import dump_spec

ROOT = diff.ROOT


def record_baseline(root: Path, version: str, commit: str | None) -> None:
    """`commit`: the released commit when it exists already (else the release commit is tagged)."""
    state = diff.tree_state(root)
    diff.BASELINE.mkdir(exist_ok=True)
    # the released documented spec verbatim; the derived one as `make generate` writes it
    source = (root / "openapi" / "credentials.yaml").read_text(encoding="utf-8")
    (diff.BASELINE / "credentials.yaml").write_text(source, encoding="utf-8")
    derived = dump_spec(state.specs["badgr-server"])
    (diff.BASELINE / "badgr-server.yaml").write_text(derived, encoding="utf-8")
    assert state.python is not None
    python = json.dumps(state.python, indent=1, sort_keys=True) + "\n"
    (diff.BASELINE / "python-api.json").write_text(python, encoding="utf-8")
    release = {"version": version, "tag": f"v{version}"} | ({"commit": commit} if commit else {})
    (diff.BASELINE / "release.json").write_text(json.dumps(release, indent=2) + "\n")


def date_changelog(version: str, today: datetime.date) -> None:
    text = diff.CHANGELOG.read_text(encoding="utf-8")
    start, end = report.unreleased(text)
    lines = text.splitlines()
    body = lines[start:end]
    released = ["", f"## [{version}] - {today.isoformat()}", *body]
    diff.CHANGELOG.write_text("\n".join(lines[:start] + released + lines[end:]) + "\n")


def git(*args: str) -> str:
    done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", help="default: the version in pyproject.toml")
    parser.add_argument("--from-ref", help="record this commit's state instead of the tree")
    parser.add_argument("--no-commit", action="store_true", help="write the files, no commit/tag")
    args = parser.parse_args()
    version = args.version or diff.read_version()
    if args.from_ref:
        commit = git("rev-parse", args.from_ref)
        with diff.checkout(commit) as tree:
            record_baseline(tree, version, commit)
        return 0  # an earlier release: its CHANGELOG section and tag are written by hand
    else:
        if diff.main(["--check"]) != 0:
            print("release: the gate fails; run `make diff` first", file=sys.stderr)
            return 1
        record_baseline(ROOT, version, None)
    date_changelog(version, datetime.datetime.now(datetime.UTC).date())
    diff.write_version(version)
    if args.no_commit:
        return 0
    git("add", "api-baseline", "CHANGELOG.md", "pyproject.toml")
    git("commit", "-m", f"release {version}")
    git("tag", f"v{version}")
    print(f"released {version}: committed and tagged v{version}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
