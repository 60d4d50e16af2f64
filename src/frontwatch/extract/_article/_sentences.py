"""Sentence-level reading: triggers, clauses, roles and the helpers they share."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from frontwatch.actors import actor_table, country_code
from frontwatch.extract._article._common import (
    _AFTER_ANCHOR,
    _ANNOUNCE_VERBS,
    _DEATH_VERBS,
    _NAMED_NOT_PLACE,
    _WITNESS_VERBS,
    _Ctx,
)
from frontwatch.extract._dates import DateMention, find_dates
from frontwatch.extract._places import (
    PlaceMention,
    is_place,
    named_as_town,
)
from frontwatch.extract._replace import replace
from frontwatch.extract._tables import (
    TriggerRule,
    source_table,
    triggers,
)
from frontwatch.nlp import Sentence
from frontwatch.types import Claim, Place


def _own_other_version(ctx: _Ctx, claim: Claim) -> bool:
    """ "The RSF said it had attacked army camps there", after others reported that it killed
    villagers at that place that day: the doer's own version, told as another kind of event,
    is its statement (ACLED codes the happening once, from the reports of others)."""
    if len(claim.sources) != 1 or not claim.actor1 or claim.sources[0].name != claim.actor1:
        return False
    names = {p.name for p in claim.places}
    return any(
        other.kind == "event"
        and other.actor1 == claim.actor1
        and claim.date in (None, other.date)  # an undated retelling takes the story's day
        and other.event_type != claim.event_type
        and names & {p.name for p in other.places}
        and all(s.name != claim.actor1 for s in other.sources)
        for other in ctx.claims
    )


_STATE_TELLERS = {
    "official", "officials", "authority", "authorities", "ministry", "government", "spokesman",
    "spokeswoman", "spokesperson", "governor", "minister", "president", "army", "military", "police",
}  # fmt: skip


def _state_forces_of(name: str) -> str:
    """The country of a state actor ("Military Forces of Iran", "Police Forces of Iran", which
    the table makes from a descriptor and gives no country), or ""."""
    state = actor_table().info(name)
    if state is None or (state.home_inter or state.inter) != 1:
        return ""
    if state.country:
        return state.country
    m = re.match(r"(?:Military|Police) Forces of (.+?)(?: \(\d{4}-\d{0,4}\))?$", name)
    return country_code(m.group(1)) if m else ""


def _background_toll(ctx: _Ctx, sent: Sentence, dates: list[DateMention]) -> bool:
    """ "more than 40,000 people have been killed in the conflict since 1984", "at least 18
    killed since late October": a war's or a season's toll, not the event's."""
    pub = ctx.article.published
    if _old_news(ctx, dates) or any(d.kind == "since" for d in dates):
        return True
    if _finds(_SINCE_MARK, sent.text):
        return True
    span = sent.span  # (no four digits in a row: no token is a year)
    return (
        pub is not None
        and _may_name_year(span)
        and _old_year(span.doc, {t.i for t in span}, pub.year)
    )


_SINCE_MARK = re.compile(r"\bsince (?:then|the|late|early|mid|\d{4})\b", re.I)


def _towns_among_areas(sent: Sentence, places: list[PlaceMention]) -> bool:
    """ "in Beirut's southern suburbs, the south of the country and the Bekaa valley": a town
    coordinated with areas that are no town."""
    doc = sent.span.doc
    named = {i for m in places for i in range(m.start, m.end)}
    for m in places:
        node = doc[m.start : m.end].root
        if node.dep_ in ("poss", "compound"):
            node = node.head
        first = node.head if node.dep_ == "conj" else node
        conjs = [c for c in first.children if c.dep_ in ("conj", "appos")]
        if conjs and any(c.i not in named and c.pos_ == "NOUN" for c in [first, *conjs]):
            return True
    return False


_HABITUAL = {
    "repeated", "frequent", "daily", "nightly", "regular", "constant", "almost-daily",
    "near-daily", "incessant", "relentless", "recurring", "sporadic", "periodic",
}  # fmt: skip


_HABITUAL_ADVERBS = {
    "repeatedly", "regularly", "frequently", "constantly", "routinely", "daily", "nightly",
    "often", "habitually", "persistently", "usually", "typically", "generally", "commonly",
    "normally", "sometimes", "occasionally",
}  # fmt: skip


def _habitual(tok: Any) -> bool:
    """ "Odesa has come under repeated strikes since ...", "drones regularly hit the city":
    a summary of many happenings, none of which is told (ACLED codes each one told)."""
    if tok.pos_ in ("NOUN", "PROPN"):
        return any(c.dep_ == "amod" and c.lower_ in _HABITUAL for c in tok.children)
    if tok.dep_ == "relcl" and tok.head.lower_ in _ANYONE:
        return True  # "will deal firmly with anyone who attacks police stations": no one did
    return any(c.dep_ == "advmod" and c.lower_ in _HABITUAL_ADVERBS for c in tok.children)


_ANYONE = {"anyone", "anybody", "whoever", "everyone", "everybody", "whomever"}


_HEDGES = {"likely", "probably", "possibly", "apparently", "allegedly", "reportedly"}


_PENDING_MARKS = {"until", "unless", "once", "if", "before", "lest"}


def _hedged(tok: Any) -> bool:
    """ "the hospital had most likely taken a direct hit", "no talks until the RSF was
    dissolved": an assessment or a condition, not an account of something done."""
    node = tok
    for _ in range(4):
        if any(c.dep_ == "advmod" and c.lower_ in _HEDGES for c in node.children):
            return True
        if any(c.dep_ == "mark" and c.lower_ in _PENDING_MARKS for c in node.children):
            return True
        if any(c.dep_ == "aux" and c.lower_ in ("would", "will") for c in node.children):
            return True
        if node.dep_ not in ("conj", "advcl", "xcomp", "csubj", "csubjpass") or node.head == node:
            return False
        node = node.head
    return False


def _antecedent_towns(sent: Sentence, places: list[PlaceMention]) -> list[Place]:
    """Towns a later "the town" may mean: not where someone spoke ("Speaking in Munich,
    ...", "told reporters in Kyiv"), which is no scene of the war."""
    doc = sent.span.doc
    return [
        m.place
        for m in places
        if m.place.feature == "city" and not _speech_venue(doc[m.start : m.end].root)
    ]


_VENUE_VERBS = {"speak", "say", "tell", "address", "talk", "announce", "brief", "meet", "visit"}


