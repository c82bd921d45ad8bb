package auth

import (
	"os"
	"testing"
)

// productionHashParams are the parameters aglo hashes with, kept for the benchmarks before
// TestMain lowers HashParams.
var productionHashParams = HashParams

func TestMain(m *testing.M) {
	// The minimum argon2id allows: these tests check behaviour, not the cost of guessing.
	HashParams = Argon2Params{Memory: 8, Time: 1, Threads: 1}
	os.Exit(m.Run())
}
