"""The photos family's words: all in texts.toml, in both languages, and the evidence of a
photo linked from the person's pages reads in the report's language."""

from __future__ import annotations

import re
import tomllib
from importlib.resources import files
from pathlib import Path

import httpx
import respx
from bs4 import BeautifulSoup
from footprint_checks.photos import texts
from footprint_checks.photos.assess import HomeArea, Where, assess
from footprint_checks.photos.linked import audit_linked_images
from footprint_checks.photos.local import PhotoFile, PhotoResult, audit_paths
from footprint_checks.photos.metadata import metadata_from_bytes
from footprint_checks.photos.view import render as render_view
from renderers.reports import sample_report
from rich.console import Console

from footprint.models import CheckResult, Lang, Report, Status, Subject
from footprint.renderers import html, markdown
from footprint.ui.report_view import render_report

from .factory import AT_HOME, HOME, home_profile, make_photo

HOME_AREA = HomeArea(HOME[0], HOME[1], 250)
PACKAGE = files("footprint_checks.photos")
PAGE = Subject("url", "https://gemeente.example/raad/jan-de-vries")
# the same in both languages on purpose: a tag name, a file's value, "ok"
SAME_IN_BOTH = {"texts.view.camera", "texts.view.no-metadata", "texts.evidence.camera"}


def _leaves(node: dict[str, object], prefix: str) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for name, value in node.items():
        assert isinstance(value, dict), f"{prefix}{name}"
        if "en" in value or "nl" in value:
            out[f"{prefix}{name}"] = value
        else:
            out |= _leaves(value, f"{prefix}{name}.")
    return out


def _catalogue() -> dict[str, dict[str, str]]:
    """Every text of texts.toml by key: phrases, steps, link labels and summaries."""
    data = tomllib.loads((PACKAGE / "texts.toml").read_text(encoding="utf-8"))
    return (_leaves(data["texts"], "texts.") | _leaves(data["steps"], "steps.")
            | _leaves(data["links"], "links.")
            | {f"remediations.{name}.summary": entry["summary"]
               for name, entry in data["remediations"].items()})


def _code() -> str:
    return "\n".join(path.read_text(encoding="utf-8")
                     for path in sorted(Path(str(PACKAGE)).glob("*.py")))


def test_every_photos_text_is_written_in_both_languages() -> None:
    for key, entry in _catalogue().items():
        en, nl = entry.get("en"), entry.get("nl")
        assert isinstance(en, str) and en.strip(), f"{key}: no English"
        assert isinstance(nl, str) and nl.strip(), f"{key}: no Dutch"
        if key not in SAME_IN_BOTH:
            assert en != nl, f"{key}: the Dutch is still the English"


def test_every_key_the_code_names_exists_and_every_text_is_used() -> None:
    code = _code()
    texts_keys = {key.removeprefix("texts.") for key in _catalogue() if key.startswith("texts.")}
    named = re.findall(r'(?:say|text)\(f?"([\w.-]+)', code)
    named += [f"view.{key}" for key in re.findall(r'_w\("([\w-]+)"', code)]
    assert len(named) > 10
    for key in named:
        # an f-string key ("title.{key}") names a prefix: some text must start with it
        assert key in texts_keys or (key.endswith(".") and any(
            k.startswith(key) for k in texts_keys)), f"{key!r} is not in texts.toml"
    for where in Where:
        assert f"view.{where.value}" in texts_keys
    for key in texts_keys:  # a text nobody names is a text nobody reads
        last = key.rsplit(".", 1)[1]
        assert f'"{key}"' in code or f'"{last}"' in code, f"{key} is not used"


def _report(findings: list, lang: Lang) -> Report:
    result = CheckResult("web.pages", PAGE, Status.EXPOSED, tuple(findings))
    return sample_report(results=(result,), lang=lang)


def _views(report: Report) -> dict[str, str]:
    console = Console(record=True, width=400, color_system=None)
    render_report(console, report)
    return {"terminal": console.export_text(),
            # markdown escapes brackets: compared as the reader sees it
            "markdown": markdown.render(report, report.lang).replace("\\", ""),
            "html": BeautifulSoup(html.render(report, report.lang), "html.parser").get_text()}


