"""The cross-sentence pass: merging, scenes and the article's claims in order."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from frontwatch.actors import ActorInfo, actor_table, country_name, inter_at
from frontwatch.extract._article._common import (
    _ANAPHORA_NOUNS,
    _ANNOUNCE_VERBS,
    _CIVILIAN_INTER,
    _DEATH_VERBS,
    _KILL_VERBS,
    _MILITARY_WORDS,
    _PRONOUNS,
    _VICTIM_VERBS,
    _WITNESS_VERBS,
    _background,
    _background_heading,
    _background_mark,
    _Ctx,
    _dateline_town,
    _district_of_last_town,
    _drop_locating_areas,
    _is_reference,
    _not_the_scene,
    _refine_coarse_places,
    _words,
)
from frontwatch.extract._article._context import _article_countries, _story_start
from frontwatch.extract._article._dating import _claim_date, _resolve_dates
from frontwatch.extract._article._events import (
    _DECISION_RULES,
    _KILLING_VERBS,
    _LOCALS,
    _OFFICIALS,
    _PERSON_PRONOUNS,
    _SCENE_SENTENCES,
    _SEIZE_VERBS,
    _WITH_VERBS,
    _a_year_earlier,
    _actor_kinds,
    _actors_of,
    _also_hit,
    _anaphoric_event,
    _anaphoric_places,
    _another_day,
    _area_holds,
    _as_forces,
    _bare_toll,
    _belligerents,
    _between,
    _burns_homes,
    _clause_tokens,
    _closing_in,
    _coding,
    _conjoined_speech,
    _conjunct_actor,
    _country_as_forces,
    _country_in_clause,
    _default_opponent,
    _demonym_forces,
    _descriptor,
    _destination_descriptions,
    _destination_tokens,
    _detained_government,
    _dialogue_partner,
    _governments_of,
    _hits_someone,
    _in_lead_period,
    _instrument_kinds,
    _is_history,
    _last_armed_actor,
    _last_striker,
    _migrant_victims,
    _named_in_noun,
    _noun_role,
    _object,
    _office_holder,
    _own_places,
    _passive_subject,
    _people_hit,
    _per_day,
    _per_location,
    _per_site,
    _person_object,
    _person_victim,
    _phrase,
    _prep_target,
    _protest_scene,
    _purpose_clause,
    _purpose_target,
    _regional,
    _restates_coarse,
    _retold_in_passive,
    _same_side,
    _scene_places,
    _seat_of_government,
    _second_demonym_forces,
    _security_forces_as_police,
    _sentence_neighbour_places,
    _sides_version,
    _specific_places,
    _speech_subject,
    _state_of_teller,
    _subject,
    _the_capital,
    _toll_elsewhere,
    _unresolved,
    _victim_count,
    _victim_group,
    _victims,
    _who_tells,
    _with_party,
    _within,
    per_day_note,
)
from frontwatch.extract._article._modality import _intent_holder, _modality, _relative_head_places
from frontwatch.extract._article._sentences import (
    _AGREEMENT_TERMS,
    _ARMED_DEAD,
    _DENIAL_LEMMAS,
    _DENIED_NOUNS,
    _DENY_STEMS,
    _FOUR_DIGITS,
    _GENERIC_ATTACKS,
    _LATER_FIGHTING,
    _REPEL_VERBS,
    _REPELLED_NOUNS,
    _UNCONFIRMED_NOUNS,
    _VIOLENT_FAMILIES,
    _antecedent_towns,
    _background_toll,
    _blocked_tokens,
    _calls_a_lie,
    _captives_of_toll,
    _celebration,
    _civilian_target,
    _claim_modality,
    _claim_with_its_own_content,
    _come_under,
    _find_triggers,
    _finds,
    _habitual,
    _hedged,
    _merchant_ship,
    _not_confirmed,
    _noun_rule,
    _noun_verb,
    _noun_verb_modality,
    _object_lemmas,
    _old_news,
    _ongoing_claim,
    _own_clause_lemmas,
    _own_other_version,
    _propn_object,
    _reported_situation,
    _speech_head,
    _state_forces_of,
    _towns_among_areas,
    _verb_rule,
    under_fire_agent,
    under_fire_verb,
)
from frontwatch.extract._article._sources import _according_to, _phrase_full, _source_ref, _sources
from frontwatch.extract._article._statements import (
    _attach_blame,
    _attach_still_held,
    _drop_refuted,
    _intent_of_party,
    _promise_and_quote_statements,
    _scene_act,
    _statement,
)
from frontwatch.extract._dates import DateMention, find_dates
from frontwatch.extract._numbers import WORD_NUMBERS, _value, count_numbers, fatalities
from frontwatch.extract._places import (
    ArticlePlaces,
    PlaceMention,
    find_places,
)
from frontwatch.extract._replace import replace
from frontwatch.extract._tables import (
    TriggerRule,
    one_sided_sub_types,
    triggers,
)
from frontwatch.geo import Gazetteer, demonym_country
from frontwatch.nlp import Sentence, is_dateline
from frontwatch.types import Article, Claim, Place, SourceRef, Span


def extract_claims(article: Article, sentences: list[Sentence], gaz: Gazetteer) -> list[Claim]:
    countries = _article_countries(article, sentences, gaz)
    sentence_dates = [find_dates(sent.text, article.published) for sent in sentences]
    ctx = _Ctx(
        article=article,
        gaz=gaz,
        countries=countries,
        main_country=countries[0] if countries else "",
        story_start=_story_start(article, sentence_dates),
        sentence_dates=sentence_dates,
        mentioned=actor_table().mentions(article.text),
    )
    ctx.geo = ArticlePlaces(gaz, sentences, countries, article.text)
    for sent in sentences:
        if sent.paragraph == 0 and article.title and sent.text.strip() == article.title.strip():
            continue  # the headline repeats the body
        if sent.paragraph <= 2 and is_dateline(sent.text):
            ctx.dateline_town = _dateline_town(ctx, sent.text)
            continue  # where the reporter files from, not where anything happened
        if _background_heading(sent):
            ctx.background = True  # the rest of the report recalls the war
            continue
        _sentence_claims(ctx, sent)
    if len({culprit for _, culprit in ctx.blamed.values()}) > 1:
        for j, (before, _) in ctx.blamed.items():  # each side blames the other: unidentified
            if j >= 0:  # (negative keys only record a blame on an unnamed actor)
                ctx.claims[j] = before
    _refine_coarse_places(ctx)
    _resolve_dates(ctx)
    return _state_captures(_apply_suicide_means(ctx, _merge_within_article(ctx.claims)))


def _sentence_claims(ctx: _Ctx, sent: Sentence) -> None:
    span = sent.span
    blocked = _blocked_tokens(sent, ctx)
    places = find_places(sent, ctx.gaz, ctx.countries, blocked, ctx.article.text, ctx.geo)
    if ctx.last_places:
        places = [_district_of_last_town(ctx, span.doc, m) for m in places]
    first = next((m.place.country for m in places if m.place.country), "") if places else ""
    if not ctx.main_country and first:
        # a report with no demonym or country name: its first town says where it is (a
        # region such as "West Africa" has no country)
        ctx.main_country = first
        ctx.countries = (ctx.main_country,)
    dates = ctx.sentence_dates[sent.index]
    # a background box tells no current event (its statements are still read)
    found_triggers = [] if ctx.background else _find_triggers(span)
    statements_done: set[int] = set()
    event_toks: set[int] = set()  # triggers that became events: what a speaker reports
    old_news = _old_news(ctx, dates)
    terms = bool(found_triggers) and _AGREEMENT_TERMS.match(span.text) is not None
    ctx.here_towns = [(m.place, m.end) for m in places if m.place.feature == "city"]
    for rank, (tok, rule, how) in enumerate(found_triggers):
        verdict = _modality(tok, span)
        if verdict == "event" and how == "casualty-noun":
            verdict = _noun_verb_modality(tok)
        if verdict == "skip" or _celebration(tok, rule) or _background(tok) or _habitual(tok):
            continue
        if verdict == "event" and not _hedged(tok) and not rule.front_only:
            # told as done: a source's account, never a statement ("X was 5 km from Y" only
            # once it is a front position: "the killing was an attack" is no account)
            event_toks.add(tok.i)
        if verdict == "event" and _ongoing_claim(tok, how):
            verdict = "claimed"
            if tok.i not in statements_done:
                statements_done.add(tok.i)
                ctx.claims.append(_statement(ctx, sent, _speech_head(tok) or tok, "claimed"))
            continue
        if old_news and verdict != "event":
            continue  # "fell out over plans to merge ... in October 2021": history
        if terms:
            continue  # "Under the agreement, Israeli troops are to pull out ...": terms
        if not dates and _reported_situation(tok):
            continue  # "UN experts say Rwandan troops are fighting alongside the M23"
        if _bare_toll(ctx, tok, found_triggers, places, dates):
            if (
                _one_toll(found_triggers, tok)
                and ctx.claims
                and not _background_toll(ctx, sent, dates)
            ):
                _add_toll_to_previous(ctx, sent, tok)  # "Three people were killed, X said."
            continue  # "... were killed when a missile hit", "20 were killed across Kyiv"
        if how == "light-verb" and not places and not dates and _retold_attack(ctx, tok):
            continue  # "Ukraine said Russian forces had staged the attack themselves": a blame
        if verdict in ("intended", "threatened", "promised"):
            holder = _intent_holder(tok)
            if not _intent_of_party(ctx, holder):
                continue  # "those who wanted to leave", "residents feared": no party's word
            if holder is not None and holder.i not in statements_done:
                statements_done.add(holder.i)
                ctx.claims.append(_statement(ctx, sent, holder, verdict))
            continue
        claim = _event_claim(ctx, sent, tok, rule, how, places, dates, rank, found_triggers)
        if claim is None and how == "verb" and rule.requires_actor1_inter:
            # "residents left the town": not the armed party the rule wants; the next rule
            # naming the verb may fit (displacement)
            then = _verb_rule(tok, rule)
            if then is not None:
                rule = then
                claim = _event_claim(ctx, sent, tok, rule, how, places, dates, rank, found_triggers)
        if verdict == "attempted":
            claim = _attempted_fight(claim)
        if claim is not None and (
            _own_other_version(ctx, claim) or _sides_version(ctx, tok, claim)
        ):
            holder = _speech_head(tok) or tok
            if holder.i not in statements_done:
                statements_done.add(holder.i)
                ctx.claims.append(_statement(ctx, sent, holder, "claimed"))
            continue
        if claim is not None:
            event_toks.add(tok.i)
            split = _per_location(claim, rule)
            if len(split) == 1:
                split = _per_day(claim, rule, sent, places, dates)
            if len(split) == 1:
                split = _per_site(claim, rule, sent, places, tok)
            for one in split:
                ctx.claim_para[len(ctx.claims)] = sent.paragraph
                ctx.claims.append(one)
    _promise_and_quote_statements(ctx, sent, statements_done, event_toks)
    _attach_denials(ctx, sent, found_triggers)
    _drop_refuted(ctx, sent)
    _attach_still_held(ctx, sent)
    _attach_blame(ctx, sent)
    if (
        # ("the number of dead is in the hundreds": a copula read for who holds a place)
        (
            all(tok.lemma_ == "be" and not _claims_of(ctx, sent) for tok, _, _ in found_triggers)
            or (
                _TOLL_NOUN_RUN.search(sent.text) is not None
                and not _claims_of(ctx, sent)
                and not any(t.lemma_ in _DEATH_VERBS for t, _, _ in found_triggers)
            )
        )  # "the number of dead had reached 40": "reached" is no front here
        and ctx.claims
        and not ctx.background
        and not _background_toll(ctx, sent, dates)
    ):
        _add_toll_to_previous(ctx, sent, span.root)  # "A local official put the toll at 80."
    ctx.seen.append(sent)
    if places:
        ctx.last_places = _antecedent_towns(sent, places) or ctx.last_places
        ctx.sentence_towns[sent.index] = [m.place for m in places if m.place.feature == "city"]
        if _towns_among_areas(sent, places):
            ctx.sentence_areas.add(sent.index)


def _act_named(doc: Any, m: PlaceMention, tok: Any) -> bool:
    """ "completed the capture of Vuhledar": the place of the act the trigger's own object
    names (not "after the capture of Hama", a reference to an earlier one)."""
    noun = doc[m.start : m.end].root.head.head
    return noun.head == tok and noun.dep_ in ("dobj", "obj")


def _claims_of(ctx: _Ctx, sent: Sentence) -> list[Claim]:
    return [c for c in ctx.claims if c.sentence_index == sent.index]


def _blast_venue(noun: Any) -> Any:
    """Where a blast noun says it went off ("the explosion at a convention", "a suicide
    bombing near a mosque", "the explosion of a suicide bomber near a mosque"): that
    place's noun, whose kind (a civilian target) names who was hit."""
    for head in (noun, *(c for p in noun.children if p.lower_ == "of" for c in p.children)):
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("at", "near", "outside", "inside"):
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    return None


_DATELINE_FAMILIES = {"clash", "remote", "civilians", "protest", "riot"}


def _dateline_fallback(
    ctx: _Ctx,
    sent: Sentence,
    tok: Any,
    rule: TriggerRule,
    places: list[PlaceMention],
    dates: list[DateMention],
) -> list[Place]:
    """A fight, strike, attack or protest told in a sentence that names no place (a foreign
    country named as a party, "a US drone strike", is none), and that follows no event placed
    nearby, happened in the dateline's town when that town is in the report's country
    ("KABUL, Aug 30 - ... On Sunday, a US drone strike hit a vehicle near the airport"): the
    wire's reporter files from where the story is. Not when the report's events so far are
    in other towns ("MAIDUGURI - ... bombings in Gwoza": its placeless retellings are those),
    nor for what a party says or denies it did ("saying its fighters had targeted officials",
    "denied targeting the cathedral"), nor, undated, after an event of its type ("Several
    residential buildings were hit": the strike told before), nor for a war's toll ("have
    killed thousands since 2015") or crowds gathering (as `_scene_places`)."""
    town = ctx.dateline_town
    if town is None or rule.family not in _DATELINE_FAMILIES or rule.front_only:
        return []
    if rule.name == "gathering" or _background_mark(tok) or _background_toll(ctx, sent, dates):
        return []
    if any(m.place.feature != "country" or m.place.country == town.country for m in places):
        return []  # the sentence names a place of its own
    if not ctx.main_country or town.country != ctx.main_country:
        return []  # "NAIROBI - ... in Somalia": filed from a neighbour
    speech = _speech_head(tok)
    if speech is not None and speech.i < tok.i:
        return []  # "X said its jets had struck ...": X's account
    if any(_DENY_STEMS.match(a.lemma_) for a in tok.ancestors):
        return []
    for claim in ctx.claims:
        if claim.kind != "event" or claim.rule.split("/")[0] in _DECISION_RULES:
            continue  # (a ceasefire ordered at the capital: no event told in another town)
        if any(p.feature == "city" and p.geonameid != town.geonameid for p in claim.places):
            return []
        if not dates and claim.event_type == rule.event_type:
            return []
    return [town]


def _nationwide(doc: Any, clause: set[int]) -> bool:
    """ "in the whole country", "across the country", "nationwide"."""
    for i in sorted(clause):
        t = doc[i]
        if t.lower_ == "nationwide":
            return True
        if t.lower_ == "country" and t.dep_ == "pobj" and t.head.lower_ in _ACROSS:
            return t.head.lower_ != "in" or any(c.lower_ in ("whole", "entire") for c in t.children)
    return False


_ACROSS = frozenset({"in", "across", "throughout"})


def _target_country(ctx: _Ctx, target: Any, striker: ActorInfo | None) -> list[Place]:
    """ "Thai F-16 fighters struck two Cambodian military targets": a strike told with no place
    hit the country its target belongs to (precision 3), when that is not the striker's."""
    if target is None:
        return []
    for mod in target.children:
        code = demonym_country(mod.text) if mod.dep_ in ("amod", "compound") else ""
        if code and (striker is None or striker.country != code):
            place = ctx.gaz.country(code)
            return [replace(place, spelled=mod.text)] if place is not None else []
    return []


def _enumerates(appos: Any) -> bool:
    """ "struck bombers at four air bases, among them the Olenya base near Olenegorsk": the
    apposition lists where it happened, it does not describe who or what was hit."""
    return any(c.dep_ == "prep" and c.lower_ in ("among", "including") for c in appos.children)


def _after_the_event(tok: Any) -> bool:
    """ "were arrested during the search operations after the attack": tied to the event."""
    return any(
        t.dep_ == "prep" and t.lower_ in ("after", "during", "following")
        for c in tok.children
        for t in c.subtree
    )


def _arrester(ctx: _Ctx, span: Any, tok: Any, country: str) -> ActorInfo | None:
    """Who made an arrest told in the passive with no agent ("dozens were arrested"): the
    state force that tells it ("according to the army"), else the country's police."""
    speaker = _speech_subject(tok)
    tellers = [_actors_of(speaker, ctx)[0]] if speaker is not None else []
    tellers += [
        actor_table().resolve(ref.name, ctx.main_country, ctx.article.published)
        for ref in _according_to(ctx, span)
    ]
    force = next((t for t in tellers if t is not None and t.inter == 1), None)
    if force is not None and not force.name.startswith("Government of"):
        return force
    return _descriptor("police", country)


def _attempted_fight(claim: Claim | None) -> Claim | None:
    """ "attempted to storm Krynky", "tried to attack the positions": the attack was made and
    failed, an armed clash (ACLED); an attempt at anything but a battle is no event."""
    if claim is None or claim.event_type != "Battles":
        return None
    return replace(claim, sub_event_type="Armed clash", rule=f"{claim.rule}/attempt")


_TOLD_PRONOUNS = {"this", "that", "it"}  # "The RSF denied this": the account told before


def _attach_denials(ctx: _Ctx, sent: Sentence, found: list[tuple[Any, TriggerRule, str]]) -> None:
    """ "Russia's Defence Ministry denied striking the station", "Ukraine rejected the claim":
    the denial stays with the event it denies (fw_denied_by); the event is not dropped."""
    table = triggers()
    lemmas = _words(ctx, sent).lemmas
    if lemmas.isdisjoint(table.deny_verbs) and lemmas.isdisjoint(_DENIAL_LEMMAS):
        return  # no deny verb, no "called it a lie", no "did not confirm"
    if not _finds(_DENY_STEMS, sent.text):
        return  # one scan of the text instead of a walk over every token
    for tok in sent.span:
        unconfirmed = _not_confirmed(tok)
        if tok.lemma_.lower() not in table.deny_verbs and not _calls_a_lie(tok) and not unconfirmed:
            continue
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and any(t.lemma_.lower() in table.rumour_words for t in subj.subtree):
            continue  # "Rumours that troops had crossed were dismissed": no event was told
        if subj is not None and subj.dep_ == "nsubjpass":
            # "The reports were dismissed by officials": the officials deny
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if subj is None and unconfirmed and tok.dep_ == "xcomp":
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subj is None:
            continue
        ref = _source_ref(ctx, _phrase(subj))
        denier = ref.name if ref is not None else _phrase(subj)
        # "did not confirm the loss and said its troops repelled 24 attacks": a verb
        # coordinated with the denial is a clause of its own
        other = {t.i for c in tok.children if c.dep_ == "conj" for t in c.subtree}
        scope = {t.i for t in tok.subtree} - other
        rules = {rule.name for t, rule, _ in found if t.i in scope}
        objects = {t.lemma_.lower() for t in tok.subtree if t.i in scope}
        told = any(c.dep_ in ("dobj", "obj") and c.lower_ in _TOLD_PRONOUNS for c in tok.children)
        told = told or _account_told_before(tok)  # "rejected this version"
        if (
            not rules
            and not told
            and not objects & (_DENIED_NOUNS | (_UNCONFIRMED_NOUNS if unconfirmed else set()))
        ):
            continue
        if not rules and _claim_with_its_own_content(tok, scope):
            continue  # "China rejected claims that it had supplied drones": no told event
        for j in range(len(ctx.claims) - 1, -1, -1):
            claim = ctx.claims[j]
            if claim.kind != "event" or (not rules and claim.sentence_index == sent.index):
                continue  # "did not confirm the loss ... and said its troops repelled ...":
                # the noun denied is an event told before, not the sentence's own
            if told and not rules and _retelling_as_statement(ctx, j, sent):
                break
            if denier not in claim.denied_by:
                ctx.claims[j] = replace(claim, denied_by=(*claim.denied_by, denier))
            break


_VERSION_NOUNS = {"version", "account", "claim", "claims", "statement", "assertion"}


def _account_told_before(tok: Any) -> bool:
    """ "Kyiv rejected this version", "Hamas denied the claim": the account just told."""
    return any(
        c.dep_ in ("dobj", "obj")
        and c.lemma_.lower() in _VERSION_NOUNS
        and any(d.dep_ == "det" and d.lower_ in _REFERRING_DETS for d in c.children)
        for c in tok.children
    )


_REFERRING_DETS = {"this", "that", "the", "these", "such"}


def _retelling_as_statement(ctx: _Ctx, j: int, sent: Sentence) -> bool:
    """ "A Russian drone struck a bus near Bilopillia ... The ministry said its forces had struck
    a staging area in the Sumy region. Kyiv rejected this version": the doer's undated account,
    in the sentence before the rejection, of an act of the kind the report already told and
    dated is its version of that act, a statement (ACLED codes the act once)."""
    claim = ctx.claims[j]
    if claim.date is not None or claim.sentence_index != sent.index - 1:
        return False
    if not claim.sources or all(src.name == "publisher" for src in claim.sources):
        return False  # told by the report itself, not by a party
    told = next((s for s in ctx.seen if s.index == claim.sentence_index), None)
    if told is None:
        return False
    root = told.span.root
    if root.lemma_.lower() not in triggers().speech_verbs:
        return False
    if not claim.actor1:
        if not _doers_state_told(ctx, j, root):
            return False
    elif not _self_told(root) or not any(
        other.kind == "event"
        and other.date is not None
        and other.actor1 == claim.actor1
        and other.event_type == claim.event_type
        for other in ctx.claims[:j]
    ):
        return False
    said = _statement(ctx, told, root, "claimed")
    if any(
        c.kind == "statement" and c.sentence_index == told.index and c.actor1 == said.actor1
        for c in ctx.claims
    ):  # the party's claim of its own deed is already its statement
        del ctx.claims[j]
        return True
    ctx.claims[j] = said
    return True


_EXECUTION_VERBS = {"execute", "kill", "shoot", "massacre", "murder", "slaughter"}


def _seized_to_kill(tok: Any) -> bool:
    """ "troops rounded up and executed the men": an arrest verb joined to a killing verb on
    one shared object (only one of the two has it) is the killing's first step."""
    objects = ("dobj", "obj")
    own = any(c.dep_ in objects for c in tok.children)
    return any(
        c.dep_ == "conj"
        and c.lemma_.lower() in _EXECUTION_VERBS
        and own != any(d.dep_ in objects for d in c.children)
        for c in tok.children
    )


_CONFIRM_VERBS = {"confirm", "acknowledge", "admit"}


def _confirms_told_event(tok: Any) -> bool:
    """ "confirmed the attack", "acknowledged the strike": a definite event noun a teller
    confirms, with no place of its own inside the noun (the told event, not a new one)."""
    if tok.dep_ != "dobj" or tok.head.lemma_.lower() not in _CONFIRM_VERBS:
        return False
    preps = [c for c in tok.children if c.dep_ == "prep"]
    if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
        return not preps
    # "confirmed heavy fighting around the town": the town the report told, not a new place
    return len(preps) == 1 and _the_told_town(preps[0])


def _the_told_town(prep: Any) -> bool:
    """ "around the town", "in the city": a preposition on a definite town word alone."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return (
        pobj is not None
        and pobj.lemma_.lower() in _ANAPHORA_NOUNS
        and [c.lower_ for c in pobj.children] == ["the"]
    )


_ARMED_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def _last_told_event(ctx: _Ctx, rule: TriggerRule) -> int | None:
    """The report's last placed event of the rule's type (any armed type for an armed rule)."""
    armed = rule.event_type in _ARMED_TYPES
    for j in range(len(ctx.claims) - 1, -1, -1):
        claim = ctx.claims[j]
        if claim.kind != "event" or not claim.places:
            continue
        if claim.event_type == rule.event_type or armed and claim.event_type in _ARMED_TYPES:
            return j
    return None


def _doers_state_told(ctx: _Ctx, j: int, root: Any) -> bool:
    """ "A Russian missile hit the mall ... Russia's defence ministry claimed that precision
    weapons had struck an arms depot nearby. Kyiv rejects this version": a doerless act told
    by the state whose forces did the act the report already dated is that state's version."""
    speaker = next((c for c in root.children if c.dep_ == "nsubj"), None)
    state = _state_of_teller(speaker, ctx) if speaker is not None else ""
    claim = ctx.claims[j]
    return bool(state) and any(
        other.kind == "event"
        and other.date is not None
        and other.event_type == claim.event_type
        and _state_forces_of(other.actor1) == state
        for other in ctx.claims[:j]
    )


_SELF = {"it", "they", "we"}
_SELF_POSS = {"its", "their", "our"}


def _self_told(speech: Any) -> bool:
    """ "said its forces had struck", "said it had hit": the speaker tells its own act."""
    return any(
        t.dep_ in ("nsubj", "nsubjpass")
        and t.head is not speech
        and (
            t.lower_ in _SELF
            or any(c.dep_ == "poss" and c.lower_ in _SELF_POSS for c in t.children)
        )
        for t in speech.subtree
    )


_TOLL_UPDATE = re.compile(
    r"\b(?:rose|rises|risen|climbed|climbs|has climbed|increased|jumped|reached)\s+to\b", re.I
)


# a running toll told as its subject: "the number of dead had reached 40", "the toll rose to 9"
_TOLL_NOUN_RUN = re.compile(
    r"\b(?:number of (?:the )?(?:dead|deaths|victims|those killed)|death toll|toll)\s+"
    r"(?:has |had )?(?:reached|rose|risen|climbed|increased|jumped)\b",
    re.I,
)


_WOUND_LEMMAS = frozenset(_DEATH_VERBS - {"kill", "die"})  # injure, wound, hurt, maim


def _one_toll(found: list[tuple[Any, TriggerRule, str]], tok: Any) -> bool:
    """The sentence's one death count: its only trigger, or its death verb beside the
    wounded ("one person was killed and four were injured")."""
    if len(found) == 1:
        return True
    deaths = [t for t, _, _ in found if t.lemma_.lower() not in _WOUND_LEMMAS]
    return len(deaths) == 1 and deaths[0].i == tok.i


def _add_toll_to_previous(ctx: _Ctx, sent: Sentence, tok: Any, target: int | None = None) -> None:
    """A death toll in a sentence of its own belongs to the event told just before it (or to
    `target`, the claim whose scene the toll's sentence is)."""
    fat, basis, notes = fatalities(sent.text)
    if basis == "none" and tok.lemma_ in _KILL_VERBS:  # (the wounded are no toll)
        victims = _object(tok)
        if victims is not None:
            fat, basis, notes = fatalities(f"{_phrase(victims)} killed")
    if basis == "none" or _LATER_FIGHTING.search(sent.text):
        return  # "148 died in the fighting that followed": a toll of what came after
    # the report's lead event takes the toll; a second figure for it is another source's:
    # ACLED keeps the lowest and notes the others
    events = [  # strategic developments (arrests, looting, agreements) count no dead
        j
        for j, c in enumerate(ctx.claims)
        if c.kind == "event"
        and c.event_type != "Strategic developments"
        and c.sub_event_type not in one_sided_sub_types()  # (nor a peaceful march)
    ]
    tolled = [j for j in events if ctx.claims[j].fatalities_basis != "none"]
    if not events or (target is not None and target not in events):
        return
    if len(tolled) > 1 and target is None:
        return
    j = target if target is not None else tolled[0] if tolled else events[0]
    here = [i for i in events if ctx.claim_para.get(i) == sent.paragraph]
    if target is None and not tolled and here and ctx.claim_para.get(j) != sent.paragraph:
        # "Last Tuesday, an air strike hit a market in Togoga. ... at least 64 people died":
        # a paragraph that opens with an event of its own keeps its toll
        j = here[0]
    last = events[-1]
    if (
        target is None
        and last != j
        and ctx.claim_para.get(last) == sent.paragraph
        and _area_holds(ctx.claims[last].places, [p for p, _ in ctx.here_towns])
    ):
        j = last  # "Iran fires missiles at Israel; one woman was killed in Ramat Gan": its toll
    if ctx.claims[j].actor2.startswith("Civilians") and _ARMED_DEAD.search(sent.text):
        # "Two soldiers were killed" is no toll of an attack on civilians: it belongs to the
        # last fight told before it
        fights = [i for i in events if not ctx.claims[i].actor2.startswith("Civilians")]
        if not fights or ctx.claims[fights[-1]].fatalities_basis != "none":
            return
        j = fights[-1]
    prev = ctx.claims[j]
    whose = _demonym_forces(tok, ctx) if tok.pos_ in ("NOUN", "PROPN") else None
    if whose is not None and prev.actor1 and not _same_side(whose.name, prev.actor1):
        return  # "14 were killed in the Israeli strikes" after Hezbollah's rockets: not theirs
    found = list(_sources(ctx, sent, tok))
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is not None and tok.lemma_ in (
        "put",
        "give",
        "estimate",
        "say",
        "report",
        "count",
        "tell",
    ):
        ref = _source_ref(ctx, _phrase(subj))  # "A local official put the toll at 80"
        if ref is not None and ref.name == "publisher":  # "the agency SANA put the toll at 9"
            ref = _source_ref(ctx, _phrase_full(subj))
        if ref is not None:
            found.append(ref)
    sources = prev.sources + tuple(
        s for s in found if s not in prev.sources and s.name != "publisher"
    )
    if prev.fatalities_basis != "none" and _TOLL_UPDATE.search(sent.text) and fat > prev.fatalities:
        # "The toll rises to 17 dead": the count updated, not another source's lower one
        note = f"earlier figure: {prev.fatalities}"
        notes = "; ".join(n for n in (prev.fatalities_notes, note) if n)
    elif prev.fatalities_basis != "none":
        low, high = sorted((prev.fatalities, fat))
        note = f"other figures: {high} ({sent.text.strip()[:80]})" if low != high else ""
        notes = "; ".join(n for n in (prev.fatalities_notes, note) if n)
        fat, basis = low, prev.fatalities_basis if low == prev.fatalities else basis
    ctx.claims[j] = replace(
        prev, fatalities=fat, fatalities_basis=basis, fatalities_notes=notes, sources=sources
    )


_TOWARD = {"to", "towards", "toward", "into"}
_GATHERED = {"crowd", "people", "family", "resident", "civilian", "villager", "refugee", "migrant"}


_FIRE_NOUNS = {"fire", "gunfire", "shellfire", "sniper", "barrage"}


_NEAR_PREPS = frozenset({"near", "around", "outside", "beside", "along", "at"})


def _posted_near(tok: Any, obj: Any) -> bool:
    """ "took positions near the city hall": bare positions (no one's, none named) taken by a
    place are where troops were posted ("took the army's positions", "took up positions" stay)."""
    if obj is None or obj.lemma_.lower() != "position" or obj.dep_ != "dobj":
        return False
    if any(c.dep_ == "prt" for c in tok.children) or any(
        c.dep_ in ("det", "poss", "amod", "compound", "nummod", "prep") for c in obj.children
    ):
        return False
    return any(c.dep_ == "prep" and c.lower_ in _NEAR_PREPS for c in tok.children)


def _subject_lemma(tok: Any, subj: Any) -> str:
    """The subject's lemma; a relative pronoun's is its noun's ("journalists who entered")."""
    if subj is None:
        return ""
    if subj.lower_ in ("who", "that", "which") and tok.dep_ == "relcl":
        subj = tok.head
    if subj.lemma_.lower() in ("group", "team", "party", "number"):  # "a group of reporters"
        of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        subj = next((c for c in of.children if c.dep_ == "pobj"), subj) if of else subj
    return str(subj.lemma_).lower()


# who advances on a march, never on a front line ("protesters pushed towards the parliament")
_CROWD_NOUNS = frozenset(
    {"supporter", "protester", "demonstrator", "marcher", "crowd", "rioter", "mourner"}
)
_CROWD_INTERS = frozenset({5, 6, 7})  # rioters, protesters, civilians


def _crowd_advance(subj: Any, info: ActorInfo | None) -> bool:
    """The one who "pushed towards X" or "reached the outskirts of X" is a crowd, not a force."""
    if subj is not None and subj.lemma_.lower() in _CROWD_NOUNS:
        return True
    return info is not None and info.inter in _CROWD_INTERS


def _city_hit(
    obj: Any, info: ActorInfo | None, rule: TriggerRule, places: list[PlaceMention]
) -> bool:
    """ "Russian missiles hit Kyiv": a capital named as a strike's object is the place hit,
    though the actor table reads the city as its government ("Kyiv said")."""
    return (
        obj is not None
        and info is not None
        and rule.family in ("remote", "clash")
        and info.name.startswith("Government of")
        and any(m.start <= obj.i < m.end for m in places)
    )


def _whose_weapons(ctx: _Ctx, interceptor: ActorInfo | None) -> ActorInfo | None:
    """Who fired what an air defence downed, told before in the report: the striker of the
    report's latest strike on the interceptor's side or its country's civilians (ACLED's
    actor2 of a disrupted weapons use)."""
    if interceptor is None:
        return None
    table = actor_table()
    for claim in reversed(ctx.claims):
        if claim.kind != "event" or claim.event_type != "Explosions/Remote violence":
            continue
        target = table.info(claim.actor2) if claim.actor2 else None
        if target is None or not (
            target.side == interceptor.side
            or (
                target.inter == _CIVILIAN_INTER
                and claim.actor2.endswith(f"({_country(interceptor)})")
            )
        ):
            continue
        striker = table.info(claim.actor1) if claim.actor1 else None
        if (
            striker is not None
            and striker.inter in (1, 2, 3, 4, 8)
            and striker.side != interceptor.side
            and not table.allied(striker, interceptor)
        ):
            return striker
    return None


_DEFENCE_WORDS = {"defence", "defense", "defences", "defenses", "system", "systems", "dome"}


def _interceptor(ctx: _Ctx, tok: Any, agent: Any) -> ActorInfo | None:
    """Who intercepted: "by the US missile defence system" (the state named in the agent's
    modifiers) or "by air defence, the Israeli army said" (the state's forces that speak)."""
    by = next((c for c in tok.children if c.dep_ == "agent"), None)
    agent = next((c for c in by.children if c.dep_ == "pobj"), agent) if by else agent
    if agent is None or agent.lemma_.lower() not in _DEFENCE_WORDS:
        return None
    for word in (agent, *[t for t in agent.subtree if t.dep_ == "compound"]):
        info = _demonym_forces(word, ctx)
        if info is not None and info.inter in (1, 8):
            return info
    info, _ = _actors_of(_speech_subject(tok), ctx)
    return info if info is not None and info.inter in (1, 8) else None


_LAUNCH_VERBS = {"fire", "launch"}


def _unnamed_launcher(tok: Any, country: str) -> ActorInfo | None:
    """ "Several rockets were fired at the airport and were intercepted": a launch told in
    the passive with no one named fired them, an unidentified armed group of the place."""
    launch = tok.head if tok.dep_ == "conj" else None
    if launch is None or launch.lemma_.lower() not in _LAUNCH_VERBS or not country:
        return None
    if any(c.dep_ == "agent" for c in launch.children):
        return None
    if not any(c.dep_ == "nsubjpass" for c in launch.children):
        return None
    return actor_table().resolve("unidentified armed group", country)


_PARTY_NOUNS = {"party", "side"}


def _the_parties(subj: Any) -> bool:
    """ "the parties", "the warring parties", "both sides": who they are is told elsewhere."""
    return subj is not None and subj.lemma_.lower() in _PARTY_NOUNS and subj.tag_ == "NNS"


def _parties_told(ctx: _Ctx, span: Any) -> tuple[ActorInfo | None, ActorInfo | None]:
    """The two opposing armed sides of the report's latest event that names both, a state's
    forces as its government (ACLED's parties to an agreement), the report's country first."""
    table = actor_table()
    for claim in reversed(ctx.claims):
        if claim.kind != "event" or not claim.actor1:
            continue
        pair = [table.info(claim.actor1), _hit_state(claim)]
        if not all(i is not None and i.inter in (1, 2, 3, 4, 8) for i in pair):
            continue
        a, b = (_as_government(i) for i in pair if i is not None)
        if a.side == b.side:
            continue
        home = ctx.main_country
        a_first = (a.inter, a.country != home) <= (b.inter, b.country != home)
        return (a, b) if a_first else (b, a)
    return _civil_war_parties(ctx, span)


def _civil_war_parties(ctx: _Ctx, span: Any) -> tuple[ActorInfo | None, ActorInfo | None]:
    """ "The warring parties in Yemen agreed", no fight told before: the country's government
    and the armed group of that country the report names most."""
    table = actor_table()
    home = ctx.main_country
    ranked = ctx.most_mentioned()
    rebels = [
        info
        for name in ranked
        if (info := table.info(name)) is not None and info.inter == 2 and info.country == home
    ]
    government = table.resolve("government", home) if home and rebels else None
    if government is not None:
        return government, rebels[0]
    # "the parties agreed to exchange prisoners" in a report naming two states: their
    # governments, the one the sentence names first ("the Ukrainian delegation said"), else
    # the report's country
    states: list[ActorInfo] = []
    for name in ranked:
        info = table.info(name)
        if info is None or info.inter not in (1, 8):
            continue
        info = _as_government(info)
        if all(s.country != info.country for s in states):
            states.append(info)
    if len(states) < 2:
        return None, None
    named = next((c for t in span if (c := demonym_country(t.text))), "")
    states.sort(key=lambda i: (i.country != named, i.country != home))
    return states[0], states[1]


def _hit_state(claim: Claim) -> ActorInfo | None:
    """Who an event hit: its actor2, else the state whose ground a foreign state's forces
    struck ("Russian troops shelled Kharkiv": Ukraine's)."""
    table = actor_table()
    if claim.actor2:
        return table.info(claim.actor2)
    striker = table.info(claim.actor1)
    where = next((p.country for p in claim.places if p.country), "")
    if striker is None or striker.inter not in (1, 8) or not where or where == striker.country:
        return None
    return table.state_forces(where)


def _as_government(info: ActorInfo) -> ActorInfo:
    """A state's armed forces as its government; any other actor as itself."""
    if info.inter not in (1, 8) or not info.country:
        return info
    return actor_table().resolve("government", info.country) or info


def _other_party(between: list[Any], actor1: ActorInfo | None, ctx: _Ctx) -> Any:
    """The other side of "clashes between X, Y and Z": the first party after X, or, when X
    is a crowd, the first armed or state party of the rest ("between protesters, ruling party
    supporters and police": the police)."""
    if actor1 is not None and actor1.inter in (5, 6):
        for party in between[1:]:
            info, _ = _actors_of(party, ctx)
            if info is not None and info.inter in (1, 2, 3, 4, 8):
                return party
    return between[1]


def _security_in_sentence(ctx: _Ctx, span: Any) -> ActorInfo | None:
    """The police or army a riot's sentence names ("set fire to a police post", "before
    police drove them out"): whom the rioters faced (ACLED's actor2); not a teller."""
    for t in span:
        if (
            t.pos_ not in ("NOUN", "PROPN")
            or _who_tells(t)
            or t.dep_ == "nsubj"
            and (t.head.lemma_.lower() in triggers().speech_verbs)
        ):
            continue
        info, _ = _actors_of(t, ctx)
        if info is not None and info.inter == 1 and info.name.startswith(("Police", "Military")):
            return info
    return None


def _country(info: ActorInfo) -> str:
    return country_name(info.country) if info.country else ""


def _taken_from(verb: Any, ctx: _Ctx) -> ActorInfo | None:
    """The armed side a place is taken "from" (the loser: ACLED's actor2), also in the
    clause that goes on ("entered Kidal, taking the town from Tuareg-led rebels")."""
    heads = [verb, *(c for c in verb.children if c.dep_ in ("advcl", "conj") and c.pos_ == "VERB")]
    preps = [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "from"]
    for prep in preps:
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            info, _ = _actors_of(pobj, ctx)
            if info is not None and info.inter in (1, 2, 3, 4, 8):
                return info
    return None


def _owner(noun: Any) -> Any:
    """ "Russia's" in "Russia's drone attack", "the military's" in "the military's bombing":
    whose act an event noun is (not "its", "their": the speaker rules read those)."""
    if noun.dep_ == "compound" and noun.head.i == noun.i + 1:
        noun = noun.head  # "Russia's drone attack": the trigger "drone" modifies "attack"
    return next(
        (c for c in noun.children if c.dep_ == "poss" and c.lower_ not in _POSS_PRONOUNS), None
    )


_POSS_PRONOUNS = {"its", "their", "his", "her", "our", "my", "your"}


_RETOLD_DETS = {"the", "this", "that"}


def _retold_attack(ctx: _Ctx, verb: Any) -> bool:
    """ "carried out the attack", "staged the attack themselves" with nothing of its own (no
    target, place or date): the happening the report has told, now blamed on someone."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None or not any(c.dep_ == "det" and c.lower_ in _RETOLD_DETS for c in obj.children):
        return False
    if any(c.dep_ in ("prep", "compound", "amod", "acl", "relcl") for c in obj.children):
        return False  # "the attack on the checkpoint", "the suicide attack"
    return any(c.kind == "event" and c.event_type in _RETOLD_TYPES for c in ctx.claims)


_RETOLD_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def _own_actor_clause(verb: Any) -> bool:
    """ "..., and on Sunday Hamas fighters fired rockets at Ashkelon": a coordinated clause
    with an armed subject of its own tells another act, whose place is not this one's."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.pos_ in ("NOUN", "PROPN") and verb.i - subj.i > 0


def _under_noun(verb: Any) -> Any:
    """ "fire" in "came under fire": the noun after "under"."""
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "under"), None)
    return None if prep is None else next((c for c in prep.children if c.dep_ == "pobj"), None)


