"""Statements: what was said but not done (threats, promises, quotes, claims)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from frontwatch.actors import ActorInfo, actor_table
from frontwatch.extract._article._common import (
    _CIVILIAN_INTER,
    _DEATH_VERBS,
    _PROMISE_VERBS,
    _PRONOUNS,
    _QUOTE,
    PUBLISHER,
    _Ctx,
    _words,
)
from frontwatch.extract._article._events import (
    _actors_of,
    _as_forces,
    _blame_on_or_claimed,
    _claimed_responsibility,
    _member_of,
    _phrase,
    _responsible_unnamed,
    _same_party,
    _says_there,
    _span_text,
    _speech_subject,
    _subject,
)
from frontwatch.extract._article._modality import _called_untrue
from frontwatch.extract._article._sentences import (
    _BLAME_VERBS,
    _BLAMED_FOR,
    _DENIED_NOUNS,
    _MEMBER_NOUNS,
    _PERPETRATOR_NOUNS,
    _PROMISE_STEMS,
    _SAID_STEMS,
    _VIOLENT_TYPES,
    _absent,
    _calls_a_lie,
    _drop_restated,
    _finds,
    _give_perpetrator,
    _hedged,
)
from frontwatch.extract._article._sources import _phrase_full, _source_ref, _sources
from frontwatch.extract._numbers import fatalities
from frontwatch.extract._replace import replace
from frontwatch.extract._tables import (
    TriggerRule,
    triggers,
)
from frontwatch.nlp import Sentence
from frontwatch.types import Claim, Span


def _attach_blame(ctx: _Ctx, sent: Sentence) -> None:
    """ "The army blamed the RSF (for the killing)", "Hezbollah blamed Israel for the attack":
    the events told so far without a named perpetrator take the one blamed (undone at the end
    if the report blames two different actors: each side blaming the other stays unidentified)."""
    text = sent.text
    if (
        "responsib" in text
        or "carried out" in text
        or (
            ("its " in text or "their " in text)  # the pattern's words (one scan each)
            and re.search(r"\b(?:its|their) (?:\w+ )?(?:members|fighters|militants)\b", text)
        )
    ):
        before = list(ctx.claims)
        _claimed_responsibility(ctx, sent)
        claimer = next(
            (
                c
                for t in sent.span
                if t.lemma_.lower() in ("claim", "say")
                for c in t.children
                if c.dep_ == "nsubj"
            ),
            None,
        )
        if "responsib" in text:  # (not "its fighters captured X": events of its own)
            _cite_for_perpetrated(ctx, before, claimer)
    if (
        "claimed the" in text
        or " member of " in text
        or ("claimed" in text and _CLAIMED_WHICH.search(text))
    ):
        _perpetrator_named(ctx, sent)
    if (
        "blame" not in text
        and "accus" not in text
        and "attribut" not in text
        and "responsib" not in text.lower()
    ):
        return
    for tok in sent.span:
        before = list(ctx.claims)
        if _blame_on_or_claimed(ctx, tok):
            _cite_for_perpetrated(ctx, before, _claimer(tok))
            _drop_restated(ctx, sent, tok)
            continue
        if _responsible_unnamed(tok, ctx):
            # "said a foreign army was responsible": a blame on an actor we cannot name still
            # disputes any other blame (each side blaming another stays unidentified)
            for j, claim in enumerate(ctx.claims):
                if claim.kind == "event" and claim.event_type in _VIOLENT_TYPES:
                    ctx.blamed.setdefault(-1 - j, (claim, f"unnamed: {tok.head.text}"))
            continue
        if tok.lemma_.lower() not in _BLAME_VERBS or tok.pos_ != "VERB":
            continue
        if any(c.dep_ == "neg" for c in tok.children):
            continue
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
        what = [
            t
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in ("for", "of")
            for t in c.children
            if t.dep_ in ("pobj", "pcomp")
        ]
        if obj is None or (
            what and what[0].lemma_.lower() not in _BLAMED_FOR and what[0].lower_ not in _BLAMED_FOR
        ):
            continue
        culprit, _ = _actors_of(obj, ctx)
        if culprit is None or culprit.inter == _CIVILIAN_INTER:
            continue
        culprit = _as_forces(culprit, ctx.article.published)
        _give_perpetrator(ctx, culprit.name, f"perpetrator as blamed: {sent.text.strip()[:80]}")


_CLAIMED_WHICH = re.compile(r"\b(?:which|that) [^.;,]{0,60}\bclaimed\b")  # "which IS claimed"


def _perpetrator_named(ctx: _Ctx, sent: Sentence) -> None:
    """ "A commander of X claimed the bombing", "the attacker was a member of X": the events
    told so far without a named perpetrator take X (as a blame does)."""
    for tok in sent.span:
        if any(c.dep_ == "neg" for c in tok.children):
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is None:
            continue
        who = None
        if tok.lemma_ == "claim" and tok.pos_ == "VERB":
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if obj is not None and (obj.lemma_.lower() in _BLAMED_FOR or obj.lower_ in _BLAMED_FOR):
                who = subj  # "a commander of X claimed the bombing"
            elif (
                obj is not None
                and obj.lower_ in ("which", "that")
                and tok.dep_ == "relcl"
                and (tok.head.lemma_.lower() in _BLAMED_FOR or tok.head.lower_ in _BLAMED_FOR)
            ):
                who = subj  # "that attack, which the Islamic State claimed"
        elif tok.lemma_ == "be" and subj.lower_ in _PERPETRATOR_NOUNS:
            attr = next((c for c in tok.children if c.dep_ == "attr"), None)
            if attr is not None and attr.lemma_.lower() in _MEMBER_NOUNS:
                who = attr  # "the attacker was a member of X"
        if who is None:
            continue
        culprit = _member_of(ctx, who, tok) if who.lemma_.lower() in _MEMBER_NOUNS else None
        culprit = culprit or _actors_of(who, ctx)[0]
        if culprit is None or culprit.inter in (5, 6, 7):
            continue
        culprit = _as_forces(culprit, ctx.article.published)
        before = list(ctx.claims)
        _give_perpetrator(ctx, culprit.name, f"perpetrator as named: {sent.text.strip()[:80]}")
        if tok.lemma_ == "claim":  # "X claimed the bombing": X is a source of it
            _cite_for_perpetrated(ctx, before, subj)
        speaker = _speech_subject(tok)
        if speaker is not None:  # "the interior ministry said the attacker was ...": a source
            _cite_for_last_event(ctx, speaker)


def _intent_of_party(ctx: _Ctx, holder: Any) -> bool:
    speaker = _speaker(holder)
    if speaker is None:
        return True  # "plans to storm the city were announced": kept, as before
    return _named_party(speaker, ctx) or _known_pronoun(speaker, ctx)


def _scene_act(
    ctx: _Ctx,
    tok: Any,
    rule: TriggerRule,
    actor1: ActorInfo | None,
    actor2: ActorInfo | None,
    scene_of: int | None,
) -> bool:
    """Whether a placeless act coded at the scene is an event of its own: someone acts
    ("firefighters battled the blaze" is nothing to code), it is no party's account of its
    own deed ("JNIM said its fighters killed hundreds": the claim of the event told), and
    houses burned by an armed group are part of its attack (ACLED codes the attack once)."""
    if actor1 is None and actor2 is None and not _says_there(tok):
        return False
    subj = _subject(tok)
    if subj is not None and any(
        c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in subj.children
    ):
        return False  # "the ministry said its troops had captured 60 positions": its account
    before = ctx.claims[scene_of] if scene_of is not None else None
    if before is not None and rule.family == "territory" and before.event_type != "Battles":
        return True  # "attacked the camp ... The RSF announced it had taken control of it"
    speaker = _speech_subject(tok)
    speaker_info, _ = _actors_of(speaker, ctx)
    if speaker_info is None and speaker is not None and speaker.lower_ in ("it", "they"):
        named = _antecedent(ctx, "party")  # "It said soldiers fired only at ...": who "it" is
        table = actor_table()
        speaker_info = (
            table.resolve(named, ctx.main_country, ctx.article.published) if named else None
        )
    retold = before is None or not actor1 or before.actor1 in ("", actor1.name)
    if (
        before is not None
        and actor1 is None
        and actor2 is not None
        and rule.family == "clash"
        and before.actor1 == actor2.name
    ):
        return False  # "both attackers were shot dead at the scene": the end of that attack
    if (
        rule.family != "displacement"  # (residents telling how residents fled: witnesses)
        and rule.sub_event_type != "Arrests"  # (police tell the arrests they make: news)
        and speaker_info is not None
        and actor1 is not None
        and (speaker_info.name == actor1.name or retold and _same_party(speaker_info, actor1))
    ):
        return False  # (police telling how security forces ended a siege: a new act, told)
    return not (
        rule.sub_event_type == "Looting/property destruction"
        and actor1 is not None
        and actor1.inter not in (5, 6)
    )


def _speaker_phrase(ctx: _Ctx, speaker: Any) -> str:
    """The speaker's noun phrase; a pronoun ("He said", "It promised") or a bare role ("the
    spokesman said") is given as the person or party the report named before."""
    who_phrase = _phrase_full(speaker) if speaker is not None else ""
    who_phrase = _TIMESTAMP.sub("", who_phrase)  # "08:45 Iran's supreme leader warns": a liveblog's
    if who_phrase.lower() in _PRONOUNS:  # "He said ...": the person or party named last
        kind = "person" if who_phrase.lower() in ("he", "she") else "party"
        who_phrase = (
            _antecedent_here(speaker, kind) or _antecedent(ctx, kind) or _last_speaker(ctx)
        ) or who_phrase
    core = who_phrase.split(",")[0].strip()  # "the president, speaking at the scene,"
    if _ROLE_ONLY.match(core):  # "the spokesman said": the spokesman named before
        who_phrase = _named_holder(ctx, core) or who_phrase
    elif _GROUP_ONLY.match(who_phrase) and not actor_table().resolve(
        who_phrase, ctx.main_country, ctx.article.published
    ):  # "Al Shabaab attacked ... The group said": the group
        who_phrase = _last_armed_group(ctx) or who_phrase
    return who_phrase


