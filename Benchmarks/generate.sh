# Sourced by Benchmarks/run.sh and Benchmarks/compare-outputs.sh: generates a size's repository once,
# and sets the identity every benchmark runs amend and git as.
#
# generate_size SIZE PRISTINE GENERATOR ROOT: generates SIZE (S, M, L, or SIZE@N for that size's draft
# with only N proposals) with seed 7 into PRISTINE using the amend-generate binary GENERATOR, unless
# PRISTINE already holds a repository; ROOT is the package's folder (the seed draft is found beside
# it, in ../shared/seeds). The generator's output and timing land in $bench_root/gen-SIZE.log.
generate_size() {
  local size="$1" pristine="$2" generator="$3" root="$4"
  [ -d "$pristine/.git" ] && return 0
  echo "generating $size in $pristine (once; reused by later runs)…" >&2
  rm -rf "$pristine"
  local start scale only=()
  start=$(date +%s)
  scale=${size%@*}
  [[ "$size" == *@* ]] && only=(--proposals "${size#*@}")
  "$generator" --scale "$scale" "${only[@]}" --seed-draft "$(cd "$root/.." && pwd)/shared/seeds/seventh-draft-migration-2010-10-12.txt" \
    "$pristine" > "$bench_root/gen-$size.log" 2> "$bench_root/gen-$size.progress"
  echo "  generated in $(($(date +%s) - start)) s" >> "$bench_root/gen-$size.log"
  git -C "$pristine" gc -q
}

# bench_identity: amend and git run as the secretariat, with a git configuration of their own under
# $bench_root (no system or user configuration read).
bench_identity() {
  export AMEND_COMMITTER="Secretariat <secretariat@example.org>"
  export GIT_CONFIG_NOSYSTEM=1 HOME="$bench_root"
  git config --global user.name Secretariat
  git config --global user.email secretariat@example.org
  git config --global safe.directory '*'
}