def _the_dateline_city(ctx: _Ctx, clause: set[int], span: Any) -> list[Place]:
    """ "TRIPOLI - ... fighting raged across the city centre": a report filed from a town
    calls it "the city" before naming any other."""
    town = ctx.dateline_town
    if town is None or town.feature != "city" or ctx.claims:
        return []
    doc = span.doc
    for i in sorted(clause):
        t = doc[i]
        if t.lower_ != "city" or any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children):
            continue
        noun = t.head if t.dep_ == "compound" and t.head.lemma_ in ("centre", "center") else t
        if any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
            return [town]
    return []


def _partitive_whole(subj: Any) -> Any:
    """ "two of its members", "some of their fighters": the owned noun a number or quantity
    word picks from (whose owner the speaker rules read); else the subject itself."""
    if subj.pos_ != "NUM" and subj.lower_ not in ("some", "several", "one", "many", "most"):
        return subj
    for prep in subj.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            whole = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if whole is not None and any(
                c.dep_ == "poss" and c.lower_ in ("its", "their") for c in whole.children
            ):
                return whole
    return subj


_MOST_OF = frozenset({"most", "many", "all", "majority", "bulk"})


def _most_of_them_in(doc: Any, start: int) -> bool:
    """A place told as where most of a toll fell: "..., most of them in X", "mostly in X"."""
    i = start - 1
    while i >= 0 and doc[i].lower_ in (
        "the",
        "central",
        "northern",
        "southern",
        "eastern",
        "western",
    ):
        i -= 1  # "most of them in the capital"
    if i < 1 or doc[i].lower_ != "in":
        return False
    if doc[i - 1].lower_ in ("mostly", "mainly", "largely"):
        return True
    return (
        i >= 3
        and doc[i - 1].lower_ == "them"
        and doc[i - 2].lower_ == "of"
        and doc[i - 3].lower_ in _MOST_OF
    )


