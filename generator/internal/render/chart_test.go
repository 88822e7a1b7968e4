package render

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/model"
)

var chartParties = []*content.Party{{ID: "ukraine", Name: "Ukraine"}, {ID: "russia", Name: "Russia"}}

func running(points ...model.RunningPoint) *model.Running {
	return &model.Running{Kind: "exchange", Parties: chartParties, Points: points}
}

func point(date string, counts ...int) model.RunningPoint {
	d, err := content.ParseDate(date)
	if err != nil {
		panic(err)
	}
	return model.RunningPoint{Date: d, Counts: counts}
}

// vertices parses a polyline's points attribute.
func vertices(t *testing.T, points string) [][2]float64 {
	t.Helper()
	var out [][2]float64
	for _, pair := range strings.Fields(points) {
		xs, ys, ok := strings.Cut(pair, ",")
		x, err1 := strconv.ParseFloat(xs, 64)
		y, err2 := strconv.ParseFloat(ys, 64)
		if !ok || err1 != nil || err2 != nil {
			t.Fatalf("bad point %q in %q", pair, points)
		}
		out = append(out, [2]float64{x, y})
	}
	return out
}

// valueAt reads a height back into a number, from the vertical axis's
// ticks as a reader would: the first tick is 0, the last one its value.
func valueAt(t *testing.T, c *Chart, y float64) float64 {
	t.Helper()
	zero, top := c.YTicks[0], c.YTicks[len(c.YTicks)-1]
	if zero.Value != 0 {
		t.Fatalf("the axis starts at %d", zero.Value)
	}
	return (zero.Pos - y) / (zero.Pos - top.Pos) * float64(top.Value)
}

// tolerance is how far a number read back from a height may be from the
// truth: heights are rounded to a tenth of a unit.
func tolerance(c *Chart) float64 {
	top := c.YTicks[len(c.YTicks)-1].Value
	return 0.05*float64(top)/(c.Bottom-c.Top) + 1e-9
}

// A small chart, point by point: a step line from zero on 1 January of the
// first year, rising on each date by what was returned, to the last date.
func TestChartPoints(t *testing.T) {
	c := newChart(running(
		point("2022-04-01", 86, 86),
		point("2022-06-29", 230, 130),
		point("2023-01-08", 280, 130),
	), nil)
	if c.From.String() != "2022-01-01" || c.To.String() != "2023-01-08" {
		t.Errorf("domain %s to %s", c.From, c.To)
	}
	// 372 days over 704 units; the axis goes to 300 in steps of 100.
	var ticks []string
	for _, tk := range c.YTicks {
		ticks = append(ticks, strconv.Itoa(tk.Value)+"@"+strconv.FormatFloat(tk.Pos, 'f', -1, 64))
	}
	if want := []string{"0@350", "100@241.3", "200@132.7", "300@24"}; !slices.Equal(ticks, want) {
		t.Errorf("y ticks %q, want %q", ticks, want)
	}
	x := func(date string) string {
		d, _ := content.ParseDate(date)
		days := d.Time().Sub(c.From.Time()).Hours() / 24
		return strconv.FormatFloat(math.Round(8+days/372*704), 'f', -1, 64)
	}
	want := []string{
		"8,350",
		x("2022-04-01") + ",350", x("2022-04-01") + ",256.5", // 86
		x("2022-06-29") + ",256.5", x("2022-06-29") + ",100.1", // 230
		x("2023-01-08") + ",100.1", x("2023-01-08") + ",45.7", // 280
	}
	if got := c.Series[0].Points; got != strings.Join(want, " ") {
		t.Errorf("Ukraine:\n got %s\nwant %s", got, strings.Join(want, " "))
	}
	// Russia's line does not rise on the last date: it runs flat to the end.
	wantRussia := "8,350 " + x("2022-04-01") + ",350 " + x("2022-04-01") + ",256.5 " + x("2022-06-29") + ",256.5 " +
		x("2022-06-29") + ",208.7 712,208.7"
	if got := c.Series[1].Points; got != wantRussia {
		t.Errorf("Russia:\n got %s\nwant %s", got, wantRussia)
	}
	if c.Series[0].Total != 280 || c.Series[1].Total != 130 || c.Series[1].EndX != 712 || c.Series[1].EndY != 208.7 {
		t.Errorf("ends: %+v %+v", *c.Series[0], *c.Series[1])
	}
	var years []string
	for _, tk := range c.XTicks {
		years = append(years, tk.Label)
	}
	if !slices.Equal(years, []string{"2022", "2023"}) || len(c.XLabels) != 1 || c.XLabels[0].Label != "2022" {
		t.Errorf("years: ticks %q, labels %+v", years, c.XLabels)
	}
}

