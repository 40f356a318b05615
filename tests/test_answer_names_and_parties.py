"""Names and parties a question asks for: the kind of thing named (哪个基地 is no 试点), a short name (简称),
a standard or a repealed act by its title, two places counted in words (沙县、宁化两个县), a ratio (替代比),
the level that approves (由哪一级审核批准), a system (哪套评价体系), a project by its own name rather than its
kind, the joint issuers of a notice, a law named by a three-character name (能源法); and what
no clause answers: a metal the plan gives no figure for (再生铜 where it gives 再生铝). Each on documents built
here."""
from __future__ import annotations

import pytest

from qa.answer import answer_question
from tests.conftest import engine_over, filler_plans, marked

CITY_PLAN = """黄石市绿色发展工作方案

一、重点任务
（一）试点示范
开展宝武集团黄石基地碳达峰、碳中和试点示范行动。
选择社区、公共机构开展绿色低碳试点示范，打造一批近零碳社区。
（二）金融服务
加快推进企业融资对接服务平台（石融通）升级改造，上线绿色金融服务板块。
打造“绿盈驿站”，在阳新、大冶两个县开展试点，构建集绿色经营主体信息查询、绿色信贷优惠政策发布等10余项功能于一体的服务场景。
（三）公交替代
科学应用23台氢燃料电池公交车，与传统燃油车的替代比达1:1，节能环保效果明显。
（四）社区建设
按照《完整居住社区建设标准（试行）》配建基本公共服务设施、便民商业服务设施和公共活动空间。
（五）资源循环
2025年再生铝产量达到1150万吨，2030年电解铝使用可再生能源比例提高至30%以上。
（六）产业布局
支持再生铜冶炼企业开展技术改造。
"""

CITY_RULES = """黄石市建筑绿色发展条例

第一条 违反本条例规定，建设、设计或者施工单位使用禁止使用目录中的建筑材料的，由住房城乡建设部门责令改正，对建设单位处二十万元以上五十万元以下罚款，对设计单位处十万元以上三十万元以下罚款，对施工单位处十万元以上二十万元以下罚款。
第二条 农村村民住宅用地，由乡（镇）人民政府审核批准。
第三条 本条例自2022年7月1日起施行。1995年7月5日黄石市人民代表大会常务委员会通过，根据《黄石市人民代表大会常务委员会关于修改部分地方性法规的决定》修正的《黄石市环境保护条例》同时废止。
"""

ENERGY_LAW = """# 中华人民共和国能源法

## 第一章 总则

第一条 国务院能源主管部门会同国务院有关部门制定非化石能源开发利用中长期发展目标，按年度监测非化石能源开发利用情况。
"""

NATIONAL_PLAN = """黄石市碳达峰行动方案

一、主要目标
到2030年，非化石能源消费比重达到25%左右，顺利实现2030年前碳达峰目标。
"""


JOINT_NOTICE = """黄石市发展和改革局 黄石市生态环境局关于印发《黄石市节能降碳工作方案》的通知
黄发改〔2023〕5号
各县（市、区）人民政府：
现将《黄石市节能降碳工作方案》印发给你们，请认真贯彻执行。
黄石市发展和改革局
黄石市生态环境局
2023年3月1日
黄石市节能降碳工作方案
一、重点任务
（一）能源利用
推进重点用能单位节能改造。
"""

FINANCE_NOTICE = """黄石银保监分局、黄石市地方金融监督管理局关于印发绿色金融支持黄石碳达峰工作方案的通知
（黄银保监规〔2022〕1号）
各银行保险机构：
现将《绿色金融支持黄石碳达峰工作方案》印发给你们，请认真贯彻落实。
中国银保监会黄石监管分局
黄石市地方金融监督管理局
2022年5月6日
绿色金融支持黄石碳达峰工作方案
一、主要任务
（一）绿色信贷
推动绿色信贷增量扩面。
"""

RIVER_LAW = """# 中华人民共和国黄石河保护法

## 第三章 生态保护

第四十一条 国务院农业农村主管部门会同有关部门建立黄石河流域水生生物完整性指数评价体系，组织开展水生生物完整性评价。

## 第五章 重点项目

第五十条 统筹推进地热能开发，探索建立高温地热发电示范项目，“十四五”期间新建规模3万千瓦。
地热能发电。推进阳新县榆林地热田项目建设。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"plan.txt": CITY_PLAN, "rules.txt": CITY_RULES, "energy.md": ENERGY_LAW,
                                          "peak.txt": NATIONAL_PLAN, "notice.txt": JOINT_NOTICE, "finance.txt": FINANCE_NOTICE,
                                          "river.md": RIVER_LAW, **filler_plans()})


@pytest.mark.parametrize("question, value", [
    ("钢铁行业那个碳达峰碳中和试点示范行动，放在哪个基地搞？", "宝武集团黄石基地"),
    ("上线绿色金融服务板块的那个企业融资对接服务平台，简称叫什么？", "石融通"),
    ("企业融资对接服务平台简称是什么？", "石融通"),
    ("“绿盈驿站”先放在哪两个县试点？", "阳新、大冶"),
    ("氢燃料电池公交车和传统燃油车的替代比是多少？", "1:1"),
    ("社区配建基本公共服务设施要按照哪个标准来？", "完整居住社区建设标准（试行）"),
    ("条例施行的同时，废止了哪部旧的地方性法规？", "黄石市环境保护条例"),
    ("农村村民盖房，住宅用地由哪一级审核批准？", "乡（镇）人民政府"),
    ("对设计单位使用禁止目录中的建筑材料，罚款多少？", "十万元以上三十万元以下"),
    ("建立哪套评价体系来评价水生生物完整性？", "黄石河流域水生生物完整性指数评价体系"),
    # a name holding a place is the project's own name; the other is a kind of project
    ("“十四五”期间地热能发电重点推进的是哪个项目？", "阳新县榆林地热田项目"),
    # joint issuers: every one the title line names
    ("《黄石市节能降碳工作方案》是哪两个部门联合印发的？", "黄石市发展和改革局 黄石市生态环境局"),
    # the title line names them as the notice opens, the signature by their full names
    ("《绿色金融支持黄石碳达峰工作方案》是由哪两家单位联合印发的？", "黄石银保监分局、黄石市地方金融监督管理局"),
])
def test_the_thing_asked_is_marked(engine, question, value):
    assert marked(engine, question) == value


@pytest.mark.parametrize("question", [
    "2025年再生铜产量的目标是多少？",  # the plan gives 再生铝's, and speaks of 再生铜 elsewhere
    "能源法规定到2030年非化石能源消费比重要达到多少？",  # the figure is the city plan's, not the law's
    "公共机构绿色低碳试点示范放在哪个园区？",  # no 园区 is named: the 试点 is no answer
])
def test_what_no_clause_answers_is_not_found(engine, question):
    assert not answer_question(engine, question).found
