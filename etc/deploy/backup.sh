#!/usr/bin/env bash
# Nightly backup: the database (PostgreSQL dump or a consistent SQLite copy) and the data folder.
# Usage: backup.sh /var/backups/centres-connectes   (keeps 30 days)
#
# The dumps hold personal data about vulnerable people AND the data-protection keys (table
# Plt_DataProtectionKeys): whoever reads them can read everything. So:
#  - everything here is written with umask 077 (owner only), in a folder of mode 0700;
#  - before a copy leaves the machine, encrypt it, e.g. with age (apt-get install age):
#      age -r "age1…(public key of the person keeping the backups)" -o db.dump.age db.dump
#    or with GnuPG: gpg --encrypt --recipient backups@federation.example db.dump
#    Set BACKUP_AGE_RECIPIENT to let this script do it (the clear files are then removed).
#  - keep the private key away from the server and the backups.
set -euo pipefail
umask 077
target=${1:?backup folder}
data=${DATA_DIR:-/var/lib/centres-connectes}
stamp=$(date +%Y%m%d-%H%M%S)
mkdir -p "$target"
chmod 700 "$target"
files=()
if [[ -n "${PG_DATABASE:-}" ]]; then
  pg_dump --format=custom --file="$target/db-$stamp.dump" "$PG_DATABASE"
  files+=("$target/db-$stamp.dump")
elif [[ -f "$data/centres-connectes.db" ]]; then
  # sqlite3 .backup is consistent even while the app writes (WAL mode).
  sqlite3 "$data/centres-connectes.db" ".backup '$target/db-$stamp.sqlite'"
  files+=("$target/db-$stamp.sqlite")
fi
tar --exclude='*.db' --exclude='*.db-wal' --exclude='*.db-shm' -czf "$target/data-$stamp.tar.gz" -C "$data" .
files+=("$target/data-$stamp.tar.gz")
if [[ -n "${BACKUP_AGE_RECIPIENT:-}" ]]; then
  for f in "${files[@]}"; do
    age -r "$BACKUP_AGE_RECIPIENT" -o "$f.age" "$f" && rm -f "$f"
  done
fi
find "$target" -type f -mtime +30 -delete
