package validate

import (
	"fmt"
	"slices"

	"github.com/exchange-timeline/timeline/generator/internal/content"
)

// statementKinds are what an official statement can count: people returned
// alive in exchanges, or remains returned.
var statementKinds = []string{"exchange", "repatriation"}

// statements checks the official statements. They are few, and their rules
// look at the events they aggregate, so they are checked on every build
// rather than cached per file.
func (c *checker) statements() {
	events := make(map[string]*content.Event, len(c.files.Events))
	for _, e := range c.files.Events {
		events[e.ID] = e
	}
	ids := map[string]string{}
	for _, st := range c.files.Statements {
		if first, dup := ids[st.ID]; dup {
			c.errorf(&st.Doc, "", "rename one of the files", "duplicate statement id %q: %s has the same file name", st.ID, first)
		}
		ids[st.ID] = st.Path
		c.statement(st, events)
	}
	c.aggregatesApart()
}

func (c *checker) statement(st *content.Statement, events map[string]*content.Event) {
	doc := &st.Doc
	c.datedFile(doc, "statement", st.Date)
	for _, ref := range []struct{ field, id string }{{"party", st.Party}, {"to", st.To}} {
		if ref.id != "" && !slices.Contains(c.parties, ref.id) {
			c.errorf(doc, ref.field, choiceHint(ref.id, c.parties), "unknown party %q", ref.id)
		}
	}
	if st.Kind != "" && !slices.Contains(statementKinds, st.Kind) {
		c.errorf(doc, "kind", "a statement counts people returned alive (exchange) or remains (repatriation)",
			"kind %q cannot be counted: use exchange or repatriation", st.Kind)
	}
	if st.Count != nil && *st.Count < 0 {
		c.errorf(doc, "count", "write the number the statement gives", "count cannot be negative (%d)", *st.Count)
	}
	c.qualifier(doc, "", st.Qualifier, st.Count != nil)
	if st.Exchanges != nil && *st.Exchanges < 1 {
		c.errorf(doc, "exchanges", "leave it out unless the statement says how many exchanges", "exchanges must be 1 or more (%d)", *st.Exchanges)
	}
	for i, id := range st.Events {
		field := fmt.Sprintf("events[%d]", i)
		e := events[id]
		switch {
		case e == nil && c.broken["events"][id]:
			// the event's file cannot be read: its error is the one to fix
		case e == nil:
			c.errorf(doc, field, c.eventHint(id, events), "unknown event %q", id)
		case e.Kind != st.Kind:
			c.errorf(doc, field, "an aggregate adds up events of its own kind", "event %s is of kind %s, and this statement counts %s", id, e.Kind, st.Kind)
		case slices.Index(st.Events, id) < i:
			c.errorf(doc, field, "remove the repeated id", "event %q is listed twice", id)
		}
	}
	c.sources(doc, st.Sources)
	c.body(doc)
}

func (c *checker) eventHint(id string, events map[string]*content.Event) string {
	ids := make([]string, 0, len(events))
	for other := range events {
		ids = append(ids, other)
	}
	slices.Sort(ids)
	return choiceHint(id, ids)
}

// aggregatesApart reports aggregate statements whose events overlap without
// being the same: the totals count each set of events once, as the larger of
// the events' own figures and the statements' (CONTRIBUTING.md, "How totals
// are counted"), which needs sets that are equal or apart.
func (c *checker) aggregatesApart() {
	type key struct{ kind, to string }
	owner := map[key]map[string]*content.Statement{} // event id → the first statement listing it
statements:
	for _, st := range c.files.Statements {
		if len(st.Events) == 0 {
			continue
		}
		k := key{st.Kind, st.To}
		if owner[k] == nil {
			owner[k] = map[string]*content.Statement{}
		}
		for i, id := range st.Events {
			first := owner[k][id]
			if first == nil {
				owner[k][id] = st
				continue
			}
			if !sameSet(first.Events, st.Events) {
				c.errorf(&st.Doc, fmt.Sprintf("events[%d]", i), "list the same events as "+first.Path+", or none of them",
					"event %s is also in the aggregate of %s, which lists other events", id, first.Path)
				continue statements
			}
		}
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(slices.Compact(a), slices.Compact(b))
}
