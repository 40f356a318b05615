"""A .docx whose 一、/（一）/1. come from Word's automatic numbering gives the same clauses as the text typed."""
from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from ingest.docx_numbering import chinese_counting, format_number
from ingest.readers import read_text
from ingest.store import Store
from ingest.pipeline import ingest_file
from tests.test_ingest_formats import EXPECTED_CLAUSES, PLAN_LINES, write_docx

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
# 一、 / （一） / 1. as a Chinese government template defines them.
LEVELS = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")]


def numbered(line: str) -> tuple[int | None, str]:
    """The list level of a typed line and its text without the number."""
    for level, prefix in ((0, "一二三四五六七八九"), (1, "（"), (2, "123456789")):
        if line[0] in prefix and line[1] in "、）.一二三四五六七八九":
            return level, line.split("、" if level == 0 else "）" if level == 1 else ".", 1)[1]
    return None, line


def numbering_xml(levels: list[tuple[str, str]], suffix: str = "tab") -> str:
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        f'<w:suff w:val="{suffix}"/></w:lvl>' for i, (fmt, text) in enumerate(levels))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {NS}>'
            f'<w:abstractNum w:abstractNumId="0">{lvls}</w:abstractNum>'
            f'<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')


def paragraph(text: str, level: int | None, num_id: int = 1) -> str:
    num_pr = "" if level is None else f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
    return f"<w:p>{num_pr}<w:r><w:t>{escape(text)}</w:t></w:r></w:p>"


def write_numbered_docx(path: Path, body: str, numbering: str | None, styles: str | None = None) -> Path:
    """A minimal Word package written part by part, as Word lays it out."""
    overrides = '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    relations = ""
    parts = {"numbering": numbering, "styles": styles}
    for number, (name, xml) in enumerate(parts.items(), 1):
        if xml is not None:
            overrides += (f'<Override PartName="/word/{name}.xml" ContentType="application/'
                          f'vnd.openxmlformats-officedocument.wordprocessingml.{name}+xml"/>')
            relations += (f'<Relationship Id="rId{number}" Target="{name}.xml" Type="http://schemas.openxmlformats.org/'
                          f'officeDocument/2006/relationships/{name}"/>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f'<Default Extension="xml" ContentType="application/xml"/>{overrides}</Types>'))
        archive.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>'))
        archive.writestr("word/_rels/document.xml.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'{relations}</Relationships>'))
        archive.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body>{body}</w:body></w:document>')
        for name, xml in parts.items():
            if xml is not None:
                archive.writestr(f"word/{name}.xml", xml)
    return path


def clauses_of(path: Path, tmp_path: Path) -> list[tuple[str, str]]:
    store = Store(tmp_path / f"{path.stem}-data" / "store.sqlite3")
    report = ingest_file(path, store)
    assert not report.failures, report.failures
    return [(c.clause, c.text) for c in store.clauses()]


def test_auto_numbered_docx_gives_the_same_clauses_as_the_typed_text(tmp_path):
    body = "".join(paragraph(text, level) for level, text in map(numbered, PLAN_LINES))
    auto = write_numbered_docx(tmp_path / "auto.docx", body, numbering_xml(LEVELS))
    typed = write_docx(tmp_path / "typed.docx", PLAN_LINES)
    assert "总体要求" in read_text(auto) and "一、总体要求" not in body
    assert clauses_of(auto, tmp_path) == clauses_of(typed, tmp_path)
    assert [c for c, _ in clauses_of(auto, tmp_path) if c != "前言"] == EXPECTED_CLAUSES


def test_numbering_from_paragraph_styles_and_a_restarted_list(tmp_path):
    """Headings numbered through their style (标题 1 / 标题 2), and a second list that starts again at 1."""
    styles = (f'<?xml version="1.0" encoding="UTF-8"?><w:styles {NS}>'
              '<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/>'
              '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/><w:basedOn w:val="H1"/>'
              '<w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style></w:styles>')
    numbering = numbering_xml(LEVELS).replace(
        "</w:numbering>", '<w:num w:numId="2"><w:abstractNumId w:val="0"/>'
        '<w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride></w:num></w:numbering>')
    styled = lambda style, text: f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>'
    body = (styled("H1", "总体要求") + styled("H2", "主要目标") + paragraph("到2030年，森林覆盖率达到45%。", 2)
            + paragraph("到2035年，湿地保护率达到60%。", 2) + styled("H1", "重点任务")
            + paragraph("推进工业节能。", 2, num_id=2) + paragraph("发展清洁能源。", 2, num_id=2))
    text = read_text(write_numbered_docx(tmp_path / "styled.docx", body, numbering, styles))
    assert text.split("\n") == ["一、总体要求", "（一）主要目标", "1.到2030年，森林覆盖率达到45%。",
                                "2.到2035年，湿地保护率达到60%。", "二、重点任务", "1.推进工业节能。", "2.发展清洁能源。"]


def test_article_numbering_and_a_paragraph_with_numbering_removed(tmp_path):
    numbering = numbering_xml([("chineseCounting", "第%1条")], suffix="space")
    body = (paragraph("为规范管理，制定本办法。", 0) + paragraph("本办法自发布之日起施行。", 0)
            + '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>附件</w:t></w:r></w:p>')
    text = read_text(write_numbered_docx(tmp_path / "rules.docx", body, numbering))
    assert text.split("\n") == ["第一条 为规范管理，制定本办法。", "第二条 本办法自发布之日起施行。", "附件"]


@pytest.mark.parametrize("n, fmt, expected", [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (12, "chineseCountingThousand", "十二"),
    (20, "chineseCounting", "二十"), (105, "chineseCountingThousand", "一百零五"), (3, "decimalEnclosedCircle", "③"),
    (2, "ideographTraditional", "乙"), (4, "upperRoman", "IV"), (28, "lowerLetter", "bb"), (7, "decimal", "7"),
    (5, "someFutureFormat", "5"),
])
def test_word_number_formats(n, fmt, expected):
    assert format_number(n, fmt) == expected


def test_chinese_counting_reads_back_as_the_same_number():
    from ingest.structure import chinese_number

    assert all(chinese_number(chinese_counting(n)) == n for n in range(1, 2000))