_PROTEST_NOUNS = frozenset({"protest", "demonstration", "march", "rally", "sit-in"})


def _killed_at_protests(
    tok: Any, rule: TriggerRule, actor1: ActorInfo | None, actor2: ActorInfo | None
) -> bool:
    """A state force killing civilians "during protests" (the killing verb's own phrase)."""
    if rule.name != "killing" or actor1 is None or actor1.inter != 1:
        return False
    if actor2 is None or actor2.inter != _CIVILIAN_INTER:
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("during", "at")
        and any(p.dep_ == "pobj" and p.lemma_.lower() in _PROTEST_NOUNS for p in c.children)
        for c in tok.children
    )


_PERCEIVED = frozenset({"hear", "see", "feel", "witness"})


def _fronted_place(subj: Any, verb: Any) -> set[int]:
    """ "In Goma soldiers shot two protesters": the parser hangs the town on the subject
    ("Goma soldiers") and leaves the sentence's opening "In" without its object; the town is
    where the act happened."""
    doc = subj.doc
    out: set[int] = set()
    for c in subj.children:
        if c.dep_ not in ("compound", "nmod") or c.i == 0 or c.i > subj.i:
            continue
        first = min(t.i for t in c.subtree)
        prep = doc[first - 1] if first > 0 else None
        if (
            prep is not None
            and prep.dep_ == "prep"
            and prep.lower_ in ("in", "at")
            and prep.head.i == verb.i
            and not any(g.dep_ == "pobj" for g in prep.children)
        ):
            out |= {t.i for t in c.subtree}
    return out


