// Command aglo serves the bilingual website of the Aglomeracja Opolska and Olomoucká
// aglomerace partnership, and manages its database.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	// Whatever aglo writes holds password hashes, session tokens or staff's uploads: no file
	// it creates is readable by other accounts, even one its own code forgets to restrict.
	syscall.Umask(0o077)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "aglo:", err)
		os.Exit(1)
	}
}

// run is aglo with its arguments and environment, so that tests can call it.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		switch args[0] {
		case "serve":
			return serve(ctx, args[1:], getenv, stderr)
		case "user":
			return userCommand(ctx, args[1:], getenv, stdin, stdout, stderr)
		case "backup":
			return backupCommand(ctx, args[1:], getenv, stdout, stderr)
		case "restore":
			return restoreCommand(ctx, args[1:], getenv, stdout, stderr)
		case "help", "-h", "-help", "--help":
			usage(stdout)
			return nil
		}
	}
	return serve(ctx, args, getenv, stderr)
}

func usage(w io.Writer) {
	fmt.Fprint(w, `aglo serves the website of the Aglomeracja Opolska – Olomoucká aglomerace partnership.

Usage:
  aglo [serve] [flags]          serve the site (the default)
  aglo user add NAME [flags]    create an account or change its password (ending its
                                sessions); the password is read from standard input
                                (one line) or prompted for twice on a terminal;
                                -role admin|editor (the first account is an administrator)
  aglo user list [flags]        list the accounts: name, role, state, sign-in, language
  aglo user remove NAME [flags] remove an account (not the last active administrator)
  aglo user two-factor-off NAME [flags]
                                turn off an account's two-factor sign-in (a lost
                                authenticator app) and end its sessions
  aglo backup FILE [flags]      write a consistent copy of the database to FILE,
                                safe while the site is serving
  aglo restore FILE [flags]     check FILE (integrity, schema version) and replace
                                the database with it; the replaced database is kept
                                beside it. Stop the server first, start it after.

Flags (each with an environment fallback):
  -addr      listen address (AGLO_ADDR, default localhost:8080)
  -db        SQLite database file (AGLO_DB, default data/aglo.db)
  -base-url  public URL of the site (AGLO_BASE_URL, default http://localhost:8080)
  -trusted-proxies  addresses of reverse proxies in front of aglo, comma-separated;
             their X-Forwarded-For names the client for the sign-in throttle and
             the audit log (AGLO_TRUSTED_PROXIES, default none)
  -page-cache-mb  MiB of rendered pages kept in memory (AGLO_PAGE_CACHE_MB, default 8)

`)
}
