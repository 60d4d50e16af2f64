"""A light, read-only view of a parsed spaCy Doc: plain Python tokens with __slots__.

spaCy builds a new Token object (and looks its strings up) on every `doc[i]`,
`.head`, `.children` or `.lemma_`; extraction reads each token's attributes many
times, so the parse is copied once into these objects and read from them.

The view keeps spaCy's names and behaviour for what extraction uses: a Doc that is
indexed and sliced like spaCy's (a slice is a Span), Spans with `.root`, `.ents`,
`.text`, `.start_char`; Tokens with text, lower_, lemma_, pos_, tag_, dep_, ent_type_,
i, idx, like_num, is_alpha, is_stop, is_punct, is_space, whitespace_, text_with_ws,
head, children, lefts, rights, subtree, ancestors, left_edge, right_edge, sent, doc,
nbor() and is_ancestor(). `children`, `subtree` and `ancestors` are tuples in spaCy's
order (spaCy yields them lazily). One Token object stands for one position, so `==`
is identity, as spaCy compares a doc's tokens by position.

A Doc pickles as a few columns of a string table (no spaCy vocabulary), for
engines that ship parsed reports between processes.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from typing import Any, overload

__all__ = ["Doc", "Span", "Token", "from_spacy"]

_ALPHA, _STOP, _NUM, _PUNCT, _SPACE, _WS = 1, 2, 4, 8, 16, 32


class Token:
    """One parsed word (attributes as spaCy names them)."""

    __slots__ = (
        "doc",
        "i",
        "idx",
        "text",
        "text_with_ws",
        "whitespace_",
        "lower_",
        "lemma_",
        "pos_",
        "tag_",
        "dep_",
        "ent_type_",
        "like_num",
        "is_alpha",
        "is_stop",
        "is_punct",
        "is_space",
        "head",
        "children",
        "sent",
        "_subtree",
        "_ancestors",
    )
    doc: Doc
    i: int
    idx: int
    text: str
    text_with_ws: str
    whitespace_: str
    lower_: str
    lemma_: str
    pos_: str
    tag_: str
    dep_: str
    ent_type_: str
    like_num: bool
    is_alpha: bool
    is_stop: bool
    is_punct: bool
    is_space: bool
    head: Token
    children: tuple[Token, ...]
    sent: Span
    _subtree: tuple[Token, ...] | None
    _ancestors: tuple[Token, ...] | None

    def __len__(self) -> int:
        return len(self.text)

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text

    def __reduce__(self) -> tuple[Any, ...]:
        return (_token_of, (self.doc, self.i))

    @property
    def lefts(self) -> tuple[Token, ...]:
        return tuple(c for c in self.children if c.i < self.i)

    @property
    def rights(self) -> tuple[Token, ...]:
        return tuple(c for c in self.children if c.i > self.i)

    @property
    def n_lefts(self) -> int:
        return len(self.lefts)

    @property
    def n_rights(self) -> int:
        return len(self.rights)

    @property
    def subtree(self) -> tuple[Token, ...]:
        """The token and its descendants: left children's subtrees, itself, the right ones'."""
        if self._subtree is None:
            # one walk with a stack (a descendant's own subtree is computed only when asked
            # for, or reused when it already was): (token, True) emits it, (token, False)
            # stands for its whole subtree
            out: list[Token] = []
            stack: list[tuple[Token, bool]] = [(self, False)]
            while stack:
                node, emit = stack.pop()
                if emit:
                    out.append(node)
                elif node._subtree is not None:
                    out.extend(node._subtree)
                elif not node.children:
                    out.append(node)
                else:
                    i = node.i
                    stack.extend((c, False) for c in reversed(node.children) if c.i > i)
                    stack.append((node, True))
                    stack.extend((c, False) for c in reversed(node.children) if c.i < i)
            self._subtree = tuple(out)
        return self._subtree

    @property
    def ancestors(self) -> tuple[Token, ...]:
        """Head, head's head, ... up to the sentence root (nearest first)."""
        if self._ancestors is None:
            out: list[Token] = []
            node = self
            while node.head is not node and len(out) < len(self.doc.tokens):
                node = node.head
                out.append(node)
            self._ancestors = tuple(out)
        return self._ancestors

    @property
    def left_edge(self) -> Token:
        return min(self.subtree, key=lambda t: t.i)

    @property
    def right_edge(self) -> Token:
        return max(self.subtree, key=lambda t: t.i)

    @property
    def is_sent_start(self) -> bool:
        return self.sent.start == self.i

    def is_ancestor(self, descendant: Token) -> bool:
        return descendant.doc is self.doc and any(a is self for a in descendant.ancestors)

    def nbor(self, offset: int = 1) -> Token:
        j = self.i + offset
        if not 0 <= j < len(self.doc.tokens):
            raise IndexError(f"no token at offset {offset} from {self.i}")
        return self.doc.tokens[j]


