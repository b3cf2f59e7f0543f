#!/usr/bin/env bash
# Page benchmark (issue 15 item 2; figures in docs/performance.md). For each size (M = 10k requests, L = 100k, both over two
# years; H = 100k over 20 years; pass the sizes to run, e.g. "pages.sh M"), builds the database with tests/benchmarks/DataGenerator (cached in tests/benchmarks/out/),
# serves it with the published Release portal signed in as Sở staff (chuyenvien.skhcn with the demo TOTP key), and times
# each main page with PageBench's timer (kept-alive connections, as a browser; since session 9, before that curl, one
# process and connection per request), interleaved with its reference: PageBench's raw ADO.NET page
# (tests/benchmarks/PageBench) running the hand-written SQL of tests/benchmarks/reference/<page>.sql over the same file
# and writing the rows as HTML.
# Prints p50/p95 in ms at 1 client, p50/p95 at 16 concurrent clients, the ratios portal/reference, the growth from M to L,
# and a 200-connection closed-loop mix of the working-day pages (throughput, p50/p95, errors, peak memory) for both.
# Limits, said plainly: the reference has HTTP and HTML but no authentication, layout, antiforgery or ORM (the ratio
# includes them); the export's reference writes HTML rows, not an .xlsx; clients run on the same 2 cores as the servers.
# Steady state, as a portal that has served for a while: before each page's timing, WARMUP (200) untimed requests to each
# server (at most 5 s each) let the JIT recompile the page's code optimised (tiered compilation: after 30 calls, in the
# background); until session 12 it was 3, so the figures included code still running unoptimised (e.g. the status list
# at L: 11.7 ms after 3 requests, 7.5 ms after 300). WARMUP=3 measures that first-minutes state.
# Since session 14 also the server CPU per request of each side ("cpu app", "cpu ref", ms): the server process's user and
# system time (/proc/<pid>/stat) over CPU_SECONDS (3; 0: not measured) of the page on one connection, divided by the
# requests served. It depends far less on the machine's noise than the p50s (run to run, the references' own p50s moved
# by 20-30% in session 14) and is what a change to a page's work shows in.
# Also since session 14, the portal is let settle before timing: after the whole-portal warm-up and after 2 s of each page
# on one connection, the script waits (at most 30 s) until the portal uses under 50 ms of CPU in a second. .NET compiles a
# method's optimised code in the background after its 30th call, and at L that queue took ~4 s of a core to drain after a
# 15 s warm-up; the status list measured 6.5 ms of CPU per request while it ran and 3.2-3.9 ms after.
# RUNS (30) sets the runs per page, THINK_MS (20) the idle time after each request of the 1-client timing, MIX_SECONDS
# (60) the mix's length (0: no mix), ONLY="search inbox" a subset of pages.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
OUT="$ROOT/tests/benchmarks/out"
SIZES=("${@:-M L}")
RUNS=${RUNS:-30}
THINK_MS=${THINK_MS:-20}
WARMUP=${WARMUP:-200}
CPU_SECONDS=${CPU_SECONDS:-3}
PORT=${PORT:-5391}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
for tool in sqlite3 curl openssl base32 awk; do command -v $tool >/dev/null || { echo "needs $tool (apt-get install sqlite3 curl openssl coreutils)"; exit 1; }; done
mkdir -p "$OUT"

echo "==> build the generator and publish the portal (Release)"
dotnet build tests/benchmarks/DataGenerator -c Release --verbosity quiet >/dev/null
dotnet publish src/PhuThoCa.Web -c Release -o "$OUT/publish" --verbosity quiet >/dev/null
GEN="$ROOT/tests/benchmarks/DataGenerator/bin/Release/net10.0/linux-x64/DataGenerator"

pid=""
start_portal() { # data folder, database file
  (cd "$OUT/publish" && ASPNETCORE_URLS="http://127.0.0.1:$PORT" ASPNETCORE_ENVIRONMENT=Development Data__Folder="$1" \
    Database__Provider=Sqlite ConnectionStrings__Default="Data Source=$2" Seed__DemoData="${SEED:-false}" \
    Serilog__MinimumLevel__Default=Warning exec ./PhuThoCa.Web >"$1/portal.log" 2>&1) &
  pid=$!
  for _ in $(seq 1 300); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "portal did not start"; tail -20 "$1/portal.log"; return 1
}
stop_portal() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; pid=""; }
trap stop_portal EXIT

