# Exchange Timeline. `make` builds the site into public/; `make test` runs
# every test. Variables: BASE_URL (default /), OUT (default public).

GO       ?= go
BASE_URL ?= /
OUT      ?= public
TIMELINE  = $(GO) run ./generator

.PHONY: all build check serve watch test bench fuzz vet validate validate-build validate-html validate-links a11y screenshots

all: build

build:
	@$(TIMELINE) build -base-url '$(BASE_URL)' -out '$(OUT)'
	@echo "Look at it: make serve, then open http://127.0.0.1:8080/"

check:
	@$(TIMELINE) check

# Build, rebuild on every save, and serve with live reload on ADDR.
ADDR ?= 127.0.0.1:8080
serve:
	@$(TIMELINE) serve -addr '$(ADDR)' -base-url '$(BASE_URL)' -out '$(OUT)'

watch:
	@$(TIMELINE) watch -base-url '$(BASE_URL)' -out '$(OUT)'

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l generator)" || { gofmt -l generator; echo "gofmt needed"; exit 1; }

test: vet
	$(GO) test ./...

# The browser tests alone (headless Chromium; npm ci installs axe-core):
# axe-core on every page kind in both themes, search, keyboard, no
# JavaScript. make screenshots writes every page kind at 375 and 1280 px,
# light and dark, into $(ARTIFACTS)/screenshots, outside the repository.
ARTIFACTS ?= $(or $(TMPDIR),/tmp)/timeline-artifacts
a11y:
	$(GO) test -count=1 -run 'TestAccessibilityAxe|TestSearchInBrowser|TestKeyboardHome|TestWithoutJavaScript|TestColourContrast' ./generator

screenshots:
	TIMELINE_ARTIFACTS='$(ARTIFACTS)' $(GO) test -count=1 -run 'TestScreenshots' ./generator
	@echo "Screenshots in $(ARTIFACTS)/screenshots"

# make validate: the site as GitHub Pages serves a project site, under
# /$(REPO)/, built into $(VALIDATE_DIR)/$(REPO); every page through the W3C
# Nu HTML checker, zero errors and zero warnings (run npm ci first: it
# installs vnu-jar; Java runs it); then served by python3 -m http.server and
# crawled, every page, asset and link, zero broken.
REPO         ?= exchange-timeline
VALIDATE_DIR ?= .validate
VNU          ?= java -jar node_modules/vnu-jar/build/dist/vnu.jar

validate: validate-html validate-links

validate-build:
	@rm -rf '$(VALIDATE_DIR)'
	@$(TIMELINE) build -base-url '/$(REPO)/' -out '$(VALIDATE_DIR)/$(REPO)'

validate-html: validate-build
	@test -f node_modules/vnu-jar/build/dist/vnu.jar || { echo "node_modules/vnu-jar is missing: run npm ci"; exit 1; }
	@out="$$($(VNU) --skip-non-html --format gnu --Werror '$(VALIDATE_DIR)/$(REPO)' 2>&1)"; status=$$?; \
	if [ $$status -ne 0 ] || [ -n "$$out" ]; then printf '%s\n' "$$out"; echo "vnu: the HTML is not valid (exit status $$status)"; exit 1; fi; \
	echo "vnu: $$(find '$(VALIDATE_DIR)/$(REPO)' -name '*.html' | wc -l | tr -d ' ') pages, no errors, no warnings"

validate-links: validate-build
	@$(GO) run ./generator/linkcheck -root '$(VALIDATE_DIR)' -base '/$(REPO)/'

# Benchmarks: Go benchmarks of the stages, then full builds of synthetic
# corpora timed against Hugo (if installed) and cp -r, and watch mode's
# save-to-page latency. BENCH_FLAGS passes flags to generator/bench, e.g.
# BENCH_FLAGS="-sizes 1000,10000,100000 -runs 3".
BENCH_FLAGS ?=
bench:
	$(GO) test -run XXX -bench . -benchmem ./generator/internal/...
	$(GO) run ./generator/bench $(BENCH_FLAGS)

# Fuzz the content loader for FUZZTIME (default 1m).
FUZZTIME ?= 1m
fuzz:
	$(GO) test -run XXX -fuzz FuzzParseFile -fuzztime $(FUZZTIME) ./generator/internal/content
