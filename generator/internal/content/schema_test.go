package content

import "testing"

// Every kind and role has a label of its own, and no value is both a kind
// and a role, since Label looks in both.
// No value is both a kind and a role, nor listed twice: their labels are
// looked up by value (the render package checks that each has one).
func TestKindsAndRolesAreDistinct(t *testing.T) {
	seen := map[string]bool{}
	for _, list := range [][]string{EventKinds(), Roles()} {
		for _, v := range list {
			if seen[v] {
				t.Errorf("%q is listed twice", v)
			}
			seen[v] = true
		}
	}
}

func TestRoleOrder(t *testing.T) {
	for i, r := range Roles() {
		if got := RoleOrder(r); got != i {
			t.Errorf("RoleOrder(%q) = %d, want %d", r, got, i)
		}
	}
	if RoleOrder("nobody") != -1 {
		t.Error("an unknown role has an order")
	}
}

func TestIDs(t *testing.T) {
	for id, want := range map[string]bool{"a": true, "ru-mod": true, "x1-2y": true, "": false, "A": false, "a--b": false, "-a": false, "a-": false, "a_b": false, "../x": false, "é": false} {
		if got := ValidID(id); got != want {
			t.Errorf("ValidID(%q) = %v, want %v", id, got, want)
		}
	}
	for id, want := range map[string]struct {
		date string
		ok   bool
	}{
		"2025-08-24-146-for-146": {"2025-08-24", true},
		"2025-08-24-x":           {"2025-08-24", true},
		"2025-08-24":             {"", false},
		"2025-08-24-":            {"", false},
		"2025-8-24-x":            {"", false},
		"2025-08-24-X":           {"2025-08-24", false},
		"x-2025-08-24":           {"", false},
		"2025-08-24-a--b":        {"2025-08-24", false},
	} {
		if date, ok := DatedID(id); date != want.date || ok != want.ok {
			t.Errorf("DatedID(%q) = %q, %v; want %q, %v", id, date, ok, want.date, want.ok)
		}
	}
}
