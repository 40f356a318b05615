"""The document fields a user may filter on and edit: their allowed values, their Chinese names, and
the check of a value typed by a user."""
from __future__ import annotations

import re
from datetime import date

from ingest.metadata import iso_date

LEVELS = ("国家", "省", "市", "区县")
# 省级 and 市级 are what qa.places calls them; 县 and 区 are what users type
_LEVEL_ALIASES = {"国家级": "国家", "全国": "国家", "中央": "国家", "省级": "省", "市级": "市", "县": "区县",
                  "区": "区县", "县级": "区县", "区级": "区县"}
TYPES = ("法律", "法规", "条例", "规章", "办法", "规定", "细则", "方案", "意见", "通知", "规划", "纲要", "计划",
         "决定", "指南", "措施", "公告", "通告", "批复", "标准", "要点", "其他")
IN_FORCE, AMENDED, REPEALED, NOT_YET = "现行有效", "已修订", "已废止", "尚未施行"
STATUSES = (IN_FORCE, AMENDED, REPEALED, NOT_YET)
# The editable fields and the Chinese name the CLI and the UI both show them under.
LABELS = {"title": "标题", "doc_number": "文号", "issuer": "发布机构", "level": "层级", "region": "地区",
          "doc_type": "类型", "status": "状态", "date_written": "成文日期", "date_published": "发布日期",
          "date_effective": "施行日期"}
EDITABLE = ("doc_number", "issuer", "level", "region", "doc_type", "status", "date_written", "date_published",
            "date_effective")
DATES = ("date_written", "date_published", "date_effective")
_ISO = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
_LAW = re.compile(r"^(中华人民共和国)?\S{2,30}(?<![办方做])法$")  # a law, not an 办法


class FieldError(ValueError):
    """A value the user gave for a document field is not one it accepts."""


def document_type(title: str) -> str:
    """The kind of document its title names (…实施方案 → 方案, …法 → 法律); "" when it names none."""
    plain = re.sub(r"[（(][^）)]{1,20}[）)]$", "", title or "")  # 办法（试行）
    if _LAW.match(plain):
        return "法律"
    return next((kind for kind in TYPES if plain.endswith(kind)), "")


def checked_value(name: str, value: str) -> str:
    """The value as stored, or FieldError naming the value, what is allowed and the field."""
    value = (value or "").strip()
    if not value:
        return ""  # an empty value clears the field
    if name == "level":
        return _one_of(LEVELS, _LEVEL_ALIASES.get(value, value), name)
    if name == "doc_type":
        return _one_of(TYPES, value, name)
    if name == "status":
        return _one_of(STATUSES, value, name)
    if name in DATES:
        return checked_date(value, LABELS[name])
    return value


def checked_date(value: str, label: str) -> str:
    """2024-01-31, 2024-1-31 or 2024年1月31日 → 2024-01-31 (2024-01 is a month); FieldError otherwise."""
    iso = value if _ISO.match(value) else iso_date(value)
    if not iso or not _real_date(iso):
        raise FieldError(f"{label}“{value}”不是日期；请写成 2024-01-31 或 2024年1月31日")
    return iso


def _real_date(iso: str) -> bool:
    parts = [int(p) for p in iso.split("-")] + [1]
    try:
        date(*parts[:3])
    except ValueError:
        return False
    return True


def _one_of(allowed: tuple[str, ...], value: str, name: str) -> str:
    if value not in allowed:
        raise FieldError(f"{LABELS[name]}“{value}”不在可选值中；可选：{'、'.join(allowed)}")
    return value
