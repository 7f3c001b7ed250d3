"""The interface language: which one, and Qt's translators that speak it.

Every string of the window goes through ``tr()``/``QCoreApplication.translate()``; the Japanese
lives in ``resources/i18n/tsuzuri_ja.ts`` (the window) and ``tsuzuri_core_ja.ts`` (the core's
messages), compiled to ``.qm`` by ``tools/i18n.py build``.  Qt's own ``qtbase_ja`` makes the
standard buttons, the calendar and the file dialog Japanese too.  The language is chosen once, at
start-up: a change in the settings applies on the next start.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

LANGUAGES = ("ja", "en")
# The window's own words, the core's, and Qt's own that qtbase_ja leaves in English, in the order
# they are installed (the last installed is asked first).
CATALOGUES = ("tsuzuri", "tsuzuri_core", "tsuzuri_qt")

_current = "en"
_installed: list[QTranslator] = []


def language_of(choice: str, system: QLocale | None = None) -> str:
    """ "ja" or "en" for a ``ui/language`` setting: "" follows the system's locale (Japanese
    when its language is Japanese, else English)."""
    if choice in LANGUAGES:
        return choice
    system = QLocale.system() if system is None else system
    return "ja" if system.language() == QLocale.Language.Japanese else "en"


def interface_language(settings) -> str:
    """The language the window speaks with these settings: "ja" or "en"."""
    return language_of(str(settings.value("ui/language") or ""))


def current_language() -> str:
    """The language installed at start-up ("en" until :func:`install` is called): the one the
    window asks the core's ``message(lang)`` for."""
    return _current


def translations_folder() -> Path:
    """Where the compiled ``.qm`` files are: the checkout's or the installed ``resources/i18n``."""
    from editor.ui.resources import resource_path

    return resource_path("i18n")


def qt_translations_folder() -> str:
    """Qt's own translations (``qtbase_ja.qm``), shipped with Qt."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def install(language: str, folder: Path | None = None) -> list[str]:
    """Speak ``language`` from now on: Qt's and Tsuzuri's translators and the default locale.

    Replaces whatever an earlier call installed.  Returns the translation files a Japanese run
    could not load (empty when everything is in place), for the window to say so.
    """
    global _current
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    _current = language if language in LANGUAGES else "en"
    if _current == "en":
        if QLocale().language() == QLocale.Language.Japanese:
            QLocale.setDefault(QLocale("en_US"))
        return []
    # Month names in the calendar, numbers and dates in Japanese.
    QLocale.setDefault(QLocale("ja_JP"))
    folder = translations_folder() if folder is None else Path(folder)
    wanted = [(f"qtbase_{_current}", qt_translations_folder())]
    for name in CATALOGUES:
        stem = f"{name}_{_current}"
        # The window's own words are always expected; the core's once its source is there.
        if name == "tsuzuri" or any((folder / f"{stem}{ext}").exists() for ext in (".ts", ".qm")):
            wanted.append((stem, str(folder)))
    missing = []
    for name, where in wanted:
        translator = QTranslator(app)
        if translator.load(name, where) and app is not None:
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            missing.append(f"{name}.qm")
    return missing


def report_missing(window, missing: list[str]) -> None:
    """Say in ``window``'s status bar, for as long as it is open, which translations are missing
    (a Japanese run is never silently English)."""
    if not missing:
        return
    from PySide6.QtWidgets import QLabel

    label = QLabel(
        QCoreApplication.translate(
            "Language",
            "Some of the interface stays in English: {files} not found (run “make translations”)",
        ).format(files=", ".join(missing))
    )
    label.setObjectName("languageStatus")
    window.statusBar().addPermanentWidget(label)