def _tellers_town(root: Any) -> bool:
    """A place told as the home of the locals who tell the event ("residents of X said")."""
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in ("of", "in"):
        return False
    locals_, speech = prep.head, prep.head.head
    return (
        locals_.lemma_.lower() in _LOCALS
        and locals_.dep_ == "nsubj"
        and speech.lemma_.lower() in triggers().speech_verbs
    )


_AREA_FEATURES = frozenset({"country", "admin1", "region"})


def _event_claim(
    ctx: _Ctx,
    sent: Sentence,
    tok: Any,
    rule: TriggerRule,
    how: str,
    places: list[PlaceMention],
    dates: list[DateMention],
    rank: int,
    all_triggers: list[tuple[Any, TriggerRule, str]],
) -> Claim | None:
    if rule.family == "territory" and _captives_of_toll(tok):
        return None  # "300 rebels were killed and 150 captured": part of the toll
    if rule.sub_event_type == "Arrests" and _seized_to_kill(tok):
        return None  # "rounded up and executed men": the killing, not an arrest
    span = sent.span
    clause = _clause_tokens(tok, {t.i for t, _, _ in all_triggers})
    places = [m for m in places if not _dialogue_partner(span.doc[m.start : m.end].root)]
    noun_trigger = how == "casualty-noun"
    if noun_trigger:  # the places and dates hang off the death verb
        verb = _noun_verb(tok)
        clause |= _clause_tokens(verb, {t.i for t, _, _ in all_triggers if t.i != tok.i})
        # "a missile that tore through a building in Uman": the relative clause tells where
        clause |= {t.i for c in tok.children if c.dep_ == "relcl" for t in c.subtree}
        if verb.lemma_ in _WITNESS_VERBS or _come_under(tok) is not None:
            # "residents of Khartoum reported clashes", "a market in X came under fire",
            # "the village of X was subjected to shelling"
            clause |= {
                t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree
            }
    hit_subject = None  # "X came under fire from Y": X was hit, Y fired
    if not noun_trigger and under_fire_verb(tok):
        hit_subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if hit_subject is not None:
            clause |= {t.i for t in hit_subject.subtree}
    if rule.requires_actor2 and not noun_trigger:
        clause |= _purpose_clause(tok)  # "used water cannon to break up a rally in Tbilisi"
    subj_tok = _subject(tok) if not noun_trigger else _noun_role(tok, ("by",))
    if hit_subject is not None:
        subj_tok = under_fire_agent(tok, _under_noun(tok))
    elif noun_trigger and subj_tok is None and _come_under(tok) is not None:
        subj_tok = under_fire_agent(_noun_verb(tok), tok)
    if subj_tok is None and noun_trigger:
        subj_tok = _owner(tok)  # "Russia's drone attack on Odesa", "the army's air raid"
    actor1_info, assoc1 = _actors_of(subj_tok, ctx)
    if (
        actor1_info is None
        and subj_tok is not None
        and (_noun_rule(subj_tok) is not None or subj_tok.lemma_.lower() in _FIRE_NOUNS)
    ):  # ("Israeli fire killed five fishermen")
        actor1_info = _demonym_forces(subj_tok, ctx)  # "was hit by a US air strike"
    if actor1_info is None and subj_tok is not None and not noun_trigger:
        actor1_info = _country_as_forces(subj_tok, rule, ctx)  # "Azerbaijan shelled Jermuk"
    if actor1_info is None and subj_tok is not None and subj_tok.lower_ in _PRONOUNS:
        # "The RSF said they had captured ...": the pronoun is the speaker
        actor1_info, assoc1 = _actors_of(_speech_subject(tok), ctx)
    if actor1_info is None and subj_tok is not None and subj_tok.lower_ in ("they", "we"):
        actor1_info = _last_armed_actor(ctx)  # "... the rebels seized X. They had captured Y"
    between = _between(tok) if noun_trigger or tok.lemma_ in ("clash", "fight") else []
    if noun_trigger and not between:
        between = _between(_noun_verb(tok))  # "clashes erupted between X and Y"
    if noun_trigger and not between:
        between = _between_misattached(_noun_verb(tok))
    if actor1_info is None and between:
        subj_tok = between[0]
        actor1_info, assoc1 = _actors_of(subj_tok, ctx)
    if actor1_info is None and noun_trigger:
        actor1_info = _demonym_forces(tok, ctx) or _named_in_noun(tok, ctx)
    if actor1_info is None and noun_trigger and tok.dep_ == "pobj" and _come_under(tok) is None:
        # "troops killed 15 bandits in an ambush": who did the killing did the ambush (not
        # "a patrol fell into an ambush", "came under fire": who was hit)
        agent = next((c for c in _noun_verb(tok).children if c.dep_ == "nsubj"), None)
        if agent is not None:
            info, more = _actors_of(agent, ctx)
            if info is not None and info.inter != _CIVILIAN_INTER:
                subj_tok, actor1_info, assoc1 = agent, info, more
    if actor1_info is None and noun_trigger and rule.family == "territory" and tok.dep_ == "dobj":
        # "The RSF announced the capture of Wad Madani": who announces its capture made it
        agent = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        agent = agent if tok.head.lemma_.lower() in _ANNOUNCE_VERBS else None
        info, _ = _actors_of(agent, ctx) if agent is not None else (None, None)
        if info is not None and info.inter in (1, 2, 3, 4):
            subj_tok, actor1_info = agent, info
    if actor1_info is None and subj_tok is not None:
        subj_tok = _partitive_whole(subj_tok)  # "two of its members detonated ..."
    if subj_tok is not None and any(
        c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her") for c in subj_tok.children
    ):
        # "X said its forces took ...": the forces belong to whoever speaks
        speaker = _speech_subject(tok)
        owner, _ = _actors_of(speaker, ctx)
        if owner is None and speaker is None:
            # "According to information of the STC ..., its forces took control of ...": the
            # forces are the source's
            owner = next(
                (
                    info
                    for ref in _according_to(ctx, span)
                    if (
                        info := actor_table().resolve(
                            ref.name, ctx.main_country, ctx.article.published
                        )
                    )
                    is not None
                    and info.inter in (1, 2, 3, 4, 8)
                ),
                None,
            )
        if owner is not None:
            actor1_info = _as_forces(owner, ctx.article.published)
    obj_tok = _object(tok) if not noun_trigger else _noun_role(tok, ("on", "against", "targeting"))
    if hit_subject is not None:
        obj_tok = hit_subject
    if obj_tok is None and len(between) > 1:
        obj_tok = _other_party(between, actor1_info, ctx)
    if obj_tok is None and not noun_trigger and tok.lemma_ in _WITH_VERBS:
        obj_tok = _with_party(tok)  # "protesters clashed with police"
    actor2_info, _ = _actors_of(obj_tok, ctx) if obj_tok is not None else (None, None)
    if obj_tok is None and noun_trigger:
        hit = _noun_role(tok, ("of",))  # "the bombing of a camp for displaced people"
        hit_info, _ = _actors_of(hit, ctx) if hit is not None else (None, None)
        if hit_info is not None and hit_info.inter == _CIVILIAN_INTER:
            obj_tok, actor2_info = hit, hit_info
        elif hit is not None and _civilian_target(hit):
            obj_tok = hit
    if actor2_info is None and noun_trigger and _hits_someone(tok):
        victims = _object(_noun_verb(tok))  # "an attack ... killed 15 civilians"
        if victims is not None:
            obj_tok = victims
            actor2_info, _ = _actors_of(obj_tok, ctx)
    if _city_hit(obj_tok, actor2_info, rule, places):
        actor2_info = None  # "missiles hit Kyiv": the city, not its government
    if actor2_info is None and rule.family == "clash" and subj_tok is not None:
        actor2_info = _second_demonym_forces(subj_tok, ctx)
    if rule.not_objects and obj_tok is not None and obj_tok.lemma_.lower() in rule.not_objects:
        return None
    if rule.not_for and not _own_clause_lemmas(tok).isdisjoint(rule.not_for):
        return None  # "police arrested two suspected car thieves": a crime, no political event
    if rule.not_subjects and _subject_lemma(tok, subj_tok) in rule.not_subjects:
        return None  # "journalists who entered the town saw bodies": no one took it
    if rule.family == "territory" and not noun_trigger and _posted_near(tok, obj_tok):
        return None  # "soldiers took positions near the city hall": posted, nothing taken
    if (
        rule.family == "territory"
        and rule.kind != "withdrawal"  # "pulled its fighters out of the city"
        and not noun_trigger
        and _person_object(obj_tok)
    ):
        # "captured Ovidio Guzman", "seized the governor", "captured a fourth": people, not
        # ground; state forces arrest them, anyone else abducts them
        if (
            tok.lemma_.lower() not in _SEIZE_VERBS
            or any(c.dep_ == "conj" and c.lemma_.lower() in _VICTIM_VERBS for c in tok.children)
            or tok.dep_ == "conj"
            and tok.head.lemma_.lower() in _VICTIM_VERBS
        ):
            # "seized the governor and then killed him", "killed three of the attackers and
            # captured a fourth": the killing (or the fight) codes it
            return None
        state = actor1_info is not None and actor1_info.inter == 1
        rule = triggers().by_verb("arrest" if state else "abduct") or rule
        if rule.family == "territory":
            return None
    if tok.lemma_.lower() in _REPEL_VERBS and obj_tok is not None:
        # "the army repelled an assault by jihadist fighters": the attackers are actor1
        attacker = _noun_role(obj_tok, ("by",)) or _noun_role(tok, ("by",))
        attacker_info, _ = _actors_of(attacker, ctx) if attacker is not None else (None, None)
        if attacker_info is None and obj_tok.lemma_.lower() in _REPELLED_NOUNS:
            # "repelled 25 Russian assaults", "repelled a Houthi attack": the attack's owner
            attacker_info = _demonym_forces(obj_tok, ctx) or _named_in_noun(obj_tok, ctx)
            attacker = obj_tok if attacker_info is not None else None
        if attacker_info is not None:
            actor1_info, actor2_info, assoc1 = attacker_info, actor1_info, None
            subj_tok, obj_tok = attacker, subj_tok
        elif (
            actor1_info is None
            and actor2_info is not None
            and obj_tok.lemma_.lower() in _REPELLED_NOUNS
            and any(c.dep_ == "nsubjpass" for c in tok.children)
        ):
            # "The army said an RSF attack on El Fasher was repelled": the attack's owner
            # attacked; the armed party that tells it repelled it
            speaker = _speech_subject(tok)
            teller, _ = _actors_of(speaker, ctx) if speaker is not None else (None, None)
            actor1_info = actor2_info
            actor2_info = teller if teller is not None and teller.inter in (1, 2, 3, 4) else None
    if rule.requires_prep:
        to = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == rule.requires_prep]
        if not to:
            return None
        pobj = next((c for c in to[0].children if c.dep_ == "pobj"), None)
        actor2_info = actor1_info
        actor1_info, assoc1 = _actors_of(pobj, ctx)
    if rule.recipient_prep:
        # "handed over the base to the Malian army": who receives it gains the ground
        dative = next(
            (
                c
                for c in tok.children
                if c.dep_ in ("prep", "dative") and c.lower_ == rule.recipient_prep
            ),
            None,
        )
        given_to = next((c for c in dative.children if c.dep_ == "pobj"), None) if dative else None
        recipient, _ = _actors_of(given_to, ctx) if given_to is not None else (None, None)
        if recipient is not None:
            actor1_info, actor2_info, assoc1 = recipient, actor1_info, None
    if actor2_info is None and rule.family == "territory" and rule.kind != "withdrawal":
        actor2_info = _taken_from(tok, ctx)  # "recaptured Wad Madani from the RSF"
    if (
        actor1_info is None
        and obj_tok is not None
        and actor2_info is not None
        and rule.family in ("front", "territory")
    ):
        # "the offensive pushed the rebels 5 km from Homs": the mover is the object
        actor1_info, actor2_info = actor2_info, None
    doc = span.doc
    origins = {
        t.i
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in rule.origin_preps
        for t in c.subtree
    }
    # "Christian Malanga, a politician living in the United States, was shot dead": where a
    # participant lives or what a town is ("Goma, the largest city in eastern Congo") is not
    # where the event happened
    described = {
        t.i
        for x in (subj_tok, obj_tok, None if noun_trigger else _passive_subject(tok))
        if x is not None
        for c in x.children
        if c.dep_ == "appos" and not _enumerates(c)
        for t in c.subtree
    }
    # "blocked the federal highway from Mexico City to Acapulco at the entrance to Taxco":
    # the ends of a road named by its route are no places of the act
    road = next(
        (c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in _ROUTE_NOUNS), None
    )
    described |= {
        t.i
        for c in tok.children
        # the verb's "from X to Y" right after its road object (the parser's attachment)
        if road is not None
        and c.dep_ == "prep"
        and c.lower_ in ("from", "to", "between")
        and c.i > road.i
        for t in c.subtree
    }
    pivot = _noun_verb(tok) if noun_trigger else tok
    described |= {  # "as reported by the Sumy regional administration": the teller's
        t.i
        for c in pivot.children
        if c.dep_ == "advcl"
        and c.lemma_.lower() in triggers().speech_verbs
        and any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children)
        for t in c.subtree
    }
    clause -= described
    event_places = [
        m
        for m in places
        if m.start not in origins and m.start not in described
        if (
            m.start in clause
            or (
                rule.kind == "displacement"
                and subj_tok is not None
                and m.start in {t.i for t in subj_tok.subtree}
            )
        )
        and not (_is_reference(doc[m.start : m.end].root) and not _act_named(doc, m, tok))
        and not _not_the_scene(doc[m.start : m.end].root, m.place)
    ]
    if (
        not event_places
        and subj_tok is not None
        and actor1_info is not None
        and (subj_tok.head == tok or tok.tag_ != "VBG")
    ):
        # "Police in Dhaka opened fire ...": where the actor is, when the clause names no place
        # (not for "..., killing five", whose subject is the verb's before it)
        # ("the governor of Kursk region declared ...": an official's own area)
        preps = ("in", "of") if subj_tok.lemma_.lower() in _OFFICIALS | _LOCALS else ("in",)
        actor_at = {
            t.i
            for c in subj_tok.children
            if c.dep_ == "prep" and c.lower_ in preps
            for t in c.subtree
        }
        actor_at |= _fronted_place(subj_tok, tok)  # "In Goma soldiers fired ..." (misparsed)
        event_places = [m for m in places if m.start in actor_at and m.start not in origins]
    coarse = [m for m in event_places if m.place.feature in _AREA_FEATURES]
    if coarse == event_places:
        # "Police in Kenya opened fire on protesters who broke into parliament in Nairobi",
        # "opened fire on residents who were digging trenches outside X, in the Y region": a
        # country or province gives way to the town in it where the targets were, if told
        event_places = []
    if not event_places and obj_tok is not None and actor2_info is not None:
        # "fired at protesters who marched in central Maputo": where the targets were
        # (or "at protesters marching in Nairobi", "a worker trying to cross ... near Tulkarem")
        # ("protesters and dock workers who had gathered at the shipyard in Mandalay": the
        # clause hangs on the last of the targets)
        hit = [obj_tok, *(c for c in obj_tok.children if c.dep_ == "conj")]
        target_at = {
            t.i for x in hit for c in x.children if c.dep_ in ("relcl", "acl") for t in c.subtree
        }
        event_places = [m for m in places if m.start in target_at and m.start not in origins]
        event_places = [m for m in event_places if all(_within(m.place, a.place) for a in coarse)]
    event_places = event_places or coarse
    if not event_places and rule.family in ("remote", "clash", "civilians", "protest"):
        # "shot dead 15 people ..., most of them in Khartoum North": where most victims were
        event_places = [
            m for m in places if m.start not in origins and _most_of_them_in(doc, m.start)
        ]
    if (
        not event_places
        and rule.family == "clash"
        and not any(a.lemma_.lower() in _PERCEIVED for a in tok.ancestors)
    ):
        # "residents of Omdurman said fighting went on around the base": the tellers' town
        # (not "residents said they heard explosions": what they heard is told elsewhere)
        event_places = [
            m for m in places if m.start not in origins and _tellers_town(doc[m.start : m.end].root)
        ]
    if not event_places and not noun_trigger and rule.family in ("remote", "clash", "civilians"):
        # "dropped explosives on crowds of families who were waiting outside Maungdaw": where
        # the people hit were, told in a clause describing them
        hit_at = {
            t.i
            for c in tok.children
            if c.dep_ == "prep"
            and c.lower_ in ("on", "at")
            and any(p.lemma_.lower() in _GATHERED for p in c.children if p.dep_ == "pobj")
            for r in c.subtree
            if r.dep_ == "relcl"
            for t in r.subtree
        }
        hit_at -= {  # ("... waiting to cross to Bangladesh": where they were going)
            t.i
            for i in hit_at
            if doc[i].dep_ == "prep" and doc[i].lower_ in _TOWARD
            for t in doc[i].subtree
        }
        event_places = [m for m in places if m.start in hit_at and m.start not in origins]
    event_places = _drop_locating_areas(doc, event_places)
    relative = [m for m in event_places if m.place.relation]
    if rule.front_only and not relative and not _closing_in(tok):
        return None
    kind = rule.kind if rule.kind in ("front_position", "displacement") else "event"
    if relative and rule.family == "front":
        # "reached the outskirts of X", "5 km from X": a front; fighting "near X" stays a
        # clash there (ACLED codes it at X with geo_precision 2)
        kind = "front_position"
    counted = False  # who fled is only counted ("thousands"): the flight needs its origin
    if rule.requires_civilian_subject and actor1_info is None and not noun_trigger:
        actor1_info = _people_moved(ctx, tok, subj_tok)
        counted = actor1_info is not None
    if (
        rule.requires_civilian_subject
        and (actor1_info is None or actor1_info.inter != _CIVILIAN_INTER)
        and not (tok.dep_ == "xcomp" and tok.head.lemma_ == "force")
    ):
        return None
    if (
        rule.objects
        and not noun_trigger
        and not (_object_lemmas(tok) & rule.objects or _propn_object(tok, rule))
        and not _antecedent_lemmas(tok) & rule.objects
    ):
        return None
    destinations: list[Place] = []
    dest_tokens: set[int] = set()
    origin_places = event_places
    if kind == "displacement":
        dest_tokens = _destination_tokens(tok)
        destinations = [m.place for m in event_places if m.start in dest_tokens]
        origin_places = [m for m in event_places if m.start not in dest_tokens]
        destinations += [
            _unresolved(t) for t in _destination_descriptions(tok, dest_tokens, places)
        ]
    place_list = _specific_places([m.place for m in origin_places])
    if rule.place_if_none == "country" and ctx.main_country and _nationwide(doc, clause):
        # "declared a state of emergency in the whole country, after X escaped from a prison
        # in Guayaquil": the measure's place is the country
        whole = ctx.gaz.country(ctx.main_country)
        place_list = [whole] if whole is not None else place_list
    if kind != "statement" and all(p.feature == "country" for p in place_list):
        # "TRIPOLI - fighting raged across the city centre between groups loyal to Libya's
        # rival prime ministers": the city, not the country named in passing
        place_list = _the_dateline_city(ctx, clause, span) or place_list
    anaphoric = event_anaphora = False
    if not place_list and kind != "statement" and tok.dep_ == "relcl":
        place_list = _relative_head_places(tok, places)  # "Walikale, a town rebels entered"
    if not place_list and noun_trigger and _noun_verb(tok).dep_ == "relcl":
        # "..., among them in Tel Aviv, where a missile hit a building": the town told
        place_list = _relative_head_places(_noun_verb(tok), places)
    if not place_list and kind != "statement":
        place_list = _the_capital(ctx, clause, span)  # "in the capital": the country's
    if rule.place_if_none == "capital" and not _own_places(doc, tok, origin_places):
        # "Mali's government dissolved the militia", "the prime minister resigned": a
        # government's decision is coded at its capital, not at the scene of the last event
        place_list = _seat_of_government(ctx, actor1_info, subj_tok) or place_list
    if not place_list and kind != "statement":
        place_list, anaphoric, antecedent = _anaphoric_places(ctx, tok, clause, span)
        retold = _retold_in_passive(ctx, sent, tok, rule)
        if retold is None:
            retold = _also_hit(ctx, sent, tok, rule)
        if retold is not None:
            place_list = list(ctx.claims[retold].places)
            anaphoric = event_anaphora = True
            antecedent = retold
        if not place_list and (noun_trigger or rule.family == "remote"):
            place_list, event_anaphora, antecedent = _anaphoric_event(ctx, tok, rule)
            anaphoric = event_anaphora
    else:
        antecedent = None
    if place_list and noun_trigger and _confirms_told_event(tok):
        # "The state police confirmed the attack": the attack told before, placed at the
        # teller's province only by its name in the subject
        told_index = _last_told_event(ctx, rule)
        if told_index is not None:
            place_list = list(ctx.claims[told_index].places)
            anaphoric = event_anaphora = True
            antecedent = told_index
    if not place_list:
        # "... were killed in Dnipro when a missile hit a house", "threw stones and burned
        # tyres in Khartoum": a coordinated or subordinate clause shares its neighbour's place
        near: set[int] = set()
        pivot = _noun_verb(tok) if noun_trigger else tok
        if pivot.dep_ in ("advcl", "conj") and pivot.head.i != pivot.i:
            near |= _clause_tokens(pivot.head, set())
        for child in pivot.children:
            if (
                (
                    child.dep_ == "conj"
                    and not _own_actor_clause(child)
                    or child.dep_ == "advcl"
                    and pivot.lemma_ in _DEATH_VERBS
                    # "Crowds gathered outside the court in Dakar, police dispersed them": the
                    # clause before a comma, which the parser makes the trigger's complement
                    or child.dep_ == "ccomp"
                    and child.i < pivot.i
                )
                and child.pos_ in ("VERB", "AUX")
                and not _conjoined_speech(child)
            ):
                # "21 were killed after gunmen stormed the hotel in Mogadishu": the toll's cause
                near |= _clause_tokens(child, set())
                if child.dep_ == "ccomp":  # ("Women in Kabul staged a protest, ...")
                    near |= {t.i for s in child.children if s.dep_ == "nsubj" for t in s.subtree}
            if child.dep_ == "nsubjpass" and not noun_trigger:
                # "A centre in Saada was hit by ...", not "the missile which hit X was fired"
                relcl = {t.i for c in child.children if c.dep_ == "relcl" for t in c.subtree}
                near |= {t.i for t in child.subtree} - relcl - described
        place_list = _specific_places(
            [m.place for m in places if m.start in near and not m.place.relation]
        )
    if not place_list:
        # ("crossed the river to Congo": where they went is no place of the flight)
        place_list = _country_in_clause(ctx, clause - origins - dest_tokens, span)
    if not place_list and rule.family == "remote" and not noun_trigger:
        place_list = _target_country(ctx, obj_tok, actor1_info)
    if not place_list and rule.place_if_none == "country" and ctx.main_country:
        where = ctx.main_country
        if rule.sub_event_type == "Agreement":  # a truce with an armed group: its country
            where = next(
                (a.country for a in (actor2_info, actor1_info) if a and a.inter in (2, 3, 4)),
                where,
            )
            parties = [a.country for a in (actor2_info, actor1_info) if a and a.country]
            if parties and where not in parties:
                where = parties[0]  # "Russia and Ukraine exchanged prisoners" in a roundup
        country_place = ctx.gaz.country(where or ctx.main_country)
        place_list = [country_place] if country_place is not None else []
    if not place_list and kind == "event" and rule.family in ("clash", "remote", "civilians"):
        place_list = _sentence_neighbour_places(ctx, sent)
    if noun_trigger and _restates_coarse(ctx, sent, tok, rule):
        return None  # "Strikes were reported near Sanaa, Hodeidah ...": where the last one was
    scene = False
    scene_tried = not place_list and kind in ("event", "displacement")
    only_went_to = (
        kind == "displacement"
        and bool(place_list)
        and all(p.name in {d.name for d in destinations} for p in place_list)
    )  # "survivors had fled to Bankass": where they went, not where they fled from
    if scene_tried or only_went_to:
        # "Twenty-one suspects were arrested there", "Protesters set fire to the parliament":
        # an act told without a place happens where (and when) the report's last event did;
        # "6,000 residents fled, most of them to Saint-Marc": they fled from there
        told_of = {t.i for x in span if x.dep_ == "appos" for t in x.subtree}  # who is who
        elsewhere = [
            m
            for m in places
            if m.start not in told_of
            and m.start not in origins  # "taken into Gaza as hostages": not where it happened
            and (kind == "event" or m.place not in destinations)
        ]
        found, scene_of = _scene_places(ctx, sent, tok, rule, elsewhere, dates)
        if found or not only_went_to:
            place_list = found
        if found:
            scene, anaphoric, antecedent = True, True, scene_of
    if not place_list and kind == "event":
        place_list = _dateline_fallback(ctx, sent, tok, rule, places, dates)  # "JUBA - ..."
    if not place_list and kind == "event" and _suicide_in_attack(ctx, sent, rule):
        return None  # the attack told just before was made with a suicide bomber
    if not place_list and kind == "event":
        if not scene_tried or not _background_toll(ctx, sent, dates):
            _add_toll_to_previous(ctx, sent, tok)  # "A doctors' union said 10 had been killed."
        return None
    if not place_list and not destinations and kind == "displacement":
        return None  # "some pupils escaped and made their way home": from captors, nowhere
    if counted and not [p for p in place_list if p.name not in {d.name for d in destinations}]:
        return None  # "thousands crossed the river to Congo": from where is not told
    place_country = next((p.country for p in place_list if p.country), "")
    if any(p.country == ctx.main_country for p in place_list):
        place_country = ctx.main_country  # one misread town abroad does not move the event
    if actor1_info is None and subj_tok is not None and _office_holder(subj_tok):
        # "Interim Prime Minister X declared a state of siege": the government acts
        actor1_info = _descriptor("government", place_country or ctx.main_country)
    if place_country and place_country != ctx.main_country:
        actor1_info = _regional(actor1_info, subj_tok, ctx, place_country)
        actor2_info = _regional(actor2_info, obj_tok, ctx, place_country)
    if actor2_info is None:
        actor2_info = _victims(ctx, tok, noun_trigger, place_country)
    if rule.family in _VIOLENT_FAMILIES and (actor2_info is None or actor2_info.inter in (1, 7)):
        group = _victim_group(ctx, tok, noun_trigger)
        if group is not None and (actor1_info is None or group.side != actor1_info.side):
            actor2_info = group  # "killing seven members of Iran's Revolutionary Guards"
    target = obj_tok if obj_tok is not None or not noun_trigger else _object(_noun_verb(tok))
    if target is None and noun_trigger and _come_under(tok) is not None:
        target = next(
            (c for c in _noun_verb(tok).children if c.dep_ in ("nsubj", "nsubjpass")), None
        )
        hit, _ = _actors_of(target, ctx) if actor2_info is None else (None, None)
        if hit is not None and hit.inter in (1, 2, 3, 4, 8):
            actor2_info = hit  # "an army patrol fell into an ambush": the army was hit
    if noun_trigger and rule.family == "remote" and not _civilian_target(target):
        target = _blast_venue(tok) or target  # "the suicide explosion at a party convention"
    if actor2_info is None and rule.family in ("remote", "clash") and _civilian_target(target):
        actor2_info = _descriptor("civilians", place_country or ctx.main_country)
    if (
        actor2_info is None
        and rule.sub_event_type == "Looting/property destruction"
        and not noun_trigger
        and not scene  # (houses burned at an attack's scene are part of the attack)
        and (actor1_info is None or actor1_info.inter in (1, 2, 3, 4, 8))
        and _burns_homes(tok)
    ):  # "soldiers set fire to houses": the houses' owners are the civilians hit (of the
        # doer's country when the place's is unknown)
        home = actor1_info.country if actor1_info is not None else ""
        actor2_info = _descriptor("civilians", place_country or ctx.main_country or home)
    if actor2_info is None and rule.family in ("clash", "remote") and not noun_trigger:
        hit = _people_hit(tok, obj_tok, ctx)  # "ambushed vehicles carrying traders"
        actor2_info = _regional(hit, obj_tok or tok, ctx, place_country) if place_country else hit
    if actor2_info is None and rule.requires_actor2 and not noun_trigger:
        actor2_info = _prep_target(ctx, tok)  # "used water cannon against protesters"
    if actor2_info is None and rule.requires_actor2 and not noun_trigger:
        actor2_info = _purpose_target(ctx, tok, place_country)  # "... to disperse them"
    unarmed_official = False
    if actor2_info is None and rule.requires_actor2 and rule.family == "clash":
        victim = obj_tok or _passive_subject(tok)
        if victim is not None and victim.lower_ in _PERSON_PRONOUNS and tok.dep_ == "conj":
            victim = _object(tok.head) or victim  # "seized the governor and killed him"
        actor2_info = _person_victim(ctx, victim, place_country)
        unarmed_official = actor2_info is not None and actor2_info.name.startswith("Government")
    if actor2_info is None and rule.sub_event_type == "Arrests" and not noun_trigger:
        actor2_info = _detained_government(ctx, obj_tok or _passive_subject(tok), place_country)
    if (
        rule.family in ("remote", "clash")
        and (actor2_info is None or actor2_info.inter == _CIVILIAN_INTER)
        and _merchant_ship(target)
    ):
        # "struck the Barbados-flagged True Confidence": ACLED's Civilians (International)
        actor2_info = actor_table().resolve("civilians", "International") or actor2_info
    if rule.requires_actor2 and actor2_info is None:
        if (
            scene
            and rule.name == "killing"
            and antecedent is not None
            and ctx.claims[antecedent].fatalities_basis == "none"
        ):  # "Two people were killed and 15 injured." (not "seven hostages died in it")
            _add_toll_to_previous(ctx, sent, tok, antecedent)
        return None
    if (
        actor1_info is None
        and rule.sub_event_type == "Arrests"
        and _passive_subject(tok)
        and (not scene or dates or _after_the_event(tok))
    ):
        # "eight suspects were arrested after the attack, the army said": the state's forces
        # arrest ("some of those involved have been detained": no time or place of its own)
        actor1_info = _arrester(ctx, span, tok, place_country or ctx.main_country)
    if scene and not _scene_act(ctx, tok, rule, actor1_info, actor2_info, antecedent):
        return None
    if rule.family == "front" and _crowd_advance(subj_tok, actor1_info):
        return None  # "supporters pushed towards the capital": a march, no front line
    if rule.requires_actor1_inter and (
        actor1_info is None or actor1_info.inter not in rule.requires_actor1_inter
    ):
        return None
    if (
        actor2_info is not None
        and rule.family in ("remote", "clash")
        and actor2_info.name.startswith("Government of")
        and not unarmed_official
    ):
        # "struck the headquarters of Syria's defence ministry": the state's forces are hit
        actor2_info = _as_forces(actor2_info, ctx.article.published)
    if (
        actor1_info is None
        and noun_trigger
        and rule.family == "remote"
        and rule.sub_event_type != "Suicide bomb"  # no state force's strike before it
    ):
        actor1_info = _last_striker(
            ctx, place_country
        )  # "Hours later, a strike on a school killed 17"
    if _killed_at_protests(tok, rule, actor1_info, actor2_info):
        # "security forces shot dead 15 people during protests": the people were protesters
        actor2_info = _descriptor("protesters", place_country or ctx.main_country) or actor2_info
    means = set() if noun_trigger else _instrument_kinds(tok)
    if rule.name == "shelling" and {"air", "artillery"} <= means:
        means.discard("air")  # "shelled 11 settlements using artillery, mortars and drones"
    kinds = _actor_kinds(subj_tok) | means
    coding = _coding(rule, kinds, actor1_info, actor2_info)
    event_type, sub_event_type, family = coding.event_type, coding.sub_event_type, coding.family
    if unarmed_official and family == "clash":
        # "the governor ... was killed": an unarmed official killed is attacked, not fought
        event_type, sub_event_type, family = "Violence against civilians", "Attack", "civilians"
    country_for = place_country or ctx.main_country
    if (
        actor1_info is not None
        and family in ("remote", "clash", "territory", "civilians", "front")
        and actor1_info.name.startswith("Government of")
    ):
        # "Russia launched 40 missiles": a state fights with its forces (ACLED's actor)
        actor1_info = _as_forces(actor1_info, ctx.article.published)
    if coding.swap_roles:
        actor1_info, actor2_info = actor2_info, actor1_info
        assoc1 = None
    if coding.actor1_as:
        named = (
            actor1_info if actor1_info is not None and actor1_info.inter not in (5, 6, 7) else None
        )
        actor1_info = _descriptor(coding.actor1_as, country_for) or actor1_info
        assoc1 = named if named is not None and named != actor1_info else assoc1
    if coding.actor2_as:
        actor2_info = _descriptor(coding.actor2_as, country_for) or actor2_info
    if actor2_info is None and rule.default_actor2:
        actor2_info = _descriptor(rule.default_actor2, country_for)
    if actor1_info is None and rule.default_actor1:
        actor1_info = _descriptor(rule.default_actor1, country_for)  # "a car bomb": no claim
    if rule.requires_civilian_victim and (
        actor2_info is None or actor2_info.inter != _CIVILIAN_INTER
    ):
        return None
    crowd = _protest_scene(tok, ctx, country_for) if family == "civilians" else None
    if crowd is not None and actor1_info is not None and actor1_info.inter == 1:
        # "police shot dead five people as protesters broke into parliament": ACLED's
        # excessive force against protesters, the protesters as actor1
        event_type, family = "Protests", "protest"
        sub_event_type = "Excessive force against protesters"
        actor1_info, actor2_info, assoc1 = crowd, actor1_info, None
    if family == "remote" and _mostly_intercepted(sent, tok):
        # "fired rockets at Tel Aviv; most of them were intercepted": ACLED's disrupted weapons
        # use, the side that intercepted as actor1 and the side that fired as actor2
        event_type, sub_event_type = "Strategic developments", "Disrupted weapons use"
        target = actor2_info or actor_table().state_forces(place_country or ctx.main_country)
        actor1_info, actor2_info, assoc1 = target, actor1_info, None
    if (
        family == "remote"
        and actor2_info is not None
        and actor2_info.inter == 6
        and target is not None
        and target.lemma_.lower() in _GATHERED
    ):
        # "a jet bombed a crowd gathered for the opening of an office": people, not protesters
        actor2_info = _descriptor("civilians", country_for) or actor2_info
    if family == "riot" and actor2_info is None:
        actor2_info = _security_in_sentence(ctx, span)  # "... before police drove them out"
    if actor1_info is None and _protesters_detained(rule, obj_tok, tok):
        # "several protesters have been detained": the arrest of a crowd at a protest, by the
        # country's police unless a state force tells it
        actor1_info = _arrester(ctx, span, tok, country_for)
    if _arrests_at_a_protest(ctx, sent, rule, obj_tok, actor1_info):
        # "In St Petersburg, police detained more than 480 people" in a report of protests:
        # ACLED's protest with intervention, the protesters as actor1 and the police as actor2
        event_type, family, sub_event_type = "Protests", "protest", "Protest with intervention"
        crowd = _descriptor("protesters", country_for)
        actor1_info, actor2_info, assoc1 = crowd or actor1_info, actor1_info, None
    if (
        rule.state_sub_event_type
        and actor1_info is not None
        and (inter_at(actor1_info, place_country) == 1 or _state_forces(actor1_info))
    ):
        # a state's forces taking a place, at home or abroad (Russia's in Ukraine, Turkey's in
        # Syria): ACLED's government regains territory
        sub_event_type = rule.state_sub_event_type
    if (
        rule.name == "change-to-group"
        and actor1_info is not None
        and obj_tok is not None
        and {t.lemma_.lower() for t in obj_tok.subtree} & _MILITARY_WORDS
    ):
        # "retire the commander of the troops": the change is to the armed forces
        actor1_info = actor_table().state_forces(actor1_info.country) or actor1_info
    if family == "strategic" and not rule.keep_object:
        actor2_info = None
    if (
        sub_event_type == "Agreement"
        and actor2_info is not None
        and actor2_info.inter == _CIVILIAN_INTER
        and subj_tok is not None
    ):
        # "X and Y signed a declaration on the protection of civilians": the parties sign
        actor2_info = _conjunct_actor(subj_tok, actor1_info, ctx) or actor2_info
    if actor2_info is None and family in ("strategic", "clash") and subj_tok is not None:
        actor2_info = _conjunct_actor(subj_tok, actor1_info, ctx)  # "X and Y signed a truce"
    if actor1_info is None and family == "strategic" and subj_tok is not None:
        # "the foreign ministers of Congo and Rwanda signed": their governments
        govs = _governments_of(subj_tok, ctx)
        if govs:
            actor1_info = govs[0]
            actor2_info = actor2_info or (govs[1] if len(govs) > 1 else None)
    if actor1_info is None and sub_event_type == "Agreement" and _the_parties(subj_tok):
        actor1_info, actor2_info = _parties_told(ctx, span)  # "the warring parties agreed"
    if (
        actor2_info is not None
        and family in ("territory", "front")
        and actor2_info.name.startswith("Government of")
    ):
        actor2_info = _as_forces(actor2_info, ctx.article.published)  # it loses ground
    if actor1_info is None and noun_trigger and family in ("clash", "remote"):
        actor1_info, actor2_info = _belligerents(
            ctx,
            place_country,
            family,
            actor2_info,
            air=sub_event_type == "Air/drone strike" and tok.lemma_.lower() != "drone",
        )
    if actor1_info is None and sub_event_type == "Disrupted weapons use":
        actor1_info = _interceptor(ctx, tok, subj_tok)  # "intercepted by US air defences"
    if actor2_info is None and sub_event_type == "Disrupted weapons use":
        actor2_info = _whose_weapons(ctx, actor1_info)  # "shot down 21 of the 23 missiles"
    if actor2_info is None and sub_event_type == "Disrupted weapons use" and actor1_info:
        actor2_info = _unnamed_launcher(tok, place_country)  # "rockets were fired at X"
    if (
        actor2_info is None
        and kind in ("event", "front_position")
        and family in ("territory", "remote", "clash", "front")
    ):
        actor2_info = _default_opponent(ctx, actor1_info, family, place_list, tok)
    if (
        family == "remote"
        and actor2_info is not None
        and actor2_info.inter == 6
        and any(t.lemma_.lower() in _GATHERED and t.head.lower_ == "among" for t in span)
    ):
        # "blew himself up among crowds trying to reach the flights": people, not protesters
        actor2_info = _descriptor("civilians", country_for) or actor2_info
    if (
        event_anaphora
        and antecedent is not None
        and noun_trigger
        and tok.lemma_ in _GENERIC_ATTACKS
    ):
        # "The first attack, on Sunday, targeted an air base": the drone strikes told before
        before = ctx.claims[antecedent]
        if before.event_type == "Explosions/Remote violence":
            event_type, sub_event_type = before.event_type, before.sub_event_type
    if sub_event_type == "Air/drone strike" and _the_suicide_bomber(ctx, subj_tok):
        # "The bomber struck during prayers on Monday" after "killed by a suicide bomber at
        # a mosque": that bomber, not an aircraft
        sub_event_type = "Suicide bomb"
    alt = tuple(v for k, v in rule.alt_when.items() if k in span.text.lower())
    ev_start, ev_end = sent.char_span(span.start, span.end)
    toll_update = (
        noun_trigger and tok.head.lower_ in ("from", "of") and tok.head.head.lemma_ == "toll"
    ) or _in_rising_count(tok)
    # "the death toll from a missile ... rose to 23 on Sunday": Sunday dates the count, not the strike
    when = [] if toll_update else dates
    d, d_end, precision, basis = _claim_date(ctx, sent, tok, when, rank, all_triggers)
    pub = ctx.article.published
    if kind == "event" and d is not None and pub is not None and d > pub:
        # "Back in March, a car bomb killed 14" in a February report: last year's March
        # (an event told as done is never dated after its article)
        d, d_end = _a_year_earlier(d), _a_year_earlier(d_end) if d_end is not None else None
    if kind == "event" and d is not None and not _FOUR_DIGITS.search(span.text):
        d, d_end = _in_lead_period(ctx, d, d_end)
    if _is_history(ctx, d, basis, clause, span, tok):
        return None
    fat, fat_basis, fat_notes = fatalities(span.text)
    if fat_basis != "none" and _toll_elsewhere(tok, all_triggers):
        fat, fat_basis, fat_notes = 0, "none", ""
    if event_type == "Strategic developments":
        fat, fat_basis, fat_notes = 0, "none", ""  # "mobilised a day after clashes killed 55"
    if fat_basis == "none" and tok.lemma_.lower() in _KILLING_VERBS:
        victims = _object(tok)  # "a mob lynched a man", "executed two prisoners"
        count = _victim_count(victims) if victims is not None else 0
        if count:
            fat, fat_basis = count, "reported"
    fat_notes = "; ".join(n for n in (fat_notes, per_day_note(fat, d, d_end)) if n)
    if sub_event_type == "Protest with intervention" and fat:
        sub_event_type = "Excessive force against protesters"  # ACLED: force that killed
    if event_type in ("Protests", "Riots") and actor2_info is not None:
        actor2_info = _security_forces_as_police(actor2_info, span, pub)
    if actor2_info is not None and actor2_info.inter == _CIVILIAN_INTER:
        actor2_info = _migrant_victims(ctx, span, actor2_info)
    sources = _sources(ctx, sent, tok)
    actor1_name = actor1_info.name if actor1_info else ""
    claim = Claim(
        article_id=ctx.article.id,
        kind=kind,  # type: ignore[arg-type]
        event_type=event_type if kind != "displacement" else "",
        sub_event_type=sub_event_type if kind != "displacement" else "",
        actor1=actor1_name,
        assoc_actor1=assoc1.name if assoc1 else "",
        actor2=actor2_info.name
        if actor2_info and (actor1_info is None or actor2_info.name != actor1_info.name)
        else "",
        places=tuple(place_list),
        date=d,
        date_end=d_end,
        time_precision=precision,
        date_basis=basis,
        fatalities=fat,
        fatalities_basis=fat_basis,
        fatalities_notes=fat_notes,
        numbers=tuple(count_numbers(" ".join(doc[i].text for i in sorted(clause)))),
        sources=sources,
        modality=_claim_modality(tok),
        destinations=tuple(destinations),
        confidence=0.6 if anaphoric else 0.8,
        evidence=(Span(ev_start, ev_end, ctx.article.text[ev_start:ev_end]),),
        trigger=tok.text,
        rule=f"{rule.name}/{how}" + ("/scene" if scene else "/anaphora" if anaphoric else ""),
        sentence_index=sent.index,
        alt_sub_event_types=alt,
        notes=rule.kind if rule.kind == "withdrawal" else "",
    )
    if (
        event_anaphora
        and antecedent is not None
        and not _another_day(ctx.claims[antecedent], claim)
    ):
        # the same happening told again: one claim, dated by its earliest explicit date
        ctx.claims[antecedent] = _merge_retold(ctx.claims[antecedent], claim)
        return None
    index = len(ctx.claims)
    ctx.claim_para[index] = sent.paragraph
    if basis.startswith("after:"):
        ctx.anchors[index] = basis[len("after:") :]
    if basis == "same-as-previous":
        ctx.same_as_prev.add(index)
    if antecedent is not None:
        ctx.antecedent[index] = antecedent
    if actor1_info is not None:
        ctx.actor_counts[actor1_info.name] += 1
    return claim


