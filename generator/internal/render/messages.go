package render

import (
	"fmt"
	"html/template"
	"regexp"
	"strconv"
	"strings"
	"text/template/parse"

	"github.com/exchange-timeline/timeline/generator/internal/content"
	"github.com/exchange-timeline/timeline/generator/internal/diag"
	"github.com/exchange-timeline/timeline/generator/internal/lang"
)

// Every message the layouts and the renderer name must be in the
// translation file of every language, with plural forms when it is given a
// count and without when not. The layouts are checked when they are
// parsed, so that a missing message is an error naming its key and its
// language before any page is written.

// goMessages are the messages the renderer itself writes: page titles and
// descriptions, and the words of numbers; the labels of kinds and roles
// (label) are added from the schema.
var goMessages = []string{
	"language.short", "number.about", "number.at_least",
	"stats.title.exchange", "stats.title.repatriation",
	"duration.less_than_year", "duration.less_than_month", "duration.less_than_day",
	"duration.and", "duration.about",
	"page.numbers.title", "page.numbers.description",
	"page.events.title", "page.events.description",
	"page.years.title", "page.years.description",
	"page.tags.title", "page.tags.description",
	"page.people.title", "page.people.description",
	"page.year.description", "page.tag.title", "page.tag.description",
	"page.notfound.title", "page.moved",
}

// A messageUse is a call of t or tn in a layout with a constant key.
type messageUse struct {
	key    string
	plural bool   // tn: the message is given a count
	at     string // "partials/card.html:12:5"
}

// checkMessages checks the messages of the layouts (parsed in ed) and of
// the renderer against the catalog of every language.
func checkMessages(ed *edition, catalogs map[string]*lang.Catalog, langs []string) diag.List {
	var uses []messageUse
	for _, t := range ed.partials.Templates() {
		uses = append(uses, messagesOf(t)...)
	}
	for _, list := range ed.r.lists {
		kind := list.Kind
		if ed.templates[kind] == nil {
			continue
		}
		// The page's own templates ("main", "head"...) and those it
		// shares, which it may redefine.
		for _, t := range ed.templates[kind].Templates() {
			uses = append(uses, messagesOf(t)...)
		}
	}
	for _, key := range goMessages {
		uses = append(uses, messageUse{key: key})
	}
	for _, key := range []string{"duration.years", "duration.months", "duration.days"} {
		uses = append(uses, messageUse{key: key, plural: true})
	}
	for _, v := range append(content.EventKinds(), content.Roles()...) {
		uses = append(uses, messageUse{key: labelKey(v)})
	}
	var diags diag.List
	seen := map[string]bool{}
	for _, u := range uses {
		for _, l := range langs {
			c := catalogs[l]
			if c == nil || seen[u.key+"\x00"+l] {
				continue
			}
			problem := ""
			switch {
			case !c.Has(u.key):
				problem = fmt.Sprintf("the message %q is missing in %s", u.key, c.File)
			case u.plural && !c.IsPlural(u.key):
				problem = fmt.Sprintf("the message %q of %s has no plural forms (one, other...), and it is given a count", u.key, c.File)
			case !u.plural && c.IsPlural(u.key):
				problem = fmt.Sprintf("the message %q of %s has plural forms, and it is given no count: use tn", u.key, c.File)
			default:
				continue
			}
			seen[u.key+"\x00"+l] = true
			d := diag.Diagnostic{Path: c.File, Message: problem,
				Hint: "every language's translation file needs every message the layouts use"}
			if u.at != "" {
				d = placeAt(d, u.at)
			}
			diags = append(diags, d)
		}
	}
	return diags
}

var position = regexp.MustCompile(`^(.+?):(\d+):(\d+)$`)

// placeAt puts a problem at a position of a layout, "name:line:col".
func placeAt(d diag.Diagnostic, at string) diag.Diagnostic {
	if m := position.FindStringSubmatch(at); m != nil {
		d.Path = m[1]
		d.Line, _ = strconv.Atoi(m[2])
		d.Col, _ = strconv.Atoi(m[3])
	}
	return d
}

// messagesOf finds the calls of t and tn with a constant key in a parsed
// template, which has not been executed yet.
func messagesOf(t *template.Template) []messageUse {
	if t == nil || t.Tree == nil {
		return nil
	}
	tree := t.Tree
	var uses []messageUse
	var walk func(n parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					walk(c)
				}
			}
		case *parse.ActionNode:
			walk(n.Pipe)
		case *parse.IfNode:
			walk(&n.BranchNode)
		case *parse.RangeNode:
			walk(&n.BranchNode)
		case *parse.WithNode:
			walk(&n.BranchNode)
		case *parse.BranchNode:
			walk(n.Pipe)
			walk(n.List)
			if n.ElseList != nil {
				walk(n.ElseList)
			}
		case *parse.TemplateNode:
			if n.Pipe != nil {
				walk(n.Pipe)
			}
		case *parse.PipeNode:
			if n != nil {
				for _, c := range n.Cmds {
					walk(c)
				}
			}
		case *parse.CommandNode:
			if len(n.Args) >= 2 {
				id, isIdent := n.Args[0].(*parse.IdentifierNode)
				key, isString := n.Args[1].(*parse.StringNode)
				if isIdent && isString && (id.Ident == "t" || id.Ident == "tn") {
					at, _ := tree.ErrorContext(key)
					uses = append(uses, messageUse{key: key.Text, plural: id.Ident == "tn", at: strings.TrimSpace(at)})
				}
			}
			for _, a := range n.Args {
				walk(a)
			}
		}
	}
	walk(tree.Root)
	return uses
}
