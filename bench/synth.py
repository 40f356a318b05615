"""A deterministic synthetic corpus: policy documents recombined from the sentences of real ones.

The generated files look like the seeds (一、 sections, （一） subsections, continuously numbered
``1.`` items, a title and a 〔year〕 document number), so they go through the real ingestion. Places,
figures and years are varied so that documents differ the way a library of local plans does.
"""
from __future__ import annotations

import hashlib
import json
import random
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from tqdm import tqdm

CN_NUMBERS = "一二三四五六七八九十"
FORMAT_VERSION = 1
ITEMS_PER_DOC = 48

# (full name, short name, parent city): stand-ins for the seeds' 台山市 / 江海区 / 江门市.
PLACES = [
    ("开平市", "开平", "江门市"), ("鹤山市", "鹤山", "江门市"), ("恩平市", "恩平", "江门市"),
    ("新会区", "新会", "江门市"), ("蓬江区", "蓬江", "江门市"), ("顺德区", "顺德", "佛山市"),
    ("南海区", "南海", "佛山市"), ("三水区", "三水", "佛山市"), ("高明区", "高明", "佛山市"),
    ("增城区", "增城", "广州市"), ("从化区", "从化", "广州市"), ("番禺区", "番禺", "广州市"),
    ("四会市", "四会", "肇庆市"), ("高要区", "高要", "肇庆市"), ("英德市", "英德", "清远市"),
    ("连州市", "连州", "清远市"), ("乐昌市", "乐昌", "韶关市"), ("南雄市", "南雄", "韶关市"),
    ("兴宁市", "兴宁", "梅州市"), ("廉江市", "廉江", "湛江市"), ("雷州市", "雷州", "湛江市"),
    ("信宜市", "信宜", "茂名市"), ("化州市", "化州", "茂名市"), ("阳春市", "阳春", "阳江市"),
    ("罗定市", "罗定", "云浮市"), ("陆丰市", "陆丰", "汕尾市"), ("普宁市", "普宁", "揭阳市"),
    ("博罗县", "博罗", "惠州市"), ("惠东县", "惠东", "惠州市"), ("龙门县", "龙门", "惠州市"),
    ("澄海区", "澄海", "汕头市"), ("潮阳区", "潮阳", "汕头市"), ("饶平县", "饶平", "潮州市"),
    ("紫金县", "紫金", "河源市"), ("斗门区", "斗门", "珠海市"), ("金湾区", "金湾", "珠海市"),
]
SEED_PLACES = [("台山市", "台山"), ("江海区", "江海")]
SEED_PARENTS = ["江门市", "江门"]
TOPICS = ["碳达峰实施方案", "绿色低碳发展行动方案", "节能降碳工作方案", "能源绿色低碳转型实施方案",
          "城乡建设领域碳达峰实施方案", "绿色交通发展行动计划", "循环经济发展实施方案"]
QUESTION_TEMPLATES = [
    "{place}{heading}有哪些要求", "{place}如何{heading}", "{heading}的主要措施是什么",
    "到{year}年{place}{keyword}要达到多少", "{keyword}的目标是多少", "{place}关于{keyword}的规定",
    "{fragment}",
]
KEYWORDS = ["非化石能源消费比重", "新能源汽车", "光伏装机容量", "绿色建筑占比", "公共交通出行比例",
            "森林覆盖率", "单位地区生产总值能耗", "装配式建筑", "充电桩", "碳汇能力", "建筑垃圾资源化利用",
            "工业固体废物综合利用率", "天然气消费", "煤炭消费", "海上风电", "氢能", "分布式光伏"]

_ITEM = re.compile(r"^\s*\d+[.．]\s*(?:\*\*)?(?P<head>[^。*]{4,40})。(?:\*\*)?(?P<body>.*)$")
_SUBSECTION = re.compile(r"^\s*(?:#+\s*)?[（(][一二三四五六七八九十]+[）)]\s*(?P<title>[^。]{2,30})$")
_SECTION = re.compile(r"^\s*(?:#+\s*)?[一二三四五六七八九十]+、\s*(?P<title>[^。]{2,30})$")
_SENTENCE_END = re.compile(r"(?<=[。；！？])")
_FIGURE = re.compile(r"(?P<num>\d+(?:\.\d+)?)(?P<space>\s*)(?P<unit>%|万|亿|个|家|座|辆|公里|千瓦|兆瓦|吨|平方米|亩|台|套)")
_YEAR = re.compile(r"20(?P<yy>2\d|3\d)(?=\s*年)")


