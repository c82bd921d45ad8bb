package auth

import (
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"
)

func TestHash(t *testing.T) {
	Cost = 4 // the minimum: these tests check behaviour, not strength
	tests := []struct {
		name     string
		password string
		wantErr  bool
	}{
		{"OK", "correct horse battery", false},
		{"OKUnicode", "źdźbło żółwia", false},
		{"ErrTooShort", "short", true},
		{"ErrElevenChars", "elevenchars", true},
		{"ErrTooLong", string(make([]byte, 73)), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := Hash(tt.password)
			if (err != nil) != tt.wantErr {
				t.Fatalf("Hash(%q) error = %v, want error %v", tt.password, err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if !Check(h, tt.password) {
				t.Error("Check(hash, password) = false, want true")
			}
			if Check(h, tt.password+"x") {
				t.Error("Check(hash, wrong password) = true, want false")
			}
		})
	}
	if Check("", "anything at all") {
		t.Error("Check with no hash = true, want false")
	}
}

// TestUnknownUserCostsAsMuchAsAWrongPassword checks that the hash an unknown user's
// password is compared against has the cost of real ones, so that the time of an answer
// does not tell whether a user name exists.
func TestUnknownUserCostsAsMuchAsAWrongPassword(t *testing.T) {
	Cost = 4 // as in TestHash, which may have made the dummy hash already
	real, err := Hash("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	Check("", "anything at all") // makes the dummy hash
	realCost, _ := bcrypt.Cost([]byte(real))
	if got, err := bcrypt.Cost(dummyHash()); err != nil || got != realCost {
		t.Errorf("the dummy hash has cost %d (%v), want %d like a real one", got, err, realCost)
	}
}

func TestThrottle(t *testing.T) {
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	th := NewThrottle(3, 15*time.Minute)
	th.now = func() time.Time { return now }
	for i := 0; i < 3; i++ {
		if w := th.Wait("addr", "user"); w != 0 {
			t.Fatalf("attempt %d: wait %v, want 0", i+1, w)
		}
		th.Fail("addr", "user")
		now = now.Add(time.Minute)
	}
	if w := th.Wait("addr"); w != 12*time.Minute {
		t.Errorf("after 3 failures: wait %v, want 12m (until the first failure leaves the window)", w)
	}
	if w := th.Wait("other-addr", "user"); w == 0 {
		t.Error("the user name is throttled from another address too")
	}
	if w := th.Wait("other-addr", "other-user"); w != 0 {
		t.Errorf("other keys: wait %v, want 0", w)
	}
	now = now.Add(12 * time.Minute)
	if w := th.Wait("addr", "user"); w != 0 {
		t.Errorf("after the window: wait %v, want 0", w)
	}
	th.Fail("addr")
	th.Fail("addr")
	th.Reset("addr")
	if w := th.Wait("addr"); w != 0 {
		t.Errorf("after Reset: wait %v, want 0", w)
	}
}
