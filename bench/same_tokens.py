"""Whether every installed word cutter gives the index the same terms as jieba_fast, the reference.

    python -m bench.same_tokens                      # the 30 real documents (seeds, corpus-extra, corpus-dev)
    python -m bench.same_tokens --synthetic DIR --files 300   # and 300 files of a bench corpus

Each clause's body and context (title and headings) go through Analyzer.terms once per cutter; a text
whose terms differ from the reference's is a mismatch, printed with the first differing terms. The
traditional-to-simplified step is checked against zhconv itself on the same texts. Exit status 1 on any
mismatch. The digest names the terms of the default analyzer, to compare two versions of the code.
"""
from __future__ import annotations

import hashlib
import importlib
import random
import sys
import unicodedata
from pathlib import Path

from argparse_zh import Parser
from config import Config
from index.builder import context_text, index_text
from index.simplified import zhconv
from index.tokenize import Analyzer, analyzer_for, normalize
from ingest.pipeline import parse_document
from ingest.readers import read_text

ROOT = Path(__file__).resolve().parents[1]
REAL = [ROOT / "corpus", ROOT.parent / "shared" / "corpus-extra", ROOT.parent / "shared" / "corpus-dev"]
CUTTERS = ("jieba_fast", "jieba_next", "jieba")


def document_files(synthetic: Path | None, files: int, seed: int) -> list[Path]:
    """The real documents, then a seeded sample of a synthetic corpus's files."""
    real = [path for folder in REAL for path in sorted(folder.glob("*.txt"))]
    if synthetic is None or files <= 0:
        return real
    pool = sorted(path for path in synthetic.iterdir() if path.is_file())
    return real + random.Random(seed).sample(pool, min(files, len(pool)))


def field_texts(paths: list[Path]) -> list[str]:
    """Each clause's two indexed fields, as the builder reads them."""
    texts = []
    for path in paths:
        _, clauses = parse_document(read_text(path, path.suffix), path.name)
        texts += [text for clause in clauses for text in (index_text(clause), context_text(clause))]
    return texts


def first_difference(want: list[str], got: list[str]) -> str:
    at = next((i for i, (a, b) in enumerate(zip(want, got)) if a != b), min(len(want), len(got)))
    return f"reference {want[max(0, at - 2):at + 4]} / got {got[max(0, at - 2):at + 4]}"


def compare(texts: list[str], reference: list[list[str]], analyzer: Analyzer) -> list[int]:
    """Positions of the texts whose terms differ from the reference's."""
    return [i for i, text in enumerate(texts) if analyzer.terms(text) != reference[i]]


def main(argv: list[str] | None = None) -> int:
    parser = Parser(prog="python -m bench.same_tokens",
                    description="检查每个已安装的分词器给索引的词项是否与 jieba_fast（基准）完全相同。")
    parser.add_argument("--synthetic", type=Path, help="基准测试语料目录（…/n100000-seed7/corpus），一并检查")
    parser.add_argument("--files", type=int, default=200, help="从该目录抽取的文件数（默认 200）")
    parser.add_argument("--seed", type=int, default=1, help="抽样的随机种子（默认 1）")
    args = parser.parse_args(argv)
    paths = document_files(args.synthetic, args.files, args.seed)
    texts = field_texts(paths)
    print(f"{len(paths)} 个文件，{len(texts)} 段文本，{sum(map(len, texts)):,} 个字符")
    folded = [unicodedata.normalize("NFKC", text).lower() for text in texts]
    simplified_off = sum(normalize(text) != zhconv.convert(text, "zh-cn") for text in folded if text)
    print(f"繁简转换：{simplified_off} 段文本与 zhconv 的结果不同")
    config = Config()
    reference_analyzer = Analyzer(config.user_dictionary, config.synonyms, segmenter=importlib.import_module(CUTTERS[0]))
    reference = [reference_analyzer.terms(text) for text in texts]
    failed = simplified_off > 0
    for name in CUTTERS[1:]:
        try:
            module = importlib.import_module(name)
        except ImportError:
            print(f"{name}：未安装")
            continue
        candidate = Analyzer(config.user_dictionary, config.synonyms, segmenter=module)
        bad = compare(texts, reference, candidate)
        print(f"{name}：{len(texts)} 段文本中 {len(bad)} 段词项不同")
        for i in bad[:5]:
            print("   ", first_difference(reference[i], candidate.terms(texts[i])))
        failed |= name == "jieba_next" and bool(bad)
    default = analyzer_for(config)
    digest = hashlib.sha256("\n".join(" ".join(default.terms(text)) for text in texts).encode()).hexdigest()[:16]
    print(f"默认分析器（{default.settings()['segmenter']} 词项）摘要：{digest}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
