#!/usr/bin/env bash
# Times PdfSignatureVerifier on the one-page sample letter signed by pdfsig (poppler-utils) with a throw-away PKI
# (openssl root -> intermediate -> agency certificate, NSS database by libnss3-tools) and the intermediate's CRL.
# Prints mean/median/p95 ms per verification. Extra arguments go to the program (e.g. --runs 2000).
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
dotnet build tests/benchmarks/LetterBenchmark -c Release --verbosity quiet >/dev/null
dotnet build tests/benchmarks/SignatureBenchmark -c Release --verbosity quiet >/dev/null
tests/benchmarks/LetterBenchmark/bin/Release/net10.0/linux-x64/LetterBenchmark --out "$work" >/dev/null
letter=$(ls "$work"/*one-page*.pdf | head -1)
cd "$work"
cat > ext.cnf <<'CNF'
[ca]
basicConstraints=critical,CA:TRUE
keyUsage=critical,keyCertSign,cRLSign
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
[leaf]
basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,nonRepudiation
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
CNF
openssl req -x509 -newkey rsa:2048 -nodes -keyout root.key -out root.pem -subj "/CN=Bench Root/C=VN" -days 3650 -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout ca.key -out ca.csr -subj "/CN=Bench CA G2/C=VN" 2>/dev/null
openssl x509 -req -in ca.csr -CA root.pem -CAkey root.key -CAcreateserial -out ca.pem -days 3650 -extfile ext.cnf -extensions ca 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout leaf.key -out leaf.csr -subj "/CN=Sở Y tế tỉnh Phú Thọ/O=UBND tỉnh Phú Thọ/C=VN" -utf8 2>/dev/null
openssl x509 -req -in leaf.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out leaf.pem -days 365 -extfile ext.cnf -extensions leaf 2>/dev/null
openssl pkcs12 -export -inkey leaf.key -in leaf.pem -out leaf.p12 -passout pass:bench -name agency 2>/dev/null
printf '[ca]\ndefault_ca=bench\n[bench]\ndatabase=index.txt\ncrlnumber=crlnumber\ndefault_md=sha256\ndefault_crl_days=7\n' > crl.cnf; : > index.txt; echo 01 > crlnumber
openssl ca -config crl.cnf -gencrl -keyfile ca.key -cert ca.pem -out ca.crl.pem 2>/dev/null
openssl crl -in ca.crl.pem -outform der -out ca.crl
openssl x509 -in root.pem -outform der -out root.der; openssl x509 -in ca.pem -outform der -out ca.der
mkdir nss; certutil -N -d sql:nss --empty-password
certutil -A -d sql:nss -n root -t "CT,C,C" -i root.der; certutil -A -d sql:nss -n ca -t ",," -i ca.der
pk12util -i leaf.p12 -d sql:nss -W bench >/dev/null
pdfsig -nssdir "sql:$work/nss" -add-signature -nick agency "$letter" signed.pdf 2>/dev/null || true
cd - >/dev/null
tests/benchmarks/SignatureBenchmark/bin/Release/net10.0/linux-x64/SignatureBenchmark "$work/signed.pdf" \
  --root "$work/root.der" --intermediate "$work/ca.der" --crl "$work/ca.crl" "$@"