def _last_armed_group(ctx: _Ctx) -> str:
    """The named non-state armed group of the report's last event that has one."""
    table = actor_table()
    for claim in reversed(ctx.claims):
        if claim.kind != "event":
            continue
        for name in (claim.actor1, claim.actor2):
            info = table.actors.get(name)
            if info is not None and info.inter in (2, 3) and not name.startswith("Unidentified"):
                return name
    return ""


# "the group", "the Islamist group", "the militants": a party named before, by a common noun
_GROUP_ONLY = re.compile(
    r"^(?:the\s+)(?:[a-z]+\s+)?(group|movement|militia|organi[sz]ation|insurgents|militants|"
    r"rebels|jihadists|separatists|paramilitaries|paramilitary)$",
    re.I,
)


def _statement(ctx: _Ctx, sent: Sentence, holder: Any, modality: str) -> Claim:
    speaker = _speaker(holder)
    who_phrase = _speaker_phrase(ctx, speaker)
    table = actor_table()
    info = (
        table.resolve(who_phrase, ctx.main_country, ctx.article.published)
        or table.government_named(who_phrase, ctx.article.published)  # "Rabat said ..."
        if who_phrase
        else None
    )
    says = _span_text(holder, list(holder.subtree))
    start, end = sent.char_span(sent.span.start, sent.span.end)
    return Claim(
        article_id=ctx.article.id,
        kind="statement",
        actor1=_un_body(who_phrase, info) or (info.name if info else _clean_who(who_phrase)),
        places=(),
        date=ctx.article.published,
        modality=modality,
        statement=f"{_clean_who(who_phrase)}: {says}".strip(": "),
        sources=_sources(ctx, sent, holder) if speaker is None else (PUBLISHER,),
        evidence=(Span(start, end, ctx.article.text[start:end]),),
        trigger=holder.text,
        rule=f"statement/{modality}",
        sentence_index=sent.index,
        confidence=0.8,
    )


