"""Sources and attribution chains of a claim ("Reuters, citing military sources")."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from frontwatch.actors import ActorInfo, actor_table
from frontwatch.extract._article._common import _PUBLISHER_WORDS, PUBLISHER, _Ctx
from frontwatch.extract._article._events import _conjunct_subject, _phrase, _span_text
from frontwatch.extract._replace import replace
from frontwatch.extract._tables import (
    source_table,
    triggers,
)
from frontwatch.nlp import Sentence
from frontwatch.types import SourceRef


def _sources(ctx: _Ctx, sent: Sentence, tok: Any) -> tuple[SourceRef, ...]:
    """The reporting chain that governs the trigger, else "according to", else the publisher."""
    table = triggers()
    chain: list[SourceRef] = []
    side: list[SourceRef] = []  # sources named beside the first one ("X and Y said")
    node = tok
    for _ in range(8):
        head = node.head
        if head == node:
            break
        if head.lemma_.lower() in table.speech_verbs and node.dep_ in (
            "ccomp",
            "xcomp",
            "advcl",
            "conj",
            "parataxis",
            "dobj",
        ):
            subjects = [
                c
                for c in head.children
                if c.dep_ == "nsubj" or (c.dep_ == "nsubjpass" and head.lemma_ in _SPEAKER_PASSIVE)
            ]  # "no injuries were reported": what is reported, not who reports
            if subjects and subjects[0].lower_ in ("who", "which", "that") and head.dep_ == "relcl":
                subjects = [head.head]
            if not subjects:  # "SANA, quoting an official, said": the parser loses the subject
                subjects = [
                    c
                    for c in head.children
                    if c.i < head.i
                    and c.pos_ in ("PROPN", "NOUN")
                    and c.dep_ in ("advcl", "npadvmod", "dep", "nmod", "appos")
                ][:1]
            if not subjects:
                subjects = _stranded_speaker(head)
            if not subjects and (shared := _conjunct_subject(head)) is not None:
                subjects = [shared]  # "the RSF denied X and said its ..."
            conjs = [c for c in subjects[0].children if c.dep_ == "conj"] if subjects else []
            if len(subjects) == 1 and conjs and not chain:
                # "witnesses and an army source said": two sources side by side, not one
                for t in [subjects[0], *conjs]:
                    if t.dep_ in ("dobj", "obj") and any(c.dep_ == "nummod" for c in t.children):
                        # "..., killing at least 13 people, witnesses and a medic said": the
                        # parser joins the dead to the tellers
                        continue
                    ref = _source_ref(ctx, _phrase(t))
                    if ref is not None and ref not in side:
                        side.append(ref)
                if side:
                    chain.insert(0, side.pop(0))
            elif subjects:
                phrase = " ".join(_phrase_full(x) for x in subjects)
                ref = _source_ref(ctx, phrase)
                if ref is not None:
                    chain.insert(0, ref)
            for c in head.children:
                if c.dep_ == "advcl" and c.lemma_.lower() in ("cite", "quote"):
                    obj = next((o for o in c.children if o.dep_ == "dobj"), None)
                    if obj is not None:
                        ref = _source_ref(ctx, _phrase_full(obj))
                        if ref is not None:
                            chain.append(ref)
        node = head
    if not chain:
        parallel = _according_to(ctx, sent.span)  # "according to X and Y": two sources, not a chain
        if all(p.name == "publisher" for p in parallel):
            # "According to the publication, with reference to X", "As reported by X"
            parallel = _reported_by(ctx, sent.span) or parallel
        if not parallel:
            parallel = _trailing_sources(ctx, tok)  # "Drones hit X, witnesses said."
        return tuple(parallel) if parallel else (PUBLISHER,)
    if all(c.name == "publisher" for c in chain) and not side:
        # "With reference to the health ministry, the publication reports that ...": the
        # report's own speech verb passes on who it names
        cited = _reported_by(ctx, sent.span) or [
            p for p in _according_to(ctx, sent.span) if p.name != "publisher"
        ]
        if cited:
            return tuple(cited)
    if len(chain) == 1:
        return (chain[0], *side)
    # a chain: SANA quoting an official; the independent originators are the heads
    heads = [c for c in chain if c.name != "publisher"]
    if not heads:
        return (PUBLISHER,)
    return (replace(heads[0], via=tuple(c.name for c in heads[1:])),)


_SPEAKER_PASSIVE = {"quote", "cite"}  # "the governor was quoted as saying"


def _stranded_speaker(said: Any) -> list[Any]:
    """ "..., killing 12 people, the regional governor, Oleh Syniehubov, said": the parser
    hangs the speaker as an apposition of the victims; it is the comma-led phrase ending just
    before the subjectless speech verb."""
    doc = said.doc
    j = said.i - 1
    while j >= 0 and doc[j].is_punct:
        j -= 1
    if j >= 0 and doc[j].dep_ == "conj" and doc[j].pos_ in ("NOUN", "PROPN"):
        # "..., the area around the airport, witnesses and an army source said": the speakers
        # hang as conjuncts of the last target; the first comma-led conjunct starts them
        node = doc[j]
        while node.dep_ == "conj" and node.i > node.head.i:
            if _comma_led(node):
                return [node]
            node = node.head
        return []
    if j < 0 or doc[j].dep_ != "appos":
        return []
    node = doc[j]
    while node.head.dep_ == "appos" and node.head.i < node.i:
        node = node.head
    head = node.head
    if head.pos_ in ("NOUN", "PROPN") and _comma_led(head) and head.i < said.i:
        return [head]  # "wounding 19, the head of the WHO, Tedros ..., said"
    return [node] if _comma_led(node) else []


def _comma_led(tok: Any) -> bool:
    i = tok.left_edge.i
    return i > 0 and tok.doc[i - 1].text == ","


def _trailing_sources(ctx: _Ctx, tok: Any) -> list[SourceRef]:
    """ "..., witnesses and an army source said": a speech verb the parser hung under the
    event's clause; each coordinated subject is a source."""
    root = tok
    while root.head != root and root.dep_ not in ("ROOT",):
        root = root.head
    for child in root.children:
        if child.dep_ in ("parataxis", "ccomp", "conj", "advcl") and (
            child.lemma_.lower() in triggers().speech_verbs
        ):
            subj = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if subj is None:
                stranded = _stranded_speaker(child)
                subj = stranded[0] if stranded else None
            if subj is None:
                continue
            out = []
            for t in [subj, *(c for c in subj.children if c.dep_ == "conj")]:
                ref = _source_ref(ctx, _phrase(t))
                if ref is not None and ref not in out:
                    out.append(ref)
            return out
    return _trailing_by_words(ctx, tok)