# S: a database migrated and seeded by the portal itself (demo data), the base of M and L.
if [ ! -f "$OUT/s.db" ]; then
  rm -rf "$OUT/s-data"; mkdir -p "$OUT/s-data"
  SEED=true start_portal "$OUT/s-data" "$OUT/s-data/phuthoca.db"
  stop_portal
  sqlite3 "$OUT/s-data/phuthoca.db" ".backup '$OUT/s.db'"
fi

totp() { # RFC 6238 with coreutils and openssl: SHA-1, 6 digits, 30 s
  local key counter hex mac offset code
  key=$(printf '%s' "$1" | base32 -d | od -An -tx1 | tr -d ' \n')
  counter=$(printf '%016x' $(( $(date +%s) / 30 )))
  mac=$(printf '%s' "$counter" | sed 's/../\\x&/g' | xargs -0 printf '%b' | openssl dgst -sha1 -mac HMAC -macopt "hexkey:$key" | awk '{print $NF}')
  offset=$(( 16#${mac:39:1} * 2 ))
  code=$(( (16#${mac:offset:8} & 0x7fffffff) % 1000000 ))
  printf '%06d' "$code"
}

token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }

sign_in() { # cookie jar
  local jar=$1 base="http://127.0.0.1:$PORT" t loc
  t=$(curl -fsS -c "$jar" -b "$jar" "$base/Account/Login" | token_of)
  loc=$(curl -sS -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" --data-urlencode "Input.UserName=chuyenvien.skhcn" \
    --data-urlencode "Input.Password=PhuTho@2026" --data-urlencode "__RequestVerificationToken=$t" "$base/Account/Login")
  t=$(curl -fsS -c "$jar" -b "$jar" "$loc" | token_of)
  curl -sS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.Code=$(totp PTCCHUYENVIENSKHCNDEMOTOTP234567)" \
    --data-urlencode "__RequestVerificationToken=$t" "$loc"
  [ "$(curl -sS -o /dev/null -w '%{http_code}' -b "$jar" "$base/Requests/Statistics")" = 200 ] || { echo "sign-in failed"; exit 1; }
}

# The pages (name | path); each has its reference in tests/benchmarks/reference/<name>.sql: the same filter, sort, page
# size 25, counts and rows, as a hand-written query. {DETAILS_ID}, {SERIAL}, {EXPORT_QUERY} and {EXPORT_WHERE}
# are filled per database.
PAGES=(
  "requests|/Requests"
  "requests-received|/Requests?status=Received"
  "requests-open|/Requests?state=open"
  "inbox|/Requests/Inbox"
  "details|/Requests/Details/{DETAILS_ID}"
  "statistics|/Requests/Statistics"
  "dashboard|/"
  "certificates-expiry|/Certificates?expiry=90"
  "certificates-serial|/Certificates?q={SERIAL}"
  "subscribers-name|/Subscribers?q=pham%20thi"
  "notifications|/Notifications"
  "search|/Search?q=pham%20thi"
  "search-common|/Search?q=nguyen"
  "reports|/Reports?p=year"
  "export|/Requests?handler=Export{EXPORT_QUERY}"
)
# The 200-connection mix: the pages a working day is made of.
MIX=("requests" "requests-received" "requests-open" "inbox" "details" "dashboard" "certificates-expiry" "subscribers-name" "notifications" "search")
REFPORT=$((PORT + 1))
refpid=""
stop_all() { stop_portal; [ -n "$refpid" ] && kill "$refpid" 2>/dev/null && wait "$refpid" 2>/dev/null; refpid=""; }
trap stop_all EXIT
start_reference() {
  "$BENCH" serve "$run/phuthoca.db" "$REFPORT" "$run/sql" >>"$run/reference.log" 2>&1 &
  refpid=$!
  for _ in $(seq 1 30); do curl -fsS -o /dev/null "http://127.0.0.1:$REFPORT/ref/requests" 2>/dev/null && break; sleep 1; done
}
BENCH="$ROOT/tests/benchmarks/PageBench/bin/Release/net10.0/linux-x64/PageBench"
TCK=$(getconf CLK_TCK)
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # pid: its user + system CPU so far, in clock ticks
settle() { # pid: wait (at most 30 s) until the process uses under 50 ms of CPU in a second (its background compilation done)
  local t0 t1
  for _ in $(seq 1 30); do
    t0=$(ticks "$1"); sleep 1; t1=$(ticks "$1")
    [ $(( (t1 - t0) * 1000 / TCK )) -lt 50 ] && return 0
  done
}
cpu_per_request() { # server pid, base url, cookie, path: the server's CPU ms per request over CPU_SECONDS on one connection
  [ "$CPU_SECONDS" -gt 0 ] || { printf -- '-'; return; }
  local t0 t1 out n
  t0=$(ticks "$1")
  out=$("$BENCH" load "$2" "$3" 1 "$CPU_SECONDS" "$4")
  t1=$(ticks "$1")
  n=$(echo "$out" | sed -n 's/.* ok \([0-9]*\) .*/\1/p')
  awk -v d=$((t1 - t0)) -v n="${n:-0}" -v tck="$TCK" 'BEGIN { if (n > 0) printf "%.2f", d * 1000 / tck / n; else printf "-" }'
}
dotnet build tests/benchmarks/PageBench -c Release --verbosity quiet >/dev/null
growth="$OUT/growth.txt"; : >"$growth"

for size in ${SIZES[@]}; do
  lower=$(echo "$size" | tr 'A-Z' 'a-z')
  # H: L's 100k requests over 20 years instead of 2, so M's yearly volume with ten times its history: what a register
  # that has served for years looks like, against L's ten times the requests of every year.
  count=$(case "$size" in L | H) echo 100000 ;; *) echo 10000 ;; esac)
  years=$([ "$size" = H ] && echo 20 || echo 2)
  db="$OUT/$lower.db"
  [ -f "$db" ] || "$GEN" "$OUT/s.db" "$db" "$count" "$years"
  run="$OUT/run-$lower"; rm -rf "$run"; mkdir -p "$run/sql"; cp "$db" "$run/phuthoca.db"
  # Per-database values: a finished request in the middle of the table, an inner fragment of a certificate serial, and
  # the export's filter.
  details_id=$(sqlite3 "$db" "SELECT Id FROM Requests WHERE Status = 11 ORDER BY Id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM Requests WHERE Status = 11)")
  serial=$(sqlite3 "$db" "SELECT substr(SerialNumber, 9, 8) FROM Certificates ORDER BY Id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM Certificates)")
  # The export is of about 10,000 rows at every size (issue 15: "an Excel export of 10k rows"), so its growth from M to L
  # is the growth of the database around the same rows: the whole register (10,000 requests at M) or one status (8,396
  # at L), whichever is nearest.
  read -r export_status export_rows < <(sqlite3 -separator ' ' "$db" "SELECT s, n FROM (SELECT 'all' AS s, count(*) AS n FROM Requests
    UNION ALL SELECT Status, count(*) FROM Requests GROUP BY Status) ORDER BY abs(n - 10000) LIMIT 1")
  if [ "$export_status" = all ]; then export_query=""; export_where="1 = 1"; else export_query="\\&status=$export_status"; export_where="r.Status = $export_status"; fi
  fill() { sed -e "s/{DETAILS_ID}/$details_id/g" -e "s/{SERIAL}/$serial/g" -e "s/{EXPORT_QUERY}/$export_query/g" -e "s/{EXPORT_WHERE}/$export_where/g"; }
  for f in tests/benchmarks/reference/*.sql; do fill <"$f" >"$run/sql/$(basename "$f")"; done
  start_portal "$run" "$run/phuthoca.db"
  # The portal has migrated the copy; a migration that built an index left its pages in the write-ahead log, read with
  # read() instead of through the map until a checkpoint (session 24: +1 ms on the searched list). Checkpointed here, so
  # the run measures the steady state (SQLite checkpoints while the portal has the file open).
  sqlite3 "$run/phuthoca.db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
  start_reference
  JAR="$run/cookies"; sign_in "$JAR"
  cookie=$(awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$JAR")
  # The whole portal warmed first (WARMUP > 3): 20 s of the working-day pages on 2 connections, so the first page timed
  # does not also pay for the layout, the middleware and EF compiled for the first time (each page then has its own).
  if [ "$WARMUP" -gt 3 ]; then
    warm_paths=()
    for entry in "${PAGES[@]}"; do case "${entry%%|*}" in reports|export) ;; *) warm_paths+=("$(echo "${entry#*|}" | fill)") ;; esac; done
    "$BENCH" load "http://127.0.0.1:$PORT" "$cookie" 2 20 "${warm_paths[@]}" >/dev/null
    settle "$pid"
  fi
  # The portal puts the file in the write-ahead log at start (SqliteJournal), as every portal's database is.
  echo "==> size $size ($count requests; export of $export_rows rows; journal $(sqlite3 "$run/phuthoca.db" "PRAGMA journal_mode")), $RUNS runs per page, interleaved portal/reference"
  printf '%-20s %8s %8s %8s %8s %6s %9s %9s %9s %6s %8s %8s\n' page "p50 app" "p95 app" "p50 ref" "p95 ref" ratio "p50 16c" "p95 16c" "ref 16c" "r16" \
    "cpu app" "cpu ref"
  for entry in "${PAGES[@]}"; do
    name=${entry%%|*}; path=$(echo "${entry#*|}" | fill)
    [[ -z "${ONLY:-}" || " $ONLY " == *" $name "* ]] || continue
    app="http://127.0.0.1:$PORT$path"; ref="http://127.0.0.1:$REFPORT/ref/$name"
    if [ "$WARMUP" -gt 3 ]; then "$BENCH" load "http://127.0.0.1:$PORT" "$cookie" 1 2 "$path" >/dev/null; settle "$pid"; fi
    # Kept-alive connections, as a browser: one client interleaved with THINK_MS idle after each request, then 16.
    one=$(PAGEBENCH_WARMUP=$WARMUP "$BENCH" time "$app" "$cookie" "$ref" "$RUNS" 1 "$THINK_MS") || { echo "$name: $one"; exit 1; }
    sixteen=$("$BENCH" time "$app" "$cookie" "$ref" $((RUNS * 4)) 16 0) || { echo "$name: $sixteen"; exit 1; }
    read -r a50 a95 r50 r95 f1 <<<"$one"
    read -r a16 a16p95 r16 _ f16 <<<"$sixteen"
    [ "$f1$f16" = 00 ] || echo "  ($name: $f1 failed requests at 1 client, $f16 at 16 clients; see the messages above)"
    cpu_app=$(cpu_per_request "$pid" "http://127.0.0.1:$PORT" "$cookie" "$path")
    cpu_ref=$(cpu_per_request "$refpid" "http://127.0.0.1:$REFPORT" "" "/ref/$name")
    printf '%-20s %8s %8s %8s %8s %6s %9s %9s %9s %6s %8s %8s\n' "$name" "$a50" "$a95" "$r50" "$r95" \
      "$(awk -v a="$a50" -v r="$r50" 'BEGIN {printf "%.1f", (r > 0 ? a / r : 0)}')" "$a16" "$a16p95" "$r16" \
      "$(awk -v a="$a16" -v r="$r16" 'BEGIN {printf "%.1f", (r > 0 ? a / r : 0)}')" "$cpu_app" "$cpu_ref"
    echo "$size $name $a50" >>"$growth"
  done

  [ "${MIX_SECONDS:-60}" -gt 0 ] || { stop_all; continue; }
  # 200 connections on the mix for MIX_SECONDS, portal then reference; the portal's peak memory from the kernel (VmHWM).
  # Since session 19 also the peak without the database file (sampled from /proc/<pid>/smaps every 0.5 s): both servers
  # read the file through a memory map (ADR 0036), and the kernel counts the mapped file pages in VmHWM once per
  # connection that maps them (the reference's reached 1.1 GB at L, three times the file), though they are the OS's
  # shared file cache.
  sample_memory() { # pid, file: writes the highest resident size (kB) without the mappings of *.db files, until killed
    ( max=0; while [ -r "/proc/$1/smaps" ]; do
        now=$(awk '/^[0-9a-f]+-[0-9a-f]+ / { db = ($6 ~ /\.db$/) } /^Rss:/ { total += $2; if (db) mapped += $2 } END { print total - mapped }' "/proc/$1/smaps" 2>/dev/null || echo 0)
        [ "${now:-0}" -gt "$max" ] && max=$now
        echo "$max" >"$2"; sleep 0.5; done ) &
    sampler=$!
  }
  app_paths=(); ref_paths=()
  for name in "${MIX[@]}"; do
    for entry in "${PAGES[@]}"; do [ "${entry%%|*}" = "$name" ] && app_paths+=("$(echo "${entry#*|}" | fill)"); done
    ref_paths+=("/ref/$name")
  done
  echo "--- 200 connections, ${MIX_SECONDS:-60} s, mix of ${#MIX[@]} pages, on freshly started servers"
  # The peak memory is the mix's own: both servers are started again (the garbage collector keeps the memory it grew to
  # while the timings above ran reports and exports at 16 clients; resetting the kernel's high-water mark alone still
  # counted it, 985 MB in session 10's first run), the cookie stays valid (keys and session in the data folder), and one
  # request per page, then 10 s of the mix on 4 connections, warm them up before the high-water mark is reset.
  stop_all
  start_portal "$run" "$run/phuthoca.db"
  start_reference
  for path in "${app_paths[@]}"; do curl -fsS -o /dev/null -H "Cookie: $cookie" "http://127.0.0.1:$PORT$path" || { echo "warm-up of $path failed"; exit 1; }; done
  for path in "${ref_paths[@]}"; do curl -fsS -o /dev/null "http://127.0.0.1:$REFPORT$path"; done
  "$BENCH" load "http://127.0.0.1:$PORT" "$cookie" 4 10 "${app_paths[@]}" >/dev/null
  "$BENCH" load "http://127.0.0.1:$REFPORT" "" 4 10 "${ref_paths[@]}" >/dev/null
  echo 5 >"/proc/$pid/clear_refs" 2>/dev/null || echo "           (peak memory since start: /proc/$pid/clear_refs not writable)"
  echo 5 >"/proc/$refpid/clear_refs" 2>/dev/null || true
  sample_memory "$pid" "$run/memory-app"
  echo "portal:    $("$BENCH" load "http://127.0.0.1:$PORT" "$cookie" 200 "${MIX_SECONDS:-60}" "${app_paths[@]}")"
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
  echo "           peak memory $(awk '/VmHWM/ {printf "%.0f MB", $2 / 1024}' "/proc/$pid/status"), now $(awk '/VmRSS/ {printf "%.0f MB", $2 / 1024}' "/proc/$pid/status"); without the mapped database file at most $(( $(cat "$run/memory-app") / 1024 )) MB"
  sample_memory "$refpid" "$run/memory-ref"
  echo "reference: $("$BENCH" load "http://127.0.0.1:$REFPORT" "" 200 "${MIX_SECONDS:-60}" "${ref_paths[@]}")"
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
  echo "           peak memory $(awk '/VmHWM/ {printf "%.0f MB", $2 / 1024}' "/proc/$refpid/status"); without the mapped database file at most $(( $(cat "$run/memory-ref") / 1024 )) MB"
  stop_all
done

for target in "L|10x the data" "H|10x the history, M's yearly volume"; do
  size=${target%%|*}
  grep -q "^M " "$growth" && grep -q "^$size " "$growth" || continue
  echo "==> growth of the portal's p50 from M to $size (${target#*|})"
  awk -v to="$size" '$1 == "M" { m[$2] = $3 } $1 == to && m[$2] > 0 { printf "%-20s %5.1fx\n", $2, $3 / m[$2] }' "$growth"
done
