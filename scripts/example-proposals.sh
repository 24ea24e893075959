# The bundled example's amendments to the seventh draft, tabled with `amend propose`.
# Source it, then call: table_example_proposals AMEND REPO. Each proposal's id lands in a variable
# named after the delegation, for the session that follows.

# Runs amend at a given moment of the negotiation, so the record's times read like the real meeting.
amend_at() {
  local moment=$1; shift
  AMEND_NOW="$moment" "$AMEND" "$@" --repo "$REPO"
}

# Tables one proposal, shows what amend said on standard error, and gives back the new id.
table() {
  local said
  said=$(amend_at "$@") || return 1
  printf '%s\n' "$said" >&2
  printf '%s\n' "${said%% *}"
}

table_example_proposals() {
  AMEND=$1 REPO=$2
  EU=$(table 2010-10-12T14:05:00Z propose "7 (b)" --by "European Union" \
    --replace "forced labor" --with "forced labour" \
    --rationale "Spelling consistent with 'labour and skills needs' in the chapeau of paragraph 7.")
  AFRICAN_GROUP=$(table 2010-10-12T14:20:00Z propose "7 (b)" --by "Group of African States" \
    --insert ", smuggling" --after "trafficking" --cosponsor "Egypt" \
    --rationale "Smuggling of migrants is distinct from trafficking and should be named.")
  BRAZIL=$(table 2010-10-12T14:31:00Z propose "7(b)" --by "Brazil" \
    --replace "forced labor of migrant workers" --with "forced labour and labour exploitation of migrant workers")
  PHILIPPINES=$(table 2010-10-12T15:02:00Z propose "para 7 (b)" --by "Philippines" \
    --new-clause "ensuring access to remedies for migrant workers who are victims of trafficking;" \
    --cosponsor "Mexico" --cosponsor "Indonesia")
  UNITED_STATES=$(table 2010-10-12T15:40:00Z propose "4 (h)" --by "United States" --delete-clause \
    --rationale "Covered by 4 (j).")
  SWITZERLAND=$(table 2010-10-12T16:10:00Z propose "5" --by "Switzerland" \
    --replace "The Working Groups invites" --with "The Working Group invites")
  CANADA=$(table 2010-10-12T16:25:00Z propose "4 (c)" --by "Canada" --insert ";" --at-end)
  MEXICO=$(table 2010-10-12T16:48:00Z propose "1 (c)" --by "Mexico" --delete "and economic downturn")
  NORWAY=$(table 2010-10-12T17:03:00Z propose "4 (k)" --by "Norway" --move-after "4 (b)" \
    --rationale "Stereotyping belongs with awareness raising.")
}
