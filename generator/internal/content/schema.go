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

// eventKinds are the kinds of event, in the order pages list them; what
// readers see for each is the message kind.VALUE of the layouts' i18n
// files.
var eventKinds = []string{"exchange", "repatriation", "talks", "other"}

// roles are what a person did in an event, in the order a person's page
// lists them; readers see the message role.VALUE.
var roles = []string{"released", "announced", "negotiated", "quoted", "mentioned"}

// EventKinds returns the values of an event's kind, in the order pages list
// them.
func EventKinds() []string { return slices.Clone(eventKinds) }

// Roles returns the values of a person's role in an event, in the order a
// person's page lists them.
func Roles() []string { return slices.Clone(roles) }

// RoleOrder is the place of role in Roles, or -1: a person's roles sort
// by it.
func RoleOrder(role string) int { return slices.Index(roles, role) }
