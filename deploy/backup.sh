#!/usr/bin/env bash
# Online, consistent backup of a PhuThoCa portal on SQLite, taken while the portal runs (docs/operations.md).
#   deploy/backup.sh DATA_FOLDER BACKUP_FOLDER
# 1. the database through SQLite's VACUUM INTO: one read transaction, so the copy holds every transaction committed
#    before it began and none half-written (a plain file copy of a live database can lose the last commits);
# 2. then files/ (attachments, letters: written before the row that points to them, so every row of the copy finds its
#    file) and keys/ (Data Protection keys and status-link.key: without them sessions end and printed QR links break);
# 3. MANIFEST.sha256: the SHA-256 of every file, checked by deploy/restore.sh.
# The database file is DATA_FOLDER/phuthoca.db unless PHUTHOCA_DB names another.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 DATA_FOLDER BACKUP_FOLDER" >&2; exit 2; }
data=$(cd "$1" && pwd)
out=$2
db=${PHUTHOCA_DB:-$data/phuthoca.db}
command -v sqlite3 >/dev/null || { echo "sqlite3 is required (apt-get install sqlite3)" >&2; exit 2; }
[ -f "$db" ] || { echo "no database at $db" >&2; exit 2; }
if [ -e "$out" ] && [ -n "$(ls -A "$out" 2>/dev/null)" ]; then
  echo "$out is not empty" >&2; exit 2
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)

# The busy timeout lets the copy wait for a writer's lock instead of failing.
sqlite3 -cmd ".timeout 30000" "$db" "VACUUM INTO '$out/phuthoca.db'"
for folder in files keys; do
  if [ -d "$data/$folder" ]; then
    cp -a "$data/$folder" "$out/$folder"
  fi
done
(cd "$out" && find . -type f ! -name MANIFEST.sha256 -print0 | sort -z | xargs -0 -r sha256sum > MANIFEST.sha256)
echo "backup of $data in $out: $(wc -l < "$out/MANIFEST.sha256") files, manifest MANIFEST.sha256"
