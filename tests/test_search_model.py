"""A real sentence-transformers model, built on the spot, indexed and searched like a hub model."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from config import load_config
from index.snapshot import current_folder, load_snapshot
from qa.engine import Engine

SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory, built_seed_data) -> Path:
    """A 2-layer BERT with a character vocabulary from the seed clauses, saved with pooling + normalize."""
    torch = pytest.importorskip("torch")
    from sentence_transformers import SentenceTransformer, models
    from transformers import BertConfig, BertModel, BertTokenizer

    from ingest.store import Store

    store = Store(load_config(built_seed_data).store_path)
    chars = sorted({ch for clause in store.clauses() for ch in clause.text if not ch.isspace()})
    store.close()
    folder = tmp_path_factory.mktemp("tiny-bert")
    (folder / "vocab.txt").write_text("\n".join(SPECIAL + chars), encoding="utf-8")
    torch.manual_seed(0)
    config = BertConfig(vocab_size=len(SPECIAL) + len(chars), hidden_size=32, num_hidden_layers=2,
                        num_attention_heads=2, intermediate_size=64, max_position_embeddings=512)
    BertModel(config).save_pretrained(folder)
    BertTokenizer(str(folder / "vocab.txt"), tokenize_chinese_chars=True).save_pretrained(folder)
    transformer = models.Transformer(str(folder), max_seq_length=256)
    pooling = models.Pooling(transformer.get_embedding_dimension(), pooling_mode="mean")
    out = tmp_path_factory.mktemp("tiny-st") / "model"
    SentenceTransformer(modules=[transformer, pooling, models.Normalize()]).save(str(out))
    return out


def test_a_local_model_folder_is_indexed_and_searched(seed_data, tiny_model, capsys):
    engine = Engine.open(load_config(seed_data, model=str(tiny_model)), progress=False)
    assert engine.mode == f"semantic:{tiny_model}"
    assert "语义编码器有变化" in capsys.readouterr().err
    snapshot = load_snapshot(current_folder(seed_data / "index"))
    assert snapshot.manifest["encoder"]["dim"] == 32 and snapshot.offline is None
    hits = engine.search("台山2025年非化石能源消费比重目标？", top_k=3).hits
    assert len(hits) == 3 and all(hit.text for hit in hits)
    assert len(engine.dense_ranking("光伏发电", limit=5)) == 5


def test_a_missing_model_falls_back_to_offline_in_one_line(seed_data, tmp_path, capsys):
    engine = Engine.open(load_config(seed_data, model=str(tmp_path / "no-such-model")), progress=False)
    err = capsys.readouterr().err
    assert engine.mode.startswith("offline:") and "--model" in err and "POLICY_QA_MODEL" in err
    assert "Traceback" not in err and engine.search("蓝碳交易").hits


def test_model_removed_after_indexing_rebuilds_offline(seed_data, tiny_model, tmp_path, capsys):
    copy = tmp_path / "model"
    shutil.copytree(tiny_model, copy)
    Engine.open(load_config(seed_data, model=str(copy)), progress=False)
    shutil.rmtree(copy)
    engine = Engine.open(load_config(seed_data, model=str(copy)), progress=False)
    assert engine.mode.startswith("offline:") and engine.search("蓝碳交易").hits
