#!/usr/bin/env bash
# Sign-in timing: median time of N failed sign-ins for an unknown user, a wrong password, a locked and a deactivated
# account (issue 14: within 20 % of each other). A benchmark, not a test: it prints the figures for docs/.
#   bash tests/benchmarks/login-timing.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-40}
port=$((20000 + RANDOM % 20000))
data=$(mktemp -d)
[ -f src/PhuThoCa.Web/bin/Release/net10.0/linux-x64/PhuThoCa.Web.dll ] || dotnet build src/PhuThoCa.Web -c Release --verbosity quiet >/dev/null
ASPNETCORE_ENVIRONMENT=Development Seed__DemoData=true Data__Folder="$data" RateLimits__SignInPerIpPerMinute=100000 \
  RateLimits__SignInPerAccountPer15Minutes=100000 Serilog__MinimumLevel__Default=Warning \
  dotnet src/PhuThoCa.Web/bin/Release/net10.0/linux-x64/PhuThoCa.Web.dll --urls "http://127.0.0.1:$port" --contentRoot "$PWD/src/PhuThoCa.Web" >"$data/portal.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 1; done
sqlite3 "$data/phuthoca.db" "UPDATE AspNetUsers SET LockoutEnd='2099-01-01 00:00:00+00:00' WHERE UserName='canbo.vpubnd'; UPDATE AspNetUsers SET IsActive=0 WHERE UserName='canbo.syte';"
jar=$(mktemp)
attempt() { # user password -> seconds of the POST
  local token
  token=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -s -o /dev/null -w '%{time_total}\n' -c "$jar" -b "$jar" --data-urlencode "Input.UserName=$1" --data-urlencode "Input.Password=$2" \
    --data-urlencode "__RequestVerificationToken=$token" "http://127.0.0.1:$port/Account/Login"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2) * 1000}'; }
attempt warmup x >/dev/null
printf "%-22s %s\n" case "median ms (n=$n, the four cases interleaved so machine load hits them alike)"
cases=("unknown-user khong.ton.tai SaiMatKhau1" "wrong-password canbo.viettri SaiMatKhau1" "locked canbo.vpubnd PhuTho@2026" "deactivated canbo.syte PhuTho@2026")
for _ in $(seq 1 "$n"); do
  for c in "${cases[@]}"; do
    set -- $c
    # Wrong passwords would lock the account after 10: its failure count is reset (untimed) before each attempt.
    sqlite3 "$data/phuthoca.db" "UPDATE AspNetUsers SET AccessFailedCount=0 WHERE UserName='canbo.viettri'"
    attempt "$2" "$3" >> "$data/$1.times"
  done
done
for c in "${cases[@]}"; do
  set -- $c
  printf "%-22s %s\n" "$1" "$(median < "$data/$1.times")"
done
