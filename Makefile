# aglo: `make run` to serve the site, `make test` to check everything. `make help` lists all.
.DEFAULT_GOAL := help
SHELL := /bin/bash
GO ?= go
export CGO_ENABLED := 1

.PHONY: help run build generate test

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
