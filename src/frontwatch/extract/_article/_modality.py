"""Modality: whether a sentence asserts, denies, negates, reports or foresees."""

from __future__ import annotations

import re
from typing import Any

from frontwatch.extract._article._sentences import (
    _finds,
    _gerund_outcome,
    _none_did,
    _noun_verb,
    _result_verb,
    _verb_rule,
)
from frontwatch.extract._places import (
    PlaceMention,
)
from frontwatch.extract._tables import (
    triggers,
)
from frontwatch.types import Place

_TOLD_NOUNS = {
    "word",
    "words",
    "statement",
    "message",
    "information",
    "data",
    "account",
    "testimony",
}


def _content_of_words(tok: Any) -> bool:
    """ "quotes the words of the governor that the militia shelled the city": a clause the
    parser hangs on "words" as if relative, but opened by "that" as its mark, tells what was
    said (a relative clause's "that" is its subject or object, not a mark)."""
    return tok.head.lower_ in _TOLD_NOUNS and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in tok.children
    )


_HELD_VERBS = frozenset({"arrest", "detain", "abduct", "kidnap"})


def _among_those_held(tok: Any) -> bool:
    """ "Three Americans were among about 50 people arrested in Kinshasa": the people held
    are the news told, not a background clause."""
    head = tok.head
    return (
        tok.dep_ == "acl"
        and tok.lemma_.lower() in _HELD_VERBS
        and head.dep_ == "pobj"
        and head.head.lower_ == "among"
        and head.head.head.lemma_ == "be"
    )


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _verbless_main(tok: Any) -> bool:
    """ "the government and the TPLF on Wednesday signed in Pretoria an agreement": a
    sentence parsed with no finite verb at all (a noun as its root, the day hung on a noun)
    whose participle is the main verb the parser missed, not a background clause."""
    sent = tok.sent
    return (
        tok.dep_ == "acl"
        and sent.root.pos_ in ("NOUN", "PROPN")
        and not any(t.tag_ in _FINITE_TAGS for t in sent)
        and any(_dated_prep(c) for c in tok.head.children)
    )


def _dated_prep(tok: Any) -> bool:
    """ "on Wednesday" hung on a noun: a misparsed sentence's time of the act."""
    return tok.dep_ == "prep" and any(
        c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in tok.children
    )