def _speech_venue(tok: Any) -> bool:
    """`tok` is the object of "in/at" attached to a speech or visit verb."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("in", "at"):
        return False
    return prep.head.lemma_.lower() in _VENUE_VERBS


_HISTORY_DAYS = 45  # an explicit date this long before publication is background


def _old_news(ctx: _Ctx, dates: list[DateMention]) -> bool:
    """Whether every explicit date of the sentence lies long before publication."""
    pub = ctx.article.published
    points = [
        d.date_end or d.date
        for d in dates
        if d.kind in ("point", "month", "history", "range") and d.date
    ]
    return bool(pub and points and all((pub - p).days > _HISTORY_DAYS for p in points if p))


_SETTING_PREPS_FIRST = {"during", "throughout", "in", "amid"}


def _earlier_setting(span: Any) -> bool:
    """The sentence opens in a stage of the war ("During the siege of X, ...")."""
    words = [t for t in span if not t.is_punct][:4]
    if len(words) < 3 or words[0].lower_ not in _SETTING_PREPS_FIRST or words[1].lower_ != "the":
        return False
    nouns = triggers().setting_nouns
    return words[2].lemma_.lower() in nouns or (
        len(words) > 3 and words[3].lemma_.lower() in nouns and words[2].pos_ == "ADJ"
    )


def _speech_time_words(tok: Any) -> set[int]:
    """ "said earlier in the war that they had targeted X": when the account was given is
    when what it tells happened (a history marker on the speech verb dates its content)."""
    if tok is None or tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in triggers().speech_verbs:
        return set()
    return {
        t.i
        for c in tok.head.children
        if c.dep_ in ("advmod", "prep", "npadvmod") and c.i < tok.i
        for t in c.subtree
    }


def _finds(rx: re.Pattern[str], text: str) -> bool:
    """Whether a case-blind pattern matches: by its lowercase twin on ASCII text."""
    return _search(rx, text) is not None


def _absent(text: str, words: tuple[str, ...]) -> bool:
    """Whether a case-blind pattern that needs one of `words` (lowercase) surely cannot
    match: the text is ASCII (where case-blind matching and str.lower agree) and holds none
    of them. A few substring scans instead of the pattern's scan, which most sentences fail."""
    if not text.isascii():
        return False
    low = text.lower()
    return not any(w in low for w in words)


def _search(rx: re.Pattern[str], text: str) -> re.Match[str] | None:
    """rx.search(text) for a case-blind pattern; on ASCII text its lowercase twin's match in
    the lowercased text (the same positions: read groups case-blind, slice `text` itself)."""
    twin = _lower_twin(rx)
    if twin is not None and text.isascii():
        return twin.search(text.lower())
    return rx.search(text)


@lru_cache(maxsize=64)
def _lower_twin(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    """A case-sensitive twin of a case-blind pattern, for lowercased ASCII text (the same
    matches, about 3x faster); None when the pattern has upper-case letters or flags of its
    own (a table's pattern may)."""
    lowered = _lowered_pattern(rx.pattern) if rx.flags & re.I else None
    return None if lowered is None else re.compile(lowered, rx.flags & ~re.I)


_PLAIN_ESCAPES = set("bBsSdDwW")


def _lowered_pattern(pattern: str) -> str | None:
    """The pattern with its literal letters lowercased (escapes and group names kept), or
    None when that could change what it matches: an escape other than \\b \\s \\d \\w (and
    their capitals) or of punctuation, inline flags, an upper-case letter in a [class]."""
    out: list[str] = []
    i, in_class = 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            nxt = pattern[i + 1 : i + 2]
            if nxt.isalnum() and nxt not in _PLAIN_ESCAPES:
                return None
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if pattern.startswith(("(?P<", "(?P="), i):
            end = pattern.find(">" if pattern[i + 3] == "<" else ")", i)
            if end < 0:
                return None
            out.append(pattern[i : end + 1])
            i = end + 1
            continue
        if pattern.startswith("(?", i) and pattern[i + 2 : i + 3] in set("aiLmsux-"):
            return None
        if c == "[":
            in_class = True
        elif c == "]":
            in_class = False
        elif in_class and c.isupper():
            return None
        out.append(c.lower())
        i += 1
    return "".join(out)


_FOUR_DIGITS = re.compile(r"[0-9]{4}")


def _may_name_year(span: Any) -> bool:
    """Whether a token of the sentence can be a year (ASCII text: four digits in a row)."""
    text = span.text
    return not text.isascii() or _FOUR_DIGITS.search(text) is not None


_EARLIER_PERIOD = re.compile(r"\bearlier (?:this|that|last) (?:month|year)\b", re.I)


_YEAR_PREPS = ("in", "during", "until")  # ("occupied the south until 2000")


def _old_year(doc: Any, clause: set[int], year: int) -> bool:
    """A year before the publication year in the trigger's own clause ("in 2014")."""
    for i in clause:
        t = doc[i]
        if t.like_num and len(t.text) == 4 and t.text.isdigit() and 1900 < int(t.text) < year:
            # "in 2014" dates the act; "for the first time since 2016" only measures it
            if t.dep_ in ("nummod", "compound") and t.head.pos_ == "NOUN" and t.head.i > t.i:
                return True  # "the 2017 truck bombing": an act named by its year
            return t.head.lower_ in _YEAR_PREPS and t.head.head.lower_ not in ("time",)
    return False


def _dated_news(ctx: _Ctx, span: Any) -> bool:
    """The sentence also dates its own news ("a report released on Friday")."""
    pub = ctx.article.published
    mentions = find_dates(span.text, pub)
    return bool(
        pub
        and any(d.date and d.kind == "point" and 0 <= (pub - d.date).days <= 7 for d in mentions)
    )


def _first_body_sentence(ctx: _Ctx, span: Any) -> bool:
    """The report's lead: an old date there is the news itself (a new UN report on a past
    massacre), not background."""
    if not ctx.claims and ctx.article.title:
        return span.text.strip() != ctx.article.title.strip()
    return not ctx.claims


_CELEBRATION = {"celebrate", "greet", "welcome", "mourn", "pray", "cheer", "commemorate"}


_ONGOING_VERBS = {"continue", "go", "rage", "resume", "persist"}


def _ongoing_claim(tok: Any, how: str) -> bool:
    """ "X said heavy fighting continued": a party's word that a battle goes on is a statement
    (ACLED codes the fighting from reports of it, not from a side's assurance)."""
    if how != "casualty-noun" or _noun_verb(tok).lemma_ not in _ONGOING_VERBS:
        return False
    head = _speech_head(tok)
    if head is None:
        return False
    # "..., a resident said": a witness tells of the fighting; no party vouches for its side
    teller = next((c for c in head.children if c.dep_ == "nsubj"), None)
    return teller is None or teller.lemma_.lower() not in _WITNESSES


_WITNESSES = {"resident", "witness", "eyewitness", "villager", "inhabitant", "journalist",
    "correspondent", "reporter", "doctor", "medic", "aid", "worker"}  # fmt: skip


_AGREEMENT_TERMS = re.compile(
    r"^\s*(?:under|according to) the (?:terms of the |new )?"
    r"(?:agreement|deal|truce|ceasefire|cease-fire|accord|plan|arrangement|terms)\b",
    re.I,
)


def _reported_situation(tok: Any) -> bool:
    """A present-tense verb reported by someone ("experts say troops are fighting alongside
    X", "the UN says the group controls ..."): an assessment of a situation, not an event."""
    if tok.pos_ != "VERB":
        return False
    progressive = tok.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lower_ in ("is", "are", "am") for c in tok.children
    )
    if not progressive and tok.tag_ not in ("VBZ", "VBP"):
        return False
    return _speech_head(tok) is not None


def _speech_head(tok: Any) -> Any:
    node = tok
    for _ in range(6):
        head = node.head
        if head == node:
            return None
        if head.lemma_.lower() in triggers().speech_verbs:
            return head
        node = head
    return None


_DENIED_NOUNS = {"claim", "report", "allegation", "accusation", "account", "rumour", "rumor"}


_DENY_STEMS = re.compile(
    r"\b(?:den(?:y|ie)|reject|refut|dismiss|debunk|disprov|contradict|call|confirm)", re.I
)