_UN_NAME = re.compile(r"\b(?:UN|U\.N\.|United Nations)\b")


def _un_body(who_phrase: str, info: ActorInfo | None) -> str:
    """ "The UN mission urged ...", "UN peacekeepers said ...": a body of the United Nations
    speaks as the United Nations (ACLED's actor), whichever office or force it is."""
    if info is not None:  # "peacekeepers said ...": a force on the United Nations' side
        return "United Nations" if info.side == "United Nations" else ""
    return "United Nations" if _UN_NAME.search(who_phrase) else ""


def _last_speaker(ctx: _Ctx) -> str:
    for claim in reversed(ctx.claims):
        if claim.kind == "statement" and claim.actor1 and claim.actor1.lower() not in _PRONOUNS:
            return claim.actor1
    return ""


_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_TIMESTAMP = re.compile(r"^\d{1,2}[:.]\d{2}\s+")


def _clean_who(phrase: str) -> str:
    return _LEADING_ARTICLE.sub("", phrase.strip(" ,"))


_ANTECEDENT_SENTENCES = 4  # how far back "he said" looks for the person it means


def _antecedent(ctx: _Ctx, kind: str) -> str:
    """The last named person ("person") or party ("party") a subject of the sentences read so
    far names, for a later "he said", "they vowed" (looked up only when a pronoun speaks)."""
    for sent in reversed(ctx.seen[-_ANTECEDENT_SENTENCES:]):
        found = None  # the last subject that names one
        for tok in sent.span:
            if tok.dep_ not in ("nsubj", "nsubjpass") or tok.lower_ in _PRONOUNS:
                continue
            if tok.head.dep_ not in ("ROOT", "conj", "ccomp") or tok.head.head.dep_ in ("relcl",):
                continue  # "sites where attacks were being prepared": no one who could speak
            person = tok.ent_type_ == "PERSON" or (
                tok.pos_ == "PROPN"
                and tok.head.dep_ == "ROOT"
                and tok.ent_type_ not in ("ORG", "GPE", "NORP", "LOC", "FAC", "DATE")
                and not _actors_of(tok, ctx)[0]
            )  # a name the tagger took for a product is still the person who signed
            named = next(  # "The commander of the army, General X, visited ...": X
                (c for c in tok.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None
            )
            if kind == "person" and not person and named is not None:
                found = named
            elif (
                person
                if kind == "person"
                else (not person and (tok.ent_type_ in ("ORG", "NORP") or _named_party(tok, ctx)))
            ):
                found = tok
        phrase = _phrase_full(found) if found is not None else ""
        if phrase:
            return phrase
    return ""


_ROLES = (
    "spokesman", "spokeswoman", "spokesperson", "minister", "governor", "president", "commander",
    "mayor", "envoy", "leader", "chief", "secretary", "ambassador", "prime minister",
)  # fmt: skip
_ROLE_ONLY = re.compile(rf"^(?:the\s+)?({'|'.join(_ROLES)})$", re.I)


def _named_holder(ctx: _Ctx, phrase: str) -> str:
    """ "... government spokesman Wilfried Houngbedji stated ... the spokesman promised": a
    bare role as speaker is the person the report named with that role before (the role
    followed by capitalised names, whatever entity the tagger gave them)."""
    role = _ROLE_ONLY.match(phrase).group(1).lower().split()[-1]  # type: ignore[union-attr]
    for sent in reversed(ctx.seen[-_ANTECEDENT_SENTENCES * 2 :]):
        toks = list(sent.span)
        for k in range(len(toks) - 1, -1, -1):
            if toks[k].lower_ != role:
                continue
            end = k + 1
            while end < len(toks) and toks[end].pos_ == "PROPN" and toks[end].text[:1].isupper():
                end += 1
            if end - k >= 3:  # a given name and a surname at least
                return " ".join(t.text for t in toks[k:end])
        for ent in reversed(sent.span.ents):  # "the spokesman of the army, Colonel X"
            lead = ent.doc[max(ent.start - 4, sent.span.start) : ent.start]
            if ent.label_ == "PERSON" and any(t.lower_ == role for t in lead):
                start = next(t.i for t in lead if t.lower_ == role)
                return ent.doc[start : ent.end].text
    return ""


def _antecedent_here(pronoun: Any, kind: str) -> str:
    """ "President X said ..., and he urged allies ...": a person speaking earlier in the
    pronoun's own sentence is the one it stands for."""
    if kind != "person":
        return ""
    for tok in reversed(pronoun.sent[: pronoun.i - pronoun.sent.start]):
        if (
            tok.dep_ == "nsubj"
            and tok.ent_type_ == "PERSON"
            and tok.head.lemma_ in _STATEMENT_VERBS
        ):
            return _phrase_full(tok)
    return ""


def _speaker(holder: Any) -> Any:
    """Who holds the words: the subject of the outermost speech verb above them ("Prigozhin
    said his men would begin handing ..." is Prigozhin's), else the nearest subject."""
    speech = None
    node = holder
    for _ in range(8):
        if (
            node.lemma_.lower() in _speech_lemmas()
            and node.dep_ not in ("relcl", "acl")
            and not (speech is not None and _relays(node))
        ):
            speech = node
        if node.head == node or (
            node.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
        ):
            break  # "Church leaders called on ..., and the government promised ...": two speakers
        node = node.head
    if speech is not None and speech != holder:
        return _nearest_subject(speech)
    return _nearest_subject(holder)


def _relays(verb: Any) -> bool:
    """ "The agency clarifies that the peacekeepers said ...", "It is noted that the governor
    said ...": a frame that relays another speaker's words holds none of its own."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and verb.dep_ == "xcomp" and verb.head.dep_ == "acomp":
        # "It is worth noting that Israel warned ...": the frame's "it" is on the copula
        frame = verb.head.head
        return any(c.dep_ == "nsubj" and c.lower_ == "it" for c in frame.children)
    if subj is None:
        return False
    if subj.lower_ == "it" and subj.dep_ == "nsubjpass":
        return True  # "It is noted that ...", "It was reported that ..."
    return subj.lemma_.lower() in _RELAY_NOUNS


_RELAY_NOUNS = {
    "agency", "publication", "newspaper", "media", "outlet", "channel", "report", "paper",
    "broadcaster", "website", "portal", "edition", "source",
}  # fmt: skip


@lru_cache(maxsize=1)
def _speech_lemmas() -> frozenset[str]:
    return frozenset(_STATEMENT_VERBS | triggers().speech_verbs)


def _known_pronoun(subj: Any, ctx: _Ctx) -> bool:
    """ "he said" after a named person, "it said" after a named party."""
    kind = {"he": "person", "she": "person", "they": "party", "it": "party"}.get(subj.lower_)
    return kind is not None and bool(_antecedent(ctx, kind))


def _nearest_subject(holder: Any) -> Any:
    subj = _nearest_subject_word(holder)
    if subj is not None and subj.lower_ in ("who", "which", "that"):
        verb = subj.head  # "China, which called on all sides ...": the noun the clause is about
        while verb.dep_ == "conj" and verb.head != verb:
            verb = verb.head
        return verb.head if verb.dep_ == "relcl" else None
    return subj


def _nearest_subject_word(holder: Any) -> Any:
    node = holder
    for _ in range(5):
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
        poss = next((c for c in node.children if c.dep_ == "poss"), None)
        if poss is not None and poss.lower_ not in ("its", "their", "his", "her"):
            return poss
        if node.head == node:
            break
        node = node.head
    return None


def _quoted_name(words: str) -> bool:
    """'fighters of the "Rapid Support Forces"', 'the so-called "Islamic State"': quotation
    marks around a name (every word capitalised but small joining words) quote no one."""
    parts = words.split()
    return (
        len(parts) <= 6
        and all(w[:1].isupper() or w.lower() in _NAME_JOINERS for w in parts)
        and words.rstrip()[-1:] not in ".!?,"
    )


_NAME_JOINERS = {"of", "the", "for", "and", "al", "el", "de", "du", "la", "ad", "ash", "as"}


def _promise_and_quote_statements(
    ctx: _Ctx, sent: Sentence, done: set[int], events: set[int] | None = None
) -> None:
    span = sent.span
    promises = not _words(ctx, sent).verbs.isdisjoint(_PROMISE_VERBS)
    for tok in span if promises and _finds(_PROMISE_STEMS, sent.text) else ():
        if tok.i in done or tok.pos_ != "VERB":
            continue
        lemma = tok.lemma_.lower()
        if tok.dep_ == "relcl" and any(
            c.dep_ == "aux" and c.lower_ in ("had", "has", "have") for c in tok.children
        ):  # "ECOWAS, which had threatened to use force", "a group that has pledged
            continue  # allegiance to the Islamic State": background
        if any(c.dep_ == "auxpass" for c in tok.children):
            continue  # "civilians had been warned to stay away": the addressee, not a speaker
        if tok.tag_ == "VBG" and tok.dep_ in ("pcomp", "acl"):
            continue  # "vowed to deal with anyone threatening security": who is meant
        if lemma in _PROMISE_VERBS and any(
            c.dep_ in ("dobj", "xcomp", "ccomp", "dative")
            or (c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children))
            for c in tok.children
        ):  # "vowed in a televised speech to hold ...": the parser makes the aim an advcl
            done.add(tok.i)
            modality = {
                "promise": "promised",
                "pledge": "promised",
                "offer": "promised",
                "vow": "intended",
            }.get(lemma, "threatened")
            claim = _statement(ctx, sent, tok, modality)
            ctx.claims.append(replace(claim, statement=_statement_text(ctx, tok)))
    quote = next((q for q in _QUOTE.finditer(span.text) if not _quoted_name(q.group("q"))), None)
    if quote and len(quote.group("q").split()) >= 2 and span.root.i not in (events or ()):
        root = span.root
        speaker = _speaker(root)
        if speaker is not None and root.i not in done and not _relays(root):
            # ("It is noted that ... the authorities spoke of 'some losses'": no one's words)
            done.add(root.i)
            claim = _statement(ctx, sent, root, "quoted")
            if not any(  # "said: 'We will enter El Obeid'": its intention is the statement
                c.kind == "statement"
                and c.sentence_index == sent.index
                and c.actor1 == claim.actor1
                for c in ctx.claims
            ):
                ctx.claims.append(claim)
    _said_statements(ctx, sent, done, events or set())


_STATEMENT_VERBS = {
    "say", "announce", "accuse", "blame", "call", "urge", "demand", "declare", "insist", "warn",
    "condemn", "describe", "add", "tell", "welcome", "reject", "admit", "acknowledge", "ask",
    "write", "state", "stress", "reiterate", "reaffirm", "express", "vow", "pledge", "promise",
}  # fmt: skip


_SPOKESPEOPLE = {
    "spokesman", "spokeswoman", "spokesperson", "minister", "president", "leader", "chief",
    "envoy", "office", "council", "government", "commander", "ministry", "secretary-general",
    "head", "negotiator", "authorities", "authority", "junta", "prime", "general", "mission",
    "commission", "group", "alliance", "coalition", "movement", "militia", "presidency", "side",
    "party", "governor", "mayor", "ambassador", "chancellor", "king", "emir", "opposition",
    "peacekeeper", "coordinator",
    # leaders who speak for a community or a house ("a tribal sheikh called on the tribes")
    "sheikh", "elder", "cleric", "imam", "chairman", "chairwoman", "lawmaker", "senator",
}  # fmt: skip


def _said_statements(ctx: _Ctx, sent: Sentence, done: set[int], events: set[int]) -> None:
    """ "Prime Minister Netanyahu said the deployment was temporary": what a named party says
    is a statement (not a source's report) when its words tell no event of this sentence.
    One statement per speaker: coordinated speech verbs ("blamed Israel and said Israel would
    receive its just punishment") are one; a clause that reports an event ("said its fighters
    had withdrawn ... and that the war was not over") is left out of it."""
    verbs_here = _words(ctx, sent).verbs
    if (
        verbs_here.isdisjoint(_STATEMENT_VERBS) and verbs_here.isdisjoint(_PHRASAL_SPEECH)
    ) or not _finds(_SAID_STEMS, sent.text):
        return  # no statement verb
    covered: set[int] = set()
    for tok in sent.span:
        if tok.i in covered or tok.pos_ != "VERB" or not _speech_verb(tok):
            continue
        verbs = _speech_chain(tok)
        covered.update(v.i for v in verbs)
        if any(v.i in done for v in verbs) or _not_a_statement(tok):
            continue  # the speaker's promise or threat is already its statement
        subj = _speaker(tok)
        if subj is None or not (
            _named_party(subj, ctx) or _known_pronoun(subj, ctx) or _crowd_accuses(subj, tok)
        ):
            continue
        said = [(v, words) for v in verbs if not _denies(v) for words in _said_parts(v)]
        covered.update(t.i for _, w in said for t in w if t.lemma_.lower() in _STATEMENT_VERBS)
        parts, account = [], False
        for v, words in said:
            ids = {t.i for t in words}
            if ids & events:
                account = True  # "said it had killed Shukr": an event told as done
                continue
            if ids & done:
                continue
            if (
                v.lemma_.lower() not in _PERFORMATIVE
                and not _names_it(v, words)
                and _past_account(words)
            ) or _reports_toll(words):
                account = True  # "said the pullout had been completed", "six were killed"
                continue
            parts.append((v, words))
        if account and not any(
            c.kind == "event" and c.sentence_index == sent.index for c in ctx.claims
        ):
            _cite_for_last_event(ctx, subj)  # "The ministry said the pullout had been completed"
        if any(t.i in done for _, w in said for t in w):
            continue  # "said Israel was at war and promised ...": the promise is the statement
        if not parts:
            continue
        done.update(v.i for v in verbs)
        claim = _statement(ctx, sent, tok, "quoted")
        who = _clean_who(_phrase_full(subj))
        if who.lower() in _PRONOUNS:
            who = claim.statement.split(":")[0] if ":" in claim.statement else claim.actor1
        ctx.claims.append(replace(claim, statement=_said_text(who, parts)))


_PERFORMATIVE = {"declare", "proclaim"}  # "declaring that the president had been removed"


_PHRASAL_SPEECH = {
    "speak": ("prep", {"of", "about"}),  # "spoke of a tactical withdrawal of its troops"
    "put": ("dobj", {"blame"}),  # "officials put the blame on the rebels"
    "lay": ("dobj", {"blame"}),  # "laid the blame on the militia"
}


def _speech_verb(tok: Any) -> bool:
    """A statement verb, or a verb that speaks only with its words: "spoke of", "put the
    blame on" ("spoke to reporters", "put the town under curfew" say nothing)."""
    lemma = tok.lemma_.lower()
    if lemma in _STATEMENT_VERBS:
        return True
    dep, words = _PHRASAL_SPEECH.get(lemma, ("", set()))
    return any(
        c.dep_ == dep
        and c.lemma_.lower() in words
        and not any(t.like_num for t in c.subtree)  # "spoke of 25 dead": a toll, a source
        for c in tok.children
    )


_NAMING_VERBS = {"call", "describe", "brand", "label", "term", "dub"}


def _names_it(verb: Any, words: list[Any]) -> bool:
    """ "called what had happened genocide": a name given to what happened is the speaker's
    judgement, not its account of an event."""
    return verb.lemma_.lower() in _NAMING_VERBS and any(t.dep_ == "oprd" for t in words)


_CROWDS = {"protester", "demonstrator"}
_CROWD_VERBS = {"accuse", "blame", "condemn", "urge", "vow"}  # (its demands are the protest)


def _crowd_accuses(subj: Any, verb: Any) -> bool:
    """ "The protesters accused France of failing to stop the attacks": whom a crowd accuses
    or blames is its statement (what it says happened is only a witness's account)."""
    return subj.lemma_.lower() in _CROWDS and verb.lemma_.lower() in _CROWD_VERBS


def _claimer(tok: Any) -> Any:
    """Who claims or blames: "X claimed responsibility", "was claimed by X", "X blamed ..."."""
    who = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    by = next((c for c in tok.children if c.dep_ == "agent"), None)
    if who is None and by is not None:
        who = next((t for t in by.children if t.dep_ == "pobj"), None)
    return who


def _cite_for_perpetrated(ctx: _Ctx, before: list[Claim], subj: Any) -> None:
    """ "IS claimed the attack", "the Observatory attributed the strike to X": whoever names
    the perpetrator is one more source of each event that took the perpetrator (ACLED lists
    the claiming group among the sources)."""
    if subj is None or subj.lower_ in _PRONOUNS:
        return
    changed = [
        j for j, old in enumerate(before) if j < len(ctx.claims) and ctx.claims[j] is not old
    ]
    phrase = _phrase_full(subj)
    ref = _source_ref(ctx, phrase) if changed and phrase else None
    if ref is None:
        return
    for j in changed:
        claim = ctx.claims[j]
        if claim.kind == "event" and ref not in claim.sources:
            ctx.claims[j] = replace(claim, sources=(*claim.sources, ref))


def _cite_for_last_event(ctx: _Ctx, subj: Any) -> None:
    """A party's account of what happened, in a sentence that tells no new event, is one
    more source of the event the report told last."""
    phrase = _phrase_full(subj)
    if phrase.lower() in _PRONOUNS:
        phrase = _antecedent(ctx, "person" if phrase.lower() in ("he", "she") else "party")
    ref = _source_ref(ctx, phrase) if phrase else None
    if ref is None:
        return
    for j in range(len(ctx.claims) - 1, -1, -1):
        claim = ctx.claims[j]
        if claim.kind == "event":
            if ref not in claim.sources:
                ctx.claims[j] = replace(claim, sources=(*claim.sources, ref))
            return


def _not_a_statement(tok: Any) -> bool:
    """ "an assault in which officials say 1,000 died" (a source of the toll), "what it called
    the stockpiles" (a description), "Rwanda denies backing the group and says ..." (a denial)."""
    if tok.dep_ in ("relcl", "acl"):
        return True
    if any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.children) and not _says_future(tok):
        return True  # "Israel had told civilians to move": background to the report
    if any(c.lower_ in ("what", "which") and c.dep_ in ("dobj", "nsubj") for c in tok.children):
        return True
    if _names_it(tok, list(tok.subtree)):
        return False  # "denied any role, calling the dead men heroes": a judgement of its own
    return (
        tok.dep_ in ("conj", "advcl")
        and tok.head.lemma_.lower() in triggers().deny_verbs
        and tok.lemma_.lower() not in _OWN_AFTER_DENIAL
    )


# "The TPLF denied any part and demanded an inquiry": a demand or a warning after a denial is
# a statement of its own (what it "says" explains the denial; whom it accuses of the act
# denied is its denial: "denied firing on the camps and accused the army of the attack")
_OWN_AFTER_DENIAL = {"demand", "urge", "condemn", "warn", "vow", "pledge", "promise"}


def _says_future(verb: Any) -> bool:
    """ "had said she would veto the law": what was said earlier is still an intention."""
    return any(
        a.dep_ == "aux" and a.lower_ in ("would", "will", "'d", "'ll")
        for c in verb.children
        if c.dep_ == "ccomp"
        for a in c.children
    )


def _denies(verb: Any) -> bool:
    """ "Ukraine rejected the claim", "called those claims lies": a denial, kept with the event
    it denies (fw_denied_by), not a statement of its own."""
    if _calls_a_lie(verb):
        return True
    if verb.lemma_.lower() not in triggers().deny_verbs:
        return False
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    return obj is not None and obj.lemma_.lower() in _DENIED_NOUNS


def _past_account(words: list[Any]) -> bool:
    """ "its last troops had crossed the river", "the drone had not been intercepted": what a
    speaker says had happened is its account of an event (a source), not something said
    but not done; a hedge, a modal or a condition keeps it a statement."""
    heads = [
        t for t in words if t.dep_ in ("ccomp", "conj", "advcl", "ROOT") or t.head not in words
    ]
    for head in heads[:1]:
        passive = any(c.dep_ == "auxpass" for c in head.children)
        if head.pos_ not in ("VERB", "AUX") or (
            head.lemma_.lower() in _STATEMENT_VERBS and not passive
        ):
            return False
        if _hedged(head):
            return False
        auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children)
        if not auxes and head.dep_ == "conj" and (not own_subject or head.tag_ == "VBN"):
            # "the borders had been closed and a curfew imposed": the auxiliary is shared
            auxes = [c for c in head.head.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ == "had" for a in auxes):
            return True
        if head.lower_ == "had" and any(  # "it had no combat tasks in Kramatorsk"
            d.lower_ == "no" for c in head.children if c.dep_ == "dobj" for d in c.children
        ):
            return True
    return False


def _speech_chain(tok: Any) -> list[Any]:
    """The speech verb and the speech verbs coordinated with it or hung under it as
    "..., saying ...": one speaker's words."""
    out = [tok]
    for c in tok.children:
        if (
            c.pos_ == "VERB"
            and c.lemma_.lower() in _STATEMENT_VERBS
            and (c.dep_ == "conj" or (c.dep_ == "advcl" and c.tag_ == "VBG"))
            and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)
        ):  # "Khamenei said ..., and Raisi said ...": two speakers, two statements
            out.extend(_speech_chain(c))
    return out


