#!/usr/bin/env bash
# Deployment test (issue 14, item 7): installs the portal with deploy/install.sh into a temporary prefix, starts it in
# Production as deploy/phuthoca.service does, puts Debian's nginx in front with deploy/nginx-phuthoca.conf (TLS with a
# self-signed certificate, on loopback addresses), and checks through HTTPS what a browser and an inspector see: the
# redirect to HTTPS, the security headers with HSTS, Secure cookies, the client's address in the request log and in the
# audit trail, and the body limit. Writes an xunit-style report (RESULT_XML) that tests/run.sh counts.
#
#   bash tests/deploy/nginx-tls.sh [RESULT_XML]
set -uo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
RESULT_XML="${1:-$ROOT/artifacts/test-results/Deploy.NginxTls.xml}"
WORK="$(mktemp -d /tmp/phuthoca-deploy.XXXXXX)"
HOST=chukyso.test
PROXY_IP=127.0.0.2     # nginx listens here
CLIENT_IP=127.0.0.3    # curl connects from here: the portal must log this address, not the proxy's
APP_PORT=5097
TLS_PORT=8443
HTTP_PORT=8080
passed=0; failed=0; cases=""
app_pid=""; nginx_started=0

cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null
  [ "$nginx_started" -eq 1 ] && nginx -p "$WORK/nginx" -c nginx.conf -s stop 2>/dev/null
  wait 2>/dev/null
}
trap cleanup EXIT

check() { # name, then a command that succeeds when the check passes
  local name="$1"; shift
  if "$@"; then
    passed=$((passed + 1)); cases+="    <test name=\"$name\" result=\"Pass\" />"$'\n'; echo "  ok   $name"
  else
    failed=$((failed + 1)); cases+="    <test name=\"$name\" result=\"Fail\" />"$'\n'; echo "  FAIL $name"
  fi
}

report() {
  mkdir -p "$(dirname "$RESULT_XML")"
  cat > "$RESULT_XML" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<assemblies>
  <assembly name="deploy/nginx-tls.sh" total="$((passed + failed))" passed="$passed" failed="$failed" skipped="0" errors="0">
  <collection name="nginx + TLS">
$cases  </collection>
  </assembly>
</assemblies>
EOF
  echo "deploy test: $passed passed, $failed failed"
}

fail_setup() { echo "setup failed: $1"; failed=$((failed + 1)); cases+="    <test name=\"setup: $1\" result=\"Fail\" />"$'\n'; report; exit 1; }

echo "==> install (deploy/install.sh --no-service) into $WORK/opt"
bash "$ROOT/deploy/install.sh" --prefix "$WORK/opt" --no-service >"$WORK/install.log" 2>&1 || { tail -20 "$WORK/install.log"; fail_setup "install.sh"; }
[ -x "$WORK/opt/current/PhuThoCa.Web" ] || fail_setup "current/PhuThoCa.Web missing"

echo "==> start the portal in Production behind the proxy settings of deploy/phuthoca.service"
mkdir -p "$WORK/data"
(
  cd "$WORK/opt/current" &&
  ASPNETCORE_URLS="http://127.0.0.1:$APP_PORT" ASPNETCORE_ENVIRONMENT=Production Data__Folder="$WORK/data" \
  Seed__DemoData=false AllowedHosts="$HOST" Letters__PublicBaseUrl="https://$HOST:$TLS_PORT" \
  ForwardedHeaders__KnownProxies__0=127.0.0.1 Bootstrap__AdminUserName=quantri Bootstrap__AdminPassword='Deploy2026Test' \
  exec ./PhuThoCa.Web >"$WORK/app.log" 2>&1
) &
app_pid=$!
for _ in $(seq 1 60); do
  curl -fsS -H "Host: $HOST" "http://127.0.0.1:$APP_PORT/healthz" >/dev/null 2>&1 && break
  kill -0 "$app_pid" 2>/dev/null || { tail -20 "$WORK/app.log"; fail_setup "portal exited"; }
  sleep 1
done

echo "==> nginx with deploy/nginx-phuthoca.conf and a self-signed certificate"
mkdir -p "$WORK/nginx/logs" "$WORK/nginx/tmp" "$WORK/tls"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$HOST" -addext "subjectAltName=DNS:$HOST" \
  -keyout "$WORK/tls/privkey.pem" -out "$WORK/tls/fullchain.pem" >/dev/null 2>&1 || fail_setup "openssl"
# The shipped site, with only addresses, ports and certificate paths changed.
sed -e "s#listen 80;#listen $PROXY_IP:$HTTP_PORT;#" -e "s#listen 443 ssl#listen $PROXY_IP:$TLS_PORT ssl#" \
    -e "s#chukyso.phutho.gov.vn#$HOST#g" -e "s#/etc/ssl/phuthoca/#$WORK/tls/#g" \
    -e "s#http://127.0.0.1:5000#http://127.0.0.1:$APP_PORT#" \
    -e "s#return 301 https://\$host\$request_uri;#return 301 https://\$host:$TLS_PORT\$request_uri;#" \
    "$ROOT/deploy/nginx-phuthoca.conf" > "$WORK/nginx/site.conf"
