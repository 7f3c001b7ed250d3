#!/usr/bin/env bash
# Set up everything Tsuzuri needs: system libraries (Debian/Ubuntu), a virtual environment in
# .venv and the Python packages.  Idempotent and quick when nothing changed.
#   tools/setup.sh          what `make run` needs
#   tools/setup.sh --test   also what `make test` needs (Xvfb, Jekyll, git)
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

# Packages the editor needs at run time: Qt's xcb platform and QtWebEngine's libraries, and a
# Japanese font so kana and kanji render as glyphs.  "a|b" means: the first name this system knows.
runtime_pkgs=(
  python3-venv libnss3 libnspr4 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4
  libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0
  libxcb-xkb1 libx11-xcb1 libegl1 libgl1 libgbm1 "libasound2t64|libasound2" libxcomposite1
  libxdamage1 libxrandr2 libxtst6 libxshmfence1 libxkbfile1 libxi6 libxext6 libxfixes3 libxss1
  libfontconfig1 libdbus-1-3 "libglib2.0-0t64|libglib2.0-0" fonts-noto-cjk
)
# Packages the test suite needs: a virtual X server and xdotool to type on it, Jekyll with the
# GFM parser for the fidelity harness, git for the repository tests, unshare/ip for the
# preview's private-network leak test, and desktop-file-validate for the desktop entry's test.
test_pkgs=(
  xvfb xauth xdotool jekyll ruby-kramdown-parser-gfm git iproute2 util-linux desktop-file-utils
)

missing_packages() {
  local spec name alt found
  for spec in "$@"; do
    found=""
    IFS='|' read -ra alts <<<"$spec"
    for alt in "${alts[@]}"; do
      if dpkg-query -W -f='${Status}' "$alt" 2>/dev/null | grep -q "install ok installed"; then
        found=yes; break
      fi
    done
    [ -n "$found" ] && continue
    name="${alts[0]}"
    if [ "${#alts[@]}" -gt 1 ]; then
      for alt in "${alts[@]}"; do
        if apt-cache show "$alt" >/dev/null 2>&1; then name="$alt"; break; fi
      done
    fi
    echo "$name"
  done
}

if command -v dpkg-query >/dev/null && command -v apt-get >/dev/null; then
  pkgs=("${runtime_pkgs[@]}")
  [ "$want_test" = 1 ] && pkgs+=("${test_pkgs[@]}")
  mapfile -t missing < <(missing_packages "${pkgs[@]}")
  if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      echo "tsuzuri setup: installing system packages: ${missing[*]}"
      apt-get update -q >/dev/null
      # Resolve "a|b" names again now that the package lists are fresh.
      mapfile -t missing < <(missing_packages "${pkgs[@]}")
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
    else
      echo "tsuzuri setup: these system packages are missing. Install them, then run make again:"
      echo "  sudo apt-get install ${missing[*]}"
      exit 1
    fi
  fi
else
  echo "tsuzuri setup: not a Debian/Ubuntu system; install Qt 6's system libraries and a CJK font yourself." >&2
fi

python="${PYTHON:-python3}"
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "tsuzuri setup: Python 3.11 or newer is needed ($python is $("$python" --version 2>&1))." >&2
  exit 1
fi

if [ ! -x .venv/bin/python ]; then
  echo "tsuzuri setup: creating .venv"
  "$python" -m venv .venv
fi

# Reinstall only when the declared dependencies change.
extras=""
[ "$want_test" = 1 ] && extras="[test]"
stamp=".venv/.tsuzuri-setup-$(cat pyproject.toml | sha1sum | cut -c1-12)${extras:+-test}"
if [ ! -f "$stamp" ]; then
  echo "tsuzuri setup: installing Python packages into .venv"
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  # PySide6 6.12 split QtWebEngine into packages of its own; with the pinned 6.11 they would
  # shadow the matching modules in PySide6_Addons, so a venv upgraded in place drops them.
  .venv/bin/python -m pip uninstall -y -q pyside6-webengine pyside6-pdf >/dev/null 2>&1 || true
  .venv/bin/python -m pip install -q -e ".${extras}"
  touch "$stamp"
fi

# The interface's translations (resources/i18n/*.ts) compiled to the .qm files the window loads.
.venv/bin/python tools/i18n.py build