class Span:
    """Tokens [start, end) of a Doc: a sentence, an entity (label_) or a slice."""

    __slots__ = ("doc", "start", "end", "label_", "_text", "_root", "_capitalised")

    def __init__(self, doc: Doc, start: int, end: int, label: str = "") -> None:
        self.doc = doc
        self.start = start
        self.end = end
        self.label_ = label
        self._text: str | None = None
        self._root: Token | None = None
        self._capitalised: tuple[Token, ...] | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        return (_span_of, (self.doc, self.start, self.end, self.label_))

    def __len__(self) -> int:
        return self.end - self.start

    def __iter__(self) -> Iterator[Token]:
        return iter(self.doc.tokens[self.start : self.end])

    @overload
    def __getitem__(self, key: int) -> Token: ...
    @overload
    def __getitem__(self, key: slice) -> Span: ...
    def __getitem__(self, key: int | slice) -> Token | Span:
        n = self.end - self.start
        if isinstance(key, slice):
            a, b, _ = key.indices(n)
            return self.doc._slice(self.start + a, self.start + max(a, b))
        if key < 0:
            key += n
        if not 0 <= key < n:
            raise IndexError(f"token {key} out of a span of {n}")
        return self.doc.tokens[self.start + key]

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text

    @property
    def start_char(self) -> int:
        if self.start < self.end:
            return self.doc.tokens[self.start].idx
        return self.doc.tokens[self.start].idx if self.start < len(self.doc.tokens) else 0

    @property
    def end_char(self) -> int:
        if self.start < self.end:
            last = self.doc.tokens[self.end - 1]
            return last.idx + len(last.text)
        return self.start_char

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = self.doc.text[self.start_char : self.end_char]
        return self._text

    @property
    def text_with_ws(self) -> str:
        return "".join(t.text_with_ws for t in self)

    @property
    def sent(self) -> Span:
        return self.doc.tokens[self.start].sent

    @property
    def ents(self) -> list[Span]:
        """Entities that lie wholly inside the span (spaCy's rule)."""
        out = []
        for ent in self.doc.ents:
            if ent.start >= self.start:
                if ent.end <= self.end:
                    out.append(ent)
                else:
                    break
        return out

    @property
    def capitalised(self) -> tuple[Token, ...]:
        """The span's tokens whose text starts with an upper-case letter, in order (not
        spaCy's; read once per span): rules about names walk these, not every word."""
        if self._capitalised is None:
            self._capitalised = tuple(
                t for t in self.doc.tokens[self.start : self.end] if t.text[:1].isupper()
            )
        return self._capitalised

    @property
    def root(self) -> Token:
        """spaCy's rule: a sentence root inside the span, else the token (first of the
        nearest) with the fewest steps to the root among those whose head lies outside."""
        if self._root is None:
            self._root = self._find_root()
        return self._root

    def _find_root(self) -> Token:
        tokens = self.doc.tokens
        for i in range(self.start, self.end):
            if tokens[i].head is tokens[i]:
                return tokens[i]
        n = len(tokens)
        best, root = n, -1
        for i in range(self.start, self.end):
            tok = tokens[i]
            if self.start <= tok.head.i < self.end:
                continue
            if (tok.is_space or tok.is_punct) and not tok.children:
                steps = n - 1  # spaCy: a bare space or punctuation is a root of last resort
            else:
                steps = len(tok.ancestors)
            if steps < best:
                best, root = steps, i
        return tokens[self.start] if root == -1 else tokens[root]


