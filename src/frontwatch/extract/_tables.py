"""Loaders for the shipped, user-editable tables: triggers and sources."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

import yaml

from frontwatch.config import DATA_DIR
from frontwatch.types import SourceRef


@dataclass(frozen=True)
class TriggerRule:
    name: str
    kind: str  # event | front_position | displacement | withdrawal
    event_type: str
    sub_event_type: str
    family: str
    verbs: frozenset[str]
    phrases: tuple[str, ...]
    nouns: tuple[str, ...]
    objects: frozenset[str]
    state_sub_event_type: str = ""
    requires_prep: str = ""
    front_only: bool = False
    requires_civilian_victim: bool = False
    requires_civilian_subject: bool = False
    by_actor: dict[str, dict[str, Any]] = field(default_factory=dict)
    alt_when: dict[str, str] = field(default_factory=dict)
    not_objects: frozenset[str] = frozenset()
    not_for: frozenset[str] = frozenset()  # lemmas in the trigger's clause that undo it
    not_subjects: frozenset[str] = frozenset()  # subject lemmas that undo it ("journalists")
    requires_actor1_inter: frozenset[int] = frozenset()
    requires_actor2: bool = False
    when_actor1_inter: dict[int, dict[str, Any]] = field(default_factory=dict)
    when_actor2_inter: dict[int, dict[str, Any]] = field(default_factory=dict)
    actor1_as: str = ""
    default_actor2: str = ""
    swap_roles: bool = False
    recipient_prep: str = ""  # "handed over X to Y": Y (this preposition's object) is actor1
    keep_object: bool = False
    default_actor1: str = ""
    place_if_none: str = ""
    origin_preps: frozenset[str] = frozenset()
    direct_object: bool = False


@dataclass(frozen=True)
class Triggers:
    rules: tuple[TriggerRule, ...]
    light_verbs: frozenset[str]
    actor_kinds: dict[str, tuple[str, ...]]
    intent_nouns: frozenset[str]
    intent_verbs: frozenset[str]
    modal_auxiliaries: frozenset[str]
    deny_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    outcome_verbs: frozenset[str] = frozenset()
    history_markers: re.Pattern[str] | None = None
    background_headings: re.Pattern[str] | None = None
    setting_nouns: frozenset[str] = frozenset()
    conditional_marks: frozenset[str] = frozenset()
    claim_verbs: frozenset[str] = frozenset()
    rumour_words: frozenset[str] = frozenset()
    account_nouns: frozenset[str] = frozenset()
    refuted_words: frozenset[str] = frozenset()
    verify_verbs: frozenset[str] = frozenset()
    inquiry_verbs: frozenset[str] = frozenset()
    accident_markers: re.Pattern[str] | None = None
    long_spans: frozenset[str] = frozenset()
    memory_verbs: frozenset[str] = frozenset()
    civilian_targets: frozenset[str] = frozenset()
    phrase_patterns: tuple[tuple[TriggerRule, str, re.Pattern[str]], ...] = ()
    _verb_index: dict[str, tuple[TriggerRule, ...]] = field(default_factory=dict)
    _noun_index: dict[str, TriggerRule] = field(default_factory=dict)
    # a phrase's first word made of \w only -> its patterns' places in phrase_patterns;
    # (place, first word) of the others
    _phrase_firsts: dict[str, tuple[int, ...]] = field(default_factory=dict)
    _odd_firsts: tuple[tuple[int, str], ...] = ()

    def by_verb(self, lemma: str) -> TriggerRule | None:
        rules = self._verb_index.get(lemma)
        return rules[0] if rules else None

    def rules_for_verb(self, lemma: str) -> tuple[TriggerRule, ...]:
        """Every rule a verb lemma may trigger, in table order (objects decide among them)."""
        return self._verb_index.get(lemma, ())

    def by_noun(self, phrase: str) -> TriggerRule | None:
        return self._noun_index.get(phrase.lower())

    @cached_property
    def noun_heads(self) -> frozenset[str]:
        """Every noun entry and the last word of each: a word that is none of these (in
        its own form or its lemma) heads no noun entry, alone or with its modifiers."""
        last = {k.rsplit(" ", 1)[-1] for k in self._noun_index}
        # "exchange of fire": the noun before "of" heads it (the parser hangs "of fire" on it)
        before_of = {k.split(" of ")[0].rsplit(" ", 1)[-1] for k in self._noun_index if " of " in k}
        return frozenset(self._noun_index) | last | before_of

    def phrases_in(self, lower: str) -> list[tuple[TriggerRule, str, re.Pattern[str]]]:
        """The phrase patterns that can match a lowercased text, in table order: a
        pattern starts with its first word as a whole word (other first words: any)."""
        words = self._phrase_firsts.keys() & word_set(lower)
        picked = [k for w in words for k in self._phrase_firsts[w]]
        picked += [k for k, w in self._odd_firsts if w in lower]
        return [self.phrase_patterns[k] for k in sorted(picked)]


def _rule(row: dict[str, Any]) -> TriggerRule:
    return TriggerRule(
        name=row["name"],
        kind=row.get("kind", "event"),
        event_type=row.get("event_type", ""),
        sub_event_type=row.get("sub_event_type", ""),
        family=row.get("family", ""),
        verbs=frozenset(row.get("verbs", [])),
        phrases=tuple(p.lower() for p in row.get("phrases", [])),
        nouns=tuple(n.lower() for n in row.get("nouns", [])),
        objects=frozenset(row.get("objects", [])),
        state_sub_event_type=row.get("state_sub_event_type", ""),
        requires_prep=row.get("requires_prep", ""),
        front_only=bool(row.get("front_only", False)),
        requires_civilian_victim=bool(row.get("requires_civilian_victim", False)),
        requires_civilian_subject=bool(row.get("requires_civilian_subject", False)),
        by_actor=dict(row.get("by_actor", {})),
        alt_when={k.lower(): v for k, v in (row.get("alt_when") or {}).items()},
        not_objects=frozenset(row.get("not_objects", [])),
        not_for=frozenset(w.lower() for w in row.get("not_for", [])),
        not_subjects=frozenset(w.lower() for w in row.get("not_subjects", [])),
        requires_actor1_inter=frozenset(int(i) for i in row.get("requires_actor1_inter", [])),
        requires_actor2=bool(row.get("requires_actor2", False)),
        when_actor1_inter={
            int(k): dict(v) for k, v in (row.get("when_actor1_inter") or {}).items()
        },
        when_actor2_inter={
            int(k): dict(v) for k, v in (row.get("when_actor2_inter") or {}).items()
        },
        actor1_as=row.get("actor1_as", ""),
        default_actor2=row.get("default_actor2", ""),
        swap_roles=bool(row.get("swap_roles", False)),
        recipient_prep=str(row.get("recipient_prep", "")),
        keep_object=bool(row.get("keep_object", False)),
        default_actor1=row.get("default_actor1", ""),
        place_if_none=row.get("place_if_none", ""),
        origin_preps=frozenset(row.get("origin_preps", [])),
        direct_object=bool(row.get("direct_object", False)),
    )


def _verb_index(rules: tuple[TriggerRule, ...]) -> dict[str, tuple[TriggerRule, ...]]:
    index: dict[str, list[TriggerRule]] = {}
    for rule in rules:
        for verb in rule.verbs:
            index.setdefault(verb, []).append(rule)
    return {k: tuple(v) for k, v in index.items()}


def _noun_index(rules: tuple[TriggerRule, ...]) -> dict[str, TriggerRule]:
    index: dict[str, TriggerRule] = {}
    for rule in rules:
        for noun in rule.nouns:
            index.setdefault(noun, rule)  # the first rule naming a noun wins
    return index


def _phrase_patterns(
    rules: tuple[TriggerRule, ...],
) -> tuple[tuple[TriggerRule, str, re.Pattern[str]], ...]:
    """Compiled once: "took full control of" — up to two words may stand inside a phrase."""
    out = []
    for rule in rules:
        for phrase in rule.phrases:
            words = phrase.split()
            gap = r"\s+(?:[\w-]+\s+){0,2}?"
            rx = re.compile(r"\b" + gap.join(re.escape(w) for w in words) + r"\b")
            out.append((rule, words[0], rx))
    return tuple(out)


_PLAIN_WORD = re.compile(r"\w+")


@lru_cache(maxsize=128)
def word_set(lower: str) -> frozenset[str]:
    """The \\w+ runs of a lowercased sentence, read once: the date gates read them when the
    article's dates are found, the phrase triggers when the sentence is read. (An article's
    sentences fit; a bench repeating 150 sentences finds none of a previous pass.)"""
    if lower.isascii():  # the same runs, by one translation and a split (~3x faster)
        return frozenset(ascii_word_runs(lower))
    return frozenset(_PLAIN_WORD.findall(lower))


def ascii_word_runs(text: str) -> list[str]:
    """The \\w+ runs of ASCII text (re.findall(r"\\w+", text)), by one translation and a split."""
    return text.encode("ascii").translate(_ASCII_WORDS).decode("ascii").split()


# bytes.translate table: ASCII word characters (\w: letters, digits, "_") kept, every other
# byte a space, so that split() gives the \w+ runs of ASCII text
_ASCII_WORDS = bytes(c if c < 128 and (chr(c).isalnum() or c == 95) else 32 for c in range(256))


def _phrase_firsts(
    patterns: tuple[tuple[TriggerRule, str, re.Pattern[str]], ...],
) -> dict[str, tuple[int, ...]]:
    out: dict[str, list[int]] = {}
    for k, (_, word, _) in enumerate(patterns):
        if _PLAIN_WORD.fullmatch(word):
            out.setdefault(word, []).append(k)
    return {w: tuple(ks) for w, ks in out.items()}


def _markers(patterns: list[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\b", re.I)


def _headings(patterns: list[str]) -> re.Pattern[str] | None:
    """Whole-line patterns (a heading is matched from its first word to its last)."""
    if not patterns:
        return None
    return re.compile(r"(?:" + "|".join(f"(?:{p})" for p in patterns) + r")[:?]?", re.I)


@lru_cache(maxsize=1)
def one_sided_sub_types() -> frozenset[str]:
    """Sub-types one side does alone (ACLED codes no actor2 and no deaths): the
    `one_sided_sub_types` row of data/fusion.yaml, read here so that extraction does not
    depend on the fusion stage (which reads it from here too)."""
    raw = yaml.safe_load((DATA_DIR / "fusion.yaml").read_text(encoding="utf-8"))
    return frozenset(raw.get("one_sided_sub_types") or ())


@lru_cache(maxsize=1)
def triggers() -> Triggers:
    raw = yaml.safe_load((DATA_DIR / "triggers.yaml").read_text(encoding="utf-8"))
    mod = raw.get("modality", {})
    rules = tuple(_rule(r) for r in raw["rules"])
    patterns = _phrase_patterns(rules)
    return Triggers(
        rules=rules,
        light_verbs=frozenset(raw.get("light_verbs", [])),
        actor_kinds={k: tuple(v) for k, v in raw.get("actor_kinds", {}).items()},
        intent_nouns=frozenset(mod.get("intent_nouns", [])),
        intent_verbs=frozenset(mod.get("intent_verbs", [])),
        modal_auxiliaries=frozenset(mod.get("modal_auxiliaries", [])),
        deny_verbs=frozenset(mod.get("deny_verbs", [])),
        speech_verbs=frozenset(raw.get("speech_verbs", [])),
        outcome_verbs=frozenset(raw.get("outcome_verbs", [])),
        history_markers=_markers(mod.get("history_markers", [])),
        background_headings=_headings(mod.get("background_headings", [])),
        setting_nouns=frozenset(mod.get("setting_nouns", [])),
        conditional_marks=frozenset(mod.get("conditional_marks", [])),
        claim_verbs=frozenset(mod.get("claim_verbs", [])),
        rumour_words=frozenset(mod.get("rumour_words", [])),
        account_nouns=frozenset(mod.get("account_nouns", [])),
        refuted_words=frozenset(mod.get("refuted_words", [])),
        verify_verbs=frozenset(mod.get("verify_verbs", [])),
        inquiry_verbs=frozenset(mod.get("inquiry_verbs", [])),
        accident_markers=_markers(mod.get("accident_markers", [])),
        long_spans=frozenset(mod.get("long_spans", [])),
        memory_verbs=frozenset(mod.get("memory_verbs", [])),
        civilian_targets=frozenset(raw.get("civilian_targets", [])),
        phrase_patterns=patterns,
        _verb_index=_verb_index(rules),
        _noun_index=_noun_index(rules),
        _phrase_firsts=_phrase_firsts(patterns),
        _odd_firsts=tuple(
            (k, w) for k, (_, w, _) in enumerate(patterns) if not _PLAIN_WORD.fullmatch(w)
        ),
    )


_WORDS = re.compile(r"[\w'’.&/-]+")
# each _WORDS run less its leading and trailing dots (a run of dots alone gives none)
_CORES = re.compile(r"[\w'’&/-]+(?:\.+[\w'’&/-]+)*")


@dataclass(frozen=True)
class SourceTable:
    named: tuple[tuple[re.Pattern[str], SourceRef], ...]
    generic: tuple[tuple[re.Pattern[str], str], ...]
    scales: dict[str, str] = field(default_factory=dict)  # canonical name -> ACLED source scale
    # alias word tuples -> source: lowercased, and case-sensitive for acronyms ("AP", "WHO")
    folded: dict[tuple[str, ...], SourceRef] = field(default_factory=dict)
    exact: dict[tuple[str, ...], SourceRef] = field(default_factory=dict)
    max_words: int = 1
    first_words: frozenset[str] = frozenset()  # lowercased first words of every alias
    # lowercased first word -> the word counts of its aliases, longest first
    lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # lowercased first two words of every alias of two words or more
    pairs: frozenset[tuple[str, str]] = frozenset()

    def scale_of(self, name: str) -> str:
        return self.scales.get(name, "")

    def named_spans(self, text: str) -> list[tuple[int, int, SourceRef]]:
        """(start, end, source) of every named outlet in a text, longest alias first."""
        if not self.lengths:
            return self._named_spans_slow(text)
        if text.isascii() and not self._may_name(_CORES.findall(text.lower())):
            return []  # (most sentences) one scan of the lowered text
        cores = [w.strip(".") for w in _WORDS.findall(text)]  # the words as compared
        lows = list(map(str.lower, cores))
        if self.first_words.isdisjoint(lows):
            return []
        spans: list[re.Match[str]] = []  # the words' places, found at the first name
        out: list[tuple[int, int, SourceRef]] = []
        first, lengths, exact, folded = self.first_words, self.lengths, self.exact, self.folded
        n_words, free = len(cores), 0  # words before `free` belong to a name found
        pairs = self.pairs
        for i in [k for k, w in enumerate(lows) if w in first]:
            if i < free:
                continue
            paired = i + 1 < n_words and (lows[i], lows[i + 1]) in pairs
            for n in lengths.get(lows[i], ()):
                if i + n > n_words or (n > 1 and not paired):
                    continue
                ref = exact.get(tuple(cores[i : i + n])) or folded.get(tuple(lows[i : i + n]))
                if ref is not None:
                    spans = spans or list(_WORDS.finditer(text))
                    out.append((spans[i].start(), spans[i + n - 1].end(), ref))
                    free = i + n
                    break
        return out

    @cached_property
    def _singles(self) -> frozenset[str]:
        """The lowercased first words of the one-word aliases."""
        return frozenset(w for w, ns in self.lengths.items() if 1 in ns)

    def _may_name(self, words: list[str]) -> bool:
        """Whether an alias may start among a text's lowered words (dots stripped): a
        one-word alias's word, or the first two words of a longer one side by side ("the"
        begins outlets' names, but "the army" none)."""
        return not self._singles.isdisjoint(words) or not self.pairs.isdisjoint(
            zip(words, words[1:], strict=False)
        )

    def _named_spans_slow(self, text: str) -> list[tuple[int, int, SourceRef]]:
        """named_spans word by word (the rule the fast path must give the same answer as)."""
        words = [(m.start(), m.end(), m.group(0).strip(".")) for m in _WORDS.finditer(text)]
        out: list[tuple[int, int, SourceRef]] = []
        i = 0
        while i < len(words):
            if words[i][2].lower() not in self.first_words:
                i += 1
                continue
            for n in range(min(self.max_words, len(words) - i), 0, -1):
                key = tuple(w for _, _, w in words[i : i + n])
                ref = self.exact.get(key) or self.folded.get(tuple(w.lower() for w in key))
                if ref is not None:
                    out.append((words[i][0], words[i + n - 1][1], ref))
                    i += n
                    break
            else:
                i += 1
        return out

    def match(self, phrase: str) -> SourceRef | None:
        """The source a phrase names: a known outlet, a generic descriptor, or None."""
        spans = [s for s in self.named_spans(phrase) if not _only_a_modifier(phrase, s[1])]
        if spans:
            return max(spans, key=lambda s: s[1] - s[0])[2]
        for rx, stance in self.generic:
            m = rx.search(phrase)
            if m:
                return SourceRef(
                    name=_qualified(phrase, m) or _clean_descriptor(m.group(0)), stance=stance
                )
        return None


