# Exchange Timeline. `make` builds the site into public/; `make test` runs
# every test. Variables: BASE_URL (default /), OUT (default public).

GO       ?= go
BASE_URL ?= /
OUT      ?= public
TIMELINE  = $(GO) run ./generator

.PHONY: all build check test fuzz vet

all: build

build:
	@$(TIMELINE) build -base-url '$(BASE_URL)' -out '$(OUT)'
	@echo "Open it: python3 -m http.server -d $(OUT) 8080, then http://127.0.0.1:8080/"

check:
	@$(TIMELINE) check

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l generator)" || { gofmt -l generator; echo "gofmt needed"; exit 1; }

test: vet
	$(GO) test ./...

# Fuzz the content loader for FUZZTIME (default 1m).
FUZZTIME ?= 1m
fuzz:
	$(GO) test -run XXX -fuzz FuzzParseFile -fuzztime $(FUZZTIME) ./generator/internal/content
