package main

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/exchange-timeline/timeline/generator/internal/annotate"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A figure is one total or count of a page, with what the page says it
// is.
type figure struct{ label, value string }

// pageFigures reads every figure in the main content of a page, whatever
// the layouts: a table cell is named by the table's caption, its
// row and its column; a definition (dd) by its term (dt); in any other
// paragraph, list item or heading, the numbers and dates are the value and
// the text around them, with "…" in their place, the label. Events' cards
// (article elements) are left out: they are the latest events, not
// figures of the site. Labels are made unique with " (2)", " (3)"...
func pageFigures(page []byte) ([]figure, error) {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return nil, err
	}
	root := doc
	for n := range doc.Descendants() {
		if n.DataAtom == atom.Main {
			root = n
			break
		}
	}
	var r reader
	r.walk(root)
	seen := map[string]int{}
	for i := range r.figures {
		f := &r.figures[i]
		seen[f.label]++
		if n := seen[f.label]; n > 1 {
			f.label += fmt.Sprintf(" (%d)", n)
		}
	}
	return r.figures, nil
}

type reader struct {
	figures []figure
	// headings are the texts of the h2 to h6 the walk is under, which
	// name the figures below them.
	headings [5]string
}

func (r *reader) add(label, value string) {
	if label, value = clean(label), clean(value); strings.ContainsAny(value, "0123456789") {
		r.figures = append(r.figures, figure{label, value})
	}
}

// under names a figure by the headings above it.
func (r *reader) under(label string) string {
	return strings.Join(nonEmpty(append(r.headings[:], label)...), " › ")
}

// heading notes the text of a heading for the figures below it.
func (r *reader) heading(n *html.Node) {
	if level := headingLevel(n); level >= 2 {
		r.headings[level-2] = textOf(n)
		clear(r.headings[level-1:])
	}
}

func headingLevel(n *html.Node) int {
	switch n.DataAtom {
	case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return int(n.Data[1] - '0')
	}
	return 0
}

// skipped are elements with no figures of the site: cards of events,
// pictures, scripts, and forms.
var skipped = map[atom.Atom]bool{atom.Article: true, atom.Svg: true, atom.Script: true, atom.Style: true,
	atom.Template: true, atom.Form: true, atom.Nav: true}

// blocks are the elements read as one text.
var blocks = map[atom.Atom]bool{atom.P: true, atom.Li: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Figcaption: true, atom.Caption: true}

func (r *reader) walk(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type != html.ElementNode || skipped[c.DataAtom]:
		case c.DataAtom == atom.Table:
			r.table(c)
		case c.DataAtom == atom.Dl:
			r.definitions(c)
		case blocks[c.DataAtom] && !hasBlock(c):
			r.text(c)
			r.heading(c)
		default:
			r.walk(c)
		}
	}
}

func hasBlock(n *html.Node) bool {
	for c := range n.Descendants() {
		if c.Type == html.ElementNode && (blocks[c.DataAtom] || c.DataAtom == atom.Table || c.DataAtom == atom.Dl) {
			return true
		}
	}
	return false
}

// definitions reads a dl: each dd is named by the dt before it. A date in
// the term ("To Ukraine, as of 2 April 2026") is part of the value.
func (r *reader) definitions(dl *html.Node) {
	var term string
	var dates []string
	for n := range dl.Descendants() {
		switch n.DataAtom {
		case atom.Dt:
			term, dates = withoutDates(n)
		case atom.Dd:
			r.add(r.under(term), strings.Join(append(slices.Clone(dates), textOf(n)), " · "))
		}
	}
}

// withoutDates is the text of n with "…" for each time element, and the
// times' texts.
func withoutDates(n *html.Node) (string, []string) {
	var b strings.Builder
	var dates []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
			case c.DataAtom == atom.Time:
				b.WriteString("…")
				dates = append(dates, textOf(c))
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return clean(b.String()), dates
}

// numbers are the figures in a text: digits with thousands separators,
// but not years, which name things ("2024 12 events") rather than count
// them; the site writes counts from 1,000 up with a separator.
var numbers = regexp.MustCompile(`\d[\d,.]*\d|\d`)

func isYear(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && len(s) == 4 && n >= 1900 && n < 2100
}

// text reads a paragraph, a list item or a heading: its numbers and dates
// are the value, the rest the label. A link in a sentence names something
// that may change as a whole (the title of the latest event): its text is
// one value, unless it is a year. A link that is all the text is read as
// text.
func (r *reader) text(n *html.Node) {
	var label strings.Builder
	var values []string
	inSentence := strings.TrimSpace(textOutsideLinks(n)) != ""
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				text := c.Data
				last := 0
				for _, m := range numbers.FindAllStringIndex(text, -1) {
					if isYear(text[m[0]:m[1]]) {
						continue
					}
					label.WriteString(text[last:m[0]] + "…")
					values = append(values, text[m[0]:m[1]])
					last = m[1]
				}
				label.WriteString(text[last:])
			case c.Type != html.ElementNode || skipped[c.DataAtom]:
			case c.DataAtom == atom.Time, c.DataAtom == atom.A && inSentence && !isYear(textOf(c)):
				label.WriteString("…")
				values = append(values, textOf(c))
			default:
				walk(c)
			}
		}
	}
	walk(n)
	if len(values) > 0 && headingLevel(n) == 0 && n.DataAtom != atom.H1 {
		r.add(r.under(label.String()), strings.Join(values, " · "))
	}
}