def _trailing_by_words(ctx: _Ctx, tok: Any) -> list[SourceRef]:
    """ "..., the ministry clarifies.": a closing attribution the tagger misread (it took
    "clarifies" for a noun), found by its words: a comma, a short noun phrase and a form of
    a speech verb at the sentence's end."""
    m = _closing_attribution().search(tok.sent.text)
    if m is None:
        return []
    ref = _source_ref(ctx, m.group("who"))
    return [ref] if ref is not None else []


_IRREGULAR = {"say": ("says", "said"), "tell": ("tells", "told"), "write": ("writes", "wrote")}


@lru_cache(maxsize=1)
def _closing_attribution() -> re.Pattern[str]:
    forms: set[str] = set()
    for verb in triggers().speech_verbs:
        if verb in _IRREGULAR:
            forms.update(_IRREGULAR[verb])
        elif verb.endswith("y") and verb[-2:-1] not in "aeiou":
            forms.update((verb[:-1] + "ies", verb[:-1] + "ied"))
        else:
            forms.update((verb + "s", verb + ("d" if verb.endswith("e") else "ed")))
    verbs = "|".join(sorted(forms, key=len, reverse=True))
    return re.compile(
        rf",\s+(?P<who>(?:the|a|an)\s+[\w'’ -]{{2,60}}?)\s+(?:{verbs})\s*[.!]?\s*(?:Share)?\s*$"
    )


def _phrase_full(tok: Any) -> str:
    """The noun phrase with appositions ("Rami Abdulrahman, head of the center") but no relative clause."""
    subtree = tok.subtree
    # a word under a relative clause of the phrase (or one itself): the clauses' subtrees
    relative = {t.i for r in subtree if r.dep_ == "relcl" for t in r.subtree}
    words = [t for t in subtree if t.i not in relative]
    return _span_text(tok, words)


