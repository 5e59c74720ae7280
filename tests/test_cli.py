"""The `kiosk` command as a user runs it: exit codes, messages, --help everywhere."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from kiosk.cli import main
from kiosk.system import locations

from .support import MINIMAL_PACK, TESTS


def kiosk(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True, text=True,
                          env={**os.environ, "PYTHONWARNINGS": "error"})


@pytest.mark.parametrize("command", [[], ["run"], ["validate"], ["packs"], ["proof"], ["new"], ["set-pin"]])
def test_every_command_has_help(command):
    out = kiosk(*command, "--help")
    assert out.returncode == 0
    assert out.stdout.startswith("usage: kiosk")


def test_validate_clean_pack_exits_0(capsys):
    assert main(["validate", str(MINIMAL_PACK)]) == 0
    assert capsys.readouterr().out == f"{MINIMAL_PACK}: ok, 7 screens\n"


def test_validate_reports_errors_with_path_and_exits_1(tmp_path, capsys):
    pack = tmp_path / "minimal"
    shutil.copytree(MINIMAL_PACK, pack)
    shutil.copytree(TESTS / "packs" / "broken" / "several-errors", pack, dirs_exist_ok=True)
    assert main(["validate", str(pack)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{pack}/pack.yaml:2:8: error: 'title' has no 'en' text (the pack declares language 'en')"
    assert lines[-1] == f"{pack}: 6 errors, 0 warnings"


def test_warnings_pass_unless_strict(tmp_path, capsys):
    pack = tmp_path / "minimal"
    shutil.copytree(MINIMAL_PACK, pack)
    shutil.copytree(TESTS / "packs" / "broken" / "unreachable-screen", pack, dirs_exist_ok=True)
    assert main(["validate", str(pack)]) == 0
    assert main(["validate", "--strict", str(pack)]) == 1
    assert "warning: screen 'secret' cannot be reached" in capsys.readouterr().out


def test_validate_several_packs_reports_each(tmp_path, capsys):
    broken = tmp_path / "minimal"
    shutil.copytree(MINIMAL_PACK, broken)
    (broken / "pack.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    assert main(["validate", str(MINIMAL_PACK), str(broken)]) == 1
    out = capsys.readouterr().out
    assert f"{MINIMAL_PACK}: ok" in out
    assert f"{broken}/pack.yaml:1:5: error: the '[' here is never closed" in out


def test_usage_errors_exit_2_without_traceback(tmp_path):
    for args in (["validate", str(tmp_path / "nope")], ["validate", "--bogus", str(MINIMAL_PACK)],
                 ["run", "--size", "huge"], ["frobnicate"]):
        out = kiosk(*args)
        assert out.returncode == 2, args
        assert "Traceback" not in out.stderr and out.stderr.strip(), args


def test_packs_lists_builtin_and_user_packs(kiosk_home, capsys):
    user = locations.user_packs_dir()
    user.mkdir(parents=True)
    shutil.copytree(MINIMAL_PACK, user / "minimal")
    shutil.copytree(MINIMAL_PACK, user / "broken")
    (user / "broken" / "pack.yaml").write_text("id: broken\n", encoding="utf-8")
    assert main(["packs"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0].split() == ["ID", "TITLE", "LANGUAGES", "STATUS", "FOLDER"]
    minimal = next(r for r in rows if r.startswith("minimal "))
    assert "最小样例" in minimal and "zh, en" in minimal and " valid " in minimal
    broken = next(r for r in rows if r.startswith("broken "))
    assert "invalid (4 errors)" in broken
    assert any(r.startswith(locations.DEFAULT_PACK + " ") and " valid " in r for r in rows)


def test_default_pack_is_valid():
    assert main(["validate", "--strict", str(locations.BUILTIN_PACKS_DIR / locations.DEFAULT_PACK)]) == 0


def test_new_pack_from_the_starter(tmp_path, capsys):
    target = tmp_path / "my-show"
    assert main(["new", str(target)]) == 0
    out = capsys.readouterr().out
    assert f"created the pack 'my-show' in {target}" in out
    assert "move the folder there" in out, "says the pack is not where the staff menu looks"
    assert (target / "pack.yaml").read_text(encoding="utf-8").count("id: my-show") == 1
    assert main(["validate", "--quick", str(target)]) == 0, "valid, only warnings"
    assert main(["new", str(target)]) == 2, "never overwrites"
    assert main(["new", str(tmp_path / "My Show")]) == 2, "the folder name must be a valid id"


def test_texts_left_from_the_template_are_warned_about(tmp_path, capsys):
    target = tmp_path / "my-show"
    main(["new", str(target)])
    capsys.readouterr()
    assert main(["validate", "--quick", "--strict", str(target)]) == 1
    out = capsys.readouterr().out
    assert (f"{target}/pack.yaml:10:3: warning: the pack's title is still the template's ('New exhibit "
            "template'): staff would see two packs of that name; give the pack its own title") in out
    assert (f"{target}/screens/home.yaml:5:3: warning: this is still the starter template's text ('Your "
            "exhibit title here'): write your own") in out
    assert "'History'" not in out, "common words may stay"
    pack_yaml = target / "pack.yaml"
    pack_yaml.write_text(pack_yaml.read_text(encoding="utf-8").replace("New exhibit template", "Our booth"),
                         encoding="utf-8")
    main(["validate", "--quick", str(target)])
    assert "pack.yaml:10:3" not in capsys.readouterr().out
    assert main(["validate", "--quick", "--strict", "starter"]) == 0, "the template itself is fine"


def test_new_pack_by_name_is_listed_for_staff(kiosk_home, capsys):
    """A content editor's path: `kiosk new NAME`, then the pack is in `kiosk packs` (and so in the
    staff menu, which lists the same folders)."""
    assert main(["new", "my-show"]) == 0
    target = locations.user_packs_dir() / "my-show"
    out = capsys.readouterr().out
    assert f"created the pack 'my-show' in {target}" in out and "listed by `kiosk packs`" in out
    assert main(["packs"]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("my-show"))
    assert "valid" in row and str(target) in row


def test_set_pin_stores_only_a_hash(kiosk_home):
    from kiosk.core.staff import pin_matches
    from kiosk.system.settings import Settings
    out = subprocess.run([sys.executable, "-m", "kiosk", "set-pin"], input="482916\n", capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    text = Settings.path().read_text(encoding="utf-8")
    assert "482916" not in text
    assert pin_matches("482916", Settings.load().pin)
    bad = subprocess.run([sys.executable, "-m", "kiosk", "set-pin"], input="12\n", capture_output=True, text=True)
    assert bad.returncode == 2 and "4 to 12 digits" in bad.stderr
    assert main(["set-pin", "--clear"]) == 0 and Settings.load().pin is None


def test_settings_of_the_wrong_kind_are_said_and_left_at_their_default(kiosk_home, caplog):
    """A hand-edited settings.json: a command as one string would run letter by letter, "false" in
    quotes would count as true. Each wrong value is logged with what it must be; the right ones
    stay."""
    import json

    from kiosk.system.settings import Settings
    Settings.path().parent.mkdir(parents=True, exist_ok=True)
    Settings.path().write_text(json.dumps({
        "screen_off_command": "wlr-randr --output HDMI-A-1 --off", "screen_on_command": ["wlr-randr", 7],
        "lower_content": "false", "staff_timeout": "60", "analytics": 0, "language": ["en"],
        "pack": "/srv/packs/booth", "renderer": "software", "inbox": None, "no_such_setting": 1}), encoding="utf-8")
    settings = Settings.load()
    assert settings == Settings(pack="/srv/packs/booth", renderer="software")
    for key in ("screen_off_command", "screen_on_command", "lower_content", "staff_timeout", "analytics", "language"):
        assert f"{key!r} must be" in caplog.text
    settings.pack = "/srv/packs/other"
    settings.save()  # as the show does when it starts (the last good pack): the owner's lines stay
    saved = json.loads(Settings.path().read_text(encoding="utf-8"))
    assert saved["pack"] == "/srv/packs/other" and saved["screen_off_command"] == "wlr-randr --output HDMI-A-1 --off"
    assert saved["lower_content"] == "false" and saved["staff_timeout"] == "60"
    assert ("'screen_off_command' must be a list of words, like [\"wlr-randr\", \"--output\", \"HDMI-A-1\", "
            "\"--off\"], not \"wlr-randr --output HDMI-A-1 --off\"; using the default") in caplog.text


def test_start_pack_falls_back_to_the_last_good_one(tmp_path):
    from kiosk.content import load_pack as load
    from kiosk.system.packchoice import pick_pack, start_candidates
    from kiosk.system.settings import Settings
    good, broken = tmp_path / "good", tmp_path / "broken"
    shutil.copytree(MINIMAL_PACK, good)
    shutil.copytree(MINIMAL_PACK, broken)
    (broken / "pack.yaml").write_text("id: broken\n", encoding="utf-8")
    settings = Settings(pack=str(broken), last_good_pack=str(good))
    result, skipped = pick_pack(start_candidates(None, settings), load)
    assert result.root == good
    assert len(skipped) == 1 and "chosen by staff" in skipped[0] and "error" in skipped[0]
    settings = Settings(pack=str(tmp_path / "gone"), last_good_pack=None)
    result, skipped = pick_pack(start_candidates(None, settings), load)
    assert result.root == locations.BUILTIN_PACKS_DIR / locations.DEFAULT_PACK
    assert "is gone" in skipped[0]
    result, _ = pick_pack(start_candidates(good, Settings(pack=str(broken))), load)
    assert result.root == good, "a pack named on the command line wins"


def test_a_fault_in_the_checking_code_does_not_stop_the_show_starting(tmp_path, caplog):
    from kiosk.content import load_pack
    from kiosk.system.packchoice import pick_pack, start_candidates
    from kiosk.system.settings import Settings
    chosen, good = tmp_path / "chosen", tmp_path / "good"
    shutil.copytree(MINIMAL_PACK, chosen)
    shutil.copytree(MINIMAL_PACK, good)

    def load(folder):
        if folder == chosen:
            raise AttributeError("'NoneType' object has no attribute 'path'")  # as a validator bug did
        return load_pack(folder)

    result, skipped = pick_pack(start_candidates(None, Settings(pack=str(chosen), last_good_pack=str(good))), load)
    assert result.root == good
    assert skipped == [f"{chosen} (chosen by staff) could not be checked (a fault of the kiosk's, in the log)"]
    assert "NoneType" in caplog.text, "the fault is logged in full"
