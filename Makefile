# One task runner. `make demo` and `make test` work on a fresh machine with only Python 3.11.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install demo test lint bench clean-out serve

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,web,spark,postgres,embed,parquet]'
	touch $@

demo: install
	$(BIN)/marsad analyze examples --out out; status=$$?; [ $$status -le 1 ] || exit $$status
	@echo "Open the report: $(CURDIR)/out/report.html"

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check marsad tests benchmarks
	$(BIN)/mypy marsad

bench: install
	for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean-out:
	rm -rf out

serve: install
	$(BIN)/marsad serve --db out/marsad.db
