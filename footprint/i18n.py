"""The interface's own words in Dutch and English, and which language to speak."""

from __future__ import annotations

import locale
import os
from collections.abc import Iterable, Sequence
from functools import cache
from importlib.resources import files

from footprint.models import Effort, Kind, L10n, Lang, Severity, Status
from footprint.profile.markers import MARKER_LABELS, MarkerKind
from footprint.words import Words


@cache
def catalogue() -> Words:
    """footprint's words (``footprint/words.toml``), checked once: every status, severity,
    effort (also the plan's short effort word) and kind of identifier has its word in both
    languages."""
    required = [*(f"status.{s.value}" for s in Status),
                *(f"severity.{s.label}" for s in Severity),
                *(f"effort.{e.value}" for e in Effort),
                *(f"plan.effort.{e.value}" for e in Effort),
                *(f"marker.{kind.value}" for kind in MarkerKind),
                *(f"subject.{kind.value}" for kind in Kind)]
    text = (files("footprint") / "words.toml").read_text(encoding="utf-8")
    return Words.parse(text, "footprint/words.toml", required)


def t(key: str, lang: Lang, **values: object) -> str:
    """The one lookup for footprint's own words, by namespaced key ("report.summary")."""
    return catalogue().t(key, lang, **values)


def words(key: str, **values: object) -> L10n:
    """Both languages of ``key``, for a finding or a result that carries both."""
    return catalogue().l10n(key, **values)


def severity_name(severity: Severity, lang: Lang) -> str:
    return t(f"severity.{severity.label}", lang)


def status_name(status: Status, lang: Lang) -> str:
    return t(f"status.{status.value}", lang)


def effort_name(effort: Effort, lang: Lang) -> str:
    return t(f"effort.{effort.value}", lang)


def subject_kind_name(kind: str, lang: Lang) -> str:
    """A kind of identifier in words ("e-mailadres"); a kind of a plugin's own, which the
    catalogue cannot know, as the plugin named it."""
    key = f"subject.{kind}"
    return t(key, lang) if key in catalogue() else kind


def marker_sentence(key: str, kinds: Sequence[str], **values: object) -> L10n:
    """A ``marker.sentence`` about which private details matched (``{what}``), each named
    as a phrase that reads in a sentence ("je huisadres en de naam van een gezinslid")."""
    def listed(lang: Lang) -> str:
        phrases = [t(f"marker.{kind}", lang) for kind in dict.fromkeys(kinds)]
        if len(phrases) < 2:
            return "".join(phrases)
        return f"{', '.join(phrases[:-1])} {t('marker.sentence.and', lang)} {phrases[-1]}"

    def sentence(lang: Lang) -> str:
        text = t(f"marker.sentence.{key}", lang, what=listed(lang), **values)
        if catalogue().t(f"marker.sentence.{key}", lang).startswith("{what}"):
            text = text[:1].upper() + text[1:]
        return text

    return L10n(en=sentence("en"), nl=sentence("nl"))


def detect_lang(explicit: str | None = None) -> Lang:
    """``--lang``, else the locale: Dutch for a Dutch locale, English otherwise."""
    if explicit in ("nl", "en"):
        return explicit  # type: ignore[return-value]
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return "nl" if value.lower().startswith("nl") else "en"
    current = locale.getlocale()[0] or ""
    return "nl" if current.lower().startswith("nl") else "en"


def marker_phrase(kind: MarkerKind) -> L10n:
    """The catalogue's phrase for a kind ("je postcode", "de naam van een gezinslid")."""
    return words(f"marker.{kind.value}")


def yours_of(labels: Iterable[L10n]) -> L10n:
    """Marker labels as a sentence names them: "je huisadres en de naam van een gezinslid",
    in the catalogue's words (``marker.*``); a label of no kind (a finer one a check made)
    reads "je <label>"."""
    forms = {label.en: marker_phrase(kind) for kind, label in MARKER_LABELS.items()}
    parts = [forms.get(label.en) or L10n(en=f"your {label.en}", nl=f"je {label.nl}")
             for label in labels]
    conjunction = words("marker.sentence.and")

    def join(phrases: list[str], last: str) -> str:
        return (phrases[0] if len(phrases) == 1
                else f"{', '.join(phrases[:-1])} {last} {phrases[-1]}")

    if not parts:
        return L10n(en="", nl="")
    return L10n(en=join([p.en for p in parts], conjunction.en),
                nl=join([p.nl for p in parts], conjunction.nl))
