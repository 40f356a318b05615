""".doc and .wps (Word 97-2003 binary) through LibreOffice, antiword or catdoc. The samples in tests/data were
saved as .doc by LibreOffice from our own test text (tests/data/README.md says how)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ingest.legacy_word import ToolMissingError, _antiword, _catdoc, _libreoffice
from ingest.limits import Limits
from ingest.pipeline import ingest_file
from ingest.readers import CorruptFileError, read_text
from ingest.store import Store
from tests.conftest import CORPUS
from tests.test_ingest_formats import EXPECTED_CLAUSES

DATA = Path(__file__).parent / "data"
SEED_DOC = DATA / "taishan_seed.doc"
AUTO_DOC = DATA / "plan_auto_numbered.doc"


def needs(tool: str):
    hint = "可选：apt-get install libreoffice-writer-nogui" if tool == "soffice" else "make install-dev 会安装它"
    return pytest.mark.skipif(shutil.which(tool) is None, reason=f"{tool} 未安装（{hint}）")


def seed_paragraphs() -> list[str]:
    """The seed from 关于印发 on: the paragraphs the sample .doc was written from."""
    lines = (CORPUS / "taishan_tandafeng_shishi_fangan.txt").read_text(encoding="utf-8").split("\n")
    return [p for p in lines[next(i for i, p in enumerate(lines) if p.startswith("关于印发")):] if p.strip()]


def clauses_of(path: Path, data: Path) -> list[tuple[str, str]]:
    store = Store(data / "store.sqlite3")
    report = ingest_file(path, store)
    assert not report.failures, report.failures
    return [(c.clause, c.text) for c in store.clauses()]


@pytest.mark.skipif(not any(map(shutil.which, ("soffice", "antiword", "catdoc"))), reason="没有安装读取 .doc 的工具")
@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_seed_as_doc_and_wps_gives_the_same_clauses_as_its_txt(tmp_path, suffix):
    """A WPS Office .wps is the same Word 97 container as a .doc: the sample under that name."""
    txt = tmp_path / "taishan.txt"
    txt.write_text("\n\n".join(seed_paragraphs()), encoding="utf-8")
    word = tmp_path / f"taishan{suffix}"
    shutil.copyfile(SEED_DOC, word)
    expected = clauses_of(txt, tmp_path / "txt-data")
    assert clauses_of(word, tmp_path / "doc-data") == expected and len(expected) > 30


@needs("antiword")
def test_antiword_keeps_every_character_of_the_seed():
    text = _antiword(SEED_DOC, Limits())
    assert "".join(text.split()) == "".join("".join(seed_paragraphs()).split())


@needs("soffice")
def test_libreoffice_keeps_words_automatic_numbering():
    """Only LibreOffice reads the list numbering of a .doc; it converts to .docx for our .docx reader."""
    lines = _libreoffice(AUTO_DOC, Limits()).split("\n")
    assert "一、总体要求" in lines and "（一）指导思想" in lines and "1.推进工业节能。推动重点企业开展节能改造，提高能源利用效率。" in lines


@needs("soffice")
def test_an_auto_numbered_doc_gives_the_clause_paths_of_the_typed_plan(tmp_path):
    clauses = clauses_of(AUTO_DOC, tmp_path)
    assert [c for c, _ in clauses if c != "前言"] == EXPECTED_CLAUSES


@needs("catdoc")
def test_catdoc_reads_a_small_file_that_antiword_refuses():
    text = _catdoc(AUTO_DOC, Limits())
    assert "推进工业节能。推动重点企业开展节能改造，提高能源利用效率。" in text
    if shutil.which("antiword"):
        assert _antiword(AUTO_DOC, Limits()) == ""  # "I'm afraid the text stream of this file is too small to handle."


def test_without_any_tool_the_message_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # a machine where none of the three is installed
    with pytest.raises(ToolMissingError) as missing:
        read_text(SEED_DOC)
    assert "apt-get install antiword catdoc" in str(missing.value) and "libreoffice-writer-nogui" in str(missing.value)


def test_a_doc_that_is_not_word_97_is_refused_in_chinese(tmp_path):
    path = tmp_path / "fake.doc"
    path.write_text("一、总体要求", encoding="utf-8")
    with pytest.raises(CorruptFileError, match="不是 Word 97-2003 / WPS 格式"):
        read_text(path)


@needs("antiword")
def test_a_reader_is_held_to_its_memory_bound(monkeypatch):
    """A crafted file must not take the machine: with too little memory allowed, antiword gives up and reads nothing."""
    import ingest.legacy_word as legacy_word

    monkeypatch.setattr(legacy_word, "TOOL_MEMORY", 1 << 20)
    assert _antiword(SEED_DOC, Limits()).strip() == ""
