#!/usr/bin/env bash
# Builds and runs the letter benchmark in Release: renders the one-page sample công văn N times (default 200)
# and prints ms/letter and bytes. Extra arguments go to the program, e.g. "--out /tmp/letters" to keep the
# sample PDFs (one-page, forty-rows, handover) for pdftoppm/pdffonts.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build tests/benchmarks/LetterBenchmark -c Release --verbosity quiet
exec tests/benchmarks/LetterBenchmark/bin/Release/net10.0/linux-x64/LetterBenchmark "$@"