_SAID_DEPS = ("ccomp", "dobj", "xcomp", "prep", "oprd", "dative")


def _said_parts(verb: Any) -> list[list[Any]]:
    """The verb's own words (object, complement), each coordinated clause of its complement
    apart ("that X had withdrawn and that the war was not over")."""
    parts: list[list[Any]] = []
    own = [verb]
    for c in verb.children:
        if c.dep_ not in _SAID_DEPS or (c.dep_ == "prep" and _circumstance(c)):
            continue
        if c.dep_ in ("dobj", "dative") and verb.lemma_.lower() in _HEARER_VERBS:
            continue  # "told state television that ...": whom it was told, not what
        if c.dep_ == "ccomp":
            parts.extend(_clauses(c))
        else:
            own.extend(c.subtree)
    for c in verb.children:  # "wrote on social media that the gains would be protected"
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.subtree):
            parts.extend(_clauses(c))
        if c.dep_ == "prep":  # "said in a statement that its fighters would protect ..."
            for pobj in (x for x in c.children if x.lemma_.lower() in _MEDIUM_NOUNS):
                for acl in (x for x in pobj.children if x.dep_ == "acl"):
                    if any(m.dep_ == "mark" and m.lower_ == "that" for m in acl.children):
                        parts.extend(_clauses(acl))
    if len(own) > 1:
        parts.insert(0, own)
    return parts


