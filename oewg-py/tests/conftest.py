"""Shared fixtures: the real records in ../shared/seeds (read at run time,
never copied), and the repository's paths."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "seeds"
VERBATIM = SEEDS / "000_7135191b872dcc1d.txt"
REPORT = SEEDS / "004_b03c78f8038a68f6.txt"
# Build output, where cargo puts it.
TARGET = Path(os.environ.get("CARGO_TARGET_DIR") or REPO / "target").resolve()


@pytest.fixture(scope="session")
def verbatim_path() -> Path:
    assert VERBATIM.is_file(), f"{VERBATIM} is missing: the seeds live in ../shared/seeds"
    return VERBATIM


@pytest.fixture(scope="session")
def report_path() -> Path:
    assert REPORT.is_file(), f"{REPORT} is missing: the seeds live in ../shared/seeds"
    return REPORT


@pytest.fixture(scope="session")
def native_oewg() -> list[str]:
    """The command line of the native example program, built once."""
    cargo = shutil.which("cargo")
    assert cargo, "cargo is needed to compare with the native example program"
    subprocess.run(
        [cargo, "build", "--quiet", "--release", "--example", "oewg"],
        cwd=REPO,
        check=True,
    )
    return [str(TARGET / "release" / "examples" / "oewg")]
