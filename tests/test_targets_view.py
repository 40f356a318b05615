"""The 对比 tab's targets table as HTML: cited values, numbers to sort by, a short header, escaping."""
from __future__ import annotations

from ingest.records import Clause
from qa.targets import comparison_table, extract_targets
from ui import targets_view


def _clause(doc: str, title: str, text: str, path: str = "二、（一）1") -> Clause:
    return Clause(f"{doc}:1", doc, title, f"{doc}.txt", path, "二、重点任务", text, 0, len(text), 1)


def table():
    clauses = [_clause("a", "甲市碳达峰实施方案（试行）", "到2030年，光伏装机容量力争达到80万千瓦。"),
               _clause("b", "乙县<script>方案", "到2025年，光伏装机容量达到120万千瓦以上。"),
               _clause("c", "丙区方案", "到2030年，森林覆盖率达到45%。")]
    return comparison_table([t for c in clauses for t in extract_targets(c)], min_documents=2)


def test_each_value_cites_its_clause_and_keeps_its_aim():
    html = targets_view.targets_html(table())
    assert "力争80万千瓦（2030）" in html and "120万千瓦以上（2025）" in html
    assert 'data-clause="a:1"' in html and 'title="《甲市碳达峰实施方案（试行）》 二、（一）1：' in html
    assert "<script" not in html and "乙县&lt;script&gt;方案" in html


def test_cells_carry_numbers_in_one_base_unit_and_documents_without_targets_get_no_column():
    built = table()
    assert built.documents == ["甲市碳达峰实施方案（试行）", "乙县<script>方案"]  # 丙区 has no shared target
    html = targets_view.targets_html(built)
    assert 'data-num="800000"' in html and 'data-num="1.2e+06"' in html
    assert '<span class="th-title">甲市碳达峰实施方案</span>' in html
