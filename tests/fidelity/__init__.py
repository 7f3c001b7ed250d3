"""The preview measured against the real Jekyll (``python -m tests.fidelity``)."""