cat > "$WORK/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log;
events { worker_connections 64; }
http {
  access_log $WORK/nginx/logs/access.log;
  client_body_temp_path $WORK/nginx/tmp/body;
  proxy_temp_path $WORK/nginx/tmp/proxy;
  fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
  uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
  scgi_temp_path $WORK/nginx/tmp/scgi;
  include $WORK/nginx/site.conf;
}
EOF
nginx -p "$WORK/nginx" -c nginx.conf -t >"$WORK/nginx/test.log" 2>&1 || { cat "$WORK/nginx/test.log"; fail_setup "nginx -t"; }
nginx -p "$WORK/nginx" -c nginx.conf || fail_setup "nginx start"
nginx_started=1
sleep 1

CURL=(curl -sS --interface "$CLIENT_IP" --cacert "$WORK/tls/fullchain.pem" --resolve "$HOST:$TLS_PORT:$PROXY_IP" --resolve "$HOST:$HTTP_PORT:$PROXY_IP")
BASE="https://$HOST:$TLS_PORT"

echo "==> checks"
"${CURL[@]}" -o /dev/null -D "$WORK/http.headers" "http://$HOST:$HTTP_PORT/Account/Login" || true
check "HTTP is redirected to HTTPS" grep -qi "^location: https://$HOST:$TLS_PORT/Account/Login" "$WORK/http.headers"

code=$("${CURL[@]}" -o /dev/null -w '%{http_code}' "$BASE/healthz")
check "health check answers 200 over HTTPS" test "$code" = 200

"${CURL[@]}" -c "$WORK/cookies" -D "$WORK/login.headers" -o "$WORK/login.html" "$BASE/Account/Login"
check "HSTS on HTTPS" grep -qi '^strict-transport-security: max-age=' "$WORK/login.headers"
check "X-Frame-Options DENY" grep -qi '^x-frame-options: DENY' "$WORK/login.headers"
check "nosniff" grep -qi '^x-content-type-options: nosniff' "$WORK/login.headers"
check "Referrer-Policy" grep -qi '^referrer-policy:' "$WORK/login.headers"
check "CSP without unsafe-inline script" bash -c "grep -i '^content-security-policy:' '$WORK/login.headers' | grep -qi \"frame-ancestors 'none'\" && ! grep -i '^content-security-policy:' '$WORK/login.headers' | grep -oi 'script-src[^;]*' | grep -qi unsafe-inline"
check "antiforgery cookie is Secure (the portal sees HTTPS through the proxy)" bash -c "grep -i '^set-cookie:' '$WORK/login.headers' | grep -i antiforgery | grep -qi '; secure'"

token=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$WORK/login.html" | sed 's/.*value="//; s/"$//')
[ -n "$token" ] || token=$(grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' "$WORK/login.html" | sed 's/.*value="//; s/"$//')
code=$("${CURL[@]}" -b "$WORK/cookies" -c "$WORK/cookies" -o "$WORK/signin.html" -D "$WORK/signin.headers" -w '%{http_code}' \
  --data-urlencode "Input.UserName=quantri" --data-urlencode "Input.Password=Deploy2026Test" \
  --data-urlencode "__RequestVerificationToken=$token" "$BASE/Account/Login")
check "bootstrap administrator signs in over HTTPS (redirect)" test "$code" = 302
check "authentication cookie is Secure and HttpOnly" bash -c "grep -i '^set-cookie: PhuThoCa' '$WORK/signin.headers' | grep -qi '; secure' && grep -i '^set-cookie: PhuThoCa' '$WORK/signin.headers' | grep -qi 'httponly'"

"${CURL[@]}" -o /dev/null "$BASE/Account/Login?probe=client-ip"
sleep 1
check "request log names the client address, not the proxy's" grep -q "GET /Account/Login from $CLIENT_IP responded" "$WORK/app.log"
check "audit trail records the sign-in from the client address" bash -c "command -v sqlite3 >/dev/null && sqlite3 '$WORK/data/phuthoca.db' \"SELECT count(*) FROM AuditEntries WHERE ClientIp = '$CLIENT_IP' AND Action = 'SignIn';\" | grep -qv '^0$'"

head -c 13000000 /dev/zero > "$WORK/big.bin"
code=$("${CURL[@]}" -o /dev/null -w '%{http_code}' -X POST --data-binary "@$WORK/big.bin" -H 'Content-Type: application/octet-stream' "$BASE/Account/Login")
check "a body over the proxy's limit is refused (413)" test "$code" = 413

report
[ "$failed" -eq 0 ]
