"""Corpus throughput: ``python -m helpers corpus`` on Dask vs spaCy's parse alone, same texts, same run.

The bundled corpus (``data/external/wikinews-2019-2020.jsonl``, 280 articles) is repeated under new
ids (``<id>~<copy>``) to ``--n`` articles and written to a temporary JSONL file. Then, one after the
other on the same machine:

1. **spaCy parse only**: ``nlp.pipe(texts, n_process=WORKERS)`` over the same texts (the pipeline's
   own multiprocessing; words = tokens that are neither punctuation nor space);
2. **newslens corpus**: ``python -m helpers corpus SRC --out OUT --workers WORKERS --quiet`` in a fresh
   output folder (every article read, parsed, analysed and written as parquet parts; cluster start
   and spaCy loading included), or with ``--scheduler``: against a ``dask scheduler`` and WORKERS
   ``dask worker`` processes (one thread each) that this script starts on 127.0.0.1 and stops after.

Printed: articles/s and words/s of both (the same words, so the ratio is the ratio of times), the ratio
newslens / spaCy, and the peak memory of all processes of each step (the sum of the resident set of
the process and all its descendants, sampled every 0.25 s; with ``--scheduler`` the scheduler and
workers are counted too), and whether the targets are met: ratio >= 0.75; 10,000 articles in
<= 20 minutes (extrapolated linearly from the measured rate when ``--n`` is smaller); peak memory
<= 3 GiB.

Each step is also timed in CPU seconds of all its processes (``getrusage`` of this process and of
its reaped descendants). On a machine shared with other work the wall-clock rates move with the
load; the CPU-time ratio (spaCy's CPU seconds / newslens' for the same texts) is the steadier
measure of what the corpus command costs on top of the parse, so it is printed too.

    .venv/bin/python benchmarks/bench_corpus.py                      # 2,000 articles, 2 workers
    .venv/bin/python benchmarks/bench_corpus.py --n 10000            # the full check
    .venv/bin/python benchmarks/bench_corpus.py --scheduler          # on a local dask scheduler + workers
    .venv/bin/python benchmarks/bench_corpus.py --steps 120          # one worker's CPU per step, one process

``--steps N`` times, instead, what one worker does with the first N bundled articles (chunks of 25 through
``helpers.corpus.work.analyse_chunk``, in this process, after a warm-up chunk of 5 other articles): the
CPU time (``time.process_time``) of each step, read by wrapping the public functions that
``helpers.corpus.work`` and ``helpers.pipeline`` call, in ms an article; nested steps are indented under
the step that calls them. Run it before and after a change, one after the other, on the same machine.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "external" / "wikinews-2019-2020.jsonl"
TARGET_RATIO = 0.75
TARGET_SECONDS_10K = 20 * 60
TARGET_PEAK_GIB = 3.0


class PeakMemory:
    """Peak of the summed resident memory of some processes and all their descendants."""

    def __init__(self, pids, interval: float = 0.25):
        self.pids, self.interval, self.peak = list(pids), interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def add(self, pid: int) -> None:
        self.pids.append(pid)

    def _run(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, self.sample())
            self._stop.wait(self.interval)

    def sample(self) -> int:
        seen, total = set(), 0
        for pid in list(self.pids):
            try:
                root = psutil.Process(pid)
                procs = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                continue
            for p in procs:
                if p.pid in seen:
                    continue
                seen.add(p.pid)
                try:
                    total += p.memory_info().rss
                except psutil.NoSuchProcess:
                    pass
        return total


def make_corpus(n: int, path: Path) -> list[str]:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = []
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            row = dict(rows[i % len(rows)])
            row["id"] = f"{row['id']}~{i // len(rows)}"
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            texts.append(row["text"])
    return texts


def cpu_seconds() -> float:
    """CPU seconds (user + system) of this process and of every descendant reaped so far."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def parse_only(texts: list[str], workers: int) -> tuple[float, int, int, float]:
    """Seconds, words, peak memory and CPU seconds of spaCy's parse alone with ``n_process=workers``."""
    from helpers.ingest.nlp import load_nlp

    nlp = load_nlp()
    with PeakMemory([os.getpid()]) as mem:
        c0, t0 = cpu_seconds(), time.perf_counter()
        words = 0
        for doc in nlp.pipe(texts, n_process=workers, batch_size=32):
            words += sum(1 for t in doc if not (t.is_punct or t.is_space))
        seconds, cpu = time.perf_counter() - t0, cpu_seconds() - c0
    return seconds, words, mem.peak, cpu


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_dask(workers: int, tmp: Path) -> tuple[str, list[subprocess.Popen]]:
    """A ``dask scheduler`` and ``workers`` ``dask worker`` processes on 127.0.0.1; returns the address."""
    dask = str(Path(sys.executable).with_name("dask"))
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    log = (tmp / "dask.log").open("w")
    procs = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--dashboard-address",
                               ":0"], stdout=log, stderr=log)]
    for _ in range(workers):
        procs.append(subprocess.Popen([dask, "worker", address, "--nthreads", "1", "--nworkers", "1",
                                       "--no-dashboard", "--local-directory", str(tmp / "dask-worker")],
                                      stdout=log, stderr=log))
    from distributed import Client

    with Client(address, timeout="60s") as client:
        client.wait_for_workers(workers, timeout=120)
    return address, procs