@dataclass
class SentencePool:
    """The parts of the seed documents that the generator recombines."""

    sections: list[str] = field(default_factory=list)
    subsections: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)


@dataclass
class CorpusInfo:
    """What write_corpus produced; saved next to the files as corpus.json."""

    clauses_requested: int
    seed: int
    files: int = 0
    items: int = 0
    bytes: int = 0
    chars: int = 0
    digest: str = ""
    format_version: int = FORMAT_VERSION


def load_pool(paths: Iterable[Path]) -> SentencePool:
    """Sections, subsection titles, item headings and body sentences of the given seed files."""
    pool = SentencePool()
    for path in sorted(paths):
        for line in path.read_text(encoding="utf-8").splitlines():
            _classify(line.strip(), pool)
    for name in ("sections", "subsections", "headings", "sentences"):
        setattr(pool, name, sorted(set(getattr(pool, name))))
    if not pool.headings or not pool.sentences:
        raise ValueError(f"no numbered clauses found in {[str(p) for p in paths]}; give policy documents with 1. items")
    return pool


def _classify(line: str, pool: SentencePool) -> None:
    if match := _ITEM.match(line):
        pool.headings.append(match["head"].strip())
        pool.sentences.extend(_sentences(match["body"]))
    elif match := _SECTION.match(line):
        pool.sections.append(match["title"].strip())
    elif match := _SUBSECTION.match(line):
        pool.subsections.append(match["title"].strip())
    elif len(line) >= 40 and not line.startswith(("#", "发布", "索引", "名称", "文号")):
        pool.sentences.extend(_sentences(line))


def _sentences(text: str) -> list[str]:
    parts = (s.strip().replace("**", "") for s in _SENTENCE_END.split(text))
    return [s for s in parts if 12 <= len(s) <= 220 and s[-1] in "。；！？"]


