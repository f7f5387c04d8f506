"""The interface's own words in Dutch and English, and which language to speak."""

from __future__ import annotations

import locale
import os

from footprint.models import Lang, Severity, Status

_TEXTS: dict[str, tuple[str, str]] = {  # key: (en, nl)
    "report.title": ("footprint: your digital footprint", "footprint: je digitale voetafdruk"),
    "report.interrupted": ("INTERRUPTED: this report is incomplete",
                           "ONDERBROKEN: dit rapport is onvolledig"),
    "report.masked": ("presentation mode: personal data masked",
                      "presentatiemodus: persoonsgegevens gemaskeerd"),
    "summary.title": ("Summary", "Samenvatting"),
    "summary.level": ("Overall level", "Totaalniveau"),
    "summary.none": ("nothing exposed found", "niets gevonden dat je blootstelt"),
    "summary.exposures": ("Exposures by severity", "Blootstellingen per ernst"),
    "summary.checks": ("Checks by status", "Controles per status"),
    "summary.suppressed": ("{n} finding(s) marked by you (not shown; see `footprint ignore`)",
                           "{n} bevinding(en) door jou gemarkeerd (niet getoond; zie "
                           "`footprint ignore`)"),
    "findings.title": ("What was found", "Wat er gevonden is"),
    "findings.none": ("No exposures found by the checks that could decide.",
                      "De controles die konden beslissen vonden geen blootstellingen."),
    "manual.title": ("Check these yourself", "Kijk dit zelf na"),
    "good.title": ("Good news", "Goed nieuws"),
    "undecided.title": ("Could not be checked", "Kon niet worden gecontroleerd"),
    "undecided.note": ("These are NOT clear: footprint could not tell. Try again later or "
                       "check by hand.",
                       "Dit betekent NIET dat alles in orde is: footprint kon het niet "
                       "vaststellen. Probeer het later opnieuw of kijk het zelf na."),
    "sent.title": ("What was sent where", "Wat is waarheen gestuurd"),
    "sent.note": ("Only public identifiers leave this machine; private details are matched "
                  "locally.",
                  "Alleen openbare gegevens verlaten deze computer; privégegevens worden "
                  "lokaal vergeleken."),
    "sent.requests": ("{n} request(s)", "{n} verzoek(en)"),
    "col.check": ("check", "controle"),
    "col.subject": ("about", "over"),
    "col.status": ("status", "status"),
    "col.reason": ("reason", "reden"),
    "col.host": ("host", "host"),
    "col.sends": ("sends", "stuurt"),
    "finding.where": ("Where", "Waar"),
    "finding.excerpt": ("Excerpt", "Fragment"),
    "finding.todo": ("What to do", "Wat te doen"),
    "finding.effort": ("Effort", "Moeite"),
    "finding.id": ("id", "id"),
    "effort.minutes": ("minutes", "minuten"),
    "effort.hours": ("hours", "uren"),
    "effort.days": ("days (waiting on others)", "dagen (wachten op anderen)"),
    "effort.ongoing": ("ongoing", "doorlopend"),
    "progress.scanning": ("Scanning", "Bezig met scannen"),
}

_SEVERITY = {
    Severity.INFO: ("info", "info"), Severity.LOW: ("low", "laag"),
    Severity.MEDIUM: ("medium", "middel"), Severity.HIGH: ("high", "hoog"),
    Severity.CRITICAL: ("critical", "kritiek"),
}
_STATUS = {
    # the same words as the exports (renderers/texts.py STATUS)
    Status.EXPOSED: ("exposed", "gevonden"), Status.CLEAR: ("clear", "niets gevonden"),
    Status.MANUAL: ("check yourself", "zelf nakijken"),
    Status.INCONCLUSIVE: ("inconclusive", "geen uitsluitsel"), Status.ERROR: ("error", "fout"),
    Status.TIMEOUT: ("timed out", "time-out"), Status.SKIPPED: ("skipped", "overgeslagen"),
}


def t(key: str, lang: Lang, **values: object) -> str:
    en, nl = _TEXTS[key]
    text = nl if lang == "nl" else en
    return text.format(**values) if values else text


def severity_name(severity: Severity, lang: Lang) -> str:
    en, nl = _SEVERITY[severity]
    return nl if lang == "nl" else en


def status_name(status: Status, lang: Lang) -> str:
    en, nl = _STATUS[status]
    return nl if lang == "nl" else en


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
