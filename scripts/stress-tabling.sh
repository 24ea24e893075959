#!/usr/bin/env bash
# Many delegations tabling at once, outside CI: PROCESSES shell loops, each tabling EACH proposals
# to 4 (a) with its own delegation and clock, all against one new negotiation repository. Checks
# that every proposal is recorded (files, commits, `amend proposals`), by every delegation, and that
# `git fsck --strict` finds nothing wrong. CI runs a smaller version of the same scenario
# (Tests/AmendCLITests/ConcurrencyTests.swift).
#
#   scripts/stress-tabling.sh [PATH-TO-AMEND] [PROCESSES] [EACH]     (default: 20 processes × 50)
#
# Without PATH-TO-AMEND it uses .build/release/amend, else .build/debug/amend.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
amend=${1:-}
processes=${2:-20}
each=${3:-50}
if [ -z "$amend" ]; then
  for candidate in "$here/.build/release/amend" "$here/.build/debug/amend"; do
    if [ -x "$candidate" ]; then amend=$candidate; break; fi
  done
fi
[ -x "$amend" ] || { echo "stress-tabling: no amend binary: build one (swift build -c release) or give its path" >&2; exit 2; }

scratch=$(mktemp -d "${TMPDIR:-/tmp}/amend-stress.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
export AMEND_COMMITTER="Secretariat <secretariat@example.org>" GIT_CONFIG_NOSYSTEM=1
AMEND_NOW=2010-10-12T09:00:00Z AMEND_NONCE=7 "$amend" init --from "$here/drafts/07-seventh-draft.md" --repo "$scratch" >/dev/null ||
  { echo "stress-tabling: FAILED: amend init" >&2; exit 1; }

started=$(date +%s)
pids=()
for d in $(seq 1 "$processes"); do
  (
    for i in $(seq 1 "$each"); do
      AMEND_NONCE=$d AMEND_NOW="2010-10-12T10:$(printf %02d $((i % 60))):00Z" \
        "$amend" propose "4 (a)" --by "Delegation $d" --insert "measure $d-$i" --at-end --repo "$scratch" \
        >/dev/null || exit 1
    done
  ) &
  pids+=($!)
done
failed=0
for pid in "${pids[@]}"; do wait "$pid" || failed=$((failed + 1)); done
elapsed=$(( $(date +%s) - started ))

total=$((processes * each))
fail() { echo "stress-tabling: FAILED: $*" >&2; exit 1; }
[ "$failed" -eq 0 ] || fail "$failed of $processes processes had a propose fail"
files=$(git -C "$scratch" ls-tree --name-only HEAD proposals/ | grep -c '\.md$' || true)
[ "$files" -eq "$total" ] || fail "$files proposal files, not $total"
commits=$(git -C "$scratch" rev-list --count HEAD)
[ "$commits" -eq $((total + 1)) ] || fail "$commits commits, not $((total + 1))"
fsck=$(git -C "$scratch" fsck --strict --no-dangling 2>&1) || fail "git fsck: $fsck"
[ -z "$fsck" ] || fail "git fsck: $fsck"
listed=$("$amend" proposals --repo "$scratch" | grep -c 'Delegation ' || true)
[ "$listed" -eq "$total" ] || fail "amend proposals lists $listed, not $total"
delegations=$("$amend" proposals --repo "$scratch" | grep -o 'Delegation [0-9]*' | sort -u | wc -l)
[ "$delegations" -eq "$processes" ] || fail "$delegations delegations listed, not $processes"
echo "stress-tabling: $processes processes × $each proposals: all $total recorded, $commits commits, fsck clean, in ${elapsed}s"
