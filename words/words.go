// Package words says every verdict of an analysis in the project's one vocabulary: the
// sentences and the parts (label, value, note) that the reports (text, Markdown, diff,
// compare, plan) and the dashboard show. A verdict is worded here once; the callers only
// lay the words out. Functions that put a user string into their words take the output
// format's escaping (an Escape), so that the words never depend on the format.
package words

import (
	"strconv"
	"strings"

	"github.com/sretopo/sretopo/orgs"
)

// Escape makes a user string safe for one output format (orgs.Sanitize for a terminal,
// report.MarkdownText for Markdown).
type Escape func(string) string

// Plain is the escaping of a terminal: every user string sanitized.
func Plain(s string) string { return orgs.Sanitize(s) }

// Quoted is user text s through esc, in double quotes. Not %q: that would escape again what
// esc escaped (Markdown's "\*" reads as a backslash and an emphasis mark).
func Quoted(esc Escape, s string) string { return `"` + esc(s) + `"` }

// Number writes a whole number with commas between groups of three digits ("12,000"):
// every count of people, teams or money goes through it.
func Number(n int64) string {
	neg := n < 0
	if neg {
		n = -n
	}
	digits := strconv.FormatInt(n, 10)
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Signed writes a change with its sign ("+3", "-120,000", "0").
func Signed(n int64) string {
	if n > 0 {
		return "+" + Number(n)
	}
	return Number(n)
}

// Count says n things, in the plural when n is not 1 ("1 dev team", "1,200 dev teams",
// "3 people").
func Count(n int, thing string) string {
	switch {
	case n == 1:
		return "1 " + thing
	case thing == "person":
		return Number(int64(n)) + " people"
	}
	return Number(int64(n)) + " " + thing + "s"
}

// People says a headcount with its noun ("1 person", "3 people").
func People(n int) string { return Count(n, "person") }

// SignedPeople says a change of headcount ("+1 person", "-3 people", "0 people").
func SignedPeople(n int) string {
	switch {
	case n > 0:
		return "+" + People(n)
	case n < 0:
		return "-" + People(-n)
	}
	return People(n)
}

// Money writes a cost with thousands separators and the currency, if any ("95,000 EUR").
func Money(cost int64, currency *string) string {
	s := Number(cost)
	if currency != nil && *currency != "" {
		s += " " + Plain(*currency)
	}
	return s
}

// SignedMoney writes a change of cost with its sign and the currency ("+570,000 EUR").
func SignedMoney(cost int64, currency *string) string {
	if cost > 0 {
		return "+" + Money(cost, currency)
	}
	return Money(cost, currency)
}

// Percent writes a share as a percentage with at most one decimal ("53.8%"), as the
// advisories do (orgs.PercentWords).
func Percent(share float64) string { return orgs.PercentWords(share) }

// Hours writes a number of hours with its unit, to the hundredth ("37.33 h", "0.72 h").
func Hours(h float64) string { return HoursFigure(h) + " h" }

// HoursFigure is the figure of Hours without the unit, for a table column whose header
// names it ("Hours/person/week").
func HoursFigure(h float64) string { return Decimal(h, 2) }

// Decimal writes x with at most places decimals and no trailing zeros ("99.95", "64").
func Decimal(x float64, places int) string {
	s := strconv.FormatFloat(x, 'f', places, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// Change labels a change of headcount and cost as a change against what: "+570,000 EUR,
// +6 people vs baseline", or "no change vs baseline"; the cost only when costs are known.
func Change(heads int, cost int64, hasCosts bool, currency *string, against string) string {
	if heads == 0 && (cost == 0 || !hasCosts) {
		return "no change vs " + against
	}
	if !hasCosts {
		return SignedPeople(heads) + " vs " + against
	}
	return SignedMoney(cost, currency) + ", " + SignedPeople(heads) + " vs " + against
}

// ChangeOf labels a change of one figure against what ("+2 vs baseline"), or "no change vs
// baseline".
func ChangeOf(n int64, against string) string {
	if n == 0 {
		return "no change vs " + against
	}
	return Signed(n) + " vs " + against
}

// HeadCost says a headcount and its cost ("945,000 EUR, 9 people"), the people alone when
// costs are not known.
func HeadCost(hc orgs.HeadCost, hasCosts bool, currency *string) string {
	if !hasCosts {
		return People(hc.Headcount)
	}
	return Money(hc.Cost, currency) + ", " + People(hc.Headcount)
}

// OrDash returns s, or "-" when it is empty: the cell of a value that is not there.
func OrDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// OrUnset returns s, or "unset" when it is empty.
func OrUnset(s string) string {
	if s == "" {
		return "unset"
	}
	return s
}

// YesNo words a yes-or-no verdict as people say it.
func YesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// Upper is s with its first letter in upper case (ASCII), for a phrase that starts a
// sentence ("Ops org budget").
func Upper(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}
