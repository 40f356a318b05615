"""Issue 14, storage and input half: work caps per document, encrypted PDFs, a full disk, damaged index
files and manifests, a read-only data folder, workers that outlive their parent, replacement seen by
concurrent searches. Real files, a real SQLite store, real FAISS; a real small or read-only file system
(tmpfs) where this process may mount one."""
from __future__ import annotations

import io
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
import zlib
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import numpy as np
import psutil
import pypdf
import pytest

from config import load_config
from index.snapshot import IndexCorrupt, current_folder, load_snapshot
from ingest.lock import write_lock
from ingest.pipeline import ingest_file, ingest_paths
from ingest.store import Store, StoreError, StoreReadOnly
from qa.engine import Engine, IndexUnavailable
from tests.conftest import CORPUS, ROOT
from tests.test_ingest_formats import PLAN_LINES, plan_text, tiny_pdf

QUESTION = "蓝碳交易有没有试点？"
NEW_DOC = "关于海上风电的实施意见\n\n一、总体要求\n\n（一）目标\n\n建设海上风电运维母港，推动海上风电集群发展。\n"


def open_engine(data: Path, **settings) -> Engine:
    return Engine.open(load_config(data, model="", **settings), progress=False)


def add_document(data: Path, folder: Path, name: str = "haishang_fengdian.txt", text: str = NEW_DOC) -> None:
    (folder / name).write_text(text, encoding="utf-8")
    store = Store(load_config(data).store_path)
    assert ingest_file(folder / name, store).added
    store.close()


@contextmanager
def tmpfs(size: str) -> Iterator[Path | None]:
    """A real size-limited file system (root only); None where this process cannot mount one."""
    mount = Path(tempfile.mkdtemp(prefix="tmpfs-"))
    mounted = os.geteuid() == 0 and subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)], capture_output=True).returncode == 0
    try:
        yield mount if mounted else None
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(mount)], capture_output=True)
        shutil.rmtree(mount, ignore_errors=True)


