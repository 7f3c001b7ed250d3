"""The worker process: calls answered in order, state kept, failures and deaths reported."""

from __future__ import annotations

import os

from editor.ui.process_service import ProcessService


def _answers(qtbot, service, call):
    done, failed, progress = [], [], []
    service.done.connect(lambda job, value: done.append((job, value)))
    service.failed.connect(lambda job, message: failed.append((job, message)))
    service.progress.connect(lambda job, value: progress.append((job, value)))
    job = call()
    qtbot.waitUntil(lambda: any(j == job for j, _ in done + failed), timeout=30000)
    return job, done, failed, progress


def test_calls_keep_state_in_another_process_and_report_progress(qtbot):
    service = ProcessService("tests.service_handlers:Counter")
    try:
        job, done, _failed, progress = _answers(qtbot, service, lambda: service.call("add", 3))
        assert done == [(job, 3)]
        assert [value for _job, value in progress] == [0, 1, 2]
        job, done, *_ = _answers(qtbot, service, lambda: service.call("add", 2))
        assert done == [(job, 5)]  # the handler kept its total between calls
        job, done, *_ = _answers(qtbot, service, lambda: service.call("pid"))
        assert done[0][1] != os.getpid()
    finally:
        service.shut_down()


def test_a_failure_is_reported_and_a_dead_worker_is_replaced(qtbot):
    service = ProcessService("tests.service_handlers:Counter")
    try:
        job, _done, failed, _ = _answers(qtbot, service, lambda: service.call("fail"))
        assert failed == [(job, "ValueError: bad input")]
        first = service.generation
        job, _done, failed, _ = _answers(qtbot, service, lambda: service.call("die"))
        assert failed and failed[0][0] == job and "stopped" in failed[0][1]
        job, done, *_ = _answers(qtbot, service, lambda: service.call("add", 1))
        assert done == [(job, 1)]  # a new process, with fresh state
        assert service.generation == first + 1
    finally:
        service.shut_down()


def test_a_worker_ending_after_the_application_quietly_ends_its_reader(qapp):
    """Quitting right after the first paint: the application has taken the relay with it when
    the worker's pipe closes, and the reader thread ends without a traceback on the terminal."""
    import multiprocessing

    from shiboken6 import delete

    from editor.ui import process_service

    relay = process_service._Relay()
    delete(relay)  # what the application's end does to it
    ours, theirs = multiprocessing.Pipe()
    theirs.close()  # the worker has gone: the reader's next recv() fails
    service = ProcessService("tests.service_handlers:Counter")
    process_service._read(relay, service._ref, ours, 1)  # returns, raises nothing
