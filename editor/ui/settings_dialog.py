"""The settings dialog (Edit ▸ Settings…, Ctrl+,): what was scattered, in one place.

Pages: General (language, theme), Editor (font, size, auto-pairs, list continuation), Preview
(how soon it follows typing, remote images for the open blog), Doctor (each rule for the open
blog, the thresholds and the continuation markers) and Images (the folder pasted images go to).

The dialog only writes settings (OK, Apply); the window follows ``Settings.changed`` so each
change shows at once where it can (theme, font, the preview's pace, the doctor).  The language
applies at the next start.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QFontDatabase, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.core.blog.images import ImageError, image_folder
from editor.core.doctor import all_rules
from editor.ui.doctor_controller import disabled_rules, rule_label, set_disabled_rules
from editor.ui.editor_pane import MAX_FONT_SIZE, MIN_FONT_SIZE, default_editor_family, editor_font
from editor.ui.i18n import worded
from editor.ui.settings import DEFAULTS, DOCTOR_THRESHOLDS, Settings

# The font sample: kanji, kana, a bold run (a font without a real bold face shows it thin).
SAMPLE = "漢字かなカナ <b>太字</b> 0123"


def rule_descriptions() -> dict[str, str]:
    """What each doctor rule looks for, in the interface language."""

    translate = QCoreApplication.translate
    return {
        "front-matter": translate(
            "DoctorRules", "Front matter that Jekyll cannot read or that is missing"
        ),
        "continuation-marker": translate(
            "DoctorRules", "Continuation markers left where a text was put together in pieces"
        ),
        "repeated-text": translate("DoctorRules", "Sentences and passages said twice"),
        "broken-character": translate(
            "DoctorRules", "Broken characters: replacement characters, control characters, mojibake"
        ),
        "truncated-text": translate(
            "DoctorRules", "A text, heading or title that stops mid-sentence"
        ),
        "reading-time": translate("DoctorRules", "A reading time that does not match the text"),
        "excerpt": translate("DoctorRules", "A missing, too long or unrelated excerpt"),
        "heading-level": translate("DoctorRules", "Heading levels that skip a level"),
        "date-filename": translate("DoctorRules", "A date that does not match the file name"),
        "empty-link": translate("DoctorRules", "Links that lead nowhere"),
        "missing-target": translate(
            "DoctorRules", "Links and images to files or posts that do not exist"
        ),
        "sentence-length": translate("DoctorRules", "Very long sentences"),
        "mixed-style": translate("DoctorRules", "です・ます and だ・である mixed in one post"),
        "doubled-particle": translate("DoctorRules", "The same particle twice in a sentence"),
        "doubled-punctuation": translate("DoctorRules", "Punctuation typed twice"),
        "fullwidth-alnum": translate("DoctorRules", "Full-width letters and digits"),
        "fullwidth-space": translate("DoctorRules", "Full-width spaces inside sentences"),
        "ra-nuki": translate("DoctorRules", "ら抜き言葉 (見れる for 見られる)"),
        "cjk-line-break": translate("DoctorRules", "A line break between Japanese words"),
        "repeated-across-posts": translate(
            "DoctorRules", "Paragraphs that repeat a paragraph of another post of the blog"
        ),
    }


def threshold_labels() -> dict[str, str]:
    """The doctor's thresholds as the Doctor page names them."""
    translate = QCoreApplication.translate
    return {
        "min_overlap": translate("DoctorSettings", "Shortest overlap between pieces (characters)"),
        "min_repeat_length": translate("DoctorSettings", "Shortest sentence compared for repeats"),
        "similarity_threshold": translate("DoctorSettings", "Near copies from a similarity of"),
        "safe_similarity": translate(
            "DoctorSettings", "Safe to remove a copy from a similarity of"
        ),
        "chars_per_minute": translate(
            "DoctorSettings", "Japanese reading speed (characters a minute)"
        ),
        "words_per_minute": translate("DoctorSettings", "Latin reading speed (words a minute)"),
        "reading_time_tolerance": translate("DoctorSettings", "Reading time tolerance (share)"),
        "excerpt_max_length": translate("DoctorSettings", "Longest excerpt (characters)"),
        "excerpt_min_overlap": translate(
            "DoctorSettings", "Excerpt words found in the body (share)"
        ),
        "sentence_max_length": translate("DoctorSettings", "Longest sentence (characters)"),
        "style_min_sentences": translate("DoctorSettings", "Sentences needed to judge the style"),
        "mixed_style_max_ratio": translate("DoctorSettings", "Largest share of the other style"),
        "across_similarity": translate(
            "DoctorSettings", "Paragraphs of another post repeated from a similarity of"
        ),
    }


