package render

import (
	"math"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/lang"
	"github.com/exchange-timeline/timeline/generator/internal/model"
)

// Statistics is what the home page shows about the figures: for each kind of
// event with disclosed figures, the totals year by year and a chart of the
// running totals. It is worked out once per build, in time linear in the
// number of events; the chart's geometry only when the home page is
// rendered.
type Statistics struct {
	Kinds []*KindStats
}

// KindStats are the statistics of one kind of event.
type KindStats struct {
	Total   *model.KindTotal
	Years   []model.YearTotal
	Running *model.Running
	once    sync.Once
	chart   *Chart
}

// Kind is the kind of event: "exchange", "repatriation"...
func (k *KindStats) Kind() string { return k.Total.Kind }

// Chart is the geometry of the chart of the running totals, or nil when
// there are fewer than two dates to draw a line between.
func (k *KindStats) Chart() *Chart {
	k.once.Do(func() {
		if len(k.Running.Points) >= 2 {
			k.chart = newChart(k.Running)
		}
	})
	return k.chart
}

func newStatistics(s *model.Site) *Statistics {
	st := &Statistics{}
	for _, kt := range s.Totals {
		st.Kinds = append(st.Kinds, &KindStats{Total: kt, Years: s.YearTotals(kt.Kind), Running: s.RunningTotals(kt.Kind)})
	}
	return st
}

// Of returns the statistics of one kind, or nil.
func (st *Statistics) Of(kind string) *KindStats {
	for _, k := range st.Kinds {
		if k.Kind() == kind {
			return k
		}
	}
	return nil
}

// statisticsDeps covers every number the statistics show.
func statisticsDeps(st *Statistics) func(*hasher) {
	return func(h *hasher) {
		for _, k := range st.Kinds {
			h.string(k.Kind())
			h.uint(uint64(k.Total.Events))
			h.uint(uint64(k.Total.Disputed))
			for _, p := range k.Running.Points {
				h.string(p.Date.String())
				for _, c := range p.Counts {
					h.uint(uint64(c))
				}
			}
			for _, y := range k.Years {
				h.uint(uint64(y.Year.Year))
				h.uint(uint64(y.Events))
				h.uint(uint64(y.Disputed))
				for _, c := range y.Counts {
					h.uint(uint64(c))
				}
			}
		}
	}
}

// Chart is a line chart of running totals over time, in SVG user units:
// the chart is Width × Height, and the lines are drawn inside the plot
// area from (Left, Top) to (Right, Bottom). Templates draw it (see
// partials/chart.html); numbers are rounded to one decimal.
type Chart struct {
	Width, Height            float64
	Left, Right, Top, Bottom float64
	From, To                 content.Date
	// XTicks mark the first day of each year; XLabels are the years,
	// centred on their part of the axis when it is wide enough.
	XTicks, XLabels []Tick
	// YTicks are round numbers from zero to above the largest total.
	YTicks []Tick
	Series []*Series
	// x and y place a date and a number in the plot.
	x func(content.Date) float64
	y func(int) float64
}

// Tick is a position on an axis and its label.
type Tick struct {
	Pos   float64
	Label string
}

// Series is the line of one party.
type Series struct {
	// Index counts from 1, for classes: "series-1".
	Index int
	Party *content.Party
	Total int
	// Points is the polyline's points attribute: a step line that starts
	// at zero and rises on each date by what was returned then.
	Points string
	// EndX and EndY are the line's last point.
	EndX, EndY float64
}

// The chart's size and margins, in user units; the SVG scales to its box.
// The left and right margins are narrow: the numbers of the vertical axis
// are written above their lines, inside the plot, and the totals in the
// legend.
const (
	chartWidth, chartHeight   = 720, 380
	chartLeft, chartRight     = 8, 712
	chartTop, chartBottom     = 24, 350
	chartMinYearLabelWidth    = 40
	chartTargetYTicks         = 4
	secondsPerDay             = 24 * 60 * 60
	chartDomainMinimumSeconds = 30 * secondsPerDay
)