class Variator:
    """Replaces the seeds' places, figures and years, reproducibly from one random generator."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def place(self) -> tuple[str, str, str]:
        return self.rng.choice(PLACES)

    def apply(self, text: str, place: tuple[str, str, str]) -> str:
        for (full, short), new_full, new_short in ((p, place[0], place[1]) for p in SEED_PLACES):
            text = text.replace(full, new_full).replace(short, new_short)
        text = text.replace(SEED_PARENTS[0], place[2]).replace(SEED_PARENTS[1], place[2][:-1])
        text = _FIGURE.sub(self._figure, text)
        return _YEAR.sub(self._year, text)

    def _figure(self, match: re.Match) -> str:
        value = float(match["num"]) * self.rng.uniform(0.6, 1.6)
        if "." in match["num"]:
            number = f"{value:.{len(match['num'].split('.')[1])}f}"
        else:
            number = str(max(1, round(value)))
        if match["unit"] == "%":
            number = str(min(99, max(1, round(value))))
        return number + match["space"] + match["unit"]

    def _year(self, match: re.Match) -> str:
        year = 2000 + int(match["yy"]) + self.rng.choice((-1, 0, 0, 0, 1, 2))
        return str(year)


def generate_document(rng: random.Random, pool: SentencePool, number: int, items: int) -> str:
    """One policy document of `items` numbered clauses, in the layout of the seeds."""
    variator = Variator(rng)
    place = variator.place()
    title = f"{place[0]}{rng.choice(TOPICS)}"
    lines = _preamble(rng, place, title, number)
    item_no = 0
    sections = _split(rng, items, 2, min(4, len(pool.sections)))
    for section_no, (section, name) in enumerate(zip(sections, rng.sample(pool.sections, len(sections)))):
        lines += [f"{CN_NUMBERS[section_no]}、{name}", ""]
        subsections = _split(rng, section, 1, min(5, len(pool.subsections)))
        for sub_no, (count, sub) in enumerate(zip(subsections, rng.sample(pool.subsections, len(subsections)))):
            lines += [f"（{CN_NUMBERS[sub_no]}）{sub}", ""]
            for _ in range(count):
                item_no += 1
                lines += [f"{item_no}. {_item_text(rng, pool)}", ""]
    return variator.apply("\n".join(lines), place)


def _preamble(rng: random.Random, place: tuple[str, str, str], title: str, number: int) -> list[str]:
    year = rng.choice((2022, 2023, 2024))
    return [f"{place[0]}人民政府文件", "", f"{place[1]}府〔{year}〕{number % 97 + 1}号", "", title, "",
            f"为深入贯彻落实碳达峰、碳中和重大战略决策，结合{place[1]}实际，制定本方案。", ""]


def _item_text(rng: random.Random, pool: SentencePool) -> str:
    heading = rng.choice(pool.headings)
    body = "".join(rng.choice(pool.sentences) for _ in range(rng.randint(2, 4)))
    if rng.random() < 0.5:
        return f"**{heading}。**{body}"
    return f"{heading}。{body}"


def _split(rng: random.Random, total: int, low: int, high: int) -> list[int]:
    """Split total into between low and high positive parts (fewer when total is small)."""
    parts = max(1, min(total, rng.randint(low, high)))
    cuts = sorted(rng.sample(range(1, total), parts - 1)) if parts > 1 else []
    return [b - a for a, b in zip([0, *cuts], [*cuts, total])]


def document_sizes(clauses: int, per_doc: int = ITEMS_PER_DOC) -> Iterator[int]:
    """Numbers of items per document adding up to `clauses`; the preamble paragraph counts as one."""
    remaining = clauses
    while remaining > 0:
        size = min(per_doc, remaining)
        remaining -= size
        yield max(1, size - 1)


def write_corpus(folder: Path, clauses: int, seed: int, pool: SentencePool, progress: bool = True) -> CorpusInfo:
    """Write the corpus into folder, described by folder.json beside it (reused when that matches)."""
    info_path = folder.with_name(folder.name + ".json")
    if info_path.exists():
        cached = CorpusInfo(**json.loads(info_path.read_text(encoding="utf-8")))
        if (cached.clauses_requested, cached.seed, cached.format_version) == (clauses, seed, FORMAT_VERSION):
            return cached
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.txt"):
        old.unlink()
    info = _write_files(folder, clauses, seed, pool, progress)
    info_path.write_text(json.dumps(asdict(info), ensure_ascii=False, indent=1), encoding="utf-8")
    return info


def _write_files(folder: Path, clauses: int, seed: int, pool: SentencePool, progress: bool) -> CorpusInfo:
    rng = random.Random(seed)
    info, digest = CorpusInfo(clauses, seed), hashlib.sha256()
    sizes = list(document_sizes(clauses))
    for number, items in enumerate(tqdm(sizes, desc="generate", unit="doc", disable=not progress)):
        text = generate_document(rng, pool, number, items)
        data = text.encode("utf-8")
        (folder / f"bench_{number:06d}.txt").write_bytes(data)
        digest.update(data)
        info.files, info.items = info.files + 1, info.items + items + 1
        info.bytes, info.chars = info.bytes + len(data), info.chars + len(text)
    info.digest = digest.hexdigest()[:16]
    return info


def make_queries(pool: SentencePool, count: int, seed: int) -> list[str]:
    """Questions in the style users ask, with places, headings, keywords and quoted fragments."""
    rng = random.Random(seed + 1)
    return [_question(rng, pool) for _ in range(count)]


def _question(rng: random.Random, pool: SentencePool) -> str:
    sentence = rng.choice(pool.sentences)
    start = rng.randrange(max(1, len(sentence) - 16))
    values = {"place": rng.choice(PLACES)[rng.randint(0, 1)], "heading": rng.choice(pool.headings),
              "year": rng.choice((2025, 2030)), "keyword": rng.choice(KEYWORDS),
              "fragment": sentence[start:start + rng.randint(8, 16)]}
    return rng.choice(QUESTION_TEMPLATES).format(**values)
