# Everyday commands. `make run` starts the demo portal, `make test` runs every check
# the embedded default can run. Both create the virtual environment when needed.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint check messages compile-messages bench clean install audit lock

# Every package, pip and setuptools included, comes from requirements.lock at the version
# and with the hashes recorded there; the project itself is then installed without
# resolving anything. `make lock` refreshes the lock after a change to pyproject.toml.
$(STAMP): pyproject.toml requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

compile-messages: $(STAMP)
	$(PY) manage.py i18n_compile

# Links in the demo's messages and the printed addresses follow HOST and PORT.
run: export SITE_BASE_URL ?= http://$(HOST):$(PORT)
run: $(STAMP) compile-messages
	$(PY) manage.py migrate --no-input
	$(PY) manage.py seed_demo
	$(PY) manage.py run --addr $(HOST):$(PORT)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check: $(STAMP) compile-messages
	$(PY) manage.py check --fail-level WARNING
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) manage.py i18n_check

test: lint check
	$(VENV)/bin/pytest

# Known vulnerabilities in the installed packages (PyPI advisory data; needs the network).
# --strict: a package that could not be checked is a failure, never a silent pass.
audit: $(STAMP)
	$(VENV)/bin/pip-audit --strict --progress-spinner off

# Refresh locale/*/LC_MESSAGES/django.po from the sources (Babel, no system gettext needed).
messages: $(STAMP)
	$(PY) manage.py i18n_extract

# Speed, measured against a reference in the same run; figures in docs/benchmarks.md.
# The crisis-load suite needs the load generator wrk (Debian's package).
bench: $(STAMP) compile-messages
	@command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null || true
	$(PY) -m benchmarks $(BENCH)

# Re-resolve pyproject.toml (dependencies and the dev extra) into requirements.lock, pinned
# with the hashes of every published file, for Python 3.11 on any platform. Needs PyPI.
# Add --upgrade-package NAME (or --upgrade) to UV_ARGS to move a pin on purpose.
lock: $(STAMP)
	echo "setuptools>=69" | $(VENV)/bin/uv pip compile pyproject.toml - --extra dev \
		--generate-hashes --universal --python-version 3.11 --quiet $(UV_ARGS) \
		--custom-compile-command "make lock" \
		-o requirements.lock

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
	find . -name '*.mo' -delete