_HEARER_VERBS = {"tell", "brief", "inform", "assure", "notify"}


_MEDIUM_NOUNS = {
    "statement", "message", "speech", "interview", "video", "post", "media", "conference",
    "briefing", "broadcast", "address", "time", "telegram", "radio", "television", "letter",
    "report", "article", "column", "op-ed", "tweet", "stream", "station", "channel", "website",
    "account", "platform",
}  # fmt: skip


_SETTING_PREPS = {"in", "at", "during", "after", "before", "since", "near", "from", "by", "amid"}


def _circumstance(prep: Any) -> bool:
    """ "said on Friday", "said in a statement", "at the time": when or how, not what."""
    if prep.lower_ in _SETTING_PREPS:
        return True  # "said in the worst bloodshed since ...": where or when, not what
    pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    if pobj is None:
        return True
    return pobj.ent_type_ in ("DATE", "TIME") or bool(
        {pobj.lemma_.lower(), pobj.lower_} & _MEDIUM_NOUNS
    )


def _clauses(head: Any) -> list[list[Any]]:
    """A clause and each clause coordinated with it, as separate word lists."""
    conj = [
        c
        for c in head.children
        if c.dep_ == "conj"
        and c.pos_ in ("VERB", "AUX")
        and (
            any(x.dep_ in ("nsubj", "nsubjpass", "expl") for x in c.children)
            or c.lemma_.lower() in _STATEMENT_VERBS
        )
    ]  # "had seized X and were in full control": one clause; "... and accused him": two
    skip = {t.i for c in conj for t in c.subtree}
    skip |= {c.i for c in head.children if c.dep_ == "cc" and conj}
    first = [t for t in head.subtree if t.i not in skip]
    out = [first]
    for c in conj:
        out.extend(_clauses(c))
    return out


