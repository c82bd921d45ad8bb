// Package e2e tests aglo end to end: the real binary on a loopback port with a fresh
// database, driven by Debian's Chromium through the DevTools protocol (chromedp), checked
// with axe-core for accessibility and the Nu Html Checker (vnu.jar) for validity.
//
// The tests are behind the build tag e2e, so `go test ./...` skips them. Run them with
//
//	make e2e
//
// which installs Chromium, Java and the npm packages in .ci/node when they are missing
// (./.ci/e2e-deps) and then runs
//
//	go test -count=1 -tags e2e -timeout 15m ./internal/e2e/
//
// The tests build ./cmd/aglo once, start it with a database in a temporary folder, add an
// editor with `aglo user add`, and share one headless browser: every test opens its own
// tab in a browser context of its own, so cookies (the session, the view options) never
// leak from one test into another.
package e2e
