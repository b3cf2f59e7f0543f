#!/usr/bin/env bash
# The test command: installs what is missing, checks formatting, builds with warnings as errors,
# runs every test project (unit, integration, browser) and ends with one line "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

need_pkgs=()
command -v chromium >/dev/null 2>&1 || need_pkgs+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need_pkgs+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || need_pkgs+=(qpdf)
# pdfsig (poppler-utils) signs and checks letters in the signature tests with an NSS database made by certutil/pk12util/crlutil.
command -v certutil >/dev/null 2>&1 || need_pkgs+=(libnss3-tools)
command -v zbarimg >/dev/null 2>&1 || need_pkgs+=(zbar-tools)
# deploy/backup.sh and restore.sh (SQLite's VACUUM INTO), exercised by BackupRestoreTests.
command -v sqlite3 >/dev/null 2>&1 || need_pkgs+=(sqlite3)
# The deployment test (tests/deploy/nginx-tls.sh): Debian's nginx in front of the published portal, with TLS.
command -v nginx >/dev/null 2>&1 || need_pkgs+=(nginx)
command -v openssl >/dev/null 2>&1 || need_pkgs+=(openssl)
command -v curl >/dev/null 2>&1 || need_pkgs+=(curl)
# npm installs the browser tests' front-end dependency (axe-core, locked in tests/PhuThoCa.BrowserTests/package-lock.json).
command -v npm >/dev/null 2>&1 || need_pkgs+=(npm)
# No "grep -q" here: under pipefail its early exit breaks fc-list's pipe and the check always fails.
[ -n "$(fc-list 2>/dev/null | grep LiberationSerif)" ] || need_pkgs+=(fonts-liberation2)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  echo "==> installing ${need_pkgs[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_pkgs[@]}" >/dev/null \
    || { echo "could not install ${need_pkgs[*]}"; echo "0 passed, 1 failed"; exit 1; }
fi

echo "==> restore"
dotnet tool restore >/dev/null || { echo "0 passed, 1 failed"; exit 1; }
dotnet restore PhuThoCa.sln --verbosity quiet || { echo "0 passed, 1 failed"; exit 1; }

echo "==> format check"
if ! dotnet format PhuThoCa.sln --verify-no-changes --no-restore --verbosity quiet; then
  echo "dotnet format found changes to make: run 'dotnet format PhuThoCa.sln'"
  echo "0 passed, 1 failed"; exit 1
fi

echo "==> build"
if ! dotnet build PhuThoCa.sln -c Release --no-restore --verbosity quiet -p:WarningLevel=4; then
  echo "0 passed, 1 failed"; exit 1
fi

RESULTS="$ROOT/artifacts/test-results"
rm -rf "$RESULTS"; mkdir -p "$RESULTS"
status=0
for proj in PhuThoCa.Domain.Tests PhuThoCa.Web.Tests PhuThoCa.BrowserTests; do
  exe="$ROOT/tests/$proj/bin/Release/net10.0/linux-x64/$proj"
  [ -x "$exe" ] || continue
  echo "==> $proj"
  (cd "$(dirname "$exe")" && "$exe" -result-xml "$RESULTS/$proj.xml" -noLogo -noColor) || status=1
done

echo "==> deployment: install.sh, the portal in Production behind nginx with TLS"
bash "$ROOT/tests/deploy/nginx-tls.sh" "$RESULTS/Deploy.NginxTls.xml" || status=1

# One closing line summed over every project's xunit XML report (shell only: no python on a bare machine).
p=0; f=0; s=0
attr() { echo "$1" | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
for x in "$RESULTS"/*.xml; do
  [ -f "$x" ] || continue
  while IFS= read -r a; do
    p=$((p + $(attr "$a" passed))); f=$((f + $(attr "$a" failed) + $(attr "$a" errors))); s=$((s + $(attr "$a" skipped)))
  done < <(grep -o '<assembly [^>]*>' "$x")
done
expected=4
found=$(ls "$RESULTS"/*.xml 2>/dev/null | wc -l)
if [ "$found" -lt "$expected" ]; then
  echo "only $found of $expected test projects produced a report"; f=$((f + expected - found)); status=1
fi
[ "$f" -gt 0 ] && status=1
echo "$p passed, $f failed, $s skipped"
exit $status