# what a party "did not confirm" that disputes an event ("did not confirm the loss of the village")
_UNCONFIRMED_NOUNS = {
    "loss",
    "fall",
    "capture",
    "seizure",
    "withdrawal",
    "retreat",
    "death",
    "deaths",
}


def _claim_with_its_own_content(verb: Any, scope: set[int]) -> bool:
    """The denied noun spells out what it denies ("claims that it had supplied drones")."""
    return any(
        t.i in scope
        and t.lemma_.lower() in _DENIED_NOUNS
        and any(
            c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in ("VERB", "AUX") for c in t.children
        )
        for t in verb.subtree
    )


def _not_confirmed(tok: Any) -> bool:
    """ "did not confirm", "declined to confirm", "refused to confirm": a dispute of the event."""
    if tok.lemma_.lower() != "confirm":
        return False
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("decline", "refuse")


_PROMISE_STEMS = re.compile(r"\b(?:promis|pledg|vow|threat|warn|offer)", re.I)


_SAID_STEMS = re.compile(
    r"\b(?:sa(?:y|id|ys)|announc|accus|blam|call|urg|demand|declar|insist|warn|condemn|describ|"
    r"add|told|tell|welcom|reject|admit|acknowledg|ask|wr[io]t|stat(?:e|ed|es|ing)\b|stress|reiterat|"
    r"reaffirm|"
    r"express|vow|pledg|promis|spok|speak|put\b|puts\b|laid\b|lay\b|lays\b)",
    re.I,
)


# their lowercase twins compiled at import, not by the first report that reads them
_TWINS_AT_IMPORT = [
    _lower_twin(rx) for rx in (_AFTER_ANCHOR, _DENY_STEMS, _PROMISE_STEMS, _SAID_STEMS)
]


# the lemmas of the denial rules besides the table's deny verbs (_calls_a_lie, _not_confirmed):
# a new denial rule adds the lemma it tests here, or the gate above skips its sentences
_DENIAL_LEMMAS = frozenset({"call", "confirm"})


_BLAME_VERBS = {"blame", "accuse"}


_BLAMED_FOR = {
    "attack",
    "attacks",
    "strike",
    "strikes",
    "killing",
    "killings",
    "bombing",
    "bombings",
    "blast",
    "blasts",
    "explosion",
    "explosions",
    "murder",
    "massacre",
    "assault",
    "ambush",
    "shelling",
    "raid",
    "raids",
    "death",
    "deaths",
    "carry",
    "launch",
}


_REPEL_VERBS = {"repel", "repulse", "foil", "thwart", "fend"}


_REPELLED_NOUNS = {"attack", "assault", "raid", "offensive", "advance", "incursion", "attempt"}


_GENERIC_ATTACKS = {"attack", "strike", "raid", "assault"}


_VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


_PERPETRATOR_NOUNS = {
    "attacker", "attackers", "bomber", "bombers", "gunman", "gunmen", "assailant", "assailants",
    "perpetrator", "perpetrators", "killer", "killers",
}  # fmt: skip


def _give_perpetrator(
    ctx: _Ctx, culprit: str, note: str, skip: Callable[[Claim], bool] | None = None
) -> None:
    """The violent events told so far without a named perpetrator take `culprit` (each one
    remembered in ctx.blamed, so that two different culprits undo it at the end)."""
    for j, claim in enumerate(ctx.claims):
        if claim.kind != "event" or claim.event_type not in _VIOLENT_TYPES:
            continue
        if claim.actor1 and not claim.actor1.startswith("Unidentified Armed Group"):
            continue
        if skip is not None and skip(claim):
            continue
        ctx.blamed.setdefault(j, (claim, culprit))
        ctx.claims[j] = replace(
            claim,
            actor1=culprit,
            actor2="" if claim.actor2 == culprit else claim.actor2,
            notes="; ".join(n for n in (claim.notes, note) if n),
        )


def _drop_restated(ctx: _Ctx, sent: Sentence, tok: Any) -> None:
    """ "blamed the bombing on X, and said the helicopter had been downed by Y": what a blaming
    sentence tells again is an event already told; it is dropped, and its perpetrator goes to
    the event of that day still without one."""
    if tok.lemma_.lower() != "blame":
        return
    words = {t.lower_ for t in tok.subtree} - {t.lower_ for t in _object_subtree(tok)}
    for j in range(len(ctx.claims) - 1, -1, -1):
        again = ctx.claims[j]
        if again.kind != "event" or again.sentence_index != sent.index:
            continue
        if again.trigger.lower() not in words or again.trigger.lower() == tok.lower_:
            continue
        del ctx.claims[j]
        ctx.claim_para = {k - (k > j): v for k, v in ctx.claim_para.items() if k != j}
        for k, claim in enumerate(ctx.claims):
            if claim.kind == "event" and not claim.actor1 and claim.date == again.date:
                ctx.claims[k] = replace(claim, actor1=again.actor1)


def _own_clause_lemmas(tok: Any) -> set[str]:
    """Lemmas of the trigger's phrase (its subtree without coordinated clauses of their own)."""
    skip = {
        t.i
        for c in tok.children
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
        for t in c.subtree
    }
    return {t.lemma_.lower() for t in tok.subtree if t.i not in skip}


def _object_subtree(tok: Any) -> list[Any]:
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
    return list(obj.subtree) if obj is not None else []


_OPERATION_NOUNS = {
    "operation",
    "attack",
    "assault",
    "raid",
    "ambush",
    "bombing",
    "strike",
    "offensive",
}


def _calls_a_lie(tok: Any) -> bool:
    """ "The army called those claims lies"."""
    return tok.lemma_ == "call" and any(
        c.lemma_.lower() in _LIE_WORDS for c in tok.subtree if c.dep_ in ("oprd", "dobj", "ccomp")
    )


_LIE_WORDS = {"lie", "fabrication", "propaganda", "fake", "rumour", "rumor", "provocation", "hoax"}


def _claim_modality(tok: Any) -> str:
    """ "claimed", when the report's speech verb only claims ("the RSF claimed to have taken"),
    else "reported" (stated as fact or confirmed)."""
    head = _speech_head(tok)
    if head is not None and head.lemma_.lower() in triggers().claim_verbs:
        return "claimed"
    return "reported"


def _celebration(tok: Any, rule: TriggerRule) -> bool:
    """ "crowds took to the streets to celebrate": a gathering that is no protest."""
    if rule.family != "protest":
        return False
    return any(
        t.lemma_.lower() in _CELEBRATION for t in tok.subtree if t.dep_ in ("xcomp", "advcl")
    )


def _toll_conjunct(tok: Any, other: Any) -> bool:
    """ "112 were killed and 760 wounded": the wounded are the same toll, no other event;
    "300 rebels were killed and 150 captured": the captives too."""
    linked = other.head.i == tok.i or tok.head.i == other.i
    return linked and (other.lemma_ in _DEATH_VERBS or _captives_of_toll(other))


def _captives_of_toll(tok: Any) -> bool:
    """ "more than 300 rebels were killed and 150 captured": a seizing verb conjoined to a
    passive death verb, with no object of its own, counts people taken, not ground."""
    return (
        tok.lemma_ in ("capture", "seize", "take")
        and tok.dep_ == "conj"
        and tok.head.lemma_ in _DEATH_VERBS
        and any(c.dep_ == "nsubjpass" for c in tok.head.children)
        and not any(c.dep_ in ("dobj", "obj") for c in tok.children)
    )


