"""Dating claims: the date mentions of a sentence and the article's reference day."""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date, timedelta
from typing import Any

from frontwatch.extract._article._common import _AFTER_ANCHOR, _AFTER_TAKEOVER, _SAME_TIME, _Ctx
from frontwatch.extract._article._sentences import _lower_twin, _noun_verb, _search
from frontwatch.extract._dates import DateMention, time_precision
from frontwatch.extract._replace import replace
from frontwatch.extract._tables import (
    TriggerRule,
    triggers,
)
from frontwatch.geo import normalise_name
from frontwatch.nlp import Sentence
from frontwatch.types import Claim


def _claim_date(
    ctx: _Ctx,
    sent: Sentence,
    tok: Any,
    dates: list[DateMention],
    rank: int,
    all_triggers: list[tuple[Any, TriggerRule, str]],
) -> tuple[date | None, date | None, int, str]:
    pub = ctx.article.published
    rel_pos = tok.idx - sent.span.start_char
    points = [
        d
        for d in dates
        if d.kind in ("point", "since", "relative_week", "range", "month") and d.date
    ]
    points = [d for d in points if not _names_another_event(sent, d, tok)]
    after_days = [d for d in dates if d.kind == "after_days"]
    if points:
        anchor = _nearest_date(sent, tok, points, rel_pos)
        text = sent.text
        if (
            anchor.kind == "point"
            and anchor.date
            and text[: anchor.start].lower().endswith("since ")
        ):
            # "have been killed since Thursday": from that day to publication
            return anchor.date, pub, time_precision(anchor.date, pub), "since"
        pair = next(
            (
                d
                for d in points
                if d.kind == "point"
                and d.date
                and anchor.date
                and d.date > anchor.date
                and text[anchor.end : d.start].strip().lower() in ("and", "to", "through")
            ),
            None,
        )
        if anchor.kind == "point" and pair is not None and pair.date and anchor.date:
            # "on Friday and Saturday": both days
            return anchor.date, pair.date, time_precision(anchor.date, pair.date), "range"
        if anchor.kind == "since":
            return anchor.date, pub, time_precision(anchor.date, pub), "since"
        if anchor.kind == "relative_week":
            return anchor.date, anchor.date_end, anchor.precision, "relative"
        if anchor.kind in ("range", "month"):
            return anchor.date, anchor.date_end, anchor.precision, anchor.kind
        gap = [a for a in after_days if anchor.end <= a.start <= rel_pos]
        if gap and anchor.date:
            end = anchor.date + timedelta(days=gap[-1].days)
            first_after = next(
                (t for t, _, _ in all_triggers if t.idx - sent.span.start_char >= gap[-1].start),
                None,
            )
            if first_after is not None and first_after.i == tok.i:
                return anchor.date, end, time_precision(anchor.date, end), "after-days"
            return end, None, 1, "after-days"
        if anchor.date_end:  # "overnight": the night before publication, the day known
            return anchor.date, anchor.date_end, anchor.precision, "explicit"
        return anchor.date, None, 1, "explicit"
    durations = [d for d in dates if d.kind == "duration"]
    if durations and pub:
        start = pub - timedelta(days=durations[0].days - 1)
        return start, pub, time_precision(start, pub), "duration"
    m = _search(_AFTER_ANCHOR, sent.text)
    if m:
        rest = sent.text[m.end() :]
        name = re.match(r"[A-Z][\w'’-]*(?:\s+(?:al|an|ar|as|el|ez)?-?\s*[A-Z][\w'’-]*)*", rest)
        if name:
            return pub, None, 1, f"after:{name.group(0)}"
    if _search(_AFTER_TAKEOVER, sent.text):
        return None, None, 1, "after-last-territory"
    if _SAME_TIME.match(sent.text):
        return None, None, 1, "same-as-previous"
    shift = _relative_days(sent.text)
    if shift is not None:
        return None, None, 1, f"days-from-previous:{shift}"
    return None, None, 3, "undated"


_RELATIVE_DAYS = re.compile(
    r"\b(?:(?P<n>a|one|two|three|four|five|six|seven)\s+days?\s+(?P<dir>earlier|before|later|after)"
    r"(?!\s+(?:the|a|an|its|his|her|their)\b)|the\s+(?P<rel>next|following|previous|preceding)\s+day"
    r"|(?P<hours>hours|minutes)\s+(?:later|earlier|before|after)|later\s+(?:that|the\s+same|in\s+the)\s+day"
    r"|earlier\s+(?:that|the\s+same|in\s+the)\s+day|the\s+same\s+day)\b",
    re.I,
)


_RELATIVE_DAYS_TWIN = _lower_twin(_RELATIVE_DAYS)  # compiled at import, like _TWINS_AT_IMPORT


