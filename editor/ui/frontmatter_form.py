"""The front-matter form: the blog's fields, a message under each, and the raw YAML."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from editor.core.blog.keys import KNOWN_KEYS as FORM_KEYS
from editor.core.blog.keys import LIST_KEYS, field_label
from editor.ui import datefield
from editor.ui.editor_pane import EDITOR_FONTS, pick_font
from editor.ui.i18n import current_language
from editor.ui.theme import pick

TEXT_KEYS = ("title", "author")
TERM_KEYS = ("categories", "tags")  # list fields whose values the blog's other posts share


def split_list(text: str) -> list[str]:
    """ "AI, 投資、市場" -> ["AI", "投資", "市場"]: commas or Japanese commas separate items."""
    return [item.strip() for item in text.replace("、", ",").split(",") if item.strip()]


def list_text(value: Any) -> str:
    """How a list field shows in its line edit (a Jekyll space-separated string shows as is)."""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(item) for item in value)
    return "" if value is None else str(value)


def _under(form: QFormLayout, name: str) -> QLabel:
    """A hidden, wrapping line of text under the field just added to ``form``."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.hide()
    form.addRow("", label)
    return label


class FrontMatterForm(QWidget):
    """Edits the known fields; emits ``field_edited(key, value)`` only for the writer's edits.

    ``value`` is None when the writer cleared a field that should then be removed.
    """

    field_edited = Signal(str, object)
    raw_edited = Signal(str)
    slug_edited = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("frontMatterForm")
        self._loading = False
        self.tabs = QTabWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.error_banner = QLabel(self)
        self.error_banner.setObjectName("frontMatterError")
        self.error_banner.setWordWrap(True)
        self.error_banner.hide()
        outer.addWidget(self.error_banner)
        outer.addWidget(self.tabs)

        fields = QWidget()
        form = QFormLayout(fields)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.title = QLineEdit()
        self.slug = QLineEdit()
        self.slug.setPlaceholderText(self.tr("file name part, e.g. ai-chip-market"))
        self.url = QLabel()
        self.url.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.date = datefield.DateTimeField()
        self.categories = QLineEdit()
        self.categories.setPlaceholderText(self.tr("comma-separated, e.g. 投資分析, 技術動向"))
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("comma-separated, e.g. AI, 半導体"))
        self.author = QLineEdit()
        self.excerpt = QPlainTextEdit()
        self.excerpt.setFixedHeight(60)
        self.reading_time = QSpinBox()
        self.reading_time.setRange(0, 999)
        self.reading_time.setSpecialValueText(self.tr("—"))
        self.reading_time.setSuffix(self.tr(" min"))
        self.layout_box = QComboBox()
        self.layout_box.setEditable(True)
        self.messages: dict[str, QLabel] = {}
        self.notes: dict[str, QLabel] = {}
        self.completions: dict = {}  # key -> TermCompletion (the window's taxonomy fills it)
        lang = current_language()

        def label(key: str) -> str:  # the core's names of the keys: messages use them too
            return field_label(key).say(lang)

        widgets = {
            "title": (label("title"), self.title),
            "slug": (label("slug"), self.slug),
            "url": (self.tr("URL"), self.url),
            "date": (label("date"), self.date),
            "categories": (label("categories"), self.categories),
            "tags": (label("tags"), self.tags),
            "author": (label("author"), self.author),
            "excerpt": (label("excerpt"), self.excerpt),
            "reading_time": (label("reading_time"), self.reading_time),
            "layout": (label("layout"), self.layout_box),
        }
        for key, (label, widget) in widgets.items():
            widget.setObjectName(f"field_{key}")
            form.addRow(label, widget)
            self.messages[key] = _under(form, f"message_{key}")
            if key in TERM_KEYS:  # a note the writer's own values raise (a near variant)
                self.notes[key] = _under(form, f"note_{key}")
        self.other_label = QLabel()
        self.other_label.setObjectName("otherFields")
        self.other_label.setWordWrap(True)
        self.other_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Other fields"), self.other_label)
        self.fields_page = fields
        # Scrolls when the splitter leaves it little room, so messages are never clipped.
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        scroller.setWidget(fields)
        self.tabs.addTab(scroller, self.tr("Fields"))

        self.raw = QPlainTextEdit()
        self.raw.setObjectName("rawFrontMatter")
        self.raw.setFont(pick_font(EDITOR_FONTS, 12))
        self.raw.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.tabs.addTab(self.raw, self.tr("YAML"))
        self._raw_timer = QTimer(self)
        self._raw_timer.setSingleShot(True)
        self._raw_timer.setInterval(300)
        self._raw_timer.timeout.connect(lambda: self.raw_edited.emit(self.raw.toPlainText()))
        self._paint_messages()
        self._connect_signals()

    def _paint_messages(self) -> None:
        """Problem texts in a red readable on the light or the dark theme."""
        background, colour = pick("#fde8e8", "#3d1416"), pick("#8a1c1c", "#ffb4ab")
        self.error_banner.setStyleSheet(
            f"QLabel {{ background: {background}; color: {colour}; padding: 6px; }}"
        )
        style = f"QLabel {{ color: {pick('#b3261e', '#ff7b72')}; font-size: 11px; }}"
        for message in self.messages.values():
            message.setStyleSheet(style)
        note = f"QLabel {{ color: {pick('#8a5300', '#f0b45a')}; font-size: 11px; }}"
        for label in self.notes.values():
            label.setStyleSheet(note)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_messages()

    def _connect_signals(self) -> None:
        for key in TEXT_KEYS:
            getattr(self, key).textEdited.connect(lambda text, k=key: self._emit(k, text or None))
        for key in LIST_KEYS:
            getattr(self, key).textEdited.connect(
                lambda text, k=key: self._emit(k, split_list(text) or None)
            )
        self.excerpt.textChanged.connect(
            lambda: self._emit("excerpt", self.excerpt.toPlainText() or None)
        )
        self.reading_time.valueChanged.connect(lambda v: self._emit("reading_time", v or None))
        self.layout_box.currentTextChanged.connect(lambda t: self._emit("layout", t or None))
        self.date.edited.connect(lambda text: self._emit("date", text))
        self.date.problem.connect(lambda text: self._show_message("date", text))
        self.slug.textEdited.connect(self.slug_edited)
        self.raw.textChanged.connect(self._on_raw_changed)

    def _emit(self, key: str, value: Any) -> None:
        if not self._loading:
            self.field_edited.emit(key, value)

    def _on_raw_changed(self) -> None:
        if not self._loading:
            self._raw_timer.start()

    def flush(self) -> bool:
        """Apply what is still being typed (a raw-YAML edit in its debounce, a date zone) now,
        before saving or leaving; True when something was applied."""
        applied = self.date.flush()
        if self._raw_timer.isActive():
            self._raw_timer.stop()
            self.raw_edited.emit(self.raw.toPlainText())
            applied = True
        return applied

    # -- showing a document ------------------------------------------------------------------

    def set_layouts(self, names: list[str]) -> None:
        self._loading = True
        current = self.layout_box.currentText()
        self.layout_box.clear()
        self.layout_box.addItems(names)
        self.layout_box.setEditText(current)
        self._loading = False

    def show_fields(
        self,
        fields: dict[str, Any] | None,
        raw: str,
        error: str | None,
        timezone: str | None = None,
        refresh_raw: bool = True,
        path: Path | None = None,
    ) -> None:
        """Fill the form from parsed fields; with broken YAML, show the error and the raw text."""
        self._loading = True
        try:
            if refresh_raw and self.raw.toPlainText() != raw:
                self.raw.setPlainText(raw)
            self.error_banner.setVisible(bool(error))
            self.error_banner.setText(error or "")
            self.fields_page.setEnabled(fields is not None)
            if fields is None:
                self.tabs.setCurrentWidget(self.raw)
                return
            for key in TEXT_KEYS:
                widget = getattr(self, key)
                text = "" if fields.get(key) is None else str(fields.get(key))
                if widget.text() != text:
                    widget.setText(text)
            for key in LIST_KEYS:
                widget = getattr(self, key)
                text = list_text(fields.get(key))
                if split_list(widget.text()) != split_list(text):
                    widget.setText(text)
            excerpt = "" if fields.get("excerpt") is None else str(fields.get("excerpt"))
            if self.excerpt.toPlainText() != excerpt:
                self.excerpt.setPlainText(excerpt)
            self._show_reading_time(fields.get("reading_time"))
            self.layout_box.setEditText(
                "" if fields.get("layout") is None else str(fields.get("layout"))
            )
            self.date.set_value(fields.get("date"), timezone, path)
            others = [k for k in fields if k not in FORM_KEYS]
            self.other_label.setText(
                ", ".join(str(k) for k in others)
                + (self.tr("  (edit them in the YAML tab)") if others else "—")
            )
        finally:
            self._loading = False

    def _show_reading_time(self, value: Any) -> None:
        """The spin box shows whole minutes it can hold; any other value (a huge, negative or
        decimal number, text) is explained and left to the YAML tab, never changed by the form."""
        box = self.reading_time
        fits = value is None or (type(value) is int and box.minimum() <= value <= box.maximum())
        box.setEnabled(fits)
        box.setValue(value if fits and value is not None else box.minimum())
        if not fits and not self.messages["reading_time"].text():
            # The core words what is wrong with the value itself (not a whole number, below 0);
            # a whole number the box cannot hold is this form's own limit.
            self._show_message(
                "reading_time",
                self.tr(
                    "{value} minutes is more than this field shows (up to {limit}); edit it in "
                    "the YAML tab"
                ).format(value=value, limit=box.maximum()),
            )

    def show_location(self, slug: str, url: str) -> None:
        """The post's slug (unless the writer is typing one) and the URL it will have."""
        if not self.slug.hasFocus() and self.slug.text() != slug:
            self.slug.setText(slug)
        # Shown readable (Japanese categories stay Japanese); the tooltip has the encoded URL.
        self.url.setText(unquote(url))
        self.url.setToolTip(url)

    def _show_message(self, key: str, text: str) -> None:
        self.messages[key].setText(text)
        self.messages[key].setVisible(bool(text))

    def show_note(self, key: str, text: str) -> None:
        """A note under a categories or tags field (shown while the writer types); "" hides it."""
        self.notes[key].setText(text)
        self.notes[key].setVisible(bool(text))

    def item_at_cursor(self, key: str) -> tuple[str, int, int]:
        """The item of the list field ``key`` being typed: its text up to the cursor (stripped)
        and the span of the whole item in the field's text."""
        widget: QLineEdit = getattr(self, key)
        text, cursor = widget.text(), widget.cursorPosition()
        start = max(text.rfind(",", 0, cursor), text.rfind("、", 0, cursor)) + 1
        ends = [i for i in (text.find(",", cursor), text.find("、", cursor)) if i != -1]
        end = min(ends) if ends else len(text)
        return text[start:cursor].strip(), start, end

    def complete_item(self, key: str, value: str) -> None:
        """Put ``value`` in place of the item being typed, keeping the others, as the writer's
        edit; the cursor goes after it."""
        widget: QLineEdit = getattr(self, key)
        _, start, end = self.item_at_cursor(key)
        text = widget.text()
        item = text[start:end]
        lead = item[: len(item) - len(item.lstrip())] or (" " if start else "")
        head = text[:start] + lead
        widget.setText(head + value + text[end:])
        widget.setCursorPosition(len(head) + len(value))
        self._emit(key, split_list(widget.text()) or None)

    def replace_item(self, key: str, old: str, new: str) -> None:
        """Replace the item ``old`` of the list field ``key`` by ``new`` as the writer's edit
        (the other items and the separators stay as typed)."""
        widget: QLineEdit = getattr(self, key)
        parts = re.split(r"([,、])", widget.text())
        for index in range(0, len(parts), 2):
            if parts[index].strip() == old:
                parts[index] = parts[index].replace(old, new, 1)
        widget.setText("".join(parts))
        self._emit(key, split_list(widget.text()) or None)

    def show_messages(self, messages: dict[str, str]) -> None:
        """Messages next to fields, e.g. {"title": "The title is missing"}; others are hidden."""
        for key, label in self.messages.items():
            text = messages.get(key, "")
            label.setText(text)
            label.setVisible(bool(text))
