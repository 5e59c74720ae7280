"""The machine's schedule: which pack a moment gets, its mistakes at file:line, and a running
show that switches at the next idle moment after a change, never during a visit."""

from __future__ import annotations

import shutil
from argparse import Namespace
from datetime import date, datetime, time
from pathlib import Path

from kiosk.cli import cmd_schedule, main
from kiosk.content.schedule import SCREEN_OFF, Rule, changes, pack_at, read_schedule

from .support import MINIMAL_PACK
from .test_inbox import Clock as IdleClock

RULES = [Rule("english-day", dates=frozenset({date(2026, 12, 5)})),
         Rule("closed", start=time(18, 0), end=time(9, 0)),
         Rule("weekday", days=frozenset(range(5)))]


def test_the_first_rule_that_matches_wins_and_a_night_rule_runs_past_midnight():
    assert pack_at(RULES, datetime(2026, 12, 4, 12, 0)) == "weekday"  # a Friday
    assert pack_at(RULES, datetime(2026, 12, 4, 18, 0)) == "closed"
    assert pack_at(RULES, datetime(2026, 12, 5, 8, 59)) == "english-day"  # its date wins over the night
    assert pack_at(RULES, datetime(2026, 12, 6, 12, 0)) is None  # Sunday noon: no rule
    assert pack_at(RULES, datetime(2026, 12, 7, 3, 0)) == "closed"  # Sunday's night, into Monday
    assert pack_at(RULES, datetime(2026, 12, 7, 9, 0)) == "weekday"
    week = changes(RULES, datetime(2026, 12, 4, 12, 0), days=2)
    assert [(m.strftime("%a %H:%M"), p) for m, p in week] == [
        ("Fri 12:00", "weekday"), ("Fri 18:00", "closed"), ("Sat 00:00", "english-day"),
        ("Sun 00:00", "closed"), ("Sun 09:00", None)]


def test_mistakes_are_said_at_their_line(tmp_path):
    path = tmp_path / "schedule.yaml"
    path.write_text('- pack: a\n  from: "25:00"\n- pack: b\n  days: [mon, funday]\n- pakc: c\n'
                    "- pack: d\n  dates: [2026-13-01]\n", encoding="utf-8")
    rules, problems = read_schedule(path)
    assert [p.format("x") for p in problems] == [
        "x/schedule.yaml:2:9: error: 'from: 25:00' is not a time like \"09:00\" (00:00 to 24:00)",
        "x/schedule.yaml:4:9: error: 'days' is a list of mon, tue, wed, thu, fri, sat, sun",
        "x/schedule.yaml:5:3: error: a rule needs 'pack': the id or folder of the pack to show (or 'screen: off')",
        "x/schedule.yaml:5:3: error: unknown field 'pakc' in a schedule rule (known: pack, screen, dates, days, "
        "from, to)",
        "x/schedule.yaml:7:11: error: '2026-13-01' is not a date like 2026-12-05"]


def test_kiosk_schedule_check_prints_the_next_seven_days(tmp_path, capsys, monkeypatch):
    path = tmp_path / "schedule.yaml"
    path.write_text('- pack: minimal\n  from: "09:00"\n  to: "18:00"\n  days: [mon, tue, wed, thu, fri]\n',
                    encoding="utf-8")
    assert main(["schedule", "check", str(path)]) == 0  # the real clock: it runs
    capsys.readouterr()
    assert cmd_schedule(Namespace(file=path), now=datetime(2026, 12, 4, 12, 0)) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("schedule.yaml:1:3: warning: no pack 'minimal' on this machine")
    assert out[1:4] == ["Fri 2026-12-04 12:00  minimal", "Fri 2026-12-04 18:00  (the pack staff chose)",
                        "Mon 2026-12-07 09:00  minimal"]
    assert len(out) == 1 + 11 and out[-1] == "Fri 2026-12-11 09:00  minimal"
    path.write_text("- pack: minimal\n  to: 9am\n", encoding="utf-8")
    assert main(["schedule", "check", str(path)]) == 1


def evening_pack(tmp_path: Path, monkeypatch) -> None:
    """The minimal pack again, as 'evening', in the machine's packs."""
    packs = tmp_path / "packs"
    monkeypatch.setattr("kiosk.system.locations.pack_dirs", lambda: [packs])
    evening = packs / "evening"
    shutil.copytree(MINIMAL_PACK, evening)
    (evening / "pack.yaml").write_text((evening / "pack.yaml").read_text(encoding="utf-8")
                                       .replace("id: minimal", "id: evening"), encoding="utf-8")


def test_a_running_show_switches_when_the_schedule_says_but_never_during_a_visit(show_pack, qtbot, tmp_path,
                                                                                  monkeypatch):
    evening_pack(tmp_path, monkeypatch)
    idle_clock = IdleClock()
    show = show_pack(MINIMAL_PACK, clock=idle_clock, idle_timeout=60, idle_countdown=0)
    now = [datetime(2026, 12, 4, 17, 59)]
    schedule = show.follow_schedule([Rule("evening", start=time(18, 0), end=time(22, 0))], clock=lambda: now[0])
    assert show.pack.id == "minimal"
    now[0] = datetime(2026, 12, 4, 18, 0)
    schedule.check()
    assert show.pack.id == "minimal", "a visitor may be at the screen: not now"
    idle_clock.now += 61
    show.idle.tick()
    assert show.idle.phase == "attract" and show.pack.id == "evening"
    show.idle.press()
    show.idle.release()  # a visitor
    now[0] = datetime(2026, 12, 4, 22, 0)
    schedule.check()
    assert show.pack.id == "evening", "not during the visit"
    idle_clock.now += 61
    show.idle.tick()
    assert show.pack.id == "minimal", "back to the pack before the rule, at the next idle moment"