_SHIFT_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _relative_days(text: str) -> int | None:
    """ "A day earlier", "two days later", "the next day", "hours later": the day relative to
    the event told just before (ACLED dates the event, not the report)."""
    m = _search(_RELATIVE_DAYS, text)
    if m is None:
        return None
    if m.group("n"):
        n = _SHIFT_WORDS[m.group("n").lower()]
        return -n if m.group("dir").lower() in ("earlier", "before") else n
    if m.group("rel"):
        return 1 if m.group("rel").lower() in ("next", "following") else -1
    return 0


_NAMED_EVENTS = {"war", "coup", "uprising", "revolution", "election", "elections", "truce", "deal"}


def _names_another_event(sent: Sentence, d: DateMention, tok: Any) -> bool:
    """ "one of the planners of the October 7 attack", "the 2019 offensive": a date that
    modifies an event noun other than the trigger names that other event, not this one's
    day ("after Friday prayers", "a Sunday service" still date it)."""
    base = sent.span.start_char
    inside = [t for t in sent.span if d.start <= t.idx - base < d.end]
    root = next((t for t in inside if t.head not in inside), None)
    if root is None or root.dep_ not in ("nmod", "compound", "nummod", "amod"):
        return False
    head = root.head
    noun = head.lower_
    return (
        head.pos_ == "NOUN"
        and head.i > root.i
        and head.i != tok.i
        and (noun in triggers().noun_heads or noun in _NAMED_EVENTS)
    )


def _nearest_date(sent: Sentence, tok: Any, points: list[DateMention], rel_pos: int) -> DateMention:
    """The date of the trigger's own clause ("were killed when their convoy was hit on Monday
    night, the group said on Tuesday": Monday), else the last one before it, else the first
    after it (a date after the trigger in another clause is the speech's, told later)."""
    pivot = _noun_verb(tok) if tok.pos_ in ("NOUN", "PROPN") else tok
    base = sent.span.start_char
    speech = triggers().speech_verbs
    words = list(pivot.subtree)
    said = {
        x.i
        for t in words
        if t.i != pivot.i and t.lemma_.lower() in speech
        for x in t.subtree  # ", the army said on Monday": the speech's own date
    }
    # "beat her to death after the body of a girl who had gone missing last week was found":
    # a relative clause tells of someone, not when the trigger happened
    described = {x.i for t in words if t.dep_ == "relcl" and t.i != pivot.i for x in t.subtree}
    own = sorted({t.idx - base for t in words if t.i not in said and t.i not in described})
    inside = [d for d in points if (k := bisect_left(own, d.start)) < len(own) and own[k] < d.end]
    if inside:
        before = [d for d in inside if d.start <= rel_pos]
        return before[-1] if before else inside[0]
    before = [d for d in points if d.start <= rel_pos]
    return before[-1] if before else points[0]


def _resolve_dates(ctx: _Ctx) -> None:
    """Fill the dates a sentence could not: "after the capture of X", what an anaphor
    refers to, "at the same time", the paragraph's date, else the story window."""
    pub = ctx.article.published
    claims = ctx.claims
    for index, name in ctx.anchors.items():
        key = normalise_name(name)
        for other in claims:
            if (
                other is claims[index]
                or other.kind != "event"
                or other.date is None
                or other.date_basis.startswith("after")
            ):
                continue
            if any(
                normalise_name(p.spelled) == key or normalise_name(p.name) == key
                for p in other.places
            ):
                end = pub if pub and pub > other.date else None
                claims[index] = replace(
                    claims[index],
                    date=other.date,
                    date_end=end,
                    time_precision=time_precision(other.date, end),
                    date_basis=f"after the event at {name}",
                )
                break
        else:
            claims[index] = replace(claims[index], date=None)
    for index in range(len(claims)):
        c = claims[index]
        if c.date is not None or c.kind == "statement":
            continue
        source: Claim | None = None
        if c.date_basis == "after-last-territory":
            taken = next(
                (
                    claims[j]
                    for j in range(index - 1, -1, -1)
                    if claims[j].kind == "event"
                    and claims[j].date is not None
                    and claims[j].event_type == "Battles"
                    and "territory" in claims[j].sub_event_type
                ),
                None,
            )
            if taken is not None and taken.date is not None:
                claims[index] = replace(
                    c,
                    date=taken.date,
                    date_end=None,
                    time_precision=taken.time_precision,
                    date_basis="after the capture told before",
                )
                continue
        if c.date_basis.startswith("days-from-previous:"):
            prior = _previous_dated(claims, index, ctx, same_paragraph=False)
            if prior is not None and prior.date is not None:
                day = prior.date + timedelta(days=int(c.date_basis.split(":")[1]))
                claims[index] = replace(
                    c,
                    date=day,
                    date_end=None,
                    time_precision=1,
                    date_basis="relative to the event before",
                )
                continue
        if index in ctx.antecedent:
            source = claims[ctx.antecedent[index]]
        elif index in ctx.same_as_prev:
            source = _previous_dated(claims, index, ctx, same_paragraph=False)
        else:
            source = _previous_dated(claims, index, ctx, same_paragraph=True)
        if (
            source is None
            and _wide_story_window(ctx)
            and any(p.feature == "city" for p in c.places)
        ):
            # "In Matola, protesters burned tyres": an undated scene (a town's) of a report whose
            # story spans weeks happened as the last dated event; an undated decision with no
            # town ("retired the commander of the troops in Syria") keeps the story window
            source = _previous_dated(claims, index, ctx, same_paragraph=False)
        if source is not None and source.date is not None:
            claims[index] = replace(
                c,
                date=source.date,
                date_end=source.date_end,
                time_precision=source.time_precision,
                date_basis="as the sentence before",
            )
            continue
        told_day = None if source is not None else _day_of_sentence_before(ctx, c)
        if told_day is not None:
            claims[index] = replace(
                c,
                date=told_day,
                date_end=None,
                time_precision=1,
                date_basis="the day of the sentence before",
            )
            continue
        if pub is not None and _liveblog_entry(ctx, c):
            # "**16:25** Ukraine's SBU says its drones have struck ...": an entry of the day's
            # liveblog tells that day's news
            claims[index] = replace(
                c, date=pub, date_end=None, time_precision=1, date_basis="liveblog entry"
            )
            continue
        start = ctx.story_start or (pub - timedelta(days=1) if pub else None)
        if start is not None and pub is not None and start > pub:
            start = pub
        claims[index] = replace(
            c,
            date=start,
            date_end=pub if pub != start else None,
            time_precision=time_precision(start, pub),
            date_basis="undated: story window to publication",
        )


