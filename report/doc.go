package report

import (
	"fmt"
	"strings"
	"text/tabwriter"
)

// A report is one sequence of sections, made once from the analysis (sections.go) and laid
// out by a format: plain text for a terminal or Markdown for meeting notes. The words come
// from the words package; a format only escapes user strings and lays the blocks out.
// Where the two reports still differ in what they show, a block or a section says which
// format it is for (only), so that the differences stay in one place, visible.

// audience is the formats a block or a section is for.
type audience int

const (
	both audience = iota
	textOnly
	markdownOnly
)

// format is an output format of the report: how it escapes user strings and file names,
// and whether it is Markdown.
type format struct {
	markdown bool
	// esc makes a user string safe in a line or a table cell.
	esc func(string) string
	// file writes a file name in a line (a code span in Markdown).
	file func(string) string
}

var (
	plainText = format{esc: S, file: S}
	markdown  = format{markdown: true, esc: md, file: MarkdownCode}
)

// shows says whether a block or section for who is shown in format f.
func (f format) shows(who audience) bool {
	return who == both || (who == markdownOnly) == f.markdown
}

type blockKind int

const (
	// para is a line of text.
	para blockKind = iota
	// heading is a heading inside a section: "Title:" in text, "### Title" in Markdown.
	heading
	// list is a list of items: "  - item" in text, "- item" in Markdown.
	list
	// table is a table: aligned columns indented by two in text (the header in capitals,
	// when textHeader), a pipe table in Markdown.
	table
)

// block is one part of a section.
type block struct {
	kind       blockKind
	only       audience
	text       string
	items      []string
	header     []string
	rows       [][]string
	textHeader bool
}

// section is a titled part of the report; mdTitle replaces title in Markdown when set.
type section struct {
	title, mdTitle string
	only           audience
	blocks         []block
}

// doc is a whole report: a title, the lines under it, and the sections.
type doc struct {
	title    string
	intro    []block
	sections []section
}

func line(text string) block                  { return block{kind: para, text: text} }
func lineFor(who audience, text string) block { return block{kind: para, only: who, text: text} }
func items(who audience, its ...string) block {
	return block{kind: list, only: who, items: its}
}
func rowsOf(header []string, rows [][]string) block {
	return block{kind: table, header: header, rows: rows}
}

// render lays d out in format f.
func (d *doc) render(f format) string {
	var b strings.Builder
	if f.markdown {
		fmt.Fprintf(&b, "# %s\n\n", d.title)
	} else {
		fmt.Fprintf(&b, "%s\n", d.title)
	}
	renderBlocks(&b, f, d.intro)
	for _, s := range d.sections {
		if !f.shows(s.only) {
			continue
		}
		switch {
		case f.markdown && s.mdTitle != "":
			fmt.Fprintf(&b, "## %s\n\n", s.mdTitle)
		case f.markdown:
			fmt.Fprintf(&b, "## %s\n\n", s.title)
		default:
			fmt.Fprintf(&b, "\n%s\n%s\n", s.title, strings.Repeat("-", len(s.title)))
		}
		renderBlocks(&b, f, s.blocks)
	}
	out := b.String()
	if f.markdown {
		// every Markdown block ends with a blank line but the last
		out = strings.TrimSuffix(out, "\n")
	}
	return out
}

func renderBlocks(b *strings.Builder, f format, blocks []block) {
	for _, bl := range blocks {
		if !f.shows(bl.only) {
			continue
		}
		if f.markdown {
			markdownBlock(b, bl)
		} else {
			textBlock(b, bl)
		}
	}
}

func textBlock(b *strings.Builder, bl block) {
	switch bl.kind {
	case para:
		b.WriteString(bl.text + "\n")
	case heading:
		b.WriteString(bl.text + ":\n")
	case list:
		for _, it := range bl.items {
			b.WriteString("  - " + it + "\n")
		}
	case table:
		tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', 0)
		if bl.textHeader {
			fmt.Fprintln(tw, "  "+strings.ToUpper(strings.Join(bl.header, "\t")))
		}
		for _, r := range bl.rows {
			fmt.Fprintln(tw, "  "+strings.Join(r, "\t"))
		}
		tw.Flush()
	}
}

func markdownBlock(b *strings.Builder, bl block) {
	switch bl.kind {
	case para:
		b.WriteString(bl.text + "\n")
	case heading:
		b.WriteString("### " + bl.text + "\n")
	case list:
		for _, it := range bl.items {
			b.WriteString("- " + it + "\n")
		}
	case table:
		markdownTable(b, bl.header, bl.rows)
		return // a table ends with its blank line
	}
	b.WriteString("\n")
}

// markdownTable writes a pipe table and the blank line after it.
func markdownTable(b *strings.Builder, header []string, rows [][]string) {
	b.WriteString("| " + strings.Join(header, " | ") + " |\n")
	b.WriteString("|" + strings.Repeat(" --- |", len(header)) + "\n")
	for _, r := range rows {
		b.WriteString("| " + strings.Join(r, " | ") + " |\n")
	}
	b.WriteString("\n")
}
