"""The light token view reads exactly as spaCy's Doc it was copied from."""

from __future__ import annotations

import pickle
from typing import Any

import pytest

from frontwatch.nlp import Sentence, load_pipeline, sentences
from frontwatch.nlp._view import Doc, from_spacy
from frontwatch.types import Article

TEXT = (
    "Rebel fighters said on Friday they had captured the town of Tal Rifaat, 20 km north "
    "of Aleppo , after clashes with government forces that killed at least 12 people. "
    "The army denied the claim; a spokesman told Reuters in Damascus that troops "
    "\u201cremain in control\u201d.  Residents   fled toward Azaz."
)
ATTRS = (
    "text", "text_with_ws", "whitespace_", "i", "idx", "lower_", "lemma_", "pos_", "tag_",
    "dep_", "ent_type_", "like_num", "is_alpha", "is_stop", "is_punct", "is_space",
    "is_sent_start",
)  # fmt: skip


@pytest.fixture(scope="module")
def pair() -> tuple[Any, Doc]:
    sdoc = load_pipeline()(TEXT)
    return sdoc, from_spacy(sdoc)


def _ids(tokens: Any) -> list[int]:
    return [t.i for t in tokens]


def test_every_token_attribute_is_spacys(pair: tuple[Any, Doc]) -> None:
    sdoc, doc = pair
    assert len(doc) == len(sdoc) > 40
    for s, v in zip(sdoc, doc, strict=True):
        for attr in ATTRS:
            assert getattr(v, attr) == getattr(s, attr), (attr, s.text)
        assert v.head.i == s.head.i
        assert _ids(v.children) == _ids(s.children)
        assert _ids(v.lefts) == _ids(s.lefts) and _ids(v.rights) == _ids(s.rights)
        assert _ids(v.subtree) == _ids(s.subtree)
        assert _ids(v.ancestors) == _ids(s.ancestors)
        assert v.left_edge.i == s.left_edge.i and v.right_edge.i == s.right_edge.i
        assert (v.sent.start, v.sent.end) == (s.sent.start, s.sent.end)
        assert v.doc is doc and v.head.doc is doc


def test_spans_slice_root_and_entities_as_spacy(pair: tuple[Any, Doc]) -> None:
    sdoc, doc = pair
    assert [(s.start, s.end, s.text) for s in doc.sents] == [
        (s.start, s.end, s.text) for s in sdoc.sents
    ]
    n = len(sdoc)
    for a in range(0, n, 3):
        for b in range(a + 1, min(n, a + 9) + 1):
            sv, ss = doc[a:b], sdoc[a:b]
            assert sv.root.i == ss.root.i, (a, b)
            assert (sv.text, sv.start_char, sv.end_char) == (ss.text, ss.start_char, ss.end_char)
            assert [(e.start, e.end, e.label_) for e in sv.ents] == [
                (e.start, e.end, e.label_) for e in ss.ents
            ]
    assert doc[3:100].end == n and len(doc[5:2]) == 0  # slices clamp as spaCy's do
    sent = doc.sents[0]
    assert sent[1].i == sent.start + 1 and sent[-1].i == sent.end - 1
    assert sent[2:4].start == sent.start + 2
    assert doc[2] == doc[2] and doc[2] != doc[3] and doc[2] in doc[2].subtree


def test_sentences_of_an_article_are_views_with_article_offsets() -> None:
    article = Article(id="x", origin="x", title="", text="Headline here\n\n" + TEXT)
    sents = sentences(article)
    assert all(isinstance(s, Sentence) for s in sents)
    body = sents[1]
    c0, c1 = body.char_span(body.span.start, body.span.end)
    assert article.text[c0:c1] == body.text
    assert body.text == body.span.text and body.span.root.dep_ == "ROOT"


def test_a_view_pickles_small_and_reads_the_same(pair: tuple[Any, Doc]) -> None:
    sdoc, doc = pair
    sent = doc.sents[1]
    data = pickle.dumps((doc, sent, doc[5]))
    back, back_sent, tok = pickle.loads(data)
    assert len(data) < 4000  # a few columns, no spaCy vocabulary
    assert tok is back[5] and back_sent is back.sents[1]
    for v, w in zip(doc, back, strict=True):
        assert [getattr(v, a) for a in ATTRS] == [getattr(w, a) for a in ATTRS]
        assert v.head.i == w.head.i and _ids(v.subtree) == _ids(w.subtree)
    assert [(e.start, e.end, e.label_) for e in back.ents] == [
        (e.start, e.end, e.label_) for e in doc.ents
    ]
