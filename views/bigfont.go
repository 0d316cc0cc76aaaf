package views

import (
	"strings"
	"unicode/utf8"
)

// A five-row block font for the few words presentation mode shows large: the topology
// number, the funding split, the transition verdict. Glyphs are drawn with '#' here and
// rendered with full blocks; every glyph is single-width.
const bigHeight = 5

var bigGlyphs = map[rune][bigHeight]string{
	'A': {" ### ", "#   #", "#####", "#   #", "#   #"},
	'B': {"#### ", "#   #", "#### ", "#   #", "#### "},
	'C': {" ####", "#    ", "#    ", "#    ", " ####"},
	'D': {"#### ", "#   #", "#   #", "#   #", "#### "},
	'E': {"#####", "#    ", "#### ", "#    ", "#####"},
	'F': {"#####", "#    ", "#### ", "#    ", "#    "},
	'G': {" ####", "#    ", "#  ##", "#   #", " ####"},
	'H': {"#   #", "#   #", "#####", "#   #", "#   #"},
	'I': {"###", " # ", " # ", " # ", "###"},
	'J': {"  ###", "    #", "    #", "#   #", " ### "},
	'K': {"#   #", "#  # ", "###  ", "#  # ", "#   #"},
	'L': {"#    ", "#    ", "#    ", "#    ", "#####"},
	'M': {"#   #", "## ##", "# # #", "#   #", "#   #"},
	'N': {"#   #", "##  #", "# # #", "#  ##", "#   #"},
	'O': {" ### ", "#   #", "#   #", "#   #", " ### "},
	'P': {"#### ", "#   #", "#### ", "#    ", "#    "},
	'Q': {" ### ", "#   #", "# # #", "#  # ", " ## #"},
	'R': {"#### ", "#   #", "#### ", "#  # ", "#   #"},
	'S': {" ####", "#    ", " ### ", "    #", "#### "},
	'T': {"#####", "  #  ", "  #  ", "  #  ", "  #  "},
	'U': {"#   #", "#   #", "#   #", "#   #", " ### "},
	'V': {"#   #", "#   #", "#   #", " # # ", "  #  "},
	'W': {"#   #", "#   #", "# # #", "## ##", "#   #"},
	'X': {"#   #", " # # ", "  #  ", " # # ", "#   #"},
	'Y': {"#   #", " # # ", "  #  ", "  #  ", "  #  "},
	'Z': {"#####", "   # ", "  #  ", " #   ", "#####"},
	'0': {" ### ", "#  ##", "# # #", "##  #", " ### "},
	'1': {" ## ", "# # ", "  # ", "  # ", "####"},
	'2': {" ### ", "#   #", "  ## ", " #   ", "#####"},
	'3': {"#### ", "    #", " ### ", "    #", "#### "},
	'4': {"#   #", "#   #", "#####", "    #", "    #"},
	'5': {"#####", "#    ", "#### ", "    #", "#### "},
	'6': {" ### ", "#    ", "#### ", "#   #", " ### "},
	'7': {"#####", "    #", "   # ", "  #  ", "  #  "},
	'8': {" ### ", "#   #", " ### ", "#   #", " ### "},
	'9': {" ### ", "#   #", " ####", "    #", " ### "},
	'%': {"#   #", "   # ", "  #  ", " #   ", "#   #"},
	'-': {"     ", "     ", " ### ", "     ", "     "},
	'/': {"    #", "   # ", "  #  ", " #   ", "#    "},
	'.': {" ", " ", " ", " ", "#"},
	' ': {"  ", "  ", "  ", "  ", "  "},
}

// BigWidth is the width of text in the big font ("" when it has a rune the font lacks).
func BigWidth(text string) int {
	w := 0
	for i, r := range strings.ToUpper(text) {
		g, ok := bigGlyphs[r]
		if !ok {
			return -1
		}
		if i > 0 {
			w++
		}
		w += utf8.RuneCountInString(g[0])
	}
	return w
}

// Big renders text in the big font: five lines, or nil when the font lacks a rune.
func Big(text string) []string {
	if BigWidth(text) < 0 {
		return nil
	}
	rows := make([]strings.Builder, bigHeight)
	for i, r := range strings.ToUpper(text) {
		g := bigGlyphs[r]
		for k := range rows {
			if i > 0 {
				rows[k].WriteByte(' ')
			}
			rows[k].WriteString(strings.ReplaceAll(g[k], "#", "█"))
		}
	}
	out := make([]string, bigHeight)
	for k := range rows {
		out[k] = rows[k].String()
	}
	return out
}
