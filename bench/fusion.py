"""Fusion scaling: synthetic claims (10k, 100k, 1M) → events; time, memory, quality.

    .venv/bin/python bench/fusion.py            # 10k 100k 1M
    .venv/bin/python bench/fusion.py 10000 50000

Each synthetic happening (a family, a town, a day, a side) is told by 1-9
claims from different articles: some a day off, some placed "near" the town
(precision 2, a few km away), with differing fatality figures and sources.
Towns are scattered over a 10°×10° box, so neighbouring towns and days make
real work for the matcher. Prints a table: claims, events, seconds, µs per
claim, t / (N log N) normalised to the first row, peak RSS, duplicates and
wrong merges against the known happenings, and the time of an incremental
add of 1,000 claims on top.
"""

from __future__ import annotations

import gc
import math
import random
import resource
import sys
import time
from datetime import date, timedelta

from frontwatch.fuse import Fuser
from frontwatch.types import Claim, Place, SourceRef

FAMILIES = [
    ("Battles", "Armed clash"),
    ("Battles", "Non-state actor overtakes territory"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
    ("Riots", "Violent demonstration"),
    ("Strategic developments", "Looting/property destruction"),
]
ACTORS = [
    "Military Forces of Syria",
    "Syrian opposition (HTS-led)",
    "Syrian Democratic Forces",
    "Islamic State (Syria)",
    "Military Forces of Russia",
    "",
]
SOURCES = [
    SourceRef(n)
    for n in ("SANA", "Syrian Observatory for Human Rights", "Reuters", "AFP", "White Helmets")
] + [SourceRef("publisher")]
DAY0 = date(2023, 1, 1)


def _towns(n: int, rng: random.Random) -> list[Place]:
    return [
        Place(
            name=f"Town{i}",
            spelled=f"Town{i}",
            country="SY",
            lat=30.0 + rng.random() * 10.0,
            lon=35.0 + rng.random() * 10.0,
            geonameid=1_000_000 + i,
            geo_precision=1,
        )
        for i in range(n)
    ]


def synthetic(n_claims: int, seed: int = 7) -> tuple[list[Claim], list[int]]:
    """Claims and, for each, the id of the happening it tells."""
    rng = random.Random(seed)
    towns = _towns(max(2000, n_claims // 50), rng)
    claims: list[Claim] = []
    truth: list[int] = []
    h = 0
    n_articles = max(1, n_claims // 3)
    while len(claims) < n_claims:
        etype, sub = FAMILIES[rng.randrange(len(FAMILIES))]
        town = towns[rng.randrange(len(towns))]
        day = DAY0 + timedelta(days=rng.randrange(730))
        actor = ACTORS[rng.randrange(len(ACTORS))]
        deaths = rng.randrange(0, 30)
        for _ in range(min(rng.randint(1, 9), n_claims - len(claims))):
            place = town
            if rng.random() < 0.1:  # "near" the town, a few km off
                place = Place(
                    name=town.name,
                    spelled=town.spelled,
                    country="SY",
                    lat=(town.lat or 0) + rng.uniform(-0.03, 0.03),
                    lon=(town.lon or 0) + rng.uniform(-0.03, 0.03),
                    geo_precision=2,
                    relation="near",
                )
            when = day + timedelta(days=1) if rng.random() < 0.15 else day
            claims.append(
                Claim(
                    article_id=f"a{rng.randrange(n_articles):07d}",
                    kind="event",
                    event_type=etype,
                    sub_event_type=sub,
                    actor1=actor,
                    places=(place,),
                    date=when,
                    fatalities=deaths + (rng.randrange(3) if rng.random() < 0.3 else 0),
                    fatalities_basis="reported" if deaths else "none",
                    sources=(SOURCES[rng.randrange(len(SOURCES))],),
                    sentence_index=len(claims),
                    rule="synthetic",
                )
            )
            truth.append(h)
        h += 1
    return claims, truth


def _quality(events: list, truth_of: dict[int, int]) -> tuple[float, float, float]:  # type: ignore[type-arg]
    per_happening: dict[int, set[str]] = {}
    wrong = 0
    for e in events:
        hs = {truth_of[c.sentence_index] for c in e.claims}
        if len(hs) > 1:
            wrong += 1
        for x in hs:
            per_happening.setdefault(x, set()).add(e.event_id)
    n = len(per_happening)
    ratio = sum(len(v) for v in per_happening.values()) / n
    dup = sum(1 for v in per_happening.values() if len(v) > 1) / n
    return ratio, dup, wrong / max(1, len(events))


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(n: int) -> dict[str, float]:
    claims, truth = synthetic(n)
    truth_of = {c.sentence_index: t for c, t in zip(claims, truth, strict=True)}
    gc.collect()
    t0 = time.perf_counter()
    fuser = Fuser()
    fuser.add([], claims)
    events = fuser.events()
    secs = time.perf_counter() - t0
    gc.collect()
    gc.freeze()  # a long-lived index: keep the collector from rescanning it
    extra, _ = synthetic(1000, seed=n + 1)
    extra = [
        Claim(**{**c.__dict__, "article_id": "x" + c.article_id, "sentence_index": n + i})
        for i, c in enumerate(extra)
    ]
    t1 = time.perf_counter()
    update = fuser.add([], extra)
    inc = time.perf_counter() - t1
    gc.unfreeze()
    ratio, dup, wrong = _quality(events, truth_of)
    return {
        "claims": n,
        "events": len(events),
        "secs": secs,
        "rss": _rss_mb(),
        "ratio": ratio,
        "dup": dup,
        "wrong": wrong,
        "inc": inc,
        "inc_events": len(update.added),
    }


def reprint_bench(n_articles: int, seed: int = 5) -> None:
    """Near-identical text detection on synthetic articles: 10 % are reprints of another
    article with a sentence added or cut; all share boilerplate phrases."""
    from frontwatch.fuse._sources import ReprintIndex
    from frontwatch.types import Article

    rng = random.Random(seed)
    words = [f"w{i}" for i in range(5000)]
    boiler = "the observatory said on monday that fighting continued in the area"
    texts: list[str] = []
    for _ in range(n_articles):
        if texts and rng.random() < 0.1:
            base = texts[rng.randrange(len(texts))]
            text = base + " more to follow." if rng.random() < 0.5 else base[: len(base) * 4 // 5]
        else:
            body = " ".join(rng.choice(words) for _ in range(120))
            text = f"{boiler}. {body}. {boiler}."
        texts.append(text)
    arts = [Article(id=f"r{i:07d}", origin=f"r{i}", title="", text=t) for i, t in enumerate(texts)]
    t0 = time.perf_counter()
    index = ReprintIndex()
    index.add(arts)
    secs = time.perf_counter() - t0
    grouped = sum(1 for a in arts if len(index.members.get(index._find(a.id), [])) > 1)
    print(
        f"| reprint index | {n_articles:,} articles | {secs:.1f} s | {grouped:,} in reprint groups |"
    )


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [10_000, 100_000, 1_000_000]
    print(
        "| claims | events | fuse s | µs/claim | t/(N log N) vs first | peak RSS MB "
        "| events/happening | duplicated | wrong merges | +1k incremental s (events rebuilt) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    base = None
    for n in sizes:
        r = run(n)
        nlogn = r["secs"] / (n * math.log(n))
        base = base or nlogn
        print(
            f"| {n:,} | {int(r['events']):,} | {r['secs']:.1f} | {1e6 * r['secs'] / n:.1f} "
            f"| {nlogn / base:.2f} | {r['rss']:.0f} | {r['ratio']:.3f} | {r['dup']:.1%} "
            f"| {r['wrong']:.2%} | {r['inc']:.2f} ({int(r['inc_events'])}) |",
            flush=True,
        )
    print()
    for n in (10_000, 50_000):
        reprint_bench(n)


if __name__ == "__main__":
    main(sys.argv[1:])
