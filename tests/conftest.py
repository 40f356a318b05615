"""Fixtures shared by every test: paths to the shipped and shared documents, and built data folders."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
EXTRA = SHARED / "corpus-extra"
EVAL = SHARED / "eval"
# The neural encoder reads about five clauses a second on two cores: tests use the corpus-fitted
# encoder unless they ask for the neural one (tests/test_search_neural.py).
os.environ.setdefault("POLICY_QA_FALLBACK_ENCODER", "lsa")


@pytest.fixture(scope="session")
def built_seed_data(tmp_path_factory) -> Path:
    """A data folder with the two seed documents ingested and indexed (offline encoder). Do not modify."""
    from config import load_config
    from ingest.pipeline import ingest_paths
    from ingest.store import Store
    from qa.engine import Engine

    data_dir = tmp_path_factory.mktemp("seed-data")
    config = load_config(data_dir, model="")
    store = Store(config.store_path)
    report = ingest_paths([CORPUS], store, show_progress=False)
    assert not report.failures, report.failures
    store.close()
    Engine.open(config).close()  # closed, so the store's write-ahead log is folded into the file
    return data_dir


@pytest.fixture
def seed_data(built_seed_data, tmp_path) -> Path:
    """A private copy of the seed data folder that a test may change."""
    copy = tmp_path / "data"
    shutil.copytree(built_seed_data, copy)
    return copy


def marked(engine, question: str) -> str | None:
    """The value `ask` marks in its first quote, or None when it finds no answer."""
    from qa.answer import answer_question

    answer = answer_question(engine, question)
    return answer.quotes[0].highlight if answer.found and answer.quotes else None


# Plans on other subjects, so that a test's words are as rare among clauses as in a real library.
OTHER_TOPICS = ["农田水利", "职业教育", "社区养老", "乡村道路", "文物保护", "森林防火", "体育设施", "食品安全"]


def filler_plans() -> dict[str, str]:
    """Eight small plans on other subjects (file name -> text), five clauses each."""
    def plan(topic: str) -> str:
        clauses = "\n".join(f"（{number}）{topic}第{number}项任务\n加强{topic}工作的第{number}项措施，做好日常管理。"
                             for number in "一二三四五")
        return f"黄石市{topic}工作方案\n\n一、重点任务\n{clauses}\n"
    return {f"other{number}.txt": plan(topic) for number, topic in enumerate(OTHER_TOPICS)}


def engine_over(tmp_path_factory, files: dict[str, str], **settings):
    """An engine over documents written from text (name -> text) into a fresh data folder."""
    from config import load_config
    from ingest.lock import write_lock
    from ingest.pipeline import ingest_paths
    from ingest.store import Store
    from qa.engine import Engine

    folder, data = tmp_path_factory.mktemp("docs"), tmp_path_factory.mktemp("data")
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    with write_lock(data):
        ingest_paths([folder], Store(load_config(data).store_path), show_progress=False)
    return Engine.open(load_config(data, model="", **settings), progress=False)

