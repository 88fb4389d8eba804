# Two commands matter: `make run` (the app on the sample article) and `make test` (the whole suite).
# Both create .venv and install the pinned requirements on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STREAMLIT_FLAGS := --server.address 127.0.0.1 --server.port $(or $(PORT),8501) \
	--server.fileWatcherType none --browser.gatherUsageStats false

.PHONY: install system-deps run test lint bench evaluate lexicon screenshot clean

$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

install: $(BIN)/.installed

# Debian packages for the browser tests: chromium and the Noto Devanagari font.
system-deps:
	bash scripts/install-system-deps.sh

run: install
	$(BIN)/streamlit run streamlit_app.py $(STREAMLIT_FLAGS)

test: install system-deps
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q -ra

# Refresh the README picture docs/reading-page.png from the browser test.
screenshot: install system-deps
	UPDATE_README_SCREENSHOT=1 $(BIN)/python -m pytest -q tests/browser/test_reading_page.py -k readme_screenshot

lint: install
	$(BIN)/ruff check .

evaluate: install
	$(BIN)/python -m assistant evaluate segmentation
	$(BIN)/python -m assistant evaluate lexicon
	$(BIN)/python -m assistant evaluate senses
	$(BIN)/python -m assistant evaluate hand
	$(BIN)/python -m assistant evaluate alignment

bench: install
	$(BIN)/python scripts/bench_lexicon.py
	$(BIN)/python scripts/bench_translate.py
	$(BIN)/python scripts/bench_export.py
	$(BIN)/python scripts/bench_align.py
	$(BIN)/python scripts/bench_page.py

lexicon: install
	$(BIN)/python -m assistant lexicon build

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache artifacts
