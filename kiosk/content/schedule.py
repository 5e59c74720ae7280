"""The machine's schedule: which pack shows when (`schedule.yaml` in the config folder). Plain
Python: the format, its checks (`file:line` for each mistake) and the rule of which pack a moment
gets; the running show (kiosk.ui.scheduled) switches at the next idle moment after a change.

    # The first rule that matches the moment wins; outside every rule, the pack staff chose.
    - pack: yongchuan-2022-en       # a pack id or folder
      dates: [2026-12-05]           # optional: only on these days
    - screen: off                   # instead of a pack: the screen off (kiosk.system.display)
      from: "22:00"
      to: "07:00"
    - pack: closed
      from: "18:00"                 # optional (default 00:00), to optional (default 24:00)
      to: "09:00"                   # past midnight: until 09:00 the next morning
      days: [mon, tue, wed, thu, fri, sat, sun]  # optional: only on these weekdays
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from .problems import Pos, Problem, Problems
from .yamlsource import Node, load_yaml

SCHEDULE_FILE = "schedule.yaml"
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
FIELDS = ("pack", "screen", "dates", "days", "from", "to")
# What a `screen: off` rule shows: no pack (no pack id has these characters, kiosk.content.model).
SCREEN_OFF = "<screen off>"


@dataclass(frozen=True)
class Rule:
    pack: str  # a pack's id or folder, or SCREEN_OFF
    start: time = time(0, 0)
    end: time | None = None  # None: midnight at the end of the day
    days: frozenset[int] = frozenset(range(7))  # Monday = 0
    dates: frozenset[date] = frozenset()  # empty: every date
    where: Pos = Pos(SCHEDULE_FILE)

    def _on(self, day: date) -> bool:
        return day.weekday() in self.days and (not self.dates or day in self.dates)

    def matches(self, moment: datetime) -> bool:
        now = moment.time()
        if self.end is None or self.start < self.end:
            inside = self.start <= now and (self.end is None or now < self.end)
            return inside and self._on(moment.date())
        # Past midnight: the evening part belongs to its day, the morning part to the day before.
        if now >= self.start:
            return self._on(moment.date())
        return now < self.end and self._on(moment.date() - timedelta(days=1))


def pack_at(rules: list[Rule], moment: datetime) -> str | None:
    """The pack the schedule wants at `moment`; None outside every rule."""
    return next((r.pack for r in rules if r.matches(moment)), None)


def changes(rules: list[Rule], start: datetime, days: int = 7) -> list[tuple[datetime, str | None]]:
    """When the scheduled pack changes in the `days` from `start` (to the minute), and to what;
    the first entry is what holds at `start`."""
    moment = start.replace(second=0, microsecond=0)
    current = pack_at(rules, moment)
    found: list[tuple[datetime, str | None]] = [(moment, current)]
    for _ in range(days * 24 * 60):
        moment += timedelta(minutes=1)
        wanted = pack_at(rules, moment)
        if wanted != current:
            found.append((moment, wanted))
            current = wanted
    return found


def _time(node: Node, problems: Problems, key: str) -> time | None:
    text = str(node.raw or node.value)
    try:
        hours, minutes = (int(part) for part in text.split(":"))
        if (hours, minutes) == (24, 0):
            return None
        return time(hours, minutes)
    except ValueError:
        problems.error(node.pos, f"'{key}: {text}' is not a time like \"09:00\" (00:00 to 24:00)")
        return None


def read_schedule(path: Path) -> tuple[list[Rule], list[Problem]]:
    """The rules of a schedule file, and every mistake in it. No file: no rules."""
    problems = Problems()
    if not path.exists():
        return [], []
    root = load_yaml(path, SCHEDULE_FILE, problems)
    rules: list[Rule] = []
    if root is None or root.value is None:
        return rules, problems.sorted()
    if not root.is_sequence:
        problems.error(root.pos, "a schedule is a list of rules, each starting with '- pack: ...'")
        return rules, problems.sorted()
    for item in root.value:
        if not item.is_mapping:
            problems.error(item.pos, "each rule is a mapping like {pack: my-pack, from: \"09:00\"}")
            continue
        fields = item.value
        for key in fields:
            if key not in FIELDS:
                problems.error(item.key_pos[key], f"unknown field '{key}' in a schedule rule "
                               f"(known: {', '.join(FIELDS)})")
        pack = fields.get("pack")
        screen = fields.get("screen")
        if screen is not None:
            # YAML reads a bare `off` as false.
            if not (screen.value is False or screen.value == "off") or pack is not None:
                problems.error(screen.pos, "'screen: off' turns the screen off, in a rule of its own with no 'pack'")
                continue
            shows = SCREEN_OFF
        elif pack is None or not isinstance(pack.value, str) or not pack.value.strip():
            problems.error(item.pos, "a rule needs 'pack': the id or folder of the pack to show (or 'screen: off')")
            continue
        else:
            shows = pack.value.strip()
        start = _time(fields["from"], problems, "from") if "from" in fields else time(0, 0)
        end = _time(fields["to"], problems, "to") if "to" in fields else None
        days = frozenset(range(7))
        if "days" in fields:
            node = fields["days"]
            names = [str(d.value).lower()[:3] for d in node.value] if node.is_sequence else []
            if not node.is_sequence or any(n not in DAYS for n in names):
                problems.error(node.pos, f"'days' is a list of {', '.join(DAYS)}")
            days = frozenset(DAYS.index(n) for n in names if n in DAYS)
        dates: set[date] = set()
        if "dates" in fields:
            node = fields["dates"]
            for d in node.value if node.is_sequence else [node]:
                try:
                    dates.add(date.fromisoformat(str(d.raw or d.value)))
                except ValueError:
                    problems.error(d.pos, f"'{d.raw or d.value}' is not a date like 2026-12-05")
        rules.append(Rule(shows, start or time(0, 0), end, days, frozenset(dates), item.pos))
    return rules, problems.sorted()
