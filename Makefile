# Tsuzuri: `make run` opens the editor, `make test` runs the whole suite headless.
# Both set up everything first (system packages, .venv, Python packages).

PY := .venv/bin/python
ARGS ?=
# Chromium (inside QtWebEngine) refuses its sandbox as root; the app sets this itself too.
export QTWEBENGINE_DISABLE_SANDBOX := 1
XVFB := xvfb-run -a -s "-screen 0 1600x1000x24"

.PHONY: setup setup-test run test lint format check bench fidelity clean translations dist

setup:
	@bash tools/setup.sh

setup-test:
	@bash tools/setup.sh --test

run: setup
	$(PY) -m editor $(ARGS)

lint: setup-test
	$(PY) -m ruff check editor tests benchmarks tools
	$(PY) -m ruff format --check editor tests benchmarks tools

format: setup-test
	$(PY) -m ruff format editor tests benchmarks tools
	$(PY) -m ruff check --fix editor tests benchmarks tools

# Most tests run on Qt's offscreen platform; the ones marked `xserver` need a real X server with
# fonts (screenshots) and run under Xvfb.
test: lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m "not xserver" $(PYTEST_ARGS)
	$(XVFB) $(PY) -m pytest -m xserver $(PYTEST_ARGS)

check: test

# Find every tr() string, fold in resources/i18n/incoming/*.tsv, list what is untranslated, and
# compile the .qm files the window loads (setup compiles them too).
translations: setup
	$(PY) tools/i18n.py update
	$(PY) tools/i18n.py build

# Every figure of the benchmarks (issue 18's: keystroke → preview, the UI thread, the peers, cold
# start, memory, the doctor) in one table and build/benchmarks.json, then that table in the
# README.  The peers install into build/bench-venv, never into .venv.  No display needed.
bench: setup-test
	@bash tools/bench_venv.sh
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/run.py; status=$$?; \
	$(PY) tools/bench_table.py && exit $$status

# The wheel and sdist (python -m build) and the Linux bundle: dist/tsuzuri/ (PyInstaller, one
# folder) and dist/tsuzuri-<version>-linux-x86_64.tar.zst.  The tools go into build/dist-venv,
# never into .venv.  tests/test_dist_bundle.py (marked slow, part of `make test`) runs the
# bundle's --self-test in a clean environment.
dist:
	@bash tools/dist_venv.sh
	build/dist-venv/bin/python tools/i18n.py build
	build/dist-venv/bin/python -m build --outdir dist .
	bash packaging/build_bundle.sh

clean:
	rm -rf .venv build dist .pytest_cache .hypothesis

# Measure the preview against the real Jekyll; record newly agreeing blocks (never a regression)
# in tests/fidelity/baseline.json and the figures in docs/fidelity.md.
fidelity: setup-test
	$(PY) -m tests.fidelity --update