def _modality(tok: Any, span: Any) -> str:
    """'event', 'skip' (negated, denied, background), or the statement kind."""
    table = triggers()
    if any(c.dep_ == "neg" for c in tok.children) or _none_did(tok):
        return "skip"
    if any(c.dep_ in ("nsubj", "csubj") and _unknown_doer(c) for c in tok.children):
        return "skip"  # "whoever carried it out had struck ...": a supposition, no account
    if tok.pos_ == "NOUN" and tok.head.lemma_ == "be" and _characterised(tok):
        return "skip"  # "the killing was a dangerous attack": what a told happening was
    if (
        tok.dep_ in ("relcl", "acl")
        and tok.head.pos_ in ("NOUN", "PROPN")
        and not _intent_noun(tok.head)
        and not _dated_relative(tok)
        and not _acl_with_object(tok)
        and not _content_of_words(tok)
        and not _among_those_held(tok)
        and not _fled_to_shelter(tok)
        and not _verbless_main(tok)
    ):
        return "skip"  # background in a relative clause: "the center of which the rebels reached"
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and _heads_an_event(tok.head):
        return "skip"  # "..., thus taking control of the province" elaborates the main event
    if tok.tag_ in ("VBN", "VBD") and tok.i > 0 and tok.doc[tok.i - 1].pos_ in ("ADP", "DET"):
        return "skip"  # "in occupied Crimea", "the besieged city": a participle as adjective
    if (
        tok.dep_ == "pcomp"
        and tok.tag_ == "VBG"
        and not _gerund_outcome(tok, table.outcome_verbs)  # "killed in shelling" is one
        and _result_verb(tok) is None  # (not "died as a result of shelling by ...")
    ):
        return "skip"
    if any(c.dep_ == "aux" and c.lower_ in table.modal_auxiliaries for c in tok.children):
        return "intended"
    if any(c.dep_ == "mark" and c.lower_ in table.conditional_marks for c in tok.children):
        return "skip"  # "if the talks fail, the army will storm ..."
    if _condition_of_a_future_act(tok, table.modal_auxiliaries):
        return "skip"  # "troops would move in once civilians had left": a condition, not news
    if tok.sent.text.rstrip().endswith("?"):
        return "skip"  # a question asks, it does not report
    if "which" in tok.sent.text and _rejected_account(tok, table.deny_verbs):
        return "skip"  # "said the attack had hit a base in Syria, which US officials rejected"
    if _to_care(tok):
        return "skip"  # "wounded and taken to hospitals in the town": the wounded, not the town
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in _NATURAL for c in tok.children):
        return "skip"  # "the earthquake struck near Mandalay": no one's act
    if any(_hearsay(a, table.rumour_words) for a in tok.ancestors):
        return "skip"  # "rumours that the rebels had entered Homs", "unconfirmed reports that"
    if _refuted_account(tok, table.account_nouns, table.refuted_words):
        return "skip"  # "reports that the rebels had seized the airport were false"
    if any(_unverified_account(a, table.account_nouns, table.verify_verbs) for a in tok.ancestors):
        return "skip"  # "could not verify reports that soldiers had detained visitors"
    if any(_inquired_account(a, table.account_nouns, table.inquiry_verbs) for a in tok.ancestors):
        return "skip"  # "would investigate reports that its soldiers had shot a journalist"
    if table.accident_markers is not None and _finds(table.accident_markers, _clause_words(tok)):
        return "skip"  # "a depot exploded by accident": no one's act of violence
    if _weeks_before(tok):
        return "skip"  # "the strike came weeks after Russian forces captured Avdiivka"
    if _over_a_long_span(tok, table.long_spans):
        return "skip"  # "jihadists have killed thousands over the past decade": a long course
    node, told = tok, False
    for _ in range(6):
        head = node.head
        if head == node:
            break
        # "vowed revenge after a drone strike killed four": the strike is told, no vow's content
        told = told or _told_fact(node)
        if not told and _intent_noun(head):
            return "intended"
        lemma = head.lemma_.lower()
        if not told and node.dep_ == "xcomp" and _attempt_made(head):
            return "attempted"  # "Russian troops attempted to storm Krynky on Wednesday"
        if node.dep_ == "conj" and _finite_fact(node) and lemma in table.intent_verbs:
            node = head  # "tried to attack ... but were repelled": the repelling was told
            continue
        if (
            not told
            and node.dep_ in ("xcomp", "ccomp", "acl", "advcl", "conj")
            and lemma in table.intent_verbs
        ):
            return (
                "threatened"
                if lemma in ("threaten", "warn")
                else "promised"
                if lemma in ("promise", "pledge")
                else "intended"
            )
        if not told and node.dep_ == "dobj" and lemma in _PLANNING_VERBS:
            return "intended"  # "is preparing provocations with the use of chemical weapons"
        if node.dep_ == "xcomp" and lemma in ("decline", "refuse"):
            return "skip"  # "declined to confirm that its troops had withdrawn", "refused to leave"
        if node.dep_ in ("ccomp", "xcomp", "advcl") and lemma in table.memory_verbs:
            return "skip"  # "recalled how Russian forces had stormed his position": memory
        if lemma in table.deny_verbs and node.dep_ != "conj":
            return "skip"  # ("rejected the account and said Russia had struck": not denied)
        if (
            not told
            and node.dep_ == "xcomp"
            and any(c.dep_ == "aux" and c.lower_ in table.modal_auxiliaries for c in head.children)
        ):
            return "intended"  # "his men would begin handing the city over"
        if (
            any(c.dep_ == "neg" for c in head.children)
            and node.dep_ in ("ccomp", "xcomp")
            and not _semicolon_between(node, head)
        ):
            return "skip"
        node = head
    if (
        tok.dep_ in ("xcomp", "advcl", "acl")
        and any(c.dep_ in ("aux", "auxpass") and c.lower_ == "to" for c in tok.children)
        and tok.head.lemma_.lower() not in _CARRIED_OUT
        and not any(r.family == "protest" for r in table.rules_for_verb(tok.lemma_.lower()))
    ):
        return "skip"  # "gathered to be evacuated": a purpose ("gathered to protest" is one)
    return "event"


