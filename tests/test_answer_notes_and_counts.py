"""What plans and laws dumped from PDF say around a value: a closing note of the bodies that carry a
measure out, the count that closes a list of places, items in quotes, the list of two whose words after it are asked, a system name jieba runs into the
next word, 全国首个 as a rank and not the national level, the day a notice went out, a title's short
form, 通过 as "by way of", a sentence broken after 和 by a blank line, and a law named in three characters.
Each on documents built here."""
from __future__ import annotations

import pytest

from qa.answer import answer_question
from tests.conftest import engine_over, marked

CITY_PLAN = """黄石市旧物回收工作方案

一、重点任务
（八）推动回收中心绿色发展
鼓励重点行业利用回收中心等设施实现节能降耗。新建大型回收中心能耗不超过1.3。
（市回收局、市发展改革委、市经济信息委）
（九）建设岸段回收网络
加快推进北岸、中岸和南岸三大岸段回收站建设，探索开展水上回收试点。综合采用“收、分、运、用”方式，提高回收效率。
推动黄石旧物科技有限公司2023年底前打造全国首个零废弃工厂。
市回收局依托市旧物登记系统对回收量创建、分配、注销等进行登记和管理。
加快青石、白沙等站点预审工作，推进红柳、金竹、木兰等站点加快完成勘测、尽快转入预审。

黄石市旧物回收局
2023年5月6日
"""

NATIONAL_PLAN = """国务院关于加快旧物回收的意见

一、总体要求
到2025年，全国旧物回收率达到60%，2030年前建成覆盖城乡的回收体系。
"""

SECTOR_PLAN = """城乡旧物回收实施方案

一、主要目标
到2025年，城乡旧物回收站覆盖率明显提高，回收体系更加完善。
"""

SHANGHAI_PLAN = """上海市旧物回收实施方案

一、主要目标
“十四五”期间累计新建旧物回收站不少于800个。
"""

CITY_RULES = """# 黄冈市旧物回收促进条例

2021年8月26日黄冈市第八届人民代表大会常务委员会第三十六次会议通过

第十八条　市回收部门应当通过回收服务平台等向社会披露重点回收单位名单。
"""

PDF_LAW = """福山省旧物保护条例

第五十八条

实行回收许可管理的企业事业单位和

其他生产经营者应当按照国家和本省有关规定，对其回收的旧物进行监测，保存完整的原始监测记录。监测记录保存时间不得少于五年。
"""

SHORT_LAW = """# 中华人民共和国旧物法

第七十五条　本法中下列用语的含义：
（一）废弃物，是指已经失去原有使用价值的物品。
（二）可回收物，是指适宜回收利用的生活废弃物，包括纸张、金属、塑料、玻璃等。
"""

TITLED_PLAN = """四川省可回收物发展规划

一、发展目标
到2025年，全省可回收物回收量稳步提升。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {
        "huangshi.txt": CITY_PLAN, "national.txt": NATIONAL_PLAN, "sector.txt": SECTOR_PLAN,
        "shanghai.txt": SHANGHAI_PLAN, "huanggang.md": CITY_RULES, "fushan.txt": PDF_LAW,
        "short_law.md": SHORT_LAW, "sichuan.txt": TITLED_PLAN})


def test_a_closing_note_names_who_carries_the_measure_out(engine):
    answer = answer_question(engine, "黄石推动回收中心绿色发展这项任务的责任单位是哪些？")
    assert answer.quotes[0].highlight == "市回收局、市发展改革委、市经济信息委"


@pytest.mark.parametrize("question, expected", [
    ("哪三大岸段的回收站要加快建设？", "北岸、中岸和南岸"),
    ("黄石提高回收效率要综合采用哪几种方式？", "收、分、运、用"),
    ("回收量的创建、分配、注销等登记，依托的是什么系统？", "市旧物登记系统"),
    # of two lists in a sentence, the one whose words after it (joined by 、 as well) the question says
    ("哪几个回收站点要抓紧做完勘测、进入预审阶段？", "红柳、金竹、木兰"),
])
def test_items_and_names_without_what_follows_them(engine, question, expected):
    assert marked(engine, question) == expected


def test_the_first_in_the_country_is_no_national_scope(engine):
    assert marked(engine, "旧物科技有限公司要在什么时候之前建成全国首个零废弃工厂？") == "2023年底前"


def test_the_day_a_notice_went_out(engine):
    assert marked(engine, "黄石的旧物回收工作方案是哪天发文的？") == "2023年5月6日"


def test_a_title_said_without_its_shi_shi_asks_that_document(engine):
    answer = answer_question(engine, "城乡旧物回收方案要求新建旧物回收站多少个？")
    assert not answer.found  # 上海's figure is no answer about the sector plan


def test_tong_guo_as_by_way_of_asks_the_body_in_the_text(engine):
    assert marked(engine, "重点回收单位的名单，由哪个部门通过回收服务平台向社会披露？") == "市回收部门"


def test_a_sentence_broken_after_he_by_a_blank_line_is_one(engine):
    answer = answer_question(engine, "在福山，实行回收许可管理的单位，监测记录要保存多长时间？")
    assert answer.quotes[0].highlight == "不得少于五年"
    assert "实行回收许可管理的企业事业单位和其他生产经营者应当" in answer.hits[0].text


def test_a_law_named_in_three_characters_is_no_evidence_inside_it(engine):
    assert marked(engine, "旧物法里所说的可回收物具体包括哪几种？") == "纸张、金属、塑料、玻璃"
