#!/usr/bin/env bash
# Page benchmark (issue 15 item 2; figures in docs/performance.md). For each size (M = 10k requests, L = 100k; pass the sizes
# to run, e.g. "pages.sh M"), builds the database with tests/benchmarks/DataGenerator (cached in tests/benchmarks/out/),
# serves it with the published Release portal signed in as Sở staff (chuyenvien.skhcn with the demo TOTP key), and times
# each main page with curl, interleaved with its raw-SQL reference: the same queries (filter, sort, page size, counts,
# rows) run by the sqlite3 shell over the same file, timed by sqlite's own ".timer". Prints p50/p95 in ms at 1 client and
# 16 concurrent clients, and the ratio portal/reference.
# Limits, said plainly: the reference has no HTTP or HTML cost (the portal's ratio includes them); 16 clients are 16
# parallel curl loops on the same 2 cores as the server.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
OUT="$ROOT/tests/benchmarks/out"
SIZES=("${@:-M L}")
RUNS=${RUNS:-30}
PORT=${PORT:-5391}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
for tool in sqlite3 curl openssl base32; do command -v $tool >/dev/null || { echo "needs $tool (apt-get install sqlite3 curl openssl coreutils)"; exit 1; }; done
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
  for _ in $(seq 1 90); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && return 0; sleep 1; done
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

# The page and its reference SQL (same filter, sort, page size 25, counts and rows).
declare -A REF
REF["/Requests"]="SELECT count(*) FROM Requests;
SELECT count(*) FROM Requests WHERE DueDate < date('now','+7 hours');
SELECT count(*) FROM Requests WHERE DueDate = date('now','+7 hours');
SELECT count(*) FROM Requests WHERE DueDate IS NOT NULL;
SELECT r.Id, r.ReceiptNumber, r.LetterNumber, r.Type, r.Status, a.Name, r.CreatedAtUtc, r.SubmittedAtUtc, r.DueDate, r.DueStep
  FROM Requests r JOIN Agencies a ON a.Id = r.AgencyId WHERE r.DueDate IS NOT NULL ORDER BY r.DueDate, r.CreatedAtUtc DESC LIMIT 25;
SELECT l.RequestId, l.Id, l.SubscriberName, l.SubscriberKind, l.CertificateSerial, l.TokenSerial FROM RequestLine l
  WHERE l.RequestId IN (SELECT Id FROM Requests WHERE DueDate IS NOT NULL ORDER BY DueDate, CreatedAtUtc DESC LIMIT 25);"
REF["/Requests?status=Received"]="SELECT count(*) FROM Requests WHERE Status = 3;
SELECT count(*) FROM Requests WHERE Status = 3 AND DueDate < date('now','+7 hours');
SELECT count(*) FROM Requests WHERE Status = 3 AND DueDate = date('now','+7 hours');
SELECT count(*) FROM Requests WHERE Status = 3 AND DueDate IS NOT NULL;
SELECT r.Id, r.ReceiptNumber, r.LetterNumber, r.Type, r.Status, a.Name, r.CreatedAtUtc, r.SubmittedAtUtc, r.DueDate, r.DueStep
  FROM Requests r JOIN Agencies a ON a.Id = r.AgencyId WHERE r.Status = 3 AND r.DueDate IS NOT NULL ORDER BY r.DueDate, r.CreatedAtUtc DESC LIMIT 25;
SELECT l.RequestId, l.Id, l.SubscriberName, l.SubscriberKind, l.CertificateSerial, l.TokenSerial FROM RequestLine l
  WHERE l.RequestId IN (SELECT Id FROM Requests WHERE Status = 3 AND DueDate IS NOT NULL ORDER BY DueDate, CreatedAtUtc DESC LIMIT 25);"
REF["/Requests/Statistics"]="SELECT r.Id, r.Type, r.AgencyId FROM Requests r WHERE r.Type IN (3, 4, 5) AND r.Id IN (SELECT RequestId FROM RequestHistory
  WHERE Action = 2 AND AtUtc >= strftime('%Y','now') || '-01-01' AND AtUtc < datetime('now'));
SELECT h.RequestId, h.Id, h.Action, h.\"To\", h.AtUtc, h.DueDate FROM RequestHistory h WHERE h.RequestId IN (SELECT r.Id FROM Requests r
  WHERE r.Type IN (3, 4, 5) AND r.Id IN (SELECT RequestId FROM RequestHistory WHERE Action = 2 AND AtUtc >= strftime('%Y','now') || '-01-01'
  AND AtUtc < datetime('now')));"
