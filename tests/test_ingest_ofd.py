"""An .ofd (GB/T 33190) built here, a zip of XML pages, reads as the same clauses as the text it was laid out from."""
from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from ingest.pipeline import ingest_file
from ingest.readers import read_text
from ingest.store import Store
from tests.conftest import CORPUS
from tests.test_ingest_formats import EXPECTED_CLAUSES, PLAN_LINES

NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
SIZE, LEADING, PER_LINE, PER_PAGE = 5.0, 8.0, 28, 30  # mm; characters a line; lines a page (A4, 三号字)


def layout(paragraphs: list[str]) -> list[list[str]]:
    """Paragraphs wrapped to page lines and cut into pages, as a typesetter lays out an official document."""
    lines = [p[i:i + PER_LINE] for p in paragraphs if p.strip() for i in range(0, len(p), PER_LINE)]
    return [lines[i:i + PER_PAGE] for i in range(0, len(lines), PER_PAGE)]


def content_xml(lines: list[str], page_number: int) -> str:
    """One page; text objects written in reverse order and each line in two codes, so only the positions
    give the reading order."""
    objects = []
    for row, line in enumerate(lines):
        top, half = 30 + row * LEADING, len(line) // 2
        codes = (f'<ofd:TextCode X="0" Y="{SIZE}">{escape(line[:half])}</ofd:TextCode>'
                 f'<ofd:TextCode X="{half * SIZE}" Y="{SIZE}">{escape(line[half:])}</ofd:TextCode>')
        objects.append(f'<ofd:TextObject ID="{row + 10}" Boundary="25 {top} 160 {LEADING}" Font="1" Size="{SIZE}">'
                       f'{codes}</ofd:TextObject>')
    footer = (f'<ofd:TextObject ID="9" Boundary="95 280 20 8" Font="1" Size="{SIZE}">'
              f'<ofd:TextCode X="0" Y="{SIZE}">- {page_number} -</ofd:TextCode></ofd:TextObject>')
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {NS}><ofd:Template TemplateID="2"/><ofd:Content>'
            f'<ofd:Layer ID="3">{"".join(reversed(objects))}{footer}</ofd:Layer></ofd:Content></ofd:Page>')


def build_ofd(path: Path, pages: list[list[str]], page_xml=content_xml) -> Path:
    """OFD.xml → Doc_0/Document.xml → Pages/Page_N/Content.xml, with a page template and a seal annotation
    whose text is page furniture."""
    page_list = "".join(f'<ofd:Page ID="{n + 100}" BaseLoc="Pages/Page_{n}/Content.xml"/>' for n in range(len(pages)))
    template = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {NS}><ofd:Content><ofd:Layer ID="4">'
                f'<ofd:TextObject ID="5" Boundary="25 10 160 10" Size="{SIZE}"><ofd:TextCode X="0" Y="5">'
                f'示例市人民政府文件</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("OFD.xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {NS} Version="1.0" DocType="OFD"><ofd:DocBody>'
            '<ofd:DocInfo><ofd:DocID>0c2f</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>'
            '<ofd:Signatures>Doc_0/Signs/Signatures.xml</ofd:Signatures></ofd:DocBody></ofd:OFD>'))
        archive.writestr("Doc_0/Document.xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {NS}><ofd:CommonData><ofd:MaxUnitID>999</ofd:MaxUnitID>'
            '<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>'
            '<ofd:TemplatePage ID="2" BaseLoc="Tpls/Tpl_0/Content.xml"/></ofd:CommonData>'
            f'<ofd:Pages>{page_list}</ofd:Pages><ofd:Annotations>Annots/Annotations.xml</ofd:Annotations></ofd:Document>'))
        archive.writestr("Doc_0/Tpls/Tpl_0/Content.xml", template)
        archive.writestr("Doc_0/Annots/Page_0/Annotation.xml", (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:PageAnnot {NS}><ofd:Annot Type="Stamp"><ofd:Appearance>'
            '<ofd:TextObject Boundary="120 200 40 40" Size="4"><ofd:TextCode X="0" Y="4">示例市人民政府印章</ofd:TextCode>'
            '</ofd:TextObject></ofd:Appearance></ofd:Annot></ofd:PageAnnot>'))
        for n, lines in enumerate(pages):
            archive.writestr(f"Doc_0/Pages/Page_{n}/Content.xml", page_xml(lines, n + 1))
    return path