_VIOLENT_FAMILIES = {"remote", "clash", "civilians"}


_MEMBER_NOUNS = {
    "member", "commander", "head", "leader", "chief", "fighter", "official", "officer",
    "deputy", "founder", "spokesman", "militant", "operative", "cadre",
}  # fmt: skip


_MERCHANT_SHIPS = {"tanker", "freighter", "carrier", "containership", "bulker", "merchant"}


def _merchant_ship(obj: Any) -> bool:
    """A merchant ship at sea: "the Barbados-flagged True Confidence", "a Greek-owned tanker"
    (its crew are of many nations: ACLED codes Civilians (International))."""
    if obj is None:
        return False
    mods = [c for c in obj.children if c.dep_ in ("amod", "compound")]
    if any(m.lower_ in ("flagged", "owned", "operated") for m in mods):
        return True
    return obj.lower_ in _MERCHANT_SHIPS or any(m.lower_ in _MERCHANT_SHIPS for m in mods)


def _civilian_target(obj: Any) -> bool:
    """ "hit the railway station", "struck a residential building": a civilian target."""
    if obj is None:
        return False
    words = {obj.lemma_.lower(), obj.lower_}
    words |= {c.lower_ for c in obj.children if c.dep_ in ("compound", "amod")}
    after = (
        [c for c in obj.head.children if c.i == obj.right_edge.i + 1] if obj.dep_ == "dobj" else []
    )
    for prep in (c for c in [*obj.children, *after] if c.dep_ == "prep" and c.lower_ == "for"):
        # "a site for internally displaced people", "a centre for refugees": who it houses
        # (the parser often hangs the "for" on the verb, right after the object)
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            words |= {pobj.lemma_.lower(), pobj.lower_}
            words |= {c.lower_ for c in pobj.children if c.dep_ in ("compound", "amod")}
    return bool(words & triggers().civilian_targets)


def _came_after(noun: Any) -> bool:
    """ "died in the fighting that followed": the fights after the told one, not one event."""
    return any(c.dep_ == "relcl" and c.lemma_ in ("follow", "ensue") for c in noun.children)


_LATER_FIGHTING = re.compile(
    r"\b(?:that|which) followed\b|\bsubsequent (?:fighting|clashes|violence|days)\b"
    r"|\bin the (?:days|weeks|hours) (?:since|after)\b"
    # "By Tuesday police said seven people had been killed": the count of all since
    r"|^\W*by (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|the (?:next|following) (?:day|morning)"
    r"|nightfall)\b",
    re.IGNORECASE,
)


_ARMED_DEAD = re.compile(
    r"\b(?:soldiers?|troops|fighters?|servicem[ae]n|militants?|combatants?|rebels?|insurgents?"
    r"|militiam[ae]n|gunm[ae]n|jihadists?)\b",
    re.IGNORECASE,
)


_TITLE_RANKS = {"first", "second", "vice", "deputy", "acting", "interim", "former", "chief"}


def _capital_as_teller(tok: Any) -> bool:
    """A bare proper name after "according to" ("according to Kigali", "according to Moscow"):
    the government it stands for tells the news, the town is no place of the event."""
    prep = tok.head
    return (
        tok.dep_ == "pobj"
        and tok.pos_ == "PROPN"
        and prep.lower_ == "to"
        and prep.i > 0
        and tok.doc[prep.i - 1].lower_ == "according"
        and len(list(tok.subtree)) == 1
    )


_BACKING_VERBS = {"back", "support", "arm", "fund", "finance", "accuse", "blame", "sanction"}


def _backed_state(tok: Any) -> bool:
    """A name backed, accused or blamed ("of backing Rwanda", "accused Kigali"): a party to
    the dispute, not where anything happened."""
    return (
        tok.pos_ == "PROPN"
        and tok.dep_ in ("dobj", "obj")
        and tok.head.lemma_.lower() in _BACKING_VERBS
    )


_ENVOY_NOUNS = {"embassy", "mission", "consulate", "ambassador", "envoy", "legation"}


def _envoy_owner(tok: Any) -> bool:
    """The state owning an embassy ("the embassies of Belgium and the United States", "France's
    embassy"): the embassy stands where the report is, not in that country."""
    if tok.pos_ != "PROPN":
        return False
    if tok.dep_ == "poss":
        return tok.head.lemma_.lower() in _ENVOY_NOUNS
    head = tok.head if tok.dep_ == "conj" else tok  # "of Belgium and the United States"
    return (
        head.dep_ == "pobj"
        and head.head.lower_ == "of"
        and head.head.head.lemma_.lower() in _ENVOY_NOUNS
    )


def _blocked_tokens(sent: Sentence, ctx: _Ctx) -> set[int]:
    """Tokens naming a person, an outlet or an organisation (never places).
    spaCy calls many towns persons, so a PERSON that is a known place stays a place."""
    blocked: set[int] = set()
    span = sent.span
    for ent in span.ents:
        if (
            ent.label_ in _NAMED_NOT_PLACE
            and len(ent) >= 2
            and not _named_as_place(ent)
            and not is_place(ctx.gaz, ent.text, ctx.countries, fuzzy=False)
        ):
            # "Galle Face Green in Colombo" tagged one name: the name ends before "in"
            cut = next((t.i for t in ent if t.lower_ in ("in", "near") and t.i > ent.start), None)
            blocked.update(t.i for t in ent if cut is None or t.i < cut)
    _block_actor_names(sent, ctx, blocked)
    for tok in span:  # "the girl, named by relatives as Camila": a person's name
        if tok.lower_ == "as" and any(
            a.lemma_.lower() in _NAMING_VERBS for a in tok.ancestors[:3]
        ):  # ("named by relatives as X": the parser may hang "as" on "relatives")
            blocked.update(t.i for c in tok.children if c.dep_ == "pobj" for t in c.subtree)
        if tok.pos_ != "PROPN":
            continue  # the three tests below read proper nouns only
        if _capital_as_teller(tok):
            blocked.add(tok.i)  # "a jet which, according to Kigali, had violated ...": a source
        if _backed_state(tok):
            blocked.add(tok.i)  # "accused Western countries of backing Rwanda": a party
        if _envoy_owner(tok):
            # "the embassies of Belgium": no place (not the "in Baghdad" hung off the name)
            blocked.update([tok.i] + [c.i for c in tok.children if c.dep_ == "compound"])
    text = span.text
    matches = [(a, b) for a, b, _ in source_table().named_spans(text)]
    lower = text.lower()
    if not matches and not any(w in lower for w in _TITLES):
        return blocked
    base = span.start_char
    for tok in span:
        off = tok.idx - base
        for c0, c1 in matches:  # (a plain loop: a generator per token costs more)
            if c0 <= off < c1:
                blocked.add(tok.i)
                break
        if tok.lower_ in _TITLES and tok.i + 1 < span.end:
            back = tok.i - 1  # "First Vice President Riek Machar": the rank is no town
            while back >= span.start and span.doc[back].lower_ in _TITLE_RANKS:
                blocked.add(back)
                back -= 1
            for t in span.doc[tok.i + 1 : min(span.end, tok.i + 5)]:
                if t.text[:1].isupper() or t.text in ("-", "al"):
                    blocked.add(t.i)
                else:
                    break
    return blocked


