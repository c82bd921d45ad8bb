# aglo: `make run` to serve the site, `make test` to check everything. `make help` lists all.
.DEFAULT_GOAL := help
SHELL := /bin/bash
GO ?= go
export CGO_ENABLED := 1
# Site search is SQLite's FTS5, which mattn/go-sqlite3 builds only with this tag: every go
# command below (and the scripts they start) gets it. internal/store stops a build without it.
export GOFLAGS := $(strip $(GOFLAGS) -tags=sqlite_fts5)

.PHONY: help run build generate test fuzz bench deploy-check audit e2e

help: ## list the targets
	@grep -hE '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-13s %s\n", $$1, $$2}'

run: build ## build and serve the site on http://localhost:8080 (database in ./data, seeded on first start)
	./bin/aglo serve

build: ## build ./bin/aglo
	$(GO) build -o bin/aglo ./cmd/aglo

generate: ## regenerate the *_templ.go files from the *.templ templates
	$(GO) tool templ generate -path templates

test: ## install what the tests need, check formatting, vet, templates and dead code, run every test
	./.ci/test-deps
	@unformatted=$$(gofmt -l $$(git ls-files --cached --others --exclude-standard '*.go')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	./.ci/check-templ
	./.ci/check-deadcode
	$(GO) test -count=1 ./...
	$(MAKE) --no-print-directory fuzz

# Each fuzz target with the package it lives in and its budget in make test: a count of
# inputs (-fuzztime Nx), sized to about two seconds on the 2-core CI machine. A count, not
# a duration: Go 1.26's fuzzing coordinator can end a duration-bounded run with "context
# deadline exceeded" and no failing input (golang/go#75804, fixed in Go 1.27). Its seeds are
# the f.Add calls beside it. FUZZTIME=5m (a duration) runs every target that long instead.
FUZZ_TARGETS := FuzzRender:./internal/markdown:20000 FuzzSlugify:./internal/content:20000 \
	FuzzDecode:./internal/form:6000 FuzzNegotiate:./internal/web:4000 \
	FuzzSameAsJSONHandler:./internal/jsonlog:30000 \
	FuzzHTML:./internal/typography:20000 \
	FuzzValidatePassword:./internal/auth:10000 FuzzCheckHash:./internal/auth:40000 \
	FuzzUnknownNameForLog:./internal/auth:40000 FuzzParse:./internal/search:20000
FUZZTIME ?=

fuzz: ## run each fuzz target for its count of inputs (make fuzz FUZZTIME=5m for a real hunt)
	@set -o pipefail; for t in $(FUZZ_TARGETS); do \
	  name=$${t%%:*}; rest=$${t#*:}; pkg=$${rest%%:*}; budget=$(FUZZTIME); budget=$${budget:-$${rest#*:}x}; \
	  echo "fuzz $$name for $$budget"; \
	  $(GO) test -run '^$$' -fuzz "^$$name$$" -fuzztime $$budget $$pkg | grep -v '^fuzz: elapsed' || exit 1; \
	done

e2e: ## the browser tests: Chromium against the real binary, axe-core and the Nu Html Checker on every page, screenshots in bin/e2e/ (installs Chromium, Java and .ci/node when missing)
	./.ci/e2e-deps
	$(GO) vet -tags e2e,sqlite_fts5 ./internal/e2e/
	mkdir -p bin/e2e
	$(GO) test -count=1 -tags e2e,sqlite_fts5 -timeout 15m -artifacts -outputdir $(CURDIR)/bin/e2e ./internal/e2e/

bench: build ## compare aglo's /pl/ with bare Go and nginx under wrk, check its targets (installs nginx and wrk when missing; BENCH_FLAGS="-rounds 5")
	@command -v nginx >/dev/null && command -v wrk >/dev/null || { \
	  sudo=; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  $$sudo apt-get update -qq && $$sudo apt-get install -y -qq nginx wrk; }
	$(GO) build -o bin/aglo-bench ./cmd/aglo-bench
	./bin/aglo-bench -aglo bin/aglo $(BENCH_FLAGS)

deploy-check: build ## nginx -t deploy/nginx/aglo.conf, then run aglo behind it: cache HIT, edits visible within max-age
	./.ci/check-deploy

audit: ## Lighthouse (mobile) and full-page screenshots of the main pages in both languages into docs/quality.md and docs/screenshots/ (installs Chromium when missing; AUDIT_RUNS=3)
	./.ci/audit
