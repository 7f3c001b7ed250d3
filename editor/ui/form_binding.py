"""The front-matter form bound to the edited post: a field or the YAML tab edited changes the
document, and the document's fields, problems, slug and URL are shown back in the form."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from editor.core.post.document import PostDocument
from editor.core.post.frontmatter import FrontMatterError
from editor.core.text.textpos import qt_lines
from editor.ui.doctor_controller import DoctorController
from editor.ui.frontmatter_form import FrontMatterForm
from editor.ui.i18n import current_language
from editor.ui.open_blog import OpenBlog
from editor.ui.post_naming import PostNaming


class FormBinding(QObject):
    """Keeps ``form`` and ``document()`` in step.

    ``blog`` gives the site's zone for dates, ``naming`` shows the slug and URL, and ``doctor``
    forgets its undo ties to the front matter when the writer edits it.
    """

    document_changed = Signal()
    """The front matter changed: the preview, the doctor and the title are out of date."""
    status_message = Signal(str)
    """An edit that could not be applied, for the status bar."""

    def __init__(
        self,
        form: FrontMatterForm,
        document: Callable[[], PostDocument],
        blog: OpenBlog,
        naming: PostNaming,
        doctor: DoctorController,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._form = form
        self._document = document
        self._blog = blog
        self._naming = naming
        self._doctor = doctor
        form.field_edited.connect(self.on_field_edited)
        form.raw_edited.connect(self.on_raw_edited)
        doctor.front_matter_replaced.connect(self.on_front_matter_replaced)

    def on_field_edited(self, key: str, value: Any) -> None:
        document = self._document()
        if document.fields is None:
            return
        self._doctor.forget_front_matter_steps()
        try:
            if value is None:
                document.remove_field(key)
            else:
                document.set_field(key, value)
        except FrontMatterError as exc:
            self.status_message.emit(str(exc))
        self.refresh(refresh_raw=True)
        self.document_changed.emit()

    def on_raw_edited(self, raw: str) -> None:
        document = self._document()
        if raw == qt_lines(document.front_matter_text):
            return
        self._doctor.forget_front_matter_steps()
        document.set_front_matter_text(raw)
        self.refresh(refresh_raw=False)
        self.document_changed.emit()

    def on_front_matter_replaced(self, raw: str) -> None:
        """A doctor fix (or its undo) replaced the front matter."""
        if self._form.flush():
            return  # the writer's own front-matter edit wins over an undone or redone fix
        self._document().set_front_matter_text(raw)
        self.refresh(refresh_raw=True)
        self.document_changed.emit()

    def refresh(self, refresh_raw: bool) -> None:
        """Show the document's fields, messages and (optionally) raw YAML in the form.

        Widgets whose value already matches are left alone, so the field being typed in
        keeps its cursor.
        """
        document = self._document()
        error = document.front_matter_error
        message = None
        if error is not None:
            if error.line:
                message = self.tr(
                    "The front matter is not valid YAML (line {line}, column {column}): "
                    "{reason}. Fix it in the YAML tab; nothing is lost."
                )
            else:
                message = self.tr(
                    "The front matter is not valid YAML: {reason}. Fix it in the YAML tab; "
                    "nothing is lost."
                )
            message = message.format(line=error.line, column=error.column, reason=error.message)
        messages = self._field_messages(document)
        self._naming.show_location(messages)
        self._form.show_messages(messages)
        self._form.show_fields(
            document.fields,
            qt_lines(document.front_matter_text),
            message,
            timezone=self._blog.timezone,
            path=self._document().path,
            refresh_raw=refresh_raw,
        )

    @staticmethod
    def _field_messages(document: PostDocument) -> dict[str, str]:
        messages: dict[str, str] = {}
        lang = current_language()
        for problem in document.problems():
            if problem.key and problem.key not in messages:
                messages[problem.key] = problem.message(lang)
        return messages
