"""The benchmark's table (Markdown, one column per corpus size), target checks, and result files."""
from __future__ import annotations

import json
from pathlib import Path

# (row label, key, number format)
ROWS = [
    ("clauses (documents)", "clauses", "{:,}"), ("text MB", "text_mb", "{:.1f}"),
    ("ingest s", "ingest_s", "{:.1f}"), ("index build s", "index_s", "{:.1f}"),
    ("ingest + build s", "build_s", "{:.1f}"), ("clauses/s", "clauses_per_s", "{:,.0f}"),
    ("MB text/s (end to end)", "mb_per_s", "{:.2f}"),
    ("lexically searchable after s (MB text/s)", "lexical_ready_s", "{:.1f}"), ("index on disk MB", "index_mb", "{:.1f}"),
    ("store MB", "store_mb", "{:.1f}"), ("peak RSS MB", "peak_rss_mb", "{:,.0f}"),
    ("lexical p50 / p95 / p99 ms", "lexical", "pct"), ("dense p50 / p95 / p99 ms", "dense", "pct"),
    ("hybrid p50 / p95 / p99 ms", "hybrid", "pct"), ("query encode p50 / p95 / p99 ms", "encode", "pct"),
    ("rank-bm25 p50 ms (queries timed)", "rank_bm25_p50_ms", "{:.1f}"),
    ("lexical speed-up vs rank-bm25 (p50)", "speedup_vs_rank_bm25", "{:.0f}×"),
    ("top-10 overlap with rank-bm25", "lexical_overlap_at_10", "{:.2f}"),
    ("lexical, analysed question given p50 / p95 / p99 ms", "lexical_index", "pct"),
    ("bm25s get_scores + top 10 p50 / p95 / p99 ms", "bm25s", "pct"),
    ("bm25s retrieve() p50 / p95 / p99 ms", "bm25s_retrieve", "pct"),
    ("lexical speed-up vs bm25s scoring (p50)", "speedup_vs_bm25s", "{:.2f}×"),
    ("top-10 overlap with bm25s (same terms, unweighted)", "bm25s_overlap_at_10", "{:.2f}"),
    ("numpy brute force p50 ms", "numpy_p50_ms", "{:.3f}"), ("FAISS search p50 ms", "faiss_p50_ms", "{:.3f}"),
    ("FAISS speed-up vs numpy (p50)", "speedup_vs_numpy", "{:.1f}×"),
    ("FAISS index / recall@10 vs exact", "dense_recall_at_10", "{:.3f}"),
    ("hybrid, exact numpy dense p50 / p95 / p99 ms", "hybrid_numpy", "pct"),
    ("hybrid top-10 recall vs exact dense", "hybrid_recall_at_10", "{:.3f}"),
    ("Milvus Lite write s", "milvus_write_s", "{:.1f}"),
    ("Milvus Lite dense p50 / p95 / p99 ms", "milvus_dense", "pct"),
    ("Milvus Lite dense recall@10 vs exact", "milvus_dense_recall_at_10", "{:.3f}"),
    ("Milvus Lite lexical p50 / p95 / p99 ms", "milvus_lexical", "pct"),
    ("Milvus Lite lexical top-10 overlap with ours", "milvus_lexical_overlap_at_10", "{:.2f}"),
    ("cold start: engine ready s", "cold_ready_s", "{:.2f}"), ("  of which import / open / 1st query s", "cold", "cold"),
    ("cold start: web app built s", "ui_ready_s", "{:.2f}"),
]

# (description, key, limit, applies at clauses >=, smaller is better)
TARGETS = [
    ("hybrid p95 ≤ 20 ms at 100k", "hybrid_p95_ms", 20.0, 100_000, True),
    ("hybrid p95 ≤ 100 ms at 1M", "hybrid_p95_ms", 100.0, 1_000_000, True),
    ("lexical ≥ 100× rank-bm25 at 100k", "speedup_vs_rank_bm25", 100.0, 100_000, False),
    ("lexical p50 below bm25s scoring + top 10", "speedup_vs_bm25s", 1.0, 10_000, False),
    ("ingest + build ≥ 1 MB text/s", "mb_per_s", 1.0, 0, False),
    ("lexically searchable ≥ 1.5 MB text/s at 100k", "lexical_ready_mb_per_s", 1.5, 100_000, False),
    ("engine ready ≤ 5 s at 100k", "cold_ready_s", 5.0, 100_000, True),
]


def cell(row: dict, key: str, fmt: str) -> str:
    if fmt == "pct":
        values = [row.get(f"{key}_p{q}_ms") for q in (50, 95, 99)]
        return " / ".join(_number(v, "{:.2f}") for v in values) if values[0] is not None else "–"
    if fmt == "cold":
        parts = [row.get(f"cold_{k}_s") for k in ("import", "open", "first_query")]
        return " / ".join(_number(v, "{:.2f}") for v in parts) if parts[0] is not None else "–"
    value = row.get(key)
    text = _number(value, fmt)
    if key == "clauses" and value is not None:
        text += f" ({row.get('documents', 0):,})"
    if key == "lexical_ready_s" and value is not None:
        text += f" ({_number(row.get('lexical_ready_mb_per_s'), '{:.2f}')})"
    if key == "rank_bm25_p50_ms" and value is not None:
        text += f" ({row.get('rank_bm25_queries')})"
    if key == "dense_recall_at_10" and value is not None:
        text = f"{row.get('dense_index', '?')} / {text}"
    return text


def _number(value: object, fmt: str) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return "–"
    return fmt.format(value)


def markdown_table(results: list[dict]) -> str:
    """Rows of figures, one column per corpus size, then the targets that apply."""
    header = "| | " + " | ".join(f"{r['clauses_requested']:,} clauses" for r in results) + " |"
    lines = [header, "|---|" + "---:|" * len(results)]
    lines += [f"| {label} | " + " | ".join(cell(r, key, fmt) for r in results) + " |" for label, key, fmt in ROWS]
    lines += ["", *target_lines(results)]
    return "\n".join(lines)


def target_lines(results: list[dict]) -> list[str]:
    """One line per target and corpus size it applies to: measured value, met or missed."""
    lines = []
    for description, key, limit, at_least, lower in TARGETS:
        for row in (r for r in results if r["clauses_requested"] >= at_least):
            value = row.get(key)
            if value is None or value != value:
                continue
            met = value <= limit if lower else value >= limit
            lines.append(f"- {description}: {value:g} at {row['clauses_requested']:,} — {'met' if met else 'MISSED'}")
    return lines


def write_results(folder: Path, results: list[dict], command: str) -> None:
    """results.json (all figures) and results.md (the command and the table) in folder."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "results.json").write_text(json.dumps({"command": command, "runs": results}, ensure_ascii=False,
                                                    indent=1), encoding="utf-8")
    (folder / "results.md").write_text(f"```\n{command}\n```\n\n{markdown_table(results)}\n", encoding="utf-8")
