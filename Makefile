PYTHON ?= python3
DATA ?= data

.PHONY: install install-dev app test test-slow bench

install:
	$(PYTHON) -m pip install -q -r requirements.txt

install-dev: install
	$(PYTHON) -m pip install -q -r requirements-dev.txt
	@command -v chromium >/dev/null && fc-list :lang=zh | grep -q . || (apt-get update -qq && apt-get install -y -qq chromium fonts-noto-cjk >/dev/null)

app: install
	$(PYTHON) -m ui --data $(DATA)

test: install-dev
	$(PYTHON) -m pytest -q

test-slow: install-dev
	$(PYTHON) -m pytest -q -m slow

bench: install
	$(PYTHON) -m bench
