#!/usr/bin/env bash
# Publishes PhuThoCa into a new release folder, migrates a SQL Server database with an EF migrations bundle, switches
# the "current" link and restarts the service; keeps earlier releases for a rollback.
#
#   deploy/install.sh [--prefix /opt/phuthoca] [--service phuthoca] [--no-service]   install a new release
#   deploy/install.sh --rollback [--prefix …] [--service …]                             back to the previous release
#
# Layout under the prefix: releases/<yyyyMMdd-HHmmss>/ (one published app each), current -> releases/<latest>.
# The systemd unit (deploy/phuthoca.service) runs current/PhuThoCa.Web. Data (database file, files/, keys/, logs) lives
# in Data__Folder, outside the releases, so a rollback never touches it: back up first (deploy/backup.sh), since a
# rollback does not undo a migration (docs/operations.md, "Upgrade and rollback").
#
# SQL Server: set PHUTHOCA_SQLSERVER="Server=…;Database=PhuThoCa;…" and the script builds the migrations bundle
# (dotnet ef migrations bundle) and runs it before the switch; set Database__MigrateOnStartup=false in the unit. With
# SQLite (the default) the portal migrates its own file at start.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PREFIX=/opt/phuthoca
SERVICE=phuthoca
USE_SERVICE=1
ROLLBACK=0
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) PREFIX="$2"; shift 2 ;;
    --service) SERVICE="$2"; shift 2 ;;
    --no-service) USE_SERVICE=0; shift ;;
    --rollback) ROLLBACK=1; shift ;;
    *) echo "unknown option $1" >&2; exit 64 ;;
  esac
done

restart() {
  [ "$USE_SERVICE" -eq 1 ] || return 0
  systemctl restart "$SERVICE"
  # The unit's health check: /healthz answers 200 once the database is reachable.
  for _ in $(seq 1 30); do
    if curl -fsS "http://127.0.0.1:5000/healthz" >/dev/null 2>&1; then echo "==> $SERVICE is healthy"; return 0; fi
    sleep 1
  done
  echo "$SERVICE did not answer /healthz within 30 s: see journalctl -u $SERVICE" >&2
  return 1
}

mkdir -p "$PREFIX/releases"
if [ "$ROLLBACK" -eq 1 ]; then
  current="$(readlink -f "$PREFIX/current" || true)"
  previous="$(ls -1d "$PREFIX"/releases/*/ 2>/dev/null | sed 's#/$##' | sort | grep -v -x "$current" | awk -v c="$current" '$0 < c' | tail -1)"
  [ -n "$previous" ] || { echo "no earlier release to roll back to" >&2; exit 1; }
  ln -sfn "$previous" "$PREFIX/current.new" && mv -T "$PREFIX/current.new" "$PREFIX/current"
  echo "==> current -> $previous"
  restart
  exit 0
fi

release="$PREFIX/releases/$(date -u +%Y%m%d-%H%M%S)"
echo "==> publish to $release"
dotnet publish "$ROOT/src/PhuThoCa.Web" -c Release -o "$release" --verbosity quiet -p:WarningLevel=4

if [ -n "${PHUTHOCA_SQLSERVER:-}" ]; then
  echo "==> migrate SQL Server with an EF migrations bundle"
  (cd "$ROOT" && dotnet tool restore >/dev/null)
  (cd "$ROOT" && dotnet ef migrations bundle --project src/PhuThoCa.Migrations.SqlServer --startup-project src/PhuThoCa.Web \
    --configuration Release --output "$release/efbundle" --force -- --Database:Provider=SqlServer)
  "$release/efbundle" --connection "$PHUTHOCA_SQLSERVER"
fi

ln -sfn "$release" "$PREFIX/current.new" && mv -T "$PREFIX/current.new" "$PREFIX/current"
echo "==> current -> $release"
restart
