"""dask_runner: the batch's records from a ``dask.distributed`` cluster.

``dask.distributed`` is imported only when a scheduler is given (``pip install "extractor[dask]"``).
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterator, Sequence
from typing import Any

from extractor.errors import BackendMissingError, ExtractorError
from extractor.options import ExtractOptions
from extractor.records import Record, _one_line, failure_record, process_one

DASK_IN_FLIGHT_PER_THREAD = 4  # futures submitted ahead of the results, per worker thread

# The batch's logger, as before this module was split off from extractor.batch.
log = logging.getLogger("extractor.batch")


def run_dask(
    paths: Sequence[str], scheduler: Any, options: ExtractOptions | None, fmt: str
) -> Iterator[Record]:
    """The same records from a ``dask.distributed`` cluster; the caller's process writes them.

    ``scheduler`` is an address (``tcp://HOST:PORT``) or a ``distributed.Client``. Only a
    bounded number of futures is submitted ahead of the results.
    """
    try:
        from distributed import Client, as_completed
    except ImportError as exc:
        raise BackendMissingError(
            'running on a Dask scheduler needs dask.distributed: pip install "extractor[dask]"'
        ) from exc
    own = not hasattr(scheduler, "submit")
    try:
        client = Client(scheduler) if own else scheduler  # type: ignore[no-untyped-call]
    except (OSError, ValueError) as exc:  # TimeoutError is an OSError
        raise ExtractorError(f"{scheduler}: cannot reach the Dask scheduler ({exc})") from exc
    try:
        threads = sum(client.nthreads().values())
        if not threads:
            log.warning("%s: the Dask scheduler has no workers yet; waiting for some", scheduler)
        ahead = DASK_IN_FLIGHT_PER_THREAD * max(threads, 2)
        todo = deque(paths)
        where: dict[Any, str] = {}  # future key -> path
        futures = as_completed()  # type: ignore[no-untyped-call]

        def submit() -> None:
            path = todo.popleft()
            future = client.submit(process_one, path, options, fmt, pure=False)
            where[future.key] = path
            futures.add(future)  # type: ignore[no-untyped-call]

        for _ in range(min(len(todo), ahead)):
            submit()
        for future in futures:
            yield _dask_record(future, where.pop(future.key))
            future.release()
            if todo:
                submit()
    finally:
        if own:
            client.close()


def _dask_record(future: Any, path: str) -> Record:
    """The task's record; a worker that died on it gives ``crashed``.

    :func:`process_one` never raises, so any other failure is the cluster's (a worker that
    cannot unpickle the task, a lost scheduler): the batch stops without recording the
    document, and a rerun picks it up once the cluster is fixed.
    """
    from distributed import KilledWorker

    if future.status == "finished":
        record: Record = future.result()
        return record
    try:
        exc = future.exception()
    except Exception as err:  # cancelled: the scheduler or the connection was lost
        exc = err
    reason = _one_line(f"{type(exc).__name__}: {exc}")
    if isinstance(exc, KilledWorker):
        return failure_record(path, "crashed", f"Dask worker died on it ({reason})")
    raise ExtractorError(
        f"{path}: the Dask cluster failed to run it ({reason}); is the same extractor "
        "installed on the scheduler and every worker? Rerun the same command to resume"
    ) from exc


__all__ = ["DASK_IN_FLIGHT_PER_THREAD", "run_dask"]