_DEFINITE = {"the", "this", "that", "it"}

# intent verbs whose object is what is planned ("preparing an offensive", "threatened a new
# assault"); not "attempted an assault" or "ordered an attack", told once they were made
_PLANNING_VERBS = {
    "prepare", "plan", "plot", "threaten", "vow", "pledge", "promise", "propose", "consider",
    "mull", "weigh", "predict", "forecast", "fear",
}  # fmt: skip


def _characterised(tok: Any) -> bool:
    """An event noun in "the killing was a dangerous attack on Lebanon" / "it was a massacre":
    a happening already told, described (a statement's words), not a new one."""
    be = tok.head
    if tok.dep_ == "attr":
        subj = next((c for c in be.children if c.dep_ == "nsubj"), None)
        return subj is not None and (
            subj.lower_ in _DEFINITE
            or any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in subj.children)
        )
    if tok.dep_ == "nsubj" and any(c.dep_ == "attr" for c in be.children):
        return any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in tok.children)
    return False


_FREE_RELATIVES = {"whoever", "whatever", "whichever"}


def _unknown_doer(subj: Any) -> bool:
    """ "whoever carried it out": a doer nobody names, supposed rather than reported."""
    return subj.lower_ in _FREE_RELATIVES or any(
        c.dep_ == "nsubj" and c.lower_ in _FREE_RELATIVES for c in subj.children
    )


def _semicolon_between(node: Any, head: Any) -> bool:
    """ "said its fighters overran an outpost; it did not give figures": the parser hangs the
    first clause on the second, but a semicolon keeps the negation in its own clause."""
    return any(c.lower_ == ";" and node.i < c.i < head.i for c in head.children)


def _relative_head_places(tok: Any, places: list[PlaceMention]) -> list[Place]:
    """The place a relative clause hangs off: "Walikale, a mining town its forces entered on
    Wednesday", "Be'eri, a kibbutz that Hamas fighters overran"."""
    head = tok.head
    heads = {head.i, head.head.i} if head.dep_ == "appos" else {head.i}
    return [m.place for m in places if any(m.start <= h < m.end for h in heads)]


_WEEKDAY_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _rejected_account(tok: Any, deny_verbs: frozenset[str]) -> bool:
    root = _noun_verb(tok) if tok.pos_ in ("NOUN", "PROPN") else tok
    return any(
        t.dep_ == "relcl"
        and t.lemma_.lower() in deny_verbs
        and any(c.lower_ == "which" for c in t.children)
        for t in root.subtree
    )


_REFUGE_NOUNS = frozenset({"shelter", "refuge", "safety"})


def _fled_to_shelter(tok: Any) -> bool:
    """ "Thousands of families who fled the camp found shelter in schools": the people who
    fled are the subject of where they sheltered, which tells the flight as news (not "the
    families who fled in 2019 live in tents": no shelter found)."""
    if tok.dep_ != "relcl" or tok.lemma_.lower() not in ("flee", "escape"):
        return False
    people = tok.head
    main = people.head
    while people.dep_ == "pobj" and main.dep_ == "prep":  # "thousands of families who fled"
        people, main = main.head, main.head.head
    if people.dep_ != "nsubj" or main.lemma_.lower() not in ("find", "seek", "take"):
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in _REFUGE_NOUNS for c in main.children)


