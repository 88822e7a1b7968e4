// Package content reads the files of a content directory into typed
// structs: content/_index.md (the site's settings), content/events/*.md and
// content/people/*.md. Each file is front matter, YAML between two "---"
// lines, then a Markdown body. The fields are the struct fields tagged
// `field` in types.go; CONTRIBUTING.md documents every one of them for
// contributors, and a test keeps the two in step.
//
// Every problem is reported at its line and column, all at once, as
// diag.Diagnostic values. The rules between fields and files are package
// validate's; the rules of the schema that several stages apply (ids, kinds,
// roles) are in schema.go.
package content
