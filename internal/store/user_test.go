package store

import (
	"context"
	"testing"

	"github.com/aglo/aglo/internal/content"
)

func TestUsers(t *testing.T) {
	ctx := context.Background()
	s := open(t, tempDB(t))
	defer s.Close()
	if created, err := s.PutUser(ctx, "anna", "hash-1"); err != nil || !created {
		t.Fatalf("PutUser(anna) = %v, %v; want created", created, err)
	}
	if created, err := s.PutUser(ctx, "anna", "hash-2"); err != nil || created {
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
	if _, err := s.PutUser(ctx, "bartek", "h"); err != nil {
		t.Fatal(err)
	}
	if us, err := s.Users(ctx); err != nil || len(us) != 2 || us[0].Name != "anna" || us[1].Name != "bartek" {
		t.Errorf("Users = %+v, %v; want anna, bartek", us, err)
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
