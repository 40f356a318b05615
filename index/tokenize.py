"""Text analysis shared by indexing and search: normalisation, jieba words, character bigrams,
question words, synonyms. The same Analyzer turns clauses and questions into terms."""
from __future__ import annotations

import hashlib
import logging
import re
import threading
import unicodedata
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from index.simplified import to_simplified

# jieba 0.42 imports pkg_resources, whose deprecation warning would reach the user's terminal in English
warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)
try:  # jieba with its dictionary search and Viterbi compiled: the same words, cut ~1.7x faster
    import jieba_fast as jieba
    import jieba_fast.posseg as jieba_posseg
except ImportError:
    import jieba
    import jieba.posseg as jieba_posseg
try:  # jieba_fast's cutting with its dictionary search in Rust: the same words (python -m bench.same_tokens), faster
    import jieba_next as cutter
except ImportError:
    cutter = jieba

ANALYZER_VERSION = 2
NGRAM_PREFIX = "_"  # bigrams share the vocabulary with words; the prefix keeps them apart
EXPANSION_WEIGHT = 0.6  # a synonym is weaker evidence than the word the user typed
ABBREVIATION_WEIGHT = 1.0  # an abbreviation means exactly its parts, unlike a looser synonym
# Words, bigrams and unigrams together beat any one of them for Chinese retrieval (Nie et al., SIGIR 2000);
# n-grams count for less because they overlap and repeat what the words already say.
WORD_WEIGHT = 1.0
BIGRAM_WEIGHT = 0.5
UNIGRAM_WEIGHT = 0.2
DATA = Path(__file__).parent / "data"
WORD_CACHE_SIZE = 200_000  # distinct words whose index terms are remembered

_CONTENT = re.compile(r"[\w%‰℃]", re.UNICODE)
_HAN = re.compile(r"[\u3400-\u9fff]")
_ALL_HAN = re.compile(r"[\u3400-\u9fff]*")
# The index's tokens are jieba_fast's words whichever of the two cuts them, so an index stays valid across them
SEGMENTER = "jieba_fast" if cutter.__name__ == "jieba_next" else jieba.__name__
jieba.setLogLevel(logging.WARNING)
cutter.setLogLevel(logging.WARNING)
try:  # plain jieba, which qa.slots and qa.places read words with, sets its logger to DEBUG when imported
    import jieba as plain_jieba

    plain_jieba.setLogLevel(logging.WARNING)
except ImportError:
    pass


@dataclass
class QueryTerms:
    """The weighted terms of a question and the words worth highlighting in a hit."""
    weights: dict[str, float] = field(default_factory=dict)
    words: list[str] = field(default_factory=list)


def normalize(text: str) -> str:
    """Full-width to half-width, traditional to simplified, lower case: one spelling per term."""
    text = unicodedata.normalize("NFKC", text).lower()
    return to_simplified(text) if _HAN.search(text) else text


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16] if path.exists() else "missing"


def read_list(path: Path) -> list[str]:
    """Lines of a data file without comments; a missing file is an empty list."""
    if not path.exists():
        return []
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