def corpus_run(src: Path, out: Path, workers: int, scheduler: str | None, extra_pids) -> tuple[float, int, str]:
    cmd = [sys.executable, "-m", "helpers", "corpus", str(src), "--out", str(out), "--quiet"]
    cmd += ["--scheduler", scheduler] if scheduler else ["--workers", str(workers)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    with PeakMemory([proc.pid, *extra_pids]) as mem:
        _, err = proc.communicate()
    seconds = time.perf_counter() - t0
    if proc.returncode not in (0, 2) or "newslens corpus: error:" in err:
        raise SystemExit(f"the corpus command failed (exit {proc.returncode}):\n{err}")
    return seconds, mem.peak, err.strip().splitlines()[-1] if err.strip() else ""


def worker_steps(n: int, chunk: int = 25) -> int:
    """Print the CPU time of each step of a worker's loop over the first ``n`` bundled articles (``--steps``)."""
    import collections

    from helpers import pipeline
    from helpers.corpus import work
    from helpers.corpus.sources import read_records
    from helpers.measure import sentiment, share, topics

    records = [r for _, r in zip(range(n + 5), read_records([CORPUS]))]
    work.prepare_worker()
    work.analyse_chunk(records[n:])  # warm-up: lazy imports, lexicons, model (articles not timed below)
    records = records[:n]
    cpu: collections.Counter = collections.Counter()
    order: list[str] = []  # the steps in the order they are printed (a caller before what it calls)

    def timed(module, name, label):
        fn = getattr(module, name)
        order.append(label)

        def wrapper(*args, **kwargs):
            c0 = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                cpu[label] += time.process_time() - c0
        setattr(module, name, wrapper)

    def timed_iter(module, name, label):  # a generator: time each item it makes, not the consumer's work
        fn = getattr(module, name)
        order.append(label)

        def wrapper(*args, **kwargs):
            it = fn(*args, **kwargs)
            while True:
                c0 = time.process_time()
                try:
                    item = next(it)
                except StopIteration:
                    cpu[label] += time.process_time() - c0
                    return
                cpu[label] += time.process_time() - c0
                yield item
        setattr(module, name, wrapper)

    timed(work, "article_from_text", "loader (article_from_text)")
    timed_iter(work, "iter_parse", "parse (nlp.pipe)")
    timed(work, "score_article", "score_article")
    timed(work, "analyze_doc", "  analyze_doc")
    for name in ("paragraphs_frame", "sentences_frame", "resolution_from", "entity_frames", "extract_quotes",
                 "load_corrections", "apply_corrections"):
        timed(pipeline, name, f"    {name}")
    timed(work, "frame_columns", "  frame_columns")
    for module, name in ((share, "classify"), (share, "speaker_share"), (sentiment, "quote_tone_columns"),
                         (sentiment, "speaker_tone_columns"), (sentiment, "entity_sentiment_columns"),
                         (sentiment, "entity_sentiment_summary_columns"), (sentiment, "sentence_tone_columns"),
                         (topics, "keyphrase_columns")):
        timed(module, name, f"  {name}")
    timed(work, "article_frames", "article_frames")
    timed(work, "chunk_tables", "chunk_tables")
    c0 = time.process_time()
    for i in range(0, n, chunk):
        work.analyse_chunk(records[i:i + chunk])
    total = time.process_time() - c0
    print(f"one worker, {n} bundled articles in chunks of {chunk}: ms of CPU an article")
    for label in order:
        print(f"  {label:44s} {cpu[label] / n * 1000:8.2f}")
    print(f"  {'analyse_chunk, all of it':44s} {total / n * 1000:8.2f}")
    print(f"  {'on top of the parse':44s} {(total - cpu['parse (nlp.pipe)']) / n * 1000:8.2f}")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000, help="articles (the bundled 280 repeated; default 2000)")
    ap.add_argument("--workers", type=int, default=2, help="worker processes of both runs (default 2)")
    ap.add_argument("--scheduler", action="store_true",
                    help="run the corpus on a dask scheduler and workers started here on 127.0.0.1")
    ap.add_argument("--skip-baseline", action="store_true", help="time the corpus command only")
    ap.add_argument("--steps", type=int, metavar="N", help="time one worker's steps on N articles instead")
    args = ap.parse_args(argv)
    if args.steps:
        return worker_steps(args.steps)

    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as tmp:
        tmp = Path(tmp)
        src = tmp / "corpus.jsonl"
        texts = make_corpus(args.n, src)
        print(f"corpus: {args.n} articles (the bundled {CORPUS.name} repeated), {args.workers} workers"
              + (", dask scheduler + workers on 127.0.0.1" if args.scheduler else ", local cluster"), flush=True)
        base = None
        if not args.skip_baseline:
            base = parse_only(texts, args.workers)
            print(f"spaCy parse only (n_process={args.workers}): {base[0]:.1f} s, {args.n / base[0]:.1f} articles/s, "
                  f"{base[1] / base[0]:,.0f} words/s, peak memory {base[2] / 2**30:.2f} GiB, "
                  f"CPU {base[3]:.1f} s", flush=True)
        procs = []
        scheduler = None
        c0 = cpu_seconds()
        try:
            if args.scheduler:
                scheduler, procs = start_dask(args.workers, tmp)
            seconds, peak, summary = corpus_run(src, tmp / "out", args.workers, scheduler, [p.pid for p in procs])
        finally:
            for p in reversed(procs):
                p.terminate()
            for p in procs:
                p.wait(timeout=30)
        cpu = cpu_seconds() - c0  # the command and its cluster (or the scheduler and workers started here)
        print(f"newslens corpus: {seconds:.1f} s, {args.n / seconds:.1f} articles/s"
              + (f", {base[1] / seconds:,.0f} words/s" if base else "") + f", peak memory {peak / 2**30:.2f} GiB, "
              f"CPU {cpu:.1f} s")
        print(f"  ({summary})")
        per_10k = seconds / args.n * 10_000
        ok = []
        if base:
            ratio = base[0] / seconds
            ok.append(ratio >= TARGET_RATIO)
            print(f"ratio newslens / spaCy parse only: {ratio:.3f} wall-clock (target >= {TARGET_RATIO}: "
                  f"{'met' if ratio >= TARGET_RATIO else 'NOT met'}); CPU time: {base[3] / cpu:.3f}")
        what = "measured" if args.n == 10_000 else f"extrapolated from {args.n:,}"
        ok.append(per_10k <= TARGET_SECONDS_10K)
        print(f"10,000 articles: {per_10k / 60:.1f} min ({what}; target <= 20 min: "
              f"{'met' if per_10k <= TARGET_SECONDS_10K else 'NOT met'})")
        ok.append(peak / 2**30 <= TARGET_PEAK_GIB)
        print(f"peak memory: {peak / 2**30:.2f} GiB (target <= {TARGET_PEAK_GIB} GiB: "
              f"{'met' if peak / 2**30 <= TARGET_PEAK_GIB else 'NOT met'})")
    return 0 if all(ok) else 1


if __name__ == "__main__":
    raise SystemExit(main())
