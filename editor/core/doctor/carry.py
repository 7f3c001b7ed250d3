"""Positions of an older text carried into the text of now, through the edits made since.

The window's doctor shows findings made for a text the writer has typed into since: their
spans, related spans and fixes are carried through those edits (a fix the edits ran into is
left out) without checking again.
"""

from __future__ import annotations

import bisect
import sys
from dataclasses import replace

from editor.core.doctor.model import Finding
from editor.core.doctor.worker import compose
from editor.core.text.edits import Edit


class Carry:
    """Positions of an older text carried into the text of now, through the writer's edits
    since (composed once into disjoint edits of the older text, so that each position costs a
    binary search, not a walk through every keystroke)."""

    def __init__(self, log: list[tuple[int, int, int, str]]):
        edits = compose(sys.maxsize, (Edit(s, s + r, a) for _, s, r, a in log))
        self._starts = [e.start for e in edits]
        self._ends = [e.end for e in edits]
        self._edits = edits
        self._shift = [0]  # how far the edits before each one move what follows
        for e in edits:
            self._shift.append(self._shift[-1] + len(e.replacement) - (e.end - e.start))

    def position(self, pos: int, end_side: bool = False) -> int:
        """Where ``pos`` is now; text typed just at a finding's end stays outside it, just at
        its start too (what was replaced around a position puts it at the replacement's edge)."""
        i = bisect.bisect_left(self._starts, pos)
        if i and self._ends[i - 1] > pos:  # inside what an edit replaced
            edit = self._edits[i - 1]
            start = edit.start + self._shift[i - 1]
            return start + len(edit.replacement) if end_side else start
        moved = pos + self._shift[i]
        if i < len(self._edits) and self._starts[i] == pos == self._ends[i] and not end_side:
            moved += len(self._edits[i].replacement)  # typed just before it
        return moved

    def meets(self, edit: Edit) -> bool:
        """True when the writer's edits touch ``edit`` (a fix's): it may no longer hold."""
        lo = bisect.bisect_left(self._ends, edit.start)
        hi = bisect.bisect_right(self._starts, edit.end)
        for other in self._edits[lo:hi]:
            if other.start == other.end:
                if edit.start < other.start < edit.end:
                    return True
            elif other.start < edit.end and edit.start < other.end:
                return True
        return False

    def finding(self, finding: Finding) -> Finding:
        """``finding`` with its positions carried (a fix the edits ran into left out)."""
        if not self._edits or _reach(finding) < self._starts[0]:
            return finding  # wholly before every edit: where it was
        start = self.position(finding.start)
        end = max(start, self.position(finding.end, True))
        related = []
        for s, e in finding.related:
            a = self.position(s)
            related.append((a, max(a, self.position(e, True))))
        fix = finding.fix
        if fix is not None:
            if any(self.meets(e) for e in fix.edits):
                fix = None
            else:
                moved = []
                for e in fix.edits:
                    a = self.position(e.start)
                    moved.append(Edit(a, max(a, self.position(e.end, True)), e.replacement))
                fix = replace(fix, edits=tuple(moved))
        return replace(finding, start=start, end=end, related=tuple(related), fix=fix)


def _reach(finding: Finding) -> int:
    """The furthest position ``finding`` names (its span, related spans and fix)."""
    reach = max([finding.end, *(end for _start, end in finding.related)])
    if finding.fix is not None:
        reach = max([reach, *(edit.end for edit in finding.fix.edits)])
    return reach
