"""Values the text reckons from something else: money or time as a share of a base (收取不超过拍卖成交价百分之五
的佣金), a deadline set by an event (在申请领取采矿许可证前编制), how often a thing is done (每年至少进行一次)."""
from __future__ import annotations

import re

# 工资的百分之三百, 拍卖成交价百分之五, 旅游费用一倍以上三倍以下, 时长总和的三分之二: a share of a base said right
# before it is in the base's measure, money or time
_MONEY_BASE = re.compile(r"(?:价|价款|价格|费|费用|金额|总额|数额|工资|所得|收入|成本)的?$")
_TIME_BASE = re.compile(r"(?:时长|时间)(?:总和)?的?$")
_SHARE = re.compile(r"(?:不低于|不超过|不高于|不少于)?(?:百分之|[\d.]+\s*[%％]|[\d一二三四五六七八九十百]+分之|"
                    r"[\d一二三四五六七八九十]+倍)")

_FREQUENCY_ASKED = re.compile(r"(?:多久|多长时间|隔多少天|每隔多少|几年|几个月)[^，,。？?]{0,20}一次|频次|频率")
_FREQUENCY = re.compile(r"(?P<period>每(?:隔)?(?:[一二三四五六七八九十两\d]+个?)?(?:年度|季度|年|月|周|日|天))"
                        r"(?P<bound>至少|不少于|不得少于)?(?:进行|开展|组织|召开|举行|检测|评估)?[一二三四五六七八九十两\d]+次")

DEADLINE_ASKED = re.compile(r"最晚|最迟|截止|之前|以前")
# 应当在依法办理…登记手续前申报: the deadline is an event's
_BEFORE_EVENT = re.compile(r"在(?P<event>[^，。；：\d]{2,24}?(?:之前|以前|前))(?=[\u4e00-\u9fff])")
# 取得所得的次年三月三十一日前, 试鸣的五日以前: a time reckoned from an event
_FROM_EVENT = re.compile(r"(?P<event>[^，。；、]{2,16})的(?=(?:次年|当年|次月|当月|[一二三四五六七八九十两\d]+个?(?:年|月|日|天|小时)))")


def share_of_a_base(sentence: str, span: tuple[int, int], measure: re.Pattern | None) -> bool:
    """The value at span is a share or a multiple of a base in the asked measure (money or time) said right
    before it."""
    if measure is None or _SHARE.match(sentence, span[0]) is None:
        return False
    base = _MONEY_BASE if measure.search("元") else _TIME_BASE if measure.search("日") else None
    return base is not None and base.search(sentence, 0, span[0]) is not None


def frequency_spans(sentence: str, flat_question: str) -> list[tuple[int, int]]:
    """How often, when the question asks it: the period (多长时间举行一次 → 每两个月), with the count when a bound
    holds it (多久做一次检测 → 每年至少进行一次)."""
    if not _FREQUENCY_ASKED.search(flat_question):
        return []
    return [found.span() if found.group("bound") else found.span("period") for found in _FREQUENCY.finditer(sentence)]


def event_deadline(sentence: str, flat_question: str, tag) -> tuple[int, int] | None:
    """The event a deadline is set by where the sentence names no day (在申请领取采矿许可证前编制); the time
    reckoned from it alone when the question says the event (组织试鸣…, 试鸣的五日以前 → 五日以前)."""
    found = _BEFORE_EVENT.search(sentence)
    if found is None:
        return None
    start, end = found.span("event")
    reckoned = _FROM_EVENT.match(sentence, start, end)
    if reckoned and tag is not None:
        words = [pair.word for pair in tag(reckoned.group("event")) if len(pair.word) >= 2]
        if words and 2 * sum(word in flat_question for word in words) >= len(words):
            return reckoned.end(), end
    return start, end
