"""The analyzer's word cutters and its traditional-to-simplified step: every one gives the index the same terms."""
from __future__ import annotations

import random

import pytest

from index.simplified import getdict, to_simplified, zhconv
from index.tokenize import DATA, Analyzer

TEXTS = [
    "推进光伏发电和光储充一体化项目，2025年达到30万千瓦。",
    "到2030年，城镇新建建筑全面执行绿色建筑标准，星级绿色建筑占比达到30%以上；-5%至15%。",
    "LED灯具、5G基站与数据中心PUE降至1.3以下，新能源汽车充电桩3.5万个",
    "臺山市人民政府關於印發碳達峰實施方案的通知（台府〔2024〕12號）",
    "「智慧型」電網與資料中心的分佈式光伏",
    "成文日期：2024-08-05 发文机关：江门市发展和改革局",
    "", "的了。", "abc 123",
]


def analyzer_with(segmenter: str) -> Analyzer:
    module = pytest.importorskip(segmenter)
    return Analyzer(DATA / "user_dict.txt", DATA / "synonyms.txt", segmenter=module)


@pytest.fixture(scope="module")
def reference() -> Analyzer:
    return analyzer_with("jieba_fast")


@pytest.fixture(scope="module")
def candidate() -> Analyzer:
    return analyzer_with("jieba_next")


def test_jieba_next_gives_jieba_fasts_terms_and_query_weights(reference, candidate):
    for text in TEXTS:
        assert candidate.terms(text) == reference.terms(text), text
        assert candidate.query(text) == reference.query(text), text


def test_parts_of_speech_are_jieba_fasts_whatever_cuts_the_words(reference, candidate):
    for text in TEXTS:
        assert candidate.tagger().lcut(text) == reference.tagger().lcut(text)


def test_an_index_names_jieba_fast_tokens_when_either_cuts_them(reference, candidate):
    assert candidate.settings() == reference.settings()


def test_a_repeated_passage_gives_its_terms_again_as_a_new_list(candidate):
    analyzer = candidate
    first = analyzer.terms(TEXTS[0])
    first.append("changed")
    assert analyzer.terms(TEXTS[0]) == first[:-1]


def test_to_simplified_is_zhconv_on_text_and_on_random_runs_of_its_table_keys():
    keys = sorted(getdict("zh-cn"))
    rng = random.Random(3)
    runs = ["".join(rng.choice(keys + ["的", "，", "a", "1"]) for _ in range(rng.randint(1, 8))) for _ in range(3000)]
    for text in TEXTS + [text.lower() for text in TEXTS] + runs:
        assert to_simplified(text) == zhconv.convert(text, "zh-cn"), text
