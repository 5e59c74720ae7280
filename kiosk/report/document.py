"""The report as one file: HTML (charts inline, no script, nothing fetched) or PDF (a page per
chart), in the pack's languages; or the raw visits and screen views as CSV."""

from __future__ import annotations

import base64
import csv
import html
import io
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from . import charts, figures
from .data import Data

if TYPE_CHECKING:
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

# The report's own words, in the languages packs are written in; another language gets English.
WORDS: dict[str, dict[str, str]] = {
    "title": {"zh": "观众数据报告", "en": "Visitor report"},
    "period": {"zh": "时段", "en": "Period"},
    "kiosks": {"zh": "展台终端", "en": "Kiosks"},
    "visits": {"zh": "访问次数", "en": "Visits"},
    "median_dwell": {"zh": "停留时间中位数", "en": "Median time per visit"},
    "mean_screens": {"zh": "平均浏览页面", "en": "Screens per visit (mean)"},
    "attract_loops": {"zh": "待机动画次数", "en": "Attract loops shown"},
    "conversion": {"zh": "吸引到访客的待机动画", "en": "Attract loops that drew a visitor"},
    "median_wait": {"zh": "待机动画播放多久后有人触摸（中位数）", "en": "Attract loop ran before a touch (median)"},
    "visits_by_hour": {"zh": "每天每小时的访问次数", "en": "Visits in each hour of each day"},
    "hour_of_day": {"zh": "时刻", "en": "Hour of the day"},
    "median_minutes": {"zh": "中位数 {} 分钟", "en": "median {} min"},
    "home": {"zh": "首页", "en": "Home"},
    "dwell_title": {"zh": "每次访问停留多久", "en": "How long visitors stayed"},
    "dwell_axis": {"zh": "停留时间（分钟，首次触摸到最后一次触摸）",
                   "en": "Minutes from first touch to last"},
    "screens_views": {"zh": "各页面浏览次数", "en": "Screens by views"},
    "views": {"zh": "浏览次数", "en": "Views"},
    "screens_time": {"zh": "各页面停留总时长", "en": "Screens by time on screen"},
    "minutes": {"zh": "分钟", "en": "Minutes"},
    "paths": {"zh": "最常见的浏览路径", "en": "The most common paths through the show"},
    "funnel_title": {"zh": "访问深度：至少浏览了N个页面的访问",
                     "en": "How deep visits went: visits that saw at least N screens"},
    "funnel_axis": {"zh": "页面数 N", "en": "Screens seen (N)"},
    "endings": {"zh": "访问在哪个页面结束", "en": "Where visits ended"},
    "languages": {"zh": "访问语言", "en": "Language of visits"},
    "clips": {"zh": "短片：播放次数", "en": "Clips: times played"},
    "watched": {"zh": "观看比例中位数 {}", "en": "median {} watched"},
    "plays": {"zh": "播放次数", "en": "Plays"},
    "narrations": {"zh": "讲解录音：收听次数", "en": "Narration: times listened"},
    "heard": {"zh": "收听比例中位数 {}", "en": "median {} heard"},
    "pages": {"zh": "翻页与放大图片", "en": "Pages turned and pictures zoomed"},
    "turned": {"zh": "翻页", "en": "pages turned"},
    "zoomed": {"zh": "放大", "en": "zooms"},
    "times": {"zh": "次数", "en": "Times"},
    "kiosk": {"zh": "终端", "en": "Kiosk"},
    "nothing": {"zh": "此时段没有访问。", "en": "No visits in this period."},
    "daily": {"zh": "更早的日子（仅保留每日合计）：{} 次访问", "en": "Earlier days (daily totals only): {} visits"},
    "made": {"zh": "生成于", "en": "Made on"},
    "privacy": {"zh": "数据在设备上匿名记录：无摄像头、无个人信息，每次访问仅有随机编号。",
                "en": "Recorded on the device, anonymously: no cameras, no personal data, a random id per visit."},
}


