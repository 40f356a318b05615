"""Facts of a document read from its head (the meeting that adopted it, the body that led a joint notice), bodies
sharing one ending (国务院发展改革、粮食和储备主管部门), a time limit given as a deadline, a date the question only
speaks of (动工日期满一年) before asking a share, a deadline counted back from a term's end (届满前一年), a yearly
deadline asked as such (每年哪一天前) or a yearly day (每年农历秋分日), what a question rules out (不算…), a bound
said before its verb (至少保存五年), and a quoted name where the kind asked is all the text says after it. Each on
documents built here."""
from __future__ import annotations

import pytest

from tests.conftest import engine_over, filler_plans, marked

GREEN_FINANCE_RULES = """# 黄石市绿色金融促进条例

2021年8月26日 黄石市第八届人民代表大会常务委员会第三十六次会议通过

## 第一章 总则

第一条 为了促进绿色金融发展，制定本条例。
第二条 国务院发展改革、粮食和储备主管部门会同有关部门制定全市的粮食应急预案，报请市人民政府批准。
第三条 超过出让合同约定的动工开发日期满一年未动工开发的，可以征收相当于土地使用权出让金百分之二十以下的土地闲置费。
第四条 土地使用权出让合同约定的使用年限届满，土地使用者需要继续使用土地的，应当至迟于届满前一年申请续期。
第五条 每年农历秋分日为黄石丰收节。
第七条 绿色信贷业务档案应当至少保存五年。
第六条 农村村民一户只能拥有一处宅基地，使用耕地的，最高不得超过一百二十五平方米；使用其他土地的，最高不得超过一百四十平方米；山区有条件利用荒地、荒坡的，最高不得超过一百六十平方米。
"""

LED_NOTICE = """黄石市住房和城乡建设局等12部门关于印发黄石市绿色建筑创建行动实施方案的通知
黄住建发〔2021〕80号
各区县住房和城乡建设局：
现将《黄石市绿色建筑创建行动实施方案》印发给你们，请认真贯彻执行。
黄石市绿色建筑创建行动实施方案
一、工作要求
（一）规划编制
各区住房和城乡建设部门要在2022年9月底前将本地区绿色建筑专项规划报送市住房和城乡建设局。
（二）服务场景
打造“绿盈驿站”，在阳新、大冶两个县开展试点，构建集主体信息查询、信贷政策发布等功能于一体的绿色金融服务场景。
（三）总结报送
各区于每年1月10日前形成年度总结报市住房城乡建设局。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    return engine_over(tmp_path_factory, {"finance.md": GREEN_FINANCE_RULES, "notice.txt": LED_NOTICE,
                                          **filler_plans()})


@pytest.mark.parametrize("question, value", [
    ("黄石市绿色金融促进条例是由哪次会议通过的？", "黄石市第八届人民代表大会常务委员会第三十六次会议"),
    ("黄石市绿色建筑创建行动实施方案是由哪个部门牵头、会同其他部门联合印发的？", "黄石市住房和城乡建设局"),
    ("全市的粮食应急预案由哪些部门牵头制定？", "国务院发展改革、粮食和储备主管部门"),
    ("各区把绿色建筑专项规划报市住建局的时限是什么？", "2022年9月底前"),
    ("超过合同约定的动工日期满一年还没开发，土地闲置费最多按出让金的多大比例征收？", "百分之二十以下"),
    ("在阳新、大冶两个县试点打造的绿色金融服务场景叫什么名字？", "绿盈驿站"),
    ("土地使用年限快到期了，想继续用地，最晚要在什么时候申请续期？", "届满前一年"),
    ("各区的年度总结最迟要在每年哪一天前报市住建局？", "每年1月10日前"),
    ("黄石丰收节是哪一天？", "每年农历秋分日"),
    # what the question rules out (不算…) is no evidence for the sentence that says it
    ("村民建房用的不是耕地而是其他土地（不算山区利用荒地荒坡的情况），宅基地面积上限是多少？", "最高不得超过一百四十平方米"),
    # a bound said before the verb it bounds stays with the value, said in the question or not
    ("绿色信贷业务档案至少要保存多长时间？", "至少保存五年"),
])
def test_the_fact_asked_is_marked(engine, question, value):
    assert marked(engine, question) == value
