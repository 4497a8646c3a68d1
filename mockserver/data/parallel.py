"""Generate dataset blocks in worker processes, yielded in the same order as `generate_blocks`.

Workers are plain `python -m mockserver.data.parallel` subprocesses that pickle blocks to their
stdout: unlike multiprocessing's fork they are safe in threaded servers, and unlike its spawn they
never re-import the caller's `__main__`.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .generate import BLOCK_SIZE, contact_counts, generate_blocks

__all__ = ["generate_blocks_parallel"]

Block = tuple[list[tuple[object, ...]], list[tuple[object, ...]]]

_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])


def _produce(seed: int, count: int, now: int, worker: int, workers: int, out: BinaryIO) -> None:
    """Worker body: pickle every `workers`-th block (starting at `worker`) to `out`, then None."""
    contact_id = 1
    for block in range((count + BLOCK_SIZE - 1) // BLOCK_SIZE):
        if block % workers == worker:
            rows = next(
                generate_blocks(seed, count, now, first_block=block, first_contact_id=contact_id)
            )
            pickle.dump(rows, out, protocol=pickle.HIGHEST_PROTOCOL)
            contact_id += len(rows[1])
        else:
            keep = min(BLOCK_SIZE, count - block * BLOCK_SIZE)
            contact_id += sum(contact_counts(seed, block)[:keep])
    pickle.dump(None, out)
    out.flush()


def _start(seed: int, count: int, now: int, worker: int, workers: int) -> subprocess.Popen[bytes]:
    """Start one worker process with this package importable."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (_PACKAGE_ROOT, env.get("PYTHONPATH")) if p)
    args = [str(a) for a in (seed, count, now, worker, workers)]
    return subprocess.Popen(
        [sys.executable, "-m", "mockserver.data.parallel", *args], stdout=subprocess.PIPE, env=env
    )


def _read(proc: subprocess.Popen[bytes]) -> Block:
    """Unpickle the next block from one worker, failing clearly if it died."""
    assert proc.stdout is not None
    try:
        item = pickle.load(proc.stdout)
    except EOFError:
        item = None
    if item is None:
        raise RuntimeError(f"dataset worker exited early (exit code {proc.wait()})")
    return item  # type: ignore[no-any-return]


def generate_blocks_parallel(seed: int, count: int, now: int, workers: int = 1) -> Iterator[Block]:
    """Yield exactly what `generate_blocks(seed, count, now)` yields, made by worker processes.

    The caller only unpickles and consumes, so generation overlaps with e.g. SQLite inserts.
    """
    procs = [_start(seed, count, now, i, workers) for i in range(max(1, workers))]
    finished = False
    try:
        for block in range((count + BLOCK_SIZE - 1) // BLOCK_SIZE):
            yield _read(procs[block % len(procs)])
        finished = True
    finally:
        for proc in procs:
            if not finished:
                proc.kill()
            if proc.stdout is not None:
                proc.stdout.close()
            proc.wait()


if __name__ == "__main__":
    _seed, _count, _now, _worker, _workers = (int(a) for a in sys.argv[1:6])
    _produce(_seed, _count, _now, _worker, _workers, sys.stdout.buffer)