// textOutsideLinks is the text of n that is not in a link.
func textOutsideLinks(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			b.WriteString(c.Data)
		case c.Type == html.ElementNode && c.DataAtom != atom.A:
			b.WriteString(textOutsideLinks(c))
		}
	}
	return b.String()
}

// table reads each cell with a figure, named by the caption, the row's
// header and the column's headers.
func (r *reader) table(t *html.Node) {
	caption := ""
	var columns []string // the headers of each column, joined
	var pending []int    // rows a header cell still spans, by column
	for n := range t.Descendants() {
		switch n.DataAtom {
		case atom.Caption:
			caption = textOf(n)
		case atom.Tr:
			cells := rowCells(n)
			if n.Parent.DataAtom == atom.Thead || allHeaders(cells) {
				columns, pending = headerRow(columns, pending, cells)
				continue
			}
			row := ""
			for i, c := range cells {
				if c.DataAtom == atom.Th || i == 0 && row == "" {
					row = textOf(c)
					continue
				}
				column := ""
				if i < len(columns) {
					column = columns[i]
				}
				r.add(strings.Join(nonEmpty(caption, row, column), " › "), textOf(c))
			}
		}
	}
}

func rowCells(tr *html.Node) []*html.Node {
	var cells []*html.Node
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom == atom.Th || c.DataAtom == atom.Td {
			cells = append(cells, c)
		}
	}
	return cells
}

func allHeaders(cells []*html.Node) bool {
	for _, c := range cells {
		if c.DataAtom != atom.Th {
			return false
		}
	}
	return len(cells) > 0
}

// headerRow adds one row of column headers: each cell spans colspan
// columns, and rowspan rows (the columns it spans skip that many rows).
func headerRow(columns []string, pending []int, cells []*html.Node) ([]string, []int) {
	col := 0
	for _, c := range cells {
		for col < len(pending) && pending[col] > 0 {
			pending[col]--
			col++
		}
		span := max(atoiAttr(c, "colspan"), 1)
		rows := max(atoiAttr(c, "rowspan"), 1)
		for range span {
			for len(columns) <= col {
				columns, pending = append(columns, ""), append(pending, 0)
			}
			columns[col] = strings.Join(nonEmpty(columns[col], textOf(c)), " ")
			pending[col] = rows - 1
			col++
		}
	}
	for ; col < len(pending); col++ {
		pending[col] = max(pending[col]-1, 0)
	}
	return columns, pending
}

func atoiAttr(n *html.Node, key string) int {
	for _, a := range n.Attr {
		if a.Key == key {
			v, _ := strconv.Atoi(a.Val)
			return v
		}
	}
	return 0
}

func nonEmpty(parts ...string) []string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

func textOf(n *html.Node) string {
	var b strings.Builder
	for c := range n.Descendants() {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return clean(b.String())
}

// clean puts a text on one line, with single spaces.
func clean(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// figures writes the figures of a page that change, and all of them
// folded away.
func figures(b *strings.Builder, page string, old, cur []figure) {
	type pair struct{ label, before, after string }
	var rows []pair
	index := map[string]int{}
	for _, f := range old {
		index[f.label] = len(rows)
		rows = append(rows, pair{f.label, f.value, "—"})
	}
	for _, f := range cur {
		if i, ok := index[f.label]; ok {
			rows[i].after = f.value
			continue
		}
		rows = append(rows, pair{f.label, "—", f.value})
	}
	fmt.Fprintf(b, "#### Figures on %s\n\n", page)
	var changed []pair
	for _, r := range rows {
		if r.before != r.after {
			changed = append(changed, r)
		}
	}
	table := func(rows []pair) {
		b.WriteString("| | before | after | change |\n| --- | ---: | ---: | ---: |\n")
		for _, r := range rows {
			fmt.Fprintf(b, "| %s | %s | %s | %s |\n", annotate.Cell(r.label), annotate.Cell(r.before), annotate.Cell(r.after), delta(r.before, r.after))
		}
		b.WriteString("\n")
	}
	if len(changed) == 0 {
		fmt.Fprintf(b, "No figure on %s changes.\n\n", page)
	} else {
		table(changed)
	}
	if len(rows) > 0 {
		fmt.Fprintf(b, "<details><summary>Every figure on %s (%d)</summary>\n\n", page, len(rows))
		table(rows)
		b.WriteString("</details>\n\n")
	}
}

// delta is the difference of the figures of two values, like "+146": of
// the one figure each holds ("at least 7,038"), or, for values of as many
// parts before as after ("8,072 · 8,050 · 11 March 2026 · …"), of each
// part that changed. A value with a year in it is a date, or holds one:
// it has none.
func delta(before, after string) string {
	if d := partDelta(before, after); d != "" {
		return d
	}
	parts, afterParts := strings.Split(before, " · "), strings.Split(after, " · ")
	if len(parts) < 2 || len(parts) != len(afterParts) {
		return ""
	}
	var deltas []string
	for i := range parts {
		if d := partDelta(parts[i], afterParts[i]); d != "" {
			deltas = append(deltas, d)
		}
	}
	return strings.Join(deltas, " · ")
}

// partDelta is the difference of two values that each hold one figure,
// or "".
func partDelta(before, after string) string {
	x, ok1 := oneNumber(before)
	y, ok2 := oneNumber(after)
	if !ok1 || !ok2 || x == y {
		return ""
	}
	return fmt.Sprintf("%+d", y-x)
}

func oneNumber(value string) (int, bool) {
	found := numbers.FindAllString(value, -1)
	if len(found) != 1 || isYear(found[0]) {
		return 0, false
	}
	n, err := strconv.Atoi(strings.ReplaceAll(found[0], ",", ""))
	return n, err == nil
}
