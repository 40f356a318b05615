"""Extractive answers: the sentence that answers, the value marked, the clause cited; or a plain 'not found'."""
from __future__ import annotations

import json

import pytest

from config import load_config
from qa.cli import ask as ask_cli
from qa.answer import answer_question
from qa.engine import Engine


@pytest.fixture(scope="module")
def engine(built_seed_data):
    engine = Engine.open(load_config(built_seed_data, model=""), progress=False)
    yield engine
    engine.close()


@pytest.mark.parametrize("question, document, value", [
    ("江海区高技术制造业占规上工业增加值的比重目标？", "江海", "45%"),
    ("台山2025年非化石能源消费比重目标？", "台山", "32%左右"),
    ("台山2030年非化石能源消费比重要达到多少？", "台山", "35%左右"),
    ("江海区到2030年光伏发电装机容量要达到多少？", "江海", "80万千瓦以上"),
    ("江海区2030年能耗和碳排放控制要达到什么水平？", "江海", "全市平均水平"),
    ("台山2030年能耗和碳排放控制水平要达到什么位置？", "台山", "江门前列"),
])
def test_the_answering_value_is_marked_in_a_cited_verbatim_quote(engine, question, document, value):
    answer = answer_question(engine, question)
    assert answer.found
    best = answer.quotes[0]
    assert value in best.highlight and best.highlight in best.text
    assert document in best.citation and best.citation.startswith("《")
    clause = engine.store.clause(best.id)
    assert best.text in clause.text and clause.citation == best.citation


def test_a_when_question_marks_the_year(engine):
    answer = answer_question(engine, "江海区天然气发电装机规模什么时候达到15万千瓦？")
    assert answer.found and answer.quotes[0].highlight.replace(" ", "") == "2025年"


def test_a_question_nothing_answers_says_so_and_shows_the_nearest_clauses(engine):
    answer = answer_question(engine, "足球世界杯冠军是谁？")
    assert not answer.found and answer.quotes == []
    assert answer.answer.startswith("没有找到") and answer.hits
    assert answer.hits[0].citation in answer.answer


def test_ask_json_has_the_documented_shape(built_seed_data, capsys):
    assert ask_cli.main(["江海区光伏发电装机容量目标是多少？", "--json", "--data", str(built_seed_data)]) == 0
    reply = json.loads(capsys.readouterr().out)
    assert set(reply) == {"question", "answer", "found", "answer_type", "quotes", "hits"}
    assert reply["answer_type"] == "quantity"
    assert set(reply["quotes"][0]) == {"text", "highlight", "citation", "id"}
    assert reply["quotes"][0]["highlight"].replace(" ", "") == "80万千瓦以上"
    assert {"rank", "id", "doc_id", "document", "source", "clause", "heading", "text", "score"} <= set(reply["hits"][0])


def test_ask_text_marks_the_value_and_cites(built_seed_data, capsys):
    assert ask_cli.main(["台山森林覆盖率目标是多少？", "--doc", "台山", "--data", str(built_seed_data)]) == 0
    out = capsys.readouterr().out
    assert "【45%】" in out and "《台山市碳达峰实施方案》" in out


@pytest.mark.parametrize("question", [[], ["   "]])
def test_ask_an_empty_question_exits_2_with_a_message(built_seed_data, capsys, question):
    assert ask_cli.main([*question, "--data", str(built_seed_data)]) == 2
    assert "问题为空" in capsys.readouterr().err


@pytest.mark.parametrize("question, document, words", [
    ("做饭烧热水要不要改成用电？", "台山", ("热水", "电能替代")),
    ("企业搞研发有什么税收上的优惠？", "江海", ("税收优惠", "研发投入予以加计扣除")),
])
def test_a_paraphrase_is_answered_by_quoting_the_clause_that_says_it_otherwise(engine, question, document, words):
    answer = answer_question(engine, question)
    assert answer.found
    best = answer.quotes[0]
    clause = engine.store.clause(best.id)
    assert document in best.citation and best.citation == clause.citation and best.text in clause.text
    assert all(word in "".join(clause.text.split()) for word in words)


@pytest.mark.parametrize("question", ["火星基地怎么建设？", "台山的足球比赛规则是什么？", "股票怎么买？",
                                      "How do I bake a chocolate cake?"])
def test_an_off_topic_question_sharing_a_word_or_a_plan_name_is_not_answered(engine, question):
    answer = answer_question(engine, question)
    assert not answer.found and answer.quotes == []
