"""The corpus run: every article of the sources analysed on Dask, written as parquet parts.

:func:`run_corpus` (``python -m helpers corpus``) works in three steps:

1. **Index.** The sources are read once (:func:`helpers.corpus.sources.read_records`) to list every
   article's id, place and content hash; a duplicate id stops the run here, before any work.
2. **Chunks and parts.** The articles are cut, in corpus order, into chunks of about ``chunk_size``
   (:func:`chunk_bounds`: a chunk ends after an article whose id falls on a boundary, so chunks
   follow the articles, not their positions). A chunk's *key* hashes the analysis version
   (:func:`helpers.corpus.work.analysis_version`) and the id and content hash of each of its
   articles; its results are the files ``DIR/<frame>/part-<chunk number>-<key>.parquet``, one per
   frame, each written atomically (:mod:`helpers.storage`), ``articles`` last. A chunk whose
   ``articles`` part (and the others) already exist is done: a run killed at any point (``kill -9``
   included) continues where it stopped, and a changed article (or a changed analysis) changes its
   chunk's key, so that chunk is analysed again. An article added or removed changes the chunk that
   holds it; the chunks after it keep their keys, and their parts are renamed to their new numbers
   rather than analysed again. Parts of no current chunk are removed at the end, so the folder then
   equals a clean run's.
3. **Dask.** The remaining chunks go to a Dask cluster: a ``distributed.LocalCluster`` of
   ``workers`` single-threaded processes (default: the cores available), or the existing cluster at
   ``scheduler`` (``tcp://HOST:PORT``). The client reads the sources and sends each chunk's texts
   with its task, so workers need no access to the files; results come back to the client, which
   writes the parts as they complete. At most a few chunks per worker are in flight, so memory
   stays flat however large the corpus. Each worker loads spaCy once
   (:func:`helpers.corpus.work.analyse_chunk`).

Determinism: chunks depend only on the corpus and ``chunk_size``, each chunk's frames only on its
articles, and the frames are read back in chunk order (``corpus.json`` lists the parts), so the
frames are identical whatever the number of workers or the order in which chunks finish.

A chunk whose task fails as a whole (a worker killed by the operating system, say) is retried one
article per task, so one poisonous article fails alone.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from helpers.corpus.frames import FRAME_NAMES, chunk_tables, failed_frames
from helpers.corpus.sources import Record, SourceError, check_sources, index_records, read_records
from helpers.corpus.work import analyse_chunk, analysis_version, prepare_worker
from helpers.storage import atomic_path, write_text

__all__ = ["CHUNK_SIZE", "LOCAL_CLUSTER_CONFIG", "MANIFEST", "FORMAT", "CorpusError", "RunSummary", "run_corpus", "default_workers",
           "chunk_bounds", "part_names", "local_cluster", "command"]

#: Articles per chunk (one task, one part per frame; :func:`chunk_bounds`): at least half this, at most twice,
#: about 1.3 times on average. A worker parses its chunk in one ``nlp.pipe`` batch, and small batches cost
#: spaCy more CPU per article (:data:`helpers.corpus.work.PARSE_BATCH`), so chunks should rarely be small.
#: Larger chunks also mean fewer files and tasks, but hold more Docs in memory at once (chunks of up to 64
#: articles raised the benchmark's peak memory from 2.2 to 3.2 GiB with no gain in speed); smaller ones
#: give finer progress, resumption and load balance at the end of a run.
CHUNK_SIZE = 20
#: Chunks in flight per worker thread: enough to keep every worker busy while the client writes.
IN_FLIGHT_PER_THREAD = 2
#: Dask settings of the local cluster (``dask.config.set`` around ``LocalCluster``; a user's own
#: environment variables still win, as Dask documents for ``pre-spawn-environ``):
#:
#: - no statistical profiler (a look at the task thread every 10 ms, for the dashboard): it cost the
#:   workers about 1 % of their time (py-spy at corpus scale), and the corpus has no use for it;
#: - no ``MALLOC_TRIM_THRESHOLD_`` in the workers' environment (Dask's nanny sets it to 65536 by default,
#:   ``distributed.nanny.pre-spawn-environ``; ``None`` unsets it, as Dask documents). Setting it turns off
#:   glibc's adaptive mmap threshold, so every array of 128 KiB or more that spaCy's parser allocates
#:   comes from a fresh ``mmap`` whose pages are faulted in again, batch after batch. With glibc's own
#:   defaults the workers' system time on the bundled corpus fell from 10.8 to 5.4 s (280 articles,
#:   2 workers, user time unchanged), about 19 ms of CPU an article; nlp.pipe alone on 150 articles
#:   in one process, three alternating pairs: 101.9 / 105.8 / 115.6 -> 89.9 / 89.3 / 103.0 ms an article.
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}
MANIFEST = "corpus.json"
FORMAT = "newslens-corpus/1"
#: At most this many failed articles are named on stderr; the articles frame lists them all.
MAX_ERROR_LINES = 20


class CorpusError(RuntimeError):
    """The run cannot start or go on (bad --out, unreadable source, duplicate id, mismatched worker)."""


@dataclass
class RunSummary:
    """What a run did: ``n_analysed`` articles went through the analysis in this run (failed ones
    included), ``n_reused`` came from the parts of an earlier run; ``failures`` lists the one-line error
    of every article of the corpus that failed (``n_failed`` of them), this run's or an earlier one's;
    ``warnings`` the loader's warnings of the articles that were analysed (``source: warning``), which
    the articles frame also holds."""

    out: Path
    n_articles: int = 0
    n_analysed: int = 0
    n_reused: int = 0
    n_failed: int = 0
    n_parts: int = 0
    seconds: float = 0.0
    workers: int = 0
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def line(self) -> str:
        """The one-line summary printed on stderr."""
        return (f"newslens corpus: {self.n_articles} articles, {self.n_articles - self.n_failed} analysed and "
                f"{self.n_failed} failed ({self.n_analysed} read this run, {self.n_reused} reused from an earlier "
                f"run); frames in {self.out} ({self.seconds:.1f} s)")


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def chunk_bounds(index: list[tuple[str, str, str]], chunk_size: int = CHUNK_SIZE) -> list[tuple[int, int]]:
    """``(start, end)`` positions in ``index`` of every chunk, in corpus order.

    A chunk ends after an article whose id hashes to a boundary (one id in ``chunk_size`` on
    average) once it holds at least ``chunk_size // 2`` articles, or once it holds ``2 * chunk_size``
    articles; the last chunk ends with the corpus. Chunks so depend on the articles' ids and not on
    their positions: adding or removing an article changes the chunk that holds it (and, in a run of
    articles without a boundary, the next few), not every chunk after it; editing an article's text
    changes no boundary. The minimum keeps chunks (and so the parser's batches) from being small: with
    ``chunk_size`` 20, chunks hold 10 to 40 articles, about 25 on average. ``chunk_size`` 1 gives one
    article per chunk.
    """
    bounds, start = [], 0
    least = chunk_size // 2
    for i, (article_id, _, _) in enumerate(index):
        n = i + 1 - start  # articles in the chunk so far
        boundary = n >= least and int(hashlib.sha256(article_id.encode()).hexdigest()[:8], 16) % chunk_size == 0
        if boundary or n >= 2 * chunk_size or i == len(index) - 1:
            bounds.append((start, i + 1))
            start = i + 1
    return bounds


def part_names(index: list[tuple[str, str, str]], version: str, chunk_size: int = CHUNK_SIZE) -> list[str]:
    """The part file name of every chunk of ``index`` (:func:`chunk_bounds`; see the module docstring)."""
    names = []
    for n, (start, end) in enumerate(chunk_bounds(index, chunk_size)):
        h = hashlib.sha256(version.encode())
        for article_id, _, digest in index[start:end]:
            h.update(f"\n{article_id}\t{digest}".encode())
        names.append(f"part-{n:06d}-{h.hexdigest()[:20]}.parquet")
    return names


def run_corpus(sources: Iterable[str | Path], out: str | Path, workers: int | None = None,
               scheduler: str | None = None, chunk_size: int = CHUNK_SIZE, model: str | None = None,
               progress: bool = False, log: Callable[[str], None] | None = None) -> RunSummary:
    """Analyse every article of ``sources`` into the corpus frames under ``out`` (module docstring).

    ``workers``: processes of the local cluster (default :func:`default_workers`; ignored with
    ``scheduler``). ``progress``: show a tqdm bar on stderr. ``log``: where one-line messages go
    (default stderr). Raises :class:`CorpusError` before any work for a bad ``out``, a source that
    cannot be read, or a duplicate id.
    """
    t0 = time.perf_counter()
    log = log or (lambda msg: print(msg, file=sys.stderr))
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise CorpusError(f"{out}: exists and is not a folder (--out needs a folder)")
    if workers is not None and workers < 1:
        raise CorpusError(f"--workers must be at least 1 (got {workers})")
    if chunk_size < 1:
        raise CorpusError(f"chunk size must be at least 1 (got {chunk_size})")
    try:
        paths = check_sources(sources)
        index = index_records(read_records(paths))
    except SourceError as err:
        raise CorpusError(str(err)) from None
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise CorpusError(f"{out}: cannot be created ({err.strerror or err})") from None
    version = analysis_version(model)
    bounds = chunk_bounds(index, chunk_size)
    names = part_names(index, version, chunk_size)
    _renumber_parts(out, names)
    todo = [n for n, name in enumerate(names) if not _part_done(out, name)]
    summary = RunSummary(out=out, n_articles=len(index), n_parts=len(names))
    summary.n_reused = len(index) - sum(bounds[n][1] - bounds[n][0] for n in todo)
    if todo:
        bar = _progress_bar(len(index), summary.n_reused, progress)
        try:
            _analyse(paths, index, names, todo, bounds, out, version, model, workers, scheduler,
                     summary, bar, log)
        finally:
            bar.close()
    _write_manifest(out, version, chunk_size, paths, names, len(index))
    _remove_stale_parts(out, set(names))
    # every failed article of the corpus, reused parts' included, so that a resumed run names them too
    summary.failures, summary.warnings = _failures(out, names)
    summary.n_failed = len(summary.failures)
    summary.seconds = time.perf_counter() - t0
    for line in summary.failures[:MAX_ERROR_LINES]:
        log(f"newslens corpus: failed: {line}")
    if len(summary.failures) > MAX_ERROR_LINES:
        log(f"newslens corpus: ... and {len(summary.failures) - MAX_ERROR_LINES} more failed "
            f"(the articles frame lists every one with its error)")
    for line in summary.warnings[:MAX_ERROR_LINES]:
        log(f"newslens corpus: warning: {line}")
    if len(summary.warnings) > MAX_ERROR_LINES:
        log(f"newslens corpus: ... and {len(summary.warnings) - MAX_ERROR_LINES} more warnings "
            f"(the articles frame's warnings column lists every one)")
    return summary


# --- the Dask part ------------------------------------------------------------------------------------


def _analyse(paths, index, names, todo, bounds, out, version, model, workers, scheduler, summary, bar, log):
    from distributed import Client, as_completed

    cluster = None
    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except (OSError, ValueError, TypeError) as err:  # nothing listening, a bad address, a timeout
            raise CorpusError(f"cannot reach the Dask scheduler at {scheduler}: {str(err).splitlines()[0] if str(err) else type(err).__name__}"
                              " (is `dask scheduler` running there?)") from None
    else:
        summary.workers = max(1, workers or default_workers())
        cluster = local_cluster(summary.workers)
        client = Client(cluster)
    try:
        threads = sum(client.nthreads().values())
        if not threads:
            raise CorpusError(f"the Dask cluster at {scheduler} has no workers")
        summary.workers = summary.workers or len(client.nthreads())
        versions = client.run(prepare_worker, model)
        wrong = {w: v for w, v in versions.items() if v != version}
        if wrong:
            worker, theirs = next(iter(wrong.items()))
            raise CorpusError(f"Dask worker {worker} runs another analysis ({theirs}) than this client ({version}); "
                              f"install the same newslens and pipeline on every worker")
        chunks = _todo_chunks(paths, index, todo, bounds)
        pending: dict[str, tuple] = {}  # future key -> (chunk number, records, single-article slot or None)
        singles: dict[int, list] = {}  # chunk number -> per-article results of a chunk retried article by article
        done = as_completed()

        def submit_next() -> bool:
            try:
                n, records = next(chunks)
            except StopIteration:
                return False
            _submit(client, done, pending, n, records, names[n], None, model)
            return True

        for _ in range(max(2, IN_FLIGHT_PER_THREAD * threads)):
            if not submit_next():
                break
        for future in done:
            n, records, slot = pending.pop(future.key)
            error = future.exception() if future.status == "error" else None
            tables = None if error is not None else future.result()
            future.release()
            if slot is None and error is None:
                _finish_chunk(out, names[n], tables, summary, bar)
                submit_next()
            elif slot is None:  # the whole chunk failed: retry it one article per task
                singles[n] = [None] * len(records)
                for i, record in enumerate(records):
                    _submit(client, done, pending, n, [record], names[n], i, model)
            else:
                singles[n][slot] = tables if error is None else _failed_tables(records[0], error)
                if all(t is not None for t in singles[n]):
                    merged = {f: pa.concat_tables([t[f] for t in singles.pop(n)]) for f in FRAME_NAMES}
                    _finish_chunk(out, names[n], merged, summary, bar)
                    submit_next()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def local_cluster(workers: int):
    """The ``distributed.LocalCluster`` of a run without ``--scheduler``: ``workers`` single-threaded
    processes, with :data:`LOCAL_CLUSTER_CONFIG`, the dashboard on any free port (never a clash)."""
    import dask
    from distributed import LocalCluster

    with dask.config.set(LOCAL_CLUSTER_CONFIG):
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                            silence_logs=logging.ERROR)


def _submit(client, done, pending, n, records, name, slot, model):
    key = f"newslens-corpus-{name.removesuffix('.parquet')}" + ("" if slot is None else f"-{slot}")
    future = client.submit(analyse_chunk, records, model, key=key, pure=False, retries=0)
    pending[future.key] = (n, records, slot)
    done.add(future)


def _failed_tables(record: Record, error: BaseException) -> dict[str, pa.Table]:
    message = f"{record.where}: the analysis stopped its worker ({type(error).__name__}: {error})"
    return chunk_tables([failed_frames(record, message)])


def _todo_chunks(paths, index, todo, bounds) -> Iterator[tuple[int, list[Record]]]:
    """The records of each chunk in ``todo``, read again from the sources (checked against the index)."""
    chunk_of = {i: n for n in todo for i in range(*bounds[n])}
    chunk: list[Record] = []
    for i, record in enumerate(read_records(paths)):
        n = chunk_of.get(i)
        if n is None:
            continue
        if i >= len(index) or (record.article_id, record.digest) != (index[i][0], index[i][2]):
            raise CorpusError(f"{record.where}: the source changed while the corpus was being analysed; run again")
        chunk.append(record)
        if i == bounds[n][1] - 1:
            yield n, chunk
            chunk = []


def _finish_chunk(out: Path, name: str, tables: dict[str, pa.Table], summary: RunSummary, bar) -> None:
    _write_part(out, name, tables)
    articles = tables["articles"]
    summary.n_analysed += articles.num_rows
    bar.update(articles.num_rows)


def _write_part(out: Path, name: str, tables: dict[str, pa.Table]) -> None:
    """Write one chunk's part of every frame, ``articles`` last (its presence marks the part done)."""
    for frame in (*[f for f in FRAME_NAMES if f != "articles"], "articles"):
        with atomic_path(out / frame / name) as tmp:
            pq.write_table(tables[frame], tmp)


def _part_done(out: Path, name: str) -> bool:
    return all((out / frame / name).is_file() for frame in FRAME_NAMES)


def _renumber_parts(out: Path, names: list[str]) -> None:
    """Give the finished parts of a chunk that moved (articles added or removed before it) their new
    number: same key, same articles, same frames. ``articles`` is renamed last, so a run killed in
    between finds the chunk undone and analyses it again."""
    key = lambda name: name.split("-", 2)[2]  # part-<number>-<key>.parquet
    have = {key(p.name): p.name for p in (out / "articles").glob("part-*.parquet") if _part_done(out, p.name)}
    for name in names:
        old = have.get(key(name))
        if old is None or old == name or _part_done(out, name):
            continue
        for frame in (*[f for f in FRAME_NAMES if f != "articles"], "articles"):
            os.replace(out / frame / old, out / frame / name)


def _write_manifest(out, version, chunk_size, paths, names, n_articles) -> None:
    manifest = {"format": FORMAT, "newslens": _newslens_version(), "analysis": version, "chunk_size": chunk_size,
                "n_articles": n_articles,
                "sources": [str(p) for p in paths], "frames": list(FRAME_NAMES), "parts": names}
    write_text(out / MANIFEST, json.dumps(manifest, indent=1) + "\n")


def _newslens_version() -> str:
    from importlib import metadata

    try:
        return metadata.version("newslens")
    except metadata.PackageNotFoundError:  # run from a source tree that is not installed
        return "unknown"


def _remove_stale_parts(out: Path, current: set[str]) -> None:
    for frame in FRAME_NAMES:
        for p in (out / frame).glob("part-*.parquet"):
            if p.name not in current:
                p.unlink(missing_ok=True)


def _failures(out: Path, names: list[str]) -> tuple[list[str], list[str]]:
    """The one-line error of every failed article in the parts ``names``, and the loader's warnings of
    every analysed one (``source: warning``), in corpus order."""
    failures, warnings = [], []
    for name in names:
        table = pq.read_table(out / "articles" / name, columns=["source", "status", "error", "warnings"])
        for source, status, error, notes in zip(*(table.column(c).to_pylist()
                                                  for c in ("source", "status", "error", "warnings"))):
            if status != "ok":
                failures.append(error)
            else:
                warnings += [f"{source}: {note}" for note in notes or []]
    return failures, warnings


def _progress_bar(total: int, initial: int, show: bool):
    from tqdm import tqdm

    return tqdm(total=total, initial=initial, unit="article", desc="corpus", file=sys.stderr, disable=not show,
                dynamic_ncols=True)


def command(args) -> int:
    """``python -m helpers corpus``: run, print the one-line summary, return the exit status."""
    progress = not args.quiet and sys.stderr.isatty()
    try:
        summary = run_corpus(args.sources, args.out, workers=args.workers, scheduler=args.scheduler,
                             chunk_size=args.chunk_size, model=args.model, progress=progress)
    except CorpusError as err:
        print(f"newslens corpus: error: {err}", file=sys.stderr)
        return 2
    print(summary.line(), file=sys.stderr)
    return 2 if summary.n_failed else 0