REF["/"]="SELECT count(*) FROM Requests WHERE DueDate < date('now') AND DueStep IN (1, 2) AND Status IN (3, 5);
SELECT count(*) FROM Requests WHERE DueDate = date('now') AND DueStep IN (1, 2) AND Status IN (3, 5);
SELECT SubmittedAtUtc FROM Requests WHERE Status = 2;
SELECT count(*) FROM Requests WHERE Status = 7 AND DueDate < date('now') AND DueStep IN (4, 5, 6);
SELECT Type, ReceivedAtUtc FROM Requests WHERE ReceivedAtUtc >= date('now', '-12 months');
SELECT Type, ClosedAtUtc FROM Requests WHERE Status = 11 AND ClosedAtUtc >= date('now', '-12 months');
SELECT h.RequestId, h.Id, h.Action, h.AtUtc, h.DueDate FROM RequestHistory h WHERE h.RequestId IN (SELECT RequestId FROM RequestHistory
  WHERE Action IN (7, 12, 6) AND AtUtc >= date('now', '-12 months'));
SELECT NotAfterUtc FROM Certificates WHERE Status = 1 AND NotAfterUtc >= date('now') AND NotAfterUtc < date('now', '+12 months');
SELECT count(*) FROM Subscribers WHERE IsActive = 1;
SELECT count(*) FROM Certificates WHERE Status = 1 AND NotAfterUtc > datetime('now');
SELECT count(*) FROM Certificates WHERE Status = 1 AND NotAfterUtc > datetime('now') AND NotAfterUtc <= datetime('now', '+30 days');
SELECT count(*) FROM Certificates WHERE Status = 1 AND NotAfterUtc > datetime('now') AND NotAfterUtc <= datetime('now', '+90 days');
SELECT count(*) FROM Certificates WHERE Status = 1 AND NotAfterUtc <= datetime('now');
SELECT count(*) FROM Tokens WHERE Status = 3; SELECT count(*) FROM Tokens WHERE Status = 1; SELECT count(*) FROM Tokens WHERE Status IN (5, 6);"
PAGES=("/Requests" "/Requests?status=Received" "/Requests/Statistics" "/")

pct() { sort -n | awk -v p="$1" '{a[NR]=$1} END {i=int((NR-1)*p/100)+1; printf "%.1f", a[i]}'; }

portal_ms() { curl -sS -o /dev/null -b "$JAR" -w '%{time_total}\n' "http://127.0.0.1:$PORT$1" | awk '{printf "%.2f\n", $1*1000}'; }

ref_ms() { # one run of the reference SQL in a warm sqlite3 shell: the sum of its statements' times
  { echo ".timer on"; echo ".output /dev/null"; echo "$2"; } | sqlite3 "$1" 2>&1 | awk '/Run Time/ {s+=$4} END {printf "%.2f\n", s*1000}'
}

for size in ${SIZES[@]}; do
  lower=$(echo "$size" | tr 'A-Z' 'a-z')
  count=$([ "$size" = L ] && echo 100000 || echo 10000)
  db="$OUT/$lower.db"
  [ -f "$db" ] || "$GEN" "$OUT/s.db" "$db" "$count"
  run="$OUT/run-$lower"; rm -rf "$run"; mkdir -p "$run"; cp "$db" "$run/phuthoca.db"
  start_portal "$run" "$run/phuthoca.db"
  JAR="$run/cookies"; sign_in "$JAR"
  echo "==> size $size ($count requests), $RUNS runs per page, interleaved"
  printf '%-28s %9s %9s %9s %9s %7s %9s %9s\n' page "p50 app" "p95 app" "p50 ref" "p95 ref" ratio "p50 16c" "p95 16c"
  for page in "${PAGES[@]}"; do
    portal_ms "$page" >/dev/null; ref_ms "$run/phuthoca.db" "${REF[$page]}" >/dev/null
    : >"$run/app"; : >"$run/ref"
    for _ in $(seq 1 "$RUNS"); do portal_ms "$page" >>"$run/app"; ref_ms "$run/phuthoca.db" "${REF[$page]}" >>"$run/ref"; done
    export -f portal_ms; export JAR PORT
    seq 1 $((RUNS * 4)) | xargs -P 16 -I{} bash -c "portal_ms '$page'" >"$run/app16"
    a50=$(pct 50 <"$run/app"); a95=$(pct 95 <"$run/app"); r50=$(pct 50 <"$run/ref"); r95=$(pct 95 <"$run/ref")
    printf '%-28s %9s %9s %9s %9s %7s %9s %9s\n' "$page" "$a50" "$a95" "$r50" "$r95" \
      "$(awk -v a="$a50" -v r="$r50" 'BEGIN {printf "%.1f", (r > 0 ? a / r : 0)}')" "$(pct 50 <"$run/app16")" "$(pct 95 <"$run/app16")"
  done
  stop_portal
done
