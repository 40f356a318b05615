"""Questions about a document itself (文号? 谁发布的? 什么时候施行?), answered from its record and its
opening or closing lines, and cited to the clause the value was read from."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.records import Clause, Document
from qa.answer_types import DATE, DOC_NUMBER, ORG
from qa.targets import CLOSED_NOTE

# What names a document in a question: its kind (…法, 条例, 意见) or a 《title》.
_DOCUMENT_KINDS = "法|条例|办法|规定|方案|规划|意见|通知|决定|细则|文件|纲要|》"
_ASKS_ISSUER = re.compile(r"(谁|哪[两二三四五六几]?[个家些]|什么)(部门|机关|单位|机构)?(发布|印发|制定|出台|发文|联合|作出|做出)|发布机构|发文机关|"
                          r"发布单位|印发单位|发文单位|落款[\u4e00-\u9fff]{0,3}(?:单位|机关|部门)|制定机关|由谁(?:发布|印发|制定|出台|颁布|发文)|"
                          r"(?:印发|发布|发文)的[？?]?$|"  # 由哪个部门牵头、会同其他部门联合印发的
                          # …指导意见是哪个部门发的: a document's sender (准运证是哪个部门发的 is a licence's)
                          rf"(?:{_DOCUMENT_KINDS})(?:是|由)?(?:谁|哪一?[个家]?(?:部门|机关|单位|机构))发的?[？?]?$")
# 通过 asks the adoption where it closes the question (哪天通过的), not as "by way of" (通过…平台披露)
_ASKS_ADOPTED = re.compile(r"通过(?=的|了|[？?]|$|日期|时间)|审议|批准")
_ASKS_AMENDED = re.compile(r"修正|修订|修改")
_COUNTED_AMENDMENT = re.compile(r"第[一二三四五六七八九十]+次(?:修正|修订)")
_AMENDED = re.compile(r"(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)[^。\n\d]{0,80}?(?:修正|修订)")
_ASKS_IN_FORCE = re.compile(r"施行|生效|实施日期|执行日期|(?:起|开始)(?:正式)?(?:实施|执行|实行)")
# When a document was signed or published, with up to three characters before the verb (哪天对外发布, 何时正式印发)
_WHEN = r"(?:哪天|哪一天|什么时候|何时)[\u4e00-\u9fff]{0,3}?"
# 落款 is the signature at the foot of the document, dated the day it is signed.
_ASKS_WRITTEN = re.compile(rf"成文|落款|签发|(?:印发|发文)的?(?:日期|时间)|{_WHEN}(?:印发|发文)")
# A web page prints its own 发布日期, days after the 成文日期 the document is signed on.
_ASKS_PUBLISHED = re.compile(rf"发布的?(?:日期|时间)|{_WHEN}发布|公开发布")
_IN_FORCE = re.compile(r"自\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*起\s*(?:施行|实施|生效|执行|实行)")
# 本条例自公布之日起施行: the text sets no day of its own; the answer is the event it counts from.
_IN_FORCE_ON_EVENT = re.compile(r"(自\s*(?:公布|发布|印发|颁布)之日起)\s*(?:施行|实施|生效|执行|实行)")
_ADOPTED = re.compile(r"(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)[^。\n\d]{0,60}?(?:通过|批准)")
_ADOPTER = re.compile(r"(?:\d{1,2}\s*日\s*)?([^\W\d_]{2,30}?人民代表大会常务委员会)第[一二三四五六七八九十]+次会议[^。\n\d]{0,10}?通过")
# 2021年8月26日 湖州市第八届人民代表大会常务委员会第三十六次会议通过; 已于…由生态环境部部务会议审议通过
_MEETING = re.compile(r"(?:^|[\s日，,])(?:由|经)?([^\W\d_]{2,40}?会议)[^。]{0,8}?通过")
_ASKS_MEETING = re.compile(r"(?:哪|什么)一?[次个届]?会议")
_APPROVER = re.compile(r"([\u4e00-\u9fff]{2,30}(?:人民代表大会常务委员会|人民代表大会))[^。\n]{0,20}?批准")
_SQUEEZE = re.compile(r"\s+")
_HEAD_CHARS = 3000  # adoption and amendment lines stand before the first article


FACT_NAMES = {"doc_number": "文号", "issuer": "发布机构", "adopter": "通过机关", "approver": "批准机关",
              "amended": "修订日期", "adopted": "通过日期", "in_force": "施行日期", "published": "发布日期",
              "written": "成文日期", "meeting": "通过会议"}


@dataclass
class Fact:
    """A value read about a document, and where its text says it."""
    value: str  # as printed
    kind: str  # qa.answer_types kind
    position: int  # in the document's cleaned text; -1 when only the record holds it


# What a document rules on is asked about, not the document: 能源法规定能源预测预警信息由哪个部门发布;
# 按《…方案》，各地区的方案要经哪个机构审核通过; 用公路运输乏燃料，按核安全法要报哪个部门批准.
_RULED_ON = re.compile(r"(?:规定|要求|明确)[，,]?[^，,。？?]{2,}?(?:[由报]|经过?)(?:谁|哪)"
                       r"|^(?:按照?|根据|依据|依照)[^，,。？?]+[，,]"
                       r"|[，,](?:按照?|根据|依据|依照)[^，,。？?]+?(?:[由报]|经过?)(?:谁|哪)")


_BRACKETED = re.compile(rf"{CLOSED_NOTE.pattern}[，,]?")
_GROUND = re.compile(r"(?:按照?|根据|依据|依照)[^，,。？?]+")


def asked_fact(question: str, kind: str | None) -> str | None:
    """Which fact of a document the question asks for: doc_number, issuer, adopter, meeting, approver,
    amended, adopted, in_force, published, written; None when it asks about the content."""
    if kind == DOC_NUMBER:
        return "doc_number"
    if kind == ORG and _RULED_ON.search(question):  # …条例规定，临时用地由谁批准: a body the text names
        return None
    # 表决通过章程后，应当向哪个部门申请登记: what was adopted before the asking words is not what is asked
    asking = next((part for part in re.split(r"[，,；;]", question) if re.search(r"谁|哪|什么", part)), question)
    # 想建非军事设施，按…法，除非经过哪一级军事机关批准: a case's approval, not the document's (the law it
    # goes by is no subject)
    if kind == ORG and asking != question and not _DOCUMENT_NAMED.search(_GROUND.sub("", question)):
        return "issuer" if _ASKS_ISSUER.search(question) else None
    if kind == ORG and _ASKS_MEETING.search(asking) and _ASKS_ADOPTED.search(asking):
        return "meeting"
    if kind == ORG and "批准" in asking:
        return "approver"
    if kind == ORG and _ASKS_ADOPTED.search(asking):
        return "adopter"
    # …指导意见（苏建办〔2021〕66号），是哪个部门发的: the 文号 in brackets stands between the kind and the asking
    if kind == ORG and (_ASKS_ISSUER.search(_BRACKETED.sub("", question)) or _ASKS_ADOPTED.search(asking)):
        return "issuer"
    if kind == DATE and _ASKS_IN_FORCE.search(question) and _document_in_force(question):
        return "in_force"
    if kind == DATE and _ASKS_AMENDED.search(question):
        return "amended"
    if kind == DATE and _ASKS_ADOPTED.search(question):
        return "adopted"
    if kind == DATE and _ASKS_PUBLISHED.search(question):
        return "published"
    if kind == DATE and _ASKS_WRITTEN.search(question):
        return "written"
    return None


# What comes into force when a question names it: a document (…法, 《…》, 本条例), or nothing named at all.
_DOCUMENT_NAMED = re.compile(_DOCUMENT_KINDS)
_ASKING_WORDS = re.compile(r"从|自|于|在|是|的|哪一?[天年日]|什么时[候间]|何时|几月几日|几号|起|开始|正式|哪个时间")


def _document_in_force(question: str) -> bool:
    """企业职工基本养老保险全国统筹从哪一年起实施 asks when a measure starts, not when the law does."""
    said = _ASKS_IN_FORCE.search(question)
    subject = re.split(r"[，,；;]", question[:said.start()])[-1]
    return _DOCUMENT_NAMED.search(subject) is not None or len(_ASKING_WORDS.sub("", subject)) < 2


def read_fact(document: Document, fact: str, question: str = "") -> Fact | None:
    """The fact from the document's text where it is printed, else from its record; the amendment the
    question counts (第二次修订), else the latest."""
    text = document.text
    if fact == "in_force":
        return _from_pattern(_IN_FORCE, text, DATE) or _from_pattern(_IN_FORCE_ON_EVENT, text, DATE)
    if fact == "adopted":
        return _from_pattern(_ADOPTED, text, DATE)
    if fact == "amended":  # the latest amendment: the last one the header lists
        found = list(_AMENDED.finditer(text[:_HEAD_CHARS]))
        counted = _COUNTED_AMENDMENT.search(question)
        if counted:  # 第二次修订: that line of the head, or none
            found = [m for m in found if counted.group() in _SQUEEZE.sub("", m.group())]
        return Fact(found[-1].group(1), DATE, found[-1].start(1)) if found else None
    if fact == "approver":  # in the lines before the first article: one inside approves what the article is about
        return _from_pattern(_APPROVER, text[:_head_end(text)], ORG)
    if fact == "meeting":
        return _from_pattern(_MEETING, text[:_head_end(text)], ORG)
    if fact == "adopter":
        return _from_pattern(_ADOPTER, text, ORG) or read_fact(document, "issuer")
    if fact == "published" and not document.date_published:
        fact = "written"  # a document without a page of its own is published the day it is issued
    recorded = {"doc_number": (document.doc_number, DOC_NUMBER), "issuer": (document.issuer, ORG),
                "written": (_chinese_date(document.date_written), DATE),
                "published": (_as_printed(text, document.date_published), DATE)}
    value, kind = recorded[fact]
    joint = value.endswith(" 等")
    value = value.removesuffix(" 等").strip()
    if not value:
        return None
    position = _find_squeezed(text, value)
    opening = _OPENING_ISSUERS.match(text) if joint else None
    if opening and re.search(r"[、\s]", opening.group(1).strip()):  # 三明银保监分局、三明市地方金融监督管理局关于印发…
        position = opening.span(1)  # every issuer as the title line names them, not as the signature does
    return Fact(_printed(text, position, value), kind, position[0] if position else -1)


# The issuers that open a notice's title line, before 关于印发
_OPENING_ISSUERS = re.compile(r"\s*([^\W\d_][^\n，。：；]{3,60}?)\s*关于(?:印发|发布|公布|转发)")


_FIRST_ARTICLE = re.compile(r"^\s*(?:第[一二三四五六七八九十百零〇\d]+条|一、)", re.M)


def _head_end(text: str) -> int:
    """Where the document's first article (第一条, 一、) starts, at most _HEAD_CHARS in."""
    first = _FIRST_ARTICLE.search(text, 0, _HEAD_CHARS)
    return first.start() if first else _HEAD_CHARS