def fill(folder: Path, leave: int = 0) -> None:
    """Write until the file system refuses, then give back `leave` bytes."""
    with open(folder / "filler.bin", "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * (1 << 16))
        except OSError:
            pass
        handle.truncate(max(handle.tell() - leave, 0))


# --- 6. work caps per document ----------------------------------------------------------------------

def docx_with_body(path: Path, body_xml_mb: float, level: int = 1) -> Path:
    """A real .docx whose word/document.xml unpacks to body_xml_mb of short numbered paragraphs."""
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    rng = random.Random(5)
    chunk = b"".join(f"<w:p><w:r><w:t>{i % 90 + 1}. 推进第{rng.randrange(1000)}项节能改造</w:t></w:r></w:p>".encode()
                     for i in range(8000))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as out:
        for item in source.infolist():
            if item.filename != "word/document.xml":
                out.writestr(item, source.read(item))
        with out.open("word/document.xml", "w", force_zip64=True) as xml:
            xml.write(b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats'
                      b'.org/wordprocessingml/2006/main"><w:body>')
            for _ in range(int(body_xml_mb * 2**20 / len(chunk)) + 1):
                xml.write(chunk)
            xml.write(b"</w:body></w:document>")
    return path


@pytest.mark.parametrize("name, setting, cap", [
    ("big.docx", "max_docx_xml_mb", 1),
    ("many.docx", "max_paragraphs", 500),
    ("long.txt", "max_text_chars", 5_000),
    ("clauses.txt", "max_clauses", 40),
])
def test_a_document_over_a_work_cap_is_refused_naming_the_cap_and_its_setting(seed_data, tmp_path, name, setting, cap):
    path = tmp_path / name
    if name == "big.docx":
        docx_with_body(path, 2)
    elif name == "many.docx":
        docx_with_body(path, 0.2)
    else:
        path.write_text("\n".join(f"{i}. 推进第{i}项重点工程建设，提高能源利用效率。" for i in range(1, 300)), encoding="utf-8")
    config = load_config(seed_data, model="", **{setting: cap})
    store = Store(config.store_path)
    report = ingest_paths([path], store, show_progress=False, config=config)
    store.close()
    [(_, reason)] = report.failures
    assert "超过上限" in reason and setting in reason and f"POLICY_QA_{setting.upper()}" in reason
    assert open_engine(seed_data).search(QUESTION, top_k=1).hits  # the data folder still answers


def test_the_default_caps_refuse_a_docx_unpacking_to_190_mb_within_seconds_under_2_gb(seed_data, tmp_path):
    bomb = docx_with_body(tmp_path / "bomb.docx", 190)
    assert bomb.stat().st_size < 32 * 2**20  # under the file-size cap: the unpacked size is what must stop it
    limit = 2 * 2**30
    # The child caps its own address space: a preexec_fn would run Python between fork and exec, which aborts
    # when the test process already runs gRPC threads (Milvus Lite's client).
    under_2_gb = (f"import resource, runpy, sys; resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit})); "
                  f"sys.argv = ['ingest', {str(bomb)!r}, '--data', {str(seed_data)!r}, '--quiet']; "
                  "runpy.run_module('ingest', run_name='__main__')")

    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", under_2_gb], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert time.monotonic() - started < 10
    assert result.returncode == 1 and "max_docx_xml_mb" in result.stderr and "Traceback" not in result.stderr
    assert open_engine(seed_data).search(QUESTION, top_k=1).hits


# --- 8. encrypted PDFs ------------------------------------------------------------------------------------

def encrypted(pdf: bytes, user_password: str) -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=user_password, owner_password="owner-only", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_an_aes_pdf_with_an_empty_user_password_is_read_and_one_with_a_password_is_refused_in_chinese(tmp_path):
    store = Store(tmp_path / "data" / "store.sqlite3")
    (tmp_path / "open.pdf").write_bytes(encrypted(tiny_pdf([PLAN_LINES]), ""))
    report = ingest_file(tmp_path / "open.pdf", store)
    assert not report.failures and "推动重点企业开展节能改造" in " ".join(c.text for c in store.clauses())
    (tmp_path / "locked.pdf").write_bytes(encrypted(tiny_pdf([PLAN_LINES]), "secret"))
    [(_, reason)] = ingest_file(tmp_path / "locked.pdf", store).failures
    assert "打开密码" in reason


def test_requirements_name_cryptography_for_pypdf_aes():
    assert any(line.startswith("cryptography==") for line in (ROOT / "requirements.txt").read_text().splitlines())


# --- 10. a full disk during an index build -------------------------------------------------------------

def test_a_full_disk_during_a_build_keeps_the_previous_index_and_says_what_to_free(seed_data, tmp_path, capsys,
                                                                                   monkeypatch):
    with tmpfs("8m") as disk:
        data = seed_data
        if disk is not None:  # a real full file system
            data = disk / "data"
            shutil.copytree(seed_data, data)
        before = current_folder(data / "index")
        add_document(data, tmp_path)  # the index is now stale: opening must build
        if disk is not None:
            fill(disk, leave=256 * 1024)  # room for the store's journal, not for a new snapshot
        else:  # no mount here: the least-bad stand-in is the OS error at the first write of the build
            monkeypatch.setattr("index.lexical.np.save", _no_space)
        engine = open_engine(data)
        err = capsys.readouterr().err
        assert "磁盘空间不足" in err and "MB" in err and "Traceback" not in err
        assert current_folder(data / "index") == before and not list((data / "index").glob("tmp-snap-*"))
        assert engine.search(QUESTION, top_k=1).hits
        with pytest.raises(IndexUnavailable, match="磁盘空间不足"):
            engine.refresh()  # a running engine's caller is told; its live index keeps serving
        assert engine.search(QUESTION, top_k=1).hits
        if disk is not None:
            (disk / "filler.bin").unlink()
        monkeypatch.undo()
        engine.refresh()
        assert engine.search("海上风电运维母港", top_k=1).hits[0].source == "haishang_fengdian.txt"


def test_a_disk_full_to_the_last_byte_still_serves_the_index_read_only(seed_data, capsys):
    with tmpfs("8m") as disk:
        if disk is None:
            pytest.skip("needs a real small file system (root may mount a tmpfs)")
        shutil.copytree(seed_data, disk / "data")
        fill(disk)
        engine = open_engine(disk / "data")
        assert engine.search(QUESTION, top_k=1).hits
        with pytest.raises(StoreError, match="磁盘空间不足"):
            engine.store.remove_document(engine.store.documents()[0].doc_id)


def _no_space(*args, **kwargs):
    raise OSError(28, "No space left on device")


# --- 11. same-size corruption of any index file ------------------------------------------------------

def damage(path: Path, seed: int) -> None:
    """Overwrite bytes in the middle of the file with random ones; the size stays."""
    data = bytearray(path.read_bytes())
    rng = random.Random(seed)
    start = len(data) // 2
    for i in range(start, min(len(data), start + 64)):
        data[i] = (data[i] + rng.randrange(1, 256)) % 256
    path.write_bytes(bytes(data))


def test_every_index_file_damaged_in_place_is_detected_or_survived(seed_data, capsys):
    index = seed_data / "index"
    live = current_folder(index)
    names = sorted(p.relative_to(index).as_posix() for p in index.rglob("*") if p.is_file() and p.stat().st_size)
    assert any(n.endswith("vectors.npy") for n in names) and any(n.endswith("dense.faiss") for n in names)
    for seed, name in enumerate(names):
        original = (index / name).read_bytes()
        damage(index / name, seed)
        if name.startswith(live.name + "/"):
            with pytest.raises(IndexCorrupt):
                load_snapshot(live)
        else:  # CURRENT, the names cache: the engine starts and answers
            assert open_engine(seed_data).search(QUESTION, top_k=1).hits, name
        (index / name).write_bytes(original)
    damage(live / "lexical" / "score_rows.npy", 99)  # and one through the engine: detected, rebuilt, answered
    engine = open_engine(seed_data)
    assert "与校验和不符" in capsys.readouterr().err
    assert engine.search(QUESTION, top_k=1).hits


def test_nan_vectors_in_the_npy_file_are_detected_and_rebuilt(seed_data, capsys):
    vectors_path = current_folder(seed_data / "index") / "vectors.npy"
    vectors = np.load(vectors_path, mmap_mode="r+")
    vectors[:] = np.nan
    vectors.flush()
    del vectors
    engine = open_engine(seed_data)
    assert "与校验和不符" in capsys.readouterr().err
    assert not np.isnan(np.load(current_folder(seed_data / "index") / "vectors.npy")).any()
    assert engine.search(QUESTION, top_k=1).hits


def test_a_damaged_store_is_said_so_with_the_backup_to_use(seed_data):
    damage(current_folder(seed_data / "index") / "vectors.npy", 1)  # the index must be rebuilt from the store
    store_path = seed_data / "store.sqlite3"
    data = bytearray(store_path.read_bytes())
    page = 4096
    data[3 * page:len(data) - page] = random.Random(2).randbytes(len(data) - 4 * page)
    store_path.write_bytes(bytes(data))
    with pytest.raises((IndexUnavailable, StoreError)) as caught:
        open_engine(seed_data)
    message = str(caught.value)
    assert "已损坏" in message and "备份" in message and "store.sqlite3" in message


@pytest.mark.parametrize("command", [["qa", "search", QUESTION], ["qa", "ask", QUESTION], ["ingest", "docs"]],
                         ids=" ".join)
def test_a_store_damaged_behind_a_sound_index_is_said_so_by_every_command(seed_data, command):
    store_path = seed_data / "store.sqlite3"
    data = bytearray(store_path.read_bytes())
    page = 4096
    data[3 * page:len(data) - page] = random.Random(2).randbytes(len(data) - 4 * page)
    store_path.write_bytes(bytes(data))
    done = subprocess.run([sys.executable, "-m", *command, "--data", str(seed_data)], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "已损坏" in done.stderr and "备份" in done.stderr and "store.sqlite3" in done.stderr


# --- 12. a manifest of valid JSON with wrong types ----------------------------------------------------

@pytest.mark.parametrize("field, value", [("pending", 7), ("encoder", "offline"),
                                          ("files", {"../../etc/passwd": {"size": 1, "crc32": 1}}),
                                          ("clause_hashes", [1, 2, 3])])
def test_a_manifest_with_wrong_types_is_rebuilt_not_a_crash(seed_data, capsys, field, value):
    folder = current_folder(seed_data / "index")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    data = json.dumps({**manifest, field: value}, ensure_ascii=False).encode("utf-8")
    (folder / "manifest.json").write_bytes(data)
    (folder / "manifest.crc32").write_text(f"{zlib.crc32(data):08x}\n")  # as if written so: only its types are wrong
    engine = open_engine(seed_data)
    assert "索引：正在更新" in capsys.readouterr().err
    assert engine.search(QUESTION, top_k=1).hits


# --- 13. a read-only data folder -----------------------------------------------------------------------

@contextmanager
def read_only_copy(source: Path) -> Iterator[Path]:
    """A copy of a data folder on a read-only file system (root), else with write permission taken away."""
    with tmpfs("64m") as disk:
        if disk is None and os.geteuid() == 0:
            pytest.skip("root ignores file permissions and this process cannot mount a read-only tmpfs")
        data = (disk or Path(tempfile.mkdtemp())) / "data"
        shutil.copytree(source, data)
        if disk is not None:
            subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        else:
            subprocess.run(["chmod", "-R", "a-w", str(data)], check=True)
        try:
            yield data
        finally:
            subprocess.run(["chmod", "-R", "u+w", str(data)], capture_output=True)


def test_a_read_only_data_folder_searches_and_refuses_writes_in_chinese(seed_data, tmp_path, capsys):
    add_document(seed_data, tmp_path)  # stale: the engine would like to rebuild but must not need to
    with read_only_copy(seed_data) as data:
        engine = open_engine(data)
        err = capsys.readouterr().err
        assert "不可写" in err and "Traceback" not in err
        assert engine.search(QUESTION, top_k=1).hits
        with pytest.raises(StoreReadOnly, match="不可写"):
            engine.store.remove_document(engine.store.documents()[0].doc_id)
        (tmp_path / "new.txt").write_text(plan_text(), encoding="utf-8")
        result = subprocess.run([sys.executable, "-m", "ingest", str(tmp_path / "new.txt"), "--data", str(data)],
                                cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert result.returncode == 1 and "不可写" in result.stderr
        assert "Traceback" not in result.stderr and "move it away" not in result.stderr
        search = subprocess.run([sys.executable, "-m", "qa", "search", QUESTION, "--data", str(data)],
                                cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert search.returncode == 0 and "蓝碳" in search.stdout


# --- 14. worker processes die with their parent ------------------------------------------------------

PARENT = """
import sys
sys.path.insert(0, {root!r})
from pathlib import Path
from ingest.lock import write_lock
from ingest.pipeline import ingest_paths
from ingest.store import Store
with write_lock({data!r}):
    ingest_paths([Path({docs!r})], Store(Path({data!r}) / "store.sqlite3"), show_progress=False)
"""


def test_killing_the_parent_kills_its_workers_and_frees_the_write_lock_at_once(tmp_path):
    docs, data = tmp_path / "docs", tmp_path / "data"
    docs.mkdir()
    for n in range(16):
        lines = (f"{i % 99 + 1}. 推进第{n}-{i}项重点工程建设，加快形成绿色低碳生产生活方式。" for i in range(9000))
        (docs / f"plan{n}.txt").write_text("\n".join(lines), encoding="utf-8")
    script = PARENT.format(root=str(ROOT), data=str(data), docs=str(docs))
    parent = subprocess.Popen([sys.executable, "-c", script])
    workers = _wait_for_children(parent.pid, 2)
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    started = time.monotonic()
    with write_lock(data, wait_s=3):
        freed = time.monotonic() - started
    _, alive = psutil.wait_procs(workers, timeout=2)
    assert not alive and freed < 2


def _wait_for_children(pid: int, count: int) -> list[psutil.Process]:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        children = psutil.Process(pid).children()
        if len(children) >= count:
            time.sleep(0.5)  # let them take their first files
            return psutil.Process(pid).children()
        time.sleep(0.05)
    raise AssertionError("the ingest started no worker processes")


# --- 15. a replacement seen by concurrent searches -----------------------------------------------------

def test_searches_during_replacements_always_see_the_document(seed_data, tmp_path):
    engine = open_engine(seed_data)
    source = CORPUS / "taishan_tandafeng_shishi_fangan.txt"
    original = source.read_text(encoding="utf-8")
    versions = [original.replace("台山市碳达峰实施方案", f"台山市碳达峰实施方案（第{n}稿）") for n in range(2)]
    seen: list[bool] = []
    stop = threading.Event()

    def search() -> None:
        while not stop.is_set():
            hits = engine.search("台山 绿色节能低碳建筑", top_k=10).hits
            seen.append(any(hit.source == source.name for hit in hits))
            time.sleep(0.01)

    searcher = threading.Thread(target=search)
    searcher.start()
    store = Store(load_config(seed_data).store_path)
    try:
        for text in versions:
            (tmp_path / source.name).write_text(text, encoding="utf-8")
            with write_lock(seed_data):
                assert ingest_file(tmp_path / source.name, store).replaced
            time.sleep(0.2)  # searches against the index built on the earlier version
            engine.refresh()
    finally:
        stop.set()
        searcher.join()
        store.close()
    assert len(seen) > 10 and all(seen), f"{seen.count(False)} of {len(seen)} answers lacked the document"
