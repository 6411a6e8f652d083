#!/usr/bin/env bash
# Runs jest test files as if it were DATE (UTC; '2028-06-15' or '2026-12-31 17:00'), to find tests
# that pass only until some day. faketime shifts the clock of this process and of every child that
# keeps LD_PRELOAD/FAKETIME (spawned servers and workers: tests/support/server.ts fakedClockEnv,
# Chromium) by one offset, so the clock keeps running and all processes agree. The monotonic clock
# moves with it (Chromium misbehaves when only the wall clock is shifted). Not shifted: file times
# written by the kernel (server/src/middleware/staticH5.test.ts's "variant older than its file"
# fails under a shift for that reason only) and the embedded database (a static Go binary).
# Needs Debian's faketime (apt-get install -y faketime).  Usage: scripts/test-at.sh DATE FILE...
set -euo pipefail
if [ $# -lt 2 ]; then echo "usage: $0 DATE test-file..." >&2; exit 2; fi
command -v faketime >/dev/null || { echo "faketime is missing: apt-get install -y faketime" >&2; exit 2; }
target=$(date -u -d "$1" +%s)
shift
offset=$((target - $(date -u +%s)))
cd "$(dirname "$0")/.."
exec faketime -f "$(printf '%+d' "$offset")" npx jest "$@"
