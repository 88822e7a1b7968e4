package content

import "slices"

// The `field` tag names a front-matter field; ",required" marks one that must
// be present and non-empty, and ",max=N" bounds a list's length. The bounds
// are several times the longest list in the shipped content; they keep what
// one file can make the site print (each item of a list appears on several
// pages) and the work of checking it small. Optional values that have no natural empty form
// are pointers, nil when absent. The decoder, the validator, the JSON data files
// and the field reference in CONTRIBUTING.md all read these structs, so a
// field added here exists everywhere at once.

// Doc is what every content file has besides its front matter.
type Doc struct {
	// ID is the file name without ".md": the page's URL slug.
	ID string `json:"id"`
	// Path is the file's slash-separated path inside the content FS.
	Path string `json:"-"`
	// Body is the Markdown after the front matter.
	Body string `json:"-"`
	// BodyLine is the line of the file on which Body starts.
	BodyLine int `json:"-"`
	// Hash identifies the file's bytes, so that later stages can tell
	// what changed between two builds.
	Hash uint64 `json:"-"`
	// Positions says where the front matter's values are, to place the
	// problems found after decoding.
	Positions *Positions `json:"-"`
	// Shown is set on the copy of a file that an edition in another
	// language than the main files' shows: which of its texts have no
	// translation (see LangOf).
	Shown Shown `json:"-"`
}

// Shown says, in the copy of a file made for an edition in another
// language, which texts are shown untranslated, in the main files'
// language.
type Shown struct {
	// Fallback is the main files' language.
	Fallback string
	// Untranslated names the texts without a translation, by field
	// ("title", "summary"), "body" for the body.
	Untranslated []string
}

// LangOf is the language a text of the file is shown in when that is not
// the language of its page: the main files' language for a text that has
// no translation in this edition, and "" otherwise. Pages mark such texts
// with it (lang="en"), so that screen readers read them right.
func (d *Doc) LangOf(field string) string {
	if slices.Contains(d.Shown.Untranslated, field) {
		return d.Shown.Fallback
	}
	return ""
}

// Site is content/_index.md: settings for the whole site and the home page's
// introduction.
type Site struct {
	Doc
	Title       string `field:"title,required" json:"title"`
	Description string `field:"description" json:"description,omitempty"`
	// Languages are the site's editions, as language codes: the first is
	// the language of the main files, published at the site's root, and
	// each other is an edition under /CODE/ (see translations.go). A site
	// without them is in English only.
	Languages []string `field:"languages,max=20" json:"languages,omitempty"`
	Parties   []Party  `field:"parties,required,max=20" json:"parties"`
	// Tags gives tags their labels, by tag id; a tag without one is shown
	// by its id.
	Tags Texts `field:"tags" json:"tags,omitempty"`
	// Repository is the site's GitHub repository, "owner/name": pages link
	// to it to report a correction. Without it they do not.
	Repository string `field:"repository" json:"repository,omitempty"`
}

// Party is one side of the exchanges.
type Party struct {
	ID   string `field:"id,required" json:"id"`
	Name string `field:"name,required" json:"name"`
	// Lang is the language of Name where it is not the page's: in an
	// edition whose translation of the site does not name the party.
	Lang string `json:"-"`
}

// Event is one file in content/events/.
type Event struct {
	Doc
	Title    string        `field:"title,required" json:"title"`
	Date     Date          `field:"date,required" json:"date"`
	EndDate  *Date         `field:"end_date" json:"end_date,omitempty"`
	Kind     string        `field:"kind,required" json:"kind"` // one of EventKinds
	Summary  string        `field:"summary" json:"summary,omitempty"`
	Place    string        `field:"place" json:"place,omitempty"`
	Mediator string        `field:"mediator" json:"mediator,omitempty"`
	Returned []Figure      `field:"returned,max=50" json:"returned"`
	People   []Participant `field:"people,max=200" json:"people"`
	Tags     []string      `field:"tags,max=20" json:"tags"`
	Sources  []Source      `field:"sources,required,max=50" json:"sources"`
	Draft    bool          `field:"draft" json:"-"`
	// RedirectFrom lists ids the event had before its file was renamed;
	// their URLs keep working.
	RedirectFrom []string `field:"redirect_from,max=20" json:"redirect_from"`
	// Stage names the event apart from others of its kind on its date:
	// the stages of one exchange reported separately ("second day").
	Stage string `field:"stage" json:"stage,omitempty"`
}