def test_an_evening_pack_then_the_screen_off_then_the_morning_on_the_pack_of_before(show_pack, qtbot, tmp_path,
                                                                                    monkeypatch):
    evening_pack(tmp_path, monkeypatch)
    idle_clock = IdleClock()
    show = show_pack(MINIMAL_PACK, clock=idle_clock, idle_timeout=60, idle_countdown=0)
    now, calls = [datetime(2026, 12, 4, 17, 0)], []
    schedule = show.follow_schedule([Rule("evening", start=time(18, 0), end=time(22, 0)),
                                     Rule(SCREEN_OFF, start=time(22, 0), end=time(7, 0))],
                                    clock=lambda: now[0], power=lambda on: calls.append(on))
    for moment, pack, screen in [((18, 0), "evening", []), ((22, 0), "evening", [False]),
                                 ((7, 0), "minimal", [False, True])]:
        now[0] = datetime(2026, 12, 4 if moment[0] >= 18 else 5, *moment)
        schedule.check()
        idle_clock.now += 61
        show.idle.tick()
        schedule.screen.wait()
        assert (show.pack.id, calls) == (pack, screen), moment


def test_a_night_rule_turns_the_screen_off_and_check_says_so(tmp_path, capsys):
    path = tmp_path / "schedule.yaml"
    path.write_text('- screen: off\n  from: "22:00"\n  to: "07:00"\n- screen: on\n- screen: off\n  pack: minimal\n',
                    encoding="utf-8")
    rules, problems = read_schedule(path)
    assert [p.format("x") for p in problems] == [
        "x/schedule.yaml:4:11: error: 'screen: off' turns the screen off, in a rule of its own with no 'pack'",
        "x/schedule.yaml:5:11: error: 'screen: off' turns the screen off, in a rule of its own with no 'pack'"]
    assert rules == [Rule(SCREEN_OFF, start=time(22, 0), end=time(7, 0), where=rules[0].where)]
    path.write_text('- screen: off\n  from: "22:00"\n  to: "07:00"\n', encoding="utf-8")
    assert cmd_schedule(Namespace(file=path), now=datetime(2026, 12, 4, 12, 0)) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:3] == ["Fri 2026-12-04 12:00  (the pack staff chose)", "Fri 2026-12-04 22:00  (screen off)",
                       "Sat 2026-12-05 07:00  (the pack staff chose)"]


def test_the_screen_goes_off_at_the_first_idle_moment_of_the_night_and_on_in_the_morning(show_pack, qtbot):
    idle_clock = IdleClock()
    show = show_pack(MINIMAL_PACK, clock=idle_clock, idle_timeout=60, idle_countdown=0)
    now = [datetime(2026, 12, 4, 21, 59)]
    calls: list[bool] = []
    schedule = show.follow_schedule([Rule(SCREEN_OFF, start=time(22, 0), end=time(7, 0))], clock=lambda: now[0],
                                    power=lambda on: calls.append(on))
    show.idle.press()
    show.idle.release()  # a visitor, as the night begins
    now[0] = datetime(2026, 12, 4, 22, 0)
    schedule.check()
    schedule.screen.wait()
    assert calls == [], "not in the middle of a visit"
    idle_clock.now += 61
    show.idle.tick()
    schedule.screen.wait()
    assert show.idle.phase == "attract" and calls == [False]
    show.idle.press()
    show.idle.release()  # a touch at night: the screen on again (an output a command turned off stays dark)
    schedule.screen.wait()
    assert calls == [False, True], "the visitor is served"
    idle_clock.now += 61
    show.idle.tick()
    schedule.screen.wait()
    assert calls == [False, True, False], "and it goes off again when they leave"
    now[0] = datetime(2026, 12, 5, 7, 0)
    schedule.check()
    schedule.screen.wait()
    assert calls == [False, True, False, True] and show.pack.id == "minimal"


def test_turning_the_screen_off_never_holds_up_the_show(show_pack, qtbot):
    """A monitor answering DDC/CI in seconds, or a command that hangs: the window thread goes on."""
    import threading
    idle_clock = IdleClock()
    show = show_pack(MINIMAL_PACK, clock=idle_clock, idle_timeout=60, idle_countdown=0)
    release, threads = threading.Event(), []

    def slow(on: bool) -> None:
        threads.append(threading.current_thread())
        release.wait(30)

    schedule = show.follow_schedule([Rule(SCREEN_OFF, start=time(22, 0), end=time(7, 0))],
                                    clock=lambda: datetime(2026, 12, 4, 23, 0), power=slow)
    idle_clock.now += 61
    show.idle.tick()  # the attract loop begins: the screen is asked off, and this returns at once
    assert show.idle.phase == "attract"
    release.set()
    schedule.screen.wait()
    assert threads and threads[0] is not threading.main_thread()
