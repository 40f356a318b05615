"""Whether a clause is about what is asked, when the asker speaks in their own words: a thing no clause names
counts fully where the question asks (游艇的税率) and half in the case the asker tells before it (买车要交的…，税率是
多少); a kind of figure (年龄) or a bound (至少) the value says itself, whatever the subject; a time counted back
from a term's end (届满前一年) is no length of the term. On laws written in the test."""
from __future__ import annotations

import pytest

from tests.conftest import engine_over, filler_plans, marked

VEHICLE_TAX = """# 青禾省车辆购置税条例

第一条　为了规范车辆购置税的征收管理，制定本条例。

第二条　在本省购置汽车、有轨电车、汽车挂车的单位和个人，为车辆购置税的纳税人。

第三条　车辆购置税的税率为百分之十。

第四条　车辆购置税实行一次性征收。

第五条　纳税申报资料，税务机关至少保存十年。

第六条　免税车辆的使用年限和使用人年龄，由省人民政府规定。
"""

FOREIGN_SERVICE = """# 青禾省驻外外交人员条例

第一条　为了加强驻外人员队伍建设，制定本条例。

第二条　担任驻外外交人员，应当具备下列条件：
（一）具有本国国籍；
（二）年满二十三周岁；
（三）身体健康。

第三条　驻外外交人员应当忠于职守。
"""


LAND_USE = """# 青禾省土地使用权出让条例

第一条　为了规范土地使用权出让，制定本条例。

第二条　土地使用权出让合同约定的使用年限届满，土地使用者需要继续使用土地的，应当至迟于届满前一年申请续期。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"tax.md": VEHICLE_TAX, "service.md": FOREIGN_SERVICE, "land.md": LAND_USE,
                                          **filler_plans()})


def test_a_thing_only_in_the_askers_case_does_not_hide_the_answer(engine):
    assert marked(engine, "买车要交的车辆购置税，税率是多少？") == "百分之十"


def test_a_kind_of_figure_and_a_bound_are_said_by_the_value(engine):
    assert "二十三周岁" in (marked(engine, "想当驻外外交人员，年龄上至少要满多少岁？") or "")


def test_a_time_counted_back_from_a_terms_end_is_no_length_of_the_term(engine):
    # 届满前一年 says when to apply for more, not how many years the land may be used
    assert marked(engine, "土地使用权出让的最高使用年限是多少年？") is None


@pytest.mark.parametrize("question", ["车辆购置税条例里，游艇的税率是多少？", "火星基地的税率是多少？"])
def test_a_thing_no_clause_names_where_the_question_asks_is_still_not_found(engine, question):
    assert marked(engine, question) is None
