#!/usr/bin/env bash
# Refreshes the user manual's screenshots (docs/manuel/images) on purpose:
# runs the browser journeys with CC_SCREENSHOTS_TO_MANUAL=1, so that
# Screenshots.TakeAsync writes into the manual instead of .run/screenshots.
# Review the images with `git diff --stat docs/manuel/images`, then commit them.
#
#   etc/scripts/screenshots.sh [extra dotnet test args]
#
# Honours the same knobs as test.sh (CC_PG_PORT, CC_SMTP_PORT, CC_RUN_DIR).
set -euo pipefail

export CC_SCREENSHOTS_TO_MANUAL=1
exec "$(dirname "${BASH_SOURCE[0]}")/test.sh" --filter "FullyQualifiedName~CentresConnectes.BrowserTests" "$@"