def _merge_retold(first: Claim, again: Claim) -> Claim:
    merged = _merge_two(first, again)
    if not first.actor1 and again.actor1:  # "the rocket had been fired by Hezbollah"
        merged = replace(merged, actor1=again.actor1)
    if (
        again.date is not None
        and first.date is not None
        and again.date < first.date
        and again.date_basis == "explicit"
    ):
        merged = replace(
            merged,
            date=again.date,
            date_end=again.date_end,
            time_precision=again.time_precision,
            date_basis=again.date_basis,
        )
    return merged


def _merge_within_article(claims: list[Claim]) -> list[Claim]:
    """One article telling one happening twice ("occupied Rastan" ... "entered the
    occupied cities unimpeded"; "entered Hama" ... "withdrew from the city")."""
    claims = _deaths_to_the_force(_interventions(claims))
    out: list[Claim] = []
    for claim in claims:
        target = None
        if claim.kind in ("event", "front_position"):
            for i, prev in enumerate(out):
                if _same_happening(prev, claim):
                    target = i
                    break
                if _one_act(prev, claim):
                    target = i
                    if _priority(claim) < _priority(prev):
                        prev, claim = claim, prev
                    out[i] = prev
                    break
        if target is None:
            out.append(claim)
            continue
        out[target] = _merge_two(out[target], claim)
    return [part for claim in out for part in _split_per_site(claim)]


