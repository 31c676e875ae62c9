package election

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
)

// Date is a calendar date or, where the day is unknown, a year and month
// ("1975-03" in the file). Day is 0 for month precision.
type Date struct {
	Year, Month, Day int
}

// HasDay reports whether the day is known.
func (d Date) HasDay() bool { return d.Day != 0 }

// Time returns the date at midnight UTC (the first of the month when the
// day is unknown).
func (d Date) Time() time.Time {
	day := d.Day
	if day == 0 {
		day = 1
	}
	return time.Date(d.Year, time.Month(d.Month), day, 0, 0, 0, 0, time.UTC)
}

// Chinese formats the date as 公文 writes it: "2024年7月18日", or "1975年3月"
// for month precision (Arabic numerals, no zero padding).
func (d Date) Chinese() string {
	if d.Day == 0 {
		return fmt.Sprintf("%d年%d月", d.Year, d.Month)
	}
	return fmt.Sprintf("%d年%d月%d日", d.Year, d.Month, d.Day)
}

// YearMonth formats "1975.03", the form tables of candidates use.
func (d Date) YearMonth() string { return fmt.Sprintf("%d.%02d", d.Year, d.Month) }

// Before reports whether d is strictly before e (month precision compares
// by month).
func (d Date) Before(e Date) bool {
	if d.Year != e.Year {
		return d.Year < e.Year
	}
	if d.Month != e.Month {
		return d.Month < e.Month
	}
	if d.Day == 0 || e.Day == 0 {
		return false
	}
	return d.Day < e.Day
}

// AddMonths returns the date n months later (earlier for n < 0), on the
// same day or the month's last day when it has fewer (31 March + 1 month
// is 30 April); a date known to the month stays so.
func (d Date) AddMonths(n int) Date {
	m := d.Year*12 + d.Month - 1 + n
	out := Date{Year: m / 12, Month: m%12 + 1, Day: d.Day}
	// The month's last day, by the calendar alone: a term may end after
	// the years a file may write.
	last := time.Date(out.Year, time.Month(out.Month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	out.Day = min(out.Day, last)
	return out
}

// AddDays returns the day n days later (earlier for n < 0).
func (d Date) AddDays(n int) Date {
	t := d.Time().AddDate(0, 0, n)
	return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

// ISO writes the date as ISO 8601 does: "2024-07-18", or "1975-03" when
// the day is not known.
func (d Date) ISO() string {
	if d.Day == 0 {
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// MonthsBetween is the number of whole months from a to b (negative when
// b is before a); a day known to the month counts as its first.
func MonthsBetween(a, b Date) int {
	n := (b.Year-a.Year)*12 + b.Month - a.Month
	if a.Day > 0 && b.Day > 0 {
		if n > 0 && b.Day < a.Day {
			n--
		} else if n < 0 && b.Day > a.Day {
			n++
		}
	}
	return n
}

// AgeAt returns the age in completed years (周岁) on day e. With month
// precision the birthday is taken as the first of the month.
func (d Date) AgeAt(e Date) int {
	age := e.Year - d.Year
	bd := d.Day
	if bd == 0 {
		bd = 1
	}
	ed := e.Day
	if ed == 0 {
		ed = 1
	}
	if e.Month < d.Month || (e.Month == d.Month && ed < bd) {
		age--
	}
	return age
}

func validDate(y, m, d int) bool {
	if y < minYear || y > maxYear || m < 1 || m > 12 {
		return false
	}
	if d == 0 {
		return true
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d && int(t.Month()) == m
}

// parseDateString accepts "YYYY-MM" and "YYYY-MM-DD" (also with "." or "/").
func parseDateString(s string) (Date, bool) {
	s = strings.TrimSpace(s)
	f := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '.' || r == '/' })
	if len(f) < 2 || len(f) > 3 {
		return Date{}, false
	}
	var n [3]int
	for i, p := range f {
		v, err := strconv.Atoi(p)
		if err != nil {
			return Date{}, false
		}
		n[i] = v
	}
	if len(f) == 3 && n[2] == 0 {
		return Date{}, false
	}
	d := Date{n[0], n[1], n[2]}
	return d, validDate(d.Year, d.Month, d.Day)
}

func (d *Date) decodeTOML(dec *decoder, path string, v any) {
	var p Date
	switch x := v.(type) {
	case toml.LocalDate:
		p = Date{x.Year, x.Month, x.Day}
	case string:
		var ok bool
		p, ok = parseDateString(x)
		outOfRange := p.Month >= 1 && p.Month <= 12 && (p.Year < minYear || p.Year > maxYear)
		if !ok && !outOfRange { // not a date at all; one out of range is said below
			dec.typeError(path, v, `日期，如 2024-07-18 或 "1975-03"`)
			return
		}
	default:
		dec.typeError(path, v, `日期，如 2024-07-18 或 "1975-03"`)
		return
	}
	if p.Year < minYear || p.Year > maxYear {
		dec.add(LevelError, "dates", path, dec.l.ValPos(path),
			fmt.Sprintf("键 %s 的日期（%d年）不合理：应在%d年至%d年之间；请核对", displayPath(path), p.Year, minYear, maxYear))
		return
	}
	*d = p
}

// The years a date of an election file may fall in.
const minYear, maxYear = 1900, 2200

// Fraction is a ratio written "4/5" (also "2/3", "1/2"). A decimal such as
// 0.8 is accepted too.
type Fraction struct {
	Num, Den int
}

func (f Fraction) String() string { return fmt.Sprintf("%d/%d", f.Num, f.Den) }

// Chinese gives "五分之四".
func (f Fraction) Chinese() string {
	return ChineseNumber(f.Den) + "分之" + ChineseNumber(f.Num)
}

// IsZero reports an unset fraction.
func (f Fraction) IsZero() bool { return f.Den == 0 }

func parseFraction(s string) (Fraction, bool) {
	a, b, ok := strings.Cut(strings.TrimSpace(s), "/")
	if !ok {
		return Fraction{}, false
	}
	n, err1 := strconv.Atoi(strings.TrimSpace(a))
	m, err2 := strconv.Atoi(strings.TrimSpace(b))
	if err1 != nil || err2 != nil || m <= 0 || n <= 0 || n > m || m > maxDenominator {
		return Fraction{}, false
	}
	return Fraction{n, m}, true
}

// maxDenominator bounds a fraction's terms, so no arithmetic on a ratio
// can overflow ("4611686018427387904/4611686018427387905" is refused).
const maxDenominator = 1000

func (f *Fraction) decodeTOML(dec *decoder, path string, v any) {
	switch x := v.(type) {
	case string:
		if p, ok := parseFraction(x); ok {
			*f = p
			return
		}
	case float64:
		if n := int(x*maxDenominator + 0.5); x > 0 && x <= 1 && n > 0 {
			*f = Fraction{n, maxDenominator}
			return
		}
	}
	dec.typeError(path, v, `分数，如 "4/5"（分子不大于分母，分母不超过1000）`)
}

// ChineseNumber writes 0–99 in Chinese numerals (一、十一、二十三); larger
// numbers as Arabic digits.
func ChineseNumber(n int) string {
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 0 || n > 99:
		return strconv.Itoa(n)
	case n < 10:
		return digits[n]
	case n == 10:
		return "十"
	case n < 20:
		return "十" + digits[n%10]
	case n%10 == 0:
		return digits[n/10] + "十"
	}
	return digits[n/10] + "十" + digits[n%10]
}
