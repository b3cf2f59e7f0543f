#!/usr/bin/env bash
# Builds and runs the audit-trail overhead benchmark in Release: the same saves with and without the audit interceptor on a
# real SQLite file (default 1000 one-row edits and 50 batches of 20 inserts; pass another count as the first argument).
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build tests/benchmarks/AuditBenchmark -c Release --verbosity quiet
exec tests/benchmarks/AuditBenchmark/bin/Release/net10.0/linux-x64/AuditBenchmark "$@"
