"""Questions as people type them: spoken words (啥时候, 几层), a law's short name (深圳绿建条例), the
document asked for (哪部老条例) or made (制定…方案) that is no document named; and values plans write: a
ratio (1:1), a share after a bracketed note on the one before, a body whose level is noted in brackets
(县（市、区）) or said alone (省人民政府), the body that fixes a thing (谁来定). A share of one thing
(有偿分配的比例) is not answered by another's (抵销比例). Each on documents built here."""
from __future__ import annotations

import pytest

from qa.answer import answer_question
from tests.conftest import engine_over, filler_plans, marked

TOWN_PLAN = """黄石市城乡建设碳达峰实施方案

一、主要目标
（一）总体目标
2030年前，城乡建设领域碳排放达到峰值。
（二）县城建设
新建住宅以6层为主，最高不超过18层，6层及以下住宅建筑面积占比应不低于70%。
到2022年，当年城镇新增绿色建筑竣工面积占新增民用建筑竣工面积比例达到70%以上（其中，2021年达到60%），星级绿色建筑面积占比达到20%以上（2021年到达10%）。
（三）公交替代
科学应用23台氢燃料电池公交车，与传统燃油车的替代比达1:1，节能环保效果明显。
（四）资金管理
专项资金实行有偿使用，按因素法分配。
（五）固废利用
推动煤矸石、粉煤灰等工业固废综合利用，到2025年，新增大宗固废综合利用率达到60%，存量大宗固废有序减少。
（六）强度目标
到2030年，单位生产总值二氧化碳排放比2005年下降70%，营运车辆碳排放强度比2020年下降9.5%左右。
（七）园区建设
支持黄石港区创建绿色建材产业园区。鼓励建设超高海拔光伏实证实验基地、光伏储能试点项目。
打造大型活动“碳中和”、森林固碳等方面的“碳普惠”机制。鼓励龙头企业、重点用能单位等开展示范企业创建行动。
2025年年底前，电解铝吨铝电耗下降至12500千瓦时左右。
加快打造黄石新港、棋盘洲港、阳新港等多式联运示范工程，推动运河研究论证。
各区县住房城乡建设部门按照时间节点有序推进，并将创建情况于每年10月底前报送市住房城乡建设局。
各县（市、区）住房和城乡建设、发展改革部门于每年11月底前将落实情况报住房和城乡建设部、国家发展改革委。
二、组织实施
（一）各方责任
鼓励黄石电厂、新港钢铁、华新水泥等重点用能单位制定碳达峰行动方案，发挥引领带动作用。
"""

LAND_RULES = """黄石经济特区绿色建筑条例

发布机构：黄石市人民代表大会常务委员会

第一条 建设项目施工、地质勘查需要临时使用土地的，由设区的市、县（市、区）自然资源主管部门批准。
第二条 省人民政府负责制定全省区片综合地价最低标准。设区的市、县（市、区）人民政府综合考虑土地原用途等因素，制定本行政区域区片综合地价，并报省人民政府备案。
第三条 省级生态环境主管部门应当按照规定，确定本行政区域重点排放单位名录。
第四条 重点排放单位可以使用国家核证自愿减排量抵销碳排放配额的清缴，抵销比例不得超过应清缴碳排放配额的5%。
第六条 公共交通企业未经城市人民政府同意终止运营服务的，由主管部门责令改正；拒不改正的，处10万元以上50万元以下的罚款。
第七条 能源预测预警信息由省能源主管部门发布。
第五条 本条例自2022年7月1日起施行，《黄石经济特区建筑节能条例》同时废止。
"""

@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"town.txt": TOWN_PLAN, "land.txt": LAND_RULES, **filler_plans()})


@pytest.mark.parametrize("question, value", [
    ("城乡建设领域的碳排放啥时候达峰？", "2030年前"),
    ("县城新建住宅最高允许盖几层？", "最高不超过18层"),
    ("黄石到2022年星级绿色建筑面积占比达到多少？", "20%以上"),
    ("黄石2022年当年城镇新增绿色建筑竣工面积占比达到多少？", "70%以上"),
    ("氢燃料电池公交车和传统燃油车按什么比例替代？", "1:1"),
])
def test_spoken_questions_and_plan_values_are_marked(engine, question, value):
    assert marked(engine, question) == value


@pytest.mark.parametrize("question, body", [
    ("施工或者地质勘查临时用地由哪个部门批准？", "设区的市、县（市、区）自然资源主管部门"),
    ("全省区片综合地价最低标准由谁制定？", "省人民政府"),
    ("本行政区域重点排放单位名录归谁来定？", "省级生态环境主管部门"),
    # a thing issued, not the document's issuer
    ("能源预测预警信息按规定由哪个部门发布？", "省能源主管部门"),
])
def test_the_body_is_marked_whole(engine, question, body):
    assert marked(engine, question) == body


def test_a_short_name_of_a_law_finds_it(engine):
    answer = answer_question(engine, "黄石绿建条例是哪天起施行的？")
    assert answer.found and answer.quotes[0].highlight == "2022年7月1日"


def test_the_document_asked_for_or_made_is_not_missing(engine):
    assert marked(engine, "绿色建筑条例施行后，同时废止的是哪部老条例？") == "黄石经济特区建筑节能条例"
    assert marked(engine, "黄石鼓励带头制定碳达峰行动方案的是哪几家重点用能单位？") == "黄石电厂、新港钢铁、华新水泥"


def test_a_share_of_another_thing_does_not_answer(engine):
    assert not answer_question(engine, "碳排放配额有偿分配的比例是多少？").found
    assert "5%" in marked(engine, "碳排放配额清缴的抵销比例最多是多少？")


@pytest.mark.parametrize("question, value", [
    ("各县住建和发改每年的落实情况要报给哪几个部委？", "住房和城乡建设部、国家发展改革委"),
    ("到2025年新增部分的大宗固废综合利用率要达到多少？", "60%"),
    ("公交企业未经同意终止运营服务，责令改正后仍不改的，怎么罚？", "10万元以上50万元以下"),
    ("到2030年碳排放强度跟2005年比要降多少？", "70%"),
    ("黄石支持哪个区创建绿色建材产业园区？", "黄石港区"),
    ("电解铝吨铝电耗在2025年底前要降到什么水平？", "12500千瓦时左右"),
    ("黄石要加快打造的多式联运示范工程有哪些？", "黄石新港、棋盘洲港、阳新港"),
    ("区县住建部门向市住建局报送创建情况的时间节点是？", "每年10月底前"),
])
def test_bodies_fines_bases_and_places_asked_as_people_ask(engine, question, value):
    assert marked(engine, question) == value


@pytest.mark.parametrize("question", [
    "超高海拔光伏实证实验基地选址在哪个县？",  # no place is said: no project's name answers
    "碳普惠机制依托的线上平台叫什么名字？",  # no 平台 is said: a quoted word is no name of one
    "黄石要打造的零碳园区是哪几个园区？",  # the listed 龙头企业、重点用能单位 are no 园区
])
def test_a_name_of_another_kind_does_not_answer(engine, question):
    assert not answer_question(engine, question).found
