"""How local a document is (national, provincial, prefecture, county), read from its title and issuer.

Product decision: staff ask about the plans they implement. When several documents carry the same
measure (a 区 plan copies a 市 plan, which copies the 省 and 国务院 plans), the more local, more
specific document is the one that applies to them (specific over general), so it ranks first.

Chinese local documents name their place as a prefix of the title or the issuer: 江门市江海区…,
江西省…, 佛山市住房和城乡建设局. National documents (国务院, 国家发展改革委, 生态环境部令 …) carry
no place, so a document without a place prefix is read as national, the most general level."""
from __future__ import annotations

import re

from index.tokenize import normalize
from ingest.records import Document

NATIONAL, PROVINCIAL, PREFECTURE, COUNTY = 0, 1, 2, 3
MOST_LOCAL = COUNTY
# The four 直辖市 are provinces in rank: a fact of administration, not a tuning list.
MUNICIPALITIES = {"北京", "上海", "天津", "重庆"}
SUFFIX_LEVEL = {"自治区": PROVINCIAL, "省": PROVINCIAL, "自治州": PREFECTURE, "市": PREFECTURE,
                "区": COUNTY, "县": COUNTY, "旗": COUNTY}
# A place name is at least two characters before its suffix (台山市, 江海区), which keeps 城市 out.
_UNIT = re.compile(r"([\u4e00-\u9fff]{2,7}?)(自治区|自治州|省|市|区|县|旗)")
# Zones that end in 区 but are not administrative districts: 深圳经济特区 is a city, not a district.
_NOT_ADMIN = re.compile(r"(特区|开发区|园区|示范区|湾区|片区|城区|景区|社区|保护区|功能区)$")
_LEAD = re.compile(r"^(关于印发|关于)")
# Targets are handed down by the government directly above: "完成江门市下达的目标" in a 市 plan shows
# that this 市 is a 县级市 under 江门市.
_SUPERIOR_CITY = re.compile(r"(?:完成|落实|按照|执行)([\u4e00-\u9fff]{2,4}?)市下达")


def place_units(text: str) -> list[tuple[str, str]]:
    """The (name, suffix) units a title or issuer starts with: 江门市江海区… → [(江门, 市), (江海, 区)]."""
    text = _LEAD.sub("", normalize(text).strip())
    units, position = [], 0
    while (match := _UNIT.match(text, position)) and not _NOT_ADMIN.search(match.group(0)):
        units.append((match.group(1), match.group(2)))
        position = match.end()
    return units


def units_level(units: list[tuple[str, str]]) -> int:
    """Level of the most local unit; a 市 under another 市 is a 县级市 (江门市台山市)."""
    level = NATIONAL
    for index, (name, suffix) in enumerate(units):
        unit = PROVINCIAL if suffix == "市" and name in MUNICIPALITIES else SUFFIX_LEVEL[suffix]
        if suffix == "市" and index > 0 and units[index - 1][1] == "市":
            unit = COUNTY
        level = max(level, unit)
    return level


def document_level(document: Document) -> int:
    """NATIONAL … COUNTY from the title and the issuer, whichever names the more local place;
    a 市 whose text takes its targets from another 市 is county level."""
    units = place_units(document.title) or place_units(document.issuer)
    level = max(units_level(place_units(document.title)), units_level(place_units(document.issuer)))
    if level == PREFECTURE and units and units[-1][1] == "市" and _has_superior_city(document.text, units[-1][0]):
        return COUNTY
    return level


def _has_superior_city(text: str, own_name: str) -> bool:
    return any(name != own_name and not name.endswith(own_name) for name in _SUPERIOR_CITY.findall(text or ""))


def locality_factor(level: int, weight: float) -> float:
    """Multiplier of a clause's fused score: 1 for national, 1 + weight for the most local level."""
    return 1.0 + weight * level / MOST_LOCAL
