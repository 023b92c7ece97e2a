"""Work done in forked processes, so that a build uses more than one core.

MkDocs builds pages in one process. On a machine with two or more cores, the hooks can render
offer pages in two processes at once, and write the open data while MkDocs renders its pages.
A child process gets everything it needs by being forked (nothing is sent to it) and sends back
its result, pickled, through a pipe.

Forking is used only where it is safe: a process with one thread (the build and the check, never
`mkdocs serve`, whose server and file watcher are threads) on Linux. Everywhere
else the same work runs in this process, in the same order, with the same result.
"""

from __future__ import annotations

import gc
import os
import pickle
import sys
import threading
import traceback
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

T = TypeVar("T")
R = TypeVar("R")


class WorkerError(RuntimeError):
    """A forked process failed; the message holds its traceback."""


def can_fork() -> bool:
    """Linux only: on macOS a forked child can crash in system libraries the parent has used (which
    is why Python does not fork there by default), and Windows cannot fork at all."""
    return sys.platform.startswith("linux") and hasattr(os, "fork") and threading.active_count() == 1


class Later(Generic[T]):
    """`function()`, computed in a forked child while this process goes on; `result()` waits for it.

    Without a safe fork, `function()` runs when `result()` is first asked for.
    """

    def __init__(self, function: Callable[[], T], fork: bool = True) -> None:
        self._function: Callable[[], T] | None = function
        self._pid = 0
        self._read = -1
        self._done = False
        self._value: T | None = None
        if fork and can_fork():
            self._start()

    def _start(self) -> None:
        assert self._function is not None
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: compute, send, and leave without running the parent's exit handlers
            # The parent's objects are never collected here: without this, the first garbage collection
            # would write to every one of them and so copy most of the parent's memory into this process.
            gc.freeze()
            status = 0
            try:
                os.close(read)
                try:
                    payload = pickle.dumps((True, self._function()), protocol=pickle.HIGHEST_PROTOCOL)
                except BaseException:  # everything is sent back to the parent
                    payload = pickle.dumps((False, traceback.format_exc()))
                with os.fdopen(write, "wb") as out:
                    out.write(payload)
            except BaseException:  # e.g. the parent has gone: nothing to tell
                status = 1
            finally:
                os._exit(status)
        os.close(write)
        self._pid, self._read = pid, read

    @property
    def forked(self) -> bool:
        return self._pid != 0

    def result(self) -> T:
        if not self._done:
            self._value = self._receive() if self._pid else self._run_here()
            self._done, self._function = True, None
        return self._value  # type: ignore[return-value]

    def cancel(self) -> None:
        """Stop waiting for a child whose result is no longer wanted (say, the build failed)."""
        if self._pid:
            os.close(self._read)  # the child's write then fails and it leaves
            os.waitpid(self._pid, 0)
            self._pid = 0
        self._done, self._function = True, None

    def __del__(self) -> None:
        self.cancel()

    def _run_here(self) -> T:
        assert self._function is not None
        return self._function()

    def _receive(self) -> T:
        with os.fdopen(self._read, "rb") as stream:
            data = stream.read()
        _, status = os.waitpid(self._pid, 0)
        self._pid = 0
        if not data:
            raise WorkerError(f"En delprocess avslutades utan resultat (status {status}).")
        ok, value = pickle.loads(data)
        if not ok:
            raise WorkerError(value)
        return value  # type: ignore[no-any-return]


def fork_map(function: Callable[[T], R], items: Sequence[T], workers: int, minimum: int = 200) -> list[R]:
    """`[function(item) for item in items]`, in `workers` processes when that is safe and there are at
    least `minimum` items.

    The items are cut into small chunks, and each process (this one and `workers - 1` forked children)
    takes the next chunk nobody has taken until none is left. A child is slower per item than this
    process (it copies the memory it writes to, and pickles what it sends back), so fixed slices would
    leave this process waiting at the end; taking chunks, every process stops within one chunk of the
    others. A child pickles each chunk's results as soon as it is done, so nothing is left to do at the end
    but send them.
    """
    if workers < 2 or len(items) < minimum or not can_fork():
        return [function(item) for item in items]
    # The first item before forking: what doing it loads and caches (a schema, locale data, compiled templates
    # and patterns) is then inherited by every child, not loaded again in each.
    first = function(items[0])
    bounds = _chunks(len(items))
    # One ticket per chunk, a byte holding its number, all written before forking: a process takes a chunk by
    # reading one byte, which no other process can read too, and the end of the pipe means none are left.
    tickets, write = os.pipe()
    os.write(write, bytes(range(len(bounds))))
    os.close(write)
    try:
        others = [Later(_taking(function, items, bounds, tickets, pickled=True)) for _ in range(workers - 1)]
        for other in others:
            if not other.forked:
                other.cancel()  # never run here after the tickets are closed: its chunks are done below
        done: dict[int, list[R]] = dict(_taking(function, items, bounds, tickets, pickled=False)())
    finally:
        os.close(tickets)
    for other in others:
        if other.forked:
            done.update((index, pickle.loads(chunk)) for index, chunk in other.result())
    results = [first]
    for index in range(len(bounds)):  # every chunk was taken: this process reads tickets until none is left
        results += done[index]
    return results


_MAX_CHUNKS = 255
"""Chunk numbers fit in one byte (a ticket). With many more chunks the tickets would cost more than they save."""


def _chunks(count: int) -> list[tuple[int, int]]:
    """(start, end) of the chunks of items 1 to `count`: as small as 255 chunks allow."""
    size = max(1, -(-(count - 1) // _MAX_CHUNKS))
    return [(start, min(start + size, count)) for start in range(1, count, size)]


def _taking(
    function: Callable[[T], R], items: Sequence[T], bounds: list[tuple[int, int]], tickets: int, pickled: bool
) -> Callable[[], list[tuple[int, Any]]]:
    """Take chunks until no ticket is left: (chunk number, results), pickled in a child."""

    def run() -> list[tuple[int, Any]]:
        taken: list[tuple[int, Any]] = []
        while ticket := os.read(tickets, 1):
            start, end = bounds[ticket[0]]
            results = [function(item) for item in items[start:end]]
            taken.append((ticket[0], pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL) if pickled else results))
        return taken

    return run
