"""The post browser: every post and draft of the blog by title, with date, categories, tags and
state; sorted by date or title, filtered as the writer types and by category, tag, year and
state.  Activating a row asks the window to open the post.

The rows come from the blog's catalogue (:mod:`editor.core.blog.catalog`): the cached one shows
at once, the catalogue brought up to date (only changed files read) arrives from a task of the
window.  Once the writer asks for the posts with doctor errors, the doctor checks the posts not
checked yet, in a process of its own (cached too; cancellable).  One model
of plain rows and a tree view with uniform row heights: no widget per row, and Qt asks only for
the rows on screen.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Callable, Mapping
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QFileSystemWatcher,
    QModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from editor.core.blog.catalog import (
    Catalog,
    Entry,
    Filter,
    doctor_key,
    has_doctor_errors,
    select,
    sort_entries,
)
from editor.core.blog.progress import NO_PROGRESS
from editor.core.doctor import DoctorConfig
from editor.core.files.cache import cache_folder
from editor.ui import prompts

COLUMNS = ("title", "date", "categories", "tags", "state")
HIDDEN_COLUMNS = ("categories", "tags")  # until the writer shows them from the header's menu
WATCH_PAUSE_MS = 500  # changes to the post folders this close together are read once
PATH_ROLE = Qt.ItemDataRole.UserRole
FILTER_SHORTCUT = "Ctrl+Shift+L"


class PostTableModel(QAbstractTableModel):
    """The rows the browser shows (already filtered and sorted), one :class:`Entry` each."""

    def __init__(self, browser: PostBrowser):
        super().__init__(browser)
        self._browser = browser
        self.rows: list[Entry] = []

    def set_rows(self, rows: list[Entry]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._browser.column_label(COLUMNS[section])
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        entry = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._browser.cell_text(entry, COLUMNS[index.column()])
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{entry.title}\n{self._browser.relative(entry.path)}"
        if role == PATH_ROLE:
            return str(entry.path)
        return None


class PostBrowser(QWidget):
    """The blog's posts in the sidebar (``window.post_list``): ``show_blog(root)``,
    ``refresh()``, ``select_path(path)``, ``open_post_requested(Path)``.

    Handed callables for what the window knows: ``tasks()`` its task runner (``None``: work
    runs at once, as for a list on its own), ``site()`` the blog's ``_config.yml`` and
    ``doctor_config()`` the doctor's settings (``None``: no doctor column).
    """

    open_post_requested = Signal(Path)
    rename_term_requested = Signal(str, str)  # kind ("categories" or "tags"), value
    loaded = Signal()  # the catalogue brought up to date has arrived
    files_changed = Signal()  # posts or drafts came or went outside the window
    doctor_checked = Signal()

    def __init__(
        self,
        tasks: Callable[[], Any] | None = None,
        site: Callable[[], dict] | None = None,
        doctor_config: Callable[[], DoctorConfig] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("postList")
        # Posts made or removed by another program (a terminal, git, another editor) show up:
        # the folders are watched, and a burst of changes reads the blog once.
        self._watcher = QFileSystemWatcher(self)
        self._changed = QTimer(self)
        self._changed.setSingleShot(True)
        self._changed.setInterval(WATCH_PAUSE_MS)
        self._changed.timeout.connect(self._on_folders_changed)
        self._watcher.directoryChanged.connect(lambda _folder: self._changed.start())
        self._tasks = tasks or (lambda: None)
        self._site = site or (lambda: {})
        self._doctor_config = doctor_config
        self._root: Path | None = None
        self._catalog: Catalog | None = None
        self._entries: list[Entry] = []
        self._sorted: list[Entry] = []
        self._vcs: dict[str, str] = {}  # by Entry.file
        self._sort = ("date", False)
        self._selected: Path | None = None
        self._running: dict[str, Any] = {}
        self._again: set[str] = set()
        # Checking every post takes minutes on a large blog: only once the writer asks for
        # the posts with doctor errors (answers are kept, so the next time costs nothing).
        self._doctor_wanted = False

        self.model = PostTableModel(self)
        self.view = QTreeView()
        self.view.setObjectName("postTable")
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSortingEnabled(True)
        self.view.header().setSortIndicator(COLUMNS.index("date"), Qt.SortOrder.DescendingOrder)
        self.view.header().sortIndicatorChanged.connect(self._on_sort)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(48)
        # In a narrow sidebar the title takes what the date and state leave; categories and
        # tags are filters above, and the header's menu shows them as columns too.
        # Widths from the font, never from the rows (measuring 10,000 rows on each filter
        # keystroke took 150 ms).
        metrics = self.view.fontMetrics()
        widths = {
            "date": metrics.horizontalAdvance("0000-00-00") + 16,
            "categories": metrics.horizontalAdvance("カテゴリー") * 2,
            "tags": metrics.horizontalAdvance("タグ") * 6,
            "state": metrics.horizontalAdvance("公開済み") + 16,
        }
        for n, column in enumerate(COLUMNS):
            if column == "title":
                header.setSectionResizeMode(n, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(n, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(n, widths[column])
            header.setSectionHidden(n, column in HIDDEN_COLUMNS)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(
            lambda pos: self.column_menu().popup(header.mapToGlobal(pos))
        )
        self.view.activated.connect(self._on_activated)
        self.view.clicked.connect(self._on_activated)

        self.filter = QLineEdit()
        self.filter.setObjectName("postFilter")
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(self.tr("Filter by title, file name, category or tag"))
        self.filter.setToolTip(
            self.tr("Filter posts ({shortcut})").format(shortcut=FILTER_SHORTCUT)
        )
        self.category = self._combo("postCategory", "categories")
        self.tag = self._combo("postTag", "tags")
        self.year = self._combo("postYear")
        self.state = self._combo("postState")
        for value, label in self.state_labels().items():
            self.state.addItem(label, value)
        self.count = QLabel()
        self.count.setObjectName("postCount")
        combos = QGridLayout()  # two by two: readable in a narrow sidebar
        combos.setContentsMargins(0, 0, 0, 0)
        combos.setSpacing(2)
        for n, combo in enumerate((self.category, self.tag, self.year, self.state)):
            combos.addWidget(combo, n // 2, n % 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.filter)
        layout.addLayout(combos)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)
        self._fill_choices()
        self.filter.textChanged.connect(lambda _text: self._apply())
        for combo in (self.category, self.tag, self.year, self.state):
            combo.currentIndexChanged.connect(lambda _index: self._apply())
        self.state.currentIndexChanged.connect(lambda _index: self._on_state_chosen())

    # -- words ------------------------------------------------------------------------------

    def column_label(self, column: str) -> str:
        return {
            "title": self.tr("Title"),
            "date": self.tr("Date"),
            "categories": self.tr("Categories"),
            "tags": self.tr("Tags"),
            "state": self.tr("State"),
        }[column]

    def column_menu(self) -> QMenu:
        """The header's menu: which columns show."""
        menu = QMenu(self)
        header = self.view.header()
        for n, column in enumerate(COLUMNS):
            if column == "title":
                continue
            action = menu.addAction(self.column_label(column))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(n))
            action.toggled.connect(lambda shown, n=n: header.setSectionHidden(n, not shown))
        return menu

    def state_labels(self) -> dict[str | None, str]:
        """The states a row can show, as the state filter lists them."""
        return {
            None: self.tr("All states"),
            "draft": self.tr("Draft"),
            "published": self.tr("Published"),
            "unpublished": self.tr("Not published"),
            "future": self.tr("Future-dated"),
            "modified": self.tr("Modified"),
            "new": self.tr("New"),
            "untracked": self.tr("Untracked"),
            "doctor-errors": self.tr("Doctor errors"),
            "unreadable": self.tr("Unreadable"),
        }

    def cell_text(self, entry: Entry, column: str) -> str:
        if column == "title":
            return entry.title
        if column == "date":
            return entry.date.strftime("%Y-%m-%d") if entry.date else ""
        if column == "categories":
            return ", ".join(entry.categories)
        if column == "tags":
            return ", ".join(entry.tags)
        labels = self.state_labels()
        states = entry.states(self._vcs.get(entry.file))
        return ", ".join(labels[s] for s in labels if s in states)

    def relative(self, path: Path) -> str:
        if self._root is not None:
            try:
                return path.relative_to(self._root).as_posix()
            except ValueError:
                pass
        return str(path)

    # -- the blog ---------------------------------------------------------------------------

    def show_blog(self, root: Path) -> None:
        """Show the blog at ``root``: its cached catalogue at once, then brought up to date."""
        for task in self._running.values():
            if task is not None:
                task.cancel()  # the last blog's work is of no use any more
        self._root = Path(root)
        self._watch(self._root)
        self._catalog = Catalog(self._root, self._site())
        self._vcs = {}
        try:
            cached = self._catalog.cached()
        except (OSError, sqlite3.Error) as exc:
            # The cache folder cannot be used: the list is kept in a temporary folder this time.
            folder = Path(tempfile.mkdtemp(prefix="tsuzuri-catalog-"))
            self._catalog = Catalog(self._root, self._site(), folder / "catalog.sqlite")
            cached = self._catalog.cached()
            prompts.show_error(
                self,
                self.tr("Cache folder not usable"),
                self.tr(
                    "{folder} cannot be used ({error}); the post list is read into a temporary "
                    "folder instead, and search and similar posts may not work."
                ).format(folder=self._catalog_folder(), error=exc),
            )
        self._set_entries(cached)
        self.refresh()

    def _watch(self, root: Path) -> None:
        if self._watcher.directories():
            self._watcher.removePaths(self._watcher.directories())
        folders = [str(root / name) for name in ("_posts", "_drafts") if (root / name).is_dir()]
        if folders:
            self._watcher.addPaths(folders)

    def _on_folders_changed(self) -> None:
        if self._root is not None:
            self._watch(self._root)  # a folder made or removed meanwhile
            self.refresh()
            self.files_changed.emit()

    @staticmethod
    def _catalog_folder() -> str:
        return str(cache_folder("catalog").parent)

    def refresh(self) -> None:
        """Bring the rows up to date with the files (only changed files are read again)."""
        catalog = self._catalog
        if catalog is not None:
            self._run("read", self.tr("Reading posts"), catalog.update, self._on_updated)

    def _on_updated(self, catalog: Catalog, update) -> None:
        if catalog is not self._catalog:
            return  # another blog was opened meanwhile
        self._set_entries(update.entries)
        self.loaded.emit()
        if self._doctor_wanted:
            self._check_doctor(catalog)

    def _on_state_chosen(self) -> None:
        if self.state.currentData() == "doctor-errors" and not self._doctor_wanted:
            self._doctor_wanted = True
            if self._catalog is not None and not self.is_reading():
                self._check_doctor(self._catalog)

    def _check_doctor(self, catalog: Catalog) -> None:
        """Whether each post not checked yet has doctor errors, in the background."""
        if self._doctor_config is None:
            return
        config = self._doctor_config()
        key = doctor_key(config)
        root = catalog.root

        def check(progress):
            with ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),  # never fork a Qt process
                initializer=_lower_priority,
            ) as pool:
                catalog.check_doctor(
                    key, lambda path: ask_doctor(pool, path, config, root), progress
                )
            return catalog.cached()

        self._run("doctor", self.tr("Checking posts"), check, self._on_checked)

    def _on_checked(self, catalog: Catalog, entries: list[Entry]) -> None:
        if catalog is self._catalog:
            self._set_entries(entries)
            self.doctor_checked.emit()

    def _run(self, name: str, title: str, work, then) -> None:
        """One task of each kind at a time; asked again meanwhile, it runs once more after."""
        if self._running.get(name) is not None:
            self._again.add(name)
            return
        catalog = self._catalog
        runner = self._tasks()
        if runner is None:
            then(catalog, work(NO_PROGRESS))
            return

        def ended(result=None, ok=True):
            self._running[name] = None
            if ok:
                then(catalog, result)
            if name in self._again:
                self._again.discard(name)
                if name == "read":
                    self.refresh()
                elif catalog is self._catalog:
                    self._check_doctor(catalog)

        self._running[name] = runner.run(
            title,
            work,
            ended,
            on_cancelled=lambda: ended(ok=False),
            on_failed=lambda message: (ended(ok=False), prompts.show_error(self, title, message)),
        )

    def is_reading(self) -> bool:
        """True while the catalogue is being brought up to date."""
        return self._running.get("read") is not None or "read" in self._again

    def is_checking(self) -> bool:
        """True while the doctor checks posts (or will, once the catalogue is read)."""
        return self.is_reading() or self._running.get("doctor") is not None

    def post_terms(self) -> dict[Path, tuple[tuple[str, ...], tuple[str, ...]]]:
        """The categories and tags of every post and draft listed (for the counts)."""
        return {entry.path: (entry.categories, entry.tags) for entry in self._entries}

    def set_vcs_states(self, states: Mapping[Path, str]) -> None:
        """Git's word for each file ("modified", "new", "untracked"; a file left out is
        clean); relative paths are of the blog."""
        root = self._root or Path()
        self._vcs = {str(root / Path(p)): state for p, state in states.items()}
        self._apply()

    # -- rows -------------------------------------------------------------------------------

    def _set_entries(self, entries: list[Entry]) -> None:
        self._entries = entries
        self._sorted = sort_entries(entries, *self._sort)
        self._fill_choices()
        self._apply()

    def _on_sort(self, section: int, order: Qt.SortOrder) -> None:
        column = COLUMNS[section]
        ascending = order == Qt.SortOrder.AscendingOrder
        if column == "date":
            self._sort = ("date", ascending)  # newest first is the natural order
            self._sorted = sort_entries(self._entries, *self._sort)
        elif column == "title":
            self._sort = ("title", not ascending)
            self._sorted = sort_entries(self._entries, *self._sort)
        else:
            self._sort = ("date", False)
            self._sorted = sorted(
                sort_entries(self._entries),
                key=lambda e: self.cell_text(e, column),
                reverse=not ascending,
            )
        self._apply()

    def current_filter(self) -> Filter:
        return Filter(
            text=self.filter.text(),
            category=self.category.currentData(),
            tag=self.tag.currentData(),
            year=self.year.currentData(),
            state=self.state.currentData(),
        )

    def _apply(self) -> None:
        rows = select(self._sorted, self.current_filter(), self._vcs)
        self.model.set_rows(rows)
        self.count.setText(
            self.tr("{shown} of {total} posts").format(shown=len(rows), total=len(self._entries))
        )
        self._show_selected()

    def select_path(self, path: Path | None) -> None:
        """Show ``path`` as the current row (none for ``None`` or a path not listed yet: it is
        selected once the catalogue brings it)."""
        self._selected = Path(path) if path is not None else None
        self._show_selected()

    def _show_selected(self) -> None:
        row = self.row_of(self._selected) if self._selected is not None else -1
        if row < 0:
            self.view.clearSelection()
            return
        selection = self.view.selectionModel()
        index = self.model.index(row, 0)
        flags = selection.SelectionFlag.ClearAndSelect | selection.SelectionFlag.Rows
        selection.setCurrentIndex(index, flags)
        self.view.scrollTo(index)

    def row_of(self, path: Path) -> int:
        """The row showing ``path`` (-1 when filtered out or not listed)."""
        wanted = str(path)
        return next((n for n, e in enumerate(self.model.rows) if e.file == wanted), -1)

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_post_requested.emit(Path(self.model.data(index, PATH_ROLE)))

    # -- filters ----------------------------------------------------------------------------

    def _combo(self, name: str, kind: str | None = None) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(4)
        if kind is not None:
            for widget in (combo, combo.view()):
                widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            combo.customContextMenuRequested.connect(
                lambda pos, c=combo, k=kind: self._term_menu_at(c, k, c.currentData(), pos)
            )
            combo.view().customContextMenuRequested.connect(
                lambda pos, c=combo, k=kind: self._term_menu_at(
                    c.view(), k, c.view().indexAt(pos).data(PATH_ROLE), pos
                )
            )
        return combo

    def _fill_choices(self) -> None:
        counts = {"categories": Counter(), "tags": Counter(), "years": Counter()}
        for entry in self._entries:
            counts["categories"].update(set(entry.categories))
            counts["tags"].update(set(entry.tags))
            if entry.date is not None:
                counts["years"][entry.date.year] += 1
        fills = (
            (self.category, self.tr("All categories"), counts["categories"]),
            (self.tag, self.tr("All tags"), counts["tags"]),
            (self.year, self.tr("All years"), counts["years"]),
        )
        for combo, everything, found in fills:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            ranked = (
                sorted(found, reverse=True)
                if combo is self.year
                else sorted(found, key=lambda v: (-found[v], v))
            )
            for value in ranked:
                combo.addItem(f"{value} ({found[value]})", value)
            at = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(at, 0))
            combo.blockSignals(False)

    def term_menu(self, kind: str, value: str) -> QMenu:
        """The menu of a category or tag of the filter: rename or merge it across posts."""
        menu = QMenu(self)
        action = menu.addAction(self.tr("Rename or merge “{value}”…").format(value=value))
        action.triggered.connect(lambda: self.rename_term_requested.emit(kind, value))
        return menu

    def _term_menu_at(self, widget: QWidget, kind: str, value, pos: QPoint) -> None:
        if value:
            self.term_menu(kind, str(value)).popup(widget.mapToGlobal(pos))

    # -- the window -------------------------------------------------------------------------

    def fill_menu(self, menu: QMenu) -> None:
        """Blog ▸ Filter posts (Ctrl+Shift+L): the filter box, focused."""
        self.filter_action = QAction(self.tr("&Filter posts"), self)
        self.filter_action.setShortcut(QKeySequence(FILTER_SHORTCUT))
        self.filter_action.triggered.connect(lambda _checked=False: self.focus_filter())
        menu.addAction(self.filter_action)

    def focus_filter(self) -> None:
        """Bring the browser's tab forward and put the cursor in the filter box."""
        holder = self.parentWidget()
        while holder is not None and not isinstance(holder, QTabWidget):
            holder = holder.parentWidget()
        if holder is not None:
            holder.setCurrentWidget(self)
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()


def _lower_priority() -> None:
    """The checking process gives way to the window and the preview."""
    with contextlib.suppress(OSError, AttributeError):
        os.nice(10)


def ask_doctor(pool: ProcessPoolExecutor, path: Path, config: DoctorConfig, root: Path) -> bool:
    """The doctor's answer for one post, worked out in ``pool``'s process: checking a whole blog
    takes minutes of CPU, which must not compete with typing for this process's interpreter."""
    return pool.submit(has_doctor_errors, path, config, root).result()