@lru_cache(maxsize=65536)
def _source_match(phrase: str) -> SourceRef | None:
    """source_table().match, cached per phrase: "the ministry", "officials" recur across reports."""
    return source_table().match(phrase)


_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)


def _source_ref(ctx: _Ctx, phrase: str) -> SourceRef | None:
    # "16:25 The ministry says ...": a live blog's clock is no part of the source
    phrase = _ENTRY_TIME.sub("", phrase.strip(" ,"))
    if not phrase or phrase.lower() in ("he", "she", "they", "it", "who"):
        return None
    if _PUBLISHER_WORDS.match(phrase):
        return PUBLISHER
    ref = _source_match(phrase)
    if ref is not None:
        return ref
    name = _LEADING_ARTICLE.sub("", phrase)
    if name.lower() in _BACK_REFERENCES:
        group = _group_meant(ctx)
        if group is not None:  # "the rebel group said": the group the report is about
            return SourceRef(name=group.name, stance="unknown", country=group.country)
    back = _back_reference(ctx, phrase)
    if back is not None:
        return back
    actor = actor_table().resolve(phrase, ctx.main_country, ctx.article.published)
    if actor is not None and _GENERIC_VOICE.fullmatch(name):
        own = _official_outlet(actor.name)  # "the army spokesman" in Sudan: the SAF
        if own is not None:
            return own
    return SourceRef(
        name=name, stance="official" if actor is not None and actor.inter in (1, 8) else "unknown"
    )


# a state's or group's voice named by a common noun only ("the army", "an army spokesman")
_GENERIC_VOICE = re.compile(
    r"(?:army|military|armed forces|air force|police|paramilitary(?: group| forces)?)"
    r"(?: (?:spokesman|spokeswoman|spokesperson|statement|command))?",
    re.I,
)


@lru_cache(maxsize=1024)
def _official_outlet(actor: str) -> SourceRef | None:
    """The sources table's official entry that is this actor ("Sudanese Armed Forces" for
    Military Forces of Sudan), if exactly one is."""
    table = actor_table()
    hits = {
        ref
        for _, ref in source_table().named
        if ref.stance == "official"
        and (info := table.resolve(ref.name, ref.country)) is not None
        and info.name == actor
    }
    return hits.pop() if len(hits) == 1 else None


_BACK_REFERENCES = {"group", "rebel group", "armed group", "movement", "militia", "rebels"}


def _group_meant(ctx: _Ctx) -> ActorInfo | None:
    """The named non-state group a bare "the group" means: the doer of the report's latest
    event, else the group the report names most."""
    table = actor_table()
    for claim in reversed(ctx.claims):
        info = table.actors.get(claim.actor1) if claim.kind == "event" else None
        if info is not None and info.inter in (2, 3, 4):
            return info
    for name in ctx.most_mentioned():
        info = table.actors.get(name)
        if info is not None and info.inter in (2, 3, 4):
            return info
    return None


def _reported_by(ctx: _Ctx, span: Any) -> list[SourceRef]:
    """Who "with reference to X", "referring to X" or "As reported by X" names."""
    out: list[SourceRef] = []
    for tok in span:
        low = tok.lower_
        holder = None
        if low in ("reference", "referring"):  # "with reference to X", "referring to X"
            holder = next((c for c in tok.children if c.lower_ == "to"), None)
        elif (tok.lemma_.lower() == "report" or tok.lemma_.lower() in _AS_BY_VERBS) and any(
            c.dep_ == "mark" and c.lower_ == "as" for c in tok.children
        ):  # "As reported by the monitoring group, ...", "As stated by the president, ..."
            holder = next((c for c in tok.children if c.dep_ == "agent"), None)
        if holder is None:
            continue
        for pobj in (c for c in holder.children if c.dep_ == "pobj"):
            ref = _source_ref(ctx, _phrase_full(pobj) + _named_after(pobj, _subtree_end(pobj)))
            ref = _outlet_run_on(pobj, _subtree_end(pobj)) or ref
            if ref is not None and ref.name != "publisher" and ref not in out:
                out.append(ref)
    return out