class SettingsDialog(QDialog):
    """Shows the settings; OK and Apply write them, Restore Defaults fills in the defaults."""

    def __init__(self, settings: Settings, blog_root: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self._settings = settings
        self._blog_root = blog_root
        if parent is not None:
            self.setFont(parent.font())  # a dialog window does not inherit the window's CJK font
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._general_page(), self.tr("General"))
        self.tabs.addTab(self._editor_page(), self.tr("Editor"))
        self.tabs.addTab(self._preview_page(), self.tr("Preview"))
        self.tabs.addTab(self._doctor_page(), self.tr("Doctor"))
        self.tabs.addTab(self._images_page(), self.tr("Images"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.clicked.connect(self._on_button_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self.resize(720, 700)
        self.load(self.current_values())

    # -- pages -------------------------------------------------------------------------------

    def _general_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.language = QComboBox()
        self.language.setObjectName("settingsLanguage")
        self.language.addItem(self.tr("Follow the system"), "")
        self.language.addItem("日本語", "ja")
        self.language.addItem("English", "en")
        form.addRow(self.tr("&Language:"), self.language)
        note = QLabel(self.tr("A new language applies at the next start."))
        note.setWordWrap(True)
        form.addRow("", note)
        self.theme = QComboBox()
        self.theme.setObjectName("settingsTheme")
        self.theme.addItem(self.tr("Follow the system"), "system")
        self.theme.addItem(self.tr("Light"), "light")
        self.theme.addItem(self.tr("Dark"), "dark")
        form.addRow(self.tr("&Theme:"), self.theme)
        return page

    def _editor_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.font_family = QComboBox()
        self.font_family.setObjectName("settingsFontFamily")
        self.font_family.addItem(
            self.tr("Default ({family})").format(family=default_editor_family()), ""
        )
        for family in QFontDatabase.families(QFontDatabase.WritingSystem.Japanese):
            if not QFontDatabase.isPrivateFamily(family):
                self.font_family.addItem(family, family)
        form.addRow(self.tr("&Font:"), self.font_family)
        self.font_size = QSpinBox()
        self.font_size.setObjectName("settingsFontSize")
        self.font_size.setRange(MIN_FONT_SIZE, MAX_FONT_SIZE)
        self.font_size.setSuffix(self.tr(" pt"))
        form.addRow(self.tr("&Size:"), self.font_size)
        self.sample = QLabel()
        self.sample.setObjectName("settingsFontSample")
        self.sample.setTextFormat(Qt.TextFormat.RichText)
        self.sample.setText(SAMPLE)
        self.sample.setMinimumHeight(60)
        form.addRow(self.tr("Sample:"), self.sample)
        self.font_family.currentIndexChanged.connect(self._show_sample)
        self.font_size.valueChanged.connect(self._show_sample)
        self.auto_pairs = QCheckBox(self.tr("Close brackets 「」『』（）【】 as they are typed"))
        self.auto_pairs.setObjectName("settingsAutoPairs")
        form.addRow(self.auto_pairs)
        self.list_continuation = QCheckBox(
            self.tr("Continue lists and quotes on Enter; Tab indents list items")
        )
        self.list_continuation.setObjectName("settingsListContinuation")
        form.addRow(self.list_continuation)
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.debounce = QSpinBox()
        self.debounce.setObjectName("settingsDebounce")
        self.debounce.setRange(0, 5000)
        self.debounce.setSingleStep(20)
        self.debounce.setSuffix(self.tr(" ms"))
        form.addRow(self.tr("&Update after a pause in typing of:"), self.debounce)
        self.allow_remote = QCheckBox(self.tr("Load remote images and styles for this blog"))
        self.allow_remote.setObjectName("settingsAllowRemote")
        self.allow_remote.setEnabled(self._blog_root is not None)
        form.addRow(self.allow_remote)
        if self._blog_root is None:
            form.addRow(QLabel(self.tr("Open a blog to choose this for it.")))
        return page

    def _doctor_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        rules_box = QGroupBox(
            self.tr("Rules for this blog")
            if self._blog_root is not None
            else self.tr("Rules (open a blog to keep this choice)")
        )
        rules_layout = QVBoxLayout(rules_box)
        self.rules = QTreeWidget()
        self.rules.setObjectName("settingsRules")
        self.rules.setHeaderLabels([self.tr("Rule"), self.tr("What it looks for")])
        self.rules.setRootIsDecorated(False)
        self.rules.setEnabled(self._blog_root is not None)
        self.rule_items: dict[str, QTreeWidgetItem] = {}
        descriptions = rule_descriptions()
        for rule in all_rules():
            # Named as the Doctor menu names it; the id (the command line's) in the tooltip.
            item = QTreeWidgetItem([rule_label(rule), descriptions.get(rule, "")])
            item.setToolTip(0, rule)
            item.setToolTip(1, descriptions.get(rule, ""))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked)
            self.rules.addTopLevelItem(item)
            self.rule_items[rule] = item
        self.rules.resizeColumnToContents(0)
        rules_layout.addWidget(self.rules)
        layout.addWidget(rules_box, 1)
        limits_box = QGroupBox(self.tr("Thresholds"))
        limits = QWidget()
        form = QFormLayout(limits)
        labels = threshold_labels()
        self.thresholds: dict[str, QSpinBox | QDoubleSpinBox] = {}
        for name in DOCTOR_THRESHOLDS:
            default = DEFAULTS[f"doctor/{name}"]
            if isinstance(default, float):
                box = QDoubleSpinBox()
                box.setRange(0.0, 1.0)
                box.setSingleStep(0.05)
                box.setDecimals(2)
            else:
                box = QSpinBox()
                box.setRange(1, 100000)
            box.setObjectName(f"settingsDoctor_{name}")
            form.addRow(labels.get(name, name), box)
            self.thresholds[name] = box
        self.markers = QPlainTextEdit()
        self.markers.setObjectName("settingsMarkers")
        self.markers.setTabChangesFocus(True)
        self.markers.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        form.addRow(self.tr("Continuation markers (one a line):"), self.markers)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(limits)
        QVBoxLayout(limits_box).addWidget(scroll)
        layout.addWidget(limits_box, 1)
        return page

    def _images_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.images_folder = QLineEdit()
        self.images_folder.setObjectName("settingsImagesFolder")
        self.images_folder.setToolTip(
            self.tr(
                "Relative to the blog's folder; {year}, {month}, {day} and {slug} are the post's. "
                "With a blog open, this is that blog's own setting."
            )
        )
        form.addRow(self.tr("&Folder for images (in the blog):"), self.images_folder)
        self.images_problem = QLabel()
        self.images_problem.setObjectName("settingsImagesProblem")
        self.images_problem.setWordWrap(True)
        form.addRow("", self.images_problem)
        self.images_folder.textChanged.connect(self._show_images_problem)
        return page

    def _show_images_problem(self, pattern: str) -> None:
        """Why the folder typed cannot hold images (a placeholder, outside the blog, a folder
        Jekyll does not publish); nothing when it can."""
        try:
            image_folder(pattern.strip() or DEFAULTS["images/folder"], dt.date.today(), "slug")
        except ImageError as exc:
            self.images_problem.setText(worded(exc))
            return
        self.images_problem.clear()

    # -- values ------------------------------------------------------------------------------

    def current_values(self) -> dict[str, object]:
        """What the settings hold now, as the dialog shows them."""
        values = {key: self._settings.value(key) for key in DEFAULTS}
        blog = self._blog_root
        values["blog/allow_remote"] = bool(blog and self._settings.allow_remote(blog))
        values["blog/doctor_disabled"] = disabled_rules(self._settings, blog)
        values["blog/images_folder"] = self._settings.images_folder(blog)
        return values

    @staticmethod
    def default_values() -> dict[str, object]:
        values = dict(DEFAULTS)
        values["blog/allow_remote"] = False
        values["blog/doctor_disabled"] = frozenset()
        values["blog/images_folder"] = DEFAULTS["images/folder"]
        return values

    def load(self, values: dict[str, object]) -> None:
        """Show ``values`` (as :meth:`current_values` gives them) in the widgets."""
        _select(self.language, values["ui/language"])
        _select(self.theme, values["ui/theme"])
        if self.font_family.findData(values["editor/font_family"]) < 0:
            family = str(values["editor/font_family"])
            self.font_family.addItem(family, family)
        _select(self.font_family, values["editor/font_family"])
        self.font_size.setValue(int(values["editor/font_size"]))
        self.auto_pairs.setChecked(bool(values["editor/auto_pairs"]))
        self.list_continuation.setChecked(bool(values["editor/list_continuation"]))
        self.debounce.setValue(int(values["render/debounce_ms"]))
        self.allow_remote.setChecked(bool(values["blog/allow_remote"]))
        disabled = values["blog/doctor_disabled"]
        for rule, item in self.rule_items.items():
            state = Qt.CheckState.Unchecked if rule in disabled else Qt.CheckState.Checked
            item.setCheckState(0, state)
        for name, box in self.thresholds.items():
            box.setValue(values[f"doctor/{name}"])
        self.markers.setPlainText(str(values["doctor/markers"]))
        self.images_folder.setText(str(values["blog/images_folder"]))
        self._show_sample()

    def values(self) -> dict[str, object]:
        """What the widgets say now."""
        images_folder = self.images_folder.text().strip() or DEFAULTS["images/folder"]
        values: dict[str, object] = {
            "ui/language": self.language.currentData(),
            "ui/theme": self.theme.currentData(),
            "editor/font_family": self.font_family.currentData(),
            "editor/font_size": self.font_size.value(),
            "editor/auto_pairs": self.auto_pairs.isChecked(),
            "editor/list_continuation": self.list_continuation.isChecked(),
            "render/debounce_ms": self.debounce.value(),
            # With a blog open the folder is that blog's; the default for the others stays.
            "images/folder": (
                self._settings.value("images/folder") if self._blog_root else images_folder
            ),
            "blog/images_folder": images_folder,
            "doctor/markers": "\n".join(
                line.strip() for line in self.markers.toPlainText().splitlines() if line.strip()
            ),
            "blog/allow_remote": self.allow_remote.isChecked(),
            "blog/doctor_disabled": frozenset(
                rule
                for rule, item in self.rule_items.items()
                if item.checkState(0) != Qt.CheckState.Checked
            ),
        }
        for name, box in self.thresholds.items():
            values[f"doctor/{name}"] = box.value()
        return values

    def apply(self) -> None:
        """Write what the widgets say; each setting that changed is announced once."""
        values = self.values()
        for key, value in values.items():
            if key in DEFAULTS:
                self._settings.set_value(key, value)
        blog = self._blog_root
        if blog is not None:
            if values["blog/allow_remote"] != self._settings.allow_remote(blog):
                self._settings.set_blog_value(
                    str(blog), "allow_remote", bool(values["blog/allow_remote"])
                )
            if values["blog/doctor_disabled"] != disabled_rules(self._settings, blog):
                set_disabled_rules(self._settings, blog, values["blog/doctor_disabled"])
            if values["blog/images_folder"] != self._settings.images_folder(blog):
                self._settings.set_blog_value(
                    str(blog), "images_folder", values["blog/images_folder"]
                )

    def accept(self) -> None:
        self.apply()
        super().accept()

    def _on_button_clicked(self, button: QAbstractButton) -> None:
        role = self.buttons.standardButton(button)
        if role == QDialogButtonBox.StandardButton.Apply:
            self.apply()
        elif role == QDialogButtonBox.StandardButton.RestoreDefaults:
            self.load(self.default_values())

    def _show_sample(self, *_args) -> None:
        self.sample.setFont(
            editor_font(self.font_family.currentData() or "", self.font_size.value())
        )


def _select(combo: QComboBox, data) -> None:
    index = combo.findData(data)
    combo.setCurrentIndex(max(0, index))


class Preferences(QObject):
    """Edit ▸ Settings… (Ctrl+,): opens the dialog on the open blog's settings."""

    def __init__(self, settings: Settings, blog_root, window: QWidget):
        super().__init__(window)
        self._settings = settings
        self._blog_root = blog_root  # a callable: the open blog's root, or None
        self._window = window
        self.dialog: SettingsDialog | None = None
        self.action = QAction(self.tr("&Settings…"), self)
        self.action.setMenuRole(QAction.MenuRole.PreferencesRole)
        keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
        if QKeySequence("Ctrl+,") not in keys:
            keys.append(QKeySequence("Ctrl+,"))
        self.action.setShortcuts(keys)
        self.action.triggered.connect(self.open)

    def fill_menu(self, menu: QMenu) -> None:
        """The last item of the Edit menu, as GNOME, KDE and Windows editors place it."""
        menu.addSeparator()
        menu.addAction(self.action)

    def open(self) -> SettingsDialog:
        """Show the dialog (window-modal, without blocking); OK or Apply writes the settings."""
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return self.dialog
        dialog = SettingsDialog(self._settings, self._blog_root(), self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result, d=dialog: self._forget(d))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _forget(self, dialog: SettingsDialog) -> None:
        if self.dialog is dialog:  # not a newer one opened since
            self.dialog = None
