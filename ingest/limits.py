"""Work caps per document, so one upload cannot take the machine: the unpacked XML of a .docx, its
paragraphs, the text after extraction, the clauses, and the scanned pages to read by OCR. Each refusal names the cap and its setting."""
from __future__ import annotations

from dataclasses import dataclass

from config import ENV_PREFIX, Config
from ingest.readers import TooLargeError


@dataclass(frozen=True)
class Limits:
    max_docx_xml_mb: int = Config.max_docx_xml_mb
    max_paragraphs: int = Config.max_paragraphs
    max_text_chars: int = Config.max_text_chars
    max_clauses: int = Config.max_clauses
    max_ocr_pages: int = Config.max_ocr_pages

    @classmethod
    def of(cls, config: Config | None) -> Limits:
        config = config or Config()
        return cls(config.max_docx_xml_mb, config.max_paragraphs, config.max_text_chars, config.max_clauses,
                   config.max_ocr_pages)


def refuse(what: str, value: float, setting: str, cap: float, unit: str = "") -> TooLargeError:
    """The error for a document over a cap: the value, the cap, and the setting that raises it."""
    return TooLargeError(
        f"{what}为 {value:,.0f}{unit}，超过上限 {cap:,.0f}{unit}（设置 {setting}，环境变量 "
        f"{ENV_PREFIX}{setting.upper()}）；已拒绝，未做任何改动。请把文件拆小后再导入，确属正常文档可调高该设置。")


def check_text(text: str, limits: Limits) -> str:
    if len(text) > limits.max_text_chars:
        raise refuse("提取出的正文字数", len(text), "max_text_chars", limits.max_text_chars, " 字")
    return text


def check_paragraphs(count: int, limits: Limits) -> None:
    if count > limits.max_paragraphs:
        raise refuse("文档的段落数", count, "max_paragraphs", limits.max_paragraphs, " 段")


def check_clauses(count: int, limits: Limits) -> None:
    if count > limits.max_clauses:
        raise refuse("切分出的条款数", count, "max_clauses", limits.max_clauses, " 条")


def check_ocr_pages(count: int, limits: Limits) -> None:
    if count > limits.max_ocr_pages:
        raise refuse("需要文字识别（OCR）的扫描页数", count, "max_ocr_pages", limits.max_ocr_pages, " 页")
