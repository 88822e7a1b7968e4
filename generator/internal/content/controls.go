package content

import (
	"fmt"
	"unicode/utf8"

	"github.com/exchange-timeline/timeline/generator/internal/diag"
	"github.com/exchange-timeline/timeline/generator/internal/lang"
)

// maxControls bounds the characters reported one by one in a file; a
// note counts the rest.
const maxControls = 1000

// controls reports the characters a page cannot show: control characters
// other than tab and line ends (C0, DEL, C1) and the non-characters
// (U+FFFE and the like). They are invisible in most editors; on a page
// they are dropped, shown as boxes, or make the HTML invalid. src is valid
// UTF-8 (notText has run).
func controls(p string, src []byte) diag.List {
	var diags diag.List
	line, col, found := 1, 1, 0
	for i := 0; i < len(src); {
		// Printable ASCII, nearly all of any file, needs no decoding.
		if c := src[i]; c >= 0x20 && c < 0x7f {
			i++
			col++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		i += size
		switch {
		case r == '\n':
			line, col = line+1, 1
			continue
		case r == '\t' || r == '\r':
		case r < 0x20 || r == 0x7f || 0x80 <= r && r <= 0x9f:
			found++
			if found <= maxControls {
				diags = append(diags, diag.Diagnostic{Path: p, Line: line, Col: col,
					Message: fmt.Sprintf("the text contains an invisible control character, %U", r),
					Hint:    "delete it: it was probably pasted in with the text"})
			}
		case diag.IsNonCharacter(r):
			found++
			if found <= maxControls {
				diags = append(diags, diag.Diagnostic{Path: p, Line: line, Col: col,
					Message: fmt.Sprintf("the text contains %U, which is not a character", r),
					Hint:    "delete it: it was probably pasted in with the text"})
			}
		}
		col++
	}
	if found > maxControls {
		last := diags[len(diags)-1]
		diags = append(diags, diag.Diagnostic{Path: p, Line: last.Line, Col: last.Col, More: found - maxControls,
			Message: fmt.Sprintf("… and %s more such characters", lang.Number(found-maxControls))})
	}
	return diags
}
