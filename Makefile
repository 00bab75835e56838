# newslens: `make report` runs every notebook on the bundled article; `make test` runs all tests.
# Both create .venv and install the project into it first (Python 3.11+, pip and make are all they need).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.newslens-installed
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]-*.ipynb))
# the notebooks of one article (08 is the corpus notebook: make corpus runs it)
ARTICLE_NOTEBOOKS := $(filter-out notebooks/08-%,$(NOTEBOOKS))
NBVAL := --nbval --nbval-current-env --nbval-sanitize-with nbval_sanitize.cfg
ARTICLE ?=
# make corpus / make report CORPUS=<folder or .jsonl/.csv file>: the corpus analysed, charted and reported
CORPUS ?=
BUNDLED_CORPUS := data/external/wikinews-2019-2020.jsonl
CORPUS_SOURCE := $(if $(CORPUS),$(CORPUS),$(BUNDLED_CORPUS))
# the corpus's name (its frames, charts and report are kept under it): NAME=..., else the source's name
NAME ?=
BUNDLED_NAME := $(basename $(notdir $(BUNDLED_CORPUS)))
CORPUS_NAME := $(if $(NAME),$(NAME),$(basename $(notdir $(patsubst %/,%,$(CORPUS_SOURCE)))))
# Jupyter refuses to run as root without this flag; as a normal user it changes nothing.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)
#: extra arguments for `make lab` (e.g. LAB_ARGS="--no-browser --port 8899" on a server)
LAB_ARGS ?=

.DEFAULT_GOAL := help
SHELL := bash
.SHELLFLAGS := -o pipefail -c
# The kernel warns on every start that local TCP is unencrypted; it is noise on a one-user machine.
# two lines of Jupyter noise, not problems: the local kernel's transport note, and ipykernel's log of the
# interrupt the kernel manager sends while shutting an idle kernel down after a finished notebook
QUIET := sed -u -e "/running over TCP without encryption/d" -e "/KeyboardInterrupt caught in kernel/d"
.PHONY: help install report pdf notebooks test unit nbval lab bench clean corpus

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 14

$(STAMP): pyproject.toml
	@echo "installing newslens and its dependencies into $(VENV) from pyproject.toml (a few minutes the first time; once after each change of pyproject.toml)"
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP) ## create .venv and install newslens with its dev tools

notebooks: $(STAMP) ## execute every notebook in order, in place
	@for nb in $(NOTEBOOKS); do \
	  echo "running $$nb"; \
	  $(BIN)/jupyter nbconvert --log-level=WARN --to notebook --execute --inplace \
	    --ExecutePreprocessor.kernel_name=python3 --ExecutePreprocessor.timeout=600 \
	    --ExecutePreprocessor.record_timing=False "$$nb" 2>&1 | $(QUIET) || exit 1; \
	done

