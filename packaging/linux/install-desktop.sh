#!/usr/bin/env bash
# "Open with Tsuzuri": put Tsuzuri in the writer's application menu and in the file manager's
# Open With list for Markdown files. User-level only (no root): everything goes under
# ${XDG_DATA_HOME:-~/.local/share}.
#
#   install-desktop.sh                  install; the command is the bundle's tsuzuri next to
#                                       this script, else `tsuzuri` on PATH (pipx, pip --user)
#   install-desktop.sh --exec PATH      install, starting PATH
#   install-desktop.sh --default        also make Tsuzuri the default for .md files (xdg-mime)
#   install-desktop.sh --uninstall      remove what an install put there
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
apps="$data/applications"
metainfo="$data/metainfo"
icons="$data/icons/hicolor"
desktop_id="tsuzuri.desktop"
component="io.github.tsuzuri.Tsuzuri.metainfo.xml"

say() { echo "install-desktop: $*"; }
fail() { echo "install-desktop: $*" >&2; exit 1; }

command_path=""
make_default=0
uninstall=0
while [ $# -gt 0 ]; do
  case "$1" in
    --exec) [ $# -ge 2 ] || fail "--exec needs the path of the tsuzuri command"; command_path="$2"; shift 2 ;;
    --default) make_default=1; shift ;;
    --uninstall) uninstall=1; shift ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) fail "unknown option $1 (try --help)" ;;
  esac
done

refresh_caches() {
  if command -v update-desktop-database >/dev/null; then update-desktop-database -q "$apps" || true; fi
  if command -v gtk-update-icon-cache >/dev/null && [ -f "$icons/index.theme" ]; then
    gtk-update-icon-cache -q -t -f "$icons" || true
  fi
}

if [ "$uninstall" = 1 ]; then
  rm -f "$apps/$desktop_id" "$metainfo/$component"
  find "$icons" -path "*/apps/tsuzuri.*" -type f -delete 2>/dev/null || true
  refresh_caches
  say "removed Tsuzuri from the application menu"
  exit 0
fi

# The files to install: beside this script (a checkout's packaging/linux, or the bundle's copy).
[ -f "$here/$desktop_id" ] || fail "$here/$desktop_id is missing"
source_icons=""
for candidate in "$here/icons/hicolor" "$here/../../resources/icons/hicolor" \
  "$here/../resources/icons/hicolor" "$here/../_internal/resources/icons/hicolor" \
  "$here/_internal/resources/icons/hicolor"; do
  if [ -f "$candidate/scalable/apps/tsuzuri.svg" ]; then source_icons="$candidate"; break; fi
done
[ -n "$source_icons" ] || fail "Tsuzuri's icons (resources/icons/hicolor) are not beside $here"

if [ -z "$command_path" ]; then
  for candidate in "$here/tsuzuri" "$here/../tsuzuri"; do
    if [ -f "$candidate" ] && [ -x "$candidate" ]; then command_path="$candidate"; break; fi
  done
fi
if [ -z "$command_path" ]; then
  command_path="$(command -v tsuzuri || true)"
  [ -n "$command_path" ] || fail "no tsuzuri command found: pass --exec PATH"
fi
[ -x "$command_path" ] || fail "$command_path is not an executable file"
command_path="$(cd "$(dirname "$command_path")" && pwd)/$(basename "$command_path")"

# The desktop entry's Exec: the path quoted, with the characters the spec reserves escaped.
quoted="$(printf '%s' "$command_path" | sed -e 's/[\\"`$]/\\&/g')"
mkdir -p "$apps" "$metainfo" "$icons"
sed -e "s|^Exec=tsuzuri |Exec=\"${quoted//|/\\|}\" |" "$here/$desktop_id" >"$apps/$desktop_id.tmp"
mv "$apps/$desktop_id.tmp" "$apps/$desktop_id"
if [ -f "$here/$component" ]; then cp "$here/$component" "$metainfo/$component"; fi
(cd "$source_icons" && find . -path "*/apps/tsuzuri.*" -type f) | while read -r icon; do
  mkdir -p "$icons/$(dirname "$icon")"
  cp "$source_icons/$icon" "$icons/$icon"
done
refresh_caches
say "Tsuzuri is in the application menu and in Open With for Markdown files ($command_path)"

if [ "$make_default" = 1 ]; then
  command -v xdg-mime >/dev/null || fail "xdg-mime is not installed (package xdg-utils)"
  xdg-mime default "$desktop_id" text/markdown text/x-markdown
  say "Tsuzuri opens .md files by default"
fi
