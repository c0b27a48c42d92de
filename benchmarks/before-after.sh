#!/usr/bin/env bash
# Before/after in one command: builds IotHubGuard.Analyzers at BASE (default: main) in a temporary worktree, then runs
# the quick benchmark with that build as "before" and this checkout as "after", in the same interleaved rounds.
#   benchmarks/before-after.sh [BASE] [quick-mode options…]     e.g. benchmarks/before-after.sh main --sizes 1000
set -euo pipefail
base="${1:-main}"
shift || true
root="$(git rev-parse --show-toplevel)"
before="$(mktemp -d /tmp/aziot-before.XXXXXX)"
cleanup() { git -C "$root" worktree remove --force "$before/src" >/dev/null 2>&1 || true; rm -rf "$before"; }
trap cleanup EXIT
git -C "$root" worktree add --detach --quiet "$before/src" "$base"
dotnet build "$before/src/src/IotHubGuard.Analyzers" -c Release -o "$before/bin" -nologo -v quiet
uptime
dotnet run -c Release --project "$root/benchmarks/IotHubGuard.Benchmarks" -- --quick --before "$before/bin/IotHubGuard.Analyzers.dll" "$@"
uptime
