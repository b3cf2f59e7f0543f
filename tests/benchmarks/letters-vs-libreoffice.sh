#!/usr/bin/env bash
# Our PDF letters against LibreOffice on the same letter (the one-page Mẫu 06 sample of SampleLetters.cs):
#  1. LetterBenchmark renders it N times in process (default 200) and writes its PDF and DOCX;
#  2. LibreOffice converts that DOCX to PDF, one soffice process per letter (5 letters), then 50 letters in one process.
# Prints ms per letter for each, the ratios and the file sizes. LibreOffice is big: it is installed here when missing
# (apt-get install libreoffice-writer-nogui, as root), never by tests/run.sh.
# Usage: tests/benchmarks/letters-vs-libreoffice.sh [count=200]
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
COUNT=${1:-200}
SINGLE=5
MANY=50
WORK=$(mktemp -d /tmp/letters-vs-lo.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

if ! command -v soffice >/dev/null 2>&1; then
  echo "==> installing LibreOffice Writer (headless) for this benchmark"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui >/dev/null
fi

echo "==> building LetterBenchmark (Release)"
dotnet build tests/benchmarks/LetterBenchmark -c Release --verbosity quiet >/dev/null
echo "==> ours: $COUNT letters in process"
OURS=$(tests/benchmarks/LetterBenchmark/bin/Release/net10.0/linux-x64/LetterBenchmark "$COUNT" --out "$WORK/ours")
echo "$OURS" | sed 's/^/    /'
ours_ms=$(echo "$OURS" | sed -n "s/^$COUNT letters: \([0-9.]*\) ms\/letter.*/\1/p")
docx_ms=$(echo "$OURS" | sed -n 's/^docx: \([0-9.]*\) ms\/letter.*/\1/p')

ms_now() { date +%s%N | cut -c1-13; }
PROFILE="file://$WORK/lo-profile"
convert() { soffice -env:UserInstallation="$PROFILE" --headless --norestore --convert-to pdf --outdir "$@" >/dev/null 2>&1; }

echo "==> LibreOffice $(soffice --version 2>/dev/null | head -1 | cut -d' ' -f2)"
mkdir -p "$WORK/warm" "$WORK/single" "$WORK/many"
convert "$WORK/warm" "$WORK/ours/one-page.docx"   # first start creates the profile: not timed
for i in $(seq 1 "$SINGLE"); do cp "$WORK/ours/one-page.docx" "$WORK/single/letter-$i.docx"; done
for i in $(seq 1 "$MANY"); do cp "$WORK/ours/one-page.docx" "$WORK/many/letter-$i.docx"; done

start=$(ms_now)
for i in $(seq 1 "$SINGLE"); do convert "$WORK/single/out" "$WORK/single/letter-$i.docx"; done
single_total=$(( $(ms_now) - start ))

start=$(ms_now)
convert "$WORK/many/out" "$WORK/many"/letter-*.docx
many_total=$(( $(ms_now) - start ))

produced=$(ls "$WORK/many/out"/*.pdf 2>/dev/null | wc -l)
[ "$produced" -eq "$MANY" ] || { echo "LibreOffice produced $produced of $MANY PDFs"; exit 1; }

size() { stat -c %s "$1"; }
ours_pdf=$(size "$WORK/ours/one-page.pdf"); lo_pdf=$(size "$WORK/single/out/letter-1.pdf"); docx=$(size "$WORK/ours/one-page.docx")
LC_ALL=C awk -v ours="$ours_ms" -v docx="$docx_ms" -v st="$single_total" -v sn="$SINGLE" -v mt="$many_total" -v mn="$MANY" \
  -v op="$ours_pdf" -v lp="$lo_pdf" -v dx="$docx" 'BEGIN {
  single = st / sn; many = mt / mn
  printf "\n%-48s %10s %10s\n", "", "ms/letter", "x ours"
  printf "%-48s %10.2f %10s\n", "ours: PDF in process (SkiaSharp + HarfBuzz)", ours, "1"
  printf "%-48s %10.2f %10s\n", "ours: DOCX in process (OpenXml)", docx, ""
  printf "%-48s %10.1f %10.0f\n", "LibreOffice: one soffice process per letter (" sn ")", single, single / ours
  printf "%-48s %10.1f %10.0f\n", "LibreOffice: " mn " letters in one soffice process", many, many / ours
  printf "\nsizes: ours PDF %.1f KB, LibreOffice PDF %.1f KB (%.2fx ours), DOCX %.1f KB\n", op / 1024, lp / 1024, lp / op, dx / 1024
}'