// On a long record with many events, every step of the line lands on the
// running total of its date, read back through the axis; the last point is
// the total; and the line stays small: at most two points per unit of width.
func TestChartPointsMatchTotals(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var points []model.RunningPoint
	counts := []int{0, 0}
	day := content.NewDate(2022, time.February, 24)
	for range 10000 {
		day = content.NewDate(day.Year(), day.Time().Month(), day.Time().Day()+rng.IntN(3))
		counts = []int{counts[0] + rng.IntN(200), counts[1] + rng.IntN(150)}
		if n := len(points); n > 0 && points[n-1].Date == day {
			points[n-1].Counts = slices.Clone(counts)
			continue
		}
		points = append(points, model.RunningPoint{Date: day, Counts: slices.Clone(counts)})
	}
	r := running(points...)
	c := newChart(r, nil)
	tol := tolerance(c)
	checked := 0
	for i, s := range c.Series {
		vs := vertices(t, s.Points)
		if len(vs) > 2*int(c.Right-c.Left+1)+2 {
			t.Errorf("%s: %d points for %v units", s.Party.ID, len(vs), c.Right-c.Left)
		}
		// The last running total of each x, as the line must show it.
		want := map[float64]int{}
		for _, p := range r.Points {
			want[c.x(p.Date)] = p.Counts[i]
		}
		for j, v := range vs {
			if j > 0 && (v[0] < vs[j-1][0] || v[1] > vs[j-1][1]) {
				t.Fatalf("%s: the line goes back or down at %v", s.Party.ID, v)
			}
			// A rise ends where the next point moves right, or at the end.
			if j == 0 || j+1 < len(vs) && vs[j+1][0] == v[0] {
				continue
			}
			n, ok := want[v[0]]
			if !ok && j == len(vs)-1 {
				n, ok = r.Final()[i], true
			}
			if !ok {
				t.Fatalf("%s: point %v is on no date", s.Party.ID, v)
			}
			if got := valueAt(t, c, v[1]); math.Abs(got-float64(n)) > tol {
				t.Fatalf("%s: point %v reads %.2f, the total then is %d", s.Party.ID, v, got, n)
			}
			checked++
		}
		last := vs[len(vs)-1]
		if got := valueAt(t, c, last[1]); math.Abs(got-float64(r.Final()[i])) > tol || last[0] != c.Right {
			t.Errorf("%s: the line ends at %v (%.2f), the total is %d", s.Party.ID, last, got, r.Final()[i])
		}
	}
	if checked < 1000 {
		t.Errorf("only %d steps checked", checked)
	}
}

// On a long record the years get a tick every few years, far enough apart
// to be read.
func TestChartYearTicksStayApart(t *testing.T) {
	c := newChart(running(point("1905-03-01", 1, 1), point("2027-06-01", 5, 7)), nil)
	if len(c.XTicks) > 20 || len(c.XTicks) < 5 || len(c.XLabels) == 0 {
		t.Fatalf("%d ticks, %d labels over 123 years", len(c.XTicks), len(c.XLabels))
	}
	for i := 1; i < len(c.XTicks); i++ {
		if gap := c.XTicks[i].Pos - c.XTicks[i-1].Pos; gap < chartMinYearLabelWidth {
			t.Errorf("ticks %s and %s are %v apart", c.XTicks[i-1].Label, c.XTicks[i].Label, gap)
		}
	}
	if c.XTicks[0].Label != "1910" || c.XTicks[1].Label != "1920" {
		t.Errorf("ticks: %+v", c.XTicks)
	}
}

