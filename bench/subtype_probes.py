"""Sub-type and modality on our own probe reports (bench/subtype_probes.yaml).

    .venv/bin/python bench/subtype_probes.py [--all]

Prints the sub-type accuracy on the probes that report an event (the first event claim is the
one compared; an alternative sub-type the claim carries counts), how many report none at all, how
many said-not-done probes are coded as events, and each wrong probe (`--all`: every probe).
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import yaml

from frontwatch.geo import Gazetteer
from frontwatch.pipeline import claims_for
from frontwatch.types import Article, Claim

PROBES = Path(__file__).with_name("subtype_probes.yaml")


def event_claims(text: str, gaz: Gazetteer, published: date, n: int) -> list[Claim]:
    article = Article(id=f"p{n}", origin=f"p{n}.txt", title="", text=text, published=published)
    return [c for c in claims_for(article, gaz) if c.kind == "event"]


def main(show_all: bool) -> None:
    table = yaml.safe_load(PROBES.read_text(encoding="utf-8"))
    codes: dict[str, str] = table["codes"]
    published = table["published"]
    gaz = Gazetteer.load()
    right = wrong = missed = said_as_events = said = 0
    per_code: dict[str, list[int]] = {}
    for n, probe in enumerate(table["probes"]):
        want = str(probe["s"])
        found = event_claims(probe["t"], gaz, published, n)
        got = " + ".join(f"{c.sub_event_type} ({c.rule})" for c in found) or "no event"
        bad = False
        if want == "-" or "n" in probe:
            # "-": a text reporting no event; `n`: a report of n events and of what was said
            # about them (a blame, a denial, a threat): no more events than n
            said += 1
            extra = len(found) > int(probe.get("n", 0))
            said_as_events += extra
            bad = extra
        if want != "-":
            wanted = {codes[w] for w in want.split("|")}
            first = found[0] if found else None
            wrong_sub = first is None or not (
                {first.sub_event_type, *first.alt_sub_event_types} & wanted
            )
            missed += first is None
            right += not wrong_sub
            wrong += wrong_sub and first is not None
            per_code.setdefault(want, [0, 0])[0] += not wrong_sub
            per_code[want][1] += 1
            bad = bad or wrong_sub
        if bad or show_all:
            print(f"{'WRONG' if bad else 'ok   '} [{want}] {probe['t'][:110]}\n        -> {got}")
    events = right + wrong + missed
    print()
    print("code  | right/probes")
    for code, (ok, total) in sorted(per_code.items()):
        print(f"{code:5} | {ok}/{total}")
    print(
        f"\nprobes {len(table['probes'])}: {events} report an event, {said} tell what was said or not done\n"
        f"sub-type accuracy on matched (an event found) {right}/{right + wrong} = "
        f"{right / max(1, right + wrong):.3f}; no event found for {missed}; "
        f"right of all event probes {right}/{events} = {right / max(1, events):.3f}\n"
        f"said-not-done coded as events (probes with one too many events): {said_as_events}/{said}"
    )


if __name__ == "__main__":
    main("--all" in sys.argv[1:])
