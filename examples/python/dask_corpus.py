"""A folder of records → one pandas DataFrame of statements, on Dask.

The paths go into a ``dask.bag``; the workers parse them with
``oewg.parse_file`` and build the statements table of their share of the
files with ``oewg.Corpus``; the tables come back and are joined into one.
Sessions pickle, so a bag of them can also travel between workers.

Run it on this machine (Dask's local scheduler, one process a core)::

    python examples/python/dask_corpus.py FOLDER

Point it at a cluster by connecting a client first; nothing else changes::

    from dask.distributed import Client; client = Client("tcp://scheduler:8786")
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from typing import List, Optional

import dask
import dask.bag as db
import pandas as pd

import oewg


def record_paths(folder: str) -> List[str]:
    """The files of ``folder`` (not hidden), sorted."""
    return sorted(
        os.path.join(folder, name)
        for name in os.listdir(folder)
        if not name.startswith(".") and os.path.isfile(os.path.join(folder, name))
    )


def statements_frame(
    paths: List[str], partitions: Optional[int] = None, scheduler: Optional[str] = None
) -> pd.DataFrame:
    """Every statement of every record in ``paths``, with its session's path
    and meta, in the order of ``paths``."""
    if not paths:
        return oewg.Corpus([]).statements_frame()
    bag = db.from_sequence(paths, npartitions=partitions or min(len(paths), 4 * (os.cpu_count() or 1)))
    # One DataFrame a partition, built in one go by the binding, with the
    # partition's number of sessions. A lambda travels to the workers by
    # value; only `oewg` must be installed there.
    parts = bag.map(oewg.parse_file).map_partitions(
        lambda sessions: [(lambda s: (len(s), oewg.Corpus(s).statements_frame()))(list(sessions))]
    )
    with dask.config.set(scheduler=scheduler) if scheduler else contextlib.nullcontext():
        counted = parts.compute()
    # Each partition numbers its sessions (`document`) from 0: shifted by
    # the sessions before it. The categorical columns have the same
    # categories in every frame, so concat keeps them.
    frames, before = [], 0
    for sessions, frame in counted:
        frame["document"] += before
        frames.append(frame)
        before += sessions
    return pd.concat(frames, ignore_index=True)


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", help="a folder of records")
    ap.add_argument("--scheduler", default=None, help="processes (default for bags), threads or synchronous")
    args = ap.parse_args(argv)
    df = statements_frame(record_paths(args.folder), scheduler=args.scheduler)
    print(f"sessions={df['path'].nunique()} statements={len(df)} words={df['words'].sum()}")
    print(df.groupby("format", observed=True)["words"].agg(["count", "sum"]).to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main())
