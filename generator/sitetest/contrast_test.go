package sitetest

import (
	"fmt"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// palette reads the colour custom properties of a :root block of the
// stylesheet: name (without --) → #rrggbb.
func palette(t *testing.T, block string) map[string]string {
	t.Helper()
	colors := map[string]string{}
	for _, m := range regexp.MustCompile(`--([a-z0-9-]+):\s*(#[0-9a-f]{6})\s*;`).FindAllStringSubmatch(block, -1) {
		colors[m[1]] = m[2]
	}
	return colors
}

func luminance(hex string) float64 {
	var l [3]float64
	for i := range l {
		v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		c := float64(v) / 255
		if c <= 0.04045 {
			l[i] = c / 12.92
		} else {
			l[i] = math.Pow((c+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2]
}

func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// The colours of both themes pass WCAG 2.2 AA: text 4.5:1 against every
// background it is set on (1.4.3), and lines, markers, borders of controls
// and the focus outline 3:1 (1.4.11). axe-core checks the text of the
// pages; this covers what it cannot judge, such as the chart's lines and
// labels inside its SVG, and the colours a page may not happen to use.
func TestColourContrast(t *testing.T) {
	css, err := os.ReadFile("../../layouts/static/style.css")
	if err != nil {
		t.Fatal(err)
	}
	light, rest, _ := strings.Cut(string(css), "@media (prefers-color-scheme: dark)")
	dark, _, _ := strings.Cut(rest, "\n}\n")
	backgrounds := []string{"bg", "surface", "surface-2"}
	checks := []struct {
		fg      string
		bgs     []string
		minimum float64
	}{
		{"text", backgrounds, 4.5},
		{"muted", backgrounds, 4.5},
		{"accent", append(backgrounds, "accent-soft"), 4.5},
		{"warn", []string{"bg", "surface", "warn-soft"}, 4.5},
		{"text", []string{"warn-soft", "accent-soft"}, 4.5},
		{"kind-exchange", backgrounds, 4.5},
		{"kind-repatriation", backgrounds, 4.5},
		{"kind-talks", backgrounds, 4.5},
		{"kind-other", backgrounds, 4.5},
		{"series-1", []string{"surface"}, 3},
		{"series-2", []string{"surface"}, 3},
		{"line-strong", backgrounds, 3},
		{"warn-line", []string{"bg", "surface"}, 3},
		{"accent", []string{"bg", "surface", "surface-2", "accent-soft"}, 3},
	}
	for theme, block := range map[string]string{"light": light, "dark": dark} {
		colors := palette(t, block)
		if len(colors) < 15 {
			t.Fatalf("%s theme: only %d colours found", theme, len(colors))
		}
		for _, c := range checks {
			for _, bg := range c.bgs {
				fg, bgc := colors[c.fg], colors[bg]
				if fg == "" || bgc == "" {
					t.Errorf("%s theme: --%s or --%s is not a #rrggbb colour", theme, c.fg, bg)
					continue
				}
				if r := contrast(fg, bgc); r < c.minimum {
					t.Errorf("%s theme: --%s %s on --%s %s has contrast %.2f:1, below %s:1", theme, c.fg, fg, bg, bgc, r, fmt.Sprint(c.minimum))
				}
			}
		}
	}
	// The chart's fallback colours, for a page read without the stylesheet.
	if r := contrast("#1d4e89", "#ffffff"); r < 3 {
		t.Errorf("the chart's fallback line colour has contrast %.2f:1", r)
	}
}