class Analyzer:
    """jieba with the policy dictionary, stop words and synonyms, as one callable for both sides."""

    def __init__(self, user_dict: Path, synonyms: Path, stopwords: Path = DATA / "stopwords.txt",
                 segmenter: ModuleType = cutter):
        """segmenter: the module that cuts words (jieba_next, jieba_fast or jieba); the fastest installed."""
        self.paths = {"user_dict": Path(user_dict), "synonyms": Path(synonyms), "stopwords": Path(stopwords)}
        self._jieba = jieba.Tokenizer()  # jieba_fast's: the dictionary as the index knows it, and the tagger's
        self._added: list[tuple[str, int, str | None]] = []  # the words added to it, with their frequencies
        self._lock = threading.Lock()
        self._tagger: jieba_posseg.POSTokenizer | None = None
        self._word_cache: dict[str, list[str]] = {}
        self._content: dict[str, str] = {}  # a cut word -> the content word it is, "" for one that ends a run
        self._last_terms: tuple[str | None, tuple[str, ...]] = (None, ())
        self._load_user_dict(self.paths["user_dict"])
        self.abbreviations: list[tuple[str, list[str]]] = []
        self.stopwords = {normalize(w) for line in read_list(self.paths["stopwords"]) for w in line.split()}
        self.synonyms = self._synonym_groups(self.paths["synonyms"])
        self._inner_keys = frozenset({short for short, _ in self.abbreviations} | {w for w in self.synonyms if len(w) > 1})
        self._key_sizes = range(min(map(len, self._inner_keys), default=1), max(map(len, self._inner_keys), default=0) + 1)
        self._cutter = self._jieba if segmenter is jieba else self._same_words(segmenter)

    def _load_user_dict(self, path: Path) -> None:
        for line in read_list(path):
            parts = line.split()
            self._add_word(normalize(parts[0]), int(parts[1]) if len(parts) > 1 else None,
                           parts[2] if len(parts) > 2 else None)

    def _add_word(self, word: str, freq: int | None = None, tag: str | None = None) -> None:
        """jieba's add_word, the frequency it suggests when none is given (one that cuts the word out) written down."""
        freq = self._jieba.suggest_freq(word, False) if freq is None else int(freq)
        self._jieba.add_word(word, freq, tag)
        self._added.append((word, freq, tag))

    def _same_words(self, segmenter: ModuleType):
        """segmenter's tokenizer given the same words at the same frequencies (jieba_next would rebuild its whole
        prefix dictionary to suggest each frequency again: seconds at every start)."""
        tokenizer = segmenter.Tokenizer()
        for word, freq, tag in self._added:
            tokenizer.add_word(word, freq, tag)
        return tokenizer

    def _synonym_groups(self, path: Path) -> dict[str, list[str]]:
        groups: dict[str, list[str]] = {}
        for line in read_list(path):
            if "=" in line:
                self._abbreviation(line)
                continue
            words = [normalize(w) for w in re.split(r"[\s/]+", line) if w]
            for word in words:
                self._add_word(word)
                groups.setdefault(word, []).extend(w for w in words if w != word)
        return groups

    def _abbreviation(self, line: str) -> None:
        """光储充 = 光伏 储能 充电: the short form and the set of its parts stand for each other."""
        short, parts = (normalize(side).strip() for side in line.split("=", 1))
        self._add_word(short)
        self.abbreviations.append((short, parts.split()))

    def expansions(self, text: str) -> list[str]:
        """Abbreviations whose parts the text names (two at least), and the parts of abbreviations it uses."""
        found = []
        for short, parts in self.abbreviations:
            if short in text:
                found.extend(parts)
            elif sum(part in text for part in parts) >= min(2, len(parts)):
                found.append(short)
        return found

    def inner_words(self, word: str) -> list[str]:
        """Abbreviations and synonyms written inside a longer word: 光储充 in 光储充一体化.

        jieba keeps the longest dictionary word, so without this a clause saying 光储充一体化 would
        never meet a question saying (or expanded to) 光储充."""
        found = {word[start:start + size] for size in self._key_sizes if size < len(word)
                 for start in range(len(word) - size + 1)} & self._inner_keys
        return sorted(found)

    def settings(self) -> dict:
        """What an index depends on: a change here means the stored tokens are stale."""
        hashes = {name: file_hash(path) for name, path in self.paths.items()}
        return {"analyzer": ANALYZER_VERSION, "segmenter": SEGMENTER, "ngrams": [1, 2], **hashes}

    def tagger(self) -> jieba_posseg.POSTokenizer:
        """Part-of-speech tagging over the same dictionary (place and organisation names), by jieba_fast's
        tagger, whose tags jieba_next's does not reproduce. Made once: making one reads the dictionary file again."""
        with self._lock:
            if self._tagger is None:
                self._tagger = jieba_posseg.POSTokenizer(self._jieba)
        return self._tagger

    def cut(self, normalized: str) -> list[str]:
        with self._lock:  # jieba's lazy initialisation is not thread-safe
            self._cutter.check_initialized()
        return self._cutter.lcut(normalized, HMM=True)

    def runs(self, text: str) -> list[list[str]]:
        """Content words grouped into runs; stop words and punctuation end a run."""
        runs: list[list[str]] = [[]]
        content = self._content
        for word in self.cut(normalize(text)):
            kept = content.get(word)
            if kept is None:
                kept = self._content_word(word)
            if kept:
                runs[-1].append(kept)
            else:
                runs.append([])
        return [run for run in runs if run]

    def _content_word(self, word: str) -> str:
        """The word without spaces and prefix characters, or "" for a stop word or punctuation; remembered."""
        if len(self._content) >= WORD_CACHE_SIZE:
            self._content.clear()
        kept = word.strip().strip(NGRAM_PREFIX)
        kept = self._content[word] = kept if kept and kept not in self.stopwords and _CONTENT.search(kept) else ""
        return kept

    def terms(self, text: str) -> list[str]:
        """Index terms of a passage: content words plus the character bigrams and unigrams of each run
        (a run's bigrams are those inside its words and those across each word boundary). The last passage's
        are remembered: the context field repeats a document's title and headings clause after clause."""
        last_text, last_terms = self._last_terms
        if text == last_text:
            return list(last_terms)
        out: list[str] = []
        for run in self.runs(text):
            out.extend(self._word_terms(run[0]))
            for before, word in zip(run, run[1:]):
                out.extend(self._word_terms(word))
                if _HAN.match(before[-1]) or _HAN.match(word[0]):
                    out.append(NGRAM_PREFIX + before[-1] + word[0])
        self._last_terms = (text, tuple(out))
        return out

    def _word_terms(self, word: str) -> list[str]:
        """A word's own index terms: itself, the keys written inside it, its bigrams and Han characters.
        Remembered, since words repeat (the cache is emptied when full)."""
        found = self._word_cache.get(word)
        if found is None:
            if len(self._word_cache) >= WORD_CACHE_SIZE:
                self._word_cache.clear()
            found = self._word_cache[word] = [word, *self.inner_words(word), *bigrams(word), *unigrams(word)]
        return found

    def query(self, text: str) -> QueryTerms:
        """Weighted terms of a question: words 1, n-grams lower, synonyms lower still."""
        result = QueryTerms()
        for run in self.runs(text):
            _add_run(result, run, 1.0)
            for word in run:
                for part in self.inner_words(word):
                    result.weights[part] = max(result.weights.get(part, 0.0), WORD_WEIGHT)
                for synonym in self.synonyms.get(word, []):
                    for synonym_run in self.runs(synonym):
                        _add_run(result, synonym_run, EXPANSION_WEIGHT)
        for expansion in self.expansions(normalize(text)):
            for expansion_run in self.runs(expansion):
                _add_run(result, expansion_run, ABBREVIATION_WEIGHT)
        return result


def bigrams(run: str) -> list[str]:
    """Overlapping character pairs, so that 制冷能效 meets 能效 and 制冷 even when jieba cuts differently."""
    pairs = [run[i:i + 2] for i in range(len(run) - 1)]
    if _ALL_HAN.fullmatch(run):
        return [NGRAM_PREFIX + pair for pair in pairs]
    return [NGRAM_PREFIX + pair for pair in pairs if _HAN.search(pair)]


def unigrams(run: str) -> list[str]:
    """Single Han characters: the only evidence shared by an abbreviation (光储充) and its parts (光伏, 储能)."""
    return [NGRAM_PREFIX + char for char in _HAN.findall(run)]


def _add_run(result: QueryTerms, run: list[str], weight: float) -> None:
    joined = "".join(run)
    grams = [(run, WORD_WEIGHT), (bigrams(joined), BIGRAM_WEIGHT), (unigrams(joined), UNIGRAM_WEIGHT)]
    for terms, share in grams:
        for term in terms:
            result.weights[term] = max(result.weights.get(term, 0.0), weight * share)
    result.words.extend(word for word in run if word not in result.words)


def analyzer_for(config) -> Analyzer:
    return Analyzer(config.user_dictionary, config.synonyms)
