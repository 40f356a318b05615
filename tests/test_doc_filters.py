"""Filters by document fields and validity (issue 15): python -m qa search|ask --issuer --level --region
--type --since --until --include-repealed, python -m ingest show|edit, statuses read from the text, and
the store's migration from version 1."""
from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from ingest.__main__ import main as ingest_main
from ingest.validity import effective_date, library_statuses, repealed_names
from ingest.store import SCHEMA_VERSION
from qa.cli.ask import main as ask_main
from qa.cli.search import main as search_main

OLD_RULES = """台山市光伏补贴暂行办法
台府〔2019〕3号
一、补贴对象
对屋顶分布式光伏发电项目给予补贴。
二、补贴标准
屋顶光伏每千瓦补贴100元。
台山市人民政府
2019年5月6日
"""
NEW_RULES = """台山市光伏补贴办法
台府〔2023〕8号
一、补贴对象
对屋顶分布式光伏发电项目和光伏建筑一体化项目给予补贴。
二、施行日期
本办法自2023年3月1日起施行，《台山市光伏补贴暂行办法》（台府〔2019〕3号）同时废止。
台山市人民政府
2023年2月1日
"""
PLAN = """广东省光伏发展规划
一、发展目标
到{year}年，全省光伏发电装机容量达到{target}万千瓦。
二、重点任务
推进屋顶光伏和海上光伏建设。
广东省发展和改革委员会
{year}年4月1日
"""
LAW = """中华人民共和国光伏促进法
第一条 为了促进光伏发电产业发展，制定本法。
第二条 国家鼓励建设光伏发电项目。
第三条 本法自2099年1月1日起施行。
全国人民代表大会常务委员会
2024年1月1日
"""
FILES = {"old_rules.txt": OLD_RULES, "new_rules.txt": NEW_RULES, "plan_2021.txt": PLAN.format(year=2021, target=2000),
         "plan_2023.txt": PLAN.format(year=2023, target=3000), "law.txt": LAW}
OLD, NEW, LAW_TITLE, PLAN_TITLE = "台山市光伏补贴暂行办法", "台山市光伏补贴办法", "中华人民共和国光伏促进法", "广东省光伏发展规划"


