"""Quantitative targets: what staff read off a plan, each with its clause citation."""
from __future__ import annotations

import csv
import io
import json

from config import load_config
from ingest.records import Clause
from ingest.store import Store
from qa.cli import targets as targets_cli
from qa.targets import comparison_table, extract_targets, targets_of


def _clause(text: str, document: str = "甲市碳达峰实施方案", path: str = "二、（一）1", heading: str = "") -> Clause:
    return Clause(f"{document}-{path}", document[:2], document, f"{document}.txt", path, heading, text, 0, len(text))


def _seed_targets(data_dir) -> list:
    store = Store(load_config(data_dir).store_path)
    try:
        return targets_of(store.clauses())
    finally:
        store.close()


def _find(targets, document: str, indicator: str, amount: str, year: str | None = None):
    found = [t for t in targets if document in t.document and indicator in t.indicator and t.amount == amount
             and (year is None or t.target_year == year)]
    assert found, f"no target {indicator} {amount} ({year}) in {document}: " + "; ".join(
        f"{t.indicator} {t.amount} {t.target_year}" for t in targets if document in t.document)
    return found[0]


def test_seed_targets_include_every_headline_target_with_its_citation(built_seed_data):
    targets = _seed_targets(built_seed_data)
    expected = [("江海", "天然气发电装机", "15万千瓦以上", "2025"), ("江海", "光伏发电装机容量", "80万千瓦以上", "2030"),
                ("江海", "高技术制造业", "45%", "2025"), ("江海", "星级绿色建筑", "30%以上", "2025"),
                ("台山", "星级绿色建筑", "30%以上", "2025"), ("江海", "装配式建筑", "40%", "2030"),
                ("江海", "建筑废弃物资源化利用率", "55%", None), ("台山", "建筑废弃物资源化利用率", "55%", "2030"),
                ("江海", "绿色出行比例", "不低于70%", "2030"), ("台山", "绿色出行比例", "不低于70%", "2030"),
                ("台山", "非化石能源消费比重", "32%左右", "2025"), ("台山", "非化石能源消费比重", "35%左右", "2030"),
                ("台山", "森林覆盖率", "45%", "2030"), ("台山", "森林蓄积量", "680万立方米", "2030")]
    for document, indicator, amount, year in expected:
        target = _find(targets, document, indicator, amount, year)
        assert target.citation.startswith(f"《{target.document}》 ") and target.clause in target.citation
        assert target.clause_id


def test_qualifiers_base_year_and_deadline_are_read_from_the_sentence():
    text = ("到2030年，装配式建筑占当年新建城镇建筑的推广比例力争达到40%。"
            "施工现场建筑材料损耗率比2020年降低20%，年综合能耗超过1万吨标准煤的数据中心全部纳入监测。")
    found = {t.indicator: t for t in extract_targets(_clause(text))}
    assert set(found) == {"装配式建筑占当年新建城镇建筑的推广比例", "施工现场建筑材料损耗率"}
    assert found["装配式建筑占当年新建城镇建筑的推广比例"].qualifier == "力争"
    loss = found["施工现场建筑材料损耗率"]
    assert (loss.verb, loss.amount, loss.base_year, loss.target_year) == ("降低", "20%", "2020", "2030")


def test_values_split_by_whitespace_and_respective_lists_are_paired():
    text = "到 2030 年，森林覆盖率和森林蓄积量分别达 45%和 680 万\n立方米。"
    found = [(t.indicator, t.amount, t.target_year) for t in extract_targets(_clause(text))]
    assert found == [("森林覆盖率", "45%", "2030"), ("森林蓄积量", "680万立方米", "2030")]


def test_comparison_table_lines_up_an_indicator_across_documents():
    national = _clause("到 2025 年，非化石能源消费比重达到 20%左右。到 2030 年，非化石能源消费比重达到 25%左右，"
                       "城区常住人口 100 万以上的城市绿色出行比例不低于 70%。", "国家行动方案", "一、（二）")
    city = _clause("到2025年，非化石能源消费比重达到32%左右。到2030年，城市绿色出行比例不低于70%。", "乙市实施方案", "一、（二）")
    table = comparison_table(targets_of([national, city]))
    rows = {row["指标"]: row for row in table.to_records()}
    assert rows["非化石能源消费比重"] == {"指标": "非化石能源消费比重", "国家行动方案": "20%左右 (2025)；25%左右 (2030)",
                                       "乙市实施方案": "32%左右 (2025)"}
    green = next(row for name, row in rows.items() if "绿色出行比例" in name)
    assert green["国家行动方案"] == green["乙市实施方案"] == "不低于70% (2030)"


def test_targets_command_prints_csv_and_json(seed_data, capsys):
    assert targets_cli.main(["--csv", "--data", str(seed_data), "--doc", "台山"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("\ufeff指标,目标值,"), "Excel reads UTF-8 only after a byte order mark"
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    assert rows and all("台山" in row["文件"] for row in rows)
    assert any(row["指标"] == "森林蓄积量" and row["目标值"] == "680万立方米" for row in rows)
    assert targets_cli.main(["--json", "--table", "--data", str(seed_data)]) == 0
    table = json.loads(capsys.readouterr().out)
    assert any("绿色出行比例" in row["indicator"] and len(row["cells"]) == 2 for row in table["rows"])


def test_targets_command_rejects_an_unknown_document(seed_data, capsys):
    assert targets_cli.main(["--doc", "不存在的文件", "--data", str(seed_data)]) == 2
    assert "不存在的文件" in capsys.readouterr().err
