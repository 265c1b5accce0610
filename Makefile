# copilot — every target works on a fresh Debian machine: the venv and system packages are made here.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
APT_PACKAGES := portaudio19-dev espeak-ng redis-server postgresql openssl

.PHONY: venv system-deps demo test test-fast bench lint typecheck fixtures train-affect eval-affect export-speaker-model clean

venv: $(STAMP)

# Debian packages copilot needs: PortAudio (pyaudio builds against it), espeak-ng (the voicebot's
# voice), redis-server and postgresql (the multi-worker and store tests start their own),
# openssl (the e-mail delivery tests make a throwaway certificate for their SMTP server);
# chromium is the browser the sidebar and report tests drive through Playwright (which must
# never download its own); npm installs the accessibility checker those tests load.
system-deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "please install Debian packages:$$missing (sudo apt-get install$$missing)"; exit 1; fi; \
	fi

# torch is pinned to the CPU build first so nothing later can pull a CUDA build.
$(STAMP): pyproject.toml | system-deps
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 $(BIN)/pip install -q -e '.[dev,mic,ray,scale,fleet,train]'
	touch $(STAMP)

# Browser-test tools from the npm registry (axe-core, loaded into the pages the UI tests
# check); package-lock.json pins them.
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json | system-deps
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

demo: venv
	$(BIN)/copilot demo

# What CI runs (.ci/run): a lint or type error fails it, naming the check, before any test runs.
test: venv $(NODE_STAMP)
	@$(MAKE) --no-print-directory lint || { echo "make test: lint failed (ruff check / ruff format --check)" >&2; exit 1; }
	@$(MAKE) --no-print-directory typecheck || { echo "make test: typecheck failed (mypy)" >&2; exit 1; }
	$(BIN)/pytest -q -p no:cacheprovider

lint: venv
	$(BIN)/ruff check copilot tests bench audio_fixtures
	$(BIN)/ruff format --check copilot tests bench audio_fixtures

# mypy on copilot/, configured in pyproject.toml ([tool.mypy]).
typecheck: venv
	$(BIN)/mypy

bench: venv
	$(BIN)/python -m bench.run

# Each shipped domain's floors.json: the assist floors per language and audio condition, chosen
# on the development calls heard through whisper (bench/assist_floors.py; ~15 min on 2 cores).
# `make calibrate-assist CHECK=1` only says whether the committed files agree with a fresh run.
.PHONY: calibrate-assist
calibrate-assist: venv
	@command -v espeak-ng >/dev/null || (apt-get update -qq && apt-get install -y -qq espeak-ng >/dev/null)
	$(BIN)/python -m bench.assist_floors $(if $(CHECK),--check)

# docs/configuration.md, from the comments on the configuration's fields (the tests fail when
# the committed file differs from what this writes).
.PHONY: config-reference
config-reference: venv
	$(BIN)/copilot config-reference > docs/configuration.md.tmp
	mv docs/configuration.md.tmp docs/configuration.md

# The emotion model in models/: USE m3 trimmed to EN + NL pieces, its network fine-tuned
# with the head on GoEmotions (reproducible: same weights on every run; ~17 min on one core).
train-affect: venv
	OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 $(BIN)/python -m copilot.affect.training.finetune

eval-affect: venv
	$(BIN)/python -m copilot.affect.training.head eval

# models/speaker_encoder.onnx: Resemblyzer 0.1.4's GE2E voice encoder (Apache-2.0) as ONNX, for
# splitting mono recordings into agent and customer. The wheel is only downloaded (not
# installed: its librosa is not needed) and the onnx exporter package goes into a temporary
# folder; torch is the venv's (`train` extra). The same wheel gives the same file.
SPEAKER_TMP := $(or $(TMPDIR),/tmp)/copilot-speaker-export
.PHONY: export-speaker-model
export-speaker-model: venv
	rm -rf $(SPEAKER_TMP) && mkdir -p $(SPEAKER_TMP)
	$(BIN)/pip download -q --no-deps -d $(SPEAKER_TMP) resemblyzer==0.1.4
	$(BIN)/pip install -q --target $(SPEAKER_TMP)/pkgs onnx==1.23.2
	PYTHONPATH=$(SPEAKER_TMP)/pkgs $(BIN)/python -m copilot.speakers.export \
	  $(SPEAKER_TMP)/Resemblyzer-0.1.4-py3-none-any.whl
	rm -rf $(SPEAKER_TMP)

# Regenerate the synthetic calls in audio_fixtures/ (needs Debian's espeak-ng).
fixtures: venv
	@command -v espeak-ng >/dev/null || (apt-get update -qq && apt-get install -y -qq espeak-ng >/dev/null)
	$(BIN)/python audio_fixtures/generate_calls.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache bench/out
