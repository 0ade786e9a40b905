#!/usr/bin/env bash
# Nightly backup: the database (PostgreSQL dump or a consistent SQLite copy) and the data folder.
# Usage: backup.sh /var/backups/centres-connectes   (keeps 30 days)
set -euo pipefail
target=${1:?backup folder}
data=${DATA_DIR:-/var/lib/centres-connectes}
stamp=$(date +%Y%m%d-%H%M%S)
mkdir -p "$target"
if [[ -n "${PG_DATABASE:-}" ]]; then
  pg_dump --format=custom --file="$target/db-$stamp.dump" "$PG_DATABASE"
elif [[ -f "$data/centres-connectes.db" ]]; then
  # sqlite3 .backup is consistent even while the app writes (WAL mode).
  sqlite3 "$data/centres-connectes.db" ".backup '$target/db-$stamp.sqlite'"
fi
tar --exclude='*.db' --exclude='*.db-wal' --exclude='*.db-shm' -czf "$target/data-$stamp.tar.gz" -C "$data" .
find "$target" -type f -mtime +30 -delete
