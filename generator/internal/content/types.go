package content

// The `field` tag names a front-matter field; ",required" marks one that must
// be present and non-empty. Optional values that have no natural empty form
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
}

// Site is content/_index.md: settings for the whole site and the home page's
// introduction.
type Site struct {
	Doc
	Title       string  `field:"title,required" json:"title"`
	Description string  `field:"description" json:"description,omitempty"`
	Language    string  `field:"language" json:"language,omitempty"`
	Parties     []Party `field:"parties,required" json:"parties"`
}

// Party is one side of the exchanges.
type Party struct {
	ID   string `field:"id,required" json:"id"`
	Name string `field:"name,required" json:"name"`
}

// Event is one file in content/events/.
type Event struct {
	Doc
	Title    string        `field:"title,required" json:"title"`
	Date     Date          `field:"date,required" json:"date"`
	EndDate  *Date         `field:"end_date" json:"end_date,omitempty"`
	Kind     string        `field:"kind,required" json:"kind"`
	Summary  string        `field:"summary" json:"summary,omitempty"`
	Place    string        `field:"place" json:"place,omitempty"`
	Mediator string        `field:"mediator" json:"mediator,omitempty"`
	Returned []Figure      `field:"returned" json:"returned"`
	People   []Participant `field:"people" json:"people"`
	Tags     []string      `field:"tags" json:"tags"`
	Sources  []Source      `field:"sources,required" json:"sources"`
	Draft    bool          `field:"draft" json:"-"`
	// RedirectFrom lists ids the event had before its file was renamed;
	// their URLs keep working.
	RedirectFrom []string `field:"redirect_from" json:"redirect_from"`
	// Stage names the event apart from others of its kind on its date:
	// the stages of one exchange reported separately ("second day").
	Stage string `field:"stage" json:"stage,omitempty"`
}

// Event kinds, in the order pages list them.
var EventKinds = []string{"exchange", "repatriation", "talks", "other"}

// Figure is one reported number of people (or remains) returned to a party.
type Figure struct {
	To string `field:"to,required" json:"to"`
	// Count is nil when the number was not disclosed.
	Count  *int   `field:"count" json:"count"`
	Group  string `field:"group" json:"group,omitempty"`
	Source string `field:"source" json:"source,omitempty"`
}

// Participant links an event to a person and says what they did in it.
type Participant struct {
	ID   string `field:"id,required" json:"id"`
	Role string `field:"role,required" json:"role"`
}

// Roles, in the order a person's page lists them.
var Roles = []string{"released", "announced", "negotiated", "quoted", "mentioned"}

// Source is a publication backing an event's or a person's facts.
type Source struct {
	ID        string `field:"id,required" json:"id"`
	Publisher string `field:"publisher,required" json:"publisher"`
	Title     string `field:"title" json:"title,omitempty"`
	URL       string `field:"url,required" json:"url"`
	Date      *Date  `field:"date" json:"date,omitempty"`
	Archive   string `field:"archive" json:"archive,omitempty"`
}

// Person is one file in content/people/.
type Person struct {
	Doc
	Name          string       `field:"name,required" json:"name"`
	NativeName    string       `field:"native_name" json:"native_name,omitempty"`
	Aliases       []string     `field:"aliases" json:"aliases"`
	Description   string       `field:"description" json:"description,omitempty"`
	Party         string       `field:"party" json:"party,omitempty"`
	Captured      *PartialDate `field:"captured" json:"captured,omitempty"`
	CapturedPlace string       `field:"captured_place" json:"captured_place,omitempty"`
	// Portrait names an image in the layouts' static/portraits/ folder;
	// PortraitAlt describes it for people who cannot see it.
	Portrait     string   `field:"portrait" json:"portrait,omitempty"`
	PortraitAlt  string   `field:"portrait_alt" json:"portrait_alt,omitempty"`
	Sources      []Source `field:"sources" json:"sources"`
	RedirectFrom []string `field:"redirect_from" json:"redirect_from"`
}