def _reports_toll(words: list[Any]) -> bool:
    """ "the health ministry said six people had been killed": a toll, the source of an event
    (not a relative clause recalling another one: "the attack on Saturday, which killed 12")."""
    ids = {t.i for t in words}
    words = [t for t in words if not any(a.dep_ == "relcl" and a.i in ids for a in t.ancestors)]
    words = [t for t in words if t.dep_ != "relcl"]
    text = " ".join(t.text for t in words)
    if fatalities(text)[1] != "none":
        return True
    lemmas = {t.lemma_.lower() for t in words} | {t.lower_ for t in words}
    if lemmas & {"body", "bodies", "toll"}:
        return True
    return bool(lemmas & _DEATH_VERBS and any(t.like_num or t.lower_ == "others" for t in words))


def _said_text(who: str, parts: list[tuple[Any, list[Any]]]) -> str:
    pieces = []
    for _, words in parts:
        ids = sorted(t.i for t in words)
        doc = words[0].doc
        pieces.append(" ".join(doc[i].text for i in ids if doc[i].dep_ != "punct" or i != ids[-1]))
    return f"{who}: {'; '.join(pieces)}".strip(": ")


_NOT_PARTIES = {
    "local", "other", "some", "supporter", "resident", "witness", "family", "church",
    "federation", "union", "charity", "worker", "doctor", "protester",
}  # fmt: skip


