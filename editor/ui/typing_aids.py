"""The writing aids in the text pane: lists and quotes on Enter, Tab and Shift+Tab, Japanese
brackets in pairs, bold, italic, links and headings, each one undo step.

None of them acts while the input method is composing: Enter, Space and Tab then belong to
the input method (choosing or committing a conversion), never to the list.  Brackets that
arrive as an input-method commit pair like typed ones, since that is how Japanese brackets
are typed.  What each key does to the text is decided in :mod:`editor.core.text.markup`;
this module applies it to the pane.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent, QTextBlock, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from editor.core.text import markup
from editor.core.text.textpos import code_point_column, utf16_length
from editor.ui.highlighter import IN_FENCE

# How many lines above the caret Tab and Shift+Tab look at to find the item's parent.
CONTEXT_LINES = 50
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _Span:
    """A stretch of whole lines of the pane as Python text, with positions both ways."""

    def __init__(self, first: QTextBlock, last: QTextBlock):
        self.base = first.position()
        lines = []
        block = first
        while block.isValid():
            lines.append(block.text())
            if block == last:
                break
            block = block.next()
        self.text = "\n".join(lines)

    def offset(self, position: int) -> int:
        """Code-point offset in ``text`` of a pane position."""
        return code_point_column(self.text, position - self.base)

    def position(self, text: str, offset: int) -> int:
        """Pane position of code-point ``offset`` in ``text`` (this span's text after an edit)."""
        return self.base + utf16_length(text[:offset])


class TypingAids:
    """Owned by a :class:`~editor.ui.editor_pane.MarkdownEditor`; the pane hands it its key
    and input-method events first.  ``auto_pairs`` and ``list_continuation`` follow the
    settings of the same names."""

    def __init__(self, editor: QPlainTextEdit):
        self._editor = editor
        self.auto_pairs = True
        self.list_continuation = True
        self.preedit = ""
        """The input method's composition now shown at the caret ("" when none)."""
        self._closers: list[QTextCursor] = []  # before each closing bracket added for the writer
        self._closers_block = -1
        self._held: QTextCursor | None = None
        """The one-line selection a composition started over, kept until the commit."""

    @property
    def composing(self) -> bool:
        return bool(self.preedit)

    # -- keys ----------------------------------------------------------------------------------

    def key_press(self, event: QKeyEvent) -> bool:
        """Handle a key the aids own; False leaves it to the pane (and always while composing)."""
        if self.composing or self._editor.isReadOnly():
            return False
        key, mods = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = mods == Qt.KeyboardModifier.NoModifier
        if self.list_continuation and not self._in_fence():
            if key in _ENTER and plain:
                return self._enter()
            if key == Qt.Key.Key_Tab and plain:
                return self._apply_to_lines(markup.indent)
            shift_only = mods & ~Qt.KeyboardModifier.ShiftModifier == Qt.KeyboardModifier.NoModifier
            if key == Qt.Key.Key_Backtab and shift_only:
                # Shift+Tab only: Ctrl+Shift+Tab moves to the previous tab.
                return self._apply_to_lines(markup.outdent)
        if self.auto_pairs:
            if key == Qt.Key.Key_Backspace and plain:
                return self._delete_empty_pair()
            typed = event.text()
            if len(typed) == 1 and typed in markup.PAIRS:
                return self._open_bracket(typed)
            if len(typed) == 1 and typed in markup.CLOSERS:
                return self._step_over(typed)
        return False

    def input_method(self, event: QInputMethodEvent, deliver: Callable) -> None:
        """Pass an input-method event to the pane (``deliver``), pairing committed brackets.

        Qt deletes the selection when a composition starts over it; the selection is held
        instead, shown again when the composition is cancelled, and the commit acts on it as
        the typed key would (a bracket wraps it, a word replaces it)."""
        self._hold_selection(event)
        if self._held is not None and not event.preeditString():
            held, self._held = self._held, None
            if not event.commitString():
                deliver(event)  # cancelled: the selection is back, untouched
                self._editor.setTextCursor(held)
                self.preedit = ""
                return
            self._editor.setTextCursor(held)
        self._commit(event, deliver)

    def _hold_selection(self, event: QInputMethodEvent) -> None:
        cursor = self._editor.textCursor()
        if (
            self.composing
            or not event.preeditString()
            or event.commitString()
            or not cursor.hasSelection()
            or "\u2029" in cursor.selectedText()
        ):
            return
        self._held = QTextCursor(cursor)
        cursor.setPosition(cursor.selectionStart())
        self._editor.setTextCursor(cursor)  # the composition shows before the held text

    def _commit(self, event: QInputMethodEvent, deliver: Callable) -> None:
        commit = event.commitString()
        if not (self.auto_pairs and commit) or event.replacementLength():
            self.preedit = event.preeditString()
            deliver(event)
            return
        if len(commit) == 1 and (
            (commit in markup.PAIRS and self._editor.textCursor().hasSelection())
            or (commit in markup.CLOSERS and self._can_step_over(commit))
        ):
            # Brackets a selection, or steps over the bracket added for it: the commit is ours.
            # A selection across lines is not bracketed: the commit replaces it as usual.
            opens = commit in markup.PAIRS
            if self._open_bracket(commit) if opens else self._step_over(commit):
                self.preedit = event.preeditString()
                deliver(QInputMethodEvent(event.preeditString(), event.attributes()))
                return
        committed = QInputMethodEvent()
        committed.setCommitString(commit)
        self.preedit = ""
        # One edit block around the commit and its closing bracket: one undo step, and the
        # pane's text changes once (a large post is copied to the document once, not twice).
        # The block starts at the caret: undo puts the caret back there, not at the top.
        block = self._editor.textCursor()
        block.beginEditBlock()
        try:
            deliver(committed)
            closer = markup.closing_for(commit, self._following())
            if closer is not None:
                self._add_closer(closer)
        finally:
            block.endEditBlock()
        if event.preeditString() or event.attributes():
            # The next composition starts at the caret, between the brackets.
            self.preedit = event.preeditString()
            deliver(QInputMethodEvent(event.preeditString(), event.attributes()))

    # -- Enter, Tab, Shift+Tab ---------------------------------------------------------------

    def _in_fence(self) -> bool:
        """The caret is inside a fenced code block: keys type as they always do."""
        block = self._editor.textCursor().block()
        previous = block.previous()
        return previous.isValid() and previous.userState() == IN_FENCE

    def _enter(self) -> bool:
        cursor = self._editor.textCursor()
        if cursor.hasSelection():
            return False
        block = cursor.block()
        span = _Span(block, block)
        edit = markup.continue_list(span.text, span.offset(cursor.position()))
        if edit is None:
            return False
        self._apply(span, edit)
        return True

    def _apply_to_lines(self, change: Callable[[str, int, int], markup.Edit | None]) -> bool:
        cursor = self._editor.textCursor()
        document = self._editor.document()
        start = document.findBlock(cursor.selectionStart())
        end = document.findBlock(cursor.selectionEnd())
        first = document.findBlockByNumber(max(0, start.blockNumber() - CONTEXT_LINES))
        span = _Span(first, end)
        edit = change(
            span.text, span.offset(cursor.selectionStart()), span.offset(cursor.selectionEnd())
        )
        if edit is None:
            # Shift+Tab with nothing to outdent does nothing; Tab types a tab unless lines are
            # selected (a tab must not replace them).
            return change is markup.outdent or start != end
        if cursor.anchor() > cursor.position():
            edit = markup.Edit(edit.start, edit.end, edit.insert, edit.anchor, edit.cursor)
        self._apply(span, edit)
        return True

    # -- brackets ------------------------------------------------------------------------------

    def _following(self) -> str:
        cursor = self._editor.textCursor()
        block = cursor.block()
        text = block.text()
        column = code_point_column(text, cursor.positionInBlock())
        return text[column : column + 1]

    def _open_bracket(self, opener: str) -> bool:
        cursor = self._editor.textCursor()
        if cursor.hasSelection():
            chosen = cursor.selectedText()
            if "\u2029" in chosen:
                return False  # across lines: typing replaces the selection as usual
            cursor.beginEditBlock()
            cursor.insertText(markup.wrap_in_pair(opener, chosen))
            cursor.endEditBlock()
            self._editor.setTextCursor(cursor)
            return True
        closer = markup.closing_for(opener, self._following())
        if closer is None:
            return False
        cursor.beginEditBlock()
        cursor.insertText(opener)
        self._editor.setTextCursor(cursor)
        self._add_closer(closer)
        cursor.endEditBlock()
        return True

    def _add_closer(self, closer: str) -> None:
        """Put ``closer`` after the caret (inside the caller's edit block: one undo step with
        the opening bracket) and remember it was added, not typed."""
        cursor = self._editor.textCursor()
        position = cursor.position()
        cursor.insertText(closer)
        cursor.setPosition(position)
        self._editor.setTextCursor(cursor)
        marker = QTextCursor(self._editor.document())
        marker.setPosition(position)
        if cursor.blockNumber() != self._closers_block:
            self._closers = []
            self._closers_block = cursor.blockNumber()
        self._closers.append(marker)

    def _added_closer_at(self, position: int, closer: str) -> QTextCursor | None:
        if self._editor.textCursor().blockNumber() != self._closers_block:
            self._closers = []
            return None
        character = self._editor.document().characterAt(position)
        for marker in self._closers:
            if marker.position() == position and character == closer:
                return marker
        return None

    def _can_step_over(self, closer: str) -> bool:
        cursor = self._editor.textCursor()
        if cursor.hasSelection():
            return False
        added = self._added_closer_at(cursor.position(), closer)
        return markup.steps_over(closer, self._following(), added is not None)

    def _step_over(self, closer: str) -> bool:
        if not self._can_step_over(closer):
            return False
        cursor = self._editor.textCursor()
        self._closers.remove(self._added_closer_at(cursor.position(), closer))
        cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)
        self._editor.setTextCursor(cursor)
        return True

    def _delete_empty_pair(self) -> bool:
        """Backspace between a bracket and the closing one added for it removes both."""
        cursor = self._editor.textCursor()
        position = cursor.position()
        if cursor.hasSelection() or position == 0:
            return False
        opener = self._editor.document().characterAt(position - 1)
        closer = markup.PAIRS.get(opener)
        added = self._added_closer_at(position, closer) if closer else None
        if added is None:
            return False
        self._closers.remove(added)
        cursor.setPosition(position - 1)
        cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        cursor.endEditBlock()
        self._editor.setTextCursor(cursor)
        return True

    # -- Format menu ---------------------------------------------------------------------------

    def wrap(self, marker: str) -> None:
        """Bold (``**``) or italic (``*``) on the selection, or off again."""
        self._on_selection(lambda text, start, end: markup.toggle_wrap(text, start, end, marker))

    def link(self, url: str = "") -> None:
        """``[selection](url)``; the caret waits for the address when there is none."""
        self._on_selection(lambda text, start, end: markup.make_link(text, start, end, url))

    def heading(self, level: int) -> None:
        """The caret's line becomes a heading of ``level``, or plain text when it is one."""
        block = self._editor.textCursor().block()
        span = _Span(block, block)
        edit = markup.set_heading(span.text, level)
        if edit is not None:
            self._apply(span, edit)

    def paste_link(self, pasted: str) -> bool:
        """Pasting an address over a selection on one line makes the selection its link (a
        whole link gets the new address)."""
        cursor = self._editor.textCursor()
        chosen = cursor.selectedText()
        if (
            not chosen
            or "\u2029" in chosen
            or not markup.looks_like_url(pasted)
            or markup.looks_like_url(chosen)
        ):
            return False
        self._on_selection(
            lambda text, start, end: markup.paste_address(text, start, end, pasted.strip())
        )
        return True

    def _on_selection(self, change: Callable[[str, int, int], markup.Edit]) -> None:
        cursor = self._editor.textCursor()
        document = self._editor.document()
        span = _Span(
            document.findBlock(cursor.selectionStart()), document.findBlock(cursor.selectionEnd())
        )
        edit = change(
            span.text, span.offset(cursor.selectionStart()), span.offset(cursor.selectionEnd())
        )
        self._apply(span, edit)

    # -- one undo step -------------------------------------------------------------------------

    def _apply(self, span: _Span, edit: markup.Edit) -> None:
        """Make ``edit`` (over ``span``'s text) in the pane as one undo step, then select as it
        says.  Only the changed stretch is replaced, so marks elsewhere stay put."""
        old = span.text[edit.start : edit.end]
        prefix = 0
        while prefix < min(len(old), len(edit.insert)) and old[prefix] == edit.insert[prefix]:
            prefix += 1
        new_text = edit.apply(span.text)
        cursor = self._editor.textCursor()
        cursor.beginEditBlock()
        cursor.setPosition(span.position(span.text, edit.start + prefix))
        cursor.setPosition(span.position(span.text, edit.end), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(edit.insert[prefix:])
        cursor.endEditBlock()
        cursor.setPosition(span.position(new_text, edit.anchor))
        cursor.setPosition(span.position(new_text, edit.cursor), QTextCursor.MoveMode.KeepAnchor)
        self._editor.setTextCursor(cursor)
        self._editor.ensureCursorVisible()
