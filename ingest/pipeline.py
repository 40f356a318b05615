"""Files → clean text → clause tree → records in the store."""
from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from config import Config
from ingest.clean import clean_text
from ingest.details import add_details, refresh_statuses
from ingest.limits import Limits, check_clauses, check_paragraphs, check_text
from ingest.metadata import extract_metadata
from ingest.properties import file_properties
from ingest.readers import EmptyFileError, IngestError, check_file, escaped_bytes_read, read_text, supported_suffixes
from ingest.records import Clause, Document, clause_id
from ingest.store import Store
from ingest.structure import Section, pieces, sections

# Part of every document's fingerprint: a new parser version re-reads files that did not change.
# 5: a .docx with Word's automatic numbering now keeps its 一、（一）1. (ingest/docx_numbering.py).
# 10: a line that stops on 和/及/的/、 goes on across a blank line (PDF text: …单位和 / 其他…).
# 11: the imprint line (…办公室 2024年9月28日印发) stays, in the 落款 clause, instead of being dropped.
PARSER_VERSION = "12"
PARALLEL_MIN_FILES = 8  # below this, starting worker processes costs more than parsing in one


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)  # doc ids
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    clauses: int = 0  # clauses written in this run
    failures: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (file, source already holding the same content)

    @property
    def documents(self) -> int:
        return len(self.added) + len(self.replaced) + len(self.unchanged)

    def merge(self, other: IngestReport) -> None:
        for name in ("added", "replaced", "unchanged", "removed", "failures", "duplicates"):
            getattr(self, name).extend(getattr(other, name))
        self.clauses += other.clauses


class DuplicateNameError(IngestError):
    """Two files of one batch share a file name, so the second would replace the first."""


@dataclass
class Parsed:
    """What a worker made of one file: its fingerprint, and the records unless it was unchanged."""
    sha256: str
    document: Document | None = None
    clauses: list[Clause] = field(default_factory=list)


def ingest_paths(paths: list[Path], store: Store, show_progress: bool = True,
                 config: Config | None = None) -> IngestReport:
    """Ingest files and folders (recursively); a file that fails is reported and the rest go on.
    Files are read and parsed in worker processes, and written to the store in order by this one."""
    report = IngestReport()
    files, missing = collect_files(paths, skip=store.path.parent)
    report.failures.extend(missing)
    jobs, seen = [], {}
    known, max_chars, limits = store.fingerprints(), (config or Config()).max_clause_chars, Limits.of(config)
    for path in files:
        name = safe_source_name(path.name)
        if name in seen:
            report.failures.append((str(path), f"与 {seen[name]} 同名；请把其中一个改名"))
            continue
        seen[name] = path
        jobs.append((path, name, known.get(name, ("", ""))[1], max_chars, limits))
    for (path, name, *_), outcome in _progress(_parse_all(jobs), len(jobs), show_progress):
        report.merge(_store_outcome(path, name, outcome, store))
    if report.added or report.replaced:
        refresh_statuses(store)
    return report


def ingest_file(path: str | Path, store: Store, source_name: str | None = None,
                config: Config | None = None) -> IngestReport:
    """Ingest one file, cited under source_name (the user's file name, without any folders) if given."""
    path = Path(path)
    source = safe_source_name(source_name or path.name)
    known = store.fingerprints([source]).get(source, ("", ""))[1]
    outcome = _parse_job((path, source, known, (config or Config()).max_clause_chars, Limits.of(config)))
    report = _store_outcome(path, source, outcome, store)
    if report.added or report.replaced:
        refresh_statuses(store)
    return report


def _parse_all(jobs: list[tuple]):
    """(job, Parsed or error message) in the order of the jobs."""
    from workers import cores, die_with_parent, process_context

    workers = min(cores(), len(jobs))
    if workers < 2 or len(jobs) < PARALLEL_MIN_FILES:
        yield from ((job, _parse_job(job)) for job in jobs)
        return
    with process_context(["ingest.pipeline"]).Pool(workers, die_with_parent) as pool:
        yield from zip(jobs, pool.imap(_parse_job, jobs, chunksize=4))


def _parse_job(job: tuple) -> Parsed | str:
    """Read and parse one file, unless its fingerprint equals the stored one; an error becomes its message."""
    path, source, known_sha, max_clause_chars, limits = job
    try:
        suffix = path.suffix if path.suffix.lower() in supported_suffixes() else Path(source).suffix
        check_file(path, suffix)
        sha = hashlib.sha256(PARSER_VERSION.encode() + path.read_bytes()).hexdigest()
        if sha == known_sha:
            return Parsed(sha)
        document, clauses = parse_document(read_text(path, suffix, limits=limits), source, max_clause_chars, limits,
                                           file_properties(path, suffix))
        document.sha256 = sha
        return Parsed(sha, document, clauses)
    except IngestError as error:
        return str(error)
    except OSError as error:
        return f"无法读取文件（{error.strerror or error}）"


def _store_outcome(path: Path, source: str, outcome: Parsed | str, store: Store) -> IngestReport:
    report = IngestReport()
    if isinstance(outcome, str):
        report.failures.append((str(path), outcome))
        return report
    earlier = store.fingerprints([source]).get(source)
    if outcome.document is None:
        report.unchanged.append(earlier[0] if earlier else make_doc_id(source))
        return report
    twin = store.document_by_sha256(outcome.sha256)
    if twin is not None and twin.source != source:
        report.duplicates.append((str(path), twin.source))
        return report
    store.put_document(outcome.document, outcome.clauses)
    (report.replaced if earlier is not None else report.added).append(outcome.document.doc_id)
    report.clauses += len(outcome.clauses)
    return report


