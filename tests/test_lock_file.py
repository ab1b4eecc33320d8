"""The lock file that `make run`, `make test` and `.ci/run` install from: it must satisfy
pyproject.toml, pin every package to one version, and carry hashes for each."""

import re
import tomllib
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(
    r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[^\s;\\]+)\s*(;(?P<marker>[^\\]+))?"
)


def _pins() -> dict[str, tuple[Version, list[str]]]:
    """Each package pinned for this interpreter (the lock holds one pin per environment
    marker) with its version and the hashes listed under it."""
    pins: dict[str, tuple[Version, list[str]]] = {}
    hashes: list[str] = []
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        match = PIN.match(line)
        if match:
            hashes = []
            marker = match["marker"]
            if marker is None or Marker(marker.strip()).evaluate():
                name = canonicalize_name(match["name"])
                assert name not in pins, f"{name} is pinned twice for this interpreter"
                pins[name] = (Version(match["version"]), hashes)
        elif line.strip().startswith("--hash=sha256:"):
            hashes.append(line.strip().split(":", 1)[1].rstrip(" \\"))
        elif line.strip() and not line.startswith((" ", "#")):
            raise AssertionError(f"unexpected line in requirements.lock: {line!r}")
    return pins


def _declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return [Requirement(text) for text in project["dependencies"]] + [
        Requirement(text) for text in project["optional-dependencies"]["dev"]
    ]


def test_every_declared_dependency_is_pinned_within_its_range():
    pins = _pins()
    for requirement in _declared():
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{name} is in pyproject.toml but not in requirements.lock"
        version = pins[name][0]
        assert requirement.specifier.contains(version, prereleases=True), (
            f"requirements.lock pins {name}=={version}, outside {requirement.specifier}"
        )


def test_every_pin_carries_hashes():
    pins = _pins()
    assert len(pins) > len(_declared())  # the dependencies of the dependencies too
    for name, (_version, hashes) in pins.items():
        assert hashes, f"{name} has no hash in requirements.lock"
        assert all(re.fullmatch(r"[0-9a-f]{64}", value) for value in hashes), name


def test_the_install_step_requires_the_hashes():
    makefile = (ROOT / "Makefile").read_text()
    assert "--require-hashes -r requirements.lock" in makefile
    assert "--no-deps" in makefile  # the project itself resolves nothing more