_SITE_TOLL = (
    r"\b(?P<n>\d[\d,]*|{words})\s+(?:[a-z]+\s+){{0,4}}?in\s+(?:the\s+)?(?:[a-z]+\s+of\s+)?{place}\b"
)
_NUMBER_WORDS = "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))


def _split_per_site(claim: Claim) -> list[Claim]:
    """ "Some 70 people were killed in Tchoma Bangou and about 30 in Zaroumdareye": one
    sentence giving each town its own toll tells one event per town (ACLED), each with its
    own dead."""
    if claim.kind != "event" or len(claim.places) < 2 or claim.fatalities_basis == "none":
        return [claim]
    text = " ".join(e.text for e in claim.evidence)
    tolls: list[int] = []
    starts: set[int] = set()
    for place in claim.places:
        spelled = place.spelled or place.name
        m = re.search(_SITE_TOLL.format(words=_NUMBER_WORDS, place=re.escape(spelled)), text, re.I)
        if not spelled or m is None:
            return [claim]
        starts.add(m.start())
        tolls.append(_value(m.group("n"))[0])
    if len(starts) < len(tolls):
        return [claim]  # one figure read for two towns: no split given
    note = f"split per site from {claim.fatalities}"
    return [
        replace(
            claim,
            places=(place,),
            fatalities=n,
            fatalities_notes="; ".join(x for x in (claim.fatalities_notes, note) if x),
        )
        for place, n in zip(claim.places, tolls, strict=True)
    ]