def _according_to(ctx: _Ctx, span: Any) -> list[SourceRef]:
    if "according" not in span.text.lower():
        return []  # no token can be "according"
    out: list[SourceRef] = []
    for tok in span:
        if tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            if to is None and tok.i + 1 < span.end and span.doc[tok.i + 1].lower_ == "to":
                to = span.doc[tok.i + 1]
            if to is None:
                continue
            for pobj in (c for c in to.children if c.dep_ == "pobj"):
                if pobj.lower_ in ("which", "whom"):
                    # "the words of the governor, according to which ...": the antecedent
                    clause = next((a for a in pobj.ancestors if a.dep_ == "relcl"), None)
                    before = [
                        w for w in span.doc[span.start : tok.i] if w.pos_ in ("NOUN", "PROPN")
                    ]
                    if clause is None and not before:
                        continue
                    pobj = clause.head if clause is not None else before[-1]
                targets = [pobj]
                if pobj.lemma_.lower() in (
                    "information",
                    "report",
                    "reports",
                    "data",
                    "datum",  # (the lemma spaCy gives "the data of the ministry")
                    "figures",
                    "estimate",
                    "estimates",
                    "words",
                    "statement",
                ):
                    frm = next(
                        (
                            c
                            for c in pobj.children
                            if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")
                        ),
                        None,
                    )
                    if frm is not None:
                        targets = [c for c in frm.children if c.dep_ == "pobj"]
                        targets += [c for c in pobj.children if c.dep_ == "conj"]
                expanded: list[Any] = []
                for t in targets:
                    expanded.append(t)
                    expanded.extend(c for c in t.children if c.dep_ == "conj")
                for t in expanded:
                    words = [w for w in t.subtree if w.dep_ not in ("conj", "cc") or w == t]
                    words = [
                        w
                        for w in words
                        if not any(
                            a.dep_ in ("conj", "acl", "relcl") and a != t and a in t.subtree
                            for a in w.ancestors
                        )
                        and w.dep_ not in ("acl", "relcl")
                    ]
                    kept = [w for w in words if w.dep_ != "cc"]
                    end = max(w.i for w in kept)
                    text = _span_text(t, kept)
                    ref = _source_ref(ctx, text + _named_after(t, end))
                    ref = _outlet_run_on(t, end) or ref
                    if ref is not None and ref not in out:
                        out.append(ref)
    return out


# "As stated by X", "As announced by X": the speech verbs a source can be the agent of
_AS_BY_VERBS = {"state", "announce", "say", "note", "report", "tell", "claim", "write"}

_ENTRY_TIME = re.compile(r"^\d{1,2}[:.]\d{2}\s*(?:[-–—:]\s*)?(?=[A-Z])")

# the heads of a title a person is named after ("the governor of X state, Jane Doe")
_TITLES = {
    "president",
    "minister",
    "governor",
    "head",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "commander",
    "chief",
    "mayor",
    "leader",
    "secretary",
    "director",
    "chairman",
    "ambassador",
    "envoy",
    "coordinator",
    "prosecutor",
    "general",
}


def _subtree_end(tok: Any) -> int:
    """The last token of a phrase without its relative or participle clauses."""
    cut = {t.i for r in tok.subtree if r.dep_ in ("relcl", "acl") for t in r.subtree}
    return max(t.i for t in tok.subtree if t.i not in cut)


def _named_after(head: Any, end: int) -> str:
    """ ", Alfonso Durazo," after "the Security Minister of Mexico": the person a title names,
    when the parser hung the name elsewhere; "" when the phrase is no title or no name follows."""
    if head.lemma_.lower() not in _TITLES and not any(
        t.lemma_.lower() in _TITLES for t in head.doc[head.left_edge.i : end + 1]
    ):
        return ""
    doc = head.doc
    k, comma = end + 1, False
    if k < len(doc) and doc[k].text == ",":
        k, comma = k + 1, True
    person = next((e for e in doc.ents if e.start == k and e.label_ == "PERSON"), None)
    if person is None:
        return ""
    stop = person.end - 1
    if any(t.i > end and t.i < k for t in head.subtree if not t.is_punct):
        return ""
    after = doc[stop + 1] if stop + 1 < len(doc) else None
    if comma and after is not None and after.text not in (",", ")", "."):
        return ""  # "According to the minister, Jane Doe was ...": a new clause, not a name
    return ("," if comma else "") + " " + str(doc[k : stop + 1].text)


