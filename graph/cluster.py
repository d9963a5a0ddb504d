"""Extraction on a Dask distributed cluster (``stancegraph build --dask ADDRESS|local``).

Documents go out as a ``dask.bag`` in partitions of ``batch_size``; each worker builds the
extractor once (spaCy model and codebook) and returns each document with its stances. Results
come back partition by partition as they finish, and the caller writes each batch to the store
(so the store, embedded or remote, is written only from the calling process).

Workers need stancegraph and the model installed, and the codebook file (when one is given)
at the same path. ``local`` starts a ``LocalCluster`` of 2 worker processes here (``local:N``
for N).
"""
from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from pathlib import Path

from .errors import StanceGraphError
from .types import Document, Stance

log = logging.getLogger(__name__)

_extractors: dict[tuple, object] = {}  # in each worker process: built once


def extract_on_dask(documents: Sequence[Document], address: str, *, codebook_path: str | Path | None = None,
                    extractor: str | None = None, batch_size: int = 64, progress: bool = False
                    ) -> Iterator[tuple[Document, list[Stance]]]:
    """Each document with its stances, extracted on the cluster at ``address`` (or ``local``),
    in the order partitions finish."""
    try:
        import dask.bag as db
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError as exc:
        raise StanceGraphError("--dask needs dask: pip install 'stancegraph[dask]'") from exc
    if not documents:
        return
    cluster = None
    try:
        if address == "local" or address.startswith("local:"):
            workers = int(address.partition(":")[2] or 2)
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
        else:
            client = Client(address, timeout="10s")
    except (OSError, TimeoutError, ValueError) as exc:
        if cluster is not None:
            cluster.close()
        raise StanceGraphError(f"cannot reach the Dask cluster at {address}: {exc}") from exc
    codebook = None if codebook_path is None else str(Path(codebook_path).resolve())
    try:
        bag = db.from_sequence(list(documents), partition_size=batch_size)
        parts = bag.map_partitions(_extract_partition, codebook, extractor).to_delayed()
        futures = client.compute(parts)
        done = as_completed(futures)
        if progress:
            from tqdm import tqdm
            done = tqdm(done, total=len(futures), unit="batch", disable=None, desc="extracting on dask")
        for future in done:
            yield from future.result()
            future.release()
        log.info("extracted %d documents on %s", len(documents), address)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _extract_partition(docs: Sequence[Document], codebook_path: str | None, extractor: str | None
                       ) -> list[tuple[Document, list[Stance]]]:
    """Runs on a worker."""
    from .codebook import load_codebook
    from .extract import DEFAULT, create

    key = (codebook_path, extractor)
    if key not in _extractors:
        _extractors[key] = create(extractor or DEFAULT, codebook=load_codebook(codebook_path))
    return list(_extractors[key].extract(list(docs)))