ifneq ($(CORPUS),)
report: corpus
else ifeq ($(ARTICLE),)
report: notebooks ## run all notebooks on the bundled article (or ARTICLE=<id> in data/raw); write figures and report
	@echo "wrote:"; ls -1d reports/*.html reports/*.pdf reports/figures/* 2>/dev/null | sed 's/^/  /'
else
report: $(STAMP)
	@mkdir -p build/$(ARTICLE)
	@for nb in $(ARTICLE_NOTEBOOKS); do \
	  echo "running $$nb on $(ARTICLE)"; \
	  $(BIN)/papermill --no-progress-bar --log-level WARNING -k python3 -p ARTICLE "$(ARTICLE)" "$$nb" "build/$(ARTICLE)/$$(basename $$nb)" 2>&1 | $(QUIET) || exit 1; \
	done
	@key=$$($(BIN)/python -c 'import sys; from helpers import config; print(config.article_key(sys.argv[1]))' "$(ARTICLE)"); \
	  echo "executed notebooks in build/$(ARTICLE)/; wrote reports/$$key.html, reports/$$key.pdf, reports/figures/$$key/, data/processed/$$key/"
endif

corpus: $(STAMP) ## analyse the bundled corpus (or CORPUS=<folder or file>) on Dask: frames, charts, reports/corpus-<name>.html
	@# exit status 2 (some articles failed) still builds the notebook and report, then ends the target with 2
	@if [ -n "$(CORPUS)" ] && [ "$(CORPUS)" != "$(BUNDLED_CORPUS)" ] && [ "$(CORPUS_NAME)" = "$(BUNDLED_NAME)" ]; then \
	  echo "make corpus: '$(CORPUS)' would be kept under the bundled corpus's name '$(BUNDLED_NAME)'; choose another with NAME=..." >&2; exit 2; fi
	mkdir -p build; $(BIN)/python -m helpers corpus "$(CORPUS_SOURCE)" --out "data/processed/corpus/$(CORPUS_NAME)"; \
	  status=$$?; test $$status -eq 0 -o $$status -eq 2 || exit $$status; echo $$status > build/corpus-status
ifeq ($(CORPUS),)
	$(BIN)/jupyter nbconvert --log-level=WARN --to notebook --execute --inplace \
	  --ExecutePreprocessor.kernel_name=python3 --ExecutePreprocessor.timeout=600 \
	  --ExecutePreprocessor.record_timing=False notebooks/08-corpus.ipynb 2>&1 | $(QUIET)
else
	@mkdir -p "build/corpus-$(CORPUS_NAME)"
	$(BIN)/papermill --no-progress-bar --log-level WARNING -k python3 -p CORPUS "$(CORPUS_NAME)" -p CREDIT "" \
	  notebooks/08-corpus.ipynb "build/corpus-$(CORPUS_NAME)/08-corpus.ipynb" 2>&1 | $(QUIET)
endif
	@echo "wrote: reports/corpus-$(CORPUS_NAME).html, reports/figures/corpus/$(CORPUS_NAME)/"
	@status=$$(cat build/corpus-status); rm -f build/corpus-status; \
	  if [ "$$status" = 2 ]; then echo "some articles failed: see the articles frame (status, error) and the report"; exit 2; fi

pdf: $(STAMP) ## print reports/<id>.pdf from the frames and figures already made (ARTICLE=<id>, default the bundled one)
	$(BIN)/python -m helpers.present.report $(or $(ARTICLE),rferl-2005-06-24-nato-putin) --pdf

unit: $(STAMP) ## unit tests only
	$(BIN)/pytest -q tests

nbval: $(STAMP) ## re-run every notebook and compare it with its stored outputs
	$(BIN)/pytest -q $(NBVAL) $(NOTEBOOKS)

test: $(STAMP) ## unit tests, then nbval over every notebook
	$(BIN)/pytest -q tests
	$(BIN)/pytest -q $(NBVAL) $(NOTEBOOKS)

bench: $(STAMP) ## benchmarks: quote accuracy, sentiment, throughput
	@for b in benchmarks/*.py; do case $$b in */train_*) continue;; esac; echo "== $$b"; $(BIN)/python $$b || exit 1; done

lab: $(STAMP) ## trust the committed notebooks and open JupyterLab on notebooks/ (LAB_ARGS="--no-browser --port 8899" for a server)
	@# the committed notebooks are this project's own outputs: sign them for this user, so that JupyterLab
	@# shows their interactive tables and styled outputs without running them first
	$(BIN)/jupyter trust $(NOTEBOOKS)
	$(BIN)/jupyter lab --notebook-dir=notebooks $(ROOT_FLAG) $(LAB_ARGS)

clean: ## remove the parse cache, processed frames, figures, report and caches (keeps .venv)
	rm -rf data/interim/* reports/figures/* reports/*.html reports/*.pdf .pytest_cache
	# the shipped frames of the bundled corpus stay (make corpus rebuilds them)
	find data/processed -mindepth 1 -maxdepth 1 ! -name .gitkeep ! -name corpus -exec rm -rf {} +
	find data/processed/corpus -mindepth 1 -maxdepth 1 ! -name wikinews-2019-2020 -exec rm -rf {} + 2>/dev/null || true
	find . -name __pycache__ -prune -exec rm -rf {} + -o -name .ipynb_checkpoints -prune -exec rm -rf {} +
	touch data/interim/.gitkeep data/processed/.gitkeep reports/figures/.gitkeep
