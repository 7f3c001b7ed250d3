"""Light and dark for the whole window: a Fusion palette, and a signal for what paints its own.

Setting ``ui/theme``: "system" follows the desktop's colour scheme (``QStyleHints.colorScheme``,
light when the desktop does not say), "light" and "dark" are the writer's choice.  The palette is
the application's, so menus, dialogs and every pane follow it; what is not drawn from the palette
(the Markdown highlighter, the doctor's marks, the preview page) asks :func:`is_dark` and listens
to :attr:`ThemeController.changed`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QStyleFactory

from editor.ui.settings import Settings

THEMES = ("system", "light", "dark")


@dataclass(frozen=True)
class Colours:
    """The palette of one theme (the dark one matches the preview's dark page)."""

    window: str
    window_text: str
    base: str
    alternate_base: str
    text: str
    button: str
    highlight: str
    highlighted_text: str
    link: str
    placeholder: str
    mid: str
    disabled: str
    tooltip: str


LIGHT = Colours(
    window="#f3f3f3",
    window_text="#1f2328",
    base="#ffffff",
    alternate_base="#f6f8fa",
    text="#1f2328",
    button="#ececec",
    highlight="#2f6fd0",
    highlighted_text="#ffffff",
    link="#0969da",
    placeholder="#6e7781",
    mid="#c8ccd0",
    disabled="#8c959f",
    tooltip="#ffffdc",
)
DARK = Colours(
    window="#161b22",
    window_text="#e6edf3",
    base="#0d1117",
    alternate_base="#1c2128",
    text="#e6edf3",
    button="#21262d",
    highlight="#1f6feb",
    highlighted_text="#ffffff",
    link="#58a6ff",
    placeholder="#8b949e",
    mid="#30363d",
    disabled="#6e7681",
    tooltip="#21262d",
)


def build_palette(colours: Colours) -> QPalette:
    """A full palette (every role, every group) for Fusion from a theme's colours."""
    palette = QPalette(QColor(colours.button), QColor(colours.window))
    roles = {
        QPalette.ColorRole.Window: colours.window,
        QPalette.ColorRole.WindowText: colours.window_text,
        QPalette.ColorRole.Base: colours.base,
        QPalette.ColorRole.AlternateBase: colours.alternate_base,
        QPalette.ColorRole.Text: colours.text,
        QPalette.ColorRole.Button: colours.button,
        QPalette.ColorRole.ButtonText: colours.window_text,
        QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Highlight: colours.highlight,
        QPalette.ColorRole.HighlightedText: colours.highlighted_text,
        QPalette.ColorRole.Link: colours.link,
        QPalette.ColorRole.LinkVisited: colours.link,
        QPalette.ColorRole.PlaceholderText: colours.placeholder,
        QPalette.ColorRole.ToolTipBase: colours.tooltip,
        QPalette.ColorRole.ToolTipText: colours.window_text,
        QPalette.ColorRole.Mid: colours.mid,
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colours.disabled))
    return palette


def is_dark() -> bool:
    """Whether the window is dark now (read from the application's palette)."""
    app = QGuiApplication.instance()
    if app is None:
        return False
    return QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128


def pick(light: str, dark: str) -> str:
    """The colour for the theme the window shows now."""
    return dark if is_dark() else light


class ThemeController(QObject):
    """Applies ``ui/theme`` to the application and follows the desktop when it is "system"."""

    changed = Signal(bool)
    """The window turned dark (True) or light (False)."""

    def __init__(self, settings: Settings, parent: QObject | None = None):
        super().__init__(parent)
        self._settings = settings
        self._editors: list = []
        self._dark: bool | None = None
        hints = QGuiApplication.styleHints()
        self._system_dark = hints.colorScheme() == Qt.ColorScheme.Dark
        hints.colorSchemeChanged.connect(self.on_system_scheme_changed)
        settings.changed.connect(self._on_setting_changed)
        self.menu_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        group.setExclusive(True)
        for theme, text in (
            ("system", self.tr("Follow the &system")),
            ("light", self.tr("&Light")),
            ("dark", self.tr("&Dark")),
        ):
            action = QAction(text, self)
            action.setCheckable(True)
            action.setData(theme)
            action.triggered.connect(lambda _checked=False, t=theme: self.choose(t))
            group.addAction(action)
            self.menu_actions[theme] = action
        self.apply()

    @property
    def theme(self) -> str:
        """The writer's setting: "system", "light" or "dark"."""
        value = str(self._settings.value("ui/theme"))
        return value if value in THEMES else "system"

    @property
    def dark(self) -> bool:
        """Whether the window shows the dark theme now."""
        theme = self.theme
        return self._system_dark if theme == "system" else theme == "dark"

    def fill_menu(self, menu: QMenu) -> None:
        """View ▸ Theme: follow the system, light, dark."""
        themes = menu.addMenu(self.tr("&Theme"))
        for action in self.menu_actions.values():
            themes.addAction(action)

    def choose(self, theme: str) -> None:
        self._settings.set_value("ui/theme", theme)

    def attach(self, editor) -> None:
        """Colour a text pane's Markdown for the current theme, and again when it changes."""
        if editor not in self._editors:
            self._editors.append(editor)
            editor.destroyed.connect(lambda _obj=None, e=editor: self._forget(e))
        editor.highlighter.set_dark(bool(self._dark), editor.firstVisibleBlock().blockNumber())

    def _forget(self, editor) -> None:
        if editor in self._editors:
            self._editors.remove(editor)

    def on_system_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        """The desktop switched between light and dark."""
        self._system_dark = scheme == Qt.ColorScheme.Dark
        self.apply()

    def _on_setting_changed(self, key: str) -> None:
        if key == "ui/theme":
            self.apply()

    def apply(self) -> None:
        """Paint the application in the current theme; ``changed`` when it turned."""
        dark = self.dark
        for theme, action in self.menu_actions.items():
            action.setChecked(theme == self.theme)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            if app.style().name().lower() != "fusion" and "Fusion" in QStyleFactory.keys():
                app.setStyle("Fusion")
            app.setPalette(build_palette(DARK if dark else LIGHT))
        if dark == self._dark:
            return
        self._dark = dark
        for editor in list(self._editors):
            editor.highlighter.set_dark(dark, editor.firstVisibleBlock().blockNumber())
        self.changed.emit(dark)
