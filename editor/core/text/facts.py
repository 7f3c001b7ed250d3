"""What the status bar and the outline show of a text, worked out in one go, in a worker process.

The counts (:func:`~editor.core.text.readtime.count_prose`) and the headings
(:func:`~editor.core.text.outline.headings`) of a megabyte post take a few hundred
milliseconds of Python; on a thread of the editor's process they would hold the interpreter
the keystrokes need.  :class:`FactsWorker` is the handler ``editor.ui.process_service`` runs in
a process of its own; both read the same block scan when they can.
"""

from __future__ import annotations

from dataclasses import dataclass

from editor.core.doctor.text import scan_blocks
from editor.core.text.outline import Heading, headings
from editor.core.text.readtime import ProseCount, count_prose


@dataclass(frozen=True)
class TextFacts:
    """The counts of a text's prose and its headings."""

    count: ProseCount
    headings: list[Heading]


def text_facts(text: str, markers: tuple[str, ...] = ()) -> TextFacts:
    """The counts of ``text`` (leaving out the doctor's continuation ``markers``, as its
    reading-time rule does) and its headings."""
    blocks = scan_blocks(text, 0)
    # The markers change the block scan; without them the one scan serves both.
    count = count_prose(text, None if markers else blocks, markers)
    return TextFacts(count, headings(text, blocks))


class FactsWorker:
    """Handler of the facts process (``editor.core.files.service``)."""

    def read(self, text: str, markers: tuple[str, ...] = ()) -> TextFacts:
        return text_facts(text, markers)