_TIME_STAMP = re.compile(r"\W{0,2}(?:[01]?\d|2[0-3])[:.][0-5]\d\b(?!\s*(?:a\.?m|p\.?m))")


def _liveblog_entry(ctx: _Ctx, claim: Claim) -> bool:
    """Whether the claim's paragraph opens with a time of day ("09:10 Russian investigators
    say ..."): a liveblog's entry, posted on its publication day."""
    here = next((s for s in ctx.seen if s.index == claim.sentence_index), None)
    if here is not None and _TIME_STAMP.match(ctx.article.text, here.offset) is not None:
        return True
    if not claim.evidence:
        return False
    # "21:50 - A supporter was killed in Quetta ...": a time stamp opening the entry's line
    text = ctx.article.text
    line_start = text.rfind("\n", 0, claim.evidence[0].start) + 1
    return _TIME_STAMP_DASH.match(text, line_start) is not None


def _day_of_sentence_before(ctx: _Ctx, claim: Claim) -> date | None:
    """ "Special forces on Saturday freed four hostages. The raid was carried out under cover of
    air strikes": an undated event right after a sentence of the same paragraph that tells no
    event but names one day (and no other but a "since") happened that day."""
    before = claim.sentence_index - 1
    here = next((s for s in ctx.seen if s.index == claim.sentence_index), None)
    prev = next((s for s in ctx.seen if s.index == before), None)
    if here is None or prev is None or prev.paragraph != here.paragraph or before < 0:
        return None
    if any(c.kind != "statement" and c.sentence_index == before for c in ctx.claims):
        return None
    # ("hostages held since October 7" names no day of the act)
    points = [m for m in ctx.sentence_dates[before] if m.kind != "since"]
    if len(points) != 1 or points[0].kind != "point" or points[0].precision != 1:
        return None
    if prev.text[: points[0].start].lower().split()[-1:] in (["by"], ["until"], ["of"]):
        return None  # "By Tuesday police said seven had been killed": a count's day, no act's
    day, pub = points[0].date, ctx.article.published
    return day if day is not None and (pub is None or day <= pub) else None


def _wide_story_window(ctx: _Ctx) -> bool:
    pub = ctx.article.published
    return bool(pub and ctx.story_start and (pub - ctx.story_start).days > 7)


def _previous_dated(
    claims: list[Claim], index: int, ctx: _Ctx, same_paragraph: bool
) -> Claim | None:
    para = ctx.claim_para.get(index)
    for j in range(index - 1, -1, -1):
        other = claims[j]
        if other.kind == "statement":
            continue
        if same_paragraph and ctx.claim_para.get(j) != para:
            return None
        if other.date is not None:
            return other
    return None


_TIME_STAMP_DASH = re.compile(
    r"\d{1,2}[:.]\d{2}(?:\s*(?:[AP]M|GMT|UTC|[A-Z]{2,4}T))?\s+[-\u2013\u2014]\s"
)
