#!/usr/bin/env bash
# The whole bundled example, in a scratch repository: the seventh draft, amendments tabled by named
# delegations, a session that decides them, and the eighth draft. The checkout is only read.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
amend=${1:?usage: scripts/demo.sh PATH-TO-AMEND}
scratch=$(mktemp -d "${TMPDIR:-/tmp}/amend-example.XXXXXX")
export AMEND_COMMITTER="Secretariat <secretariat@example.org>"
export AMEND_NONCE=20101012
. "$here/scripts/example-proposals.sh"
AMEND=$amend REPO=$scratch

if [ -t 1 ]; then bold=$'\033[1m' plain=$'\033[0m'; else bold= plain=; fi
say() { printf '\n%s== %s%s\n' "$bold" "$*" "$plain"; }

say "The seventh draft, committed to a new negotiation repository ($scratch)"
amend_at 2010-10-12T09:00:00Z init --from "$here/drafts/07-seventh-draft.md"
"$amend" show "7 (b)" --repo "$scratch"

say "Delegations table their amendments"
table_example_proposals "$amend" "$scratch" >/dev/null

say "The compilation text"
"$amend" compile --repo "$scratch"

say "The chair's session"
amend_at 2010-10-13T10:00:00Z session open "Second reading" --chair "Ambassador Ndiaye" --date 2010-10-13
amend_at 2010-10-13T10:01:00Z agenda
amend_at 2010-10-13T10:05:00Z accept "$EU"
amend_at 2010-10-13T10:07:00Z accept "$AFRICAN_GROUP"
amend_at 2010-10-13T10:09:00Z reject "$BRAZIL" --note "Falls: the European Union's wording was accepted."
amend_at 2010-10-13T10:15:00Z accept "$PHILIPPINES" \
  --as-revised "ensuring access to justice and effective remedies for migrant workers who are victims of trafficking;"
amend_at 2010-10-13T10:20:00Z reject "$UNITED_STATES"
amend_at 2010-10-13T10:22:00Z accept "$SWITZERLAND"
amend_at 2010-10-13T10:24:00Z accept "$CANADA"
amend_at 2010-10-13T10:26:00Z defer "$MEXICO"
amend_at 2010-10-13T10:30:00Z accept "$NORWAY"
amend_at 2010-10-13T12:00:00Z session close

say "The eighth draft"
amend_at 2010-10-13T15:00:00Z next --print

say "Who wrote what: git blame of the eighth draft (the record is a plain git repository)"
git -C "$scratch" -c safe.directory='*' blame --date=short drafts/08-eighth-draft.md | cut -c1-110
printf '\nThe example repository stays at %s\n' "$scratch"
