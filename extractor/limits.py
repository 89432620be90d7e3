"""limits: the per-document time limit (``ExtractOptions.timeout``).

Two guards share one deadline:

* **Cooperative.** :class:`Deadline` is checked between pages (and anywhere a stage loops, via
  :func:`check_deadline`, which reads the deadline of the running extraction from a context
  variable, so no stage needs an extra parameter). A check costs one clock read.
* **Pre-emptive (POSIX, main thread only).** :func:`time_limit` also arms ``SIGALRM`` with
  ``setitimer``; its handler raises :class:`ExtractionTimeout` at the next Python bytecode, which
  stops a long Python loop inside a stage (layout of a page with 10^6 words, say). A Python signal
  handler cannot interrupt a single C call that never returns; for that last case the CLI arms a
  process-level backstop (:func:`hard_exit_after`), and library callers who need a hard bound on
  hostile input should run extraction in a subprocess.

The signal guard is skipped, silently, when it cannot be used safely: off the main thread, on
platforms without ``SIGALRM``, or when another real-time timer is already armed (pytest-timeout,
an outer :func:`time_limit`); the cooperative checks still apply then.
"""

from __future__ import annotations

import contextvars
import faulthandler
import functools
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from extractor.errors import ExtractionTimeout

_current: contextvars.ContextVar[Deadline | None] = contextvars.ContextVar(
    "extractor_deadline", default=None
)

F = TypeVar("F", bound=Callable[..., Any])


class Deadline:
    """A point in time after which :meth:`check` raises :class:`ExtractionTimeout`.

    ``seconds=None`` means no limit: :meth:`check` never raises.
    """

    __slots__ = ("_clock", "expires_at", "name", "seconds")

    def __init__(
        self, name: str, seconds: float | None, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if seconds is not None and seconds <= 0:
            raise ValueError(f"time limit must be positive seconds, got {seconds}")
        self.name = name
        self.seconds = seconds
        self._clock = clock
        self.expires_at = None if seconds is None else clock() + seconds

    def remaining(self) -> float | None:
        """Seconds left (never negative), or None without a limit."""
        if self.expires_at is None:
            return None
        return max(0.0, self.expires_at - self._clock())

    def expired(self) -> bool:
        return self.expires_at is not None and self._clock() >= self.expires_at

    def error(self) -> ExtractionTimeout:
        return ExtractionTimeout(f"{self.name}: took longer than {self.seconds:g}s (--timeout)")

    def check(self) -> None:
        """Raise :class:`ExtractionTimeout` if the deadline has passed."""
        if self.expires_at is not None and self._clock() >= self.expires_at:
            raise self.error()


def check_deadline() -> None:
    """Check the deadline of the extraction running in this context (no-op outside one)."""
    deadline = _current.get()
    if deadline is not None:
        deadline.check()


def current_deadline() -> Deadline | None:
    return _current.get()


def _can_use_alarm() -> bool:
    return (
        hasattr(signal, "SIGALRM")
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0.0
    )


@contextmanager
def time_limit(name: str, seconds: float | None, *, use_signal: bool = True) -> Iterator[Deadline]:
    """Run the body under a :class:`Deadline` of ``seconds`` (None: no limit).

    The deadline is made current for :func:`check_deadline`; with ``use_signal`` a ``SIGALRM``
    timer also interrupts Python code that runs past it (see the module docstring).
    """
    deadline = Deadline(name, seconds)
    token = _current.set(deadline)
    armed = False
    previous: Any = None
    try:
        if seconds is not None and use_signal and _can_use_alarm():

            def _on_alarm(signum: int, frame: Any) -> None:
                raise deadline.error()

            previous = signal.signal(signal.SIGALRM, _on_alarm)
            armed = True
            signal.setitimer(signal.ITIMER_REAL, seconds)
        yield deadline
    finally:
        if armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)
        _current.reset(token)


def _source_name(source: object) -> str:
    return "<bytes>" if isinstance(source, bytes | bytearray) else str(source)


def with_time_limit(func: F) -> F:
    """Decorate ``extract(source, *, pages=None, options=None)`` to enforce ``options.timeout``."""

    @functools.wraps(func)
    def wrapper(source: Any, *args: Any, **kwargs: Any) -> Any:
        options = kwargs.get("options")
        seconds = getattr(options, "timeout", None)
        if seconds is None:
            return func(source, *args, **kwargs)
        with time_limit(_source_name(source), seconds):
            return func(source, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


@contextmanager
def hard_exit_after(seconds: float | None, *, verbose: bool = False) -> Iterator[None]:
    """Backstop for the CLI only: end the whole process (exit status 1) after ``seconds``.

    Uses :func:`faulthandler.dump_traceback_later`, whose watchdog thread runs in C without the
    GIL, so it fires even when a page hangs inside the PDF library where no Python signal
    handler can run. With ``verbose`` the stack dump goes to stderr, otherwise nowhere.
    """
    if seconds is None:
        yield
        return
    sink = None
    try:
        target: Any
        try:
            if not verbose:
                raise OSError
            target = os.fdopen(os.dup(2), "w")
        except OSError:
            target = open(os.devnull, "w")  # noqa: SIM115 - kept open while armed
        sink = target
        faulthandler.dump_traceback_later(seconds, repeat=False, file=target, exit=True)
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()
        if sink is not None:
            sink.close()


__all__ = [
    "Deadline",
    "check_deadline",
    "current_deadline",
    "hard_exit_after",
    "time_limit",
    "with_time_limit",
]