def _named_party(subj: Any, ctx: _Ctx) -> bool:
    """A person, a named actor or a spokesperson (not "witnesses" or "officials")."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children):
        return False  # "No group said it had planted the bomb"
    words = {t.lemma_.lower() for t in subj.subtree}
    if subj.lemma_.lower() == "coordinator":
        words.discard("resident")  # "the UN resident coordinator": a title, not residents
    if words & _NOT_PARTIES:
        return False  # "local authorities", "supporters": not parties
    if subj.lemma_.lower() in ("group", "organisation", "organization") and any(
        c.lower_ == "rights" for c in subj.children
    ):
        return False  # "rights groups": monitors, sources of what they document
    if words & _SPOKESPEOPLE:
        return True
    if any(t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in subj.subtree):
        return True
    if (subj.pos_ == "PROPN" and subj.text[:1].isupper()) or (
        subj.text.isupper() and len(subj.text) >= 3
    ):
        return True  # "ECOWAS said ...": a name the tagger gave no entity type
    info, _ = _actors_of(subj, ctx)
    return info is not None and info.name in actor_table().actors


def _statement_text(ctx: _Ctx, verb: Any) -> str:
    """The speaker (a pronoun or bare role as the one it stands for) and the verb's words."""
    who = _clean_who(_speaker_phrase(ctx, _speaker(verb)))
    parts = [verb.text] + [
        _span_text(c, list(c.subtree))
        for c in verb.children
        if c.dep_ in ("dobj", "dative", "xcomp", "ccomp", "prep", "oprd")
        or (c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children))
    ]
    return f"{who}: {' '.join(parts)}".strip(": ")


