# Two commands: `make run` serves the app, `make test` runs every test (CI runs it too).
# Both install the browser server (the `web` extra); a phone build packages [project].dependencies only.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
ARGS   ?=

.PHONY: run test lint browser bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[web,test]'
	rm -f $(VENV)/.installed-* && touch $(STAMP)

run: $(STAMP)
	$(BIN)/python main.py $(ARGS)

browser:
	@bash scripts/ensure-chromium

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# Fast tests first, so a mistake shows in seconds; the browser journeys last.
test: $(STAMP) browser lint
	$(BIN)/python -m pytest tests/domain tests/storage tests/views $(wildcard tests/test_*.py) tests/e2e

bench: $(STAMP) browser
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) artifacts .pytest_cache .ruff_cache .mypy_cache *.egg-info
