#!/usr/bin/env bash
# Builds the local-install package: one self-contained executable (no .NET needed on the target)
# with its wwwroot/ beside it, and a zip of the folder to hand over. Data (SQLite file, e-mails, logs)
# goes to data/ next to the executable. At start the program opens the browser on its address
# (unless started with --no-browser, or as a service).
#
#   etc/scripts/publish.sh [linux-x64|win-x64] [output folder]
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$CC_REPO"
rid=${1:-linux-x64}
out=${2:-"$CC_REPO/.run/publish/$rid"}
case "$rid" in linux-x64|win-x64) ;; *) die "runtime must be linux-x64 or win-x64, not '$rid'";; esac
rm -rf "$out"
dotnet publish host/CentresConnectes.Web -c Release -r "$rid" --self-contained \
  -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true -p:DebugType=none \
  -o "$out"
# Only what runs: build-time files, debug symbols that native packages ship (libSkiaSharp.pdb is
# 84 MB) and IIS's web.config have no use in a desktop install.
rm -f "$out"/package.json "$out"/package-lock.json "$out"/appsettings.Development.json "$out"/web.config
find "$out" -name '*.pdb' -delete
zip_file="$(dirname "$out")/centres-connectes-$rid.zip"
rm -f "$zip_file"
if command -v zip >/dev/null 2>&1; then
  (cd "$(dirname "$out")" && zip -qr9 "$zip_file" "$(basename "$out")")
else
  (cd "$(dirname "$out")" && python3 -m zipfile -c "$zip_file" "$(basename "$out")")
fi
log_info "local install ready in $out (start it with $out/CentresConnectes.Web$([[ $rid == win-x64 ]] && echo .exe)), zipped in $zip_file"
