# One Makefile; CI calls `make test`. Every target bootstraps .venv itself.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test test-fast lint format bench quality schema samples clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)  ## Start the app on http://localhost:8501
	$(BIN)/streamlit run streamlit_app.py

test: lint  ## Lint, then every test (unit, slow and browser)
	$(BIN)/python -m pytest

test-fast: $(STAMP)  ## Unit tests only
	$(BIN)/python -m pytest -m "not slow and not e2e"

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy screener

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(STAMP)  ## Speed figures (printed, not asserted)
	$(BIN)/python -m screener.bench

quality: $(STAMP)  ## Quality on real resumes in ../shared/corpora (figures, not asserted)
	$(BIN)/python -m screener.bench quality

schema: $(STAMP)  ## Regenerate role_specs/schema.json
	$(BIN)/screener spec schema > role_specs/schema.json

samples: $(STAMP)  ## Regenerate the PDF/DOCX sample resumes
	$(BIN)/python scripts/make_samples.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