class Doc:
    """A parsed text (one paragraph): its tokens, sentences and entities."""

    __slots__ = ("text", "tokens", "sents", "ents", "_slices")

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens: list[Token] = []
        self.sents: list[Span] = []
        self.ents: list[Span] = []
        # (start, end) -> the slice's Span: rules ask again for the same words ("doc[a:b].root"
        # of a place mention, once per trigger), and a Span keeps its root and text
        self._slices: dict[tuple[int, int], Span] = {}

    def __len__(self) -> int:
        return len(self.tokens)

    def __iter__(self) -> Iterator[Token]:
        return iter(self.tokens)

    @overload
    def __getitem__(self, key: int) -> Token: ...
    @overload
    def __getitem__(self, key: slice) -> Span: ...
    def __getitem__(self, key: int | slice) -> Token | Span:
        if key.__class__ is int:  # the common case, tested first
            return self.tokens[key]
        found = self.tokens[key]  # a token, or a list for a slice (the rare case)
        if found.__class__ is list:
            a, b, _ = key.indices(len(self.tokens))  # type: ignore[union-attr]
            return self._slice(a, max(a, b))
        return found  # type: ignore[return-value]

    def _slice(self, a: int, b: int) -> Span:
        span = self._slices.get((a, b))
        if span is None:
            span = self._slices[(a, b)] = Span(self, a, b)
        return span

    def __reduce__(self) -> tuple[Any, ...]:
        return (_doc_from_columns, _columns(self))


def _build(
    text: str,
    fields: list[tuple[str, str, str, str, str, str, str]],
    idx: list[int],
    flags: list[int],
    heads: list[int],
    sent_starts: list[int],
    ents: list[tuple[int, int, str]],
) -> Doc:
    """The Doc from per-token columns: fields = (text, lower, lemma, pos, tag, dep, ent_type)."""
    doc = Doc(text)
    tokens = doc.tokens
    new = Token.__new__
    for i, (word, lower, lemma, pos, tag, dep, ent) in enumerate(fields):
        t = new(Token)
        f = flags[i]
        ws = " " if f & _WS else ""
        t.doc, t.i, t.idx, t.text, t.whitespace_, t.text_with_ws = (
            doc,
            i,
            idx[i],
            word,
            ws,
            word + ws,
        )
        t.lower_, t.lemma_, t.pos_, t.tag_, t.dep_, t.ent_type_ = lower, lemma, pos, tag, dep, ent
        t.is_alpha, t.is_stop, t.like_num = bool(f & _ALPHA), bool(f & _STOP), bool(f & _NUM)
        t.is_punct, t.is_space = bool(f & _PUNCT), bool(f & _SPACE)
        t._subtree = t._ancestors = None
        tokens.append(t)
    _link(doc, heads, sent_starts, ents)
    return doc


def _link(
    doc: Doc, heads: list[int], sent_starts: list[int], ents: list[tuple[int, int, str]]
) -> None:
    """Heads, children (in text order, as spaCy yields them), sentences and entities."""
    tokens = doc.tokens
    kids: dict[int, list[Token]] = {}
    for t, h in zip(tokens, heads, strict=True):
        t.head = tokens[h]
        t.children = ()
        if h != t.i:
            if h in kids:
                kids[h].append(t)
            else:
                kids[h] = [t]
    for h, k in kids.items():
        tokens[h].children = tuple(k)
    bounds = [*sent_starts, len(tokens)]
    for a, b in zip(bounds, bounds[1:], strict=False):
        sent = Span(doc, a, b)
        doc.sents.append(sent)
        for t in tokens[a:b]:
            t.sent = sent
    doc.ents = [Span(doc, a, b, label) for a, b, label in ents]


# spaCy's hashes are of the strings themselves, so these caches hold across documents
_STRINGS: dict[int, str] = {0: ""}
_LEXEMES: dict[int, tuple[str, str, bool, bool, bool, bool, bool]] = {}  # orth -> word
# (orth, lemma, pos, tag, dep, ent_type) -> the word's fields then the token's strings
_Fields = tuple[str, str, bool, bool, bool, bool, bool, str, str, str, str, str]
_TOKENS: dict[tuple[int, int, int, int, int, int], _Fields] = {}
_CACHE_LIMIT = 500_000


def _columns_spec() -> list[int]:
    from spacy.attrs import (
        DEP,
        ENT_IOB,
        ENT_TYPE,
        HEAD,
        IDX,
        LEMMA,
        ORTH,
        POS,
        SENT_START,
        SPACY,
        TAG,
    )

    return [ORTH, LEMMA, POS, TAG, DEP, ENT_TYPE, IDX, HEAD, SPACY, SENT_START, ENT_IOB]


