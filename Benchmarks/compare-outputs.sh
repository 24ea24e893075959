#!/usr/bin/env bash
# Runs history, blame, diff and log with two amend binaries on copies of one generated repository
# and compares what they print (stdout, stderr and exit status) byte for byte: the check that a
# change for speed changed no output. Usage (from anywhere):
#
#   bash Benchmarks/compare-outputs.sh OLD_AMEND NEW_AMEND [SIZE]      default SIZE: M@1000
#
# SIZE is generated once with seed 7 as Benchmarks/run.sh does (same folder, BENCH_ROOT, default
# /tmp/amend-bench), with the amend-generate beside NEW_AMEND (or GENERATOR). The sample: SAMPLE
# (default 8) clauses spread over the current draft, and, from the old binary's diff of the first
# and last drafts, up to 4 renumbered, 4 new, 3 amended and 3 deleted ones (the deleted ones cited
# in the first draft); each gets history and blame, text and --json. Then diff between several
# pairs of drafts (text, markdown and --format json, and one --clause), and log (text, --json,
# --limit). The new binary runs on its own copy, its derived caches deleted first (the first run
# is cold), and the first few commands run again at the end (warm). Results and any differences:
# $BENCH_ROOT/compare-SIZE/ (the old binary's outputs are kept in compare-SIZE-old-<checksum> and
# reused by the next run against the same old binary). Exits 1 when anything differs.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
[ $# -ge 2 ] || { echo "usage: $0 OLD_AMEND NEW_AMEND [SIZE]" >&2; exit 2; }
old="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
new="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
size="${3:-M@1000}"
bench_root="${BENCH_ROOT:-/tmp/amend-bench}"
sample="${SAMPLE:-8}"
generator="${GENERATOR:-$(dirname "$new")/amend-generate}"
mkdir -p "$bench_root"
# shellcheck source=Benchmarks/generate.sh
source "$here/generate.sh"

bench_identity

pristine="$bench_root/$size"
generate_size "$size" "$pristine" "$generator" "$root"
out="$bench_root/compare-$size"
# The old binary's outputs are kept between runs, by the binary's checksum and the command line:
# a second comparison (a new build against the same old one) runs only the new binary.
old_outputs="$bench_root/compare-$size-old-$(sha1sum "$old" | cut -c1-12)"
rm -rf "$out" && mkdir -p "$out/new" "$old_outputs" && ln -s "$old_outputs" "$out/old"
for side in old new; do
  rm -rf "$out/repo-$side" && cp -a "$pristine" "$out/repo-$side"
done
rm -rf "$out/repo-new/.git/amend"

# The drafts, and the sample of clauses.
mapfile -t drafts < <(git -C "$pristine" ls-tree --name-only HEAD drafts/ | sed -n 's|^drafts/\([0-9]*\)-.*-draft\.md$|\1|p' | sed 's/^0*//' | sort -n)
first="${drafts[0]}" last="${drafts[${#drafts[@]} - 1]}"
(cd "$out/repo-old" && "$old" diff "$first" "$last" --format json > "$out/sample-diff.json" && "$old" clauses > "$out/clauses.txt")
mapfile -t cited < <(python3 - "$out/sample-diff.json" "$out/clauses.txt" "$sample" "$first" << 'PY'
import json, re, sys
entries = json.load(open(sys.argv[1]))["entries"]
# `amend clauses` lists "1 (a)    text…": the id is what stands before the run of spaces.
current = [re.sub(r" \((\w+)\)", r".\1", line.split("  ")[0].strip()) for line in open(sys.argv[2]) if line[:1].isdigit()]
count = int(sys.argv[3])
picked = [current[round(i * (len(current) - 1) / max(count - 1, 1))] for i in range(count)] if current else []
def some(kind, key, n):
    found = [e[key] for e in entries if e["kind"] == kind and e.get(key)]
    return [found[round(i * (len(found) - 1) / max(n - 1, 1))] for i in range(min(n, len(found)))]
lines = [c for c in dict.fromkeys(picked + some("renumbered", "to", 4) + some("introduced", "to", 4) + some("amended", "to", 3))]
lines += [c + " --draft " + sys.argv[4] for c in dict.fromkeys(some("deleted", "from", 3))]
print("\n".join(lines))
PY
)

commands=()
for clause in "${cited[@]}"; do
  for report in history blame; do
    commands+=("$report $clause" "$report $clause --json")
  done
done
middle="${drafts[$((${#drafts[@]} / 2))]}"
previous="${drafts[${#drafts[@]} - 2]}"
for pair in "" "$previous $last" "$first $last" "$first $((first + 1))" "$middle $((middle + 1))" "$first $middle"; do
  commands+=("diff $pair" "diff $pair --format json" "diff $pair --format markdown")
done
commands+=("diff $first $last --clause ${cited[0]%% *}" "log" "log --json" "log --limit 25")
# Again at the end, with the new binary's caches warm.
commands+=("${commands[@]:0:4}")

printf '%s\n' "${commands[@]}" > "$out/commands.txt"
differ=0
for index in "${!commands[@]}"; do
  for side in old new; do
    binary=$old
    [ "$side" = new ] && binary=$new
    if [ "$side" = old ] && [ -f "$out/old/$index.rc" ] && [ "$(cat "$out/old/$index.cmd" 2> /dev/null)" = "${commands[$index]}" ]; then
      continue
    fi
    # Word splitting of the command line is intended: clauses and numbers hold no spaces.
    # shellcheck disable=SC2086
    (cd "$out/repo-$side" && set +e && "$binary" ${commands[$index]} > "$out/$side/$index.out" 2> "$out/$side/$index.err"; echo $? > "$out/$side/$index.rc")
    echo "${commands[$index]}" > "$out/$side/$index.cmd"
  done
  for part in out err rc; do
    if ! cmp -s "$out/old/$index.$part" "$out/new/$index.$part"; then
      echo "DIFFERS ($part): amend ${commands[$index]}" >&2
      differ=$((differ + 1))
    fi
  done
done
echo "$size: ${#commands[@]} commands (${#cited[@]} clauses: ${cited[*]}); $differ differences; outputs in $out"
[ "$differ" -eq 0 ]
