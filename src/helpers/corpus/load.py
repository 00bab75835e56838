"""Read a corpus's frames back: as pandas frames, or as dask dataframes for corpora too big for memory.

``DIR/corpus.json`` (written by :func:`helpers.corpus.run.run_corpus`) lists the parts in corpus
order; the readers read exactly those, so a frame's rows come in corpus order and a stray file
(a temp file of a killed run, a part of an older corpus) is never read.

:func:`check_corpus` says whether the frames are missing, incomplete, or made by another analysis
than the installed one (stale), in one line, so a notebook can say so before it uses them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from helpers.corpus.frames import FRAME_NAMES, schema
from helpers.corpus.run import FORMAT, MANIFEST
from helpers.corpus.work import analysis_version

__all__ = ["CorpusFramesError", "CorpusState", "check_corpus", "part_paths", "read_frame", "read_frames",
           "dask_frame"]


class CorpusFramesError(FileNotFoundError):
    """The corpus frames cannot be read (missing or incomplete); the message says what to run."""


@dataclass(frozen=True)
class CorpusState:
    """What :func:`check_corpus` found: ``ok`` (frames complete and made by the installed analysis),
    ``stale`` (complete, made by another analysis), ``missing`` or ``incomplete``; ``message`` is
    one line for a reader; ``analysis`` the version the frames were made with."""

    state: str
    message: str
    n_articles: int = 0
    analysis: str | None = None


def _manifest(out: Path) -> dict:
    path = Path(out) / MANIFEST
    if not path.is_file():
        raise CorpusFramesError(f"{path}: no corpus frames here; run python -m helpers corpus SOURCE... --out {out}")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise CorpusFramesError(f"{path}: unreadable ({err}); run the corpus command again") from None
    if manifest.get("format") != FORMAT:
        raise CorpusFramesError(f"{path}: not a {FORMAT} manifest; run the corpus command again")
    return manifest


def part_paths(out: str | Path, name: str) -> list[Path]:
    """The part files of frame ``name`` in corpus order; raises :class:`CorpusFramesError` when one is missing."""
    if name not in FRAME_NAMES:
        raise ValueError(f"no corpus frame {name!r} (frames: {', '.join(FRAME_NAMES)})")
    out = Path(out)
    paths = [out / name / part for part in _manifest(out)["parts"]]
    missing = [p for p in paths if not p.is_file()]
    if missing:
        raise CorpusFramesError(f"{missing[0]}: missing ({len(missing)} of {len(paths)} parts of {name}); "
                                f"run the corpus command again to finish it")
    return paths


def check_corpus(out: str | Path, model: str | None = None) -> CorpusState:
    """Whether the frames under ``out`` are there, complete and made by the installed analysis.

    The manifest's stamp (:func:`helpers.corpus.work.analysis_version`: a hash of the analysing
    code, spaCy's version, the pipeline's name and version) is compared with the installed one. The
    message names what differs in words (the code, spaCy, the pipeline), never the hashes, so a
    notebook that prints it shows the same line whatever the code's hash, until the frames are
    rebuilt or another part of the stamp changes. ``analysis`` keeps the full stamp."""
    out = Path(out)
    try:
        manifest = _manifest(out)
        for name in FRAME_NAMES:
            part_paths(out, name)
    except CorpusFramesError as err:
        state = "missing" if not (out / MANIFEST).is_file() else "incomplete"
        return CorpusState(state, str(err))
    made_with, now = manifest.get("analysis"), analysis_version(model)
    n = int(manifest.get("n_articles", 0))
    what = f"the corpus frames in {out.name}/ ({n:,} articles)"
    if made_with != now:
        return CorpusState("stale", f"{what} were made by {_difference(made_with, now)}: numbers may differ "
                                    f"until make corpus rebuilds them", n, made_with)
    return CorpusState("ok", f"{what} were made by the installed analysis", n, made_with)


def _difference(made_with: str | None, now: str) -> str:
    """What differs between two analysis stamps, in words (``code-<hash> spacy-<v> <pipeline>-<v>``)."""
    old = (made_with or "").split(" ")
    new = now.split(" ")
    if len(old) != 3:
        return "an unknown analysis"
    parts = []
    if old[0] != new[0]:
        parts.append("another version of the analysis code")
    if old[1] != new[1]:
        parts.append(f"spaCy {old[1].removeprefix('spacy-')} (installed: {new[1].removeprefix('spacy-')})")
    if old[2] != new[2]:
        parts.append(f"the pipeline {old[2]} (installed: {new[2]})")
    return " and ".join(parts) or "another analysis"


def read_frame(out: str | Path, name: str, columns: list[str] | None = None) -> pd.DataFrame:
    """Frame ``name`` of the corpus under ``out`` as one pandas frame, rows in corpus order.

    ``columns`` reads only those (the frames' columns are in :data:`helpers.corpus.frames.FRAMES`).
    """
    paths = part_paths(out, name)
    want = schema(name) if columns is None else pa.schema([schema(name).field(c) for c in columns])
    tables = [pq.read_table(p, columns=want.names, schema=schema(name)) for p in paths]
    table = pa.concat_tables(tables) if tables else want.empty_table()
    return table.to_pandas(date_as_object=False)  # dates as datetime64, for resampling by month


def read_frames(out: str | Path, names: tuple[str, ...] = FRAME_NAMES) -> dict[str, pd.DataFrame]:
    """Several frames at once, by name."""
    return {name: read_frame(out, name) for name in names}


def dask_frame(out: str | Path, name: str, columns: list[str] | None = None):
    """Frame ``name`` as a dask dataframe (one partition per part, in corpus order), for corpora
    whose frames do not fit in memory: ``dask_frame(out, "quotes").groupby("speaker").size().compute()``."""
    import dask.dataframe as dd

    return dd.read_parquet([str(p) for p in part_paths(out, name)], columns=columns)