_SPEC: list[int] = []


def _lexeme(vocab: Any, orth: int) -> tuple[str, str, bool, bool, bool, bool, bool]:
    """(text, lower_, is_alpha, is_stop, like_num, is_punct, is_space) of a word."""
    lex = vocab[orth]
    if len(_LEXEMES) > _CACHE_LIMIT:
        _LEXEMES.clear()
    found = _LEXEMES[orth] = (
        lex.orth_,
        lex.lower_,
        lex.is_alpha,
        lex.is_stop,
        lex.like_num,
        lex.is_punct,
        lex.is_space,
    )
    return found


def _string(strings: Any, key: int) -> str:
    if len(_STRINGS) > _CACHE_LIMIT:
        _STRINGS.clear()
        _STRINGS[0] = ""
    found = _STRINGS[key] = strings[key]
    return str(found)


# the English model's known wrong lemmas: "staged a protest" is read as the noun "stag"
_LEMMA_FIXES = {("stag", "VERB"): "stage"}


def _token_fields(vocab: Any, key: tuple[int, int, int, int, int, int]) -> _Fields:
    if len(_TOKENS) > _CACHE_LIMIT:
        _TOKENS.clear()
    strs, strings = _STRINGS, vocab.strings
    lemma, pos, tag, dep, ent = (strs.get(k) or _string(strings, k) for k in key[1:])
    lemma = _LEMMA_FIXES.get((lemma, pos), lemma)
    found = _TOKENS[key] = (
        *(_LEXEMES.get(key[0]) or _lexeme(vocab, key[0])),
        lemma,
        pos,
        tag,
        dep,
        ent,
    )
    return found


def from_spacy(sdoc: Any, text: str | None = None) -> Doc:
    """Copy a spaCy Doc (parsed, with sentences and entities) into the view: one
    `to_array` of the token columns, strings and word flags read through caches.
    `text` is the string that was parsed (spaCy's Doc.text rebuilds it token by token)."""
    if not _SPEC:
        _SPEC.extend(_columns_spec())
    vocab = sdoc.vocab
    known = _TOKENS
    doc = Doc(sdoc.text if text is None else text)
    tokens = doc.tokens
    heads: list[int] = []
    new = Token.__new__
    rows = sdoc.to_array(_SPEC).tolist()
    for i, (orth, lemma, pos, tag, dep, ent, at, head, ws, _, _) in enumerate(rows):
        t = new(Token)
        key = (orth, lemma, pos, tag, dep, ent)
        (
            word,
            t.lower_,
            t.is_alpha,
            t.is_stop,
            t.like_num,
            t.is_punct,
            t.is_space,
            t.lemma_,
            t.pos_,
            t.tag_,
            t.dep_,
            t.ent_type_,
        ) = known.get(key) or _token_fields(vocab, key)
        t.doc, t.i, t.idx, t.text = doc, i, at, word
        if ws:
            t.whitespace_, t.text_with_ws = " ", word + " "
        else:
            t.whitespace_, t.text_with_ws = "", word
        t._subtree = t._ancestors = None
        tokens.append(t)
        heads.append(i + (head if head < 1 << 63 else head - (1 << 64)))
    if any(t.lower_ == "according" for t in tokens):
        _repair_attribution(tokens, heads)
    if "sents" in sdoc.user_hooks or not sdoc.has_annotation("SENT_START"):
        starts = [s.start for s in sdoc.sents]
    else:  # spaCy's Doc.sents: a sentence starts at 0 and wherever sent_start is 1
        starts = [0, *(i for i in range(1, len(rows)) if rows[i][9] == 1)] if rows else []
    _link(doc, heads, starts, _entities(sdoc, rows))
    return doc


_CITING = {"cite", "quote", "report", "publish", "carry", "relay"}


