package diag

import "testing"

func TestClosest(t *testing.T) {
	fields := []string{"title", "date", "end_date", "sources", "summary", "people", "tags"}
	for word, want := range map[string]string{
		"soruces": "sources", // a swap of neighbours is one edit
		"Title":   "title",
		"tag":     "tags",
		"dates":   "date",
		"peeple":  "people",
		"colour":  "",
		"x":       "",
	} {
		if got := Closest(word, fields); got != want {
			t.Errorf("Closest(%q) = %q, want %q", word, got, want)
		}
	}
	if got := Closest("dmytro-khylyuk", []string{"dmytro-khyliuk", "mark-kaliush"}); got != "dmytro-khyliuk" {
		t.Errorf("got %q", got)
	}
}

func TestString(t *testing.T) {
	for d, want := range map[Diagnostic]string{
		{Path: "a.md", Line: 7, Col: 3, Message: "m", Hint: "h"}:         "a.md:7:3: m (h)",
		{Path: "a.md", Line: 7, Message: "m"}:                            "a.md:7: m",
		{Path: "a.md", Message: "m"}:                                     "a.md: m",
		{Path: "a.md", Line: 1, Col: 1, Message: "m", Severity: Warning}: "a.md:1:1: warning: m",
	} {
		if got := d.String(); got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

func TestSort(t *testing.T) {
	l := List{
		{Path: "b.md", Line: 1, Message: "x"},
		{Path: "a.md", Line: 9, Message: "y"},
		{Path: "a.md", Line: 2, Col: 5, Severity: Warning, Message: "a"},
		{Path: "a.md", Line: 2, Col: 5, Message: "z"},
	}
	l.Sort()
	want := "a.md:2:5: z\na.md:2:5: warning: a\na.md:9: y\nb.md:1: x"
	if l.Error() != want {
		t.Errorf("got\n%s", l.Error())
	}
	if !l.HasErrors() || l.Count(Warning) != 1 || (List{l[1]}).HasErrors() {
		t.Error("counts")
	}
}
