"""The level (国家/省/市/区县) and region of a document, read from its title, else its issuer.

The gazetteer is qa.places, which reads the places a question names with the same data; it is
imported only when a document is placed, so reading the store never loads it."""
from __future__ import annotations

_LEVELS = {0: "国家", 1: "省", 2: "市", 3: "区县"}  # qa.places NATIONAL … COUNTY, as ingest.fields.LEVELS names them


def level_and_region(title: str, issuer: str) -> tuple[str, str]:
    """("区县", "广东省 江门市 台山市") for a county's plan; ("国家", "") where no place is named."""
    from index.tokenize import normalize
    from qa.places import gazetteer

    places = gazetteer()
    place = places.region_of(normalize(title)) or places.region_of(normalize(issuer))
    if place is None:
        return "国家", ""
    return _LEVELS[place.level], region_path(place)


def region_path(place) -> str:
    """The place with the places it lies in, province first, separated by spaces."""
    from qa.places import gazetteer

    places = gazetteer()
    codes = [place.code[:size] for size in (2, 4, 6) if size <= len(place.code)]
    names = [places.by_code[code].name for code in codes if code in places.by_code]
    return " ".join(dict.fromkeys(names))


def find_region(text: str) -> str:
    """A region the user typed (广东, 台山市) as its full path; the text itself when no place has that name."""
    from qa.places import gazetteer

    found = gazetteer().names.get(text.strip())
    return region_path(found[0]) if found else text.strip()
