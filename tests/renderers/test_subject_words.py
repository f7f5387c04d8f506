"""The kind of identifier a finding is about ("domein: ...", "e-mailadres: ...") comes from
the one catalogue in both languages: a Dutch report of the demo, in every format that shows
it, never says "domain:", "email:" or "url:"; the JSON keeps the machine value."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from footprint.cli.app import app
from footprint.i18n import catalogue, subject_kind_name
from footprint.models import Kind, Subject
from footprint.renderers.common import subject_text

runner = CliRunner()
FORMATS = ("md", "html", "csv")


def _label(kind: str, lang: str) -> str:
    return catalogue().t(f"subject.{kind}", "nl" if lang == "nl" else "en")


@pytest.mark.parametrize("kind", list(Kind))
def test_every_kind_has_a_word_in_both_languages(kind: Kind) -> None:
    en, nl = _label(kind.value, "en"), _label(kind.value, "nl")
    assert en.strip() and nl.strip() and en != nl
    assert nl != kind.value  # the Dutch word is a word, not the machine value
    assert subject_kind_name(kind.value, "nl") == nl
    assert subject_text(Subject(kind.value, "x"), "nl") == f"{nl}: x"


def test_a_plugins_own_kind_is_shown_as_named_and_the_profile_not_at_all() -> None:
    assert subject_text(Subject("mastodon_handle", "@a@b.example"), "nl") == (
        "mastodon_handle: @a@b.example")
    assert subject_text(Subject("domain\x1b[31m", "x\u202e.nl"), "nl") == "domain: x.nl"
    assert subject_text(Subject("profile", ""), "nl") is None


@pytest.fixture(scope="module")
def dutch_demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], dict]:
    out = tmp_path_factory.mktemp("demo-nl")
    args = ["demo", "--lang", "nl"]
    for suffix in ("json", *FORMATS):
        args += ["-o", str(out / f"d.{suffix}")]
    result = runner.invoke(app, args, env={"COLUMNS": "240", "LINES": "60"})
    assert result.exit_code == 0, result.output
    texts = {suffix: (out / f"d.{suffix}").read_text(encoding="utf-8") for suffix in FORMATS}
    texts["terminal"] = result.stdout
    return texts, json.loads((out / "d.json").read_text(encoding="utf-8"))


def _subjects(report: dict) -> set[tuple[str, str]]:
    return {(r["subject"]["kind"], r["subject"]["value"])
            for r in report["results"] if r["subject"]["value"]}


def test_dutch_demo_names_no_kind_in_english(dutch_demo: tuple[dict[str, str], dict]) -> None:
    texts, report = dutch_demo
    subjects = _subjects(report)
    kinds = {kind for kind, _ in subjects}
    assert {"domain", "email", "url", "username", "kvk"} <= kinds
    for name, shown in texts.items():
        # markdown escapes and defangs, HTML escapes: compare with the text as read
        text = html.unescape(shown.replace("\\", "").replace("[:]", ":").replace("[.]", "."))
        for kind, value in subjects:
            for english in {kind, _label(kind, "en")}:
                said = re.compile(rf"(?<![\w.-]){re.escape(english)} ?: ?{re.escape(value)}")
                assert not said.search(text), f"{name}: {english!r} before {value!r}"
            assert re.search(rf"{re.escape(_label(kind, 'nl'))}: {re.escape(value)}", text) or (
                name == "csv"), f"{name}: no Dutch word before {value!r}"


def test_dutch_csv_where_names_the_kind_in_dutch(dutch_demo: tuple[dict[str, str], dict]
                                                   ) -> None:
    texts, _ = dutch_demo
    rows = list(csv.reader(io.StringIO(texts["csv"])))
    assert rows[0][4] == "waar"
    labels = "|".join(re.escape(_label(kind.value, "nl")) for kind in Kind)
    where = [row[4] for row in rows[1:] if row[4] and not row[4].startswith("https://")]
    assert where and all(re.match(rf"({labels}): \S", cell) for cell in where), where


def test_json_keeps_the_machine_value(dutch_demo: tuple[dict[str, str], dict]) -> None:
    _, report = dutch_demo
    kinds = {r["subject"]["kind"] for r in report["results"]}
    kinds |= {f["subject"]["kind"] for r in report["results"] for f in r["findings"]}
    assert kinds <= {k.value for k in Kind} | {"profile"}
    assert "domain" in kinds and "domein" not in kinds


def test_english_report_names_the_kind_in_english(tmp_path: Path) -> None:
    md = tmp_path / "d.md"
    result = runner.invoke(app, ["demo", "--lang", "en", "-o", str(md)],
                           env={"COLUMNS": "240"})
    assert result.exit_code == 0, result.output
    text = md.read_text(encoding="utf-8")
    assert "(email address: femke\\@" in text and "domein:" not in text
    assert "web.pages · web page: https://" in result.stdout
