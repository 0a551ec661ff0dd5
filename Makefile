# The two commands a new machine needs: `make demo` and `make test` (README).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Re-install whenever the dependency list changes.
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
# The course's offline copy of CIFAR-10, when this checkout sits beside one.
SHARED_CIFAR := $(wildcard ../shared/data/cifar10-jpg.tar.gz)
ifneq ($(SHARED_CIFAR),)
export CNNLAB_DATA ?= $(abspath $(SHARED_CIFAR))
endif
# nbgrader runs `alembic` by name: the venv's bin/ must come first on PATH.
RUN := PATH="$(abspath $(BIN)):$$PATH" VIRTUAL_ENV="$(abspath $(VENV))"

.PHONY: setup demo test lint bench release clean-venv

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

demo: $(STAMP)
	$(RUN) $(BIN)/cnnlab demo

test: $(STAMP)
	$(RUN) $(BIN)/ruff check .
	$(RUN) $(BIN)/python -m pytest

lint: $(STAMP)
	$(RUN) $(BIN)/ruff check .

bench: $(STAMP)
	for script in bench/*.py; do $(RUN) $(BIN)/python $$script || exit 1; done

clean-venv:
	rm -rf $(VENV)
