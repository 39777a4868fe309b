"""The notebook and the Dask example run, as a user would run them."""

from __future__ import annotations

import base64
import shutil
import subprocess
import sys
from pathlib import Path

import nbclient
import nbformat
import pandas as pd

import oewg
from conftest import REPO, SEEDS, TARGET

NOTEBOOK = REPO / "examples" / "notebooks" / "tour.ipynb"
DASK_EXAMPLE = REPO / "examples" / "python" / "dask_corpus.py"


def test_the_committed_notebook_has_no_outputs() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def test_the_notebook_runs_and_draws_its_plots() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()  # raises CellExecutionError on any error
    out = TARGET / "notebook"
    out.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, out / "tour.executed.ipynb")
    images = [
        o["data"]["image/png"]
        for cell in nb.cells
        if cell.cell_type == "code"
        for o in cell.outputs
        if "data" in o and "image/png" in o["data"]
    ]
    assert len(images) == 3, "words per delegation, share of the floor, report vs transcript"
    for i, png in enumerate(images, 1):
        (out / f"tour-{i}.png").write_bytes(base64.b64decode(png))
    text = "".join(
        o.get("text", "") for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs
    )
    assert "115 statements, 20631 words" in text
    assert "33 of 33 speakers agree exactly" in text


def test_dask_example_on_the_local_scheduler(tmp_path: Path) -> None:
    for i in range(3):
        for seed in sorted(SEEDS.glob("*.txt")):
            shutil.copy(seed, tmp_path / f"{i}_{seed.name}")
    (tmp_path / "own.txt").write_text("Chair: Good morning.\nCuba: Thank you.\n")
    sys.path.insert(0, str(DASK_EXAMPLE.parent))
    try:
        import dask_corpus
    finally:
        sys.path.remove(str(DASK_EXAMPLE.parent))
    paths = dask_corpus.record_paths(str(tmp_path))
    df = dask_corpus.statements_frame(paths, partitions=3, scheduler="processes")
    expected = oewg.Corpus(paths).statements_frame()
    pd.testing.assert_frame_equal(df, expected)
    assert len(df) == 3 * (115 + 64) + 2
    out = subprocess.run(
        [sys.executable, str(DASK_EXAMPLE), str(tmp_path)], capture_output=True, text=True, check=True
    )
    assert out.stdout.startswith(f"sessions=7 statements={len(df)} words={df['words'].sum()}")
