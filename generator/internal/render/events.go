package render

import (
	"bytes"
	"html/template"
	"slices"
	"strconv"
	"strings"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/model"
)

// The table of every event (/events/, layouts/events.html) and the CSV data
// files read the same view of an event: EventRow.

// EventRow is what the table of every event shows of one event; the
// "event-row" template receives it.
type EventRow struct {
	*model.Event
	// Returned has one cell per party of the site, in their order.
	Returned []ReturnedCell
}

// ReturnedCell is what one event returned to one party.
type ReturnedCell struct {
	Party *content.Party
	// State is "counted" (a number was disclosed: N, qualified by Bound),
	// "undisclosed" (no number, and so nothing counted), "joint" (no
	// number for this event, but official statements give one for it and
	// others together, which the totals count) or "none" (the event
	// returned no one to the party).
	State string
	N     int
	Bound content.Qualifier
	// Remains are the bodies handed over to the party during an
	// exchange, or nil.
	Remains *model.PartyFigures
}

// Listed reports whether anyone, or any remains, went to the party.
func (c ReturnedCell) Listed() bool { return c.State != "none" || c.Remains != nil }

// newEventRow works out e's row; it reads only e, the sets of events it is
// counted with and the site's parties, which e's hash covers.
func newEventRow(s *model.Site, e *model.Event) *EventRow {
	row := &EventRow{Event: e, Returned: make([]ReturnedCell, len(s.Parties))}
	for i, p := range s.Parties {
		c := ReturnedCell{Party: p, State: "none", Remains: figuresFor(e.Remains, p)}
		pf := figuresFor(e.Figures, p)
		switch {
		case pf != nil && pf.Known:
			c.State, c.N, c.Bound = "counted", pf.Total, pf.Bound
		case slices.Contains(e.Undisclosed, p):
			c.State = "undisclosed"
		case slices.ContainsFunc(e.Aggregates, func(a *model.Aggregate) bool { return a.Kind == e.Kind && a.To == p }):
			c.State = "joint"
		case pf != nil: // a figure without a number, where none is counted
			c.State = "undisclosed"
		}
		row.Returned[i] = c
	}
	return row
}

func figuresFor(figures []*model.PartyFigures, p *content.Party) *model.PartyFigures {
	for _, pf := range figures {
		if pf.Party == p {
			return pf
		}
	}
	return nil
}

// To lists the ids of the parties anyone or any remains went to, for the
// table's filter by party.
func (row *EventRow) To() string {
	var ids []string
	for _, c := range row.Returned {
		if c.Listed() {
			ids = append(ids, c.Party.ID)
		}
	}
	return strings.Join(ids, " ")
}

// HasUndisclosed reports whether the figure of a party the event should
// have returned people to was not disclosed.
func (row *EventRow) HasUndisclosed() bool {
	return slices.ContainsFunc(row.Returned, func(c ReturnedCell) bool { return c.State == "undisclosed" })
}

// eventRows is the template function eventRows: the "event-row" template
// for each event's row, as one piece of HTML. Each row comes from the
// cache while its event's hash is the same, so a table of ten thousand
// events is put together again after an edit rather than rendered.
func (ed *edition) eventRows(s *model.Site, events []*model.Event) (template.HTML, error) {
	rows := make([]string, len(events))
	size := 0
	for i, e := range events {
		html, err := ed.piece("event-row", e, func(buf *bytes.Buffer) error {
			return ed.partials.ExecuteTemplate(buf, "event-row", newEventRow(s, e))
		})
		if err != nil {
			return "", err
		}
		rows[i] = html
		size += len(html) + 1
	}
	var b strings.Builder
	b.Grow(size) // once: the table may be megabytes
	for _, row := range rows {
		b.WriteString(row)
		b.WriteByte('\n')
	}
	// The rows are escaped HTML.
	return template.HTML(b.String()), nil
}

// piece is what write makes of v, kept in the card cache for the next
// build in watch mode; a one-shot build keeps nothing, as each piece is
// used once.
func (ed *edition) piece(name string, v model.Hashed, write func(*bytes.Buffer) error) (string, error) {
	if !ed.r.opts.Once {
		return ed.cards.get(name, v, write)
	}
	var buf bytes.Buffer
	err := write(&buf)
	return buf.String(), err
}

// EventKinds lists the kinds of the site's events, in the order of
// content.EventKinds.
func (p *Page) EventKinds() []string {
	var kinds []string
	for _, k := range content.EventKinds() {
		if slices.ContainsFunc(p.Site.Events, func(e *model.Event) bool { return e.Kind == k }) {
			kinds = append(kinds, k)
		}
	}
	return kinds
}

// Citation is one figure of an event as the sources list links back to it.
type Citation struct {
	// ID is the figure's id on the event's page: "figure_" and its place
	// in the front matter's returned list, from 1. Layout ids and the
	// ids of the body's headings never contain "_", so they cannot take it.
	ID     string
	Party  *content.Party
	Figure content.Figure
}

// figureID is the id of an event's figure, by its place in Returned.
func figureID(index int) string { return "figure_" + strconv.Itoa(index+1) }

// citing is the template function citing: the figures of owner, if it is
// an event, that cite the source id, in the order of its figures table.
func citing(owner any, id string) []Citation {
	e, ok := owner.(*model.Event)
	if !ok {
		return nil
	}
	var out []Citation
	for _, pf := range e.AllFigures() {
		for _, r := range pf.Reports {
			if r.Source == nil || r.Source.ID != id {
				continue
			}
			for i, f := range r.Figures {
				out = append(out, Citation{ID: figureID(r.Indexes[i]), Party: pf.Party, Figure: f})
			}
		}
	}
	return out
}
