# aglo: `make run` to serve the site, `make test` to check everything. `make help` lists all.
.DEFAULT_GOAL := help
SHELL := /bin/bash
GO ?= go
export CGO_ENABLED := 1

.PHONY: help run build generate test fuzz

help: ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-10s %s\n", $$1, $$2}'

run: build ## build and serve the site on http://localhost:8080 (database in ./data, seeded on first start)
	./bin/aglo serve

build: ## build ./bin/aglo
	$(GO) build -o bin/aglo ./cmd/aglo

generate: ## regenerate the *_templ.go files from the *.templ templates
	$(GO) tool templ generate -path templates

test: ## install what the tests need, check formatting, vet and templates, run every test
	./.ci/test-deps
	@unformatted=$$(gofmt -l $$(git ls-files --cached --others --exclude-standard '*.go')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	./.ci/check-templ
	$(GO) test -count=1 ./...
	$(MAKE) --no-print-directory fuzz

# Each fuzz target with the package it lives in; its seeds are the f.Add calls beside it.
FUZZ_TARGETS := FuzzRender:./internal/markdown FuzzSlugify:./internal/content \
	FuzzDecode:./internal/form FuzzNegotiate:./internal/web
FUZZTIME ?= 3s

fuzz: ## run each fuzz target for FUZZTIME (3s; make fuzz FUZZTIME=5m for a real hunt)
	@set -o pipefail; for t in $(FUZZ_TARGETS); do \
	  echo "fuzz $${t%%:*} for $(FUZZTIME)"; \
	  $(GO) test -run '^$$' -fuzz "^$${t%%:*}$$" -fuzztime $(FUZZTIME) $${t#*:} | grep -v '^fuzz: elapsed' || exit 1; \
	done

