"""Regenerate generated/badgr_api from openapi/credentials.yaml, deterministically.

    python scripts/generate.py                 # rewrite generated/badgr_api
    python scripts/generate.py --check         # regenerate into a temp dir; fail on any drift

Both modes also fail when an operation of the spec has no generated module: openapi-python-client
can skip an operation it cannot handle, and --fail-on-warning is the first guard, this the second.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "openapi" / "credentials.yaml"
CONFIG = ROOT / "openapi" / "generator-config.yaml"
RUFF_CONFIG = ROOT / "openapi" / "ruff-generated.toml"
TEMPLATES = ROOT / "openapi" / "templates"  # overrides of the generator's stock templates
PACKAGE = ROOT / "generated" / "badgr_api"
HTTP_METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
BIN = Path(sys.executable).parent


def run(*args: str | Path, cwd: Path = ROOT) -> None:
    subprocess.run([str(a) for a in args], cwd=cwd, check=True)


def generate(spec: Path, output: Path) -> None:
    shutil.rmtree(output, ignore_errors=True)
    output.parent.mkdir(parents=True, exist_ok=True)
    run(
        BIN / "openapi-python-client", "generate",
        "--path", spec, "--config", CONFIG, "--meta", "none", "--custom-template-path", TEMPLATES,
        "--output-path", output, "--fail-on-warning",
    )  # fmt: skip
    ruff = BIN / "ruff"
    common = ("--config", RUFF_CONFIG, "--no-cache")
    run(ruff, "check", output, *common, "--fix-only", "--extend-select=I", "--quiet")
    run(ruff, "format", output, *common, "--quiet")
    (output / "py.typed").write_text("# PEP 561 marker: badgr_api ships type hints\n")


def missing_operations(spec_path: Path, output: Path) -> list[str]:
    spec = yaml.safe_load(spec_path.read_text())
    modules = {path.stem for path in (output / "api").glob("*/*.py")}
    return sorted(
        operation["operationId"]
        for item in spec["paths"].values()
        for method, operation in item.items()
        if method in HTTP_METHODS and operation["operationId"] not in modules
    )


def differences(left: Path, right: Path) -> list[str]:
    found: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(f"only in committed: {prefix}{n}" for n in cmp.left_only)
        found.extend(f"only in regenerated: {prefix}{n}" for n in cmp.right_only)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        found.extend(f"differs: {prefix}{n}" for n in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right, ignore=["__pycache__", ".ruff_cache"]), "")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if generated/ is out of date")
    parser.add_argument("--spec", type=Path, default=SPEC, help="the OpenAPI file")
    parser.add_argument("--package", type=Path, default=PACKAGE, help="the generated package")
    args = parser.parse_args()
    package: Path = args.package
    if not args.check:
        generate(args.spec, package)
        target = package
    else:
        target = Path(tempfile.mkdtemp(prefix="badgr-gen-")) / "badgr_api"
        generate(args.spec, target)
    missing = missing_operations(args.spec, target)
    if missing:
        print(f"operations without a generated module: {', '.join(missing)}", file=sys.stderr)
        return 1
    if args.check:
        drift = differences(package, target) if package.exists() else [f"{package} is missing"]
        shutil.rmtree(target.parent)
        if drift:
            print(f"{package} is out of step with {args.spec} (or was edited by hand):")
            print("\n".join(f"  {line}" for line in drift))
            print("Run `make generate` and commit the result.")
            return 1
        print(f"{package} matches {args.spec}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
