package render

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/exchange-timeline/timeline/generator/internal/content"
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
	// Official are the officials' running totals of this kind, for any
	// party, by date.
	Official []*model.Statement
	once     sync.Once
	chart    *Chart
	bars     *BarChart
}

// Kind is the kind of event: "exchange", "repatriation"...
func (k *KindStats) Kind() string { return k.Total.Kind }

// Chart is the geometry of the chart of the running totals, or nil when
// there are fewer than two dates to draw a line between.
func (k *KindStats) Chart() *Chart {
	k.layOut()
	return k.chart
}

// Bars is the geometry of the chart of the numbers year by year, or nil
// when there is only one year.
func (k *KindStats) Bars() *BarChart {
	k.layOut()
	return k.bars
}

func (k *KindStats) layOut() {
	k.once.Do(func() {
		if len(k.Running.Points) >= 2 {
			k.chart = newChart(k.Running, k.Official)
		}
		if len(k.Years) >= 2 {
			k.bars = newBarChart(k.Years, k.Running.Parties)
		}
	})
}

func newStatistics(s *model.Site) *Statistics {
	st := &Statistics{}
	for _, kt := range s.Totals {
		ks := &KindStats{Total: kt, Years: s.YearTotals(kt.Kind), Running: s.RunningTotals(kt.Kind)}
		for _, p := range s.Parties {
			ks.Official = append(ks.Official, s.Official(kt.Kind, p.ID)...)
		}
		st.Kinds = append(st.Kinds, ks)
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
	// Marks are the officials' running totals, as points on the chart.
	Marks []*Mark
	// x and y place a date and a number in the plot.
	x func(content.Date) float64
	y func(int) float64
}

// Tick is a position on an axis and its label: a year, or on the axis of
// numbers the Value, which each edition writes in its language.
type Tick struct {
	Pos   float64
	Label string
	Value int
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
	// EndX and EndY are the line's last point; LabelY is where its value
	// is written, apart from the other lines' labels.
	EndX, EndY, LabelY float64
}

// Mark is an official's running total on the chart of the record's own.
type Mark struct {
	// Index is the series of the party it counts for.
	Index     int
	Statement *model.Statement
	X, Y      float64
	// Labelled is set on the latest mark of each party, whose value is
	// written beside it; the others are in the table below the chart.
	Labelled bool
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

// newChart lays out the chart of r, which has at least two points, with
// the officials' running totals of the same kind.
func newChart(r *model.Running, official []*model.Statement) *Chart {
	c := &Chart{Width: chartWidth, Height: chartHeight, Left: chartLeft, Right: chartRight, Top: chartTop, Bottom: chartBottom}
	first := r.Points[0].Date
	c.From = content.NewDate(first.Year(), time.January, 1)
	c.To = r.Points[len(r.Points)-1].Date
	largest := r.Max()
	for _, st := range official {
		if !st.Date.Before(c.From) {
			c.To = laterDate(c.To, st.Date)
			largest = max(largest, *st.Count)
		}
	}
	from, to := float64(c.From.Time().Unix()), float64(c.To.Time().Unix())
	to = max(to, from+chartDomainMinimumSeconds)
	// Dates fall on whole units: the events of one unit (two days on a
	// four-year axis) make one step, so the line has at most two points
	// per unit, however many events there are.
	x := func(d content.Date) float64 {
		return math.Round(c.Left + (float64(d.Time().Unix())-from)/(to-from)*(c.Right-c.Left))
	}
	step, top := yScale(largest)
	y := func(n int) float64 { return round1(c.Bottom - float64(n)/float64(top)*(c.Bottom-c.Top)) }
	c.x, c.y = x, y
	for v := 0; v <= top; v += step {
		c.YTicks = append(c.YTicks, Tick{Pos: y(v), Value: v})
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
		c.XTicks = append(c.XTicks, Tick{Pos: start, Label: strconv.Itoa(year)})
		switch {
		case every == 1 && end-start >= chartMinYearLabelWidth:
			c.XLabels = append(c.XLabels, Tick{Pos: round1((start + end) / 2), Label: strconv.Itoa(year)})
		case every > 1 && start > c.Left && start+chartMinYearLabelWidth/2 <= c.Right:
			c.XLabels = append(c.XLabels, Tick{Pos: start, Label: strconv.Itoa(year)})
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
	c.placeEndLabels()
	c.mark(official)
	return c
}

// chartLabelGap is the least distance between two end labels, about a line
// of text.
const chartLabelGap = 16

// placeEndLabels writes each line's value above its end, moving labels
// apart where lines end close together.
func (c *Chart) placeEndLabels() {
	bySeries := slices.Clone(c.Series)
	slices.SortFunc(bySeries, func(a, b *Series) int { return cmp.Compare(a.EndY, b.EndY) })
	previous := math.Inf(-1)
	for _, s := range bySeries {
		s.LabelY = round1(max(s.EndY-6, previous+chartLabelGap, c.Top))
		previous = s.LabelY
	}
}

// mark places the officials' running totals that fall within the chart,
// labelling each party's latest one.
func (c *Chart) mark(official []*model.Statement) {
	latest := map[int]*Mark{}
	for _, st := range official {
		if st.Date.Before(c.From) {
			continue
		}
		for _, s := range c.Series {
			if s.Party == st.To {
				m := &Mark{Index: s.Index, Statement: st, X: c.x(st.Date), Y: c.y(*st.Count)}
				c.Marks = append(c.Marks, m)
				latest[s.Index] = m
			}
		}
	}
	for _, m := range latest {
		m.Labelled = true
	}
}

func laterDate(a, b content.Date) content.Date {
	if a.Before(b) {
		return b
	}
	return a
}

// BarChart shows what was returned to each party year by year, a group of
// bars per year, in the same units as Chart.
type BarChart struct {
	Width, Height            float64
	Left, Right, Top, Bottom float64
	YTicks                   []Tick
	Years                    []*BarYear
	// Legend has a bar per party, for the key.
	Legend []Bar
}

// BarYear is one year's group of bars.
type BarYear struct {
	Label string
	// X is the middle of the group, for its label.
	X    float64
	Bars []Bar
}

// Bar is one party's number in one year.
type Bar struct {
	Index      int // the party's series, from 1
	Party      *content.Party
	Value      int
	X, Y, W, H float64
}

// barAxisLabelWidth leaves room for the axis's numbers, in user units.
const barAxisLabelWidth = 48

func newBarChart(years []model.YearTotal, parties []*content.Party) *BarChart {
	b := &BarChart{Width: chartWidth, Height: chartHeight, Left: chartLeft, Right: chartRight, Top: chartTop, Bottom: chartBottom}
	largest := 0
	for _, y := range years {
		for _, n := range y.Counts {
			largest = max(largest, n)
		}
	}
	step, top := yScale(largest)
	height := func(n int) float64 { return round1(float64(n) / float64(top) * (b.Bottom - b.Top)) }
	for v := 0; v <= top; v += step {
		b.YTicks = append(b.YTicks, Tick{Pos: round1(b.Bottom - height(v)), Value: v})
	}
	for j, p := range parties {
		b.Legend = append(b.Legend, Bar{Index: j + 1, Party: p})
	}
	// The bars start right of the axis's numbers, which stand at its left
	// edge above their lines.
	left := b.Left + barAxisLabelWidth
	group := (b.Right - left) / float64(len(years))
	barWidth := round1(group * 0.7 / float64(max(len(parties), 1)))
	for i, y := range years {
		start := left + group*float64(i) + group*0.15
		by := &BarYear{Label: strconv.Itoa(y.Year.Year), X: round1(left + group*(float64(i)+0.5))}
		for j, n := range y.Counts {
			h := height(n)
			by.Bars = append(by.Bars, Bar{Index: j + 1, Party: parties[j], Value: n,
				X: round1(start + barWidth*float64(j)), Y: round1(b.Bottom - h), W: barWidth, H: h})
		}
		b.Years = append(b.Years, by)
	}
	return b
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
