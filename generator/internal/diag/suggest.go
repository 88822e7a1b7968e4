package diag

import (
	"strings"
	"unicode/utf8"
)

// Closest returns the candidate nearest to word, for "did you mean" hints, or
// "" when none is near enough to be a likely typo. Nearness is the number of
// single-letter edits, counting a swap of neighbours as one ("soruces").
func Closest(word string, candidates []string) string {
	limit := len(word)/3 + 1 // the most edits that still look like a typo
	best, bestDist := "", limit+1
	w := strings.ToLower(word)
	runes := utf8.RuneCountInString(w)
	for _, c := range candidates {
		if abs(utf8.RuneCountInString(c)-runes) >= bestDist {
			continue // the distance is at least the difference in length
		}
		if d := editDistance(w, strings.ToLower(c)); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance is the optimal string alignment distance between a and b.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
