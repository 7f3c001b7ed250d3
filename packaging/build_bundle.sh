#!/usr/bin/env bash
# Tsuzuri's Linux bundle: dist/tsuzuri/ (one folder, PyInstaller) and
# dist/tsuzuri-<version>-linux-x86_64.tar.zst of it, with the desktop files of packaging/linux.
#   packaging/build_bundle.sh      build both (tools/dist_venv.sh first makes build/dist-venv)
# Why not an AppImage: appimagetool, its runtime and linuxdeploy come only from GitHub, which
# this build machine cannot reach (packaging/linux/README.md has the recipe for one that can).
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/dist_venv.sh
py=build/dist-venv/bin/python

# The compiled translations are build output, not in git: compile them with this venv's Qt.
"$py" tools/i18n.py build

rm -rf dist/tsuzuri
"$py" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/pyinstaller/tsuzuri.spec

# The desktop entry, metainfo and their installer beside the executable ("Open with Tsuzuri":
# ./install-desktop.sh; it takes the icons from _internal/resources/icons).
cp packaging/linux/install-desktop.sh packaging/linux/tsuzuri.desktop \
  packaging/linux/*.metainfo.xml packaging/linux/README.md dist/tsuzuri/

# The version as the bundle itself says it (tsuzuri 0.1.0): no second place to read it from.
version="$(dist/tsuzuri/tsuzuri --version | awk '{print $2}')"
archive="dist/tsuzuri-${version}-linux-x86_64.tar.zst"
rm -f "$archive"
tar -C dist --owner=0 --group=0 --numeric-owner -cf - tsuzuri | zstd -q -10 -T0 -o "$archive"
echo "bundle: dist/tsuzuri ($(du -sh dist/tsuzuri | cut -f1)), $archive ($(du -sh "$archive" | cut -f1))"
