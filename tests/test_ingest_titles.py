"""Titles read from Markdown headings, front matter and titles a PDF broke over lines; compatibility characters."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest.normalise import fold_compat
from ingest.pipeline import ingest_file, parse_document
from ingest.readers import read_text
from ingest.records import Clause, Document
from ingest.store import Store
from tests.conftest import SHARED
from tests.test_ingest_formats import tiny_pdf

DEV = SHARED / "corpus-dev"
BODY = [
    "一、总体要求",
    "（一）指导思想",
    "坚持绿色低碳发展，推进能源结构调整。",
    "二、重点任务",
    "1.推进工业节能。推动重点企业开展节能改造，提高能源利用效率。",
]


def ingested(tmp_path: Path, name: str, data: str | bytes) -> tuple[Document, list[Clause]]:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    store = Store(tmp_path / "store.sqlite3")
    report = ingest_file(path, store)
    assert not report.failures, report.failures
    return store.documents()[0], store.clauses()


def test_markdown_title_is_the_first_level_one_heading_not_the_file_name(tmp_path):
    text = "\n\n".join(["# 江门市人民政府文件", "# 中华人民共和国节约能源法", "## 第一章 总则",
                        "第一条 为了推动全社会节约能源，制定本法。", "第二条 本法所称能源，是指煤炭、石油、天然气。"])
    document, clauses = ingested(tmp_path, "01_jieneng.txt", text)  # Markdown in a .txt file
    assert document.title == "中华人民共和国节约能源法"
    assert [c.clause for c in clauses] == ["前言", "第一章 第一条", "第一章 第二条"]  # 前言: the letterhead and title


@pytest.mark.parametrize("front, title", [
    ("---\ntitle: \"示例市节能降碳工作方案（试行）\"\ndate: 2024-03-01\ntags:\n  - 节能\n---\n", "示例市节能降碳工作方案（试行）"),
    ("---\nlayout: policy\ndate: 2024-03-01\n---\n", "示例市碳达峰实施方案"),
], ids=["title-field", "no-title-field"])
def test_front_matter_is_skipped_and_its_title_used(tmp_path, front, title):
    text = front + "\n# 示例市碳达峰实施方案\n\n" + "\n\n".join(BODY) + "\n"
    document, clauses = ingested(tmp_path, "plan.md", text)
    assert document.title == title
    assert not re.search(r"title|layout|date|tags|---", document.text)
    assert [c.clause for c in clauses] == ["一、（一）", "二、1"]


def test_pdf_title_broken_over_two_lines_is_joined_and_the_plan_wins_over_the_notice(tmp_path):
    pages = [
        ["示发改〔2024〕12 号", "关于印发《示例市严格能效约束", "推动重点领域节能降碳实施方案》的通知",
         "各区县发展改革委：", "现将方案印发给你们，请结合实际组织实施。", "示例市发展和改革委员会", "2024 年 3 月 1 日"],
        ["示例市严格能效约束", "推动重点领域节能降碳实施方案", "为贯彻落实碳达峰碳中和部署，制定本实施方案。", *BODY],
    ]
    document, clauses = ingested(tmp_path, "plan.pdf", tiny_pdf(pages))
    assert document.title == "示例市严格能效约束推动重点领域节能降碳实施方案"
    assert (document.doc_number, document.issuer, document.date_written) == \
        ("示发改〔2024〕12号", "示例市发展和改革委员会", "2024-03-01")
    assert [c.clause for c in clauses if c.clause != "前言"] == ["一、（一）", "二、1"]


def test_notice_title_names_the_plan_when_the_plan_title_is_missing():
    raw = "\n".join(["示例市住房和城乡建设局等 12 部门关于印发", "示例市绿色建筑创建行动实施方案的通知",
                     "示住建发〔2021〕80 号", "各有关单位：", "现将方案印发给你们，请遵照执行。", *BODY])
    document, _ = parse_document(raw, "notice.txt")
    assert document.title == "示例市绿色建筑创建行动实施方案"
    assert document.issuer == "示例市住房和城乡建设局等12部门"


def test_a_title_with_a_list_comma_stands_alone_above_the_text():
    raw = "\n".join(["2022 年 3 月 16 日", "", "绿色金融支持示例市碳达峰、碳中和工作方案", "",
                     "为深入贯彻党中央、国务院关于碳达峰、碳中和的重大战略决策，特制定本工作方案。", *BODY])
    document, _ = parse_document(raw, "plan.txt")
    assert document.title == "绿色金融支持示例市碳达峰、碳中和工作方案"
    assert "\n绿色金融支持示例市碳达峰、碳中和工作方案\n为深入贯彻" in document.text


def test_fold_compat_maps_radicals_and_full_width_letters_but_keeps_chinese_punctuation():
    assert fold_compat("⼀⽅\uf900ＡＢｃ２０３０") == "一方\u8c48ABc2030"
    kept = "（）：，；！？①、。“”《》"
    assert fold_compat(kept) == kept


def test_kangxi_radicals_in_a_heading_and_a_word():
    raw = "\n".join(["示例市碳达峰实施⽅案", "⼀、总体要求", "（⼀）指导思想", "到２０３０年制定实施⽅案（见附表①）。",
                     "⼆、重点任务", "1.推进⼯业节能。推动重点企业开展节能改造。"])
    document, clauses = parse_document(raw, "plan.txt")
    assert document.title == "示例市碳达峰实施方案"
    assert [c.clause for c in clauses] == ["一、（一）", "二、1"]
    assert clauses[0].heading == "一、总体要求" and clauses[0].text == "（一）指导思想\n到2030年制定实施方案（见附表①）。"
    assert "推进工业节能" in clauses[1].text


def expected_titles(sources: Path) -> dict[str, str]:
    """The title column of a SOURCES.md table, by file name, with spaces squeezed (2021 年度 → 2021年度)."""
    rows = (line.split("|") for line in sources.read_text(encoding="utf-8").splitlines())
    return {cells[1].strip(): re.sub(r"\s+", "", cells[2]) for cells in rows if len(cells) > 3
            and cells[1].strip().endswith(".txt")}


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/corpus-dev is not present")
@pytest.mark.parametrize("prefix", ["01", "09", "16", "18", "19"])
def test_titles_of_the_real_documents_are_those_of_sources_md(prefix):
    path = next(DEV.glob(f"{prefix}_*.txt"))
    document, _ = parse_document(read_text(path), path.name)
    assert document.title == expected_titles(DEV / "SOURCES.md")[path.name]


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/corpus-dev is not present")
@pytest.mark.parametrize("prefix, issuer, date", [
    ("01", "全国人民代表大会常务委员会", "2024-11-08"),  # adoption line without a place before 第十四届
    ("13", "福建省人民代表大会常务委员会", "2022-03-30"),  # adoption in brackets, broken over two lines
    ("18", "长沙市住房和城乡建设局等12部门", "2021-08-26"),  # issuers named in the notice title
    ("10", "", "2022-03"),  # only a month on the cover
], ids=["01", "13", "18", "10"])
def test_issuers_and_dates_of_the_real_documents(prefix, issuer, date):
    path = next(DEV.glob(f"{prefix}_*.txt"))
    document, _ = parse_document(read_text(path), path.name)
    assert (document.issuer, document.date_written) == (issuer, date)


def test_a_bare_number_is_a_page_number_unless_its_unit_follows_in_the_same_sentence():
    from ingest.clean import clean_text

    text = clean_text("各法人机构要参照“是绿即快”的原则，对于\n\n30\n\n万元以下小额信贷，力争\n\n2\n\n天内完成审批，推进\n\n12\n\n相关工作。\n\n13\n\n二、保障措施")
    assert "原则，对于30万元以下小额信贷，力争2天内完成审批，推进相关工作。" in text
    assert "13" not in text
