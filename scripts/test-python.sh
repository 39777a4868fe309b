#!/usr/bin/env bash
# Builds the Python package from oewg-py/ into .venv at the repository root,
# with its test extras, and runs its tests with warnings as errors: the
# seeds' figures, every public function and class, errors and hostile
# input, parse_many, the frames, the CLI against the native program, the
# stubs (mypy.stubtest), the docstring examples, the notebook (executed with
# nbclient; its plots land in target/notebook/) and the Dask example.
# Needs python3 (>= 3.9) with venv, and Rust; installs the rest from PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."

python="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
# A regular (not editable) install, as a user gets it: maturin builds the
# wheel through pip's PEP 517 hook.
.venv/bin/python -m pip install --quiet "./oewg-py[test]"
.venv/bin/python -c 'import oewg; print("oewg", oewg.__version__, "from", oewg.__file__)'
.venv/bin/python -m pytest oewg-py/tests -W error -q -p no:cacheprovider
