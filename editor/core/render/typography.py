"""kramdown's typographic substitutions: smart quotes (with its rules, quirks included) and
``---`` ``--`` ``...`` ``<<`` ``>>``.

kramdown decides each quote from the character before it and the text after it, using Ruby
regular expressions whose ``\\w``, ``\\s`` and ``\\b`` are ASCII-only.  So a quote after kana is
taken as closing (``と"quote"と`` gives ``と”quote”と``); we keep that, as the published page does.
"""

from __future__ import annotations

import re

_W = "[A-Za-z0-9_]"
_S = "[ \\t\\r\\n\\f\\v]"
_PUNCT = r"""[!"#$%'()*+,\-./:;<=>?@\[\\\]^_`{|}~]"""
_CLOSE = r"[^ \\\t\r\n\[{(\-]"
_EOL = r"(?=\n|\Z)"

# (pattern, substitutions): an int copies that group, a name is a quote to emit.
_RULES = [
    (r"""(["'])(?=[_*]{1,2}[^ \t\r\n\f\v])""", ["lquote1"]),
    (rf"""(["'])(?={_PUNCT}(?!\.\.)(?!{_W}))""", ["rquote1"]),
    (rf"""({_S}?)"'(?={_W})""", [1, "ldquo", "lsquo"]),
    (rf"""({_S}?)'"(?={_W})""", [1, "lsquo", "ldquo"]),
    (rf"""({_S}?)'(?=\d\ds)""", [1, "rsquo"]),
    (rf"""({_S})(['"])(?={_W})""", [1, "lquote2"]),
    (rf"""({_CLOSE})(['"])""", [1, "rquote2"]),
    (rf"""(["'])(?={_S}|s(?!{_W})|{_EOL})""", ["rquote1"]),
    (r"(.?)'", [1, "lsquo"]),
    (r'(.?)"', [1, "ldquo"]),
]
_COMPILED = [(re.compile(p, re.DOTALL), s) for p, s in _RULES]
_QUOTES = {"ldquo": "\u201c", "rdquo": "\u201d", "lsquo": "\u2018", "rsquo": "\u2019"}
_SYMS = {
    "---": "\u2014",
    "--": "\u2013",
    "...": "\u2026",
    "<< ": "\u00ab\u00a0",
    " >>": "\u00a0\u00bb",
    "<<": "\u00ab",
    ">>": "\u00bb",
}
_START = re.compile(r"""[^\\]?["']|---|--|\.\.\.|<< | >>|<<|>>""", re.DOTALL)


def _quote(name: str, quote: str) -> str:
    if name in _QUOTES:
        return _QUOTES[name]
    left = name.startswith("l")
    if quote == '"':
        return _QUOTES["ldquo" if left else "rdquo"]
    return _QUOTES["lsquo" if left else "rsquo"]


def _apply_quote_rule(text: str, pos: int) -> tuple[str, int]:
    for pattern, substs in _COMPILED:
        match = pattern.match(text, pos)
        if not match:
            continue
        out = []
        for subst in substs:
            if isinstance(subst, int):
                out.append(match.group(subst))
            else:
                group = int(subst[-1]) if subst[-1].isdigit() else 0
                out.append(_quote(subst, match.group(group) if group else ""))
        return "".join(out), match.end()
    return text[pos], pos + 1


def educate(text: str, lookahead: str = "") -> str:
    """Apply kramdown's substitutions to one run of plain text.

    ``lookahead`` stands for the source right after the run (``*`` before emphasis, ``\\n`` at a
    line end); it is consulted by the rules but never copied.
    """
    if not any(c in text for c in "\"'-.<>"):
        return text
    full = text + lookahead
    end = len(text)
    out = []
    pos = 0
    while pos < end:
        match = _START.search(full, pos)
        if not match or match.start() >= end:
            out.append(text[pos:])
            break
        out.append(text[pos : match.start()])
        found = match.group(0)
        if found[-1] in "\"'":
            replaced, pos = _apply_quote_rule(full, match.start())
            out.append(replaced)
        elif found in _SYMS:
            # " >>" must not eat a space that ended the run.
            out.append(_SYMS[found])
            pos = match.end()
        pos = min(pos, end) if pos > end else pos
    return "".join(out)