_INTERVENTIONS = {"Arrests", "Protest with intervention"}


_VIOLENT_CROWDS = {"Violent demonstration", "Mob violence"}


_RIOTS = {
    "Violent demonstration",
    "Mob violence",
    "Protest with intervention",
    "Excessive force against protesters",
}  # a protest already met by force, or a riot: arrests there are part of it


def _joined_sources(kept: Claim, absorbed: Claim) -> tuple[SourceRef, ...]:
    """The sources of a claim that absorbs another: "police fired tear gas at the marchers,
    witnesses said" keeps the witnesses as one more source of the march."""
    return kept.sources + tuple(
        s for s in absorbed.sources if s not in kept.sources and s.name != "publisher"
    )


def _interventions(claims: list[Claim]) -> list[Claim]:
    """ "Protesters blocked the highway ... police cleared the road and detained 29": arrests
    by state forces at a protest's place and day make it a protest with intervention (ACLED),
    the police its actor2; the arrests are not a second event."""
    out = list(claims)
    absorbed: set[int] = set()
    forced = [c for c in out if c.sub_event_type == "Excessive force against protesters"]
    for i, protest in enumerate(out):
        riot = protest.sub_event_type in _RIOTS
        if protest.sub_event_type != "Peaceful protest" and not riot:
            continue
        deadly = _deadly_same_sentence(protest, out)
        if deadly is not None:
            # "Police fired tear gas and live rounds, and five protesters were shot dead": the
            # force that killed is the one event (excessive force), the tear gas part of it
            if not out[deadly].actor2 and protest.actor2:
                out[deadly] = replace(out[deadly], actor2=protest.actor2)
            absorbed.add(i)
            continue
        if protest.sub_event_type == "Peaceful protest" and any(  # a riot there is apart
            _same_place_day(protest, f) for f in forced
        ):
            absorbed.add(i)  # the march the police fired on is that one event, not two
            continue
        if protest.sub_event_type == "Peaceful protest" and any(
            v.sub_event_type == "Violent demonstration"
            and v.sentence_index == protest.sentence_index
            and _same_place_day(protest, v)
            for v in out
        ):
            # "Protesters burned tyres and blocked roads in Tripoli": one crowd, whose
            # violence makes the whole of it a violent demonstration (ACLED codes it once)
            absorbed.add(i)
            continue
        for j, other in enumerate(out):
            if j == i or j in absorbed or other.sub_event_type not in _INTERVENTIONS:
                continue
            info = actor_table().info(other.actor1) if other.actor1 else None
            if not _same_place_day(protest, other):
                continue
            if (
                protest.sub_event_type == "Mob violence"
                and other.sub_event_type == "Arrests"
                and other.sentence_index != protest.sentence_index
            ):
                # "a mob lynched a woman ... police detained the two men who were with her":
                # a later arrest after a lynching is of the crowd's suspects, news of its own
                continue
            if riot and other.sub_event_type == "Arrests" and _arrest_of_its_own(other, protest):
                continue
            if riot and other.sub_event_type == "Arrests" and (info is None or info.inter == 1):
                # "Police said dozens of people had been detained": arrests at a riot are
                # part of the riot (ACLED codes the riot once)
                out[i] = replace(
                    protest,
                    evidence=protest.evidence + other.evidence,
                    sources=_joined_sources(protest, other),
                )
                absorbed.add(j)
                break
            if (
                protest.sub_event_type in _VIOLENT_CROWDS
                and other.sub_event_type == "Protest with intervention"
                and 0 <= other.sentence_index - protest.sentence_index <= 1
            ):
                # "threw stones at the building. Security forces fired tear gas to push them
                # back": the riot met with tear gas right after is still the riot, coded once
                out[i] = replace(
                    protest,
                    evidence=protest.evidence + other.evidence,
                    sources=_joined_sources(protest, other),
                )
                absorbed.add(j)
                break
            state = _state_actor(other)
            if (
                not state
                and other.sub_event_type == "Arrests"
                and not other.actor1
                and 0 <= other.sentence_index - protest.sentence_index <= 1
            ):  # "... Police said several people were detained": by no one named, right after
                state = _police_of(protest)
            if riot or not state:
                continue
            if other.sub_event_type == "Arrests" and other.sentence_index < protest.sentence_index:
                # "police detained the two suspects ... Later, residents blocked the highway":
                # an arrest told before the protest is not of its protesters
                continue
            out[i] = replace(
                protest,
                sub_event_type="Protest with intervention",
                actor2=state,
                evidence=protest.evidence + other.evidence,
                sources=_joined_sources(protest, other),
                rule=f"{protest.rule}+{other.rule}",
            )
            absorbed.add(j)
            break
    return [c for k, c in enumerate(out) if k not in absorbed]


_CROWD_EVENTS = frozenset(
    {"Violent demonstration", "Mob violence", "Protest with intervention", "Peaceful protest"}
)


def _deaths_to_the_force(claims: list[Claim]) -> list[Claim]:
    """ "Police shot dead five protesters as others set part of parliament on fire": the dead
    of a sentence that tells both are the excessive force's, not the crowd's."""
    forced = {
        (c.sentence_index, c.fatalities)
        for c in claims
        if c.sub_event_type == "Excessive force against protesters" and c.fatalities
    }
    return [
        replace(c, fatalities=0, fatalities_basis="none", fatalities_notes="")
        if c.sub_event_type in _CROWD_EVENTS and (c.sentence_index, c.fatalities) in forced
        else c
        for c in claims
    ]


def _deadly_same_sentence(protest: Claim, claims: list[Claim]) -> int | None:
    """The excessive force told in the sentence of a protest met with intervention (its
    index), at its place and day."""
    if protest.sub_event_type != "Protest with intervention":
        return None
    return next(
        (
            k
            for k, f in enumerate(claims)
            if f.sub_event_type == "Excessive force against protesters"
            and f.sentence_index == protest.sentence_index
            and _same_place_day(protest, f)
        ),
        None,
    )


def _state_actor(claim: Claim) -> str:
    """The state forces of an arrest (actor1) or of a dispersal coded with the protesters
    first ("police dispersed them": actor2)."""
    for name in (claim.actor1, claim.actor2):
        info = actor_table().info(name) if name else None
        if info is not None and info.inter == 1:
            return name
    return ""


_ROUTE_NOUNS = {"highway", "road", "route", "motorway", "railway", "railroad", "pipeline"}


def _police_of(claim: Claim) -> str:
    """The police of the claim's country (ACLED's "Police Forces of X"), or ""."""
    country = next((p.country for p in claim.places if p.country), "")
    info = actor_table().resolve("police", country, claim.date) if country else None
    return info.name if info is not None and info.inter == 1 else ""


def _arrest_of_its_own(arrest: Claim, riot: Claim) -> bool:
    """ "In the capital police fired tear gas at crowds. On Tuesday the police arrested the
    opposition leader and 34 others in Addis Ababa": an arrest told in a sentence of its own,
    with its own day and place (not the riot's scene), is news of its own."""
    return (
        arrest.sentence_index > riot.sentence_index
        and arrest.date_basis == "explicit"
        and "/scene" not in arrest.rule
        and riot.date_basis != "explicit"
    )


def _same_place_day(a: Claim, b: Claim) -> bool:
    ids_a = {p.geonameid or p.name for p in a.places}
    if not ids_a & {p.geonameid or p.name for p in b.places}:
        return False
    return a.date is None or b.date is None or abs((a.date - b.date).days) <= 1


# ACLED codes one act told with two verbs ("opened fire and then blew himself up") once,
# as its gravest sub-type: the first of this list wins.
_PRIORITY = (
    "Chemical weapon",
    "Suicide bomb",
    "Non-state actor overtakes territory",
    "Government regains territory",
    "Air/drone strike",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Grenade",
    "Excessive force against protesters",
    "Mob violence",
    "Violent demonstration",
    "Sexual violence",
    "Abduction/forced disappearance",
    "Attack",
    "Armed clash",
    "Looting/property destruction",
)


def _priority(c: Claim) -> int:
    return _PRIORITY.index(c.sub_event_type) if c.sub_event_type in _PRIORITY else len(_PRIORITY)


def _one_act(a: Claim, b: Claim) -> bool:
    """Two event claims of one sentence, one actor and one place: one act."""
    if a.kind != "event" or b.kind != "event" or a.sentence_index != b.sentence_index:
        return False
    if a.notes == "withdrawal" or b.notes == "withdrawal":
        return False
    if a.date != b.date and a.rule.endswith("/on its day") and b.rule.endswith("/on its day"):
        return False  # "on Thursday night and again on Friday night": one act a day
    if _priority(a) == len(_PRIORITY) or _priority(b) == len(_PRIORITY):
        return False
    same_actor = a.actor1 == b.actor1 or not a.actor1 or not b.actor1
    ids_a = {p.geonameid or p.name for p in a.places}
    return same_actor and bool(ids_a & {p.geonameid or p.name for p in b.places})


