"""The visitor analytics database (kiosk.system.analytics): what is written reads back, the
schema has a version, and a writer killed mid-write leaves a file that opens with at most its
last second lost."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from kiosk.core.visits import Event, ViewEnded, VisitEnded, VisitStarted
from kiosk.system.analytics import MIGRATIONS, SCHEMA_VERSION, AnalyticsStore, connect


def test_records_are_written_to_their_tables(tmp_path):
    store = AnalyticsStore(tmp_path / "a.sqlite")
    store.write([Event(1.0, None, "start", "expo"), VisitStarted("v1", "expo", 10.0, "zh")])
    store.write([ViewEnded("v1", "home", 10.0, 4.5, "start"), VisitEnded("v1", 14.5, 4.5, "en", "home", 1, "idle")])
    store.close()
    db = sqlite3.connect(tmp_path / "a.sqlite")
    assert db.execute("SELECT * FROM visits").fetchall() == [("v1", "expo", 10.0, 14.5, 4.5, "en", "home", 1, "idle")]
    assert db.execute("SELECT * FROM views").fetchall() == [("v1", "home", 10.0, 4.5, "start")]
    assert db.execute("SELECT * FROM events").fetchall() == [(1.0, None, "start", "expo", None)]
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_an_existing_database_is_opened_as_it_is(tmp_path):
    store = AnalyticsStore(tmp_path / "a.sqlite")
    store.write([Event(time.time(), None, "start")])
    store.close()
    store = AnalyticsStore(tmp_path / "a.sqlite")  # no migration runs twice
    store.write([Event(time.time(), None, "start")])
    store.close()
    assert sqlite3.connect(tmp_path / "a.sqlite").execute("SELECT count(*) FROM events").fetchone()[0] == 2


def test_a_database_of_the_first_schema_is_migrated(tmp_path):
    db = sqlite3.connect(tmp_path / "a.sqlite")
    for statement in MIGRATIONS[0]:
        db.execute(statement)
    db.execute("PRAGMA user_version = 1")
    db.execute("INSERT INTO events (at, visit, kind, detail) VALUES (?, NULL, 'start', 'expo')", (time.time(),))
    db.commit()
    db.close()
    store = AnalyticsStore(tmp_path / "a.sqlite")
    store.write([Event(time.time() + 1, "v1", "clip", "films/dawa.mp4", 0.5)])
    store.close()
    db = sqlite3.connect(tmp_path / "a.sqlite")
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3
    assert db.execute("SELECT kind, value FROM events ORDER BY at").fetchall() == [("start", None), ("clip", 0.5)]


def test_a_database_from_a_newer_kiosk_is_refused(tmp_path):
    db = sqlite3.connect(tmp_path / "a.sqlite")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(sqlite3.DatabaseError, match="newer kiosk"):
        connect(tmp_path / "a.sqlite")


WRITER = """
import sys, time
from kiosk.core.visits import Event
from kiosk.system.analytics import AnalyticsStore
store = AnalyticsStore(__import__("pathlib").Path(sys.argv[1]))
print("ready", flush=True)
while True:
    store.write([Event(time.time(), None, "tick")])
    time.sleep(0.002)
"""


def test_kill_9_mid_write_loses_at_most_the_last_second(tmp_path):
    path = tmp_path / "a.sqlite"
    for run in range(3):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True)
        assert writer.stdout.readline().strip() == "ready"
        time.sleep(1.3 + 0.37 * run)  # at a different moment of the flush cycle each time
        killed_at = time.time()
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
        writer.stdout.close()
        db = sqlite3.connect(path)
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        last = db.execute("SELECT max(at) FROM events").fetchone()[0]
        db.close()
        assert last is not None and killed_at - last <= 1.0, f"run {run}: {killed_at - last:.2f} s lost"


def test_old_visits_are_rolled_up_into_daily_totals(tmp_path):
    from kiosk.system.analytics import roll_up
    store = AnalyticsStore(tmp_path / "a.sqlite")
    day = 86400
    old, new = 1_700_000_000.0, 1_700_000_000.0 + 30 * day
    records = []
    for n, start in enumerate([old, old + 60, new]):
        records += [VisitStarted(f"v{n}", "expo", start, "zh"), ViewEnded(f"v{n}", "home", start, 5.0, "start"),
                    ViewEnded(f"v{n}", "history", start + 5, 10.0, "open"),
                    VisitEnded(f"v{n}", start + 15, 15.0, "zh", "history", 2, "idle"), Event(start, f"v{n}", "page")]
    store.write(records)
    store.close()
    db = connect(tmp_path / "a.sqlite")
    assert roll_up(db, old + 10 * day) == 2
    assert roll_up(db, old + 10 * day) == 0, "nothing left to fold"
    assert db.execute("SELECT pack, visits, dwell_sum, dwell_count, views FROM daily").fetchall() == [
        ("expo", 2, 30.0, 2, 4)]
    assert db.execute("SELECT id FROM visits").fetchall() == [("v2",)]
    assert db.execute("SELECT count(*) FROM views").fetchone()[0] == 2
    assert db.execute("SELECT count(*) FROM events").fetchone()[0] == 1
    db.close()
