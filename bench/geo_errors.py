"""Error analysis of the geoparser on the peer test sets (prints counts and examples).

Run: .venv/bin/python bench/geo_errors.py [--sets trnews,geovirus,geowebnews] [--limit N]
     [--show 25] [--only resolution|recognition] [--no-cache]

Every found gold mention resolved more than 161 km away falls in one category:

* ``area point``: the right area (same GeoNames id, or a country / admin1 / region of the
  gold's name) whose point sits elsewhere than the set's convention;
* ``ranking: kind``: a candidate within 161 km existed and lost to one of another kind
  (country vs admin1 vs city);
* ``ranking: population``: a candidate within 161 km lost to a more populous homonym;
* ``ranking: context``: a candidate within 161 km lost to a smaller or equal homonym (the
  document context pulled the wrong way);
* ``missing``: no candidate within 161 km (gazetteer lacks the place or the sense);
* ``unresolved``: no candidate at all.

Recognition: missed gold mentions (demonym, known to the gazetteer, unknown) and false
positives, most frequent first.  The spaCy parses are cached in the system temp directory
(they cost most of the run); the cache never enters the repository.
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from frontwatch.geo import Gazetteer
from frontwatch.geo.benchsets import ACC_KM, GoldDoc, GoldToponym, read_set
from frontwatch.geo.gazetteer import Candidate, haversine_km
from frontwatch.geo.geoparse import Geoparser, Toponym
from frontwatch.geo.lexicon import demonym_country
from frontwatch.geo.normalise import fold_name


def _docs(parser: Geoparser, name: str, texts: list[str], cache: bool) -> Iterator[Any]:
    """spaCy docs of a set, from a DocBin cache in the temp directory when there is one."""
    from spacy.tokens import DocBin

    meta = parser.nlp.meta
    path = Path(tempfile.gettempdir()) / f"frontwatch-geo-{name}-{meta['name']}-{meta['version']}"
    path = path.with_suffix(f".{len(texts)}.spacy")
    if cache and path.exists():
        yield from DocBin().from_disk(path).get_docs(parser.nlp.vocab)
        return
    docs = list(parser.nlp.pipe(texts, batch_size=16))
    if cache:
        DocBin(store_user_data=False, docs=docs).to_disk(path)
    yield from docs


def _overlap(t: Toponym, g: GoldToponym) -> bool:
    return t.start < g.end and g.start < t.end


def _category(parser: Geoparser, g: GoldToponym, t: Toponym, err: float) -> tuple[str, str]:
    cat, note = _category0(parser, g, t, err)
    if WHY:
        rights = [
            f"{c.name}/{c.country} r={c.rank:.2f}"
            for c in t.candidates
            if c.lat is not None
            and haversine_km((c.lat, c.lon or 0.0), (g.lat or 0.0, g.lon or 0.0)) <= ACC_KM
        ]
        note += f"\n        WHY {t.candidates[0].rank if t.candidates else 0:.2f}: {t.why}\n        RIGHT {rights}"
    return cat, note


WHY = False


def _category0(parser: Geoparser, g: GoldToponym, t: Toponym, err: float) -> tuple[str, str]:
    gold = (g.lat or 0.0, g.lon or 0.0)
    if not t.resolved:
        return "unresolved", ""
    best = t.candidates[0] if t.candidates else None
    if best is None:
        return "unresolved", ""
    if g.geonameid is not None and best.geonameid == g.geonameid:
        return "area point", f"{err:.0f} km"
    same_name = fold_name(best.name.split(",")[0]).startswith(fold_name(g.text)[:5])
    if g.geonameid is None and best.feature != "city" and same_name and err < 2500:
        return "area point", f"{err:.0f} km"
    allc = parser.gaz.candidates(t.text, fuzzy=False, limit=0) or list(t.candidates)
    near: list[Candidate] = [
        c
        for c in allc
        if c.lat is not None and c.lon is not None and haversine_km((c.lat, c.lon), gold) <= ACC_KM
    ]
    if not near:
        return "missing", ""
    right = max(near, key=lambda c: c.population)
    if right.feature != best.feature:
        return "ranking: kind", f"{right.feature}->{best.feature}"
    if best.population > right.population:
        return "ranking: population", f"{right.population:,}<{best.population:,}"
    return "ranking: context", f"{right.population:,}>={best.population:,}"


def _desc(t: Toponym) -> str:
    p = t.place
    return f"{p.name} [{t.feature_code} {p.country}/{p.admin1}]"


def analyse(
    parser: Geoparser, name: str, docs: list[GoldDoc], cache: bool
) -> tuple[Counter[str], Counter[tuple[str, str, str]], Counter[str], Counter[str]]:
    cats: Counter[str] = Counter()
    examples: Counter[tuple[str, str, str]] = Counter()
    misses: Counter[str] = Counter()
    false_pos: Counter[str] = Counter()
    for gd, doc in zip(docs, _docs(parser, name, [d.text for d in docs], cache), strict=True):
        tops = parser.parse_doc(doc)
        for t in tops:
            if not any(_overlap(t, g) for g in gd.toponyms):
                false_pos[t.text] += 1
        for g in gd.toponyms:
            match = [t for t in tops if _overlap(t, g)]
            if not match:
                kind = (
                    "demonym"
                    if demonym_country(g.text)
                    else ("known" if parser.gaz.lookup_exact(g.text) else "unknown")
                )
                misses[f"{kind}: {g.text}"] += 1
                cats[f"not found: {kind}"] += 1
                continue
            if g.lat is None or g.lon is None:
                continue
            t = min(match, key=lambda p: abs(p.start - g.start) + abs(p.end - g.end))
            if t.place.lat is None or t.place.lon is None:
                cats["unresolved"] += 1
                examples[("unresolved", g.text, "-")] += 1
                continue
            err = haversine_km((t.place.lat, t.place.lon), (g.lat, g.lon))
            if err <= ACC_KM:
                cats["right"] += 1
                continue
            cat, note = _category(parser, g, t, err)
            cats[cat] += 1
            gold = f"{g.text} -> {g.kind or ''} ({g.lat:.2f},{g.lon:.2f})"
            examples[(cat, gold, f"{_desc(t)} {err:.0f} km {note}")] += 1
    return cats, examples, misses, false_pos


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="geowebnews,trnews,geovirus")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", type=int, default=25, help="examples per category")
    ap.add_argument("--only", choices=("resolution", "recognition"), default="")
    ap.add_argument("--demonyms", action="store_true")
    ap.add_argument("--no-cache", action="store_true")
    ap.add_argument("--why", action="store_true", help="print why the winner won")
    args = ap.parse_args(argv)
    global WHY
    WHY = args.why
    parser = Geoparser(Gazetteer.load(), demonyms=args.demonyms)
    for name in args.sets.split(","):
        docs = read_set(name)
        if args.limit:
            docs = docs[: args.limit]
        cats, examples, misses, false_pos = analyse(parser, name, docs, not args.no_cache)
        wrong = sum(v for k, v in cats.items() if k != "right" and not k.startswith("not found"))
        print(f"\n=== {name}: right {cats['right']}, wrong {wrong}")
        for k, v in cats.most_common():
            print(f"  {k:22} {v}")
        if args.only != "recognition":
            for cat in sorted({c for c, _, _ in examples}):
                rows = [(n, g, p) for (c, g, p), n in examples.items() if c == cat]
                rows.sort(key=lambda r: -r[0])
                print(f"-- {cat} ({sum(r[0] for r in rows)})")
                for n, g, p in rows[: args.show]:
                    print(f"  {n:3} {g}  =>  {p}")
        if args.only != "resolution":
            print(f"-- recognition misses ({sum(misses.values())})")
            for k, v in misses.most_common(args.show):
                print(f"  {v:3} {k}")
            print(f"-- false positives ({sum(false_pos.values())})")
            for k, v in false_pos.most_common(args.show):
                print(f"  {v:3} {k}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
