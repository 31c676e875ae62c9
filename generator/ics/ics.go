// Package ics writes an iCalendar file (RFC 5545) of all-day events with
// display alarms, for an office's calendar. It is written by hand: the
// subset needed (VEVENT, VALARM, text escaping, folding at 75 octets) is a
// few dozen lines, and the Go libraries for it pull in far more.
package ics

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// Event is an all-day event.
type Event struct {
	UID         string
	Stamp       time.Time // DTSTAMP; fixed from the data so output is deterministic
	Day         time.Time // the day (its date only)
	Summary     string
	Description string
	Alarms      []Alarm
}

// Alarm is a display alarm at a fixed moment.
type Alarm struct {
	At          time.Time
	Description string
}

// Write writes the calendar: CRLF line ends, lines folded at 75 octets
// (never inside a UTF-8 sequence), text values escaped.
func Write(w io.Writer, name string, events []Event) error {
	bw := bufio.NewWriter(w)
	line := func(s string) { writeFolded(bw, s) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//huanjie//换届选举//ZH")
	line("CALSCALE:GREGORIAN")
	line("METHOD:PUBLISH")
	line("X-WR-CALNAME:" + Escape(name))
	for _, e := range events {
		line("BEGIN:VEVENT")
		line("UID:" + e.UID)
		line("DTSTAMP:" + utc(e.Stamp))
		line("DTSTART;VALUE=DATE:" + e.Day.Format("20060102"))
		line("DTEND;VALUE=DATE:" + e.Day.AddDate(0, 0, 1).Format("20060102"))
		line("SUMMARY:" + Escape(e.Summary))
		if e.Description != "" {
			line("DESCRIPTION:" + Escape(e.Description))
		}
		line("TRANSP:TRANSPARENT")
		for _, a := range e.Alarms {
			line("BEGIN:VALARM")
			line("ACTION:DISPLAY")
			line("TRIGGER;VALUE=DATE-TIME:" + utc(a.At))
			line("DESCRIPTION:" + Escape(a.Description))
			line("END:VALARM")
		}
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	return bw.Flush()
}

func utc(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

// Escape escapes a TEXT value (RFC 5545 §3.3.11).
func Escape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)
	return r.Replace(s)
}

// writeFolded writes one content line, folded so no line exceeds 75
// octets: a continuation line starts with a space (RFC 5545 §3.1).
func writeFolded(w *bufio.Writer, s string) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.WriteString(s[:cut])
		w.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	fmt.Fprint(w, s, "\r\n")
}
