#!/usr/bin/env bash
# The room under load, on loopback, bounded in time (issue 14; BENCHMARKS.md, "The room under load"):
# `amend serve` on a fresh negotiation of the seventh draft, SCREENS clients on GET /api/events and
# DELEGATIONS delegations tabling at once for DURATION seconds, each tabling again PACE seconds after its
# last answer (PACE=0: flat out). Checks, with the git CLI, that every proposal answered 201 is recorded
# exactly once and nothing else was; that every screen received every commit's event, in order; and
# samples the server's RSS every second. Prints p50/p99 tabling latency and event delay. Usage:
#
#   bash Benchmarks/serve-load.sh [AMEND]     default: .build/release/amend (swift build -c release)
#   DURATION=60 SCREENS=200 DELEGATIONS=50 PACE=0.5 bash Benchmarks/serve-load.sh
#
# The client is Benchmarks/serve-load.py (Python standard library only). Exits 1 when a check fails.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
amend="${1:-$root/.build/release/amend}"
[ -x "$amend" ] || { echo "no amend binary at $amend: run 'swift build -c release' first" >&2; exit 2; }
amend="$(cd "$(dirname "$amend")" && pwd)/$(basename "$amend")"
seed="$(cd "$root/.." && pwd)/shared/seeds/seventh-draft-migration-2010-10-12.txt"

work="$(mktemp -d "${TMPDIR:-/tmp}/amend-serve-load.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  [ "${KEEP:-0}" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT

export AMEND_COMMITTER="Secretariat <secretariat@example.org>"
export GIT_CONFIG_NOSYSTEM=1
repo="$work/repo"
mkdir -p "$repo"
(cd "$repo" && "$amend" init --from "$seed" >/dev/null)

delegations="${DELEGATIONS:-50}"
: >"$work/tokens"
for i in $(seq -w 1 "$delegations"); do
  "$amend" access grant --delegation "Delegation $i" --repo "$repo" | head -1 >>"$work/tokens"
done

"$amend" serve --repo "$repo" --port 0 --quiet >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
for _ in $(seq 1 100); do
  grep -q "listening on" "$work/serve.out" 2>/dev/null && break
  sleep 0.1
done
url="$(grep -o 'http://[^ ]*' "$work/serve.out" | head -1)"
[ -n "$url" ] || { echo "amend serve did not start: $(cat "$work/serve.err")" >&2; exit 1; }

python3 "$here/serve-load.py" --url "$url" --repo "$repo" --tokens "$work/tokens" --server-pid "$server_pid" \
  --duration "${DURATION:-60}" --screens "${SCREENS:-200}" --pace "${PACE:-0.5}"
