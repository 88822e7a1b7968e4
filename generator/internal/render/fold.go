package render

import (
	"html/template"
	"io"
	"reflect"
	"strconv"
	"text/template/parse"
)

// Folding constants: a call such as {{url "numbers/"}} or {{asset
// "style.css"}} prints the same on every page, yet html/template would
// call the function, through reflection, on each of ten thousand pages.
// Once html/template has escaped the templates, fold calls each pure
// function whose arguments are all constants once, and puts its value in
// the tree in place of the call, ahead of the escapers html/template
// placed after it, which still run: the escaping is html/template's, on
// the same values. Where the call's value is HTML in HTML text, whose
// escaper html/template documents as passing HTML through as it is, the
// action becomes the text itself.

// folding is false only in the test that compares sites rendered with
// and without folding.
var folding = true

// pureFuncs are the template functions whose value depends only on their
// arguments (and on the renderer's settings, which a template set is made
// for).
var pureFuncs = map[string]bool{
	"url": true, "absURL": true, "rootURL": true, "rootAbsURL": true, "asset": true, "searchIndex": true,
	"t": true, "tn": true, "label": true, "kindTitle": true, "number": true, "digitGroup": true, "ordinal": true,
	"qualifiedText": true, "link": true, "inLang": true, "strong": true,
}

// htmlTextEscaper is the escaper html/template puts at the end of a
// pipeline that prints in HTML text.
const htmlTextEscaper = "_html_template_htmlescaper"

// escape makes html/template escape the named templates of set and every
// template they call, as it does before their first execution, by running
// each on nothing: the run stops at the first value it needs, and what it
// wrote is thrown away.
func escape(set *template.Template, names ...string) {
	for _, name := range names {
		if set.Lookup(name) != nil {
			_ = set.ExecuteTemplate(io.Discard, name, nil)
		}
	}
}

// fold folds the constant calls of every escaped template of set, and
// returns how many.
func fold(set *template.Template, funcs template.FuncMap) (int, error) {
	f := folder{funcs: funcs}
	for _, t := range set.Templates() {
		if t.Tree == nil || t.Tree.Root == nil {
			continue
		}
		if err := f.list(t.Tree.Root); err != nil {
			return f.folded, err
		}
	}
	return f.folded, nil
}

type folder struct {
	funcs  template.FuncMap
	folded int
}

func (f *folder) list(list *parse.ListNode) error {
	if list == nil {
		return nil
	}
	for i, n := range list.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			text, err := f.pipe(n.Pipe)
			if err != nil {
				return err
			}
			if text != nil {
				list.Nodes[i] = &parse.TextNode{NodeType: parse.NodeText, Pos: n.Pos, Text: text}
			}
		case *parse.IfNode:
			if err := f.branch(&n.BranchNode); err != nil {
				return err
			}
		case *parse.RangeNode:
			if err := f.branch(&n.BranchNode); err != nil {
				return err
			}
		case *parse.WithNode:
			if err := f.branch(&n.BranchNode); err != nil {
				return err
			}
		case *parse.ListNode:
			if err := f.list(n); err != nil {
				return err
			}
		}
	}
	return nil
}

func (f *folder) branch(b *parse.BranchNode) error {
	if _, err := f.pipe(b.Pipe); err != nil {
		return err
	}
	if err := f.list(b.List); err != nil {
		return err
	}
	return f.list(b.ElseList)
}

// foldPipe folds the first command of an escaped pipeline if it is a
// constant call, and returns the text the whole action prints when that
// is known.
func (f *folder) pipe(pipe *parse.PipeNode) ([]byte, error) {
	if pipe == nil || len(pipe.Decl) > 0 || len(pipe.Cmds) < 2 || !escaped(pipe) {
		return nil, nil
	}
	first := pipe.Cmds[0]
	id, ok := first.Args[0].(*parse.IdentifierNode)
	if !ok || !pureFuncs[id.Ident] || f.funcs[id.Ident] == nil {
		return nil, nil
	}
	args := make([]reflect.Value, 0, len(first.Args)-1)
	for _, a := range first.Args[1:] {
		v, ok := constant(a)
		if !ok {
			return nil, nil
		}
		args = append(args, v)
	}
	fn := reflect.ValueOf(f.funcs[id.Ident])
	if fn.Type().NumIn() != len(args) && !fn.Type().IsVariadic() {
		return nil, nil
	}
	for i, a := range args {
		if i < fn.Type().NumIn() && !a.Type().AssignableTo(fn.Type().In(i)) {
			return nil, nil // a number for an int, say: left to the template
		}
	}
	out := fn.Call(args)
	if len(out) == 2 && !out[1].IsNil() {
		return nil, out[1].Interface().(error)
	}
	switch v := out[0].Interface().(type) {
	case template.HTML:
		if len(pipe.Cmds) == 2 && isIdentifier(pipe.Cmds[1], htmlTextEscaper) {
			f.folded++
			return []byte(v), nil
		}
	case string:
		f.folded++
		pipe.Cmds[0] = &parse.CommandNode{NodeType: parse.NodeCommand, Pos: first.Pos,
			Args: []parse.Node{&parse.StringNode{NodeType: parse.NodeString, Pos: first.Pos, Quoted: strconv.Quote(v), Text: v}}}
	}
	return nil, nil
}

// escaped reports whether html/template has escaped the pipeline: its last
// command is one of its escapers.
func escaped(pipe *parse.PipeNode) bool {
	last := pipe.Cmds[len(pipe.Cmds)-1]
	id, ok := last.Args[0].(*parse.IdentifierNode)
	return ok && len(last.Args) == 1 && len(id.Ident) > len("_html_template_") && id.Ident[:len("_html_template_")] == "_html_template_"
}

func isIdentifier(cmd *parse.CommandNode, name string) bool {
	id, ok := cmd.Args[0].(*parse.IdentifierNode)
	return ok && len(cmd.Args) == 1 && id.Ident == name
}

// constant returns the value of a constant argument: a string, a whole
// number or a boolean.
func constant(n parse.Node) (reflect.Value, bool) {
	switch n := n.(type) {
	case *parse.StringNode:
		return reflect.ValueOf(n.Text), true
	case *parse.NumberNode:
		if n.IsInt {
			return reflect.ValueOf(int(n.Int64)), true
		}
	case *parse.BoolNode:
		return reflect.ValueOf(n.True), true
	}
	return reflect.Value{}, false
}

// foldConstants escapes every template of the edition, as its first
// execution would, and folds its constant calls.
func (ed *edition) foldConstants(funcs template.FuncMap) error {
	for _, t := range ed.templates {
		escape(t, "base.html")
		n, err := fold(t, funcs)
		ed.folded += n
		if err != nil {
			return err
		}
	}
	var names []string
	for _, t := range ed.partials.Templates() {
		names = append(names, t.Name())
	}
	escape(ed.partials, names...)
	n, err := fold(ed.partials, funcs)
	ed.folded += n
	return err
}
