package sitetest

import (
	"bytes"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/exchange-timeline/timeline/generator/internal/build"
	"github.com/exchange-timeline/timeline/generator/internal/diag"
	"github.com/exchange-timeline/timeline/generator/internal/render"
	"github.com/exchange-timeline/timeline/generator/internal/site"
	"golang.org/x/net/html"
)

// mapFS copies a directory into memory, for tests that change a file.
func mapFS(t *testing.T, dir string) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(os.DirFS(dir), p)
		out[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// A person with a portrait: the shipped layouts show it with its text
// alternative, and give it to OpenGraph and JSON-LD when the site's address
// is known; a portrait that is not among the static files fails the build
// as it fails the check, at the portrait line of the person's file.
func TestPortraitOnPersonPage(t *testing.T) {
	contentFS, layoutsFS := mapFS(t, "../../content"), mapFS(t, "../../layouts")
	const person = "people/portrait-test.md"
	contentFS[person] = &fstest.MapFile{Data: []byte("---\nname: Dmytro Khyliuk\n" +
		"portrait: portraits/dmytro-khyliuk.jpg\nportrait_alt: Dmytro Khyliuk in a grey jacket, smiling\n---\n")}
	layoutsFS["static/portraits/dmytro-khyliuk.jpg"] = &fstest.MapFile{Data: []byte("not really a JPEG")}

	build1 := func(baseURL string) (map[string][]byte, string) {
		base, err := site.ParseBaseURL(baseURL)
		if err != nil {
			t.Fatal(err)
		}
		var sink render.MapSink
		_, diags, err := build.Run(build.Options{Content: contentFS, Layouts: layoutsFS, ContentDir: "content", LayoutsDir: "layouts",
			BaseURL: base, Today: Today()}, &sink)
		if err != nil {
			t.Fatal(err)
		}
		if diags.HasErrors() {
			return nil, diags.Error()
		}
		return sink.Files, ""
	}

	files, errs := build1("https://owner.github.io/repo/")
	if errs != "" {
		t.Fatal(errs)
	}
	page := files["people/portrait-test/index.html"]
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var img, ogImage, ogAlt, jsonLD string
	for n := range doc.Descendants() {
		switch {
		case n.Type != html.ElementNode:
		case n.Data == "img" && hasClass(n, "portrait"):
			img = attr(n, "src") + " | " + attr(n, "alt")
		case n.Data == "meta" && attr(n, "property") == "og:image":
			ogImage = attr(n, "content")
		case n.Data == "meta" && attr(n, "property") == "og:image:alt":
			ogAlt = attr(n, "content")
		case n.Data == "script" && attr(n, "type") == "application/ld+json":
			jsonLD = textOf(n)
		}
	}
	src, alt, _ := strings.Cut(img, " | ")
	if !strings.HasPrefix(src, "/repo/portraits/dmytro-khyliuk.jpg?v=") || alt != "Dmytro Khyliuk in a grey jacket, smiling" {
		t.Errorf("portrait image: %q", img)
	}
	if ogImage != "https://owner.github.io"+src || ogAlt != alt || !strings.Contains(jsonLD, `"image":"https://owner.github.io/repo/portraits/dmytro-khyliuk.jpg?v=`) {
		t.Errorf("og:image %q, og:image:alt %q, JSON-LD %s", ogImage, ogAlt, jsonLD)
	}
	if _, ok := files["portraits/dmytro-khyliuk.jpg"]; !ok {
		t.Error("the image is not published")
	}

	// Without the site's address, OpenGraph gets no image: it needs an
	// absolute URL.
	files, _ = build1("/repo/")
	if p := files["people/portrait-test/index.html"]; bytes.Contains(p, []byte("og:image")) || !bytes.Contains(p, []byte(`class="portrait"`)) {
		t.Error("without an origin: og:image present, or the portrait missing")
	}

	delete(layoutsFS, "static/portraits/dmytro-khyliuk.jpg")
	const missing = `content/people/portrait-test.md:3:11: portrait "portraits/dmytro-khyliuk.jpg" is not among the layouts' static files`
	if _, errs := build1("/repo/"); !strings.Contains("\n"+errs, "\n"+missing) {
		t.Errorf("a missing portrait, the build: %s", errs)
	}
	checked := build.Check(build.Options{Content: contentFS, Layouts: layoutsFS, ContentDir: "content", LayoutsDir: "layouts", Today: Today()})
	if !strings.Contains("\n"+checked.Error(), "\n"+missing) || checked.Count(diag.Error) != 1 {
		t.Errorf("a missing portrait, the check: %s", checked.Error())
	}
}
