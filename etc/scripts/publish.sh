#!/usr/bin/env bash
# Builds the local-install package: one self-contained executable (no .NET needed on the target)
# with its wwwroot/ beside it. Data (SQLite file, e-mails, logs) goes to data/ next to the executable.
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
# Build-time files that have no use in the package.
rm -f "$out"/package.json "$out"/package-lock.json "$out"/appsettings.Development.json
log_info "local install ready in $out (start it with $out/CentresConnectes.Web$([[ $rid == win-x64 ]] && echo .exe))"
