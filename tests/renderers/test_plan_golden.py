"""The plan of the demo persona in both languages and every format, as golden files; the
opening fits one screen (40 lines at 80 columns)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from footprint.cli.app import app

GOLDEN = Path(__file__).parent.parent / "golden"
runner = CliRunner()


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("FOOTPRINT_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} differs; rerun with FOOTPRINT_UPDATE_GOLDEN=1 after checking the change")


@pytest.fixture(scope="module", params=["en", "nl"])
def demo(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
         ) -> tuple[str, str, Path]:
    lang = request.param
    out = tmp_path_factory.mktemp(f"demo-{lang}")
    result = runner.invoke(app, ["demo", "--lang", lang, "--json", str(out / "d.json"),
                                 "--markdown", str(out / "d.md"), "--html", str(out / "d.html")],
                           env={"COLUMNS": "80", "LINES": "40"})
    assert result.exit_code == 0, result.output
    return lang, result.stdout, out


def _opening(screen: str, lang: str) -> str:
    rest = "The rest of the plan" if lang == "en" else "De rest van het plan"
    lines = screen.splitlines()
    end = next(i for i, line in enumerate(lines) if rest in line)
    return "\n".join(lines[:end]) + "\n"


def test_terminal_opening_fits_one_screen(demo: tuple[str, str, Path]) -> None:
    lang, screen, _ = demo
    opening = _opening(screen, lang)
    assert len(opening.splitlines()) <= 40
    assert max(len(line) for line in opening.splitlines()) <= 80
    first = "Do these first" if lang == "en" else "Doe dit eerst"
    assert first in opening and "INCOMPLETE" not in screen and "ONVOLLEDIG" not in screen
    _golden(f"demo_plan_{lang}.txt", opening)


def test_markdown_plan(demo: tuple[str, str, Path]) -> None:
    lang, _, out = demo
    text = (out / "d.md").read_text()
    plan = text.split("\n## Details")[0] + "\n"
    assert plan.count("- [ ] ") == len(json.loads((out / "d.json").read_text())["actions"])
    _golden(f"demo_plan_{lang}.md", plan)


def test_html_plan_is_the_first_page(demo: tuple[str, str, Path]) -> None:
    lang, _, out = demo
    text = (out / "d.html").read_text()
    body = text.split("<body>", 1)[1]
    plan = body.split('<p class="plan-end"></p>')[0]
    assert "plan-end{break-after:page" in text  # the details print from the next page
    _golden(f"demo_plan_{lang}.html", plan.replace("<li>", "\n<li>") + "\n")


def test_json_actions_and_completeness(demo: tuple[str, str, Path]) -> None:
    lang, _, out = demo
    report = json.loads((out / "d.json").read_text())
    summary = report["summary"]
    # the demo has four bot-protection pages: not complete, but the network was fine
    assert summary["complete"] is False and summary["network_unusable"] is False
    assert summary["undecided"] == 4 and report["previous"] is None
    shown = {"summary": summary, "actions": report["actions"]}
    _golden(f"demo_actions_{lang}.json", json.dumps(shown, ensure_ascii=False, indent=1) + "\n")
