"""The exported reports' words: views on the one catalogue (``footprint/words.toml``).

Each helper is the catalogue lookup bound to its namespace (``t("summary")`` reads
``report.summary``), so the exports and the terminal use the same words.
"""

from __future__ import annotations

from footprint.i18n import catalogue, words
from footprint.models import Effort, L10n, Lang, Severity, Status


def _capitalised(text: L10n) -> L10n:
    return L10n(en=text.en[:1].upper() + text.en[1:], nl=text.nl[:1].upper() + text.nl[1:])


# a severity on its own (a badge, a heading) starts with a capital; in a list, .lower()
SEVERITY: dict[Severity, L10n] = {s: _capitalised(words(f"severity.{s.label}"))
                                  for s in Severity}
EFFORT: dict[Effort, L10n] = {e: words(f"effort.{e.value}") for e in Effort}
STATUS: dict[Status, L10n] = {s: words(f"status.{s.value}") for s in Status}
SUPPRESSION_REASON: dict[str, L10n] = {key.split(".", 1)[1]: words(key)
                                       for key in catalogue().keys("suppression.")}


def t(key: str, lang: Lang, **values: object) -> str:
    return catalogue().t(f"report.{key}", lang, **values)


def d(key: str, lang: Lang, **values: object) -> str:
    return catalogue().t(f"diff.{key}", lang, **values)


def s(key: str, lang: Lang, **values: object) -> str:
    return catalogue().t(f"workshop.{key}", lang, **values)


def ho(key: str, lang: Lang, **values: object) -> str:
    return catalogue().t(f"handout.{key}", lang, **values)