def run(main, capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    folder, data = tmp_path_factory.mktemp("filter-docs"), tmp_path_factory.mktemp("filter-data") / "data"
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    assert ingest_main([str(folder), "--data", str(data), "--quiet"]) == 0
    assert search_main(["光伏", "--data", str(data), "--model", ""]) == 0  # builds the index once
    return data


@pytest.fixture
def data(built, tmp_path) -> Path:
    return Path(shutil.copytree(built, tmp_path / "data"))


def search(capsys, data: Path, *options: str) -> tuple[int, list[dict], str]:
    code, out, err = run(search_main, capsys, "屋顶光伏补贴", "--top-k", "20", "--json", "--model", "",
                         "--data", str(data), *options)
    return code, (json.loads(out)["hits"] if out.strip() else []), err


def shown(capsys, data: Path, *options: str) -> set[str]:
    code, hits, err = search(capsys, data, *options)
    assert code == 0, err
    return {hit["document"] for hit in hits}


def test_statuses_are_read_from_the_texts(built, capsys):
    code, out, _ = run(ingest_main, capsys, "docs", "--json", "--data", str(built))
    assert code == 0 and len(out.splitlines()) == 5
    details = {}
    for doc_id in (json.loads(line)["doc_id"] for line in out.splitlines()):
        _, one, _ = run(ingest_main, capsys, "show", doc_id, "--json", "--data", str(built))
        row = json.loads(one)
        details[(row["title"], row["date_written"][:4])] = row
    assert details[(OLD, "2019")]["status"] == "已废止", "a later document says 同时废止 naming it"
    assert details[(NEW, "2023")]["status"] == "现行有效"
    assert details[(NEW, "2023")]["date_effective"] == "2023-03-01"
    assert details[(PLAN_TITLE, "2021")]["status"] == "已修订", "a later edition of the same title is in the library"
    assert details[(PLAN_TITLE, "2023")]["status"] == "现行有效"
    assert details[(LAW_TITLE, "2024")]["status"] == "尚未施行"
    assert details[(LAW_TITLE, "2024")]["date_effective"] == "2099-01-01"
    assert {r["doc_type"] for r in details.values()} == {"办法", "规划", "法律"}
    assert details[(NEW, "2023")]["level"] == "区县" and "台山" in details[(NEW, "2023")]["region"]
    assert details[(PLAN_TITLE, "2023")]["level"] == "省" and details[(LAW_TITLE, "2024")]["level"] == "国家"


def test_validity_read_from_text():
    assert effective_date("第九条 本办法自2025年1月1日起施行。") == "2025-01-01"
    assert effective_date("本方案自印发之日起实施。", "2024-08-12") == "2024-08-12"
    assert effective_date("没有施行日期。") == ""
    assert repealed_names(NEW_RULES) == [OLD, "台府〔2019〕3号"]
    assert repealed_names("同时废止《某某管理办法》。") == ["某某管理办法"]
    assert repealed_names("依据《某某法》制定本办法。") == []
    assert repealed_names("根据《甲决定》修正的《乙条例》同时废止。") == ["乙条例"], "only the titles next to 废止"
    assert repealed_names("同时废止《甲办法》和《乙办法》。") == ["甲办法", "乙办法"]


def test_library_statuses_by_title_or_number():
    from ingest.records import Document

    old = Document("a", "甲办法", "a.txt", doc_number="甲〔2019〕1号", date_written="2019-01-01")
    new = Document("b", "乙办法", "b.txt", date_written="2023-01-01", repeals="甲〔2019〕1号")
    soon = Document("c", "丙办法", "c.txt", date_effective="2030-01-01")
    assert library_statuses([old, new, soon], today="2026-01-01") == {"a": "已废止", "b": "现行有效", "c": "尚未施行"}


def test_repealed_documents_are_hidden_unless_asked(built, capsys):
    assert OLD not in shown(capsys, built)
    code, hits, _ = search(capsys, built, "--include-repealed")
    assert code == 0 and OLD in {hit["document"] for hit in hits}
    assert {hit["status"] for hit in hits if hit["document"] == OLD} == {"已废止"}
    code, out, _ = run(search_main, capsys, "暂行办法补贴标准", "--include-repealed", "--model", "", "--data", str(built))
    assert code == 0 and f"《{OLD}》 二、（已废止）" not in out and "（已废止）" in out


@pytest.mark.parametrize("options, expected", [
    (["--level", "省"], {PLAN_TITLE}),
    (["--level", "区县"], {NEW}),
    (["--level", "国家"], {LAW_TITLE}),
    (["--region", "广东"], {PLAN_TITLE, NEW}),
    (["--region", "台山"], {NEW}),
    (["--type", "法律"], {LAW_TITLE}),
    (["--type", "规划"], {PLAN_TITLE}),
    (["--issuer", "发展和改革"], {PLAN_TITLE}),
    (["--since", "2023-01-01"], {PLAN_TITLE, NEW, LAW_TITLE}),
    (["--until", "2021-12-31"], set()),
    (["--until", "2021-12-31", "--all-editions"], {PLAN_TITLE}),
    (["--since", "2023-01-01", "--until", "2023-12-31", "--level", "省"], {PLAN_TITLE}),
    (["--until", "2020-01-01", "--include-repealed"], {OLD}),
])
def test_each_filter_keeps_only_its_documents(built, capsys, options, expected):
    assert shown(capsys, built, *options) == expected


def test_the_newest_edition_is_the_default(built, capsys):
    code, hits, _ = search(capsys, built, "--type", "规划")
    assert code == 0 and hits and {h["status"] for h in hits} == {"现行有效"}
    assert not any("2000万千瓦" in h["text"] for h in hits)
    code, hits, _ = search(capsys, built, "--type", "规划", "--all-editions", "--until", "2021-12-31")
    assert code == 0 and hits and {h["status"] for h in hits} == {"已修订"}
    assert not any("3000万千瓦" in h["text"] for h in hits), "a date range holds only the edition inside it"


def test_filters_keep_the_old_json_fields(built, capsys):
    code, out, _ = run(search_main, capsys, "光伏", "--json", "--model", "", "--data", str(built), "--level", "省")
    result = json.loads(out)
    assert code == 0 and set(result) == {"query", "mode", "hits"}
    assert {"rank", "id", "doc_id", "document", "source", "clause", "heading", "text", "score"} < set(result["hits"][0])


def test_a_filter_no_document_passes_says_so(built, capsys):
    code, out, _ = run(search_main, capsys, "光伏", "--model", "", "--data", str(built), "--type", "通知")
    assert code == 0 and "文库中没有符合筛选条件（类型“通知”）的文件" in out
    assert "没有条款与问题共有词语" not in out


@pytest.mark.parametrize("options, message", [
    (["--level", "镇"], "层级“镇”不在可选值中；可选：国家、省、市、区县"),
    (["--type", "小说"], "类型“小说”不在可选值中"),
    (["--since", "2024-02-30"], "起始日期“2024-02-30”不是日期"),
    (["--until", "明年"], "截止日期“明年”不是日期"),
])
def test_bad_filter_values_get_a_chinese_message(built, capsys, options, message):
    for main in (search_main, ask_main):
        code, out, err = run(main, capsys, "光伏", "--data", str(built), *options)
        assert code == 2 and message in err and "Traceback" not in err and out == ""


def test_an_answer_from_a_document_not_in_force_says_so(built, capsys):
    code, out, _ = run(ask_main, capsys, "光伏促进法什么时候施行？", "--data", str(built),
                       "--type", "法律", "--no-generate")
    assert code == 0 and f"《{LAW_TITLE}》尚未施行" in out
    code, out, _ = run(ask_main, capsys, "屋顶光伏每千瓦补贴多少？", "--include-repealed", "--doc", "暂行",
                       "--data", str(built), "--no-generate")
    assert code == 0 and f"《{OLD}》已废止" in out


def test_edit_sets_fields_that_filters_read_and_a_reimport_keeps(data, capsys, tmp_path):
    code, out, err = run(ingest_main, capsys, "edit", "old_rules.txt", "--status", "现行有效", "--level", "市级",
                         "--type", "规定", "--issuer", "江门市人民政府", "--date-effective", "2019年6月1日",
                         "--data", str(data), "--json")
    row = json.loads(out)
    assert code == 0, err
    assert (row["status"], row["level"], row["doc_type"], row["date_effective"]) == ("现行有效", "市", "规定", "2019-06-01")
    assert set(row["edited"]) == {"status", "level", "doc_type", "issuer", "date_effective"}
    assert shown(capsys, data, "--issuer", "江门市人民政府") == {OLD}, "the edit is seen by a running library"
    assert OLD in shown(capsys, data), "no longer repealed: shown by default"
    (tmp_path / "again").mkdir()
    (tmp_path / "again" / "old_rules.txt").write_text(OLD_RULES + "\n三、其他\n本办法由市发展改革局解释。\n", encoding="utf-8")
    assert run(ingest_main, capsys, str(tmp_path / "again"), "--data", str(data), "--quiet")[0] == 0
    _, out, _ = run(ingest_main, capsys, "show", "old_rules.txt", "--data", str(data))
    assert "状态*" in out and "现行有效" in out and "层级*" in out and "江门市人民政府" in out


def test_edit_refuses_bad_values_in_chinese(data, capsys):
    code, out, err = run(ingest_main, capsys, "edit", "old_rules.txt", "--level", "镇", "--data", str(data))
    assert code == 2 and "层级“镇”不在可选值中" in err and out == ""
    code, _, err = run(ingest_main, capsys, "edit", "old_rules.txt", "--date-written", "2019-13-01", "--data", str(data))
    assert code == 2 and "成文日期“2019-13-01”不是日期" in err
    code, _, err = run(ingest_main, capsys, "edit", "old_rules.txt", "--data", str(data))
    assert code == 2 and "没有给出要修改的项" in err
    code, _, err = run(ingest_main, capsys, "edit", "no-such", "--status", "已废止", "--data", str(data))
    assert code == 1 and "没有文件与“no-such”相符" in err


def test_edit_a_region_writes_its_full_name(data, capsys):
    code, out, _ = run(ingest_main, capsys, "edit", "law.txt", "--region", "台山", "--level", "区县",
                       "--data", str(data), "--json")
    assert code == 0 and json.loads(out)["region"] == "广东省 江门市 台山市"
    assert LAW_TITLE in shown(capsys, data, "--region", "江门")


VERSION_1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
    doc_id TEXT PRIMARY KEY, title TEXT NOT NULL, source TEXT NOT NULL UNIQUE,
    doc_number TEXT, issuer TEXT, date_written TEXT, date_published TEXT,
    sha256 TEXT NOT NULL, text TEXT NOT NULL, clauses INTEGER NOT NULL);
