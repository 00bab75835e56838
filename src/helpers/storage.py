"""Every file newslens writes is written atomically: a unique temp file in the same folder, renamed
into place when complete.

A reader therefore sees the old file or the new one, never a half-written one; two processes that
write the same output at once leave one complete file (the last rename wins); a write killed
half-way leaves only a ``.<name>.<random>.tmp`` file, which the next write of the same output
removes if it is older than an hour. Use :func:`atomic_path` for a library that writes to a path
itself (``DataFrame.to_parquet``, ``Figure.savefig``, ``DocBin.to_disk``), or the ``write_*``
shortcuts.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

__all__ = ["atomic_path", "write_bytes", "write_parquet", "write_text", "read_parquet_metadata", "PARQUET_METADATA_KEY"]

#: A temp file older than this (seconds) was left by a killed writer and may be removed.
STALE_TEMP_SECONDS = 3600


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a fresh temp path beside ``path``; when the block ends without an exception, the temp
    file replaces ``path`` (``os.replace``, atomic on one file system). On an exception the temp
    file is removed and ``path`` is left as it was. The parent folder is created if needed."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_temps(path)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        # mkstemp makes the file private (0600); the output gets the mode any new file would get
        # (0666 less the umask), or keeps the mode of the file it replaces
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_bytes(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; returns ``path``."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return Path(path)


def write_text(path: str | Path, text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` atomically (``\\n`` line ends kept as they are); returns ``path``."""
    return write_bytes(path, text.encode(encoding))


#: The key of newslens' own entry in a parquet file's schema metadata (see :func:`write_parquet`).
PARQUET_METADATA_KEY = b"newslens"


def write_parquet(frame: pd.DataFrame, path: str | Path, metadata: dict[str, str] | None = None) -> Path:
    """Write ``frame`` (without its index) to the parquet file ``path`` atomically; returns ``path``.

    ``metadata`` (str to str) is stored as JSON in the file's schema metadata, beside pandas' own,
    where :func:`read_parquet_metadata` reads it back without reading the data."""
    with atomic_path(path) as tmp:
        if metadata is None:
            frame.to_parquet(tmp, index=False)
        else:
            table = pa.Table.from_pandas(frame, preserve_index=False)
            extra = {PARQUET_METADATA_KEY: json.dumps(metadata, sort_keys=True).encode("utf-8")}
            pq.write_table(table.replace_schema_metadata({**(table.schema.metadata or {}), **extra}), tmp)
    return Path(path)


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        return 0o666 & ~_UMASK


def _read_umask() -> int:
    # os.umask can only be read by setting it; done once, when the module is imported
    umask = os.umask(0)
    os.umask(umask)
    return umask


_UMASK = _read_umask()


def read_parquet_metadata(path: str | Path) -> dict | None:
    """The ``metadata`` :func:`write_parquet` stored in ``path`` (``None`` when it stored none).
    Raises ``OSError`` or ``ValueError`` (pyarrow's) when ``path`` is not a readable parquet file."""
    raw = (pq.read_schema(path).metadata or {}).get(PARQUET_METADATA_KEY)
    return json.loads(raw) if raw else None


def _remove_stale_temps(path: Path) -> None:
    cutoff = time.time() - STALE_TEMP_SECONDS
    for old in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(FileNotFoundError):  # another writer removed it first
            if old.stat().st_mtime < cutoff:
                old.unlink()
