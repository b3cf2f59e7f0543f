#!/usr/bin/env bash
# Interleaved A/B of two published builds of the portal (docs/performance.md, session 20): both run at once over the same
# benchmark database (built by pages.sh), signed in as Sở staff, warmed up and let settle; then, CYCLES times, each page
# is served for SECS seconds on one connection by A, then by B, and each server's CPU time (/proc/<pid>/stat) is summed.
# Prints the CPU per request of each side and the difference. Alternating second by second cancels most of the drift of
# a shared machine, which moved the p50s of pages.sh by 20-30 % between runs: differences of 0.2 ms are visible here.
# With CONC=16 also each side's requests/s on 16 connections per cycle. A_ENV and B_ENV add environment variables to one
# side, to compare runtime settings of one build (A=B=<dir> B_ENV="DOTNET_GCgen0size=0x4000000").
# Usage: A=<publish dir> B=<publish dir> [SIZE=L] [CYCLES=10] [SECS=1] [CONC=] [A_ENV=] [B_ENV=] tests/benchmarks/ab.sh <path>...
# e.g. A=/tmp/before B=/tmp/after tests/benchmarks/ab.sh "/Requests?status=Received" /Requests/Inbox
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT="$(pwd)/tests/benchmarks/out"
SIZE=${SIZE:-L}
DB="$OUT/run-${SIZE,,}/phuthoca.db"
[ -f "$DB" ] || { echo "no $DB: run tests/benchmarks/pages.sh $SIZE first"; exit 1; }
[ $# -gt 0 ] || { echo "usage: A=<publish dir> B=<publish dir> $0 <path>..."; exit 1; }
dotnet build tests/benchmarks/PageBench -c Release --verbosity quiet >/dev/null
BENCH="$(pwd)/tests/benchmarks/PageBench/bin/Release/net10.0/linux-x64/PageBench"
TCK=$(getconf CLK_TCK)
CYCLES=${CYCLES:-10}; SECS=${SECS:-1}
# The helpers of pages.sh (TOTP, sign-in, CPU ticks, settling), taken from it so that both sign in and settle alike.
source <(sed -n '/^totp()/,/^}/p;/^token_of()/p;/^sign_in()/,/^}/p;/^ticks()/p;/^settle()/,/^}/p' tests/benchmarks/pages.sh)
declare -A pids cookies port=([A]=5395 [B]=5397)
stop() { for side in A B; do [ -n "${pids[$side]:-}" ] && kill "${pids[$side]}" 2>/dev/null; done; wait 2>/dev/null || true; }
trap stop EXIT
for side in A B; do
  dir=${!side}
  if ss -ltn | grep -q ":${port[$side]} "; then echo "port ${port[$side]} is in use"; exit 1; fi
  extra="${side}_ENV"; extra="${!extra:-}"
  (cd "$dir" && ASPNETCORE_URLS="http://127.0.0.1:${port[$side]}" ASPNETCORE_ENVIRONMENT=Development Data__Folder="$(dirname "$DB")" \
    Database__Provider=Sqlite ConnectionStrings__Default="Data Source=$DB" Seed__DemoData=false \
    Serilog__MinimumLevel__Default=Warning exec env $extra ./PhuThoCa.Web >"$OUT/ab-$side.log" 2>&1) &
  pids[$side]=$!
  for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:${port[$side]}/healthz" >/dev/null 2>&1 && break; sleep 1; done
  PORT=${port[$side]}; jar="$OUT/ab-$side.cookies"; rm -f "$jar"; sign_in "$jar"
  cookies[$side]=$(awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar")
done
url() { echo "http://127.0.0.1:${port[$1]}"; }
for side in A B; do for path in "$@"; do "$BENCH" load "$(url $side)" "${cookies[$side]}" 2 5 "$path" >/dev/null; done; done
settle "${pids[A]}"; settle "${pids[B]}"
declare -A T N R
for _ in $(seq 1 "$CYCLES"); do
  for path in "$@"; do for side in A B; do
    t0=$(ticks "${pids[$side]}"); o=$("$BENCH" load "$(url $side)" "${cookies[$side]}" 1 "$SECS" "$path"); t1=$(ticks "${pids[$side]}")
    n=$(echo "$o" | sed -n 's/.* ok \([0-9]*\) .*/\1/p')
    T[$side$path]=$(( ${T[$side$path]:-0} + t1 - t0 )); N[$side$path]=$(( ${N[$side$path]:-0} + n ))
    if [ -n "${CONC:-}" ]; then R[$side$path]="${R[$side$path]:-} $("$BENCH" load "$(url $side)" "${cookies[$side]}" "$CONC" "$SECS" "$path" | awk '{print $1}')"; fi
  done; done
done
echo "CPU ms per request, $SIZE, $CYCLES cycles of $SECS s on one connection (A=${A}, B=${B})"
for path in "$@"; do
  awk -v p="$path" -v ta="${T[A$path]}" -v na="${N[A$path]}" -v tb="${T[B$path]}" -v nb="${N[B$path]}" -v t="$TCK" \
    'BEGIN { a = ta * 1000 / t / na; b = tb * 1000 / t / nb; printf "%-40s A %6.2f (%d)  B %6.2f (%d)  B-A %+.2f\n", p, a, na, b, nb, b - a }'
  [ -n "${CONC:-}" ] && echo "    ${CONC} connections, requests/s  A:${R[A$path]}  B:${R[B$path]}"
done
