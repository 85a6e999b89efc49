"""What can be checked of the dependencies on a machine that cannot reach the advisory databases (pip-audit's
and npm's): every dependency is pinned to one version, what is installed is exactly what is pinned, pip sees
no broken requirement, and the npm lock file agrees with package.json. The advisory check itself is
`make audit`, run where the network allows (docs/security.md)."""

import json
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9_.\-\[\]]+)==([A-Za-z0-9_.\-+]+)$")


def _requirement_lines(name):
    for line in (ROOT / name).read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-r"):
            yield line


def test_every_python_dependency_is_pinned_to_one_version():
    loose = [line for name in ("requirements.txt", "requirements-dev.txt") for line in _requirement_lines(name)]
    assert loose, "no requirements read"
    assert [line for line in loose if not PIN.match(line)] == []


def test_what_is_installed_is_what_is_pinned():
    wrong = []
    for name in ("requirements.txt", "requirements-dev.txt"):
        for line in _requirement_lines(name):
            package, version = PIN.match(line).groups()
            installed = metadata.version(package.split("[")[0])
            if installed != version:
                wrong.append(f"{package}: pinned {version}, installed {installed}")
    assert wrong == []


def test_pip_finds_no_broken_requirement():
    result = subprocess.run([sys.executable, "-m", "pip", "check"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_npm_dependencies_are_exact_and_locked():
    package = json.loads((ROOT / "package.json").read_text())
    lock = json.loads((ROOT / "package-lock.json").read_text())
    for name, version in package["dependencies"].items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{name} {version} is not an exact version"
        locked = lock["packages"][f"node_modules/{name}"]
        assert locked["version"] == version
        assert locked["integrity"].startswith("sha512-")