_TITLES = ("president", "minister", "general", "commander")
_NAMING_VERBS = {"name", "identify"}


_PLACE_NOUNS = {
    "town",
    "city",
    "village",
    "settlement",
    "hamlet",
    "district",
    "camp",
    "neighbourhood",
    "neighborhood",
    "suburb",
}


def _named_as_place(ent: Any) -> bool:
    """ "the Druze town of Majdal Shams": whatever the tagger says, a town's name; so is
    "Let Pan Hla village" or "Let Pan Hla, a village in Sagaing" (the capitalised words
    before the entity belong to the name)."""
    doc = ent.doc
    i = ent.start
    if i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lemma_.lower() in _PLACE_NOUNS:
        return True
    while i > ent.sent.start and doc[i - 1].text[:1].isupper() and doc[i - 1].is_alpha:
        i -= 1
    return named_as_town(doc, i, ent.end)


def _block_actor_names(sent: Sentence, ctx: _Ctx, blocked: set[int]) -> None:
    """ "Houthi targets", "Hezbollah positions": a capitalised actor name is not a place
    (unless it is one exactly, as "Russia" or "Kyiv" are)."""
    table = actor_table()
    for tok in sent.span.capitalised:
        if tok.i in blocked:
            continue
        if _names_a_group(tok, ctx):
            blocked.add(tok.i)  # "Fano militiamen": a group, not the Italian town
            continue
        info = table.resolve(tok.text)
        if info is None or info.name not in table.actors:
            continue
        doc = sent.span.doc
        acronym = (
            sum(ch.isupper() for ch in tok.text) >= 2
            and len(tok.text) <= 6
            and tok.i > 0
            and doc[tok.i - 1].text == "("
        )  # "(BLA)", "(JeM)"
        if acronym or not is_place(ctx.gaz, tok.text, ctx.countries, fuzzy=False):
            blocked.add(tok.i)  # "the Balochistan Liberation Army (BLA)": not Bla in Mali


_ARMED_NOUNS = {
    "fighter", "fighters", "militant", "militants", "militia", "militias", "militiaman",
    "militiamen", "rebel", "rebels", "insurgent", "insurgents", "jihadist", "jihadists",
    "guerrilla", "guerrillas", "gunmen", "combatants",
}  # fmt: skip


def _names_a_group(tok: Any, ctx: _Ctx) -> bool:
    """A proper noun compounded to an armed group's descriptor that is no town of the
    report's own country."""
    if (
        tok.dep_ != "compound"
        or tok.pos_ not in ("PROPN", "ADJ")  # (the tagger may call "Fano" an adjective)
        or tok.head.lower_ not in _ARMED_NOUNS
    ):
        return False
    main = (ctx.main_country,) if ctx.main_country else ()
    return bool(main) and not ctx.gaz.is_place_name(tok.text, main)


def _gerund_outcome(tok: Any, outcome_verbs: frozenset[str] | set[str]) -> bool:
    if tok.dep_ == "nsubj":
        return bool(tok.head.lemma_.lower() in outcome_verbs)
    if tok.dep_ == "nsubjpass":  # "Looting of shops and warehouses was reported in X"
        return bool(tok.head.lemma_.lower() in _WITNESS_VERBS)
    prep = tok.head
    return (
        tok.dep_ == "pcomp"
        and prep.lower_ in ("in", "by")
        and prep.head.lemma_.lower() in outcome_verbs
    )


_TRIGGER_POS = frozenset({"VERB", "AUX", "NOUN", "PROPN"})  # the words _find_triggers reads


def _find_triggers(span: Any) -> list[tuple[Any, TriggerRule, str]]:
    """(token, rule, how) for every trigger in the sentence, in text order."""
    table = triggers()
    out: list[tuple[Any, TriggerRule, str]] = []
    lower = span.text.lower()
    phrase_heads: set[int] = set()
    casualty_verbs: set[int] = set()
    longest: dict[int, int] = {}  # token -> length of its phrase: the longest wins
    deferred: list[tuple[Any, TriggerRule, int]] = []
    phrase_words: set[int] = set()  # the later words of a phrase ("sexually *assaulted*")
    for rule, _first_word, rx in table.phrases_in(lower):
        for m in rx.finditer(lower):
            tok = _token_at(span, span.start_char + m.start())
            if tok is None or _projectile_inside(m.group()):
                continue  # "fired rockets at X": the projectile rule, not "fired at" a target
            size = rx.pattern.count(r"\s+(?:") + 1  # the phrase's own words, not its gaps
            if (
                tok.dep_ == "advmod"
                and tok.head.pos_ == "VERB"
                and tok.head.idx < span.start_char + m.end()
            ):
                tok = tok.head  # "sexually assaulted": the verb is the trigger, not its adverb
            if _phrase_object_misfits(tok, rule):
                deferred.append((tok, rule, size))
                continue
            if tok.i not in phrase_heads:
                phrase_heads.add(tok.i)
                longest[tok.i] = size
                out.append((tok, rule, "phrase"))
                phrase_words |= _own_words(span, m, tok)
            elif size > longest[tok.i]:
                # "handed over their weapons" (disarmament), not "handed over" (territory)
                longest[tok.i] = size
                out = [t if t[0].i != tok.i else (tok, rule, "phrase") for t in out]
    for tok, rule, size in deferred:  # no other rule took the phrase: the first one after all
        if tok.i not in phrase_heads:
            phrase_heads.add(tok.i)
            longest[tok.i] = size
            out.append((tok, rule, "phrase"))
    heads = table.noun_heads
    for tok in span:
        if tok.pos_ not in _TRIGGER_POS and not tok.tag_.startswith("VB"):
            continue  # no test below takes a word of another kind (a gerund is tagged VBG)
        if tok.i in phrase_heads or tok.i in phrase_words:
            continue
        if (
            tok.tag_ == "VBG"
            and _may_head_noun_entry(tok, heads)
            and _gerund_outcome(tok, table.outcome_verbs)
            and (gerund_rule := _noun_rule(tok)) is not None
        ):
            # "Fighting continued in Omdurman", "nine were killed in shelling on a market":
            # a gerund subject or cause is the event noun
            out.append((tok, gerund_rule, "casualty-noun"))
            casualty_verbs.add(tok.head.i)
            continue
        if (
            tok.tag_ == "VBG"
            and tok.dep_ == "pcomp"
            and _may_head_noun_entry(tok, heads)
            and _result_verb(tok) is not None
        ):
            result_rule = _noun_rule(tok)  # "died as a result of shelling by ..."
            if result_rule is not None:
                out.append((tok, result_rule, "casualty-noun"))
                casualty_verbs.add(_result_verb(tok).i)
                continue
        if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
            if tok.lemma_ in table.light_verbs:
                noun_rule = _light_verb_object(tok)
                if noun_rule is not None:
                    out.append((tok, noun_rule, "light-verb"))
                    continue
                if not table.rules_for_verb(tok.lemma_):
                    continue  # else "held President Bazoum": the verb's own rule
            # an auxiliary ("were killed", "is being shelled") is no trigger of its own
            aux = tok.dep_ in ("aux", "auxpass")
            verb_rule = (
                None if aux else (_verb_rule(tok) or _device_blast(tok) or _device_set_off(tok))
            )
            if verb_rule is not None:
                out.append((tok, verb_rule, "verb"))
        elif (
            tok.pos_ in ("NOUN", "PROPN")
            and tok.dep_ in _OUTCOME_DEPS
            and _may_head_noun_entry(tok, heads)
            and _outcome_noun(tok)
            and not _came_after(tok)
        ):
            # "Dozens were killed in shelling of X", "A missile strike on X killed 3",
            # "a car bomb exploded", "there were clashes": the event noun names what happened
            noun_rule = _noun_rule(tok)
            if noun_rule is not None:
                out.append((tok, noun_rule, "casualty-noun"))
                casualty_verbs.add(_noun_verb(tok).i)
    # the death verb of a casualty noun is the same happening, not a second event
    out = [t for t in out if t[0].i not in casualty_verbs or t[2] == "casualty-noun"]
    out = [t for t in out if not _target_crowd(t, out)]
    out = [t for t in out if not _spoils_of_attack(t, out)]
    out.sort(key=lambda t: t[0].i)
    return out


