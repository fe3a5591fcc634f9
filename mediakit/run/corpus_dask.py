"""The Dask engine of corpus mode: the same chunk analysis on a Dask cluster.

Chunks are turned into :mod:`dask.bag` collections (one partition per chunk) and
computed on a :mod:`distributed` cluster: a :class:`~distributed.LocalCluster` of
``jobs`` single-threaded worker processes, or the running scheduler at
``scheduler``. Articles travel from this process to the workers and flat rows come
back, so the input and output paths need only be visible here, not on the workers.
Chunks are sent in windows (two in flight) so memory stays flat however long the
corpus is; :func:`mediakit.run.corpus.run_corpus` writes each chunk's part file, which is
what makes the partitioned output resumable.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice

__all__ = ["dask_client", "map_dask"]


@contextmanager
def dask_client(scheduler: str | None = None, jobs: int = 2):
    """A :class:`distributed.Client` on ``scheduler``, or on a new LocalCluster.

    Parameters
    ----------
    scheduler : str, optional
        Address of a running scheduler, e.g. ``tcp://10.0.0.5:8786``.
    jobs : int
        Workers of the LocalCluster made when no address is given (one thread
        each, in separate processes: the analysis is pure Python and holds the GIL).

    Yields
    ------
    distributed.Client
    """
    from distributed import Client, LocalCluster

    if scheduler:
        client = Client(scheduler)
        try:
            yield client
        finally:
            client.close()
        return
    cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                           dashboard_address=None)
    try:
        client = Client(cluster)
        try:
            yield client
        finally:
            client.close()
    finally:
        cluster.close()


def _window_bag(fn: Callable, chunks: list):
    import dask.bag as db

    return db.from_sequence(chunks, npartitions=len(chunks)).map(fn)


def map_dask(fn: Callable, chunks: Iterable, *, jobs: int = 2,
             scheduler: str | None = None) -> Iterator:
    """Run ``fn(chunk)`` for every chunk on Dask, yielding the results.

    Parameters
    ----------
    fn : callable
        Picklable; ``fn(chunk)`` returns a result.
    chunks : iterable
        Consumed lazily, a window (twice the cluster's worker threads) at a time.
    jobs : int
        Workers of the LocalCluster (ignored with ``scheduler``).
    scheduler : str, optional
        Address of a running scheduler.

    Yields
    ------
    The results of ``fn``, in input order.
    """
    with dask_client(scheduler, jobs) as client:
        window = 2 * (sum(client.nthreads().values()) or jobs)
        iterator = iter(chunks)
        in_flight = []
        while True:
            batch = list(islice(iterator, window))
            if batch:
                in_flight.append(client.compute(_window_bag(fn, batch)))
            if not in_flight:
                return
            # Two windows in flight: the cluster works on the next one while this
            # process writes the results of the previous one.
            if batch and len(in_flight) < 2:
                continue
            future = in_flight.pop(0)
            try:
                yield from future.result()
            finally:
                future.release()
