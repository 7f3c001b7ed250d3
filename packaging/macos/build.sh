#!/usr/bin/env bash
# Tsuzuri's macOS bundle: dist/tsuzuri/ (PyInstaller, one folder), dist/Tsuzuri.app around it and a
# zip of the app. Not run on the Linux build machine: see packaging/macos/README.md.
#   bash packaging/macos/build.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

bash tools/dist_venv.sh
py=build/dist-venv/bin/python
"$py" tools/i18n.py build

# The app's icon: an .icns from the PNG sizes tools/icons.py rendered.
iconset=build/tsuzuri.iconset
rm -rf "$iconset" && mkdir -p "$iconset"
icons=resources/icons/hicolor
for size in 16 32 128 256 512; do
  cp "$icons/${size}x${size}/apps/tsuzuri.png" "$iconset/icon_${size}x${size}.png"
done
for size in 16 32 128 256; do
  double=$((size * 2))
  cp "$icons/${double}x${double}/apps/tsuzuri.png" "$iconset/icon_${size}x${size}@2x.png"
done
iconutil -c icns -o build/tsuzuri.icns "$iconset"

rm -rf dist/tsuzuri dist/Tsuzuri.app
"$py" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/pyinstaller/tsuzuri.spec
version="$(dist/tsuzuri/tsuzuri --version | awk '{print $2}')"

# The .app: the one-folder bundle as Contents/MacOS, the icon and an Info.plist that declares
# Markdown files.
app=dist/Tsuzuri.app
mkdir -p "$app/Contents/Resources"
cp -R dist/tsuzuri "$app/Contents/MacOS"
cp build/tsuzuri.icns "$app/Contents/Resources/tsuzuri.icns"
cat >"$app/Contents/Info.plist" <<PLIST
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>CFBundleIdentifier</key><string>io.github.tsuzuri.Tsuzuri</string>
  <key>CFBundleName</key><string>Tsuzuri</string>
  <key>CFBundleDisplayName</key><string>Tsuzuri</string>
  <key>CFBundleExecutable</key><string>tsuzuri</string>
  <key>CFBundleIconFile</key><string>tsuzuri.icns</string>
  <key>CFBundlePackageType</key><string>APPL</string>
  <key>CFBundleShortVersionString</key><string>${version}</string>
  <key>CFBundleVersion</key><string>${version}</string>
  <key>LSMinimumSystemVersion</key><string>12.0</string>
  <key>NSHighResolutionCapable</key><true/>
  <key>CFBundleDevelopmentRegion</key><string>ja</string>
  <key>CFBundleLocalizations</key><array><string>ja</string><string>en</string></array>
  <key>CFBundleDocumentTypes</key>
  <array>
    <dict>
      <key>CFBundleTypeName</key><string>Markdown</string>
      <key>CFBundleTypeRole</key><string>Editor</string>
      <key>LSHandlerRank</key><string>Alternate</string>
      <key>LSItemContentTypes</key><array><string>net.daringfireball.markdown</string></array>
    </dict>
  </array>
</dict>
</plist>
PLIST
codesign --force --deep --sign - "$app"

zip="dist/tsuzuri-${version}-macos.zip"
rm -f "$zip"
ditto -c -k --keepParent "$app" "$zip"
echo "bundle: $app, $zip"
