"""A body a matter is handed to (提请…审查), bodies sharing one ending across 或者, the system or platform a
thing is reported to (汇交到…系统, 上报…系统, 记到哪个信用平台上), the grade of a standard (执行哪一级的…标准), a
time limit asked as 什么时间内, a list after the modifier the question says (开放、共享的…), a thing named before
叫什么 after a comma (but not when 叫什么 names the kind: 叫什么计划), and a document's signature asked as
落款是哪个单位; a system named by its 制 (总分馆制), a name framed by 以…为依托, a document named after what must
be done with it (应当写出…意见书), and a number of days asked (期限是多少天) that a starting day does not answer. On documents built here."""
from __future__ import annotations

import pytest

from tests.conftest import engine_over, filler_plans, marked

PLANNING_LAW = """# 中华人民共和国旧物规划法

## 第一章 总则

第一条 为了规范旧物规划工作，制定本法。
第二条 国家旧物规划在实施过程中经评估需要进行调整的，由国务院提出调整方案，提请全国人民代表大会常务委员会审查和批准。
第三条 高等级旧物实验室从事高风险旧物检测活动，应当经省级以上人民政府卫生健康或者农业农村主管部门批准。
第四条 利用财政资金设立的旧物项目的承担者应当将旧物成果和相关知识产权信息汇交到旧物成果信息系统。
第五条 招标人和中标人应当自中标通知书发出之日起三十日内订立书面旧物回收合同。
第六条 国家建设完善开放、共享的国家旧物资源库和旧物资源公共服务平台，推动全社会旧物资源共建共享。
第七条 县级人民政府应当因地制宜建立以县级旧物馆为总馆、乡镇旧物站为分馆的旧物总分馆制，实现通借通还。
第八条 申请人对不予旧物许可的决定不服的，可以自作出决定之日起依法申请复核。
第九条 本法自2026年3月1日起施行。
第十条 旧物执法机关认为旧物违法所得应当没收的，应当写出没收旧物违法所得意见书，移送人民检察院。
"""

PROVINCE_RULES = """海川省旧物回收条例

第一条 为了规范旧物回收，制定本条例。
第二条 省人民政府生态环境主管部门应当将旧物回收企业的违法信息纳入海川省公共信用信息平台，记入社会诚信档案。
第三条 新建的超高层旧物仓库、城市副中心公共仓库执行旧物仓储三星级标准。
第四条 实施千站回收计划，新增600座左右旧物回收站，站点总数达到1000座以上。
第五条 经济和信息化部门应当加强旧物回收评价管理，及时通过企业码综合服务平台公布“旧效码”等评价结果，并实现与回收服务平台等信息共享。
第六条 省旧物主管部门应当建立全省统一的旧物回收交易管理平台，实现旧物回收信息发布、信用管理等功能。
第七条 取得旧物标识的项目，其所有权人应当每年将年度运行主要指标上报旧物标识管理信息系统。
第八条 以海川省旧物回收信息平台为依托，开展旧物回收标识认定管理。
"""

GUIDANCE = """省住房城乡建设厅关于推进旧物回收绿色转型的指导意见

各设区市住房城乡建设局：
为推进旧物回收绿色转型，现提出如下意见。
一、总体要求
（一）主要目标。到2025年，旧物回收利用率达到35%以上。
二、组织实施
（二）明确责任。各地主管部门要各司其职，确保完成各项任务。
海川省住房和城乡建设厅
2021年4月15日
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"planning.md": PLANNING_LAW, "rules.txt": PROVINCE_RULES,
                                          "guidance.txt": GUIDANCE, **filler_plans()})


@pytest.mark.parametrize("question, value", [
    # the verb that hands the plan over is not part of the body's name
    ("国家旧物规划执行到中途要调整的话，调整方案最后由哪个机构审查批准？", "全国人民代表大会常务委员会"),
    # two bodies sharing 主管部门, joined by 或者, after the level of government
    ("高等级旧物实验室要做高风险旧物检测，要经过哪一级、哪个部门批准？", "省级以上人民政府卫生健康或者农业农村主管部门"),
    # what is handed in and the verb with 到 come before the system's name
    ("用财政资金立项的旧物项目，承担单位要把成果信息报送到哪个系统里？", "旧物成果信息系统"),
    # 上 after the platform asked for: still a question for a name
    ("海川的回收企业违法了，违法信息会被记到哪个信用平台上？", "海川省公共信用信息平台"),
    ("海川省旧物回收条例要求新建超高层旧物仓库执行哪一级的仓储标准？", "旧物仓储三星级标准"),
    ("中标通知书发出以后，书面旧物回收合同最晚要在什么时间内签？", "三十日内"),
    ("经信部门在企业码综合服务平台上公布的旧物回收评价结果，叫什么？", "旧效码"),
    ("海川省新增600座左右旧物回收站、站点总数过千的举措，叫什么计划？", "千站回收计划"),
    ("海川那个推进旧物回收绿色转型的指导意见，落款是哪个单位？", "海川省住房和城乡建设厅"),
    # 建 shortens 建立, and the question's words after 什么 follow it: the frame holds no name, the sentence's does
    ("海川省旧物回收条例里，省旧物主管部门要建一个什么全省统一的平台来管回收信息发布？", "旧物回收交易管理平台"),
    ("取得旧物标识的单位每年要把运行主要指标报到哪个系统？", "旧物标识管理信息系统"),
    # the verb before the list and the modifier the question says (开放、共享的) are not items
    ("旧物规划法要求国家建设哪些开放、共享的旧物资源载体？", "国家旧物资源库和旧物资源公共服务平台"),
    # 服务体制 is a kind of 体制, named by its 制; 因地制宜 is no 制
    ("县里想让乡镇旧物站和县旧物馆通借通还，法律要求县级政府建立的是哪种服务体制？", "旧物总分馆制"),
    # 以…为依托: the preposition opens no name
    ("海川省旧物回收标识认定管理依托的是哪个省级信息平台？", "海川省旧物回收信息平台"),
    # what must be done with a document (应当写出) is no part of its name
    ("旧物执法机关认为要没收违法所得的，得写什么文书移送检察院？", "没收旧物违法所得意见书"),
])
def test_the_value_asked_is_marked(engine, question, value):
    assert marked(engine, question) == value


def test_a_span_of_days_asked_is_not_answered_by_the_day_it_counts_from(engine):
    # 期限是多少天 asks a number of days; the day a period starts (作出决定之日) is none
    assert marked(engine, "对不予旧物许可的决定不服，申请复核的法定期限是多少天？") is None

