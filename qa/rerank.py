"""An optional cross-encoder (Config.reranker) that reorders the first ranked clauses."""
from __future__ import annotations

from typing import Callable

from ingest.records import Clause

HEAD = 30  # ranked clauses the cross-encoder reads; the rest keep their order after them


class Reranker:
    """The cross-encoder named, loaded from local files only; without one (none named, or it failed to
    load) the ranking is kept, with a notice for the failure."""

    def __init__(self, name: str):
        self.model, self.notice = _loaded(name)

    def reranked(self, question: str, ranked: list[tuple[int, float]],
                 read: Callable[[list[int]], dict[int, Clause]]) -> tuple[list[tuple[int, float]], str]:
        """The ranking with its head reordered by the cross-encoder's scores, and a notice; read(rows) gives
        the clauses at rows (those it cannot read are left out)."""
        if self.model is None:
            return ranked, self.notice
        clauses = read([row for row, _ in ranked[:HEAD]])
        head = [(row, score) for row, score in ranked[:HEAD] if row in clauses]
        scores = self.model.predict([(question, clauses[row].text) for row, _ in head])
        order = sorted(zip(head, scores), key=lambda pair: -float(pair[1]))
        return [(row, float(score)) for (row, _), score in order] + ranked[HEAD:], ""


def _loaded(name: str) -> tuple[object | None, str]:
    if not name:
        return None, ""
    try:
        from sentence_transformers import CrossEncoder

        return CrossEncoder(name, device="cpu", local_files_only=True), ""
    except Exception as error:  # any failure to load means: search without reranking
        return None, f"重排序模型 {name!r} 未能加载（{type(error).__name__}），结果未经重排序。"