def _acl_with_object(tok: Any) -> bool:
    """ "Gunmen, several of them ..., killed 20 villagers": a finite verb the tagger hung off
    its subject as a participle (a participle modifier takes no object)."""
    return (
        tok.dep_ == "acl"
        and tok.tag_ in ("VBD", "VBN")
        and tok.i > tok.head.i
        and any(c.dep_ in ("dobj", "obj") for c in tok.children)
    )


def _dated_relative(tok: Any) -> bool:
    """ "Be'eri, a kibbutz that Hamas fighters overran on Saturday", "a mining town its forces
    entered on Wednesday": a relative clause dated by a day of this week tells news."""
    if tok.dep_ != "relcl" or tok.tag_ not in ("VBD", "VBN"):
        return False
    if tok.tag_ == "VBN" and not any(c.dep_ == "nsubj" for c in tok.children):
        return False  # ("which militants seized": a past tense the tagger took for a participle)
    for c in tok.children:
        if (
            c.dep_ == "prep"
            and c.lower_ == "on"
            and any(_weekday(g) for g in c.children if g.dep_ == "pobj")
        ):
            return True
        if c.dep_ in ("npadvmod", "advmod") and c.lower_ in ("overnight", "yesterday"):
            return True
    return False


def _weekday(word: Any) -> bool:
    """ "Tuesday", "Tuesday evening" (a part of the day the weekday qualifies)."""
    return word.lower_ in _WEEKDAY_WORDS or any(
        c.dep_ == "compound" and c.lower_ in _WEEKDAY_WORDS for c in word.children
    )


_NATURAL = {
    "earthquake", "quake", "tremor", "aftershock", "storm", "flood", "cyclone", "hurricane",
    "typhoon", "landslide", "tsunami", "wildfire", "drought", "lightning", "avalanche",
    "mudslide", "heatwave", "eruption", "cholera", "outbreak", "epidemic", "accident", "crash",
}  # fmt: skip


_CARE_PLACES = {"hospital", "clinic", "infirmary", "shelter", "morgue", "safety"}


def _to_care(tok: Any) -> bool:
    return tok.lemma_.lower() in ("take", "carry", "rush", "bring", "move") and any(
        c.dep_ == "prep"
        and c.lower_ == "to"
        and any(p.lemma_.lower() in _CARE_PLACES for p in c.children if p.dep_ == "pobj")
        for c in tok.children
    )


_CARRIED_OUT = {
    "force",
    "compel",
    "begin",
    "start",
    "continue",
    "manage",
    "make",
    "resume",
    "decide",
}


def _is_trigger_word(tok: Any) -> bool:
    """Whether a word could itself trigger an event (a verb of the table or a light verb)."""
    table = triggers()
    lemma = tok.lemma_.lower()
    return bool(table.rules_for_verb(lemma) or lemma in table.light_verbs or table.by_noun(lemma))


def _heads_an_event(tok: Any) -> bool:
    """A trigger word that tells an event here: not "stormed a mosque", whose object the
    verb's rule refuses (the participle that follows tells what happened)."""
    if triggers().rules_for_verb(tok.lemma_.lower()) and tok.lemma_ not in triggers().light_verbs:
        return _verb_rule(tok) is not None
    return _is_trigger_word(tok)


def _intent_noun(tok: Any) -> bool:
    return bool(tok.pos_ == "NOUN" and tok.lemma_.lower() in triggers().intent_nouns)


def _intent_holder(tok: Any) -> Any:
    """The word carrying the intention (intention / vow / will ...)."""
    node = tok
    for _ in range(6):
        if _intent_noun(node) or node.lemma_.lower() in triggers().intent_verbs and node != tok:
            return node
        if node.head == node:
            break
        node = node.head
    return tok


