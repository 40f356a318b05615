"""Things asked by the kind the question ends on (哪条线, 哪个库里, 哪笔钱, 哪份目录), a rate reckoned on a base
the question names in its own words (按欠费的多少比例…, 按骗取金额的几倍), an act asked by a verbal noun
(通过哪个部门的考核), who adopted a document asked with 施行 at the end, who sent a document (…意见是哪个部门发的,
but not who issues a licence), a name after 制定 or 记入, a share asked as 占多少, and a national figure a
provincial plan cites, which does not answer for the province (全省); an item of a list read with its lead, a
fine for another failure, a thing taken up by 这个, a value in another measure (毫克). On documents built here."""
from __future__ import annotations

import pytest

from tests.conftest import engine_over, filler_plans, marked

RECYCLING_LAW = """# 中华人民共和国旧物回收法

## 第一章 总则

第一条 为了规范旧物回收，制定本法。
第二条 国务院制定中国旧物事业发展纲要，县级以上地方人民政府根据中国旧物事业发展纲要，制定本行政区域的旧物事业发展规划。
第三条 县级以上人民政府应当开通全国统一的旧物回收服务热线，及时受理、移送有关旧物回收的投诉、举报。
第四条 对严重违反旧物回收管理规范的企业，由旧物主管部门记入旧物诚信严重失信行为数据库。
第五条 对需要紧急救治的旧物作业伤员，由医疗机构实施紧急救治。符合规定的紧急救治费用，由旧物应急救助基金予以补助。
第六条 国务院旧物主管部门应当制定并定期调整旧物回收重点品种目录。
第七条 回收企业未按照规定期限缴纳回收费的，主管部门除责令限期缴纳外，从滞纳回收费之日起，按日加收滞纳回收费万分之五的滞纳金。
第八条 从事旧物鉴定的人员，必须经过省、自治区、直辖市人民政府旧物主管部门的考核，并取得相应的合格证书。
第九条 采取虚报、隐瞒等手段骗取旧物补贴的，处非法获取的财物价值二倍以下的罚款。
第十条 旧物代表会议每半年至少召开一次。旧物代表应当占旧物代表会议组成人员的五分之四以上。
第十一条 旧物准运证由县级人民政府旧物主管部门核发。
第十二条 旧物回收员在受处分期间不得晋升。
受处分的期间为：警告，六个月；记过，十二个月；记大过，十八个月；降级、撤职，二十四个月。
第十三条 全岛封关运作时，将旧物增值税等税费进行简并，在货物零售环节征收旧物销售税。
第十四条 因旧物回收造成误工的，减少的收入每日的赔偿金按照国家上年度职工日平均工资计算，最高额为国家上年度职工年平均工资的五倍。
第十五条 违反本法规定，回收单位未按要求进行旧物专项验收的，处项目投资额百分之二以上百分之四以下的罚款。
第十六条 注册商标的有效期为十年，自核准注册之日起计算。
第十七条 认定驰名商标应当考虑该商标的知名程度。
第十八条 旧物仓库的粉尘浓度不得高于国家规定限值的百分之八十。
第十九条 回收企业欠费的，主管部门应当催缴。
第二十条 新建住宅应当安装旧物热水系统。
"""

MEASURES = """《旧物回收管理办法》已于2020年12月25日由海川省旧物局局务会议审议通过，现予公布，自2021年2月1日起施行。

海川省旧物回收管理办法

第一条 为了规范本省旧物回收，制定本办法。
第二条 本办法自2021年2月1日起施行。
"""

GUIDANCE = """省住房城乡建设厅关于推进旧物回收绿色转型的指导意见

各设区市住房城乡建设局：
为推进旧物回收绿色转型，现提出如下意见。
一、总体要求
（一）主要目标。到2025年，旧物回收利用率达到35%以上。
二、组织实施
（二）落实要求。落实《住房城乡建设部等部门关于印发旧物社区创建行动方案的通知》要求，推进旧物回收设施绿色化。
海川省住房和城乡建设厅
2021年4月15日
"""