def _outlet_run_on(head: Any, end: int) -> SourceRef | None:
    """A known outlet the parser cut short ("the local portal Myanmar Now": "Now" read as an
    adverb): a named span that starts inside the phrase and runs past its end."""
    doc = head.doc
    start = doc[head.left_edge.i].idx
    last = doc[min(end + 3, len(doc) - 1)]
    text = doc.text[start : last.idx + len(last.text)]
    cut = doc[end].idx + len(doc[end].text) - start
    for a, b, ref in source_table().named_spans(text):
        if a < cut < b:
            return ref
        if head.i == end and head.lower_ in _OUTLET_NOUNS and a == cut + 1:
            return ref  # "the government agency Saba": the parser made "Saba" a new subject
    return None


_OUTLET_NOUNS = {"agency", "channel", "broadcaster", "outlet", "newspaper", "portal", "television"}


_BACK_HEAD = re.compile(r"^(?:the|this|that)\s+(?:same\s+)?(?P<head>[\w-]+(?:\s+[\w-]+)?)$", re.I)


# a head word that names a kind of source, not a word of its name ("the monitor": SOHR)
_STANCE_HEADS = {"monitor": "monitor", "watchdog": "monitor"}


def _back_reference(ctx: _Ctx, phrase: str) -> SourceRef | None:
    """ "the president", "the Guards", "the same department", "the latter": a source named
    by a title or a word of its name, meaning the one the report named before (an earlier
    claim's source, a known outlet or a titled person of an earlier sentence)."""
    m = _BACK_HEAD.match(phrase.strip())
    if m is None:
        return None
    head = m.group("head").lower()
    if head in ("latter", "former"):
        for sent in reversed(ctx.seen[-2:]):
            spans = source_table().named_spans(sent.span.text)
            if spans:
                return spans[-1 if head == "latter" else 0][2]
        return None
    last = _stem(head.split()[-1])
    if len(last) < 4:
        return None
    if last in _STANCE_HEADS:  # "the monitor said": the monitor the report named before
        for sent in reversed(ctx.seen[-6:]):
            for _, _, ref in reversed(source_table().named_spans(sent.span.text)):
                if ref.stance == _STANCE_HEADS[last]:
                    return ref
    for claim in reversed(ctx.claims):
        for ref in claim.sources:
            words = {_stem(w) for w in re.findall(r"[\w-]+", ref.name.lower())}
            if ref.name.lower() != head and last in words and len(ref.name) > len(head):
                return ref
    for sent in reversed(ctx.seen[-6:]):
        for a, b, ref in reversed(source_table().named_spans(sent.span.text)):
            if last in {_stem(w) for w in re.findall(r"[\w-]+", sent.span.text[a:b].lower())}:
                return ref
        titled = _titled_person(sent, last)
        if titled:
            return SourceRef(name=titled, stance="official")
    return None


_TITLE_WORDS = ("compound", "amod", "nmod", "poss", "case")


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 4 and word.endswith("s") else word


def _titled_person(sent: Sentence, title: str) -> str:
    """ "President of Kenya Uhuru Kenyatta": the title and the person it names in a sentence."""
    if title not in _TITLES:
        return ""
    for tok in sent.span:
        if _stem(tok.lower_) != title or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        end = tok.i
        while end + 1 < sent.span.end and end - tok.i < 5:
            nxt = tok.doc[end + 1]
            if nxt.ent_type_ == "PERSON":
                break
            if not (nxt.lower_ in ("of", "the", ",") or nxt.text[:1].isupper()):
                break
            end += 1
        name = _named_after(tok, end)
        if name:
            left = tok.i  # the title's own words ("Kenyan President"), not "As the"
            while left - 1 >= sent.span.start and tok.doc[left - 1].dep_ in _TITLE_WORDS:
                left -= 1
            return str(tok.doc[left : end + 1].text) + name
    return ""
