package orgs

// confusables maps the letters most often used to make a name pass for another to the
// Latin letter they look like: a small part of Unicode's confusables.txt (UTS #39,
// "Unicode Security Mechanisms", section 4), the entries whose source is a Cyrillic or
// Greek letter and whose prototype is one Latin letter. Names are compared folded (FoldName
// runs first), so each entry is the folded letter: Cyrillic в stands for В, which passes
// for B, whose folded form is b.
// It is kept to these scripts on purpose: they are where a name typed on one keyboard
// passes for one typed on another ("Platfоrm SRE" with a Cyrillic о), and the whole table
// of thousands of entries would make names refused for resemblances nobody types.
var confusables = map[rune]rune{
	// Cyrillic
	'а': 'a', 'в': 'b', 'с': 'c', 'ԁ': 'd', 'е': 'e', 'ё': 'e', 'һ': 'h', 'і': 'i', 'ї': 'i',
	'ј': 'j', 'к': 'k', 'ӏ': 'l', 'м': 'm', 'н': 'h', 'о': 'o', 'р': 'p', 'ԛ': 'q', 'ѕ': 's',
	'т': 't', 'у': 'y', 'ү': 'y', 'ԝ': 'w', 'х': 'x', 'ѵ': 'v', 'ь': 'b',
	// Greek
	'α': 'a', 'β': 'b', 'ε': 'e', 'η': 'n', 'ι': 'i', 'κ': 'k', 'μ': 'u', 'ν': 'v', 'ο': 'o',
	'ρ': 'p', 'τ': 't', 'υ': 'u', 'χ': 'x', 'ζ': 'z', 'γ': 'y', 'ω': 'w',
}