def clauses_of(path: Path, data: Path) -> list[tuple[str, str]]:
    store = Store(data / "store.sqlite3")
    report = ingest_file(path, store)
    assert not report.failures, report.failures
    return [(c.clause, c.text) for c in store.clauses()]


def test_ofd_pages_read_in_position_order_without_template_or_seal(tmp_path):
    path = build_ofd(tmp_path / "plan.ofd", layout(PLAN_LINES))
    text = read_text(path)
    assert text.split("\n")[:2] == [PLAN_LINES[0], PLAN_LINES[1]]
    assert "印章" not in text and "人民政府文件" not in text
    clauses = clauses_of(path, tmp_path / "data")
    assert [c for c, _ in clauses if c != "前言"] == EXPECTED_CLAUSES


def test_seed_document_as_ofd_gives_the_same_clauses_as_its_txt(tmp_path):
    """The seed as its issuer publishes it (from 关于印发, without the web page's 索引号 panel), laid out in pages
    of hard-wrapped lines: the same clauses with the same characters. Only white space may differ: where a
    sentence happens to end at a line end the paragraph breaks there, and a space at a line end is not seen."""
    paragraphs = (CORPUS / "taishan_tandafeng_shishi_fangan.txt").read_text(encoding="utf-8").split("\n")
    paragraphs = paragraphs[next(i for i, p in enumerate(paragraphs) if p.startswith("关于印发")):]
    txt = tmp_path / "taishan.txt"
    txt.write_text("\n".join(paragraphs), encoding="utf-8")
    ofd = build_ofd(tmp_path / "taishan.ofd", layout(paragraphs))
    assert len(layout(paragraphs)) > 10
    flat = lambda clauses: [(path, "".join(text.split())) for path, text in clauses]
    from_ofd, from_txt = clauses_of(ofd, tmp_path / "ofd-data"), clauses_of(txt, tmp_path / "txt-data")
    assert flat(from_ofd) == flat(from_txt) and len(from_txt) > 30


@pytest.mark.parametrize("members, expected", [
    ({"hello.txt": "hi"}, "缺少 OFD.xml"),
    ({"OFD.xml": "<OFD><DocBody>"}, "已损坏"),
    ({"OFD.xml": f'<ofd:OFD {NS}><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>'},
     "缺少 Doc_0/Document.xml"),
])
def test_broken_ofd_gets_a_chinese_reason(tmp_path, members, expected):
    path = tmp_path / "broken.ofd"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    store = Store(tmp_path / "data" / "store.sqlite3")
    report = ingest_file(path, store)
    assert expected in report.failures[0][1] and store.documents() == []


def test_ofd_with_only_images_says_it_has_no_text(tmp_path):
    def image_page(lines: list[str], page_number: int) -> str:
        return (f'<ofd:Page {NS}><ofd:Content><ofd:Layer><ofd:ImageObject ID="7" ResourceID="8" '
                'Boundary="0 0 210 297" CTM="210 0 0 297 0 0"/></ofd:Layer></ofd:Content></ofd:Page>')

    path = build_ofd(tmp_path / "scan.ofd", [[]], page_xml=image_page)
    report = ingest_file(path, Store(tmp_path / "data" / "store.sqlite3"))
    assert "没有可提取的文字" in report.failures[0][1]


def test_ofd_entities_are_not_expanded(tmp_path):
    def with_entity(lines: list[str], page_number: int) -> str:
        return ('<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                f'<ofd:Page {NS}><ofd:Content><ofd:Layer><ofd:TextObject Boundary="0 0 100 10" Size="5">'
                f'<ofd:TextCode X="0" Y="5">一、总体要求&x;</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>')

    text = read_text(build_ofd(tmp_path / "plan.ofd", [["x"]], page_xml=with_entity))
    assert text == "一、总体要求"
