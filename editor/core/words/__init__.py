"""The words the core and the command line say, in one place: a Qt Linguist source.

- :mod:`.catalogue`: ``QT_TRANSLATE_NOOP`` marks an English template where it is used (Qt's
  ``pyside6-lupdate`` finds it there), :func:`~.catalogue.say` words it in English or Japanese
  from ``resources/i18n/tsuzuri_core_ja.ts``, :class:`~.catalogue.Phrase` keeps a message's
  template and params until someone reads it in a language.
"""

from editor.core.words.catalogue import (
    QT_TRANSLATE_NOOP,
    Marked,
    MissingTranslation,
    Phrase,
    WordedError,
    say,
)

__all__ = ["QT_TRANSLATE_NOOP", "Marked", "MissingTranslation", "Phrase", "WordedError", "say"]
