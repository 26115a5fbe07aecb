"""``make docs``: static Swagger UI pages of each profile's spec, readable offline.

Writes ``OUTPUT/<spec name>.html`` (the spec inlined, its own servers list) and the vendored
Swagger UI files into ``OUTPUT/assets/``.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import yaml

from badgr_mock import docs

ROOT = Path(__file__).resolve().parents[1]
PROFILE_SPECS = (ROOT / "openapi" / "credentials.yaml", ROOT / "openapi" / "badgr-server.yaml")


def build(specs: list[Path], output: Path) -> list[Path]:
    missing = [name for name in docs.ASSETS if not (docs.ASSETS_DIR / name).is_file()]
    if missing:
        raise SystemExit(f"build_docs: {docs.MISSING_ASSETS}")
    assets = output / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    for name in docs.ASSETS:
        shutil.copyfile(docs.ASSETS_DIR / name, assets / name)
    written = []
    for spec in specs:
        document = yaml.safe_load(spec.read_text(encoding="utf-8"))
        title = f"{document.get('info', {}).get('title', spec.stem)} ({spec.stem})"
        target = output / f"{spec.stem}.html"
        target.write_text(docs.page(title, {"spec": document}, "assets"), encoding="utf-8")
        written.append(target)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--output", type=Path, default=ROOT / "build" / "docs")
    parser.add_argument("specs", nargs="*", type=Path, help="default: every profile's spec")
    args = parser.parse_args()
    specs = args.specs or [spec for spec in PROFILE_SPECS if spec.is_file()]
    for spec in PROFILE_SPECS:
        if not args.specs and not spec.is_file():
            print(f"build_docs: {spec.relative_to(ROOT)} does not exist yet, skipped")
    for page in build(specs, args.output):
        print(f"wrote {page}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
