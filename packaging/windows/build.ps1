# Tsuzuri's Windows bundle: dist\tsuzuri\ (PyInstaller, one folder) and a zip of it.
# Not run on the Linux build machine: see packaging\windows\README.md for what is known.
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

$venv = "build\dist-venv"
$py = "$venv\Scripts\python.exe"
if (-not (Test-Path $py)) { py -3.11 -m venv $venv }
& $py -m pip install -q --upgrade pip
& $py -m pip install -q -r packaging\requirements.txt
# The app's pinned dependencies as pyproject.toml lists them (not Tsuzuri itself: the spec
# bundles the checkout's editor\ package).
& $py -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml','rb'))['project']['dependencies']))" |
  Out-File -Encoding ascii "$venv\deps.txt"
& $py -m pip install -q -r "$venv\deps.txt"

# The compiled translations are build output: tools\i18n.py finds pyside6-lrelease on PATH.
$env:PATH = "$(Resolve-Path "$venv\Scripts");$env:PATH"
& $py tools\i18n.py build

# The executable's icon: an .ico from the PNG sizes tools\icons.py rendered.
$env:QT_QPA_PLATFORM = "offscreen"
& $py -c @"
from PySide6.QtGui import QGuiApplication, QImage
app = QGuiApplication([])
QImage('resources/icons/hicolor/256x256/apps/tsuzuri.png').save('build/tsuzuri.ico', 'ICO')
"@
$env:TSUZURI_ICO = (Resolve-Path "build\tsuzuri.ico").Path

& $py -m PyInstaller --noconfirm --clean --log-level WARN `
  --distpath dist --workpath build\pyinstaller packaging\pyinstaller\tsuzuri.spec

$version = (& dist\tsuzuri\tsuzuri.exe --version).Split(" ")[1]
$zip = "dist\tsuzuri-$version-windows-x64.zip"
if (Test-Path $zip) { Remove-Item $zip }
Compress-Archive -Path dist\tsuzuri -DestinationPath $zip
Write-Output "bundle: dist\tsuzuri, $zip"