def sayer(languages: list[str]) -> Callable[..., str]:
    """Each of the report's words in every language of the pack, joined: "访问次数 · Visits";
    values fill the {} of a phrase in each language."""
    def say(key: str, *values: object) -> str:
        said = [WORDS[key].get(lang, WORDS[key]["en"]).format(*values) for lang in languages]
        return " · ".join(dict.fromkeys(said))
    return say


def _minutes(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def sections(data: Data, languages: list[str], names: dict[str, str]) -> list[tuple[str, bytes | None]]:
    """Each chart with its title, in order."""
    say = sayer(languages)

    def named(screen: str) -> str:
        return names.get(screen, screen)

    rows = figures.screens(data)
    return [
        (say("visits_by_hour"), charts.heat_map(data, say)),
        (say("dwell_title"), charts.dwell(data, say)),
        (say("screens_views"), charts.bars(say("screens_views"), [(named(s), n) for s, n, _ in rows], say("views"))),
        (say("screens_time"), charts.bars(say("screens_time"), [(named(s), round(t / 60, 1)) for s, _, t in rows],
                                          say("minutes"))),
        (say("paths"), charts.bars(say("paths"), [(" → ".join(named(s) for s in p), n)
                                                  for p, n in figures.paths(data)], say("visits"))),
        (say("funnel_title"), charts.funnel(data, say)),
        (say("endings"), charts.bars(say("endings"), [(named(s), n) for s, n in figures.endings(data)],
                                     say("visits"))),
        (say("languages"), charts.bars(say("languages"), figures.languages(data), say("visits"))),
        (say("clips"), charts.bars(say("clips"), [(f"{clip} ({say('watched', f'{share:.0%}')})", plays)
                                                  for clip, plays, share in figures.clips(data)], say("plays"))),
        (say("narrations"), charts.bars(say("narrations"), [(f"{file} ({say('heard', f'{share:.0%}')})", plays)
                                                            for file, plays, share in figures.clips(data, "listen")],
                                        say("plays"))),
        (say("pages"), charts.bars(say("pages"), [row for s, turned, zoomed in figures.pictures(data)
                                                  for row in ((f"{named(s)}: {say('turned')}", turned),
                                                              (f"{named(s)}: {say('zoomed')}", zoomed))],
                                   say("times"))),
    ]


def summary_rows(data: Data, languages: list[str]) -> tuple[list[str], list[list[str]]]:
    """The key figures, one column for all kiosks and one per kiosk where there are several."""
    say = sayer(languages)
    columns = [None, *data.kiosks] if len(data.kiosks) > 1 else [None]
    all_totals = [figures.totals(data, k) for k in columns]
    header = [say("kiosk"), *["∑" if k is None else k for k in columns]]
    rows = [
        [say("visits"), *[str(t.visits) for t in all_totals]],
        [say("median_dwell"), *[_minutes(t.median_dwell) for t in all_totals]],
        [say("mean_screens"), *["–" if t.mean_screens is None else f"{t.mean_screens:.1f}" for t in all_totals]],
        [say("attract_loops"), *[str(t.attract_loops) for t in all_totals]],
        [say("conversion"), *["–" if t.conversion is None else f"{t.conversion:.0%}" for t in all_totals]],
        [say("median_wait"), *[_minutes(t.median_wait) for t in all_totals]],
    ]
    return header, rows


def write_html(path: Path, data: Data, title: str, period: str, languages: list[str], names: dict[str, str]) -> None:
    say = sayer(languages)
    header, rows = summary_rows(data, languages)
    e = html.escape
    parts = [
        "<!DOCTYPE html>", f'<html lang="{e(languages[0])}"><head><meta charset="utf-8">',
        f"<title>{e(say('title'))} · {e(title)}</title>",
        "<style>body{font-family:'Noto Sans CJK SC','Noto Sans SC','Microsoft YaHei','PingFang SC',sans-serif;"
        "max-width:1100px;margin:2em auto;padding:0 1em;color:#14202e}h1{margin-bottom:.2em}"
        "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccd4de;padding:.4em .8em;"
        "text-align:right}td:first-child,th:first-child{text-align:left}img{max-width:100%}"
        ".muted{color:#5c6b7d}</style></head><body>",
        f"<h1>{e(say('title'))}</h1><h2>{e(title)}</h2>",
        f"<p class='muted'>{e(say('period'))}: {e(period)} · {e(say('kiosks'))}: {e(', '.join(data.kiosks))}</p>",
        "<table><tr>" + "".join(f"<th>{e(h)}</th>" for h in header) + "</tr>",
        *["<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in rows],
        "</table>",
    ]
    if data.daily:
        parts.append(f"<p>{e(say('daily', sum(row[3] for row in data.daily)))}</p>")
    if not data.visits:
        parts.append(f"<p>{e(say('nothing'))}</p>")
    for heading, png in sections(data, languages, names):
        if png is not None:
            parts.append(f"<h3>{e(heading)}</h3><img alt='{e(heading)}' "
                         f"src='data:image/png;base64,{base64.b64encode(png).decode()}'>")
    parts.append(f"<p class='muted'>{e(say('privacy'))} {e(say('made'))} "
                 f"{datetime.now():%Y-%m-%d %H:%M}.</p></body></html>")
    path.write_text("\n".join(parts), encoding="utf-8")


def write_pdf(path: Path, data: Data, title: str, period: str, languages: list[str], names: dict[str, str]) -> None:
    """A4 landscape pages: the key figures, then a chart a page, each drawn as a picture."""
    from matplotlib.backends.backend_pdf import PdfPages
    plt = charts.pyplot()
    say = sayer(languages)
    header, rows = summary_rows(data, languages)
    with PdfPages(path) as pdf:
        front = plt.figure(figsize=(11.69, 8.27))
        front.text(0.06, 0.9, say("title"), fontsize=24, weight="bold")
        front.text(0.06, 0.84, title, fontsize=16)
        front.text(0.06, 0.79, f"{say('period')}: {period} · {say('kiosks')}: {', '.join(data.kiosks)}",
                   fontsize=11, color="#5c6b7d")
        table = front.add_axes((0.06, 0.3, 0.88, 0.42))
        table.axis("off")
        table.table(cellText=rows, colLabels=header, loc="upper left", cellLoc="right").scale(1, 1.8)
        front.text(0.06, 0.08, say("privacy"), fontsize=9, color="#5c6b7d")
        _as_picture(front, pdf)
        for _, png in sections(data, languages, names):
            if png is None:
                continue
            page = plt.figure(figsize=(11.69, 8.27))
            ax = page.add_axes((0.04, 0.04, 0.92, 0.92))
            ax.axis("off")
            ax.imshow(plt.imread(io.BytesIO(png), format="png"))
            pdf.savefig(page)
            plt.close(page)


def _as_picture(fig: Figure, pdf: PdfPages) -> None:
    """A page drawn as a picture: the bundled font is OpenType CFF, which matplotlib's PDF
    writer cannot embed."""
    plt = charts.pyplot()
    png = charts.png_of(fig, tight=False)
    page = plt.figure(figsize=(11.69, 8.27))
    ax = page.add_axes((0, 0, 1, 1))
    ax.axis("off")
    ax.imshow(plt.imread(io.BytesIO(png), format="png"))
    pdf.savefig(page)  # type: ignore[no-untyped-call]  # matplotlib leaves PdfPages.savefig untyped
    plt.close(page)


def write_csv(folder: Path, data: Data) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    visits, views = folder / "visits.csv", folder / "views.csv"
    with visits.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["kiosk", "visit", "pack", "started", "ended", "dwell_s", "language", "last_screen",
                      "screens", "ended_by"])
        for v in data.visits:
            out.writerow([v.kiosk, v.id, v.pack, _iso(v.started), _iso(v.ended), v.dwell, v.language,
                          v.last_screen, v.screens, v.ended_by])
    with views.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["kiosk", "visit", "screen", "started", "seconds", "came_by"])
        for w in data.views:
            out.writerow([w.kiosk, w.visit, w.screen, _iso(w.started), round(w.seconds, 3), w.came_by])
    return [visits, views]


def _iso(at: float | None) -> str:
    return "" if at is None else datetime.fromtimestamp(at).isoformat(timespec="seconds")
