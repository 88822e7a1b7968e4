# Exchange Timeline. `make` builds the site into public/; `make test` runs
# every test. Variables: BASE_URL (default /), OUT (default public),
# CONTENT (default content).

GO       ?= go
BASE_URL ?= /
OUT      ?= public
CONTENT  ?= content
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
	$(GO) test -count=1 -run 'TestAccessibilityAxe|TestSearchInBrowser|TestKeyboardHome|TestWithoutJavaScript|TestColourContrast|TestEventsTable' ./generator/sitetest

screenshots:
	TIMELINE_ARTIFACTS='$(ARTIFACTS)' $(GO) test -count=1 -run 'TestScreenshots' ./generator/sitetest
	@echo "Screenshots in $(ARTIFACTS)/screenshots"

# make validate: the site as GitHub Pages serves a project site, under
# /$(REPO)/, built into $(VALIDATE_DIR)/$(REPO); every page through the W3C
# Nu HTML checker, zero errors and zero warnings (run npm ci first: it
# installs vnu-jar; Java runs it); then served by python3 -m http.server and
# crawled, every page, asset and link, zero broken.
REPO         ?= exchange-timeline
VALIDATE_DIR ?= .validate
VNU          ?= java -Dnu.validator.servlet.allow-forbidden-hosts=true -jar node_modules/vnu-jar/build/dist/vnu.jar

validate: validate-html validate-links

validate-build:
	@rm -rf '$(VALIDATE_DIR)'
	@$(TIMELINE) build -content '$(CONTENT)' -base-url '/$(REPO)/' -out '$(VALIDATE_DIR)/$(REPO)'

validate-html: validate-build
	@test -f node_modules/vnu-jar/build/dist/vnu.jar || { echo "node_modules/vnu-jar is missing: run npm ci"; exit 1; }
	@# Pages are checked over HTTP, as readers get them: the checker holds
	@# each page's Content-Security-Policy against its resources, and 'self'
	@# means nothing for file: URLs. The checker refuses local hosts unless
	@# told otherwise.
	@port=$$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'); \
	python3 -m http.server "$$port" --bind 127.0.0.1 --directory '$(VALIDATE_DIR)' >/dev/null 2>&1 & server=$$!; \
	trap 'kill $$server' EXIT; \
	for i in $$(seq 100); do python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$$port/')" 2>/dev/null && break; sleep 0.1; done; \
	urls=$$(cd '$(VALIDATE_DIR)' && find '$(REPO)' -name '*.html' | sort | sed "s|^|http://127.0.0.1:$$port/|; s|/index.html$$|/|"); \
	out="$$($(VNU) --format gnu --Werror $$urls 2>&1)"; status=$$?; \
	if [ $$status -ne 0 ] || [ -n "$$out" ]; then printf '%s\n' "$$out"; echo "vnu: the HTML is not valid (exit status $$status)"; exit 1; fi; \
	echo "vnu: $$(printf '%s\n' $$urls | wc -l | tr -d ' ') pages, over HTTP, no errors, no warnings"

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
