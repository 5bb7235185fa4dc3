"""The annotate stage: paragraphs, offsets, and the name ruler before the NER."""

from __future__ import annotations

from dyad.annotate import annotate, load_nlp, paragraphs
from dyad.model import Article, Document
from dyad.settings import load_settings


def nlp():
    return load_nlp(load_settings().model)


def test_paragraphs_keep_their_offsets():
    text = "First line.\nSecond line.\n\n  \nThird."
    found = list(paragraphs(text))
    assert [text[o:o + len(p)] for o, p in found] == [p for _, p in found]
    assert [p for _, p in found] == ["First line.", "Second line.", "Third."]


def test_sentences_and_mentions_point_into_the_article_text():
    text = "Photo credit line without a stop\nRussia and Tajikistan signed a deal.\n\nMoscow welcomed it."
    [document] = annotate([Document(article=Article(doc_id="x", source="t", text=text))], nlp())
    for sentence in document.sentences:
        assert text[sentence.start:sentence.end] == sentence.text
    for mention in document.mentions:
        assert text[mention.start:mention.end] == mention.text
    # a line is never glued to the next one: no sentence spans a newline
    assert all("\n" not in s.text for s in document.sentences)


def test_name_ruler_tags_countries_capitals_and_organisations_with_their_codes():
    doc = nlp()("South Korea and the United Nations met in Dushanbe; the U.S. and NATO sent envoys.")
    ents = {(e.text, e.label_, e.ent_id_) for e in doc.ents}
    assert {("South Korea", "GPE", "KOR"), ("United Nations", "ORG", "IGOUNO"),
            ("Dushanbe", "GPE", "TJK"), ("U.S.", "GPE", "USA"), ("NATO", "ORG", "IGOWSTNAT")} <= ents


def test_name_ruler_ignores_common_words_in_lower_case():
    doc = nlp()("Tell us about the fine china they bought.")
    assert not [e for e in doc.ents if e.ent_id_]
