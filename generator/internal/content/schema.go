package content

import (
	"regexp"
	"slices"
)

// The rules of the schema that the validator, the renderer and the command
// line all apply: what an id looks like, and the kinds of event and the
// roles of people, with what readers see for each. They are here once;
// CONTRIBUTING.md documents them for contributors.

// idPattern is what ids and tags look like. They become URL segments and
// directory names, so nothing else may reach a path.
var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// IDRule says what ValidID accepts, in words, for hints.
const IDRule = "lowercase letters a-z and digits, words joined by single hyphens"

// ValidID reports whether s is a valid id: a file name without ".md", a
// party, source or tag id, a slug.
func ValidID(s string) bool { return idPattern.MatchString(s) }

// DatedID splits the id of a dated file (an event, a statement),
// "2025-08-24-146-for-146", into the date it starts with, and reports
// whether the rest is a valid id. The date is
// only shaped like one (YYYY-MM-DD); it is for the caller to compare.
func DatedID(id string) (date string, ok bool) {
	const shape = "0000-00-00-"
	if len(id) <= len(shape) {
		return "", false
	}
	for i, c := range shape {
		if c == '0' && !('0' <= id[i] && id[i] <= '9') || c == '-' && id[i] != '-' {
			return "", false
		}
	}
	return id[:len(shape)-1], ValidID(id[len(shape):])
}

// A choice is one value a field may take, and what readers see for it.
type choice struct{ value, label string }

// eventKinds are the kinds of event, in the order pages list them.
var eventKinds = []choice{
	{"exchange", "Exchange"},
	{"repatriation", "Repatriation of remains"},
	{"talks", "Talks"},
	{"other", "Other"},
}

// roles are what a person did in an event, in the order a person's page
// lists them.
var roles = []choice{
	{"released", "Released"},
	{"announced", "Announced"},
	{"negotiated", "Negotiated"},
	{"quoted", "Quoted"},
	{"mentioned", "Mentioned"},
}

// EventKinds returns the values of an event's kind, in the order pages list
// them.
func EventKinds() []string { return values(eventKinds) }

// Roles returns the values of a person's role in an event, in the order a
// person's page lists them.
func Roles() []string { return values(roles) }

// RoleOrder is the place of role in Roles, or -1: a person's roles sort
// by it.
func RoleOrder(role string) int {
	return slices.IndexFunc(roles, func(c choice) bool { return c.value == role })
}

// Label is what readers see for a kind or a role: "repatriation" is
// "Repatriation of remains". An unknown value is its own label.
func Label(value string) string {
	for _, list := range [][]choice{eventKinds, roles} {
		if i := slices.IndexFunc(list, func(c choice) bool { return c.value == value }); i >= 0 {
			return list[i].label
		}
	}
	return value
}

func values(choices []choice) []string {
	out := make([]string, len(choices))
	for i, c := range choices {
		out[i] = c.value
	}
	return out
}