_SPOILS_VERBS = frozenset({"destroy", "seize", "capture", "confiscate"})


def _spoils_of_attack(trigger: tuple[Any, TriggerRule, str], found: list[Any]) -> bool:
    """ "killed 100 soldiers and seized weapons and vehicles", "destroyed aircraft at the
    airport and killed hundreds": weapons taken or destroyed in the attack told with them are
    part of it, no disrupted weapons use of their own."""
    tok, rule, _ = trigger
    if rule.sub_event_type != "Disrupted weapons use" or tok.lemma_.lower() not in _SPOILS_VERBS:
        return False
    return any(
        other.family in ("clash", "remote", "civilians")
        and ((o.dep_ == "conj" and o.head.i == tok.i) or (tok.dep_ == "conj" and tok.head.i == o.i))
        for o, other, _ in found
    )


def _own_words(span: Any, m: re.Match[str], head: Any) -> set[int]:
    """The verbs of a phrase match after its first word ("sexually assaulted", "were
    gang-raped"): the phrase is the trigger, they are no second one (its gap words are)."""
    words = set(m.group().split()[1:])
    start, end = span.start_char + m.start(), span.start_char + m.end()
    return {
        t.i
        for t in span
        if start < t.idx < end and t.i != head.i and t.lower_ in words and t.pos_ == "VERB"
    }


def _phrase_object_misfits(tok: Any, rule: TriggerRule) -> bool:
    """A phrase rule of a clash family with objects ("shot down" a jet) leaves the phrase to
    the next rule naming it when the object is not one of them or is one of its not_for words
    ("shot down two drones": disrupted weapons use)."""
    if not rule.objects or rule.family != "clash":
        return False
    lemmas = _object_lemmas(tok)
    return not (lemmas & rule.objects) or bool(lemmas & rule.not_for)


def _may_head_noun_entry(tok: Any, heads: frozenset[str]) -> bool:
    """A necessary condition of _noun_rule(tok) finding a rule: the word or its lemma heads
    a noun entry of the table (Triggers.noun_heads), or it is a vehicle ("a car packed with
    explosives"). The noun tests of _find_triggers are skipped for other words."""
    lower = tok.lower_
    lemma = tok.lemma_.lower()
    return lower in heads or lemma in heads or lemma in _VEHICLES or " " in lower


def _target_crowd(trigger: tuple[Any, TriggerRule, str], found: list[Any]) -> bool:
    """ "A jet bombed a crowd gathered for a ceremony": the parser makes "a crowd gathered"
    the object clause of the attack; the gathering is its target, not an event of its own."""
    tok, rule, how = trigger
    if rule.name != "gathering" or how != "verb" or tok.dep_ != "ccomp":
        return False
    head = tok.head
    if any(c.dep_ in ("dobj", "obj") for c in head.children):
        return False
    return any(
        t.i == head.i and r.family != "protest" and r.kind != "statement" for t, r, _ in found
    )


_PROJECTILES = {"rocket", "rockets", "missile", "missiles", "shell", "shells", "mortar", "mortars"}


def _projectile_inside(matched: str) -> bool:
    """Whether a phrase match ("fired ... at") holds a projectile in its gap."""
    words = matched.split()
    return len(words) > 2 and any(w in _PROJECTILES for w in words[1:-1])


_BLAST_VERBS = {"explode", "detonate", "blow"}


def _in_force(verb: Any) -> bool:
    """ "came into force/effect", "entered into force", "took effect/hold", "went into effect"."""
    lemma = verb.lemma_.lower()
    if lemma in ("come", "enter", "go"):
        return any(
            c.dep_ == "prep"
            and c.lower_ in ("into", "in")
            and any(p.lower_ in ("force", "effect", "operation") for p in c.children)
            for c in verb.children
        )
    if lemma == "take":
        return any(c.lower_ in ("effect", "hold") for c in verb.children)
    return False


def _device_blast(tok: Any) -> TriggerRule | None:
    """ "Thousands of pagers exploded", "a parcel blew up": a thing that explodes is an
    explosive device (the table's "explosion" rule) unless its noun names the event itself."""
    if tok.lemma_.lower() not in _BLAST_VERBS or any(
        c.dep_ in ("dobj", "obj") for c in tok.children
    ):
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN") or _noun_rule(subj) is not None:
        return None
    of = [t for c in subj.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.children]
    if any(_noun_rule(t) is not None for t in of):
        return None  # "dozens of shells exploded": the shells are the event noun
    return triggers().by_noun("explosion")


_SET_OFF_VERBS = frozenset({"detonate", "explode", "set", "trigger"})


def _device_set_off(tok: Any) -> TriggerRule | None:
    """ "Unknown persons detonated an explosive device at a checkpoint", "militants set off a
    car bomb": setting off a device is the blast of that device (its noun's rule)."""
    lemma = tok.lemma_.lower()
    if lemma not in _SET_OFF_VERBS or (
        lemma == "set" and not any(c.dep_ == "prt" and c.lower_ == "off" for c in tok.children)
    ):
        return None
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
        return None
    rule = _noun_rule(obj)
    return rule if rule is not None and rule.family == "remote" else None


_OUTCOME_DEPS = {
    "pobj",
    "pcomp",
    "nsubj",
    "nsubjpass",
    "dobj",
    "attr",
    "ROOT",
    "ccomp",
}  # every role a test below reads


