#!/usr/bin/env python3
"""Writes paris-03-04.json: the amendments that turn the Paris draft of 9 December 2015 into the
Agreement adopted on 12 December, one natural operation per change (docs/TREATIES.md, "The 03 → 04 run").

Run once, from the package root, after `swift build`:
  python3 Tests/AmendKitTests/Paris/make_amendments.py .build/debug/amend ../shared/realcases Tests/AmendKitTests/Paris/paris-03-04.json

It reads both texts through `amend` itself (`clauses --json`, `show --json`), aligns the articles and,
within each, the clauses by their words (difflib), and says for each difference: replace the clause's
text, delete it, a new clause before / after / under its neighbour, a move, choose an option, delete or
add an article, retitle a heading. The test (ParisRunTests) tables and accepts them and compares the
produced draft with the adopted text.
"""
import difflib, json, os, re, shutil, subprocess, sys, tempfile

AMEND, SHARED, OUT = sys.argv[1], sys.argv[2], sys.argv[3]
ENV = dict(os.environ, AMEND_NOW="2015-12-10T10:00:00Z", AMEND_COMMITTER="Secretariat <s@example.org>", AMEND_NONCE="1")


def run(args, cwd):
    return subprocess.run([os.path.abspath(AMEND)] + args, cwd=cwd, env=ENV, capture_output=True, text=True, check=True).stdout


def load(name):
    folder = tempfile.mkdtemp()
    shutil.copy(os.path.join(SHARED, name), folder + "/src.md")
    run(["init", "--from", "src.md"], folder)
    items = []
    for entry in json.loads(run(["clauses", "--json"], folder)):
        shown = json.loads(run(["show", entry["id"], "--json"], folder))
        cid = entry["id"]
        item = dict(id=cid, name=entry["name"], text=shown["text"], marker=shown["marker"])
        item["heading"] = cid.endswith(".heading")
        item["loose"] = "@" in cid
        m = re.match(r"^A(\d+[a-z]*)", cid)
        item["article"] = m.group(1) if m else None
        base = cid.split("@")[0]
        parts = base.split(".")
        item["level"] = 0 if item["heading"] or cid.startswith("PP") else len(parts) - 1
        item["parent"] = ".".join(parts[:-1]) if (not item["loose"] and len(parts) > 2) else None
        item["owner"] = cid.rsplit("@", 1)[0] if item["loose"] else None
        items.append(item)
    shutil.rmtree(folder)
    return items


def sim(a, b):
    if a["loose"] != b["loose"]:
        return 0.0
    x, y = a["text"], b["text"]
    if not x.strip() or not y.strip():
        return 1.0 if x.strip() == y.strip() and a["loose"] else 0.0
    m = difflib.SequenceMatcher(None, x, y, autojunk=False)
    if m.real_quick_ratio() < 0.3 or m.quick_ratio() < 0.3:
        return 0.0
    return m.ratio()


