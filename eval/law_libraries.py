"""Build one data folder per batch of eval/law_batches.txt: the dev documents' folder copied, the batch's ten
laws written (eval/law_documents.py) and ingested beside them, vectors included. Prints, for qa.tune, the
arguments `--laws QUESTIONS DIR` of every batch asked for. A folder already built is reused.

    python eval/law_libraries.py DEV_DATA OUT_ROOT [--batches 1-15]
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from argparse_zh import Parser  # noqa: E402

BATCHES = Path(__file__).with_name("law_batches.txt")


def batches() -> list[list[str]]:
    lines = BATCHES.read_text(encoding="utf-8").splitlines()
    return [line.split() for line in lines if line.strip() and not line.startswith("#")]


def build(dev_data: Path, out: Path, number: int, laws: list[str]) -> Path:
    """The data folder of batch number (1-based), built when it is not there yet."""
    data = out / f"laws{number}" / "data"
    if (data / "DONE").exists():
        return data
    docs = out / f"laws{number}" / "docs"
    subprocess.run([sys.executable, str(Path(__file__).with_name("law_documents.py")), str(docs), *laws],
                   check=True, stdout=sys.stderr)
    shutil.rmtree(data, ignore_errors=True)
    shutil.copytree(dev_data, data)
    python = [sys.executable, "-m"]
    subprocess.run(python + ["ingest", *map(str, sorted(docs.glob("*.md"))), "--data", str(data), "--quiet"], check=True,
                   stdout=sys.stderr)
    subprocess.run(python + ["qa", "search", "施行", "--top-k", "1", "--data", str(data)], check=True,
                   stdout=subprocess.DEVNULL)  # the command-line tools embed what is pending first
    (data / "DONE").touch()
    return data


def main(argv: list[str] | None = None) -> None:
    parser = Parser(description="为每批法律建一个数据目录（开发文件加这批法律），打印 qa.tune 的 --laws 参数")
    parser.add_argument("dev_data", type=Path, help="已导入 30 份开发文件的数据目录")
    parser.add_argument("out", type=Path, help="各批数据目录所在的文件夹")
    parser.add_argument("--batches", default="1-15", help="批次范围，如 1-15（默认；16 至 34 留作检验）")
    parser.add_argument("--answers", action="store_true",
                        help="另外打印 --answers 参数：为开发文件或这些批次写的答案问题集（eval/answer_sets.txt）")
    args = parser.parse_args(argv)
    first, _, last = args.batches.partition("-")
    numbers = range(int(first), int(last or first) + 1)
    root, laws = Path(__file__).parent, batches()
    folders = {0: args.dev_data}
    for number in numbers:
        folders[number] = build(args.dev_data, args.out, number, laws[number - 1])
        print(f"--laws {root / f'questions_blind{number + 11}.jsonl'} {folders[number]}", end=" ")
    for name, number in answer_sets() if args.answers else []:
        if number in folders:
            print(f"--answers {root / name} {folders[number]}", end=" ")
    print()


def answer_sets() -> list[tuple[str, int]]:
    """(file name, batch) of every blind answer set; batch 0 is the dev documents alone."""
    lines = Path(__file__).with_name("answer_sets.txt").read_text(encoding="utf-8").splitlines()
    return [(line.split()[0], int(line.split()[1])) for line in lines if line.strip() and not line.startswith("#")]


if __name__ == "__main__":
    main()
