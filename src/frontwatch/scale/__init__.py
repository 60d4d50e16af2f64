"""Scale-out ingest on a Dask cluster: parse, extract and geocode per partition on workers.

`frontwatch ingest --engine dask [--scheduler tcp://HOST:8786]` reads the files in this
process, ships partitions of articles to Dask workers (each loads spaCy and the gazetteer
once and keeps them), and stores every finished partition here, one transaction per
article, as the local engine does; fusion then runs once over every stored claim. Without
`--scheduler` a LocalCluster of `--workers` processes is started on loopback. Workers of a
remote cluster need the same frontwatch version installed.

Needs the optional `scale` extra (`pip install 'frontwatch[scale]'`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from frontwatch.errors import FrontwatchError
from frontwatch.pipeline import (
    IngestReport,
    batch_dated,
    claims_for,
    read_articles,
    undated_warnings,
    update_events,
)
from frontwatch.store import Store
from frontwatch.types import Article, Claim

__all__ = ["extract_partition", "ingest_dask", "partitions", "store_articles_dask"]

Progress = Callable[[int], None]


def extract_partition(articles: Sequence[Article]) -> list[tuple[Article, list[Claim]]]:
    """Runs on a worker: every claim of each article (the same as the local engine)."""
    return [(a, claims_for(a)) for a in articles]


def partitions(articles: Sequence[Article], size: int) -> list[list[Article]]:
    """Consecutive chunks of `size` articles (Dask's per-task overhead is ~2 ms: batch)."""
    if size < 1:
        raise FrontwatchError(f"partition size must be at least 1, not {size}")
    return [list(articles[i : i + size]) for i in range(0, len(articles), size)]


def _client(scheduler: str | None, workers: int) -> Any:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise FrontwatchError(
            "the dask engine needs the scale extra: pip install 'frontwatch[scale]'"
        ) from None
    if scheduler:
        try:
            return Client(scheduler, timeout="5s")
        except (OSError, TimeoutError) as exc:
            raise FrontwatchError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        host="127.0.0.1",
    )
    return Client(cluster)


def ingest_dask(
    paths: Sequence[str | Path],
    store: Store,
    published: date | None = None,
    *,
    scheduler: str | None = None,
    workers: int = 2,
    partition_size: int = 25,
    progress: Callable[[Iterable[int], int], Iterable[int]] | None = None,
) -> IngestReport:
    """Like `frontwatch.pipeline.ingest`, with extraction on Dask workers.

    Partitions are stored as they finish (any order: fusion does not depend on it). An
    interrupt cancels what is still queued and keeps every article already stored.
    """
    report = IngestReport()
    articles = read_articles(paths, published, report)
    before = store.fingerprint()
    articles = batch_dated(articles, store)
    store_articles_dask(
        articles,
        store,
        report,
        scheduler=scheduler,
        workers=workers,
        partition_size=partition_size,
        progress=progress,
    )
    update_events(store, before, report)
    return report


def store_articles_dask(
    articles: Sequence[Article],
    store: Store,
    report: IngestReport,
    *,
    scheduler: str | None = None,
    workers: int = 2,
    partition_size: int = 25,
    progress: Callable[[Iterable[int], int], Iterable[int]] | None = None,
) -> None:
    """Extract `articles` not yet stored on Dask workers and store them (no fusion)."""
    todo = [a for a in articles if not store.has_article(a.id)]
    report.warnings.extend(undated_warnings(todo))
    if todo:
        chunks = partitions(todo, partition_size)
        client = _client(scheduler, workers)
        try:
            _run(client, chunks, store, report, progress)
        finally:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None and scheduler is None:
                cluster.close()


def _run(
    client: Any,
    chunks: list[list[Article]],
    store: Store,
    report: IngestReport,
    progress: Callable[[Iterable[int], int], Iterable[int]] | None,
) -> None:
    from distributed import as_completed

    futures = client.map(extract_partition, chunks, pure=False)
    results = as_completed(futures, with_results=True)

    def stored() -> Iterable[int]:
        for _future, result in results:
            for article, claims in result:
                if store.add_article(article, claims):
                    report.articles_new += 1
                    report.claims += len(claims)
                    report.new_article_ids.append(article.id)
                yield 1

    total = sum(len(c) for c in chunks)
    steps = progress(stored(), total) if progress else stored()
    try:
        for _ in steps:
            pass
    except KeyboardInterrupt:
        report.interrupted = True
        client.cancel(futures)
