"""`kiosk report` on a simulated show day: its figures match what was simulated, and the HTML,
PDF and CSV are written (the charts are looked at by hand: see the issue notes)."""

from __future__ import annotations

import csv
import random
import statistics
from datetime import datetime
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.core.navigation import BACK, HOME, OPEN
from kiosk.core.visits import IDLE, VisitTracker
from kiosk.report import figures
from kiosk.report.data import read
from kiosk.system.analytics import AnalyticsStore

SCREENS = ["history", "sectors", "talent", "figures", "metaverse", "gallery"]


def simulate_day(path: Path, day: str, visits: int, seed: int) -> list[tuple[float, float, list[str]]]:
    """A show day from 9:00 to 18:00, busier around 11:00 and 15:00: each visit a random walk from
    the home screen. Returns (first touch, dwell, screens) of each visit as simulated."""
    rng = random.Random(seed)
    store = AnalyticsStore(path)
    tracker = VisitTracker("yongchuan-2022")
    opening = datetime.fromisoformat(f"{day}T09:00:00").timestamp()
    starts = sorted(opening + min(9 * 3600 - 600, max(0.0, rng.gauss(rng.choice([2, 6]) * 3600, 5000)))
                    for _ in range(visits))
    simulated = []
    for start in starts:
        now, screen, walked = start, "home", ["home"]
        store.write(tracker.touch(now, "home", rng.choice(["zh", "zh", "en"])))
        for _ in range(rng.randint(0, 6)):
            now += rng.uniform(3, 40)
            if screen == "home":
                screen, how = rng.choice(SCREENS), OPEN
            else:
                screen, how = rng.choice([("home", HOME), ("home", BACK)]
                                         + [(s, OPEN) for s in SCREENS if s != screen])
            store.write(tracker.touch(now, walked[-1], "zh"))
            store.write(tracker.shown(now, screen, how))
            walked.append(screen)
            if screen == "gallery":
                store.write(tracker.event(now + 1, "page", "gallery#1"))
                store.write(tracker.event(now + 2, "zoom", "gallery#1"))
            if screen == "metaverse":
                store.write(tracker.event(now + 9, "clip", "films/dawa.mp4", 0.75))
            if screen == "talent":
                store.write(tracker.event(now + 5, "listen", "audio/talent.zh.m4a", 0.5))
        now += rng.uniform(0, 20)
        store.write(tracker.touch(now, screen, "zh"))
        store.write(tracker.end(IDLE))
        store.write(tracker.event(now + 90, "attract"))
        simulated.append((start, now - start, walked))
    store.close()
    return simulated


