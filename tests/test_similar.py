"""Similar measures across plans, the side-by-side pair view, and the similar command."""
from __future__ import annotations

import json
import re

import numpy as np
import pytest

from config import load_config
from qa.cli import similar as similar_cli
from qa.compare import action_area, compare_clauses, named_projects
from qa.engine import Engine
from qa.similar import MEASURE_FEATURES, UnknownClause, measure_candidates, similar_measures
from tests.conftest import EVAL


@pytest.fixture(scope="module")
def engine(built_seed_data):
    engine = Engine.open(load_config(built_seed_data, model=""), progress=False)
    yield engine
    engine.close()


def _clause_with(engine, document: str, phrase: str):
    flat = lambda text: re.sub(r"[\s*#]", "", text)  # noqa: E731
    return next(c for c in engine.store.clauses() if document in c.document and flat(phrase) in flat(c.text))


@pytest.mark.parametrize("source, target", [
    ("大力发展绿色节能低碳建筑", "逐步建立覆盖工程建设全过程的绿色建造技术应用体系"),
    ("全面完成公交电动化", "推广应用节能环保型运输装备"),
    ("积极参与“一带一路”绿色经贸合作", "积极应对“碳边境调节机制”"),
])
def test_the_same_measure_of_the_other_plan_comes_first(engine, source, target):
    clause = _clause_with(engine, "江海", source)
    hits = similar_measures(engine, clause.id, top_k=3)
    assert hits and all(h.doc_id != clause.doc_id for h in hits)
    assert hits[0].id == _clause_with(engine, "台山", target).id
    assert [h.rank for h in hits] == [1, 2, 3] and hits[0].score >= hits[-1].score


def test_doc_filter_limits_the_documents_and_unknown_ids_raise(engine):
    clause = _clause_with(engine, "江海", "全面完成公交电动化")
    assert all("江海" in h.document and h.id != clause.id for h in similar_measures(engine, clause.id, 3, ("江海",)))
    with pytest.raises(UnknownClause):
        similar_measures(engine, "no-such-clause")


def test_action_area_comes_from_the_headings(engine):
    assert action_area(_clause_with(engine, "台山", "优化交通用能结构")) == "交通"
    assert action_area(_clause_with(engine, "江海", "加快产业结构优化")) == "工业"


def test_pair_view_shows_shared_measures_different_targets_and_named_projects(engine):
    left = _clause_with(engine, "江海", "积极扩大天然气利用规模")
    right = _clause_with(engine, "台山", "合理规划天然气发电布局建设")
    view = compare_clauses(left, right).to_json()
    assert any("集中供热" in pair["left"] and "集中供热" in pair["right"] for pair in view["shared_measures"])
    assert any(p["indicator"] == "天然气发电装机规模" and p["right"] is None for p in view["different_targets"])
    assert "台山工业新城分布式综合能源站" in view["right"]["named_projects"]
    assert view["left"]["citation"] == left.citation and 0 < view["similarity"] < 1


def test_identical_targets_are_reported_as_shared(engine):
    left = _clause_with(engine, "江海", "大力发展绿色节能低碳建筑")
    right = _clause_with(engine, "台山", "大力发展绿色节能低碳建筑")
    view = compare_clauses(left, right).to_json()
    assert {p["indicator"] for p in view["same_targets"]} >= {"星级绿色建筑占比", "建筑废弃物资源化利用率"}


def test_named_projects_skip_generic_phrases():
    text = "大力推进 110 千伏金瓯输变电工程等电网工程的建设实施，实施节能降碳重点工程，严格新建项目审批。"
    assert named_projects(text) == ["110千伏金瓯输变电工程"]


def test_similar_command_json_batch_in_input_order(engine, built_seed_data, tmp_path, capsys):
    ids = [_clause_with(engine, "江海", "全面完成公交电动化").id, _clause_with(engine, "江海", "全力支持深江铁路建设").id]
    batch = tmp_path / "ids.txt"
    batch.write_text("\n".join(ids) + "\n", encoding="utf-8")
    assert similar_cli.main(["--batch", str(batch), "--top-k", "2", "--data", str(built_seed_data)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["id"] for line in lines] == ids and all(len(line["hits"]) == 2 for line in lines)
    assert all("台山" in hit["document"] for line in lines for hit in line["hits"])


def test_similar_command_unknown_clause_exits_2(built_seed_data, capsys):
    assert similar_cli.main(["no-such-clause", "--data", str(built_seed_data)]) == 2
    assert "没有条款编号 'no-such-clause'" in capsys.readouterr().err


def test_similar_command_text_cites_the_matches(engine, built_seed_data, capsys):
    clause = _clause_with(engine, "江海", "全面完成公交电动化")
    assert similar_cli.main([clause.id, "--top-k", "1", "--data", str(built_seed_data)]) == 0
    out = capsys.readouterr().out
    assert clause.citation in out and "《台山市碳达峰实施方案》" in out


def test_likeness_is_absolute_a_word_for_word_counterpart_scores_one(engine):
    clause = _clause_with(engine, "江海", "大力发展绿色节能低碳建筑")
    counterpart = _clause_with(engine, "台山", "大力发展绿色节能低碳建筑")
    target = [counterpart.doc_id]
    clauses, features = measure_candidates(engine, clause, target)
    lexical = dict(zip((c.id for c in clauses), features[:, MEASURE_FEATURES.index("lexical")].tolist()))
    # the 台山 clause repeats most of 江海's words: its share of 江海's own BM25 tops every other clause's
    assert max(lexical, key=lexical.get) == counterpart.id and 0.5 < lexical[counterpart.id] <= 1.2
    assert all(value < lexical[counterpart.id] for key, value in lexical.items() if key != counterpart.id)
    assert clause.id not in lexical


@pytest.mark.skipif(not (EVAL / "crossref.jsonl").exists(), reason="shared eval set not present")
def test_tune_similar_prints_held_out_figures_and_leaves_the_weights_file_alone(built_seed_data, capsys):
    from qa import tune_similar
    from qa.similar import WEIGHTS_FILE

    before = WEIGHTS_FILE.read_bytes()
    assert tune_similar.main(["--crossref", str(EVAL / "crossref.jsonl"), "--data", str(built_seed_data)]) == 0
    out = capsys.readouterr().out
    assert "两折交叉验证" in out and re.search(r"全部\s+12\s+\d\.\d{3}\s+\d\.\d{3}", out)
    assert WEIGHTS_FILE.read_bytes() == before


def test_tuning_gives_the_meaning_weight_only_where_it_ranks_the_counterpart_first():
    from qa.tune_similar import Pair, best_weights

    dense = MEASURE_FEATURES.index("dense")
    # candidate rows: (lexical, dense); gold is row 0, worded differently from the source
    worded_apart = [Pair(f"p{n}", "levels", np.array([[0.2, 0.95], [0.4, 0.80]], np.float32), np.array([True, False]))
                    for n in range(3)]
    worded_alike = [Pair(f"q{n}", "levels", np.array([[0.9, 0.85], [0.5, 0.90]], np.float32), np.array([True, False]))
                    for n in range(3)]
    assert best_weights(worded_alike)[dense] == 0.0  # the simplest weights that rank every gold first
    assert best_weights(worded_apart + worded_alike)[dense] > 0.0