def _family(c: Claim) -> str:
    if c.kind != "event":
        return c.kind
    if c.sub_event_type in (
        "Non-state actor overtakes territory",
        "Government regains territory",
        "Non-violent transfer of territory",
    ):
        return "territory"
    return c.sub_event_type


_ANOTHER_ONE = re.compile(
    r"\b(?:a second|a third|another|a further)\s+(?:\w+\s+)?"
    r"(?:bomb|blast|explosion|strike|attack|bomber|drone|missile|rocket|raid|ambush)s?\b",
    re.IGNORECASE,
)


def _told_as_another(a: Claim, b: Claim) -> bool:
    """ "Two hours later a second car bomb exploded in the Madina district": a later sentence
    that counts its blast as another one tells a second event, not the first again."""
    return bool(
        a.sentence_index != b.sentence_index
        and b.evidence
        and _ANOTHER_ONE.search(b.evidence[0].text)
        and not _ANOTHER_ONE.search(a.evidence[0].text if a.evidence else "")
    )


def _same_happening(a: Claim, b: Claim) -> bool:
    if _family(a) != _family(b) or a.kind != b.kind:
        return False
    if _told_as_another(a, b):
        return False
    if _family(a) == "Change to group/activity" and a.trigger.lower() != b.trigger.lower():
        return False  # "dissolved the militia ... also replaced the army chief": two decisions
    ids_a = {p.geonameid or p.name for p in a.places}
    ids_b = {p.geonameid or p.name for p in b.places}
    if not ids_a & ids_b and not (_vague_retelling(a, b) or _vague_retelling(b, a)):
        return False
    explicit = ("explicit", "after-days", "since", "relative to the event before")
    if a.date_basis in explicit and b.date_basis in explicit and a.date and b.date:
        a_end, b_end = a.date_end or a.date, b.date_end or b.date
        # a withdrawal is often confirmed a day or two after the capture it concedes
        slack = timedelta(days=3 if "withdrawal" in (a.notes, b.notes) else 0)
        if a_end + slack < b.date or b_end + slack < a.date:
            return False
    return True


def _vague_retelling(told: Claim, vague: Claim) -> bool:
    """ "Hezbollah said it launched drones at the army's base in Safed on Tuesday. The Israeli
    army said a drone had fallen inside a base in northern Israel": an undated telling placed
    only in a country, by the same doer (and target), whose window holds the dated event's day, in
    that country, is that event told by the other side."""
    undated = vague.date_basis.startswith("undated") or vague.date_basis == "as the sentence before"
    if not undated or told.date is None or vague.date is None:
        return False
    if not told.actor1 or told.actor1 != vague.actor1:
        return False
    if told.actor2 and vague.actor2 and told.actor2 != vague.actor2:
        return False  # (one telling may leave the target unnamed)
    if not vague.places or any(p.feature != "country" for p in vague.places):
        return False
    if not {p.country for p in vague.places} <= {p.country for p in told.places}:
        return False
    return vague.date <= told.date <= (vague.date_end or vague.date)


def _merged_opponent(primary: Claim, secondary: Claim, withdrawal: bool) -> str:
    """actor2 of two tellings joined: the withdrawer is whom a capture was taken from
    ("the army regained X ... the RSF pulled its fighters out"); never actor1 itself."""
    options = [primary.actor2]
    if withdrawal:
        options.append(secondary.actor1)
    options.append(secondary.actor2)
    return next((a for a in options if a and a != primary.actor1), "")


_PEOPLE_COUNTED = {
    "thousands", "hundreds", "dozens", "tens", "people", "families", "households", "residents",
    "civilians", "villagers", "inhabitants", "survivors",
}  # fmt: skip


def _people_moved(ctx: _Ctx, tok: Any, subj_tok: Any) -> ActorInfo | None:
    """Who fled or was evacuated, when the subject counts people without naming an actor
    ("thousands crossed the river", "2,700 residents of border villages were evacuated")."""
    who = subj_tok if subj_tok is not None else _passive_subject(tok)
    if who is not None and who.lower_ in ("who", "that") and tok.dep_ == "relcl":
        who = tok.head  # "families who fled the camp": the families
    if who is None:
        return None
    info, _ = _actors_of(who, ctx)
    if info is not None:
        return info
    if who.like_num or who.lower_ in _PEOPLE_COUNTED:
        return _descriptor("civilians", ctx.main_country)
    return None


def _state_forces(info: ActorInfo) -> bool:
    """A state's own forces, wherever they fight (not a foreign-backed group or a mission)."""
    return info.inter == 1 or info.home_inter == 1


def _merge_two(a: Claim, b: Claim) -> Claim:
    withdrawal_b = b.notes == "withdrawal"
    withdrawal_a = a.notes == "withdrawal"
    primary, secondary = (b, a) if withdrawal_a and not withdrawal_b else (a, b)
    if primary.sub_event_type in one_sided_sub_types():
        # a march "peacefully" told, then "11 killed in the protests": no opponent, no dead,
        # and whoever counted the dead did not tell the march
        told_dead = secondary.fatalities_basis != "none"
        secondary = replace(
            secondary,
            actor2="",
            fatalities=0,
            fatalities_basis="none",
            sources=() if told_dead else secondary.sources,
        )
    sources = list(primary.sources)
    for s in secondary.sources:
        if s not in sources:
            sources.append(s)
    alt = tuple(dict.fromkeys(primary.alt_sub_event_types + secondary.alt_sub_event_types))
    if (
        secondary.sub_event_type
        and secondary.sub_event_type != primary.sub_event_type
        and not (withdrawal_a or withdrawal_b)
    ):
        alt = tuple(dict.fromkeys(alt + (secondary.sub_event_type,)))
    date_from = primary
    if (
        primary.date_end is not None and secondary.date is not None and secondary.date_end is None
    ) or primary.date is None:
        date_from = secondary
    notes = "; ".join(
        n
        for n in (
            primary.notes if primary.notes != "withdrawal" else "",
            "withdrawal reported" if (withdrawal_a or withdrawal_b) else "",
        )
        if n
    )
    return replace(
        primary,
        sources=tuple(sources),
        date=date_from.date,
        date_end=date_from.date_end,
        time_precision=date_from.time_precision,
        date_basis=date_from.date_basis,
        evidence=primary.evidence
        + tuple(e for e in secondary.evidence if e not in primary.evidence),
        fatalities=min(primary.fatalities, secondary.fatalities)
        if primary.fatalities_basis != "none" and secondary.fatalities_basis != "none"
        else max(primary.fatalities, secondary.fatalities),
        fatalities_basis=primary.fatalities_basis
        if primary.fatalities_basis != "none"
        else secondary.fatalities_basis,
        alt_sub_event_types=alt,
        actor2=_merged_opponent(primary, secondary, withdrawal_a or withdrawal_b),
        assoc_actor1=primary.assoc_actor1 or secondary.assoc_actor1,
        rule=f"{primary.rule}+{secondary.rule}",
        notes=notes,
        confidence=max(primary.confidence, secondary.confidence),
    )


_DETAINED_CROWD = {
    "people", "person", "protester", "demonstrator", "participant", "marcher", "student",
    "resident", "them", "dozen", "hundred", "thousand", "more",
}  # fmt: skip
_PROTEST_WORDS = {"protest", "protester", "demonstration", "demonstrator", "rally", "march"}


_SUICIDE_UPGRADES = {"Armed clash", "Attack", "Remote explosive/landmine/IED"}


def _suicide_in_attack(ctx: _Ctx, sent: Sentence, rule: TriggerRule) -> bool:
    """ "the attack began when one of the gunmen blew himself up": a suicide bomber told
    without a place right after an attack or blast is that event's means, and ACLED codes the
    whole attack as a suicide bomb (the attack keeps its other sub-type as an alternative)."""
    events = [j for j, c in enumerate(ctx.claims) if c.kind == "event"]
    if rule.sub_event_type != "Suicide bomb" or not events:
        return False
    antecedent = events[-1]  # (people who fled, told in between, are no attack)
    before = ctx.claims[antecedent]
    if (
        before.sub_event_type not in _SUICIDE_UPGRADES
        or not 0 <= sent.index - before.sentence_index <= _SCENE_SENTENCES
    ):
        return False
    ctx.suicide_means[antecedent] = rule.name  # (coded once the report is read: the acts
    return True  # told after it still join the attack as it was first told)


_STATE_FORCE_PREFIXES = ("Military Forces of", "Police Forces of")


def _state_captures(claims: list[Claim]) -> list[Claim]:
    """A capture whose actor1 turned out a state's forces only once the report was read (an
    actor named by a later sentence, "units of the Turkish army and allied factions"): ACLED's
    government regains territory, as when the sentence names the state's forces itself."""
    return [
        replace(c, sub_event_type="Government regains territory")
        if c.kind == "event"
        and c.sub_event_type == "Non-state actor overtakes territory"
        and c.actor1.startswith(_STATE_FORCE_PREFIXES)
        else c
        for c in claims
    ]


def _apply_suicide_means(ctx: _Ctx, claims: list[Claim]) -> list[Claim]:
    """The attacks a later sentence says were suicide bombings, once the report's acts are
    merged (the acts told with the bombing still join the attack as it was first told)."""
    spans = {
        ctx.claims[j].evidence[0]: name
        for j, name in ctx.suicide_means.items()
        if ctx.claims[j].evidence
    }
    out = []
    for claim in claims:
        name = next((spans[e] for e in claim.evidence if e in spans), "")
        if name and claim.sub_event_type in _SUICIDE_UPGRADES:
            claim = replace(
                claim,
                event_type="Explosions/Remote violence",
                sub_event_type="Suicide bomb",
                alt_sub_event_types=tuple(
                    dict.fromkeys((*claim.alt_sub_event_types, claim.sub_event_type))
                ),
                rule=f"{claim.rule}+{name}/scene",
            )
        out.append(claim)
    return out


_PROTESTER_NOUNS = {"protester", "protestor", "demonstrator", "marcher"}


def _protesters_detained(rule: TriggerRule, obj_tok: Any, tok: Any) -> bool:
    """An arrest told in the passive with no agent whose detained are named as protesters."""
    return (
        rule.sub_event_type == "Arrests"
        and obj_tok is not None
        and obj_tok.dep_ == "nsubjpass"
        and obj_tok.head == tok
        and obj_tok.lemma_.lower() in _PROTESTER_NOUNS
        and not any(c.dep_ == "agent" for c in tok.children)
    )


def _arrests_at_a_protest(
    ctx: _Ctx, sent: Sentence, rule: TriggerRule, obj_tok: Any, actor1: Any
) -> bool:
    """An arrest by state forces of a crowd ("people", "protesters", "dozens of them") told in
    a sentence, or right after a sentence or a headline, about protests."""
    if rule.sub_event_type != "Arrests" or obj_tok is None or actor1 is None:
        return False
    if actor1.inter != 1 or obj_tok.lemma_.lower() not in _DETAINED_CROWD:
        return False
    near = [sent.span] + [s.span for s in ctx.seen[-2:] if s.index < sent.index]
    lemmas = {t.lemma_.lower() for span in near for t in span}
    title = set(ctx.article.title.lower().replace(",", " ").split())
    return bool(lemmas & _PROTEST_WORDS or title & (_PROTEST_WORDS | {"protests", "rallies"}))


_INTERCEPT_VERBS = {"intercept", "down", "destroy", "neutralise", "neutralize"}
_ALL_OR_MOST = {"them", "most", "all", "both", "majority", "which", "they"}


def _mostly_intercepted(sent: Sentence, tok: Any) -> bool:
    """The sentence that tells a launch says all or most of what was fired was intercepted
    ("most of them were intercepted", "all of which were shot down"): a passive of an
    interception verb whose subject is the projectiles told, not a new weapon."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    for verb in sent.span:
        if verb.i <= tok.i or verb.lemma_.lower() not in _INTERCEPT_VERBS:
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subj is None:
            continue
        words = {t.lower_ for t in subj.subtree}
        if subj.lower_ in ("most", "all", "both", "majority", "they", "which") and not (
            words & {"few", "some", "one", "two", "three", "several"}
        ):
            return bool(words & _ALL_OR_MOST)
    return False


_COUNT_NOUNS = {"number", "toll", "count", "tally"}
_RISE_VERBS = {"rise", "climb", "reach", "increase", "jump", "mount", "grow"}


def _in_rising_count(tok: Any) -> bool:
    """ "The number of people killed by a bomber at a mosque rose to 100 on Tuesday": the
    trigger sits inside a count that rose, and the weekday dates the count, not the act."""
    node = tok
    for _ in range(8):
        if node.head.i == node.i:
            return False
        if node.lemma_.lower() in _COUNT_NOUNS and node.dep_ == "nsubj":
            return node.head.lemma_.lower() in _RISE_VERBS
        node = node.head
    return False


def _the_suicide_bomber(ctx: _Ctx, subj: Any) -> bool:
    """ "The bomber" (a definite, singular person) in a report that told a suicide bombing."""
    return (
        subj is not None
        and subj.lower_ == "bomber"
        and any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children)
        and any(c.sub_event_type == "Suicide bomb" for c in ctx.claims)
    )


def _between_misattached(verb: Any) -> list[Any]:
    """ "an exchange of fire took place near the crossing between Egyptian and Israeli
    soldiers": the parser hangs the sides on the place phrase; people named there (not places:
    "the border between Mali and Niger") are the sides."""
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        for pobj in prep.children:
            found = _between(pobj) if pobj.dep_ == "pobj" else []
            if found and all(t.pos_ == "NOUN" for t in found):
                return found
    return []


_OBJECT_PRONOUNS = frozenset({"them", "they", "it"})


def _antecedent_lemmas(tok: Any) -> set[str]:
    """What a pronoun object stands for, told by the sentence before ("... attacked the
    residence with three drones. Two of them were shot down"): the nouns of that sentence."""
    said = [
        t
        for c in tok.children
        if c.dep_ in ("dobj", "nsubjpass")
        for t in c.subtree
        if t.lower_ in _OBJECT_PRONOUNS
    ]
    if not said or tok.sent.start == 0:
        return set()
    before = tok.doc[tok.sent.start - 1].sent
    return {t.lemma_.lower() for t in before if t.pos_ == "NOUN"}
