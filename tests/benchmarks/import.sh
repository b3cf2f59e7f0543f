#!/usr/bin/env bash
# Builds and runs the import benchmark in Release: a 5,000-row subscriber .xlsx (or N rows: import.sh N) through the
# same importer as the page: dry run, import, re-import, 10 rows changed. Figures go to docs/import.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build tests/benchmarks/ImportBenchmark -c Release --verbosity quiet
exec tests/benchmarks/ImportBenchmark/bin/Release/net10.0/linux-x64/ImportBenchmark "$@"