def fact_clause(store, doc_id: str, fact: str, question: str = "") -> tuple[Fact, Clause | None] | None:
    """The fact of a document and the clause its text prints it in (None when only the record holds it)."""
    document = store.document(doc_id)
    found = read_fact(document, fact, question) if document is not None else None
    if found is None:
        return None
    return found, clause_at(store.clauses([doc_id]), found.position) if found.position >= 0 else None


def clause_at(clauses: list[Clause], position: int) -> Clause | None:
    """The clause whose span holds the position (the first clause when the position is unknown)."""
    for clause in clauses:
        if clause.start <= position < clause.end:
            return clause
    return None


def sentence_at(clause: Clause, position: int) -> str:
    """The line of the clause that holds the position (a header line is its own sentence)."""
    offset = position - clause.start
    start = clause.text.rfind("\n", 0, max(offset, 0)) + 1
    end = clause.text.find("\n", offset)
    return clause.text[start:end if end >= 0 else len(clause.text)].strip()


def _from_pattern(pattern: re.Pattern[str], text: str, kind: str) -> Fact | None:
    match = pattern.search(text)
    return Fact(match.group(1), kind, match.start(1)) if match else None


def _chinese_date(iso: str) -> str:
    """2024-08-05 → 2024年8月5日; 2022-03 → 2022年3月."""
    parts = [int(p) for p in iso.split("-") if p.isdigit()]
    return "".join(f"{n}{unit}" for n, unit in zip(parts, "年月日"))


def _as_printed(text: str, iso: str) -> str:
    """The date as the text prints it: 2024年8月12日 in a signature, else as the page's header gave it."""
    chinese = _chinese_date(iso) if iso else ""
    return chinese if chinese and _find_squeezed(text, chinese) else iso


def _find_squeezed(text: str, value: str) -> tuple[int, int] | None:
    """Span of value in text, whitespace inside the text ignored."""
    pattern = r"\s*".join(map(re.escape, _SQUEEZE.sub("", value)))
    match = re.search(pattern, text)
    return match.span() if match else None


def _printed(text: str, span: tuple[int, int] | None, value: str) -> str:
    return text[span[0]:span[1]] if span else value
