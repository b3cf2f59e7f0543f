#!/usr/bin/env bash
# Restores a backup made by deploy/backup.sh into an empty data folder (docs/operations.md).
#   deploy/restore.sh BACKUP_FOLDER NEW_DATA_FOLDER
# Checks every file against MANIFEST.sha256, the database with PRAGMA integrity_check and, when PHUTHOCA_APP names the
# installed portal (the folder of PhuThoCa.Web.dll, e.g. /opt/phuthoca/current), the audit trail's hash chain with
# "PhuThoCa.Web audit verify" on a scratch copy, before copying anything; refuses a non-empty target. Start the portal
# on the new folder (Data__Folder) afterwards.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 BACKUP_FOLDER NEW_DATA_FOLDER" >&2; exit 2; }
backup=$(cd "$1" && pwd)
target=$2
command -v sqlite3 >/dev/null || { echo "sqlite3 is required (apt-get install sqlite3)" >&2; exit 2; }
[ -f "$backup/MANIFEST.sha256" ] || { echo "no MANIFEST.sha256 in $backup" >&2; exit 1; }
if ! (cd "$backup" && sha256sum --quiet --strict -c MANIFEST.sha256); then
  echo "the backup does not match its manifest: not restored" >&2; exit 1
fi
listed=$(wc -l < "$backup/MANIFEST.sha256")
present=$(cd "$backup" && find . -type f ! -name MANIFEST.sha256 | wc -l)
[ "$listed" -eq "$present" ] || { echo "the backup holds files the manifest does not list: not restored" >&2; exit 1; }
check=$(sqlite3 "$backup/phuthoca.db" "PRAGMA integrity_check")
[ "$check" = "ok" ] || { echo "database integrity check failed: $check" >&2; exit 1; }
if [ -n "${PHUTHOCA_APP:-}" ]; then
  scratch=$(mktemp -d)
  cp "$backup/phuthoca.db" "$scratch/phuthoca.db"
  if ! verdict=$(cd "$PHUTHOCA_APP" && Data__Folder="$scratch" dotnet PhuThoCa.Web.dll audit verify 2>&1); then
    rm -rf "$scratch"
    echo "audit trail check failed: $verdict" >&2; echo "not restored" >&2; exit 1
  fi
  rm -rf "$scratch"
  echo "audit trail: $verdict"
else
  echo "audit trail not checked: set PHUTHOCA_APP to the portal's folder to run 'audit verify' before restoring" >&2
fi
if [ -e "$target" ] && [ -n "$(ls -A "$target" 2>/dev/null)" ]; then
  echo "$target is not empty: restore into a new folder" >&2; exit 2
fi
mkdir -p "$target"
cp -a "$backup/." "$target/"
rm -f "$target/MANIFEST.sha256"
echo "restored $backup into $target ($listed files checked)"