def _refuted_account(tok: Any, nouns: frozenset[str], refuting: frozenset[str]) -> bool:
    """ "Reports that the rebels had seized the airport were false", "a report that troops had
    entered Kupiansk turned out to be false": the account the sentence calls untrue."""
    return any(_called_untrue(a, nouns, refuting) for a in tok.ancestors)


def _called_untrue(noun: Any, nouns: frozenset[str], refuting: frozenset[str]) -> bool:
    """An account noun the subject of an untrue predicate ("reports ... were false")."""
    if noun.dep_ not in ("nsubj", "nsubjpass") or noun.lemma_.lower() not in nouns:
        return False  # (a capital "Reports" may be tagged a verb: its lemma still counts)
    pred = noun.head  # "were false", "were fabricated", "turned out to be false"
    words = [pred] + [c for c in pred.children if c.dep_ in ("acomp", "attr", "oprd", "xcomp")]
    words += [g for c in words if c.dep_ == "xcomp" for g in c.children]  # "to be false"
    return any(w.lemma_.lower() in refuting or w.lower_ in refuting for w in words)


def _unverified_account(noun: Any, nouns: frozenset[str], verify: frozenset[str]) -> bool:
    """An account noun the object of a check its source says it could not make ("could not
    verify reports that ...", "was unable to confirm claims that ...")."""
    if noun.dep_ != "dobj" or noun.lemma_.lower() not in nouns:
        return False
    verb = noun.head
    if verb.lemma_.lower() not in verify:
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and (
        verb.head.lower_ == "unable" or any(c.dep_ == "neg" for c in verb.head.children)
    )


def _inquired_account(noun: Any, nouns: frozenset[str], inquiry: frozenset[str]) -> bool:
    """An account noun the object of an inquiry ("investigate reports that ...", "is probing
    allegations that ..."): what it tells is not yet checked."""
    return (
        noun.dep_ == "dobj" and noun.lemma_.lower() in nouns and noun.head.lemma_.lower() in inquiry
    )


def _clause_words(tok: Any) -> str:
    """The words of a trigger's own clause: its subtree (a noun's: its verb's)."""
    noun_subject = tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nsubj", "nsubjpass")
    participle = tok.dep_ == "advcl" and tok.tag_ == "VBG"  # "exploded ..., killing four"
    root = tok.head if noun_subject or participle else tok
    return " ".join(t.text for t in root.subtree)


def _over_a_long_span(tok: Any, spans: frozenset[str]) -> bool:
    """A perfect tense over years or months ("have killed thousands over the past decade",
    "had been shelling the area for years"): a long course the report recalls; so is one
    "since" a year ("attacks have killed thousands in Mali since 2012", "since the 2021 coup")."""
    # "attacks have killed ...", "fighting has killed ...": the subject's verb
    verb = tok.head if tok.dep_ in ("nsubj", "nsubjpass", "csubj") else tok
    if not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return False
    return any(
        c.dep_ == "prep"
        and (
            c.lower_ in ("for", "over", "throughout")
            and any(p.lower_ in spans for p in c.children if p.dep_ == "pobj")
            or c.lower_ == "since"
            and (any(_YEAR.fullmatch(t.text) for t in c.subtree) or _names_the_war(c))
        )
        or c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children)
        and _names_the_war(c)
        for c in verb.children
    )


_YEAR = re.compile(r"(?:19|20)\d\d")
# "since the war began", "since the start of the invasion": the whole war, a long course
_WAR_NOUNS = frozenset({"war", "conflict", "invasion", "insurgency", "uprising", "revolution"})


def _names_the_war(clause: Any) -> bool:
    return any(t.lemma_.lower() in _WAR_NOUNS for t in clause.subtree)


