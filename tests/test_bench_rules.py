"""The arithmetic of `kiosk bench`'s black box (kiosk/benchmark/rules.py), without a screen: picture
differences, percentiles, when a screen has settled, and what frame times say about a slide."""

from __future__ import annotations

import pytest

from kiosk.benchmark import Figure
from kiosk.benchmark.command import table
from kiosk.benchmark.rules import (
    CODE_BITS,
    changed_fraction,
    code_cells,
    code_whites,
    cover,
    cpu_percent,
    far_apart,
    frame_gaps,
    frames_missed,
    percentile,
    read_code,
    sample_rows,
    settled_index,
    slide_figures,
)

W, H = 40, 10  # a small screen: 400 pixels


def picture(colour=(10, 20, 30), pad=0, changes: dict[tuple[int, int], tuple[int, int, int]] | None = None) -> bytes:
    """A W x H picture as the X server sends it: B, G, R and a pad byte per pixel."""
    data = bytearray(bytes([colour[2], colour[1], colour[0], pad]) * (W * H))
    for (x, y), (r, g, b) in (changes or {}).items():
        i = (y * W + x) * 4
        data[i:i + 3] = bytes([b, g, r])
    return bytes(data)


def test_identical_pictures_do_not_differ():
    assert changed_fraction(picture(), picture()) == 0.0


def test_the_share_of_changed_pixels_is_counted_per_pixel_not_per_byte():
    # Two pixels: one with all three channels changed, one with only its blue one.
    b = picture(changes={(0, 0): (255, 255, 255), (5, 5): (10, 20, 31)})
    assert changed_fraction(picture(), b) == pytest.approx(2 / (W * H))


def test_the_pad_byte_is_not_a_change():
    assert changed_fraction(picture(pad=0), picture(pad=255)) == 0.0


def test_every_pixel_changed():
    assert changed_fraction(picture((0, 0, 0)), picture((1, 1, 1))) == 1.0


def test_pictures_of_different_sizes_are_refused():
    with pytest.raises(ValueError):
        changed_fraction(picture(), picture()[:-4])


def test_sampled_rows_keep_every_fourth_row():
    rows = [bytes([y]) * (W * 4) for y in range(H)]
    sampled = sample_rows(b"".join(rows), W, step=4)
    assert sampled == rows[0] + rows[4] + rows[8]


def test_far_apart_ignores_small_differences_and_counts_large_ones():
    a = picture((100, 100, 100))
    near = picture((110, 90, 100))  # every pixel a little off: anti-aliasing, averaged
    assert far_apart(a, near, tolerance=32) == 0.0
    far = picture((100, 100, 100), changes={(1, 1): (200, 100, 100), (2, 2): (100, 100, 10)})
    assert far_apart(a, far, tolerance=32) == pytest.approx(2 / (W * H))


@pytest.mark.parametrize("q, expected", [(0, 1), (50, 3), (100, 5), (25, 2), (95, 4.8)])
def test_percentiles_interpolate_between_the_nearest_values(q, expected):
    assert percentile([5, 1, 4, 2, 3], q) == pytest.approx(expected)


def test_a_percentile_of_one_value_is_that_value():
    assert percentile([7.5], 95) == 7.5


@pytest.mark.parametrize("values, q", [([], 50), ([1, 2], -1), ([1, 2], 101)])
def test_percentile_refuses_what_has_none(values, q):
    with pytest.raises(ValueError):
        percentile(values, q)


def test_settled_is_the_first_picture_from_which_the_screen_stays_close_to_the_final_one():
    # Difference of each distinct picture from the final one: text first, then pictures load.
    assert settled_index([0.86, 0.55, 0.004, 0.001, 0.0]) == 2


def test_a_screen_that_comes_close_then_moves_away_again_has_not_settled_yet():
    assert settled_index([0.5, 0.005, 0.3, 0.002, 0.0]) == 3


def test_a_single_picture_is_settled_at_once():
    assert settled_index([0.0]) == 0


def test_settled_uses_the_tolerance_given():
    assert settled_index([0.5, 0.05, 0.0], within=0.1) == 1


def test_frame_gaps_are_the_times_between_successive_pictures():
    assert frame_gaps([0, 16, 40, 41]) == [16, 24, 1]


def test_a_slide_at_a_steady_60_fps():
    fps, gap = slide_figures([i * 1000 / 60 for i in range(16)])
    assert fps == pytest.approx(60)
    assert gap == pytest.approx(1000 / 60)


