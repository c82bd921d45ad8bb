package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/aglo/aglo/internal/auth"
	"github.com/aglo/aglo/internal/content"
)

// userCommand runs "aglo user add|list|remove|two-factor-off".
func userCommand(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return errors.New(`user: say "add NAME", "list", "remove NAME" or "two-factor-off NAME"`)
	}
	sub, rest := args[0], args[1:]
	// The user name may come before or after the flags.
	var names []string
	for len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
		names, rest = append(names, rest[0]), rest[1:]
	}
	var roleFlag string
	c, fs, err := parseConfig("aglo user "+sub, rest, getenv, stderr, func(fs *flag.FlagSet) {
		if sub == "add" {
			fs.StringVar(&roleFlag, "role", "", "admin or editor; a new account is an editor, the first one an administrator")
		}
	})
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	// Only "add" may create the database (an operator may add editors before the first
	// start); listing or removing from a database that is not there is a mistyped -db.
	_, statErr := os.Stat(c.db)
	if statErr != nil && sub != "add" {
		return fmt.Errorf("user %s: no database at %s: check -db or AGLO_DB", sub, c.db)
	}
	if statErr != nil {
		fmt.Fprintf(stderr, "no database at %s yet: creating it\n", c.db)
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	st, err := openStore(ctx, c, log)
	if err != nil {
		return err
	}
	defer st.Close()

	switch sub {
	case "add":
		name, err := userName(append(names, fs.Args()...))
		if err != nil {
			return err
		}
		role, ok := content.ParseRole(roleFlag)
		if !ok && roleFlag != "" {
			return fmt.Errorf("user: the role is admin or editor, not %q", roleFlag)
		}
		password, err := readPassword(stdin, stderr)
		if err != nil {
			return err
		}
		if err := auth.ValidatePassword(name, password); err != nil {
			return fmt.Errorf("user: %w", err)
		}
		hash, err := auth.Hash(password)
		if err != nil {
			return err
		}
		created, err := st.PutUser(ctx, name, hash, role)
		if err != nil {
			return err
		}
		u, err := st.User(ctx, name)
		if err != nil {
			return err
		}
		if created {
			fmt.Fprintf(stdout, "created %s %s\n", roleName(u.Role), name)
		} else {
			fmt.Fprintf(stdout, "changed the password of %s %s and ended their sessions\n", roleName(u.Role), name)
		}
		return nil
	case "list":
		users, err := st.Users(ctx)
		if err != nil {
			return err
		}
		for _, u := range users {
			state := "active"
			if u.Disabled {
				state = "disabled"
			}
			twoFactor := "password"
			if u.TwoFactor() {
				twoFactor = "two-factor"
			}
			fmt.Fprintf(stdout, "%s\t%s\t%s\t%s\t%s\t%s\n", u.Name, u.Role, state, twoFactor, u.Lang, u.CreatedAt.Format("2006-01-02"))
		}
		return nil
	case "remove":
		name, err := userName(append(names, fs.Args()...))
		if err != nil {
			return err
		}
		switch err := st.DeleteUser(ctx, name); {
		case content.ErrorCode(err) == content.ENotFound:
			return fmt.Errorf("user: no account named %s", name)
		case errors.Is(err, content.ErrLastAdmin):
			return fmt.Errorf("user: %s is the last active administrator: make another account an administrator first", name)
		case err != nil:
			return err
		}
		fmt.Fprintf(stdout, "removed %s\n", name)
		return nil
	case "two-factor-off":
		// The way back in for someone who lost their authenticator app and their recovery
		// codes, and for the only administrator above all: whoever can run this on the
		// server can replace the database anyway.
		name, err := userName(append(names, fs.Args()...))
		if err != nil {
			return err
		}
		u, err := st.User(ctx, name)
		if content.ErrorCode(err) == content.ENotFound {
			return fmt.Errorf("user: no account named %s", name)
		} else if err != nil {
			return err
		}
		if err := st.TurnOffTwoFactor(ctx, u.ID, content.Edit{Editor: "aglo user two-factor-off"}); err != nil {
			return err
		}
		if err := st.EndOtherSessions(ctx, u.ID, "", content.Edit{Editor: "aglo user two-factor-off"}); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "turned off two-factor sign-in of %s and ended their sessions; they sign in with their password and set it up again\n", name)
		return nil
	}
	return fmt.Errorf("user: unknown command %q: say add, list, remove or two-factor-off", sub)
}

// roleName is how the command line names role.
func roleName(role content.Role) string {
	if role == content.RoleAdmin {
		return "administrator"
	}
	return "editor"
}

// userName checks the one argument that names an editor.
func userName(args []string) (string, error) {
	if len(args) != 1 {
		return "", errors.New("user: give exactly one user name")
	}
	name := args[0]
	if !auth.ValidName(name) {
		return "", fmt.Errorf("user: %q is not a user name: use 2–64 letters, digits, . _ - or @", name)
	}
	return name, nil
}

// readPassword reads the new password: prompted twice without echo on a terminal, or one
// line of standard input otherwise (for scripts).
func readPassword(stdin io.Reader, stderr io.Writer) (string, error) {
	if f, ok := stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(stderr, "New password (at least 12 characters): ")
		first, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(stderr)
		if err != nil {
			return "", fmt.Errorf("user: read password: %w", err)
		}
		fmt.Fprint(stderr, "Repeat the password: ")
		second, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(stderr)
		if err != nil {
			return "", fmt.Errorf("user: read password: %w", err)
		}
		if string(first) != string(second) {
			return "", errors.New("user: the passwords do not match")
		}
		return string(first), nil
	}
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && !(errors.Is(err, io.EOF) && line != "") {
		return "", errors.New("user: give the password as one line on standard input")
	}
	return strings.TrimRight(line, "\r\n"), nil
}