def _hearsay(word: Any, rumour_words: frozenset[str]) -> bool:
    """ "rumours that ...", "unconfirmed reports that ...", "rumours spread that ...": a word
    over the trigger that makes it hearsay (itself, its adjective or its verb's subject)."""
    if word.lemma_.lower() in rumour_words:
        return True
    return any(
        c.lemma_.lower() in rumour_words
        or c.dep_ == "nsubj"
        and any(g.dep_ == "amod" and g.lemma_.lower() in rumour_words for g in c.children)
        for c in word.children
        if c.dep_ == "amod" or (c.dep_ == "nsubj" and word.pos_ in ("VERB", "AUX"))
    )  # ("unconfirmed reports said ...": the speech verb's subject is hearsay)


_LONG_GAPS = {"week", "month", "year", "decade"}


def _weeks_before(tok: Any) -> bool:
    """ "The strike came weeks after Russian forces captured Avdiivka": the act the news is
    measured from, weeks or more before it, is recalled (not "a day after")."""
    if tok.dep_ != "advcl" or not any(
        c.dep_ == "mark" and c.lower_ == "after" for c in tok.children
    ):
        return False
    return any(
        c.dep_ == "npadvmod" and c.lemma_.lower() in _LONG_GAPS and c.i < tok.i
        for c in tok.head.children
    )


_ATTEMPT_VERBS = {"try", "attempt"}


def _attempt_made(verb: Any) -> bool:
    """ "attempted to storm the village", "tried to attack Russian positions": an attack made
    and failed, which ACLED codes as a fight (not "is trying to", "will try to")."""
    return (
        verb.lemma_.lower() in _ATTEMPT_VERBS
        and verb.tag_ == "VBD"
        and not any(c.dep_ in ("aux", "neg") for c in verb.children)
    )


def _finite_fact(verb: Any) -> bool:
    """A finite verb coordinated with an intent verb ("tried to attack but were repelled",
    "threatened the town and shelled it"): a clause of its own, not the intent's content."""
    return verb.tag_ in ("VBD", "VBZ") or (
        verb.tag_ == "VBN" and any(c.dep_ in ("auxpass", "aux") for c in verb.children)
    )


_TIME_MARKS = {"once", "when", "after", "before", "until"}


def _condition_of_a_future_act(tok: Any, modals: frozenset[str]) -> bool:
    """ "Troops would move into the city once civilians had left": a time clause of an act
    still to come tells no happening of its own."""
    if tok.dep_ != "advcl" or not any(
        c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in tok.children
    ):
        return False
    if _finite_past(tok) and _on_a_weekday(tok):
        return False  # "would strike again, hours after its fighters shelled Sderot on Sunday"
    return any(c.dep_ == "aux" and c.lower_ in modals for c in tok.head.children)


def _on_a_weekday(verb: Any) -> bool:
    """ "shelled Sderot on Sunday": a verb dated by a day of this week."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "on"
        and any(_weekday(g) for g in c.children if g.dep_ == "pobj")
        for c in verb.children
    )


# marks of a clause that tells a done act the main clause answers ("vowed revenge after a
# drone strike killed four", "called for calm when police shot two protesters")
_FACT_MARKS = frozenset({"after", "when", "as", "since", "because"})


def _finite_past(verb: Any) -> bool:
    """A past tense told as done: "killed", "had killed", "were killed"."""
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "would") for c in verb.children):
        return False
    return verb.tag_ == "VBD" or (
        verb.tag_ == "VBN"
        and any(
            c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "has", "have", "was", "were")
            for c in verb.children
        )
    )


def _told_fact(node: Any) -> bool:
    """A clause in the past that a threat, a vow, a call or a denial over it takes as given:
    a time or cause clause ("threatened to retaliate after aircraft bombed a house") or a
    relative clause ("pledged to hunt down the gunmen who abducted 30 students on Thursday").
    What the words over it say does not reach it ("if Israel bombed Beirut" is no fact)."""
    if node.dep_ == "advcl":
        return _finite_past(node) and any(
            c.dep_ == "mark" and c.lower_ in _FACT_MARKS for c in node.children
        )
    return node.dep_ == "relcl" and _finite_past(node)
