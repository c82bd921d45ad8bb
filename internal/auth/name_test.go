package auth

import (
	"strings"
	"testing"
)

func TestValidName(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"OK", "anna", true},
		{"OKDotted", "jan.novak", true},
		{"OKEmail", "jan.novak@urad.example", true},
		{"OKPolish", "Łukasz_Żółć", true},
		{"OKCzech", "Jiří-Dvořák", true},
		{"OKDigits", "editor2", true},
		{"OKShortest", "ab", true},
		{"OKLongest", strings.Repeat("a", 64), true},
		// 64 letters of two bytes each: the limit counts characters, not bytes.
		{"OKLongestCzech", strings.Repeat("ř", 64), true},
		{"ErrEmpty", "", false},
		{"ErrOneCharacter", "a", false},
		{"ErrOneTwoByteCharacter", "ř", false},
		{"ErrTooLong", strings.Repeat("a", 65), false},
		{"ErrTooLongCzech", strings.Repeat("ř", 65), false},
		{"ErrMegabyte", strings.Repeat("a", 1<<20), false},
		{"ErrSpace", "anna nowak", false},
		{"ErrSemicolon", "bad name;", false},
		{"ErrNewline", "anna\n", false},
		{"ErrMarkup", "<b>anna</b>", false},
		{"ErrInvalidUTF8", "ann\xff", false},
		// A decomposed letter carries a combining mark, which is not a letter: names are
		// stored precomposed, as the command line and browsers send them.
		{"ErrCombiningMark", "Jir\u030ci", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ValidName(tt.in); got != tt.want {
				t.Errorf("ValidName(%.40q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestUnknownNameForLog(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"ShowsThreeCharacters", "annamaria", "ann…(9)"},
		{"ShowsHalfOfFive", "annaa", "an…(5)"},
		{"ShowsHalfOfAShortName", "jan", "j…(3)"},
		{"ShowsNothingOfOneCharacter", "a", "…(1)"},
		{"Empty", "", "…(0)"},
		{"CountsCharactersNotBytes", "Żółć", "Żó…(4)"},
		{"PasswordShowsThree", "correct horse battery staple", "cor…(28)"},
		{"SpaceBecomesQuestionMark", "a b c d", "a?b…(7)"},
		{"NewlineBecomesQuestionMark", "\n\n\nxyz", "???…(6)"},
		{"MarkupBecomesQuestionMarks", "<script>", "?sc…(8)"},
		{"Megabyte", strings.Repeat("x", 1<<20), "xxx…(1048576)"},
		{"InvalidUTF8", "\xff\xfe\xfd\xfc", "??…(4)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := UnknownNameForLog(tt.in)
			if got != tt.want {
				t.Errorf("UnknownNameForLog(%.40q) = %q, want %q", tt.in, got, tt.want)
			}
			if ValidName(got) {
				t.Errorf("UnknownNameForLog(%.40q) = %q, a valid user name; want one no user can have", tt.in, got)
			}
		})
	}
}

func FuzzUnknownNameForLog(f *testing.F) {
	for _, s := range []string{"anna", "", "a", "correct horse battery staple", "\n\r\t", "\xff", "Żółć"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		got := UnknownNameForLog(name)
		if ValidName(got) {
			t.Fatalf("UnknownNameForLog(%q) = %q, a valid user name", name, got)
		}
		shown, _, _ := strings.Cut(got, "…(")
		if n := len([]rune(shown)); n > 3 || n > len([]rune(name))/2 {
			t.Fatalf("UnknownNameForLog(%q) = %q shows %d characters, want at most 3 and half", name, got, n)
		}
		if strings.ContainsAny(got, "\n\r\t<>\"&") {
			t.Fatalf("UnknownNameForLog(%q) = %q carries a control or markup character", name, got)
		}
	})
}