def align(a, b, score, threshold):
    """Monotone alignment maximising the summed score of pairs above threshold: [(i, j)]."""
    n, k = len(a), len(b)
    best = [[0.0] * (k + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(k - 1, -1, -1):
            s = score(a[i], b[j])
            take = best[i + 1][j + 1] + s if s >= threshold else -1
            best[i][j] = max(best[i + 1][j], best[i][j + 1], take)
    pairs, i, j = [], 0, 0
    while i < n and j < k:
        s = score(a[i], b[j])
        if s >= threshold and abs(best[i][j] - (best[i + 1][j + 1] + s)) < 1e-9:
            pairs.append((i, j)); i += 1; j += 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


old, new = load("paris_03_draft_2015-12-09.md"), load("paris_04_adopted_2015-12-12.md")
amendments = []  # in tabling order
late = []  # new clauses placed after a clause: tabled in reverse, after the others
notes = []


def table(clause, **fields):
    amendments.append(dict(clause=clause, **{k.replace("_", "-"): v for k, v in fields.items()}))
    return amendments[-1]


def article_of_clause(name):
    m = re.match(r"^(?:Title of |Text \d+ of |Option \S+ of )?Article (\S+?)(?:[.\s]|$)", name)
    return m.group(1) if m else None


OTHER = re.compile(r"^(?:\([a-z]+\))*(?:,? (?:paragraphs?|and|or|to|\d+(?:\([a-z]\))*|[\[\]]+),?)*,? of (?!this |the present |Article )")


def cite_draft(text, old_article):
    """`text`, from the adopted text, with its citations of the adopted text's own articles and of paragraphs of
    the same article given the draft's numbers, where the cited clause has a counterpart in the draft."""
    new_article = next((n for n, o in old_article_of.items() if o == old_article), None)

    def paragraph(article04, number):
        found = counterpart.get(f"A{article04}.{number}") or in_round.get(f"A{article04}.{number}")
        return found.split(".") if found and found.count(".") == 1 else None

    def this_article(m):
        if new_article is None:
            return m.group(0)
        numbers = re.split(r"(, | and | or )", m.group(2))
        out = []
        for part in numbers:
            if part.isdigit():
                mapped = paragraph(new_article, part)
                if not mapped or mapped[0] != "A" + old_article:
                    return m.group(0)
                out.append(mapped[1])
            else:
                out.append(part)
        return m.group(1) + "".join(out) + m.group(3)

    text = re.sub(r"(\bparagraphs? )(\d+(?:(?:, | and | or )\d+)*)( of this Article)", this_article, text)

    def article(m):
        if OTHER.match(text[m.end():]):
            return m.group(0)
        old = old_article_of.get(m.group(2))
        if old is None or old == "preamble":
            return m.group(0)
        if m.group(3):
            mapped = paragraph(m.group(2), m.group(4))
            if not mapped or mapped[0] != "A" + old:
                return m.group(0)
            return m.group(1) + old + m.group(3).replace(m.group(4), mapped[1])
        return m.group(1) + old

    text = re.sub(r"(\bArticle )(\d+)(, paragraph (\d+))?", article, text)

    def articles(m):
        if OTHER.match(text[m.end():]):
            return m.group(0)
        numbers = re.split(r"(, | and | or )", m.group(2))
        olds = [old_article_of.get(n) if n.isdigit() else n for n in numbers]
        if any(o is None or o == "preamble" for o in olds):
            return m.group(0)
        return m.group(1) + "".join(olds)

    return re.sub(r"(\bArticles )(\d+(?:(?:, | and | or )\d+)*)", articles, text)


def articles(items):
    order, groups = [], {}
    for it in items:
        key = it["article"] if it["article"] else "preamble"
        if key not in groups:
            order.append(key); groups[key] = []
        groups[key].append(it)
    return [(key, groups[key]) for key in order]


old_articles, new_articles = articles(old), articles(new)
words = lambda group: " ".join(it["text"] for it in group if not it["heading"])[:3000]
article_pairs = align(old_articles, new_articles,
                      lambda a, b: (1.0 if a[0] == b[0] == "preamble" else 0.0) if "preamble" in (a[0], b[0])
                      else difflib.SequenceMatcher(None, words(a[1]), words(b[1]), autojunk=False).ratio(), 0.2)
matched_old = {i for i, _ in article_pairs}
matched_new = {j: i for i, j in article_pairs}
old_by_id = {it["id"]: it for it in old}
counterpart = {}  # 04 id -> 03 id
unmatched_new, unmatched_old = [], []
chosen_away = set()  # 03 ids removed by choosing an option
relevelled = []  # (03 id, index in unmatched_new) of clauses matched at another level
old_article_of = {}  # 04 article -> the 03 article it was aligned with

for i, j in article_pairs:
    (okey, ogroup), (nkey, ngroup) = old_articles[i], new_articles[j]
    old_article_of[nkey] = okey
    heads = [it for it in ogroup if it["heading"]]
    if heads and heads[0]["text"].strip():
        table(heads[0]["name"], retitle="")
    # An article bracketed as a whole ("[Article 3bis]") that the adopted text keeps: its brackets lifted.
    new_heads = [it for it in ngroup if it["heading"]]
    if heads and "[" in heads[0]["marker"] and new_heads and "[" not in new_heads[0]["marker"]:
        table(heads[0]["name"], remove_brackets=True)
    a = [it for it in ogroup if not it["heading"]]
    b = [it for it in ngroup if not it["heading"]]
    pairs = align(a, b, sim, 0.45)
    # A chapeau reworded while its points stay: when points under an old clause match points under a
    # new one, the two clauses are one (its text replaced), whatever their words, unless the old one
    # is matched already.
    where_a = {it["id"]: x for x, it in enumerate(a)}
    where_b = {it["id"]: y for y, it in enumerate(b)}
    for x, y in list(pairs):
        pa, pb = where_a.get(a[x]["parent"]), where_b.get(b[y]["parent"])
        if pa is None or pb is None or (pa, pb) in pairs or any(px == pa for px, _ in pairs):
            continue
        pairs = [(px, py) for px, py in pairs if py != pb] + [(pa, pb)]
    am = {x for x, _ in pairs}
    for x, y in pairs:
        counterpart[b[y]["id"]] = a[x]["id"]
    # Options: a group where only one option keeps anything is chosen.
    options = [it for it in a if it["loose"] and it["id"].rsplit("@", 1)[1].startswith("option")]
    by_owner = {}
    for o in options:
        by_owner.setdefault(o["owner"], []).append(o)
    for owner, group in by_owner.items():
        positions = [a.index(o) for o in group]
        scopes = []
        for n, p in enumerate(positions):
            end = positions[n + 1] if n + 1 < len(positions) else len(a)
            if n + 1 == len(positions) and not owner.endswith(okey) and owner != "A" + okey:
                # The last option of a clause's group reaches to the end of the clause.
                end = p + 1
                while end < len(a) and (a[end]["id"].startswith(owner + ".") or a[end]["id"].startswith(a[p]["id"])):
                    end += 1
            scopes.append(range(p, end) if not a[p]["text"].strip() else range(p, p + 1))
        kept = [n for n, scope in enumerate(scopes) if any(x in am for x in scope if x != positions[n])]
        # (Not when the clause the options belong to goes itself: its deletion takes them all.)
        owner_goes = owner in where_a and where_a[owner] not in am
        if len(kept) == 1 and all(not a[p]["text"].strip() for p in positions) and not owner_goes:
            n = kept[0]
            table(group[n]["name"], choose_option=True)
            for m, scope in enumerate(scopes):
                for x in scope:
                    if m != n or x == positions[n]:
                        chosen_away.add(a[x]["id"])
    for x, it in enumerate(a):
        if x not in am and it["id"] not in chosen_away:
            unmatched_old.append(it)
    for y, it in enumerate(b):
        if it["id"] not in counterpart:
            unmatched_new.append((nkey, it, b))
    for x, y in pairs:
        if a[x]["level"] != b[y]["level"] and min(a[x]["level"], b[y]["level"]) >= 1 and not a[x]["loose"]:
            # A point made a paragraph (or the reverse): moved to its new level, and reworded there.
            relevelled.append((a[x]["id"], len(unmatched_new)))
            unmatched_new.append((nkey, b[y], b))
        elif a[x]["text"].strip() != b[y]["text"].strip():
            table(a[x]["name"], text=b[y]["text"].strip())

# A chapeau rewritten to take in its points ("The purpose … is to:" + "Provide a clear understanding…"
# became "The purpose … is to provide a clear understanding…, including…"): the clause reworded where it
# stands, its points deleted.
for it in list(unmatched_old):
    points = [o for o in unmatched_old if o["parent"] == it["id"] and not o["loose"]]
    if it["loose"] or not points:
        continue
    chapeau = it["text"].rstrip(":").rstrip()
    merged = [dict(it, text=" ".join([chapeau] + [p["text"] for p in points[:count]])) for count in range(1, len(points) + 1)]
    best = max(((max(sim(m, n) for m in merged), k) for k, (key, n, _) in enumerate(unmatched_new)
                if old_article_of.get(key) == it["article"] and not n["loose"] and n["level"] == it["level"]), default=(0, None))
    if best[0] >= 0.6 and best[1] not in dict(relevelled).values():
        _, n, _ = unmatched_new[best[1]]
        counterpart[n["id"]] = it["id"]
        table(it["name"], text=n["text"].strip())
        unmatched_old.remove(it)
        unmatched_new[best[1]] = (None, dict(n, loose=True, merged=True), [])

# Moves: a clause deleted here and added there with much the same words (and those moved to another level).
moves = dict(relevelled)
for it in list(unmatched_old):
    if it["loose"]:
        continue
    best = max(((sim(it, n), k) for k, (_, n, _) in enumerate(unmatched_new) if k not in moves.values() and not n["loose"]),
               default=(0, None))
    if best[0] >= 0.7:
        moves[it["id"]] = best[1]
        counterpart[unmatched_new[best[1]][1]["id"]] = it["id"]

deleted = set()
kept = set(counterpart.values())
old_position = {it["id"]: n for n, it in enumerate(old)}


def scope(option):
    """What deleting a bare option line takes with it: up to the next option of its owner or the next heading."""
    n = old_position[option["id"]] + 1
    ids = []
    while n < len(old) and not old[n]["heading"] and not (old[n]["loose"] and old[n]["owner"] == option["owner"] and "@option" in old[n]["id"]):
        if option["owner"] != "A" + (option["article"] or "") and not (old[n]["id"].startswith(option["owner"] + ".") or old[n].get("owner", "") and old[n]["owner"].startswith(option["id"])):
            break
        ids.append(old[n]["id"]); n += 1
    return ids


going = {it["id"] for it in unmatched_old if not it["loose"] and it["id"] not in moves}


def owned_by_going(it):
    """A line whose owner (or its owner's owner) is a clause deleted anyway goes with it."""
    owner = it.get("owner")
    while owner:
        if owner in going or any(owner.startswith(g + ".") for g in going):
            return True
        owner = owner.rsplit("@", 1)[0] if "@" in owner else None
    return False


for it in unmatched_old:
    if it["id"] in moves or it["id"] in deleted:
        continue
    if it["loose"] and owned_by_going(it):
        deleted.add(it["id"])
        continue
    if any(k.startswith(it["id"] + ".") or k.startswith(it["id"] + "@") for k in kept if k not in moves):
        notes.append(f"{it['name']}: not deleted, though the adopted text has no such clause: clauses under it are kept")
        continue
    if it["loose"] and not it["text"].strip() and "@option" in it["id"]:
        taken = scope(it)
        if any(k in kept for k in taken):
            notes.append(f"{it['name']}: its paragraphs are partly kept and partly not: the option line is left")
            continue
        deleted.update(taken)
    parent = it["parent"]
    covered = False
    probe = it["id"].split("@")[0] if it["loose"] else parent
    while probe:
        if probe in deleted or probe in chosen_away:
            covered = True
        probe = ".".join(probe.split(".")[:-1]) if probe.count(".") > 0 else None
    if it["loose"] and it["owner"] in deleted:
        covered = True
    if not covered:
        table(it["name"], delete_clause=True)
    deleted.add(it["id"])


def place(nkey, item, siblings_all, moving=()):
    """Where a new (or moved) clause goes: before its next sibling with a counterpart, after its previous
    one, or under its parent's counterpart. A new clause is placed by clauses that stay (new clauses are
    applied before moves); a moved one may follow another move."""
    level, parent = item["level"], item["parent"]
    siblings = [s for s in siblings_all if s["level"] == level and s["parent"] == parent and not s["loose"]]
    k = siblings.index(item)
    stays = lambda s: s["id"] in counterpart and counterpart[s["id"]] not in deleted and counterpart[s["id"]] not in moving
    # A neighbour right next to it first, so that a clause placed by another that is new or moved
    # does not take its place ("In pursuit…" moved after "Pursuant…", the new clause after it
    # placed before the next clause that stays).
    if k + 1 < len(siblings) and stays(siblings[k + 1]):
        return ("before", counterpart[siblings[k + 1]["id"]])
    if k > 0 and stays(siblings[k - 1]):
        return ("after", counterpart[siblings[k - 1]["id"]])
    for s in siblings[k + 1:]:
        if stays(s):
            return ("before", counterpart[s["id"]])
    for s in reversed(siblings[:k]):
        if stays(s):
            return ("after", counterpart[s["id"]])
    if parent and parent in counterpart:
        return ("under", counterpart[parent])
    if not parent and level == 1 and ("A" + nkey) in counterpart:
        return ("under", counterpart["A" + nkey])
    return None


def previous_sibling(draft_id):
    """The clause of the draft before `draft_id` in its list, or None for a first."""
    it = old_by_id[draft_id]
    same = [s for s in old if not s["loose"] and not s["heading"] and s["level"] == it["level"] and s["parent"] == it["parent"] and s["article"] == it["article"]]
    k = same.index(it)
    return same[k - 1]["id"] if k > 0 else None


moved_new = set(moves.values())
beside = {}  # 04 id of a new clause put beside a clause -> (its place in the adopted text, the draft clause it follows there)
added = {}  # 04 id of a new clause -> its amendment, which lists the new clauses under it as sub-items
for k, (nkey, item, siblings) in enumerate(unmatched_new):
    if item.get("merged"):
        continue
    if item["loose"]:
        # An unnumbered line goes after the line before it that stays: the article's own text or
        # another unnumbered line (new lines after the same one are tabled in reverse, as below).
        k_in = siblings.index(item)
        before = next((s for s in reversed(siblings[:k_in]) if not (s["loose"] and s["id"] not in counterpart)), None)
        anchor = counterpart.get(before["id"]) if before else None
        if anchor is None or anchor in deleted or not ("@" in anchor or "." not in anchor):
            notes.append(f"{item['name']}: an unnumbered line of the adopted text, with no line that stays before it")
            continue
        late.append(dict(clause=old_by_id[anchor]["name"], **{"new-clause": item["text"].strip()}))
        continue
    if item["parent"] in added:
        added[item["parent"]]["new-clause"] += "\n    " + item["marker"].strip() + " " + item["text"].strip()
        continue
    source = next((o for o, n in moves.items() if n == k), None)
    where = place(nkey, item, siblings, () if source else set(moves))
    if where is None:
        notes.append(f"{item['name']}: no neighbour to place it by")
        continue
    how, anchor = where
    anchor_name = old_by_id[anchor]["name"]
    if source:
        if how == "under":
            notes.append(f"{item['name']}: a move under a clause is not an operation; moved before/after only")
            continue
        table(old_by_id[source]["name"], **({"move_before": anchor_name} if how == "before" else {"move_after": anchor_name}))
        if old_by_id[source]["text"].strip() != item["text"].strip():
            table(old_by_id[source]["name"], text=item["text"].strip())
    elif how == "before":
        added[item["id"]] = table(anchor_name, new_clause=item["text"].strip(), before="")
        beside[item["id"]] = (k, previous_sibling(anchor))
    elif how == "under":
        added[item["id"]] = table(anchor_name, new_clause=item["text"].strip(), under=True)
    else:
        late.append(dict(clause=anchor_name, **{"new-clause": item["text"].strip()}))
        added[item["id"]] = late[-1]
        beside[item["id"]] = (k, anchor)

amendments += list(reversed(late))

# Articles: deleted, and added next to their neighbours.
for i, (okey, group) in enumerate(old_articles):
    if i not in matched_old and okey != "preamble":
        table(f"Article {okey} heading", delete_article=True)
later = []
for j, (nkey, group) in enumerate(new_articles):
    if j in matched_new:
        continue
    paragraphs = [it["text"].strip() for it in group if not it["heading"] and it["level"] <= 1 and not it["loose"]]
    after = next((old_articles[matched_new[m]][0] for m in range(j - 1, -1, -1) if m in matched_new), None)
    before = next((old_articles[matched_new[m]][0] for m in range(j + 1, len(new_articles)) if m in matched_new), None)
    if before:
        table(f"Article {before} heading", new_article="", paragraph=paragraphs, before="")
    elif after:
        later.append(dict(clause=f"Article {after} heading", **{"new-article": "", "paragraph": paragraphs}))
amendments += list(reversed(later))

# A clause new in the round goes by its name in the round (next follows it): the draft clause it
# follows, then " bis", " ter"… in the order they stand ("paragraph 7 ter of this Article").
in_round = {}
SUFFIXES = ["bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies"]
for follows in {f for _, f in beside.values() if f and "#" not in f}:
    group = sorted((k, nid) for nid, (k, f) in beside.items() if f == follows)
    taken = {it["id"] for it in old}
    suffixes = [x for x in SUFFIXES if follows + x not in taken]
    for (_, nid), suffix in zip(group, suffixes):
        in_round[nid] = follows + " " + suffix

# A delegation cites the draft it amends: the adopted text's citations of its own articles and
# paragraphs are written with the draft's numbers, which next then follows to the new ones.
old_by_name = {it["name"]: it for it in old}
for entry in amendments:
    for key in ("text", "new-clause"):
        if key in entry:
            entry[key] = cite_draft(entry[key], article_of_clause(entry["clause"]))
# A rewording that was only the new numbers of its citations is next's to make, not an amendment.
amendments = [a for a in amendments if "text" not in a or a["text"] != old_by_name.get(a["clause"], {}).get("text", "").strip()]

with open(OUT, "w") as out:
    json.dump(dict(amendments=amendments, notes=notes), out, indent=1, ensure_ascii=False)
    out.write("\n")
ops = {}
for a in amendments:
    op = next(k for k in a if k != "clause" and k not in ("before", "paragraph", "under"))
    if op == "new-clause" and a.get("under"):
        op = "new-clause under"
    elif op == "new-clause" and "before" in a:
        op = "new-clause before"
    ops[op] = ops.get(op, 0) + 1
print(len(amendments), "amendments", ops, len(notes), "notes", file=sys.stderr)