_REFERRING = {"the", "these", "those", "such", "this", "that"}
_REPORTED_LEMMAS = frozenset({"report", "claim", "allege", "circulate", "rumour", "rumor", "post"})


def _drop_refuted(ctx: _Ctx, sent: Sentence) -> None:
    """ "Local media reported that rebels had captured X. The army said the reports were
    false": a report later refuted is no event (the events of the refuted report's sentence
    are dropped; a plain denial keeps its event, see fw_denied_by)."""
    table = triggers()
    if _words(ctx, sent).lemmas.isdisjoint(table.refuted_words):
        return
    if not any(
        _called_untrue(t, table.account_nouns, table.refuted_words)
        and any(c.dep_ in ("det", "poss") and c.lower_ in _REFERRING for c in t.children)
        for t in sent.span
    ):
        return
    earlier = [
        j for j, c in enumerate(ctx.claims) if c.kind == "event" and c.sentence_index < sent.index
    ]
    if not earlier:
        return
    told = ctx.claims[earlier[-1]].sentence_index
    told_sent = next((s for s in ctx.seen if s.index == told), None)
    if told_sent is None or _words(ctx, told_sent).lemmas.isdisjoint(_REPORTED_LEMMAS):
        return  # only an account told as a report or a claim is refuted
    for j in reversed(earlier):
        if ctx.claims[j].sentence_index == told:
            del ctx.claims[j]
            ctx.claim_para = {k - (k > j): v for k, v in ctx.claim_para.items() if k != j}


_STILL_HELD = re.compile(
    r"\b(?:remain(?:s|ed)? (?:firmly )?(?:under (?:its|their|our|\w+'s) control|in (?:its|their) hands)"
    r"|still (?:holds?|held|controls?|controlled|in control of))\b",
    re.I,
)
_TERRITORY_SUBTYPES = {
    "Non-state actor overtakes territory",
    "Government regains territory",
    "Non-violent transfer of territory",
}
_HELD_PLACE_NOUNS = {"town", "city", "village", "site", "building", "base", "airport", "area"}


def _attach_still_held(ctx: _Ctx, sent: Sentence) -> None:
    """ "The army said its troops had retaken X. The RSF said it still held the city": a side
    that says it still holds the place denies the change of hands told before (fw_denied_by)."""
    if _absent(sent.text, ("remain", "still")):
        return  # (most sentences) the words the pattern starts with: one scan each
    found = _STILL_HELD.search(sent.text)
    if found is None:
        return
    speech = triggers().speech_verbs
    at = next((t for t in sent.span if t.idx - sent.span[0].idx >= found.start()), None)
    verb = next((a for a in at.ancestors if a.lemma_.lower() in speech), None) if at else None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb else None
    if subj is None:
        return
    ref = _source_ref(ctx, _phrase(subj))
    denier = ref.name if ref is not None else _phrase(subj)
    low = sent.text.lower()
    generic = any(t.lemma_.lower() in _HELD_PLACE_NOUNS for t in sent.span)
    for j in range(len(ctx.claims) - 1, -1, -1):
        claim = ctx.claims[j]
        if claim.kind != "event" or claim.sentence_index > sent.index:
            continue
        if claim.sub_event_type not in _TERRITORY_SUBTYPES:
            continue
        named = any(w and w.lower() in low for p in claim.places for w in (p.name, p.spelled))
        if (named or generic) and denier not in claim.denied_by:
            ctx.claims[j] = replace(claim, denied_by=(*claim.denied_by, denier))
        break