def _repair_attribution(tokens: list[Token], heads: list[int]) -> None:
    """Give the main clause back what the parser hangs on the attribution's verb.

    In "According to the ministry cited by the publication, as a result of the strike on
    Tuesday, 50 people died" spaCy often attaches "as a result of the strike" to "cited";
    what follows the comma after "cited by ..." belongs to the clause "According to"
    modifies ("died"). Changes only `heads` (words after that comma, children of the
    citing verb, move to the main verb)."""
    for acc in tokens:
        if acc.lower_ != "according" or heads[acc.i] == acc.i:
            continue
        main = heads[acc.i]
        for v in tokens[acc.i + 1 : main]:
            if (
                v.lemma_.lower() not in _CITING
                or v.pos_ != "VERB"
                or not _descends(v.i, acc.i, heads)
            ):
                continue
            comma = next(
                (t.i for t in tokens[v.i + 1 : main] if t.text == "," and heads[t.i] == v.i), None
            )
            if comma is None:
                continue
            for t in tokens[comma:main]:
                if heads[t.i] == v.i:
                    heads[t.i] = main


def _descends(i: int, ancestor: int, heads: list[int]) -> bool:
    for _ in range(len(heads)):
        if heads[i] == i:
            return False
        i = heads[i]
        if i == ancestor:
            return True
    return False


def _entities(sdoc: Any, rows: list[list[int]]) -> list[tuple[int, int, str]]:
    """spaCy's Doc.ents from the ENT_IOB (1 in, 2 out, 3 begin) and ENT_TYPE columns."""
    out: list[tuple[int, int, int]] = []
    start, label = -1, 0
    for i, row in enumerate(rows):
        iob, kind = row[10], row[5]
        if iob == 1:
            if start == -1:
                return [(e.start, e.end, e.label_) for e in sdoc.ents]  # spaCy's error
        elif iob in (0, 2) or (iob == 3 and kind == 0):
            if start != -1:
                out.append((start, i, label))
            start, label = -1, 0
        elif iob == 3:
            if start != -1:
                out.append((start, i, label))
            start, label = i, kind
    if start != -1:
        out.append((start, len(rows), label))
    strings = sdoc.vocab.strings
    named = [(a, b, _STRINGS.get(k) or _string(strings, k)) for a, b, k in out]
    return [e for e in named if e[2] != ""]


# ---------------------------------------------------------------- pickling


def _columns(doc: Doc) -> tuple[Any, ...]:
    """(text, string table, per-token string ids, idx, flags, heads, sentence starts, ents)."""
    table: dict[str, int] = {}
    ids = array("i")
    for t in doc.tokens:
        for s in (t.text, t.lower_, t.lemma_, t.pos_, t.tag_, t.dep_, t.ent_type_):
            ids.append(table.setdefault(s, len(table)))
    flags = array(
        "B",
        [
            (t.is_alpha and _ALPHA)
            | (t.is_stop and _STOP)
            | (t.like_num and _NUM)
            | (t.is_punct and _PUNCT)
            | (t.is_space and _SPACE)
            | (_WS if t.whitespace_ else 0)
            for t in doc.tokens
        ],
    )
    return (
        doc.text,
        tuple(table),
        ids.tobytes(),
        array("i", [t.idx for t in doc.tokens]).tobytes(),
        flags.tobytes(),
        array("i", [t.head.i for t in doc.tokens]).tobytes(),
        tuple(s.start for s in doc.sents),
        tuple((e.start, e.end, e.label_) for e in doc.ents),
    )


def _doc_from_columns(
    text: str,
    strings: tuple[str, ...],
    ids_b: bytes,
    idx_b: bytes,
    flags_b: bytes,
    heads_b: bytes,
    starts: tuple[int, ...],
    ents: tuple[tuple[int, int, str], ...],
) -> Doc:
    ids = array("i")
    ids.frombytes(ids_b)
    idx = array("i")
    idx.frombytes(idx_b)
    heads = array("i")
    heads.frombytes(heads_b)
    flags = array("B")
    flags.frombytes(flags_b)
    s = [strings[k] for k in ids]
    fields = [
        (s[j], s[j + 1], s[j + 2], s[j + 3], s[j + 4], s[j + 5], s[j + 6])
        for j in range(0, len(s), 7)
    ]
    return _build(text, fields, list(idx), list(flags), list(heads), list(starts), list(ents))


def _token_of(doc: Doc, i: int) -> Token:
    return doc.tokens[i]


def _span_of(doc: Doc, start: int, end: int, label: str) -> Span:
    for sent in doc.sents:  # a sentence comes back as the doc's own sentence
        if sent.start == start and sent.end == end and not label:
            return sent
    return Span(doc, start, end, label)
