package model

import "github.com/charmbracelet/bubbles/key"

// KeyMap holds every key binding of the dashboard: which keys, and their words. What a key
// does on a screen, when it applies and who may press it are the screen's rows
// (keyrows.go). Help text is plain ASCII.
type KeyMap struct {
	// the board
	Left, Right, Up, Down key.Binding
	PageUp, PageDown      key.Binding
	Home, End             key.Binding
	MoveLeft, MoveRight   key.Binding
	Find                  key.Binding
	Run, With, Role       key.Binding
	More, Less            key.Binding
	New, Delete           key.Binding
	Positioning           key.Binding
	// RolePositioning cycles the positioning of a new SRE role outside an SRE org.
	RolePositioning      key.Binding
	Undo, Redo, Baseline key.Binding
	Save, SaveAs         key.Binding
	Present, Help, Quit  key.Binding
	NextPanel, PrevPanel key.Binding
	Zoom, Log            key.Binding
	// Interrupt (ctrl+c) always leaves; QuitKey is q alone, which some dialogs take as
	// "cancel"; Space pages down where space reads as "next"
	Interrupt, QuitKey, Space key.Binding
	Open, Compare, Export     key.Binding
	// Plan shows the plan from the baseline to the current model, stage by stage.
	Plan key.Binding
	// Follow toggles, in a shared session, whether a participant follows the facilitator.
	Follow key.Binding
	// Services opens and closes the selected team's services on the board; SortBy
	// lists the Services panel likeliest to breach or worst status first; Rotation sets a team's rotation.
	Services, SortBy, Rotation key.Binding
	// OnCall cycles a team's on-call pattern; Secondary and Sites toggle its secondary and
	// its second site; Backup cycles a dev team's or the selected service's backup.
	OnCall, Secondary, Sites, Backup key.Binding
	// Rename gives the selected team a new name; AddService adds a service to a dev team.
	Rename, AddService key.Binding

	// the compare screen; Options marks files to compare as columns
	LeftSide, CompareBack, Options key.Binding

	// presentation mode
	PrevPage, NextPage, Back key.Binding
	Step                     key.Binding

	// prompts and dialogs
	Accept, Cancel       key.Binding
	NextMatch, PrevMatch key.Binding
	NextField, PrevField key.Binding
	Change               key.Binding
	// NextChoice and PrevChoice are Change's two directions in the team form's choices.
	NextChoice, PrevChoice key.Binding
	Yes, No, Discard, Keep key.Binding
	Restore, Later         key.Binding
}