// newChart lays out the chart of r, which has at least two points.
func newChart(r *model.Running) *Chart {
	c := &Chart{Width: chartWidth, Height: chartHeight, Left: chartLeft, Right: chartRight, Top: chartTop, Bottom: chartBottom}
	first := r.Points[0].Date
	c.From = content.NewDate(first.Year(), time.January, 1)
	c.To = r.Points[len(r.Points)-1].Date
	from, to := float64(c.From.Time().Unix()), float64(c.To.Time().Unix())
	to = max(to, from+chartDomainMinimumSeconds)
	// Dates fall on whole units: the events of one unit (two days on a
	// four-year axis) make one step, so the line has at most two points
	// per unit, however many events there are.
	x := func(d content.Date) float64 {
		return math.Round(c.Left + (float64(d.Time().Unix())-from)/(to-from)*(c.Right-c.Left))
	}
	step, top := yScale(r.Max())
	y := func(n int) float64 { return round1(c.Bottom - float64(n)/float64(top)*(c.Bottom-c.Top)) }
	c.x, c.y = x, y
	for v := 0; v <= top; v += step {
		c.YTicks = append(c.YTicks, Tick{y(v), lang.Number(v)})
	}
	// A tick every year, or every 2, 5, 10... years on a long record, so
	// that ticks stay apart; the years are labelled in the middle of their
	// part of the axis, or at their tick when a tick stands for several.
	yearWidth := 365.25 * secondsPerDay / (to - from) * (c.Right - c.Left)
	every := 1
	for _, n := range []int{1, 2, 5, 10, 20, 50, 100, 200, 500} {
		every = n
		if float64(n)*yearWidth >= chartMinYearLabelWidth {
			break
		}
	}
	firstYear := (c.From.Year() + every - 1) / every * every // round years: 1910, 1920...
	for year := firstYear; year <= c.To.Year(); year += every {
		start := x(content.NewDate(year, time.January, 1))
		end := min(x(content.NewDate(year+1, time.January, 1)), c.Right)
		c.XTicks = append(c.XTicks, Tick{start, strconv.Itoa(year)})
		switch {
		case every == 1 && end-start >= chartMinYearLabelWidth:
			c.XLabels = append(c.XLabels, Tick{round1((start + end) / 2), strconv.Itoa(year)})
		case every > 1 && start > c.Left && start+chartMinYearLabelWidth/2 <= c.Right:
			c.XLabels = append(c.XLabels, Tick{start, strconv.Itoa(year)})
		}
	}
	for i, party := range r.Parties {
		s := &Series{Index: i + 1, Party: party, Total: r.Final()[i]}
		start := [2]float64{x(c.From), y(0)}
		vertices := [][2]float64{start}
		rose := false // whether the last vertex ends a rise
		for _, p := range r.Points {
			last := vertices[len(vertices)-1]
			px, py := x(p.Date), y(p.Counts[i])
			switch {
			case py == last[1]:
				continue
			case px == last[0] && rose:
				// Another rise at the same x, as many events fall in
				// one unit on a long timeline: raise the last vertex
				// rather than draw a line of no width.
				vertices[len(vertices)-1][1] = py
				continue
			case px != last[0]:
				vertices = append(vertices, [2]float64{px, last[1]})
			}
			vertices = append(vertices, [2]float64{px, py})
			rose = true
		}
		last := vertices[len(vertices)-1]
		if end := x(c.To); end != last[0] {
			vertices = append(vertices, [2]float64{end, last[1]})
		}
		var b strings.Builder
		for j, v := range vertices {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(coord(v[0], v[1]))
		}
		s.Points = b.String()
		end := vertices[len(vertices)-1]
		s.EndX, s.EndY = end[0], end[1]
		c.Series = append(c.Series, s)
	}
	return c
}

// yScale returns a round step and the axis's top, a multiple of the step at
// or above max, for about chartTargetYTicks ticks.
func yScale(largest int) (step, top int) {
	if largest <= 0 {
		return 1, 1
	}
	raw := float64(largest) / chartTargetYTicks
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step = int(mag)
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = int(m * mag)
			break
		}
	}
	step = max(step, 1)
	top = (largest + step - 1) / step * step
	return step, top
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }

func coord(x, y float64) string {
	return strconv.FormatFloat(x, 'f', -1, 64) + "," + strconv.FormatFloat(y, 'f', -1, 64)
}

// allDeps joins the deps of an output's parts.
func allDeps(deps ...func(*hasher)) func(*hasher) {
	return func(h *hasher) {
		for _, d := range deps {
			d(h)
		}
	}
}
