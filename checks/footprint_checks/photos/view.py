"""The ``footprint photos`` report on the terminal. Every file-derived string is untrusted:
it goes through textsafe.clean and into rich.text.Text, never into markup."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from footprint.i18n import severity_name
from footprint.models import Lang, Severity
from footprint.textsafe import clean
from footprint_checks.photos.assess import HomeArea, PhotoAssessment, Where, describe_distance
from footprint_checks.photos.local import PhotoResult, display_names
from footprint_checks.photos.texts import (
    ANDROID_STEP,
    IPHONE_STEP,
    STRIP_STEP,
    precision_note,
    prose,
)


def _w(key: str, lang: Lang, **values: object) -> str:
    return prose().text(f"view.{key}", **values).get(lang)


def _location(a: PhotoAssessment, lang: Lang) -> Text:
    if a.where is None:
        if a.metadata.gps_tags:
            return Text(_w("gps-empty", lang), style="dim")
        return Text(_w("none", lang), style="green")
    distance = describe_distance(a.distance_m, lang) if a.distance_m is not None else ""
    style = {Where.AT_HOME: "bold red", Where.NEAR_HOME: "red", Where.UNKNOWN: "red",
             Where.ELSEWHERE: "yellow"}[a.where]
    text = Text(_w(a.where.value, lang, d=distance), style=style)
    note = precision_note(a)
    if note is not None:
        text.append(f" ({note.get(lang)})", style="dim")
    return text


def _details(a: PhotoAssessment) -> Text:
    m = a.metadata
    items = [f"{name}: {value}" for name, value in (*m.identifying, *m.location_names)]
    items += [f"{kind}" for kind in m.other]
    return Text(clean("; ".join(items), limit=160) or "-")


_SEVERITY_STYLE = {Severity.HIGH: "bold red", Severity.MEDIUM: "red", Severity.LOW: "yellow",
                   Severity.INFO: "green"}


def _verdict(a: PhotoAssessment, lang: Lang) -> Text:
    if not a.metadata.has_metadata:
        return Text(_w("no-metadata", lang), style="green")
    return Text(severity_name(a.severity, lang), style=_SEVERITY_STYLE.get(a.severity, ""))


def render(results: Sequence[PhotoResult], home: HomeArea | None, lang: Lang,
           console: Console) -> None:
    if not results:
        console.print(Text(_w("no-photos", lang)))
        return
    table = Table(show_lines=False)
    for key in ("file", "location", "taken", "camera", "details", "verdict"):
        table.add_column(_w(key, lang), overflow="fold")
    names = display_names([r.file.path for r in results])
    for r, shown in zip(results, names, strict=True):
        name = Text(clean(shown, limit=60))
        if r.assessment is None:
            table.add_row(name, Text(_w("unreadable", lang), style="bold magenta"), "", "",
                          Text(clean(r.error.get(lang) if r.error else "", limit=120)), "")
            continue
        a = r.assessment
        table.add_row(name, _location(a, lang), Text(clean(a.metadata.taken_at or "-")),
                      Text(clean(a.metadata.camera or "-", limit=40)), _details(a),
                      _verdict(a, lang))
    console.print(table)
    if home is None:
        console.print(Text(_w("no-home", lang), style="yellow"))
    else:
        console.print(Text(_w("radius", lang, r=home.radius_m), style="dim"))
    for r in results:
        if r.cleaned is not None:
            console.print(Text(_w("cleaned", lang, p=clean(str(r.cleaned)))))
        if r.strip_error is not None:
            console.print(Text(_w("not-cleaned", lang, f=clean(str(r.file.path)),
                                  e=clean(r.strip_error.get(lang))), style="magenta"))
    assessed = [r.assessment for r in results if r.assessment is not None]
    console.print(Text(_w("summary", lang, n=len(assessed),
                          home=sum(1 for a in assessed if a.where is Where.AT_HOME),
                          gps=sum(1 for a in assessed if a.where is not None),
                          bad=sum(1 for r in results if r.assessment is None)), style="bold"))
    if any(a.where is not None or a.metadata.identifying for a in assessed):
        console.print(Text(_w("advice", lang), style="bold"))
        for step in (STRIP_STEP, IPHONE_STEP, ANDROID_STEP):
            console.print(Text("- " + step.get(lang)))