// Figure is one reported number of people (or remains) returned to a party.
type Figure struct {
	To string `field:"to,required" json:"to"`
	// Count is nil when the number was not disclosed.
	Count *int `field:"count" json:"count"`
	Qualifier
	// Number is the receiving party's official ordinal of the exchange
	// ("Ukraine's 68th exchange"), as this figure's source gives it.
	Number *int `field:"number" json:"number,omitempty"`
	// Remains marks bodies handed over during an exchange: they count
	// with the remains, not with the people returned alive.
	Remains bool   `field:"remains" json:"remains,omitempty"`
	Group   string `field:"group" json:"group,omitempty"`
	Source  string `field:"source" json:"source,omitempty"`
	// GroupLang is the language of Group where it is not the page's: in
	// an edition whose translation of the event does not translate it.
	GroupLang string `json:"-"`
}

// Qualifier says how exact a reported number is: "about 250" is Approx,
// "more than 6,000" is AtLeast. At most one is set.
type Qualifier struct {
	Approx  bool `field:"approx" json:"approx,omitempty"`
	AtLeast bool `field:"at_least" json:"at_least,omitempty"`
}

// Participant links an event to a person and says what they did in it.
type Participant struct {
	ID   string `field:"id,required" json:"id"`
	Role string `field:"role,required" json:"role"` // one of Roles
}

// Source is a publication backing an event's or a person's facts.
type Source struct {
	ID        string `field:"id,required" json:"id"`
	Publisher string `field:"publisher,required" json:"publisher"`
	Title     string `field:"title" json:"title,omitempty"`
	URL       string `field:"url,required" json:"url"`
	Date      *Date  `field:"date" json:"date,omitempty"`
	// Undated says why a source has no date, when its page gives none.
	Undated string `field:"undated" json:"undated,omitempty"`
	Archive string `field:"archive" json:"archive,omitempty"`
}

// Person is one file in content/people/.
type Person struct {
	Doc
	Name          string       `field:"name,required" json:"name"`
	NativeName    string       `field:"native_name" json:"native_name,omitempty"`
	Aliases       []string     `field:"aliases,max=50" json:"aliases"`
	Description   string       `field:"description" json:"description,omitempty"`
	Party         string       `field:"party" json:"party,omitempty"`
	Captured      *PartialDate `field:"captured" json:"captured,omitempty"`
	CapturedPlace string       `field:"captured_place" json:"captured_place,omitempty"`
	// Portrait names an image in the layouts' static/portraits/ folder;
	// PortraitAlt describes it for people who cannot see it.
	Portrait     string   `field:"portrait" json:"portrait,omitempty"`
	PortraitAlt  string   `field:"portrait_alt" json:"portrait_alt,omitempty"`
	Sources      []Source `field:"sources,max=50" json:"sources"`
	RedirectFrom []string `field:"redirect_from,max=20" json:"redirect_from"`
	// MainName is, in the copy made for an edition in another language,
	// the name as the main file writes it, by which readers may search.
	MainName string `json:"-"`
}

// Statement is one file in content/statements/: an official's figure for
// the people (or remains) returned to a party, either in all since the
// start of the full-scale invasion or, when Events is set, in those events
// together. The site shows statements beside its own totals; only an
// aggregate over events ever changes them (see CONTRIBUTING.md, "How totals
// are counted").
type Statement struct {
	Doc
	Date Date `field:"date,required" json:"date"`
	// By is who made the statement, as a reader would cite them.
	By string `field:"by,required" json:"by"`
	// Party is the side the official speaks for.
	Party string `field:"party,required" json:"party"`
	// Kind is what was counted: "exchange" for people returned alive,
	// "repatriation" for remains.
	Kind  string `field:"kind,required" json:"kind"`
	To    string `field:"to,required" json:"to"`
	Count *int   `field:"count,required" json:"count"`
	Qualifier
	// Exchanges is how many exchanges the statement says the figure
	// comes from, when it says so.
	Exchanges *int `field:"exchanges" json:"exchanges,omitempty"`
	// Covers says in a line what the figure includes or leaves out.
	Covers string `field:"covers" json:"covers,omitempty"`
	// Events, when set, makes the figure an aggregate over these events
	// rather than a running total.
	Events  []string `field:"events,max=200" json:"events,omitempty"`
	Sources []Source `field:"sources,required,max=50" json:"sources"`
}
