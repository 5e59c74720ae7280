"""The visitor analytics database: SQLite in the machine's state folder, written by a thread of
its own so the show never waits for the disk.

Records (kiosk.core.visits) are queued by the show (a queue put: microseconds on the UI thread)
and written by the writer thread in one transaction at most every FLUSH_EVERY seconds. WAL mode
with synchronous=FULL: a commit is on the disk when it returns, so a power cut or `kill -9`
loses at most the records of the last FLUSH_EVERY, and never leaves a broken file (SQLite's own
guarantee; tests/test_analytics.py kills a writer to check it). The schema has a version
(PRAGMA user_version) and a list of migrations, applied in order when the file is opened.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import statistics
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from ..core.visits import Event, Record, ViewEnded, VisitEnded, VisitStarted
from . import locations

log = logging.getLogger(__name__)

DATABASE_FILE = "analytics.sqlite"
FLUSH_EVERY = 0.5  # seconds

# MIGRATIONS[n] takes a database from version n to n + 1.
MIGRATIONS: list[list[str]] = [
    [
        """CREATE TABLE visits (
            id TEXT PRIMARY KEY,   -- random, per visit: nothing identifies a person
            pack TEXT NOT NULL,
            started REAL NOT NULL, -- the first touch, Unix time (seconds)
            ended REAL,            -- the last touch; NULL while the visit lasts (or if the kiosk was cut off)
            dwell REAL,            -- ended - started
            language TEXT NOT NULL,-- at the start, then the one the visitor left in
            last_screen TEXT,
            screens INTEGER,       -- views in the visit
            ended_by TEXT          -- idle, pack or closed
        )""",
        """CREATE TABLE views (
            visit TEXT NOT NULL REFERENCES visits(id),
            screen TEXT NOT NULL,
            started REAL NOT NULL,
            seconds REAL NOT NULL,
            came_by TEXT NOT NULL  -- start, open, back or home
        )""",
        """CREATE TABLE events (
            at REAL NOT NULL,
            visit TEXT,            -- NULL between visits
            kind TEXT NOT NULL,    -- language, attract, start, pack
            detail TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX views_visit ON views(visit)",
        "CREATE INDEX visits_started ON visits(started)",
        "CREATE INDEX events_at ON events(at)",
    ],
    [
        # How far a clip was watched (the share of it played); NULL for other events.
        "ALTER TABLE events ADD COLUMN value REAL",
    ],
    [
        # What is kept of the days older than KEEP_DAYS, once their rows are rolled up.
        """CREATE TABLE daily (
            day TEXT NOT NULL,     -- YYYY-MM-DD, local time
            pack TEXT NOT NULL,
            visits INTEGER NOT NULL,
            dwell_sum REAL NOT NULL,   -- of the visits that ended
            dwell_count INTEGER NOT NULL,
            views INTEGER NOT NULL,
            PRIMARY KEY (day, pack)
        )""",
    ],
]
KEEP_DAYS = 400  # every visit and view of the last 400 days; before that, daily totals
SCHEMA_VERSION = len(MIGRATIONS)


def database_path() -> Path:
    return locations.state_dir() / DATABASE_FILE


