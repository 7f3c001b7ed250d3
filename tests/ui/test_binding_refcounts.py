"""Guard against a binding that loses references to None in Python overrides of Qt virtuals.

PySide6 6.12.0 drops one reference to None for every void method called from inside an
override that Qt calls (an event handler, a request interceptor, a syntax highlighter). On
Python 3.11, where None is not immortal, the editor then aborts with "deallocating None"
after a few thousand such calls: a few thousand blocked images in the preview were enough.
"""

import sys

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject

pytestmark = pytest.mark.ui


class _Receiver(QObject):
    def event(self, event) -> bool:  # noqa: N802 - Qt override
        self.setObjectName("touched")  # a void call inside an override Qt dispatches to
        return super().event(event)


def test_overrides_calling_void_methods_keep_none_alive(qapp):
    receiver = _Receiver()
    before = sys.getrefcount(None)
    for _ in range(2000):
        QCoreApplication.sendEvent(receiver, QEvent(QEvent.Type.User))
    assert sys.getrefcount(None) - before > -100