func TestYScale(t *testing.T) {
	for largest, want := range map[int][2]int{
		0: {1, 1}, 1: {1, 1}, 3: {1, 3}, 7: {2, 8}, 280: {100, 300}, 7038: {2000, 8000},
		18868: {5000, 20000}, 20000: {5000, 20000}, 1000001: {500000, 1500000},
	} {
		step, top := yScale(largest)
		if step != want[0] || top != want[1] || top < largest || top%step != 0 {
			t.Errorf("yScale(%d) = %d, %d; want %v", largest, step, top, want)
		}
	}
}

// Officials' running totals are points on the chart, placed by their date
// and figure, within the axis (which grows to hold a figure above the
// record's); the latest one of each party is labelled. The lines' values
// are written at their ends, apart from each other.
func TestChartMarksAndEndLabels(t *testing.T) {
	r := running(point("2022-04-01", 100, 90), point("2022-12-31", 200, 195))
	statement := func(date string, to *content.Party, n int) *model.Statement {
		d, _ := content.ParseDate(date)
		return &model.Statement{Statement: &content.Statement{Date: d, Count: &n}, To: to}
	}
	official := []*model.Statement{
		statement("2022-06-01", chartParties[0], 150),
		statement("2023-02-01", chartParties[0], 260), // later and higher than the record
		statement("2021-12-31", chartParties[0], 10),  // before the axis: left out
	}
	c := newChart(r, official)
	if c.To.String() != "2023-02-01" {
		t.Errorf("the axis ends on %s, want the last statement's date", c.To)
	}
	if top := c.YTicks[len(c.YTicks)-1].Value; top != 300 {
		t.Errorf("the axis tops at %d, want 300 to hold 260", top)
	}
	if len(c.Marks) != 2 {
		t.Fatalf("%d marks, want 2", len(c.Marks))
	}
	first, last := c.Marks[0], c.Marks[1]
	if first.Labelled || !last.Labelled || first.Index != 1 {
		t.Errorf("marks: %+v %+v", first, last)
	}
	if last.X != c.Right || last.Y != c.y(260) || first.X != c.x(official[0].Date) {
		t.Errorf("mark positions: %+v %+v", first, last)
	}
	a, b := c.Series[0], c.Series[1]
	if d := math.Abs(b.LabelY - a.LabelY); d < chartLabelGap-0.05 {
		t.Errorf("end labels %v and %v overlap (ends at %v and %v)", a.LabelY, b.LabelY, a.EndY, b.EndY)
	}
}

// The chart year by year has a group of bars per year, one per party, as
// high as that year's number against the axis.
func TestBarChart(t *testing.T) {
	years := []model.YearTotal{
		{Year: &model.Year{Year: 2022}, Counts: []int{100, 50}},
		{Year: &model.Year{Year: 2023}, Counts: []int{0, 200}},
	}
	b := newBarChart(years, chartParties)
	if len(b.Years) != 2 || len(b.Years[0].Bars) != 2 || len(b.Legend) != 2 {
		t.Fatalf("bars: %+v", b)
	}
	full := b.Bottom - b.Top // the axis tops at 200
	for _, tc := range []struct {
		bar  Bar
		want float64
	}{{b.Years[0].Bars[0], full / 2}, {b.Years[0].Bars[1], full / 4}, {b.Years[1].Bars[0], 0}, {b.Years[1].Bars[1], full}} {
		if tc.bar.H != round1(tc.want) || tc.bar.Y+tc.bar.H != b.Bottom {
			t.Errorf("bar %+v: height %v, want %v", tc.bar, tc.bar.H, tc.want)
		}
	}
	if b.Years[0].Bars[1].X <= b.Years[0].Bars[0].X || b.Years[1].X <= b.Years[0].X {
		t.Error("bars are not laid out left to right")
	}
}