# "Ukrainian military bloggers", "Russian state media analysts": a source's name that only
# qualifies another group of people; that group is the source, not the institution (but "the
# al-Masirah channel" and "a Reuters correspondent" are the outlet itself)
_OTHER_VOICES = re.compile(
    r"\s*(?:bloggers?|analysts?|experts?|commentators?|watchers?|critics?|veterans?|insiders?)\b",
    re.I,
)


def _only_a_modifier(phrase: str, end: int) -> bool:
    return _OTHER_VOICES.match(phrase, end) is not None


_QUALIFIER = re.compile(r"(?:^|\s)((?:[A-Z][\w'’-]*\s+){1,2})$")


def _qualified(phrase: str, m: re.Match[str]) -> str:
    """ "US officials", "a Houthi military spokesman": the descriptor with the capitalised
    words just before it that say whose officials they are."""
    q = _QUALIFIER.search(phrase[: m.start()])
    if q is None:
        return ""
    words = [
        w for w in q.group(1).split() if w.lower() not in ("the", "a", "an", "some", "several")
    ]
    return f"{' '.join(words)} {m.group(0).strip()}".strip() if words else ""


_ARTICLES = re.compile(r"^(?:the|a|an|some|several)\s+", re.I)


def _clean_descriptor(text: str) -> str:
    return _ARTICLES.sub("", text.strip()).strip().lower()


