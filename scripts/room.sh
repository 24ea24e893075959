#!/usr/bin/env bash
# The bundled example in the room: a scratch repository with the seventh draft and the delegations'
# amendments tabled but not yet decided, sign-in links for the European Union, the chair and the
# secretariat, then `amend serve` on it. The checkout is only read. PORT=8080 by default.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
amend=${1:?usage: scripts/room.sh PATH-TO-AMEND}
port=${PORT:-8080}
scratch=$(mktemp -d "${TMPDIR:-/tmp}/amend-room.XXXXXX")
export AMEND_COMMITTER="Secretariat <secretariat@example.org>"
export AMEND_NONCE=20101012
. "$here/scripts/example-proposals.sh"
AMEND=$amend REPO=$scratch

amend_at 2010-10-12T09:00:00Z init --from "$here/drafts/07-seventh-draft.md" >/dev/null
table_example_proposals "$amend" "$scratch" 2>/dev/null
unset AMEND_NONCE
printf 'The bundled example, seventh draft with %s pending proposals, in %s\n\n' \
  "$("$amend" proposals --status pending --json --repo "$scratch" | grep -c '"id"')" "$scratch"
for who in "--delegation=European Union" "--chair=Ambassador Ndiaye" "--secretariat=Secretariat"; do
  link=$("$amend" access grant "$who" --port "$port" --repo "$scratch" | sed -n 2p)
  link=${link#sign-in link: }
  printf '%-34s %s\n' "${who#--}" "$link"
done
printf '%-34s http://127.0.0.1:%s/screen\n\n' "screen" "$port"
exec "$amend" serve --repo "$scratch" --port "$port"
