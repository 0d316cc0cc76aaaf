package views

// KeyGroup is one group of the key table: a title and its keys.
type KeyGroup struct {
	Title string
	Keys  []KeyLine
}

// KeyLine is one key of the key table. Why, when set, says why the key does not apply now:
// the key is then drawn dimmed, with the reason, rather than left out.
type KeyLine struct {
	Key, Desc, Why string
}

// KeyTable draws every key, group by group, at width w: the keys that apply now in full,
// the others dimmed with "(not now: why)" so that the table never hides a key. Without
// colour the reason alone marks them.
func KeyTable(groups []KeyGroup, st Styles, w int) []string {
	keyW := 0
	for _, g := range groups {
		for _, k := range g.Keys {
			keyW = max(keyW, width(k.Key))
		}
	}
	keyW = min(keyW, max(4, w/4))
	var out []string
	for gi, g := range groups {
		if gi > 0 {
			out = append(out, "")
		}
		out = append(out, st.ink().Title.Render(Trunc(g.Title, w)))
		for _, k := range g.Keys {
			lead := "  " + Pad(k.Key, keyW) + "  "
			text := k.Desc
			style := st.ink().Text
			if k.Why != "" {
				text += " (not now: " + k.Why + ")"
				style = st.ink().Muted
			}
			for i, l := range Wrap(text, max(1, w-width(lead))) {
				if i == 0 {
					out = append(out, style.Render(lead+l))
				} else {
					out = append(out, style.Render(spaces(width(lead))+l))
				}
			}
		}
	}
	return out
}
