package render

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/model"
	"github.com/exchange-timeline/timeline/generator/internal/site"
)

// The CSV data files publish the record for spreadsheets: /data/events.csv
// has one row per event, /data/figures.csv one row per reported figure.
// They are RFC 4180 (a header row, CRLF line ends, quotes only where
// needed) in UTF-8, in date order. Their columns are documented in
// README.md and are a public interface, as the JSON files' fields are:
// add columns at the end, never rename or remove one.

const (
	eventsCSVPath  = "data/events.csv"
	figuresCSVPath = "data/figures.csv"
)

// eventsCSV writes /data/events.csv. Its columns depend on the site's
// parties: for each, the number counted and its qualifier, the remains and
// theirs, and the party's official number of the exchange. Its
// fingerprint is that of its events: an event's hash covers its line.
func (r *Renderer) eventsCSV(s *model.Site, common uint64) output {
	return output{path: eventsCSVPath, kind: site.Data, fingerprint: fingerprintOf(named(common, eventsCSVPath), s.Events...),
		write: func(buf *bytes.Buffer) error {
			header := []string{"id", "date", "end_date", "kind", "title", "summary", "place", "mediator", "stage"}
			for _, p := range s.Parties {
				header = append(header, "to_"+p.ID, "to_"+p.ID+"_qualifier", "remains_to_"+p.ID, "remains_to_"+p.ID+"_qualifier")
			}
			header = append(header, "disputed", "undisclosed")
			for _, p := range s.Parties {
				header = append(header, "number_"+p.ID)
			}
			header = append(header, "sources", "url")
			return r.writeCSV(buf, eventsCSVPath, header, s.Events, func(e *model.Event) [][]string {
				return [][]string{r.eventRecord(newEventRow(s, e))}
			})
		}}
}

// eventRecord is the event's row of events.csv.
func (r *Renderer) eventRecord(row *EventRow) []string {
	e := row.Event
	record := []string{e.ID, e.Date.String(), dateString(e.EndDate), e.Kind,
		csvText(e.Title), csvText(e.Summary), csvText(e.Place), csvText(e.Mediator), csvText(e.Stage)}
	for _, c := range row.Returned {
		if c.State == "counted" {
			record = append(record, strconv.Itoa(c.N), qualifierName(c.Bound))
		} else {
			record = append(record, "", "")
		}
		if c.Remains != nil && c.Remains.Known {
			record = append(record, strconv.Itoa(c.Remains.Total), qualifierName(c.Remains.Bound))
		} else {
			record = append(record, "", "")
		}
	}
	record = append(record, strconv.FormatBool(e.Disputed), strconv.FormatBool(row.HasUndisclosed()))
	for _, c := range row.Returned {
		record = append(record, officialNumber(e, c.Party))
	}
	return append(record, strconv.Itoa(len(e.Sources)), r.absURL(e.Path()))
}

// figuresCSV writes /data/figures.csv: every figure of every event, in the
// order of its front matter, with its source.
func (r *Renderer) figuresCSV(s *model.Site, common uint64) output {
	return output{path: figuresCSVPath, kind: site.Data, fingerprint: fingerprintOf(named(common, figuresCSVPath), s.Events...),
		write: func(buf *bytes.Buffer) error {
			header := []string{"event_id", "event_date", "to", "count", "approx", "at_least", "remains", "number",
				"group", "source", "source_publisher", "source_title", "source_url", "source_date"}
			return r.writeCSV(buf, figuresCSVPath, header, s.Events, figureRecords)
		}}
}

// figureRecords are the event's rows of figures.csv.
func figureRecords(e *model.Event) [][]string {
	records := make([][]string, len(e.Returned))
	for i, f := range e.Returned {
		record := []string{e.ID, e.Date.String(), f.To, intString(f.Count),
			strconv.FormatBool(f.Approx), strconv.FormatBool(f.AtLeast), strconv.FormatBool(f.Remains),
			intString(f.Number), csvText(f.Group), f.Source}
		if src := e.Source(f.Source); src != nil {
			record = append(record, csvText(src.Publisher), csvText(src.Title), src.URL, dateString(src.Date))
		} else {
			record = append(record, "", "", "", "")
		}
		records[i] = record
	}
	return records
}

// writeCSV writes the header, then the records of each event, which
// records makes: each event's lines come from the card cache while its
// hash is the same.
func (r *Renderer) writeCSV(buf *bytes.Buffer, name string, header []string, events []*model.Event,
	records func(*model.Event) [][]string) error {
	if err := writeRecords(buf, [][]string{header}); err != nil {
		return err
	}
	for _, e := range events {
		// The data files are the main edition's: its cache keeps their pieces.
		lines, err := r.editions[0].piece(name, e, func(b *bytes.Buffer) error { return writeRecords(b, records(e)) })
		if err != nil {
			return err
		}
		buf.WriteString(lines)
	}
	return nil
}

func writeRecords(buf *bytes.Buffer, records [][]string) error {
	w := newCSVWriter(buf)
	if err := w.WriteAll(records); err != nil {
		return err
	}
	return w.Error()
}

func newCSVWriter(buf *bytes.Buffer) *csv.Writer {
	w := csv.NewWriter(buf)
	w.UseCRLF = true // RFC 4180
	return w
}

// csvText guards free text against spreadsheets, which run a cell that starts
// with =, +, - or @ as a formula (OWASP's "CSV injection"): such a cell
// gets a leading apostrophe, which spreadsheets do not show.
func csvText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func qualifierName(q content.Qualifier) string {
	switch {
	case q.Approx:
		return "approx"
	case q.AtLeast:
		return "at_least"
	}
	return ""
}

func officialNumber(e *model.Event, p *content.Party) string {
	for _, o := range e.Ordinals {
		if o.Party == p {
			return strconv.Itoa(o.Number)
		}
	}
	return ""
}

func intString(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

func dateString(d *content.Date) string {
	if d == nil {
		return ""
	}
	return d.String()
}
