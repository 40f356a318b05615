"""The library's own jurisdiction (qa.home): which documents a question naming no place prefers."""
from __future__ import annotations

from qa.home import home_code, home_documents
from qa.places import Place

JIANGHAI, TAISHAN = Place("440704", "江海区"), Place("440781", "台山市")
GUANGDONG, FOSHAN, CHANGSHA = Place("44", "广东省"), Place("4406", "佛山市"), Place("4301", "长沙市")


def test_a_city_s_own_plans_are_home_among_national_and_provincial_ones():
    regions = [JIANGHAI, TAISHAN, None, GUANGDONG, FOSHAN]
    assert home_code(regions) == "4407"
    assert home_documents(regions) == [True, True, False, False, False]


def test_plans_of_several_provinces_make_no_home():
    assert home_code([FOSHAN, CHANGSHA, None]) == ""
    assert home_documents([FOSHAN, CHANGSHA, None]) == [False, False, False]


def test_the_most_local_documents_are_home_not_the_province_above_them():
    assert home_documents([GUANGDONG, FOSHAN, None]) == [False, True, False]
    assert home_documents([GUANGDONG, None]) == [True, False]


def test_a_library_of_national_documents_or_of_one_place_prefers_nothing():
    assert home_documents([None, None]) == [False, False]
    assert home_documents([TAISHAN, TAISHAN]) == [False, False]
