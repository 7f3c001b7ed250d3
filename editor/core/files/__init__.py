"""Files on the disk, whatever they hold: never lose or mangle a byte.

- :mod:`.reading`: the one reader of every file (no FIFOs, devices, huge files), fingerprints
- :mod:`.storage`: atomic saves and new files, conflicts, staying inside the blog, leftovers
- :mod:`.limits`: size limits and notices (50 MB warning, 256 MB refusal)
- :mod:`.recovery`: the journal of unsaved work, listed and restored after a crash
- :mod:`.words`: every refusal and failed write: code, English and Japanese words
"""
