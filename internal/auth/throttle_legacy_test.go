package auth

import (
	"testing"
	"time"
)

func TestLegacyThrottle(t *testing.T) {
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	th := NewThrottle(3, 15*time.Minute)
	th.Now = func() time.Time { return now }
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
