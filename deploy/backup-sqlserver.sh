#!/usr/bin/env bash
# Backup of a PhuThoCa portal on SQL Server (docs/operations.md): a copy-only full backup with checksums written by
# the SQL Server itself, plus the data folder's files/ and keys/, and MANIFEST.sha256 of what this machine holds.
#   deploy/backup-sqlserver.sh DATA_FOLDER BACKUP_FOLDER SQL_BACKUP_PATH
# SQL_BACKUP_PATH is a path the SQL Server service can write (e.g. \\backup\phuthoca\PhuThoCa-20261204.bak); sqlcmd
# (mssql-tools18) uses SQLCMDSERVER, SQLCMDUSER and SQLCMDPASSWORD, or -E for Windows authentication via SQLCMD_ARGS.
# Restore: RESTORE DATABASE [PhuThoCa] FROM DISK = N'…' WITH CHECKSUM, RECOVERY; then deploy/restore.sh-style copy of
# files/ and keys/ after `sha256sum -c MANIFEST.sha256`.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 DATA_FOLDER BACKUP_FOLDER SQL_BACKUP_PATH" >&2; exit 2; }
data=$(cd "$1" && pwd)
out=$2
bak=$3
database=${PHUTHOCA_DATABASE:-PhuThoCa}
mkdir -p "$out"
# shellcheck disable=SC2086
sqlcmd ${SQLCMD_ARGS:-} -b -Q "BACKUP DATABASE [$database] TO DISK = N'$bak' WITH COPY_ONLY, CHECKSUM, INIT, NAME = N'PhuThoCa full backup'; RESTORE VERIFYONLY FROM DISK = N'$bak' WITH CHECKSUM;"
echo "$bak" > "$out/sqlserver-backup-path.txt"
for folder in files keys; do
  [ -d "$data/$folder" ] && cp -a "$data/$folder" "$out/$folder"
done
(cd "$out" && find . -type f ! -name MANIFEST.sha256 -print0 | sort -z | xargs -0 -r sha256sum > MANIFEST.sha256)
echo "SQL Server backup in $bak; files and keys in $out"
