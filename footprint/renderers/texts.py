"""The fixed wording of the exported reports, in both languages."""

from __future__ import annotations

from footprint.models import Effort, L10n, Lang, Severity, Status

SEVERITY: dict[Severity, L10n] = {
    Severity.CRITICAL: L10n(en="Critical", nl="Kritiek"),
    Severity.HIGH: L10n(en="High", nl="Hoog"),
    Severity.MEDIUM: L10n(en="Medium", nl="Middel"),
    Severity.LOW: L10n(en="Low", nl="Laag"),
    Severity.INFO: L10n(en="Info", nl="Info"),
}

EFFORT: dict[Effort, L10n] = {
    Effort.MINUTES: L10n(en="a few minutes", nl="een paar minuten"),
    Effort.HOURS: L10n(en="an hour or so", nl="een uurtje of meer"),
    Effort.DAYS: L10n(en="a few days", nl="een paar dagen"),
    Effort.ONGOING: L10n(en="ongoing", nl="doorlopend"),
}

STATUS: dict[Status, L10n] = {
    Status.EXPOSED: L10n(en="exposed", nl="gevonden"),
    Status.CLEAR: L10n(en="clear", nl="niets gevonden"),
    Status.MANUAL: L10n(en="check yourself", nl="zelf nakijken"),
    Status.INCONCLUSIVE: L10n(en="inconclusive", nl="geen uitsluitsel"),
    Status.ERROR: L10n(en="error", nl="fout"),
    Status.TIMEOUT: L10n(en="timed out", nl="time-out"),
    Status.SKIPPED: L10n(en="skipped", nl="overgeslagen"),
}

SUPPRESSION_REASON: dict[str, L10n] = {
    "not-me": L10n(en="not me", nl="niet ik"),
    "intentionally-public": L10n(en="intentionally public", nl="bewust openbaar"),
    "done": L10n(en="done", nl="gedaan"),
}

T: dict[str, L10n] = {
    "title": L10n(en="Footprint report", nl="Footprint-rapport"),
    "generated": L10n(en="Scanned {when} with footprint {version}.",
                      nl="Gescand op {when} met footprint {version}."),
    "interrupted": L10n(en="The scan was interrupted: these results are incomplete.",
                        nl="De scan is onderbroken: deze resultaten zijn onvolledig."),
    "masked": L10n(en="Presentation mode: names and identifiers are replaced by pseudonyms.",
                   nl="Presentatiemodus: namen en gegevens zijn vervangen door schuilnamen."),
    "summary": L10n(en="Summary", nl="Samenvatting"),
    "overall": L10n(en="Overall level", nl="Totaalniveau"),
    "overall_none": L10n(en="no exposures found", nl="geen blootstelling gevonden"),
    "exposures": L10n(en="Exposures", nl="Blootstellingen"),
    "checks_run": L10n(en="Checks", nl="Controles"),
    "todo": L10n(en="To do, by priority", nl="Te doen, op prioriteit"),
    "todo_hint": L10n(en="Within each priority the quickest fixes come first.",
                      nl="Binnen elke prioriteit staan de snelste oplossingen bovenaan."),
    "no_todo": L10n(en="Nothing to fix: the checks that could decide found no exposures.",
                    nl="Niets op te lossen: de controles die konden beslissen vonden niets."),
    "priority": L10n(en="Priority: {level}", nl="Prioriteit: {level}"),
    "where": L10n(en="Where", nl="Waar"),
    "excerpt": L10n(en="Excerpt", nl="Fragment"),
    "matched": L10n(en="Found", nl="Gevonden"),
    "about": L10n(en="About", nl="Over"),
    "what_to_do": L10n(en="What to do", nl="Wat te doen"),
    "effort": L10n(en="effort", nl="moeite"),
    "links": L10n(en="Links", nl="Links"),
    "guided": L10n(en="Check these yourself", nl="Kijk dit zelf na"),
    "guided_hint": L10n(en="No tool can check these for you; each step says how.",
                        nl="Geen tool kan dit voor je nakijken; elke stap zegt hoe."),
    "good": L10n(en="Good news", nl="Goed nieuws"),
    "undecided": L10n(en="Could not be checked", nl="Kon niet worden gecontroleerd"),
    "undecided_hint": L10n(
        en="These checks came to no verdict; that is not the same as 'nothing found'.",
        nl="Deze controles kwamen niet tot een oordeel; dat is niet hetzelfde als "
           "'niets gevonden'."),
    "suppressed": L10n(en="Marked by you", nl="Door jou gemarkeerd"),
    "suppressed_count": L10n(
        en="{n} finding(s) marked as not me, intentionally public or done; they are kept "
           "in the JSON report and in your profile.",
        nl="{n} bevinding(en) gemarkeerd als niet ik, bewust openbaar of gedaan; ze staan "
           "nog in het JSON-rapport en in je profiel."),
    "sent": L10n(en="What was sent where", nl="Wat is waarheen gestuurd"),
    "declared": L10n(en="Declared by the checks", nl="Zoals de controles het opgeven"),
    "contacted": L10n(en="Hosts actually contacted", nl="Werkelijk benaderde hosts"),
    "requests": L10n(en="{n} request(s)", nl="{n} verzoek(en)"),
    "nothing_sent": L10n(en="Nothing was sent to any service.",
                         nl="Er is niets naar een dienst gestuurd."),
    "private_note": L10n(
        en="Private details (home address, private phone, family names) were only matched "
           "on this computer and never sent.",
        nl="Privégegevens (huisadres, privénummer, namen van gezinsleden) zijn alleen op "
           "deze computer vergeleken en nooit verstuurd."),
    "id": L10n(en="id", nl="id"),
}