@pytest.fixture(scope="module")
def day(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    simulated = simulate_day(folder / "booth-a.sqlite", "2026-05-18", 2000, seed=1)
    return folder, simulated


def test_the_figures_match_the_simulation(day):
    folder, simulated = day
    data = read([folder / "booth-a.sqlite"])
    totals = figures.totals(data)
    assert totals.visits == 2000 and totals.attract_loops == 2000
    assert totals.median_dwell == pytest.approx(statistics.median(d for _, d, _ in simulated))
    views = {}
    for _, _, walked in simulated:
        for screen in walked:
            views[screen] = views.get(screen, 0) + 1
    assert {s: n for s, n, _ in figures.screens(data)} == views
    assert figures.funnel(data)[0] == 2000
    assert sum(n for _, n in figures.endings(data)) == 2000
    assert figures.clips(data) == [("films/dawa.mp4", views["metaverse"], 0.75)]
    assert figures.clips(data, "listen") == [("audio/talent.zh.m4a", views["talent"], 0.5)]
    assert figures.pictures(data) == [("gallery", views["gallery"], views["gallery"])]
    by_hour = figures.by_day_and_hour(data)[1]
    assert sum(by_hour.values()) == 2000 and all(9 <= hour < 18 for _, hour in by_hour)


def test_html_pdf_and_csv_are_written(day, tmp_path, capsys):
    folder, simulated = day
    assert main(["report", str(folder / "booth-a.sqlite"), "-o", str(tmp_path / "report.html"),
                 "--csv", str(tmp_path / "csv")]) == 0
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert page.count("<img ") == 11, "every chart is drawn"
    assert "访问次数 · Visits" in page and "重庆云谷" in page and "<script" not in page and "http" not in page
    with (tmp_path / "csv" / "visits.csv").open(encoding="utf-8") as f:
        assert len(list(csv.DictReader(f))) == 2000
    assert main(["report", str(folder / "booth-a.sqlite"), "-o", str(tmp_path / "report.pdf")]) == 0
    pdf = (tmp_path / "report.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") >= 12


def test_two_kiosks_side_by_side_and_dates(day, tmp_path, capsys):
    folder, _ = day
    simulate_day(folder / "booth-b.sqlite", "2026-05-19", 300, seed=2)
    both = [str(folder / "booth-a.sqlite"), str(folder / "booth-b.sqlite")]
    assert main(["report", *both, "-o", str(tmp_path / "r.html")]) == 0
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "booth-a.sqlite" in page and "booth-b.sqlite" in page and ">2300<" in page
    assert main(["report", *both, "--from", "2026-05-19", "--to", "2026-05-19", "--csv", str(tmp_path / "c")]) == 0
    with (tmp_path / "c" / "visits.csv").open(encoding="utf-8") as f:
        assert {row["kiosk"] for row in csv.DictReader(f)} == {"booth-b.sqlite"}


def test_report_errors_are_said_plainly(tmp_path, capsys):
    assert main(["report", str(tmp_path / "missing.sqlite"), "-o", str(tmp_path / "r.html")]) == 1
    assert "missing.sqlite: no such file" in capsys.readouterr().err
    (tmp_path / "junk.sqlite").write_bytes(b"not a database at all" * 100)
    assert main(["report", str(tmp_path / "junk.sqlite"), "-o", str(tmp_path / "r.html")]) == 1
    assert "not a kiosk analytics database" in capsys.readouterr().err
    assert main(["report", str(tmp_path / "junk.sqlite")]) == 2


def test_days_kept_as_totals_only_are_counted(tmp_path):
    from kiosk.system.analytics import connect, roll_up
    simulate_day(tmp_path / "old.sqlite", "2026-05-18", 40, seed=3)
    simulate_day(tmp_path / "old.sqlite", "2026-05-19", 10, seed=4)
    db = connect(tmp_path / "old.sqlite")
    assert roll_up(db, datetime.fromisoformat("2026-05-19T00:00:00").timestamp()) == 40
    db.close()
    assert main(["report", str(tmp_path / "old.sqlite"), "-o", str(tmp_path / "r.html")]) == 0
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Earlier days (daily totals only): 40 visits" in page and ">10<" in page


def test_each_attract_loop_is_paired_with_the_visit_that_ended_it():
    from kiosk.report.data import Data, Visit

    def visit(kiosk: str, started: float) -> Visit:
        return Visit(kiosk, f"{kiosk}{started}", "p", started, started + 5, 5.0, "zh", "home", 1, "idle")

    data = Data(["a", "b"],
                # a: a visit after the start (no loop before it); a loop touched after 30 s; a loop
                # that gives way to the next loop untouched; that one touched after 12 s; a loop
                # cut by a restart; the last loop, still running as the period ends.
                visits=[visit("a", 5), visit("a", 130), visit("a", 312), visit("b", 1000)],
                attracts=[("a", 100), ("a", 200), ("a", 300), ("a", 400), ("a", 600), ("b", 900)],
                starts=[("a", 0), ("a", 500)])
    assert figures.loops(data, "a") == [30, None, 12, None, None]
    assert figures.loops(data, "b") == [100]
    a, both = figures.totals(data, "a"), figures.totals(data)
    assert (a.attract_loops, a.conversion, a.median_wait) == (5, 2 / 5, 21)
    assert (both.attract_loops, both.conversion, both.median_wait) == (6, 3 / 6, 30)


def test_with_pack_only_the_loops_shown_on_that_pack_are_counted(tmp_path):
    """A schedule alternates two packs: --pack keeps the attract loops shown on that pack."""
    store, tracker = AnalyticsStore(tmp_path / "booth.sqlite"), VisitTracker("morning")
    store.write(tracker.event(1000, "start", "morning"))
    store.write(tracker.event(1010, "attract"))
    store.write(tracker.touch(1040, "home", "zh"))  # the morning loop drew a visitor after 30 s
    store.write(tracker.end(IDLE))
    store.write(tracker.event(1100, "attract"))  # untouched: the pack changes under it
    tracker.pack = "evening"
    store.write(tracker.event(1200, "pack", "evening"))
    store.write(tracker.event(1210, "attract"))
    store.write(tracker.touch(1222, "home", "en"))  # the evening loop drew one after 12 s
    store.write(tracker.end(IDLE))
    store.write(tracker.event(1300, "attract"))
    store.close()
    morning = figures.totals(read([tmp_path / "booth.sqlite"], pack="morning"))
    evening = figures.totals(read([tmp_path / "booth.sqlite"], pack="evening"))
    assert (morning.visits, morning.attract_loops, morning.conversion, morning.median_wait) == (1, 2, 0.5, 30)
    assert (evening.visits, evening.attract_loops, evening.conversion, evening.median_wait) == (1, 2, 0.5, 12)
