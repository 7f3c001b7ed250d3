"""Which files the wheel holds; everything else about the distribution is in pyproject.toml.

``editor`` is an implicit namespace package (no ``editor/__init__.py``): the package index has an
unrelated distribution named ``editor`` whose wheel installs ``editor/__init__.py``, and with a
namespace package neither wheel overwrites a file of the other.  ``resources/`` (the preview's
page, the sample blog, the translations with their compiled ``.qm``, the icons) is shipped
inside the package as ``editor/resources``, where :mod:`editor.core.files.bundle` looks for it,
so every install scheme (venv, pipx, ``--user``) finds it.
"""

from setuptools import find_namespace_packages, setup

setup(
    packages=[
        *find_namespace_packages(include=["editor", "editor.*"], exclude=["*.__pycache__"]),
        "editor.resources",
    ],
    package_dir={"editor.resources": "resources"},
    package_data={"editor.resources": ["**/*"]},
    # Translations others left to fold in (tools/i18n.py update) are work in progress.
    exclude_package_data={"editor.resources": ["i18n/incoming/*"]},
)