def _outcome_noun(tok: Any) -> bool:
    """An event noun that is the subject of an outcome verb, "killed in/by" it, or "there were"."""
    if tok.dep_ not in _OUTCOME_DEPS:
        return False  # every test below needs one of these roles (most nouns have none)
    table = triggers()
    head = tok.head
    if (
        tok.dep_ == "pobj"
        and head.lower_ in ("in", "by", "during")
        and head.head.lemma_ in _DEATH_VERBS
    ):
        return True  # ("17 civilians died during clashes between protesters and police")
    if tok.dep_ == "nsubj" and _in_force(head):
        return True  # "a ceasefire came into force", "the truce took effect"
    if tok.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in table.outcome_verbs:
        rule = _noun_rule(tok)
        return rule is None or rule.sub_event_type != "Agreement"
    if tok.dep_ == "nsubj" and any(
        c.dep_ in ("advcl", "conj") and c.lemma_ in _DEATH_VERBS and c.tag_ == "VBG"
        for c in head.children
    ):
        return True  # "Three missiles slammed into the centre, killing 17"
    if _come_under(tok) is not None:
        # "X came under attack from two Russian guided bombs": the weapon names the event
        frm = _from_weapon(tok)
        return frm is None or _noun_rule(frm) is None
    if tok.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in _WITNESS_VERBS:
        return True  # "residents reported clashes", "fighting was reported around Hsenwi"
    if tok.dep_ == "dobj" and head.lemma_.lower() in _ANNOUNCE_VERBS:
        rule = _noun_rule(tok)  # "the RSF announced the capture of Wad Madani" (a truce
        return rule is not None and rule.family == "territory"  # announced is a statement)
    if _result_verb(tok) is not None:
        return True  # "five people died as a result of an air strike on X"
    if tok.dep_ == "pobj" and _relative_outcome(tok):
        # "traded blame for the blast that tore through the hospital on Tuesday" (not "a
        # peace deal that had broken down": no agreement is told so)
        rule = _noun_rule(tok)
        return rule is None or rule.sub_event_type != "Agreement"
    if _misparsed_verb(tok) is not None:
        return True  # "A drone strike killed 26 people" read as a noun with a participle
    if tok.dep_ == "pobj" and head.lower_ in ("from", "of") and head.head.lemma_ == "toll":
        return True  # "the death toll from a Russian cruise missile rose to 23"
    return bool(
        tok.dep_ == "attr" and head.lemma_ == "be" and any(c.dep_ == "expl" for c in head.children)
    )


_RELATIVE_PRONOUNS = {"that", "which"}


def _relative_outcome(tok: Any) -> bool:
    """An event noun whose relative clause tells what it did ("the blast that tore through the
    courtyard", "the strike which killed 12"): the clause reports the happening."""
    return any(
        c.dep_ == "relcl"
        and c.lemma_.lower() in triggers().outcome_verbs
        and c.lemma_.lower() not in ("take", "set", "go", "hold", "reach", "continue", "leave")
        and any(g.dep_ == "nsubj" and g.lower_ in _RELATIVE_PRONOUNS for g in c.children)
        for c in tok.children
    )


def _result_verb(tok: Any) -> Any:
    """The verb of "died / were killed as a result of <tok>", else None."""
    if tok.dep_ not in ("pobj", "pcomp") or tok.head.lower_ != "of":
        return None
    result = tok.head.head
    if result.lemma_.lower() != "result" or result.dep_ != "pobj" or result.head.lower_ != "as":
        return None
    verb = result.head.head  # ("According to X cited by ..., as a result of": see
    # nlp._view._repair_attribution, which gives the clause back to the main verb)
    return verb if verb.lemma_ in _DEATH_VERBS else None


def _misparsed_verb(tok: Any) -> Any:
    """ "A drone strike killed at least 26 people": the tagger makes "killed" a participle
    modifying "strike" although it has an object; the participle is the noun's verb."""
    if tok.dep_ not in ("ROOT", "nsubj", "ccomp"):
        return None
    for c in tok.children:
        if (
            c.dep_ == "acl"
            and c.i > tok.i
            and c.lemma_ in _DEATH_VERBS
            and c.tag_ in ("VBN", "VBD")
            and any(g.dep_ in ("dobj", "obj") for g in c.children)
        ):
            return c
    return None


def _noun_verb(tok: Any) -> Any:
    """The verb an outcome noun hangs off ("killed" in "killed in shelling")."""
    come = _come_under(tok)
    if come is not None:
        return come
    misparsed = _misparsed_verb(tok) or _result_verb(tok)
    if misparsed is not None:
        return misparsed
    return tok.head.head if tok.dep_ in ("pobj", "pcomp") else tok.head  # ("by Russian shelling")


_UNDER_VERBS = {"come", "fall"}


_QUANTITY = {"wave", "barrage", "hail", "series", "string", "volley", "spate", "salvo", "round"}


def _come_under(tok: Any) -> Any:
    """The verb of "X came under attack/fire/shelling (from Y)" when `tok` is the event noun
    or the weapon after "from", else None."""
    if tok.dep_ != "pobj":
        return None
    prep = tok.head
    if prep.lower_ == "from" and prep.head.dep_ == "pobj":
        tok, prep = prep.head, prep.head.head
    if prep.lower_ == "of" and prep.head.lemma_.lower() in _QUANTITY and prep.head.dep_ == "pobj":
        tok, prep = prep.head, prep.head.head  # "came under a wave of air strikes"
    if prep.lower_ == "under" and prep.head.lemma_ in _UNDER_VERBS and prep.head.pos_ == "VERB":
        return prep.head
    if prep.lower_ == "to" and prep.head.lemma_ in _SUBJECTED_VERBS and prep.head.pos_ == "VERB":
        return prep.head  # "the village was subjected to shelling by ...": the translated form
    if prep.lower_ == "into" and prep.head.lemma_ in _INTO_VERBS and prep.head.pos_ == "VERB":
        return prep.head  # "a convoy fell into an ambush": who fell in was hit
    return None


_INTO_VERBS = frozenset({"fall", "run", "walk", "drive", "stumble"})


_SUBJECTED_VERBS = {"subject", "expose"}


def under_fire_verb(tok: Any) -> bool:
    """ "X came under fire (from Y)" read as one phrase on its verb: its subject is what was
    hit, and who fired is after "from"."""
    return tok.lemma_ in _UNDER_VERBS and any(
        c.dep_ == "prep" and c.lower_ == "under" for c in tok.children
    )


def under_fire_agent(verb: Any, noun: Any = None) -> Any:
    """Who fired in "X came under fire from Y" / "was subjected to shelling by Y": Y."""
    for head in (noun, verb) if noun is not None else (verb,):
        for c in head.children:
            if (c.dep_ == "prep" and c.lower_ == "from") or c.dep_ == "agent":
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None and _noun_rule(pobj) is None:
                    return pobj  # (not the weapon: "from two guided bombs")
    return None


def _from_weapon(tok: Any) -> Any:
    """The weapon of "came under attack from drones" ("drones"), if the noun names one."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "from":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


_NO_ONE = {"nobody", "none", "nothing", "no-one"}


def _none_did(verb: Any) -> bool:
    """ "nobody was arrested", "no one was killed", "no civilians were hurt": a negation
    carried by the subject or object."""
    for c in verb.children:
        if c.dep_ not in ("nsubj", "nsubjpass", "dobj"):
            continue
        if c.lower_ in _NO_ONE or (c.lower_ == "one" and any(d.lower_ == "no" for d in c.children)):
            return True
        if any(d.dep_ == "det" and d.lower_ == "no" for d in c.children):
            return True
    return False


def _noun_verb_modality(tok: Any) -> str:
    """ "the strike would not have happened if ...": an event noun shares its verb's
    negation, condition or modal."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return "skip"  # "no shelling took place overnight"
    verb = _noun_verb(tok)
    if verb is tok or verb.i == tok.i:
        return "event"
    table = triggers()
    if any(c.dep_ == "neg" for c in verb.children) or _none_did(verb):
        return "skip"
    if any(c.dep_ == "mark" and c.lower_ in table.conditional_marks for c in verb.children):
        return "skip"
    if any(c.dep_ == "aux" and c.lower_ in table.modal_auxiliaries for c in verb.children):
        return "intended"
    return "event"


