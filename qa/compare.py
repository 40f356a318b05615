"""Two clauses side by side: the measures and targets they share, and where they differ."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.records import Clause
from qa.similar import bigram_dice, measure_sentences, measure_text
from qa.targets import Target, extract_targets, indicator_key

SAME_MEASURE = 0.45  # bigram Dice at or above which two sentences state the same measure
# A named project, plant, park or company: a proper-noun run ending in one of these words.
_PROJECT_RE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9“”（）()]{2,24}?"
                         r"(?:工程|项目|电厂|能源站|基地|产业园|园区|示范区|港|航道|铁路|通道|大桥|公司|集团|电站)"
                         r"(?=[、，,。；;和等及与（(”\s]|$)")
_GENERIC_LEAD = re.compile(r"^.*(?:推进|推动|加快|建设|建成|谋划|支持|实施|开展|争取将|争取|依托|打造|创建|融入|接入|"
                           r"连接|保障|完善|强化|鼓励|抓好|规划|开发|大力|积极|全力|深入|和|及|、|与)")
# Words that make a name generic (重点工程, 存量项目, 一批…项目): such a phrase names no particular project.
_GENERIC_WORDS = ("重点", "存量", "拟建", "新建", "在建", "一批", "改扩建", "相关", "各类", "各大", "示范项目", "固定资产",
                  "高排放", "两高", "基础设施", "关键", "重大", "节能降碳", "绿色", "品质工程", "系统工程", "我区", "我市")

# Action areas of Chinese climate and energy plans, recognised from a clause's headings (then its lead
# sentence); shown beside each side of a comparison.
AREAS: dict[str, tuple[str, ...]] = {
    "能源": ("能源", "电力", "煤", "天然气", "油气", "光伏", "风电", "新能源"),
    "节能": ("节能", "能效", "降碳增效", "用能"),
    "工业": ("工业", "产业", "制造", "两高", "钢铁", "化工"),
    "建筑": ("建筑", "城乡建设", "城镇", "住房"),
    "交通": ("交通", "运输", "车辆", "港口", "铁路"),
    "农业": ("农业", "农村", "乡村"),
    "循环": ("循环", "废弃物", "固废", "垃圾", "资源利用"),
    "科技": ("科技", "创新", "技术", "人才", "研发"),
    "碳汇": ("碳汇", "生态", "森林", "湿地", "海洋"),
    "全民": ("全民", "生活方式", "宣传", "培训", "社会责任", "绿色生活"),
    "经贸": ("经贸", "贸易", "一带一路", "国际合作", "开放"),
    "试点": ("试点", "示范"),
    "政策": ("政策", "财税", "价格", "金融", "市场", "统计", "核算", "标准", "法规"),
    "组织": ("组织", "领导", "统筹", "协调", "考核", "监督", "责任", "实施"),
}


@dataclass
class TargetPair:
    indicator: str
    left: Target | None
    right: Target | None

    @property
    def same(self) -> bool:
        return bool(self.left and self.right and self.left.amount == self.right.amount
                    and self.left.target_year == self.right.target_year)

    def to_json(self) -> dict:
        return {"indicator": self.indicator, "same": self.same,
                "left": self.left.to_json() if self.left else None,
                "right": self.right.to_json() if self.right else None}


@dataclass
class ClauseComparison:
    left: Clause
    right: Clause
    shared_measures: list[tuple[str, str, float]]  # (left sentence, right sentence, similarity)
    left_only_measures: list[str]
    right_only_measures: list[str]
    targets: list[TargetPair]
    left_projects: list[str]
    right_projects: list[str]

    @property
    def similarity(self) -> float:
        """Share of all measure sentences that the other clause states too."""
        shared = 2 * len(self.shared_measures)
        total = shared + len(self.left_only_measures) + len(self.right_only_measures)
        return round(shared / total, 3) if total else 0.0

    def to_json(self) -> dict:
        return {
            "left": _side(self.left, self.left_projects), "right": _side(self.right, self.right_projects),
            "similarity": self.similarity,
            "shared_measures": [{"left": a, "right": b, "similarity": round(s, 3)} for a, b, s in self.shared_measures],
            "left_only_measures": self.left_only_measures, "right_only_measures": self.right_only_measures,
            "same_targets": [p.to_json() for p in self.targets if p.same],
            "different_targets": [p.to_json() for p in self.targets if not p.same],
        }


def _side(clause: Clause, projects: list[str]) -> dict:
    return {"id": clause.id, "document": clause.document, "clause": clause.clause, "citation": clause.citation,
            "area": action_area(clause), "text": clause.text, "named_projects": projects}


def compare_clauses(left: Clause, right: Clause) -> ClauseComparison:
    """Aligns the measure sentences and the targets of two clauses, and lists the projects each names."""
    shared, left_only, right_only = align_measures(measure_sentences(left.text), measure_sentences(right.text))
    left_projects, right_projects = named_projects(left.text), named_projects(right.text)
    return ClauseComparison(left, right, shared, left_only, right_only,
                            align_targets(extract_targets(left), extract_targets(right)),
                            [p for p in left_projects if p not in right_projects],
                            [p for p in right_projects if p not in left_projects])


def align_measures(left: list[str], right: list[str]) -> tuple[list[tuple[str, str, float]], list[str], list[str]]:
    """Greedy one-to-one pairing of the most similar sentences; the rest are extra measures of each side."""
    pairs = sorted(((bigram_dice(a, b), i, j) for i, a in enumerate(left) for j, b in enumerate(right)), reverse=True)
    used_left, used_right, shared = set(), set(), []
    for score, i, j in pairs:
        if score < SAME_MEASURE:
            break
        if i not in used_left and j not in used_right:
            used_left.add(i)
            used_right.add(j)
            shared.append((left[i], right[j], score))
    shared.sort(key=lambda pair: left.index(pair[0]))
    return (shared, [s for i, s in enumerate(left) if i not in used_left],
            [s for j, s in enumerate(right) if j not in used_right])


def align_targets(left: list[Target], right: list[Target]) -> list[TargetPair]:
    """Pairs targets of the same indicator; a target without a partner is paired with None."""
    pairs, unmatched = [], list(right)
    for target in left:
        key = indicator_key(target.indicator)
        partner = next((t for t in unmatched if indicator_key(t.indicator) == key and t.unit == target.unit), None)
        if partner is not None:
            unmatched.remove(partner)
        pairs.append(TargetPair(target.indicator, target, partner))
    return pairs + [TargetPair(t.indicator, None, t) for t in unmatched]


def named_projects(text: str) -> list[str]:
    """Named projects, plants, parks and companies in the text (110千伏金瓯输变电工程, 台山工业新城分布式综合能源站)."""
    flat = re.sub(r"[\s*]", "", text)
    found = []
    for match in _PROJECT_RE.finditer(flat):
        name = _GENERIC_LEAD.sub("", match.group())
        if len(name) >= 4 and not any(word in name for word in _GENERIC_WORDS):
            found.append(name)
    return list(dict.fromkeys(found))


def action_area(clause: Clause) -> str:
    """The action area (能源, 工业, 建筑, 交通 …) named by the nearest heading, else by the clause's lead sentence."""
    for heading in reversed(clause.heading.split(" > ")):
        area = _area_of(heading)
        if area:
            return area
    return _area_of(lead_sentence(clause))


def _area_of(text: str) -> str:
    counts = {area: sum(text.count(word) for word in words) for area, words in AREAS.items()}
    best = max(counts, key=lambda area: counts[area])
    return best if counts[best] else ""


def lead_sentence(clause: Clause) -> str:
    """The clause's own lead sentence (e.g. 优化交通用能结构), which names its measure; empty when long."""
    first = re.split(r"[。；;！？!?]", measure_text(clause.text.replace("*", "")), maxsplit=1)[0]
    return first if len(first) <= 40 else ""