PROVINCE_PLAN = """海川省旧物回收发展规划

一、发展形势
（一）国家要求。国家明确2030年全国旧物回收总量达到12亿吨以上。
二、发展目标
（二）全省目标。到2025年，全省旧物回收总量达到3000万吨。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"law.md": RECYCLING_LAW, "measures.txt": MEASURES,
                                          "guidance.txt": GUIDANCE, "plan.txt": PROVINCE_PLAN, **filler_plans()})


@pytest.mark.parametrize("question, value", [
    # the kind the question ends on: a 线 is a hotline, a 库 a database, a 钱 a fund, a 目录 a catalogue
    ("想打电话投诉旧物回收的事，法律要求县级以上政府开通的是哪条线？", "全国统一的旧物回收服务热线"),
    ("严重违反旧物回收管理规范的企业，会被主管部门记到哪个库里？", "旧物诚信严重失信行为数据库"),
    ("旧物作业伤员紧急救治的费用由哪笔钱来补助？", "旧物应急救助基金"),
    ("国务院旧物主管部门要定期调整的是哪份目录？", "旧物回收重点品种目录"),
    # the base is said before 的多少比例; what is measured (滞纳金) follows
    ("回收企业拖欠回收费，每天按欠费的多少比例加收滞纳金？", "万分之五"),
    # 考核 is the act asked, though a verbal noun
    ("做旧物鉴定的人，得通过哪个部门的考核并拿到合格证书？", "省、自治区、直辖市人民政府旧物主管部门"),
    # the body asked, though the question ends on coming into force
    ("旧物回收管理办法是哪个部门审议通过并公布施行的？", "海川省旧物局"),
    # a document's sender; a licence's issuer is the body the law names
    ("海川那份推进旧物回收绿色转型的指导意见是哪个部门发的？", "海川省住房和城乡建设厅"),
    ("旧物准运证是哪个部门发的？", "县级人民政府旧物主管部门"),
    # the verb that makes the paper is not part of its name
    ("国务院要制定的旧物事业纲领性文件叫什么？", "中国旧物事业发展纲要"),
    # the base the question names in its own words (骗取金额) is not marked with the multiple
    ("骗领旧物补贴被查出来，罚款最高按骗取金额的几倍算？", "二倍以下"),
    # 占多少 asks a share, not how often the meeting is held
    ("旧物代表会议里旧物代表至少占多少？", "五分之四以上"),
    ("海川省旧物回收发展规划里，到2025年全省旧物回收总量要达到多少？", "3000万吨"),
    # an item of a list, read with the lead that opens it
    ("旧物回收员被记大过的，受处分期间有多长？", "十八个月"),
    # 征收 before the tax named
    ("全岛封关以后，在零售环节改征什么税？", "旧物销售税"),
    # 国家机关 in the question does not say the base of the multiple
    ("被国家机关耽误了上班，误工的赔偿金最高是多少？", "国家上年度职工年平均工资的五倍"),
    ("注册商标的有效期是多长？", "十年"),
])
def test_the_value_asked_is_marked(engine, question, value):
    assert marked(engine, question) == value


def test_a_national_figure_a_provincial_plan_cites_does_not_answer_for_the_province(engine):
    assert marked(engine, "海川省旧物回收发展规划里，全省2030年旧物回收总量目标是多少？") is None


@pytest.mark.parametrize("question", [
    # a fine for another failure of the same law
    "回收单位没有按要求安装旧物热水系统，罚款多少？",
    # 这个 takes up the thing said before: a 驰名商标's recognition, not a registration
    "驰名商标被认定以后，这个认定的有效期是多长？",
    # asked in milligrams, a share does not answer
    "旧物仓库的粉尘浓度限值是每立方米多少毫克？",
])
def test_a_value_of_another_thing_or_measure_is_not_an_answer(engine, question):
    assert marked(engine, question) is None
