#!/usr/bin/env bash
# The distribution build's own tools (packaging/requirements.txt: PyInstaller, build) and the
# app's pinned dependencies in build/dist-venv, apart from the app's .venv: PyInstaller bundles
# what is installed in the interpreter that runs it.  Quick when nothing changed.
#   tools/dist_venv.sh        create or update it; prints nothing when it is up to date
set -euo pipefail
cd "$(dirname "$0")/.."

venv=build/dist-venv
requirements=packaging/requirements.txt
stamp="$venv/.requirements"
want="$(cat "$requirements" pyproject.toml | sha1sum | cut -c1-12)"

if [ -x "$venv/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
  exit 0
fi
echo "dist: installing PyInstaller, build and Tsuzuri's dependencies into $venv"
mkdir -p build
python="${PYTHON:-python3}"
[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
"$venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
# PySide6 6.12 split QtWebEngine into packages of its own (see tools/setup.sh): never next to 6.11.
"$venv/bin/python" -m pip uninstall -y -q pyside6-webengine pyside6-pdf >/dev/null 2>&1 || true
"$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$requirements"
# The app's own dependencies as pyproject.toml pins them (not Tsuzuri itself: the spec bundles
# the checkout's editor/ package, so the bundle is the code being built).
"$venv/bin/python" - <<'PY' >"$venv/.deps"
import tomllib
print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]))
PY
"$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$venv/.deps"
echo "$want" >"$stamp"
