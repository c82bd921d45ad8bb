package store

import (
	"context"
	"errors"
	"testing"

	"github.com/aglo/aglo/internal/content"
)

func TestUsers(t *testing.T) {
	ctx := context.Background()
	s := open(t, tempDB(t))
	defer s.Close()
	if created, err := s.PutUser(ctx, "anna", "hash-1", ""); err != nil || !created {
		t.Fatalf("PutUser(anna) = %v, %v; want created", created, err)
	}
	if created, err := s.PutUser(ctx, "anna", "hash-2", ""); err != nil || created {
		t.Fatalf("PutUser(anna) again = %v, %v; want an update", created, err)
	}
	// An upgrade from a hash that is no longer stored changes nothing.
	if err := s.UpgradePasswordHash(ctx, "anna", "hash-1", "hash-3"); err != nil {
		t.Fatal(err)
	}
	if u, err := s.User(ctx, "anna"); err != nil || u.PasswordHash != "hash-2" {
		t.Errorf("after a stale upgrade: %+v, %v; want hash-2", u, err)
	}
	if err := s.UpgradePasswordHash(ctx, "anna", "hash-2", "hash-3"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetUserLang(ctx, "anna", content.CS); err != nil {
		t.Fatal(err)
	}
	u, err := s.User(ctx, "anna")
	if err != nil || u.PasswordHash != "hash-3" || u.Lang != content.CS {
		t.Errorf("User(anna) = %+v, %v; want hash-3 and cs", u, err)
	}
	if _, err := s.PutUser(ctx, "bartek", "h", ""); err != nil {
		t.Fatal(err)
	}
	if us, err := s.Users(ctx); err != nil || len(us) != 2 || us[0].Name != "anna" || us[1].Name != "bartek" {
		t.Errorf("Users = %+v, %v; want anna, bartek", us, err)
	} else if us[0].Role != content.RoleAdmin || us[1].Role != content.RoleEditor {
		t.Errorf("roles %s, %s; want the first account an administrator, the next an editor", us[0].Role, us[1].Role)
	}
	// The first account is the only administrator: it stays until there is another.
	if err := s.DeleteUser(ctx, "anna"); !errors.Is(err, ErrLastAdmin) {
		t.Fatalf("removing the last administrator: %v, want ErrLastAdmin", err)
	}
	if _, err := s.PutUser(ctx, "bartek", "h2", content.RoleAdmin); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteUser(ctx, "anna"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.User(ctx, "anna"); content.ErrorCode(err) != content.ENotFound {
		t.Errorf("User after delete: %v, want not found", err)
	}
	if err := s.DeleteUser(ctx, "anna"); content.ErrorCode(err) != content.ENotFound {
		t.Errorf("deleting a user twice: %v, want not found", err)
	}
}

// TestCodesWorkOnce: a one-time code's step and a recovery code are accepted once, also
// when two sign-ins present them at the same moment.
func TestCodesWorkOnce(t *testing.T) {
	ctx := context.Background()
	s := open(t, tempDB(t))
	defer s.Close()
	if _, err := s.PutUser(ctx, "anna", "h", ""); err != nil {
		t.Fatal(err)
	}
	u, _ := s.User(ctx, "anna")
	e := content.Edit{Editor: "anna"}
	if err := s.TurnOnTwoFactor(ctx, u.ID, "SECRET", 100, []string{"h1", "h2"}, e); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		step int64
		want bool
	}{{100, false}, {99, false}, {101, true}, {101, false}, {103, true}} {
		if ok, err := s.UseCodeStep(ctx, u.ID, tt.step); err != nil || ok != tt.want {
			t.Errorf("UseCodeStep(%d) = %v, %v; want %v", tt.step, ok, err, tt.want)
		}
	}
	if ok, _ := s.UseRecoveryCode(ctx, u.ID, "h1", e); !ok {
		t.Error("a recovery code does not work")
	}
	if ok, _ := s.UseRecoveryCode(ctx, u.ID, "h1", e); ok {
		t.Error("a recovery code works twice")
	}
	if left, _ := s.RecoveryCodes(ctx, u.ID); len(left) != 1 || left[0] != "h2" {
		t.Errorf("codes left: %v, want h2", left)
	}
	if err := s.TurnOffTwoFactor(ctx, u.ID, e); err != nil {
		t.Fatal(err)
	}
	if u, _ := s.User(ctx, "anna"); u.TwoFactor() || u.TOTPLastStep != 0 {
		t.Errorf("after turning it off: %+v", u)
	}
	if left, _ := s.RecoveryCodes(ctx, u.ID); len(left) != 0 {
		t.Errorf("recovery codes left after turning it off: %v", left)
	}
}
