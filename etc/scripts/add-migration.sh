#!/usr/bin/env bash
# Adds an EF Core migration to BOTH provider projects, so the SQLite and
# PostgreSQL migration histories never drift apart.
#
#   etc/scripts/add-migration.sh <Module>_<Change>     e.g. Inscriptions_AddWaitingList
#
# The PostgreSQL design-time factory needs no running server.
set -euo pipefail

# shellcheck source=SCRIPTDIR/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cd "$CC_REPO"

if [[ $# -ne 1 ]]; then
  sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
NAME="$1"
# <Module>_<Change> in PascalCase: the module prefix keeps migrations of
# different modules recognisable in the single shared history.
if [[ ! "$NAME" =~ ^[A-Z][A-Za-z0-9]*_[A-Z][A-Za-z0-9]*$ ]]; then
  die "invalid migration name '${NAME}': expected <Module>_<Change> in PascalCase, e.g. Inscriptions_AddWaitingList"
fi
command -v dotnet >/dev/null 2>&1 || die "dotnet (.NET 10 SDK) is not on PATH"

# dotnet-ef is a local tool pinned in .config/dotnet-tools.json.
dotnet tool restore

for project in host/CentresConnectes.Migrations.Sqlite host/CentresConnectes.Migrations.PostgreSql; do
  log_info "adding migration ${NAME} to ${project}"
  dotnet ef migrations add "$NAME" \
    --project "$project" \
    --startup-project "$project" \
    --context AppDbContext \
    --output-dir Migrations
done
log_info "migration ${NAME} added to both providers; review the generated files before committing"
