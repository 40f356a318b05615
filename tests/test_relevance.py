"""Relevance in words: 高/中/低 from bands measured by qa.calibrate, the reason, and 相同/相近/相关 labels."""
from __future__ import annotations

import json

import numpy as np
import pytest

from qa import calibrate, relevance
from qa.cli import similar as similar_cli
from qa.cli.search import main as search_main
from tests.conftest import EVAL

KINDS = ("neural", "lsa", "use")


def test_isotonic_share_of_gold_never_falls_as_the_score_rises():
    scores = np.array([0.1, 0.2, 0.3, 0.4, 0.5, 0.6])
    gold = np.array([0, 1, 0, 0, 1, 1], dtype=bool)
    ordered, shares = calibrate.isotonic(scores, gold)
    assert list(ordered) == list(scores) and all(np.diff(shares) >= 0)
    assert calibrate.threshold(scores, gold, 0.9) == 0.5 and calibrate.threshold(scores, gold, 1.1) is None


@pytest.mark.parametrize("kind", KINDS)
def test_the_shipped_bands_were_measured_and_the_higher_band_is_more_precise(kind):
    data = json.loads(relevance.BANDS_FILE.read_text(encoding="utf-8"))
    assert data["procedure"].startswith("python -m qa.calibrate --write")
    held_out = data["search"][kind]["held_out"]
    assert held_out["高"]["precision"] > held_out["中"]["precision"] > held_out["低"]["precision"]
    assert held_out["高"]["precision"] >= calibrate.SEARCH_PRECISION["高"] - 0.1
    assert data["similar"][kind]["thresholds"][relevance.ALL]["相同"] is not None


def test_levels_follow_the_thresholds_of_the_hits_rank_group():
    bands = {"高": 2.0, "中": 1.0}
    assert [relevance.level_of(s, bands, relevance.SEARCH_LEVELS, "低") for s in (2.5, 1.0, 0.3)] == ["高", "中", "低"]
    assert [relevance.rank_stratum(r) for r in (1, 2, 3, 4, 10, 30)] == ["1", "2-3", "2-3", "4-10", "4-10", "4-10"]
    assert relevance.level_of(9.0, {}, relevance.SIMILAR_LEVELS) == ""


def test_search_text_says_relevance_and_why_not_a_raw_score(built_seed_data, capsys):
    assert search_main(["台山2030年森林覆盖率目标是多少？", "--top-k", "3", "--data", str(built_seed_data)]) == 0
    out = capsys.readouterr().out
    assert "相关度：高" in out
    reason = out.split("匹配词语：", 1)[1].split("\n", 1)[0]
    assert "森林" in reason and "覆盖率" in reason
    assert "范围：问题指明的文件" in out


def test_search_json_adds_relevance_and_reason(built_seed_data, capsys):
    assert search_main(["老旧燃气管道怎么处理？", "--json", "--data", str(built_seed_data)]) == 0
    hits = json.loads(capsys.readouterr().out)["hits"]
    assert {h["relevance"] for h in hits} <= {"高", "中", "低"} and hits[0]["relevance"] == "高"
    assert all("范围：全部文件" in h["reason"] for h in hits)


def test_search_scope_says_when_the_user_chose_the_documents(built_seed_data, capsys):
    assert search_main(["老旧燃气管道怎么处理？", "--doc", "江海", "--json", "--data", str(built_seed_data)]) == 0
    assert all("范围：所选文件" in h["reason"] for h in json.loads(capsys.readouterr().out)["hits"])


def _first_clause_id(data, document: str) -> str:
    from ingest.store import Store
    from config import load_config

    store = Store(load_config(data).store_path)
    return next(c.id for c in store.clauses() if document in c.document and len(c.text) > 40)


def test_similar_heads_weak_matches_without_same_measure(built_seed_data, capsys, monkeypatch):
    unreachable = {"similar": {k: {"thresholds": {relevance.ALL: {"相同": 99.0, "相近": 99.0, "相关": 99.0}}}
                               for k in KINDS}}
    monkeypatch.setattr(relevance, "_bands", lambda: unreachable)
    clause_id = _first_clause_id(built_seed_data, "江海")
    assert similar_cli.main([clause_id, "--top-k", "2", "--data", str(built_seed_data)]) == 0
    out = capsys.readouterr().out
    assert "相同的措施：" not in out and "最接近的条款（相似度低于实测阈值）" in out and "相似度低" in out


def test_similar_heads_measured_same_matches_as_same(built_seed_data, capsys, monkeypatch):
    reachable = {"similar": {k: {"thresholds": {relevance.ALL: {"相同": 0.0}}} for k in KINDS}}
    monkeypatch.setattr(relevance, "_bands", lambda: reachable)
    clause_id = _first_clause_id(built_seed_data, "江海")
    assert similar_cli.main([clause_id, "--top-k", "1", "--json", "--data", str(built_seed_data)]) == 0
    assert json.loads(capsys.readouterr().out)["hits"][0]["relevance"] == "相同"


@pytest.mark.skipif(not (EVAL / "questions.jsonl").exists(), reason="shared eval set not present")
def test_calibrate_measures_bands_on_a_question_set(built_seed_data, capsys):
    assert calibrate.main(["--questions", str(EVAL / "questions.jsonl"), "--crossref", str(EVAL / "crossref.jsonl"),
                           "--data", str(built_seed_data)]) == 0
    out = capsys.readouterr().out
    assert "检索相关度（lsa）" in out and "阈值（1）" in out and "相似措施（lsa）" in out and "交叉验证" in out