CREATE TABLE clauses (
    id TEXT PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    document TEXT NOT NULL, source TEXT NOT NULL, clause TEXT NOT NULL, heading TEXT NOT NULL,
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, seq INTEGER NOT NULL);
INSERT INTO meta VALUES ('schema_version', '1');
"""


def version_1_store(path: Path) -> None:
    """A store as version 1 wrote it, holding two documents, the later repealing the earlier."""
    from ingest.pipeline import parse_document

    db = sqlite3.connect(path)
    db.executescript(VERSION_1)
    for name in ("old_rules.txt", "new_rules.txt"):
        document, clauses = parse_document(FILES[name], name)
        db.execute("INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?)",
                   (document.doc_id, document.title, name, document.doc_number, document.issuer,
                    document.date_written, document.date_published, "sha-" + name, document.text, len(clauses)))
        db.executemany("INSERT INTO clauses VALUES (?,?,?,?,?,?,?,?,?,?)",
                       [(c.id, c.doc_id, c.document, c.source, c.clause, c.heading, c.text, c.start, c.end, c.seq)
                        for c in clauses])
    db.commit()
    db.close()


def test_a_version_1_store_is_migrated_on_opening(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    version_1_store(data / "store.sqlite3")
    code, out, err = run(ingest_main, capsys, "show", "new_rules.txt", "--json", "--data", str(data))
    assert code == 0, err
    row = json.loads(out)
    assert (row["doc_type"], row["level"], row["status"], row["date_effective"]) == ("办法", "区县", "现行有效", "2023-03-01")
    version = sqlite3.connect(data / "store.sqlite3").execute("SELECT value FROM meta").fetchone()[0]
    assert version == str(SCHEMA_VERSION)  # migrated through every version since
    assert OLD not in shown(capsys, data) and NEW in shown(capsys, data), "searchable, the repealed one hidden"
    code, out, _ = run(ingest_main, capsys, "docs", "--json", "--data", str(data))
    assert code == 0 and set(json.loads(out.splitlines()[0])) == {
        "doc_id", "title", "source", "doc_number", "issuer", "date_written", "date_published", "clauses"}


LAW_2019 = """某某促进法
第一条 为了促进光伏发电产业发展，制定本法。
第二条 国家鼓励建设光伏发电项目。
第三条 光伏发电项目每千瓦补贴100元。
第四条 本法自2019年1月1日起施行。
"""
LAW_2023 = """某某促进法
第一条 为了促进光伏发电产业发展，制定本法。
第二条 国家鼓励建设光伏发电项目和储能项目。
第三条 地方人民政府应当制定光伏发展规划。
第四条 光伏发电项目每千瓦补贴100元。
第五条 本法自2023年1月1日起施行。
"""


@pytest.fixture
def two_editions(tmp_path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "law_2019.txt").write_text(LAW_2019, encoding="utf-8")
    (tmp_path / "docs" / "law_2023.txt").write_text(LAW_2023, encoding="utf-8")
    assert ingest_main([str(tmp_path / "docs"), "--data", str(tmp_path / "data"), "--quiet"]) == 0
    return tmp_path / "data"


def test_two_editions_are_compared_article_by_article(two_editions, capsys):
    from qa.cli.editions import main as editions_main

    code, out, err = run(editions_main, capsys, "促进法", "--json", "--data", str(two_editions))
    assert code == 0, err
    result = json.loads(out)
    assert (result["old"]["source"], result["new"]["source"]) == ("law_2019.txt", "law_2023.txt")
    assert result["old"]["status"] == "已修订" and result["new"]["status"] == "现行有效"
    changes = [(c["change"], c["old_clause"], c["new_clause"]) for c in result["changes"]]
    assert changes == [("相同", "第一条", "第一条"), ("修改", "第二条", "第二条"), ("新增", "", "第三条"),
                       ("相同", "第三条", "第四条"), ("修改", "第四条", "第五条")], "a renumbered article pairs with its old self"
    code, out, _ = run(editions_main, capsys, "促进法", "--changes-only", "--data", str(two_editions))
    assert code == 0 and out.startswith("《某某促进法》 2019-01-01 版（law_2019.txt） → 2023-01-01 版（law_2023.txt）：修改 2 条，新增 1 条")
    assert "新：第二条 国家鼓励建设光伏发电项目【和储能项目】。" in out and "相同  " not in out


def test_an_older_edition_is_searched_only_when_asked(two_editions, capsys):
    code, out, _ = run(search_main, capsys, "储能项目", "--json", "--top-k", "10", "--model", "", "--data", str(two_editions))
    assert code == 0 and {h["source"] for h in json.loads(out)["hits"]} == {"law_2023.txt"}
    code, out, _ = run(search_main, capsys, "储能项目", "--json", "--top-k", "10", "--model", "", "--all-editions",
                       "--data", str(two_editions))
    assert code == 0 and {h["source"] for h in json.loads(out)["hits"]} == {"law_2019.txt", "law_2023.txt"}


def test_one_edition_alone_has_nothing_to_compare(built, capsys):
    from qa.cli.editions import main as editions_main

    code, _, err = run(editions_main, capsys, "光伏促进法", "--data", str(built))
    assert code == 1 and f"《{LAW_TITLE}》在文库中只有这一个版本" in err


def test_a_docx_without_a_title_line_takes_title_issuer_and_type_from_its_properties(tmp_path, capsys):
    import docx

    document = docx.Document()
    for line in ("一、补贴对象", "对屋顶分布式光伏发电项目给予补贴。", "二、补贴标准", "每千瓦补贴100元。"):
        document.add_paragraph(line)
    document.core_properties.title = "某某县屋顶光伏补贴细则"
    document.core_properties.author = "某某县发展和改革局"
    document.core_properties.category = "细则"
    document.save(tmp_path / "rules.docx")
    person = docx.Document()
    person.add_paragraph("某某县光伏工作要点")
    person.add_paragraph("一、推进屋顶光伏。")
    person.core_properties.author = "Administrator"
    person.save(tmp_path / "notes.docx")
    data = tmp_path / "data"
    assert run(ingest_main, capsys, str(tmp_path / "rules.docx"), str(tmp_path / "notes.docx"), "--data", str(data),
               "--quiet")[0] == 0
    row = json.loads(run(ingest_main, capsys, "show", "rules.docx", "--json", "--data", str(data))[1])
    assert (row["title"], row["issuer"], row["doc_type"]) == ("某某县屋顶光伏补贴细则", "某某县发展和改革局", "细则")
    row = json.loads(run(ingest_main, capsys, "show", "notes.docx", "--json", "--data", str(data))[1])
    assert (row["title"], row["issuer"], row["doc_type"]) == ("某某县光伏工作要点", "", "要点"), "a person is no issuer"


def test_a_read_only_version_1_store_is_read_as_it_stands(tmp_path, capsys):
    from tests.test_hardening_storage import read_only_copy

    source = tmp_path / "source"
    source.mkdir()
    version_1_store(source / "store.sqlite3")
    with read_only_copy(source) as data:
        code, out, err = run(ingest_main, capsys, "show", "new_rules.txt", "--json", "--data", str(data))
        assert code == 0, err
        row = json.loads(out)
        assert row["title"] == NEW and (row["level"], row["status"]) == ("", "")
        code, out, _ = run(ingest_main, capsys, "docs", "--data", str(data))
        assert code == 0 and NEW in out


def test_a_document_marked_repealed_leaves_the_next_search_of_an_open_engine(tmp_path_factory):
    """The documents a search may draw on are remembered between questions; an edit made meanwhile (by this
    process or another one) is seen by the next question."""
    from config import load_config
    from ingest.store import Store
    from tests.conftest import engine_over

    engine = engine_over(tmp_path_factory, {"a.txt": "甲市节水办法\n第一条 公共供水管网漏损率控制在9%以内。\n",
                                            "b.txt": "乙市节能办法\n第一条 公共机构人均综合能耗下降5%。\n"})
    assert engine.search("管网漏损率").hits[0].document == "甲市节水办法"
    doc_id = next(d.doc_id for d in engine.store.facts() if d.title == "甲市节水办法")
    Store(load_config(engine.config.data_dir).store_path).update_fields(doc_id, {"status": "已废止"})
    assert "甲市节水办法" not in {hit.document for hit in engine.search("管网漏损率").hits}