def test_a_slide_with_one_stall_shows_it_as_the_longest_gap():
    fps, gap = slide_figures([0, 20, 40, 240, 260])
    assert gap == 200
    assert fps == pytest.approx(4 / 0.26)


def test_a_page_that_appears_at_once_has_no_frame_rate():
    assert slide_figures([12.0]) is None
    assert slide_figures([]) is None


def test_cpu_percent_is_of_one_core():
    assert cpu_percent(0.05, 10) == pytest.approx(0.5)
    with pytest.raises(ValueError):
        cpu_percent(1, 0)


def test_the_table_puts_each_renderer_in_a_column_and_marks_values_over_target():
    lines = table({"software": [Figure("idle_cpu_percent", 0.2, "%", 0.5, "idle"), Figure("fps", 48, "fps", None, "f")],
                   "opengl": [Figure("idle_cpu_percent", 1.5, "%", 0.5, "idle")]})
    assert "software" in lines[0] and "opengl" in lines[0]
    idle = next(line for line in lines if line.startswith("idle_cpu_percent"))
    assert "0.2 %" in idle and "1.5 %*" in idle and "≤ 0.5" in idle
    fps = next(line for line in lines if line.startswith("fps"))
    assert "48.0 fps" in fps and fps.split()[-2] == "-"  # no figure for opengl


# --- the frame code of the film bench ----------------------------------------------------------


def levels_of(whites: list[bool]) -> list[float]:
    return [235.0 if white else 16.0 for white in whites]  # video's own black and white


@pytest.mark.parametrize("number", [0, 1, 2, 511, 512, 1000, 1023])
def test_a_frame_number_reads_back(number):
    assert read_code(levels_of(code_whites(number))) == number


def test_cells_that_are_not_a_code_read_as_nothing():
    assert read_code([128.0] * (CODE_BITS + 3)) is None, "a grey poster"
    assert read_code([235.0] * (CODE_BITS + 3)) is None, "all white: no black end"
    faded = levels_of(code_whites(300))
    faded[4] = 150.0  # one cell half way between two frames
    assert read_code(faded) is None


def test_one_wrong_bit_is_caught_by_the_parity_cell():
    whites = code_whites(300)
    whites[3] = not whites[3]
    assert read_code(levels_of(whites)) is None


def test_a_number_too_large_for_the_code_is_refused():
    with pytest.raises(ValueError):
        code_whites(2 ** CODE_BITS)


def test_the_code_sits_at_the_top_middle_of_the_film_and_survives_a_portrait_crop():
    cells = code_cells(1920, 1080)
    assert len(cells) == CODE_BITS + 3 and cells[0][2] == 40
    middle = (cells[0][0] + cells[-1][0] + cells[-1][2]) / 2
    assert middle == pytest.approx(960, abs=1)
    scale, x, y = cover((1080, 1920), (1920, 1080))
    assert all(0 <= x + left * scale and x + (left + side) * scale <= 1080 for left, _, side in cells)


def test_a_film_covers_the_screen_cropped():
    assert cover((1920, 1080), (1920, 1080)) == (1.0, 0.0, 0.0)
    assert cover((3840, 2160), (1920, 1080)) == (2.0, 0.0, 0.0)
    scale, x, y = cover((1080, 1920), (1920, 1080))
    assert scale == pytest.approx(1920 / 1080) and x < 0 and y == 0


def test_frames_missed_counts_skips_around_the_loop():
    assert frames_missed([0, 0, 1, 2, 2, 3], 60) == (4, 0)
    assert frames_missed([57, 58, 59, 0, 1], 60) == (5, 0), "the loop's seam is no skip"
    assert frames_missed([10, 12, 15], 60) == (3, 3)
    assert frames_missed([58, 1], 60) == (2, 2)
    assert frames_missed([], 60) == (0, 0)


def test_a_figure_misses_its_target_on_the_wrong_side_only():
    from kiosk.benchmark import Figure
    assert Figure("first_ms", 301, "ms", 300, "").misses()
    assert not Figure("first_ms", 300, "ms", 300, "").misses()
    assert Figure("fps", 49, "fps", 50, "", at_least=True).misses()
    assert not Figure("fps", 58, "fps", 50, "", at_least=True).misses()
    assert not Figure("gap_ms", 999, "ms", None, "").misses()