_VEHICLES = {"car", "vehicle", "truck", "motorcycle", "motorbike", "van", "lorry", "tanker"}


_MONTH_NOUNS = {"march", "may"}  # "in March": a month, not a protest march


def _noun_rule(tok: Any) -> TriggerRule | None:
    table = triggers()
    if tok.lower_ in _MONTH_NOUNS and tok.text[:1].isupper():
        return None
    if tok.lemma_.lower() in _VEHICLES and any(
        c.dep_ == "acl" and any(t.lemma_.lower() in ("explosive", "explosives") for t in c.subtree)
        for c in tok.children
    ):
        return table.by_noun("car packed with explosives")  # "a car packed with explosives"
    compound = " ".join(
        c.lower_ for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i
    )
    if compound:
        rule = table.by_noun(f"{compound} {tok.lower_}")
        if rule is not None:
            return rule
        last = compound.split()[-1]
        rule = table.by_noun(f"{last} {tok.lower_}")
        if rule is not None:
            return rule
    rule = table.by_noun(tok.lower_) or table.by_noun(tok.lemma_.lower())
    if rule is None:
        rule = _of_phrase_rule(tok)  # "an exchange of fire took place near the crossing"
    if rule is not None and _bombs_went_off(tok):
        return table.by_noun("bomb")  # "two bombs exploded at the church": planted devices
    if rule is not None and rule.family == "remote":
        device = _device_of(tok)  # "the explosion of a suicide bomber": the device says which
        if device is not None:
            return device
    return rule


def _bombs_went_off(tok: Any) -> bool:
    """ "Bombs" that explode or detonate (not ones that fell or were dropped) are set off where
    they lie, as the singular "a bomb exploded" is."""
    return (
        tok.lower_ == "bombs"
        and tok.dep_ == "nsubj"
        and tok.head.lemma_.lower() in _BLAST_VERBS
        and not any(c.dep_ == "amod" for c in tok.children)  # ("Russian bombs exploded")
    )


def _of_phrase_rule(tok: Any) -> TriggerRule | None:
    """The rule of a noun entry made of the word, "of" and its object ("exchange of fire",
    "wave of arrests"), which the parser splits into a head and a prepositional object."""
    table = triggers()
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    rule = table.by_noun(f"{tok.lower_} of {pobj.lower_}")
                    if rule is not None:
                        return rule
    return None


def _device_of(tok: Any) -> TriggerRule | None:
    """The remote-violence rule of what a blast noun is "of" ("explosion of a suicide bomber",
    "the blast of a roadside bomb"), when it has one of its own."""
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for pobj in prep.children:
            inner = _noun_rule(pobj) if pobj.dep_ == "pobj" else None
            if inner is not None and inner.family == "remote":
                return inner
    return None


_NON_TARGETS = {
    "fire",
    "shot",
    "shots",
    "round",
    "rounds",
    "gas",
    "ammunition",
    "bullet",
    "bullets",
}


def _object_lemmas(tok: Any) -> set[str]:
    """Lemmas of what the verb acts on: its object phrase and its prepositional objects."""
    out: set[str] = set()
    for child in tok.children:
        counted = child.dep_ == "npadvmod" and child.ent_type_ == "CARDINAL"
        if child.dep_ in ("dobj", "obj", "nsubjpass", "attr", "prt") or counted:
            # ("recaptured a few dozen of the prisoners": a count misparsed as an adverb)
            out.update(t.lemma_.lower() for t in child.subtree)
            out.update(t.lower_ for t in child.subtree)
            if child.lower_ in ("them", "it") and tok.dep_ in ("advcl", "conj"):
                # "protested ... before police dispersed them": what the pronoun stands for
                # is told by the clause it hangs on
                out.add(tok.head.lemma_.lower())
                out.update(c.lemma_.lower() for c in tok.head.children if c.dep_ == "nsubj")
        elif child.dep_ in ("prep", "agent"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    out.update(t.lemma_.lower() for t in pobj.subtree)
                    out.update(t.lower_ for t in pobj.subtree)
        elif child.dep_ == "xcomp" and tok.lemma_.lower() in _CONSENT_VERBS:
            # "the parties agreed to exchange 1,000 prisoners": what they agreed on
            out.update(_object_lemmas(child))
    return out


_CONSENT_VERBS = frozenset({"agree", "accept", "consent"})


def _verb_rule(tok: Any, after: TriggerRule | None = None) -> TriggerRule | None:
    """The first rule for this verb whose object constraints fit (after the rule `after`)."""
    table = triggers()
    rules = table.rules_for_verb(tok.lemma_.lower()) or table.rules_for_verb(tok.lower_)
    if after is not None:
        rules = rules[rules.index(after) + 1 :] if after in rules else ()
    if not rules:
        return None
    lemmas: set[str] | None = None
    for rule in rules:
        if rule.objects or rule.not_objects:
            if lemmas is None:
                lemmas = _object_lemmas(tok)
            if rule.objects and not (lemmas & rule.objects or _propn_object(tok, rule)):
                continue
            if rule.not_objects and _refused_object(tok, rule.not_objects):
                continue
        if rule.direct_object and not any(
            c.dep_ in ("dobj", "obj", "nsubjpass") for c in tok.children
        ):
            continue  # "a lorry blew up on the bridge": no object, no demolition
        return rule
    return None


def _propn_object(tok: Any, rule: TriggerRule) -> bool:
    """ "@propn" in a rule's objects: the verb's direct object is a proper name ("took Bakhmut")."""
    if "@propn" not in rule.objects:
        return False
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
    return obj is not None and obj.pos_ == "PROPN"


def _head_object_lemma(tok: Any) -> str:
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
    return obj.lemma_.lower() if obj is not None else ""


def _refused_object(tok: Any, not_objects: frozenset[str]) -> bool:
    """The direct object, or the first noun of a preposition right after the verb ("took into
    account X's red lines", "stormed into the school"), is one the rule refuses."""
    if _head_object_lemma(tok) in not_objects:
        return True
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.i == tok.i + 1), None)
    # its first noun (the parser may hang "account" off "lines" in "into account X's lines")
    noun = next((t for t in prep.subtree if t.pos_ == "NOUN"), None) if prep else None
    return noun is not None and noun.lemma_.lower() in not_objects


def _token_at(span: Any, char: int) -> Any:
    for tok in span:
        if tok.idx == char:
            return tok
    return None


_SERIES_NOUNS = {"series", "wave", "string", "number", "round", "spate", "barrage", "volley"}


def _light_verb_object(verb: Any) -> TriggerRule | None:
    table = triggers()
    for child in verb.children:
        if child.dep_ in ("dobj", "obj", "attr"):
            if child.lemma_.lower() in _SERIES_NOUNS:  # "carried out a series of air raids"
                of = next(
                    (c for c in child.children if c.dep_ == "prep" and c.lower_ == "of"), None
                )
                pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
                child = pobj if pobj is not None else child
            compound = " ".join(
                t.lower_
                for t in child.subtree
                if t.dep_ in ("compound", "amod") and t.head == child
            )
            for phrase in (
                f"{compound} {child.lower_}".strip(),
                child.lower_,
                child.lemma_.lower(),
            ):
                rule = table.by_noun(phrase)
                if rule is not None:
                    return rule
    return None
