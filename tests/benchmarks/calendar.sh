#!/usr/bin/env bash
# Builds and runs the working-day calendar benchmark in Release (100,000 deadlines, 2025–2030, N = 1..10).
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build tests/benchmarks/CalendarBenchmark -c Release --verbosity quiet
exec tests/benchmarks/CalendarBenchmark/bin/Release/net10.0/linux-x64/CalendarBenchmark "$@"
