#!/usr/bin/env bash
# The benchmark's own environment for the peers (benchmarks/peers/requirements.txt) in
# build/bench-venv, apart from the app's .venv.  Quick when the requirements did not change.
#   tools/bench_venv.sh        create or update it; prints nothing when it is up to date
set -euo pipefail
cd "$(dirname "$0")/.."

venv=build/bench-venv
requirements=benchmarks/peers/requirements.txt
stamp="$venv/.requirements"

if [ -x "$venv/bin/python" ] && cmp -s "$requirements" "$stamp"; then
  exit 0
fi
echo "bench: installing the peers into $venv"
mkdir -p build
python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$requirements"
cp "$requirements" "$stamp"
