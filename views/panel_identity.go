package views

import (
	"fmt"
	"strings"

	"github.com/sretopo/sretopo/orgs"
	"github.com/sretopo/sretopo/words"
)

// ---- identity -------------------------------------------------------------

func identityPanel(d *Data, st Styles, w, h int) []string {
	id := d.An.Identity
	// words are the identity's name and pride (head), then its weights and KPIs (rest)
	parts := func(w int) (head, rest []string) {
		if id.Dominant == nil {
			head = append(head, st.ink().AccentBold.Render(Trunc("No SRE identity yet", w)))
			head = append(head, styled(st.ink().Muted, Wrap("no SRE team serves a dev team and no dev team runs its own services", w))...)
		} else {
			info := id.Dominant.Info()
			head = append(head, st.ink().AccentBold.Render(Trunc(info.Name, w)))
			// the SRE people it rests on, in the report's words
			if rests := strings.TrimPrefix(words.IdentityHeadline(id), info.Name); rests != "" {
				head = append(head, styled(st.ink().Muted, Wrap(strings.TrimPrefix(strings.TrimPrefix(rests, ", "), " "), w))...)
			}
			head = append(head, styled(st.ink().Text, wrapped("pride: "+info.Pride, w, "", "  "))...)
		}
		if ch := d.Changes; ch != nil && ch.WasIdentity.Changed {
			was := "no SRE identity"
			if ch.WasIdentity.Value != nil {
				was = ch.WasIdentity.Value.Info().Name
			}
			head = append(head, styled(st.ink().Changed, wrapped("was "+was, w, GlyphChanged+" ", "  "))...)
		}
		rest = styled(st.ink().Muted, Wrap(fmt.Sprintf("weights: product %s, incident %s, reliability UX %s",
			words.Percent(id.Weights[0]), words.Percent(id.Weights[1]), words.Percent(id.Weights[2])), w))
		if len(d.An.KPIs) > 0 {
			rest = append(rest, "", st.ink().Title.Render("KPIs"))
			var last orgs.Identity
			for _, k := range d.An.KPIs {
				if k.Identity != last {
					last = k.Identity
					rest = append(rest, st.ink().Muted.Render(Trunc(k.Identity.Info().Name+":", w)))
				}
				mark, style := "  - ", st.ink().Text
				switch k.Status {
				case orgs.KPIMet:
					mark = "  + "
				case orgs.KPIMissed:
					mark, style = "  "+GlyphWarning+" ", st.ink().Warning
				}
				rest = append(rest, styled(style, wrapped(S(k.Text)+": "+words.KPIStatus(k), w, mark, "    "))...)
			}
		}
		return head, rest
	}
	if w >= 70 {
		// the triangle on the left, the words on the right
		tw := 36
		rw := w - tw - 2
		head, rest := parts(rw)
		right := append(head, rest...)
		left := Triangle(st, id, tw, max(3, min(6, h-3)))
		n := min(h, max(len(left), len(right)))
		return strings.Split(joinBlocks(2, []int{tw, rw}, Block(left, tw, n), Block(clip(right, st, n), rw, n)), "\n")
	}
	head, rest := parts(w)
	lines := append(head, Triangle(st, id, w, max(3, min(6, h-10)))...)
	return append(lines, rest...)
}

func styled(s *pen, lines []string) []string {
	for i, l := range lines {
		lines[i] = s.Render(l)
	}
	return lines
}

// Triangle draws the identity triangle in h rows (3 or more): product-centric at the top,
// incident-centric bottom left, reliability user experience-centric bottom right, with the
// weighted position marked X (none when there is no identity).
func Triangle(st Styles, id orgs.IdentityVerdict, w, h int) []string {
	h = max(3, h)
	cx := w / 2
	grid := make([][]byte, h)
	for r := range grid {
		grid[r] = []byte(spaces(w))
		left, right := cx-r, cx+r
		if left < 0 || right >= w {
			continue
		}
		switch {
		case r == 0:
			grid[r][cx] = '^'
		default:
			grid[r][left], grid[r][right] = '/', '\\'
			if r == h-1 {
				for x := left + 1; x < right; x++ {
					grid[r][x] = '_'
				}
			}
		}
	}
	mr, mc := -1, -1
	if id.Dominant != nil {
		p, u := id.Weights[0], id.Weights[2]
		y := 1 - p
		x := 0.5*p + u
		mr = int(y*float64(h-1) + 0.5)
		mr = max(0, min(h-1, mr))
		mc = cx + int((x-0.5)*2*float64(h-1)+0.5*sign(x-0.5))
		if mr == 0 {
			mc = cx
		} else {
			mc = max(cx-mr+1, min(cx+mr-1, mc))
		}
		if mc >= 0 && mc < w {
			grid[mr][mc] = GlyphMarker[0]
		}
	}
	// each label at its corner: the top one centred over the apex, the bottom ones ending
	// at the left corner and starting at the right one, on two lines when they would meet
	top := "product-centric"
	left := "incident-centric"
	right, rightShort := "reliability user experience-centric", "reliability UX-centric"
	lines := []string{st.ink().Text.Render(Center(top, w))}
	for r, row := range grid {
		s := strings.TrimRight(string(row), " ")
		pad := spaces(max(0, w-len(s)))
		if r == mr && mc >= 0 && mc < len(s) {
			s = st.ink().Muted.Render(s[:mc]) + st.ink().AccentBold.Render(GlyphMarker) + st.ink().Muted.Render(s[mc+1:])
		} else {
			s = st.ink().Muted.Render(s)
		}
		lines = append(lines, s+pad)
	}
	lx, rx := max(0, cx-(h-1)), min(w-1, cx+(h-1))
	ls := max(0, lx+1-len(left))
	// the right label in full beside the left one when it fits, else its short form
	// ("UX" is the talk's own abbreviation), on the next line when they would still meet
	placed := false
	for _, right := range []string{right, rightShort} {
		if rs := max(0, min(rx, w-len(right))); ls+len(left) < rs && rs+len(right) <= w {
			lines = append(lines, st.ink().Text.Render(Pad(spaces(ls)+left+spaces(rs-ls-len(left))+right, w)))
			placed = true
			break
		}
	}
	if !placed {
		rs := max(0, min(rx, w-len(rightShort)))
		lines = append(lines, st.ink().Text.Render(Trunc(Pad(spaces(ls)+left, w), w)), st.ink().Text.Render(Pad(spaces(rs)+Trunc(rightShort, w-rs), w)))
	}
	if id.Dominant != nil {
		lines = append(lines, st.ink().Muted.Render(Trunc(GlyphMarker+" marks the weights' position", w)))
	}
	return lines
}

func sign(x float64) float64 {
	if x < 0 {
		return -1
	}
	return 1
}