def parse_document(raw: str, source: str, max_clause_chars: int = 1200, limits: Limits | None = None,
                   properties: dict[str, str] | None = None) -> tuple[Document, list[Clause]]:
    """A document and its clause records from raw text (and the file's own properties, used where the
    text says nothing); raises EmptyFileError when no text is left and TooLargeError past a work cap."""
    properties = properties or {}
    limits = limits or Limits()
    text = clean_text(check_text(raw, limits))
    if not text.strip():
        raise EmptyFileError("去掉页眉页脚、页码和标记后没有剩下文字。")
    check_paragraphs(text.count("\n") + 1, limits)  # before the heading parser, whose work grows with them
    doc_id = make_doc_id(source)
    found = sections(text)
    head = _head(text, found)
    meta = extract_metadata(raw, head, properties.get("title") or Path(source).stem)
    document = add_details(Document(doc_id=doc_id, title=meta.title, source=source, doc_number=meta.doc_number,
                                    issuer=meta.issuer or properties.get("issuer", ""),
                                    date_written=meta.date_written, date_published=meta.date_published,
                                    text=text), properties)
    clauses = [
        Clause(id=clause_id(doc_id, seq), doc_id=doc_id, document=meta.title, source=source, clause=piece.clause,
               heading=piece.heading, text=text[piece.start:piece.end], start=piece.start, end=piece.end, seq=seq)
        for seq, piece in enumerate(pieces(text, max_clause_chars, found))
    ]
    check_clauses(len(clauses), limits)
    document.clauses = len(clauses)
    return document, clauses


def _head(text: str, found: list[Section]) -> list[str]:
    """The paragraphs before the first numbered heading (where the title and 文号 stand)."""
    first = found[0] if found and not found[0].labels else None
    return text[first.start:first.end].split("\n") if first else []


def make_doc_id(source: str) -> str:
    """Stable per file name: a readable slug of the name plus a short hash of it."""
    stem = Path(source).stem
    slug = re.sub(r"[^\w]+", "-", stem, flags=re.UNICODE).strip("-_").lower()[:40] or "doc"
    return f"{slug}-{hashlib.sha1(source.encode('utf-8')).hexdigest()[:6]}"


def safe_source_name(name: str) -> str:
    """The bare file name: no folders, no '..', no control characters."""
    base = re.split(r"[\\/]", escaped_bytes_read(name).replace("\x00", ""))[-1]
    base = re.sub(r"[\x00-\x1f\x7f]", "", base).strip().lstrip(".").strip()
    return base[:200] or "upload"


def collect_files(paths: list[Path], skip: Path | None = None) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files named or found under the folders named (hidden files and what the product wrote into the data
    folder skipped), and the paths that do not exist."""
    files: list[Path] = []
    missing: list[tuple[str, str]] = []
    skip = skip.resolve() if skip is not None else None
    for path in map(Path, paths):
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p.relative_to(path))
                            and not _built(p, skip))
        elif path.is_file():
            files.append(path)
        else:
            missing.append((str(path), "文件或文件夹不存在。"))
    unique = list(dict.fromkeys(p.resolve() for p in files))
    return unique, missing


def _built(path: Path, data_dir: Path | None) -> bool:
    """A file the product wrote into its data folder (store, index), not a document to ingest."""
    inside = data_dir is not None and path.resolve().is_relative_to(data_dir)
    return inside and path.suffix.lower() not in supported_suffixes()


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _progress(items, total: int, show: bool):
    if not show:
        return items
    from tqdm import tqdm

    return tqdm(items, total=total, desc="导入", unit="份", file=sys.stderr)


def remove_documents(store: Store, text: str) -> IngestReport:
    """Remove the document whose id or file name is text (or the only one whose title contains it)."""
    report = IngestReport()
    document = one_document(store, text)
    store.remove_document(document.doc_id)
    refresh_statuses(store)  # what it repealed or replaced is in force again
    report.removed.append(document.doc_id)
    return report


def one_document(store: Store, text: str) -> Document:
    """The document whose id or file name is text, or the only one whose title contains it."""
    exact = [d for d in store.documents() if text in (d.doc_id, d.source)]
    matches = exact or store.find_documents(text)
    if len(matches) > 1:
        names = ", ".join(d.doc_id for d in matches)
        raise AmbiguousDocumentError(f"“{text}”与 {len(matches)} 份文件相符（{names}）；请给出文件编号 doc_id")
    if not matches:
        raise UnknownDocumentError(f"没有文件与“{text}”相符；文件编号见 python -m ingest docs")
    return matches[0]


def edit_document(store: Store, text: str, values: dict[str, str]) -> Document:
    """Set the fields a user gave on one document (each checked first, FieldError if one is refused); a
    region is written as its full path (广东 → 广东省). The library's statuses follow."""
    from ingest.fields import checked_value
    from ingest.region import find_region

    document = one_document(store, text)
    checked = {name: checked_value(name, value) for name, value in values.items()}
    if checked.get("region"):
        checked["region"] = find_region(checked["region"])
    document = store.update_fields(document.doc_id, checked)
    refresh_statuses(store)
    return store.document(document.doc_id)


class UnknownDocumentError(IngestError):
    """No document has that id, file name or title."""


class AmbiguousDocumentError(IngestError):
    """More than one document matches."""