@lru_cache(maxsize=1)
def source_table() -> SourceTable:
    raw = yaml.safe_load((DATA_DIR / "sources.yaml").read_text(encoding="utf-8"))
    named: list[tuple[re.Pattern[str], SourceRef]] = []
    for row in raw.get("sources", []):
        ref = SourceRef(
            name=row["name"],
            stance=row.get("stance", "unknown"),
            country=row.get("country", "") or "",
        )
        for alias in sorted([row["name"], *row.get("aliases", [])], key=len, reverse=True):
            flags = 0 if alias.isupper() else re.I
            named.append((re.compile(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", flags), ref))
    named.sort(key=lambda p: -len(p[0].pattern))
    generic = [
        (re.compile(rf"\b(?:{g['pattern']})\b", re.I), g["stance"]) for g in raw.get("generic", [])
    ]
    scales = {row["name"]: str(row["scale"]) for row in raw.get("sources", []) if row.get("scale")}
    folded: dict[tuple[str, ...], SourceRef] = {}
    exact: dict[tuple[str, ...], SourceRef] = {}
    for row in raw.get("sources", []):
        ref = SourceRef(
            name=row["name"], stance=row.get("stance", "unknown"), country=row.get("country") or ""
        )
        for alias in [row["name"], *row.get("aliases", [])]:
            key = tuple(w.strip(".") for w in _WORDS.findall(alias))
            if alias.isupper():
                exact.setdefault(key, ref)
            else:
                folded.setdefault(tuple(w.lower() for w in key), ref)
    longest = max((len(k) for k in [*folded, *exact]), default=1)
    first = frozenset(k[0].lower() for k in [*folded, *exact] if k)
    counts: dict[str, set[int]] = {}
    for k in [*folded, *exact]:
        if k:
            counts.setdefault(k[0].lower(), set()).add(len(k))
    lengths = {w: tuple(sorted(n, reverse=True)) for w, n in counts.items()}
    pairs = frozenset((k[0].lower(), k[1].lower()) for k in [*folded, *exact] if len(k) > 1)
    return SourceTable(
        tuple(named), tuple(generic), scales, folded, exact, longest, first, lengths, pairs
    )


@lru_cache(maxsize=1)
def shared_country_names() -> dict[str, tuple[str, ...]]:
    """data/place_names.yaml: a short name several countries go by ("Congo": CD, CG)."""
    raw = yaml.safe_load((DATA_DIR / "place_names.yaml").read_text(encoding="utf-8")) or {}
    names = raw.get("shared_country_names") or {}
    return {str(k): tuple(str(c) for c in v) for k, v in names.items()}


def shared_country(name: str, countries: tuple[str, ...]) -> str:
    """The country a shared short name means in a report about `countries` ("" when the
    name is not shared): the first of its countries the report is about, else the first
    listed."""
    options = shared_country_names().get(name)
    if not options:
        return ""
    return next((c for c in countries if c in options), options[0])
