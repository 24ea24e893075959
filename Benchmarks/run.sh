#!/usr/bin/env bash
# Benchmarks of amend's release build at negotiation scale, side by side with the git CLI on the
# same repository. Usage (from anywhere):
#
#   bash Benchmarks/run.sh [S] [M] [L] [M@2000]…      default: S M
#
# A size is S, M or L (see Sources/NegotiationGenerator/Scale.swift), or SIZE@N for that size's
# draft with only N proposals (and drafts in proportion): the points between S, M and L on the curve.
#
# Environment: BENCH_ROOT (default /tmp/amend-bench) holds the generated repositories, which are
# reused between runs (delete a size's folder to generate it again); RUNS (default 11) whole-process
# runs per command, of which the median is reported; NEXT_RUNS (default 3) for `amend next`, which
# runs on a fresh copy each time; HISTORY_RUNS (default 3) and HISTORY_LIMIT (seconds, default 300)
# for cold `amend history` and `amend blame` (the kept timeline deleted before each run).
# Results: $BENCH_ROOT/results-<size>.md, and all sizes in $BENCH_ROOT/curve.tsv.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
bench_root="${BENCH_ROOT:-/tmp/amend-bench}"
runs="${RUNS:-11}"
next_runs="${NEXT_RUNS:-3}"
history_runs="${HISTORY_RUNS:-3}"
history_limit="${HISTORY_LIMIT:-300}"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(S M)

# What the script needs: GNU time for peak memory, git, and a release build.
if [ ! -x /usr/bin/time ] || ! command -v git > /dev/null; then
  apt-get update -qq && apt-get install -y -qq time git > /dev/null
fi
(cd "$root" && swift build -c release --scratch-path .build-bench-release --product amend > /dev/null \
  && swift build -c release --scratch-path .build-bench-release --product amend-generate > /dev/null)
bin="$root/.build-bench-release/release"
amend="$bin/amend"
mkdir -p "$bench_root"
# shellcheck source=Benchmarks/generate.sh
source "$here/generate.sh"

bench_identity

# measure LABEL RUNS SNIPPET: runs the shell SNIPPET RUNS times through `bash -c` (the same small
# overhead for amend and for git), with the run's index in $i; sets $median_ms and $peak_kib.
# $prepare, when set, names a function run before each run, untimed.
measure() {
  local label="$1" count="$2" snippet="$3"
  local times=() peak=0 failures=0
  for ((run = 1; run <= count; run++)); do
    if [ -n "${prepare:-}" ]; then $prepare; fi
    local start end rss
    start=$(date +%s%N)
    if ! i=$run /usr/bin/time -f %M -o "$bench_root/rss" bash -c "$snippet" > /dev/null 2> "$bench_root/stderr"; then
      failures=$((failures + 1))
    fi
    end=$(date +%s%N)
    rss=$(tail -n 1 "$bench_root/rss")
    times+=($(((end - start) / 1000)))
    [ "$rss" -gt "$peak" ] && peak=$rss
  done
  median_ms=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=a[int((NR+1)/2)]; printf "%.1f", m/1000}')
  peak_kib=$peak
  if [ "$failures" -gt 0 ]; then
    echo "  $label: $failures of $count runs failed; last error: $(head -c 300 "$bench_root/stderr")" >&2
  fi
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f×", a / b; else print "n/a" }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

printf 'size\tcommand\tproposals\tamend_ms\tamend_peak_mib\tgit_ms\tratio\n' > "$bench_root/curve.tsv.new"
# Rows of sizes not measured this time are kept, so the curve can be built up one size at a time.
[ -f "$bench_root/curve.tsv" ] && tail -n +2 "$bench_root/curve.tsv" \
  | awk -F'\t' -v now="${sizes[*]}" 'BEGIN { split(now, s, " "); for (k in s) skip[s[k]] = 1 } !($1 in skip)' \
  >> "$bench_root/curve.tsv.new"