async def test_linked_photo_evidence_is_dutch_in_a_dutch_report(
        router: respx.MockRouter, make_context) -> None:
    router.get("https://gemeente.example/img/tuin.jpg").mock(return_value=httpx.Response(
        200, headers={"content-type": "image/jpeg"}, content=make_photo(AT_HOME)))
    router.get("https://gemeente.example/img/weg.jpg").mock(return_value=httpx.Response(404))
    router.get("https://gemeente.example/img/waf.jpg").mock(return_value=httpx.Response(
        200, headers={"content-type": "text/html"}, content=b"<html>challenge</html>"))
    findings = await audit_linked_images(
        ["https://gemeente.example/img/tuin.jpg", "https://gemeente.example/img/weg.jpg",
         "https://gemeente.example/img/waf.jpg"],
        make_context(home_profile()), "web.pages", PAGE)
    dutch = _views(_report(findings, "nl"))
    english = _views(_report(findings, "en"))
    for name, text in dutch.items():
        assert "GPS-positie op 70 m van je huis" in text, name
        assert "genomen op 2026:05:01" in text, name
        assert "2 afbeelding(en) niet gecontroleerd" in text, name
        assert "stuurde text/html terug in plaats van een afbeelding" in text, name
        for english_words in ("from home", "taken 2026", "not checked", "answered with"):
            assert english_words not in text, (name, english_words)
    for name, text in english.items():
        assert "GPS 70 m from home" in text, name
        assert "answered with text/html instead of an image" in text, name
        assert "van je huis" not in text, name


def test_a_coarse_position_reads_with_a_decimal_comma_in_dutch() -> None:
    """A camera that stored the seconds as 0/0: the precision note in both languages, in
    the finding's title and in the 'footprint photos' table."""
    a = assess(metadata_from_bytes(make_photo(AT_HOME, undefined_seconds=True)), HOME_AREA)
    note = texts.precision_note(a)
    assert note is not None
    assert note.en == "position precise to within about 1.9 km"
    assert note.nl == "positie tot op ongeveer 1,9 km nauwkeurig"
    result = PhotoResult(PhotoFile(Path("IMG_0001.JPG"), Path("IMG_0001.JPG")), a)
    for lang, words in (("nl", "bij huis: binnen 880 m (positie tot op ongeveer 1,9 km"),
                        ("en", "at home: within 880 m (position precise to within about")):
        console = Console(record=True, width=400, color_system=None)
        render_view([result], HOME_AREA, lang, console)  # type: ignore[arg-type]
        assert words in console.export_text(), lang


def test_unchecked_reasons_and_undecided_reasons_have_their_dutch() -> None:
    over = texts.say("unchecked.over-cap", max=10)
    assert over.nl == "niet opgehaald: meer dan 10 afbeeldingen"
    first = texts.say("unchecked.network", error="ConnectTimeout")
    none = texts.say("inconclusive.none-checked", n=3, first=first)
    assert none.en == "none of the 3 linked images could be checked " \
                      "(first: network error (ConnectTimeout))"
    assert none.nl == "geen van de 3 gelinkte afbeeldingen kon worden gecontroleerd " \
                      "(de eerste: netwerkfout (ConnectTimeout))"


def test_footprint_photos_says_in_dutch_why_a_file_was_not_checked_or_cleaned(
        tmp_path: Path) -> None:
    """The local command: an unreadable file and a refused cleaned copy, in both languages."""
    (tmp_path / "IMG_0002.NEF").write_bytes(b"a camera RAW footprint cannot read")
    (tmp_path / "tuin.jpg").write_bytes(make_photo(AT_HOME))
    out = tmp_path / "schoon"
    out.mkdir()
    (out / "tuin.jpg").write_bytes(b"keep me")
    results = {r.file.path.name: r for r in audit_paths([tmp_path], HOME_AREA, strip_to=out)}
    raw, kept = results["IMG_0002.NEF"].error, results["tuin.jpg"].strip_error
    assert raw is not None and kept is not None
    assert raw.nl.startswith("footprint kan dit formaat niet lezen: exporteer")
    assert raw.en.startswith("not a format footprint reads: export a copy")
    assert kept.nl == f"{out / 'tuin.jpg'} bestaat al; niet overschreven"
    assert kept.en == f"{out / 'tuin.jpg'} already exists; not overwritten"
    console = Console(record=True, width=400, color_system=None)
    render_view(list(results.values()), HOME_AREA, "nl", console)
    shown = console.export_text()
    assert "NIET GECONTROLEERD" in shown and "footprint kan dit formaat niet lezen" in shown
    assert "bestaat al; niet overschreven" in shown and "already exists" not in shown