def t(key: str, lang: Lang, **values: object) -> str:
    text = T[key].get(lang)
    return text.format(**values) if values else text

DIFF: dict[str, L10n] = {
    "title": L10n(en="Progress since the previous scan", nl="Voortgang sinds de vorige scan"),
    "between": L10n(en="From the scan of {old} to the scan of {new}.",
                    nl="Van de scan van {old} tot de scan van {new}."),
    "counts": L10n(
        en="{new} new, {resolved} resolved, {open} still open, {changed} changed severity",
        nl="{new} nieuw, {resolved} opgelost, {open} nog open, {changed} andere ernst"),
    "new": L10n(en="New", nl="Nieuw"),
    "resolved": L10n(en="Resolved", nl="Opgelost"),
    "changed": L10n(en="Changed severity", nl="Andere ernst"),
    "still_open": L10n(en="Still open", nl="Nog open"),
    "not_rechecked": L10n(en="Not rechecked", nl="Niet opnieuw gecontroleerd"),
    "not_rechecked_hint": L10n(
        en="The check could not decide this time, so these are not counted as resolved.",
        nl="De controle kon deze keer niet beslissen, dus deze tellen niet als opgelost."),
    "suppressed": L10n(en="Marked by you since", nl="Sindsdien door jou gemarkeerd"),
    "suppressed_total": L10n(en="{n} finding(s) marked by you in total.",
                             nl="{n} bevinding(en) in totaal door jou gemarkeerd."),
    "good_gained": L10n(en="Protections now in place", nl="Nieuwe bescherming"),
    "good_lost": L10n(en="Protections no longer seen", nl="Bescherming niet meer gezien"),
    "no_changes": L10n(en="Nothing changed.", nl="Er is niets veranderd."),
    "was": L10n(en="was {old}", nl="was {old}"),
}


def d(key: str, lang: Lang, **values: object) -> str:
    text = DIFF[key].get(lang)
    return text.format(**values) if values else text

SUMMARY: dict[str, L10n] = {
    "title": L10n(en="Workshop summary", nl="Samenvatting van de workshop"),
    "intro": L10n(en="Group figures from {n} participants' reports. No names, identifiers or "
                     "addresses are included.",
                  nl="Groepscijfers uit de rapporten van {n} deelnemers. Er staan geen namen, "
                     "gegevens of adressen in."),
    "small": L10n(en="Careful: with fewer than {n} participants these figures can point at "
                     "one person. Share them with care.",
                  nl="Let op: met minder dan {n} deelnemers kunnen deze cijfers naar één "
                     "persoon wijzen. Deel ze voorzichtig."),
    "duplicates": L10n(en="{n} report(s) look like a second report of the same person.",
                       nl="{n} rapport(en) lijken een tweede rapport van dezelfde persoon."),
    "overall": L10n(en="Participants by their most serious finding",
                    nl="Deelnemers naar hun ernstigste bevinding"),
    "none": L10n(en="nothing found", nl="niets gevonden"),
    "at_least_high": L10n(en="{n} of {total} participants have at least one high or "
                             "critical finding.",
                          nl="{n} van de {total} deelnemers hebben minstens één hoge of "
                             "kritieke bevinding."),
    "incomplete": L10n(en="Reports with checks that could not decide", nl="Rapporten met "
                       "controles die niet konden beslissen"),
    "interrupted": L10n(en="Interrupted scans", nl="Onderbroken scans"),
    "suppressed": L10n(en="Findings marked by participants", nl="Door deelnemers "
                       "gemarkeerde bevindingen"),
    "families": L10n(en="By check family", nl="Per soort controle"),
    "checks": L10n(en="By check", nl="Per controle"),
    "col_name": L10n(en="Check", nl="Controle"),
    "col_family": L10n(en="Family", nl="Soort"),
    "col_exposed": L10n(en="Participants with a finding", nl="Deelnemers met een bevinding"),
    "col_checked": L10n(en="Checked", nl="Gecontroleerd"),
    "col_subjects": L10n(en="Identifiers affected", nl="Betrokken gegevens"),
    "col_worst": L10n(en="Most serious (participants)", nl="Ernstigste (deelnemers)"),
}


def s(key: str, lang: Lang, **values: object) -> str:
    text = SUMMARY[key].get(lang)
    return text.format(**values) if values else text

HANDOUT: dict[str, L10n] = {
    "title": L10n(en="Footprint checklist", nl="Footprint-checklist"),
    "intro": L10n(
        en="What you can check and fix yourself to make your home, family and accounts "
           "harder to find. Tick off each step; footprint scan checks the rest for you.",
        nl="Wat je zelf kunt nakijken en regelen om je huis, gezin en accounts lastiger "
           "vindbaar te maken. Vink elke stap af; footprint scan controleert de rest voor je."),
    "steps": L10n(en="Steps to take yourself", nl="Stappen om zelf te zetten"),
    "scan": L10n(en="What 'footprint scan' checks for you",
                 nl="Wat 'footprint scan' voor je controleert"),
    "scan_hint": L10n(en="Run 'footprint demo' to see an example, 'footprint init' to start.",
                      nl="Draai 'footprint demo' voor een voorbeeld, 'footprint init' om te "
                         "beginnen."),
    "more": L10n(en="… and {n} more ('footprint checks' lists them all)",
                 nl="… en nog {n} ('footprint checks' toont ze allemaal)"),
    "done": L10n(en="{n} step(s) you marked as done are left out.",
                 nl="{n} stap(pen) die je als gedaan hebt gemarkeerd zijn weggelaten."),
}


def ho(key: str, lang: Lang, **values: object) -> str:
    text = HANDOUT[key].get(lang)
    return text.format(**values) if values else text
