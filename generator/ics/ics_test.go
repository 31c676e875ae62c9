package ics

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestEscapeAndFold(t *testing.T) {
	if got := Escape("a,b;c\\d\ne"); got != `a\,b\;c\\d\ne` {
		t.Errorf("Escape = %q", got)
	}
	long := strings.Repeat("党组织任期届满，", 20) + "x;y"
	var buf bytes.Buffer
	err := Write(&buf, "日历", []Event{{UID: "u1", Stamp: time.Date(2021, 7, 10, 0, 0, 0, 0, time.UTC), Day: time.Date(2024, 7, 10, 0, 0, 0, 0, time.UTC), Summary: "s", Description: long}})
	if err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(l) > 75 || !utf8.ValidString(l) {
			t.Errorf("physical line %q (%d octets)", l, len(l))
		}
	}
	unfolded := strings.ReplaceAll(out, "\r\n ", "")
	if !strings.Contains(unfolded, "\r\nDESCRIPTION:"+Escape(long)+"\r\n") {
		t.Error("unfolding does not give the description back")
	}
	if !strings.Contains(out, "DTSTART;VALUE=DATE:20240710\r\nDTEND;VALUE=DATE:20240711\r\n") || !strings.HasPrefix(out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") {
		t.Errorf("calendar:\n%s", out)
	}
}