for size in "${sizes[@]}"; do
  pristine="$bench_root/$size"
  generate_size "$size" "$pristine" "$bin/amend-generate" "$root"
  work="$bench_root/work-$size"
  rm -rf "$work" && cp -a "$pristine" "$work"
  cd "$work"
  current=$(git ls-tree --name-only HEAD drafts/ | grep -v numbering | sort | tail -n 1)
  # Records stand in proposals/ (flat, older repositories) or its two-character shards (docs/RECORDS-LAYOUT.md).
  proposals=$(git ls-tree -r --name-only HEAD proposals/ | grep -v '^proposals/events/' | grep -c '\.md$' || true)
  "$amend" clauses > "$bench_root/clauses.txt"
  mapfile -t clauses < <(awk '$1 ~ /^[0-9]+$/ { print $1 }' "$bench_root/clauses.txt" | sed -n "1,${runs}p")
  # Proposals the chair can accept as they stand: pending, colliding with nothing, still applicable.
  "$amend" agenda --json > "$bench_root/agenda.json"
  mapfile -t pending < <(python3 -c '
import json, sys
ids = [item["id"] for item in json.load(open(sys.argv[1]))
       if not item.get("collidesWith") and not item.get("needsRevision") and item.get("status") == "pending"]
print("\n".join(ids[: int(sys.argv[2])]))' "$bench_root/agenda.json" "$runs")
  # (awk reads to the end: an early exit would kill git with SIGPIPE, and the script with pipefail.)
  sample_record=$(git ls-tree -r --name-only HEAD proposals/ | awk '/\.md$/ && !/^proposals\/events\// && !found { print; found = 1 }')
  blame_clause="${clauses[0]}"
  echo "== $size: $proposals proposals, current draft $current" >&2

  results="$bench_root/results-$size.md"
  {
    echo "| command | amend median (ms) | amend peak (MiB) | git CLI equivalent | git median (ms) | amend / git |"
    echo "|---|---:|---:|---|---:|---:|"
  } > "$results"
  row() { # COMMAND AMEND_MS AMEND_KIB GIT_LABEL GIT_MS
    local r="n/a"
    [ "$5" != "n/a" ] && r=$(ratio "$2" "$5")
    echo "| $1 | $2 | $(mib "$3") | $4 | $5 | $r |" >> "$results"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$1" "$proposals" "$2" "$(mib "$3")" "$5" "$r" >> "$bench_root/curve.tsv.new"
    echo "  $1: amend $2 ms ($(mib "$3") MiB), $4 $5 ms, ratio $r" >&2
  }

  # Tabling: amend propose, against writing a record of the same size, git add and git commit --author.
  export amend sample_record CLAUSES="${clauses[*]}" PENDING="${pending[*]}"
  measure propose "$runs" 'read -ra c <<< "$CLAUSES"; "$amend" propose "${c[$(((i - 1) % ${#c[@]}))]}" --by France --insert effectively --at-end'
  a_ms=$median_ms a_kib=$peak_kib
  git_record='name=$(printf "f%07x" $((OFFSET + i))); mkdir -p "proposals/${name:0:2}"; sed "s/^id: .*/id: $name/" "$sample_record" > "proposals/${name:0:2}/$name.md"; git add "proposals/${name:0:2}/$name.md"; git commit -q --author="France <france@delegations.invalid>" -m "Table $name: France"'
  measure git-commit "$runs" "OFFSET=1000; $git_record"
  row propose "$a_ms" "$a_kib" "write the record, git add, git commit --author" "$median_ms"

  # Reading: the whole record, against git reading every record blob at the tip.
  measure git-grep "$runs" "git grep -h -e '^delegation:' HEAD -- proposals"
  git_read_ms=$median_ms
  for command in proposals compile agenda; do
    measure "$command" "$runs" "\"\$amend\" $command"
    row "$command" "$median_ms" "$peak_kib" "git grep of every record at the tip" "$git_read_ms"
  done
  measure show "$runs" '"$amend" show'
  a_ms=$median_ms a_kib=$peak_kib
  measure git-show "$runs" "git show HEAD:$current"
  row show "$a_ms" "$a_kib" "git show HEAD:<draft>" "$median_ms"

  # Deciding: accept a different pending proposal each run, against committing an event file.
  if [ ${#pending[@]} -gt 0 ]; then
    measure accept "${#pending[@]}" 'read -ra p <<< "$PENDING"; "$amend" accept "${p[$((i - 1))]}"'
    a_ms=$median_ms a_kib=$peak_kib
    measure git-commit "$runs" "OFFSET=2000; $git_record"
    row accept "$a_ms" "$a_kib" "write a record, git add, git commit --author" "$median_ms"
  fi

  # History and blame of one clause, against git's history and blame of the whole draft file.
  # Cold: the timeline kept in .git/amend (timeline-v*.cache) deleted before each run, so every
  # version of every draft is read and parsed ($history_runs runs, each stopped after
  # $history_limit seconds: a median at the limit means "more than that"). Warm: the timeline a
  # run before left, as every run after the first finds it ($runs runs).
  forget_timeline() { rm -f "$work"/.git/amend/timeline-v*.cache; }
  previous=$(git ls-tree --name-only HEAD drafts/ | grep -v numbering | sort | tail -n 2 | head -n 1)
  for command in history blame; do
    prepare=forget_timeline
    measure "$command-cold" "$history_runs" "timeout $history_limit \"\$amend\" $command $blame_clause"
    prepare=""
    cold_ms=$median_ms cold_kib=$peak_kib
    "$amend" "$command" "$blame_clause" > /dev/null
    measure "$command" "$runs" "\"\$amend\" $command $blame_clause"
    warm_ms=$median_ms warm_kib=$peak_kib
    if [ "$command" = history ]; then
      measure git-log "$runs" "git log -p --follow -- $current"
      git_label="git log -p --follow <draft>"
    else
      measure git-blame "$runs" "git blame $current"
      git_label="git blame <draft>"
    fi
    row "$command (cold)" "$cold_ms" "$cold_kib" "$git_label" "$median_ms"
    row "$command" "$warm_ms" "$warm_kib" "$git_label" "$median_ms"
  done
  # The comparison of the last two drafts (warm), against git's word diff of the two files.
  measure diff "$runs" '"$amend" diff'
  a_ms=$median_ms a_kib=$peak_kib
  measure git-diff "$runs" "git diff --word-diff HEAD:$previous HEAD:$current"
  row diff "$a_ms" "$a_kib" "git diff --word-diff <drafts>" "$median_ms"
  # The record as events, newest first, against git's own log of the same commits.
  measure log "$runs" '"$amend" log'
  a_ms=$median_ms a_kib=$peak_kib
  measure git-log-format "$runs" "git log --format='%h %ad %an %s' --date=iso"
  row log "$a_ms" "$a_kib" "git log --format" "$median_ms"

  # The next draft, each run on a fresh copy of the repository with the session closed.
  copy_for_next() {
    rm -rf "$bench_root/next-$size" && cp -a "$pristine" "$bench_root/next-$size"
    "$amend" session close --repo "$bench_root/next-$size" > /dev/null
  }
  prepare=copy_for_next
  measure next "$next_runs" "\"\$amend\" next --repo $bench_root/next-$size"
  prepare=""
  row next "$median_ms" "$peak_kib" "(none)" "n/a"
  rm -rf "$bench_root/next-$size"
  cd "$bench_root"
done

mv "$bench_root/curve.tsv.new" "$bench_root/curve.tsv"
for size in "${sizes[@]}"; do
  echo
  echo "### $size ($(grep -m 1 '^scale' "$bench_root/gen-$size.log" 2> /dev/null || true))"
  cat "$bench_root/results-$size.md"
done
