"""The dependency lock (requirements/constraints.txt, what ./run and CI install) and the declared minimums
(requirements/minimum.txt) agree with pyproject.toml: every requirement is pinned exactly, the lock
satisfies every declared range, and the minimums are exactly the declared lower bounds. Both files are
made by `./run lock` (docs/contributing.md, "Dependencies and the lock")."""

import re
import tomllib

import pytest
from helpers import ROOT
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
LOCK = ROOT / "requirements" / "constraints.txt"
MINIMUM = ROOT / "requirements" / "minimum.txt"
EXTRAS = ("test", "render")  # what ./run installs


def declared() -> list[Requirement]:
    project = PYPROJECT["project"]
    found = [Requirement(r) for r in project["dependencies"]]
    for extra in EXTRAS:
        found += [Requirement(r) for r in project["optional-dependencies"][extra]]
    return found


def pins(path) -> dict[str, Version]:
    out = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        match = re.fullmatch(r"([A-Za-z0-9._-]+)==([A-Za-z0-9.+!-]+)", line)
        assert match, f"{path.name}:{number}: not an exact pin: {line!r}"
        name = canonicalize_name(match[1])
        assert name not in out, f"{path.name}:{number}: {name} pinned twice"
        out[name] = Version(match[2])
    return out


def lower_bound(requirement: Requirement) -> Version:
    bounds = [Version(s.version) for s in requirement.specifier if s.operator == ">="]
    assert len(bounds) == 1, f"{requirement}: declare one lower bound (>=)"
    return bounds[0]


@pytest.mark.parametrize("path", [LOCK, MINIMUM], ids=lambda p: p.name)
def test_every_declared_requirement_is_pinned_and_within_its_range(path):
    pinned = pins(path)
    for requirement in declared():
        name = canonicalize_name(requirement.name)
        assert name in pinned, f"{path.name} has no pin for {requirement} (run ./run lock)"
        assert requirement.specifier.contains(pinned[name], prereleases=True), (
            f"{path.name} pins {name}=={pinned[name]}, outside {requirement} (run ./run lock)"
        )


def test_the_minimums_are_the_declared_lower_bounds():
    pinned = pins(MINIMUM)
    for requirement in declared():
        name = canonicalize_name(requirement.name)
        assert pinned[name] == lower_bound(requirement), f"{name}: minimum.txt pins {pinned[name]} (run ./run lock)"


@pytest.mark.slow
def test_run_installs_the_lock_and_sets_up_again_when_it_changes(tmp_path):
    """./run setup with a stand-in environment whose python records what it is asked to install."""
    import os
    import shutil
    import subprocess

    if shutil.which("bash") is None or shutil.which("dot") is None:  # pragma: no cover - depends on the machine
        pytest.skip("needs bash, and Graphviz's dot (else ./run would install it)")
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    calls = tmp_path / "calls"
    python = venv / "bin" / "python"
    python.write_text(f'#!/bin/sh\necho "$*" >> "{calls}"\n', encoding="utf-8")
    python.chmod(0o755)

    def setup(constraints=None) -> list[str]:
        # not the settings of the run this test is part of (KINERJA_CONSTRAINTS=… ./run test)
        env = {k: v for k, v in os.environ.items() if not k.startswith("KINERJA_")}
        env["KINERJA_VENV"] = str(venv)
        if constraints:
            env["KINERJA_CONSTRAINTS"] = str(constraints)
        calls.write_text("", encoding="utf-8")
        result = subprocess.run([str(ROOT / "run"), "setup"], env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        return [c for c in calls.read_text(encoding="utf-8").splitlines() if "install" in c and "-e" in c.split()]

    (install,) = setup()
    assert f"--constraint {LOCK.relative_to(ROOT)}" in install and ".[test,render]" in install
    assert setup() == []  # nothing changed: nothing installed
    other = tmp_path / "other.txt"
    other.write_text(LOCK.read_text(encoding="utf-8") + "# changed\n", encoding="utf-8")
    (install,) = setup(other)  # a changed lock: installed again, from it
    assert f"--constraint {other}" in install
    assert setup(other) == []