// DefaultKeyMap is the key table of the issue, plus tab to choose a panel
// and paging keys for long columns.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return KeyMap{
		Left:            b([]string{"left", "h"}, "left/h", "column left"),
		Right:           b([]string{"right", "l"}, "right/l", "column right"),
		Up:              b([]string{"up", "k"}, "up/k", "team up"),
		Down:            b([]string{"down", "j"}, "down/j", "team down"),
		PageUp:          b([]string{"pgup"}, "pgup", "page up"),
		PageDown:        b([]string{"pgdown"}, "pgdn", "page down"),
		Home:            b([]string{"home"}, "home", "first team"),
		End:             b([]string{"end"}, "end", "last team"),
		MoveLeft:        b([]string{"<", "shift+left"}, "<", "move team left"),
		MoveRight:       b([]string{">", "shift+right"}, ">", "move team right"),
		Find:            b([]string{"/"}, "/", "find"),
		Run:             b([]string{"r"}, "r", "who runs it"),
		With:            b([]string{"w"}, "w", "runs with"),
		Role:            b([]string{"e"}, "e", "SRE role"),
		More:            b([]string{"+", "="}, "+", "headcount up"),
		Less:            b([]string{"-"}, "-", "headcount down"),
		New:             b([]string{"n"}, "n", "new team"),
		Delete:          b([]string{"x"}, "x", "delete team"),
		Positioning:     b([]string{"P"}, "P", "SRE org positioning"),
		RolePositioning: b([]string{"ctrl+p"}, "ctrl+p", "SRE role positioning"),
		Undo:            b([]string{"u"}, "u", "undo"),
		Redo:            b([]string{"ctrl+r"}, "ctrl+r", "redo"),
		Baseline:        b([]string{"b"}, "b", "back to baseline"),
		Save:            b([]string{"s"}, "s", "save scenario"),
		SaveAs:          b([]string{"S"}, "S", "always save as a new scenario"),
		Present:         b([]string{"p"}, "p", "present"),
		Help:            b([]string{"?"}, "?", "every key"),
		Quit:            b([]string{"q", "ctrl+c"}, "q", "quit"),
		Zoom:            b([]string{"z"}, "z", "panel full screen"),
		Interrupt:       b([]string{"ctrl+c"}, "ctrl+c", "quit now"),
		QuitKey:         b([]string{"q"}, "q", "cancel"),
		Space:           b([]string{" "}, "space", "page down"),
		Log:             b([]string{"M"}, "M", "message log"),
		NextPanel:       b([]string{"tab"}, "tab", "next panel"),
		PrevPanel:       b([]string{"shift+tab"}, "shift+tab", "previous panel"),
		Open:            b([]string{"o"}, "o", "open a file"),
		Compare:         b([]string{"c"}, "c", "compare with baseline"),
		Export:          b([]string{"y"}, "y", "write Markdown report"),
		Plan:            b([]string{"g"}, "g", "plan from the baseline"),
		Follow:          b([]string{"f"}, "f", "follow the facilitator"),
		Services:        b([]string{"enter", " "}, "enter/space", "the team's services"),
		SortBy:          b([]string{"!"}, "!", "services by breach chance, by status"),
		Rotation:        b([]string{"R"}, "R", "set the rotation"),
		OnCall:          b([]string{"a"}, "a", "on-call pattern (none, 8x5, 8x7, 24x5, 24x7)"),
		Secondary:       b([]string{"A"}, "A", "secondary on call or not"),
		Sites:           b([]string{"F"}, "F", "follow the sun: 1 or 2 sites"),
		Backup:          b([]string{"B"}, "B", "backup team (dev team or service)"),
		Rename:          b([]string{"N"}, "N", "rename the team"),
		AddService:      b([]string{"i"}, "i", "add a service to the dev team"),

		LeftSide:    b([]string{"L"}, "L", "other file as A"),
		Options:     b([]string{"O"}, "O", "up to 4 options as columns"),
		CompareBack: b([]string{"esc", "c"}, "esc/c", "back to the board"),

		PrevPage: b([]string{"left", "h", "pgup", "backspace"}, "left", "previous"),
		NextPage: b([]string{"right", "l", "pgdown", " "}, "right/space", "next"),
		Step:     b([]string{"0", "1", "2", "3", "4", "5", "6"}, "0-6", "opening, step"),
		Back:     b([]string{"esc", "p"}, "esc/p", "back to the board"),

		Accept:     b([]string{"enter"}, "enter", "ok"),
		Cancel:     b([]string{"esc"}, "esc", "cancel"),
		NextMatch:  b([]string{"down", "ctrl+n"}, "down", "next match"),
		PrevMatch:  b([]string{"up", "ctrl+p"}, "up", "previous match"),
		NextField:  b([]string{"tab", "down"}, "tab", "next field"),
		PrevField:  b([]string{"shift+tab", "up"}, "shift+tab", "previous field"),
		Change:     b([]string{"left", "right", " "}, "left/right", "change"),
		NextChoice: b([]string{"right", "l", " "}, "right", "next choice"),
		PrevChoice: b([]string{"left", "h"}, "left", "previous choice"),
		Yes:        b([]string{"y"}, "y", "yes"),
		No:         b([]string{"n", "esc"}, "n/esc", "no"),
		Discard:    b([]string{"d"}, "d", "discard and quit"),
		Keep:       b([]string{"esc", "c"}, "esc", "cancel"),
		Restore:    b([]string{"r"}, "r", "restore"),
		Later:      b([]string{"esc", "q"}, "esc", "decide later"),
	}
}

// withHelp is b with other help text, keeping its keys and whether it is enabled.
func withHelp(b key.Binding, keys, desc string) key.Binding {
	b.SetHelp(keys, desc)
	return b
}