def connect(path: Path) -> sqlite3.Connection:
    """Open (or create) the database at `path`, at the current schema version."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        db.close()
        raise sqlite3.DatabaseError(f"{path} was written by a newer kiosk (schema {version}, this one "
                                    f"knows {SCHEMA_VERSION})")
    for step in range(version, SCHEMA_VERSION):
        db.execute("BEGIN IMMEDIATE")
        for statement in MIGRATIONS[step]:
            db.execute(statement)
        db.execute(f"PRAGMA user_version = {step + 1}")
        db.execute("COMMIT")
    return db


def roll_up(db: sqlite3.Connection, before: float) -> int:
    """Fold the visits that started before `before` (Unix time) into daily totals and delete
    their rows, and the events of that time. Returns how many visits were folded."""
    db.execute("BEGIN IMMEDIATE")
    try:
        # "WHERE true": SQLite's upsert after a SELECT needs a WHERE to parse.
        db.execute("""INSERT INTO daily (day, pack, visits, dwell_sum, dwell_count, views)
            SELECT day, pack, count(*), coalesce(sum(dwell), 0), count(dwell), sum(seen) FROM (
                SELECT date(started, 'unixepoch', 'localtime') AS day, pack, dwell,
                       (SELECT count(*) FROM views WHERE views.visit = visits.id) AS seen
                FROM visits WHERE started < ?)
            WHERE true GROUP BY day, pack
            ON CONFLICT (day, pack) DO UPDATE SET visits = visits + excluded.visits,
                dwell_sum = dwell_sum + excluded.dwell_sum, dwell_count = dwell_count + excluded.dwell_count,
                views = views + excluded.views""", (before,))
        db.execute("DELETE FROM views WHERE visit IN (SELECT id FROM visits WHERE started < ?)", (before,))
        folded = db.execute("DELETE FROM visits WHERE started < ?", (before,)).rowcount
        db.execute("DELETE FROM events WHERE at < ?", (before,))
        db.execute("COMMIT")
    except sqlite3.Error:
        db.execute("ROLLBACK")
        raise
    return folded


def _write(db: sqlite3.Connection, record: Record) -> None:
    match record:
        case VisitStarted():
            db.execute("INSERT INTO visits (id, pack, started, language) VALUES (?, ?, ?, ?)",
                       (record.visit, record.pack, record.at, record.language))
        case ViewEnded():
            db.execute("INSERT INTO views (visit, screen, started, seconds, came_by) VALUES (?, ?, ?, ?, ?)",
                       (record.visit, record.screen, record.at, record.seconds, record.came_by))
        case VisitEnded():
            db.execute("UPDATE visits SET ended = ?, dwell = ?, language = ?, last_screen = ?, screens = ?, "
                       "ended_by = ? WHERE id = ?", (record.at, record.dwell, record.language, record.last_screen,
                                                     record.screens, record.ended_by, record.visit))
        case Event():
            db.execute("INSERT INTO events (at, visit, kind, detail, value) VALUES (?, ?, ?, ?, ?)",
                       (record.at, record.visit, record.kind, record.detail, record.value))


@dataclass(frozen=True)
class Summary:
    visits: int
    median_dwell: float | None  # seconds, of the visits that have ended
    top_screen: str | None  # the screen viewed most often


def open_read_only(path: Path) -> sqlite3.Connection:
    """The database, to read and never write: a report must leave the booth's copy as it was.
    While a kiosk writes it (its -wal file is there) SQLite reads it alongside; once the kiosk
    has closed it, it is opened as immutable, since even a read-only connection would otherwise
    leave -wal and -shm files next to it."""
    live = path.with_name(path.name + "-wal").exists()
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro{'' if live else '&immutable=1'}", uri=True)


def summary(path: Path, since: float, until: float) -> Summary:
    """The visits that started between `since` and `until` (Unix times), read from the file as
    it is on disk (the writer thread keeps its own connection)."""
    db = open_read_only(path)
    try:
        rows = db.execute("SELECT dwell FROM visits WHERE started >= ? AND started < ?", (since, until)).fetchall()
        top = db.execute("SELECT screen FROM views JOIN visits ON views.visit = visits.id "
                         "WHERE visits.started >= ? AND visits.started < ? "
                         "GROUP BY screen ORDER BY count(*) DESC, screen LIMIT 1", (since, until)).fetchone()
    finally:
        db.close()
    dwells = [dwell for (dwell,) in rows if dwell is not None]
    return Summary(len(rows), statistics.median(dwells) if dwells else None, top[0] if top else None)


class AnalyticsStore:
    """Takes records from the show and writes them from a thread of its own."""

    def __init__(self, path: Path, flush_every: float = FLUSH_EVERY):
        self.path = path
        self._flush_every = flush_every
        self._queue: queue.SimpleQueue[list[Record] | None] = queue.SimpleQueue()
        self._db = connect(path)  # here, so a file that cannot be opened is known at once
        self._thread = threading.Thread(target=self._run, name="analytics", daemon=True)
        self._thread.start()

    def write(self, records: list[Record]) -> None:
        if records:
            self._queue.put(records)

    def close(self) -> None:
        """Write what is queued and stop."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()

    def _run(self) -> None:
        try:
            folded = roll_up(self._db, time.time() - KEEP_DAYS * 86400)
            if folded:
                log.info("analytics: %d visits older than %d days kept as daily totals", folded, KEEP_DAYS)
        except sqlite3.Error as e:
            log.error("analytics: old visits not rolled up: %s", e)
        pending: list[Record] = []
        first_at = 0.0
        running = True
        while running:
            wait = None if not pending else max(0.0, first_at + self._flush_every - time.monotonic())
            try:
                item = self._queue.get(timeout=wait)
            except queue.Empty:
                item = []
            if item is None:
                running = False
            elif item:
                if not pending:
                    first_at = time.monotonic()
                pending += item
            if pending and (not running or time.monotonic() >= first_at + self._flush_every):
                self._commit(pending)
                pending = []
        self._db.close()

    def _commit(self, records: list[Record]) -> None:
        try:
            self._db.execute("BEGIN")
            for record in records:
                _write(self._db, record)
            self._db.execute("COMMIT")
        except sqlite3.Error as e:  # a full or failing disk must not stop the show
            log.error("analytics: %d record(s) not written: %s", len(records), e)
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
