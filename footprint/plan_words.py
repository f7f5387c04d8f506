"""The words of the plan, the verdict and the scan memory, in both languages.

One block under the ``plan.`` namespace, used alike by the terminal and every export, so the
screen and the files say the same thing for the same state.
"""

from __future__ import annotations

from footprint.models import L10n, Lang

PLAN: dict[str, L10n] = {
    # the verdict
    "plan.verdict": L10n(en="Verdict", nl="Oordeel"),
    "plan.nothing": L10n(en="nothing exposed found", nl="niets gevonden dat je blootstelt"),
    "plan.nothing_partial": L10n(
        en="no exposures among the {decided} checks that could decide; {undecided} could "
           "not: see below",
        nl="niets gevonden bij de {decided} controles die konden beslissen; {undecided} "
           "konden dat niet: zie verderop"),
    "plan.nothing_decided": L10n(
        en="nothing decided: none of the {undecided} checks could decide, see below",
        nl="niets beslist: geen van de {undecided} controles kon beslissen, zie verderop"),
    "plan.all_decided": L10n(en="every check came to a verdict",
                             nl="elke controle kwam tot een oordeel"),
    "plan.nothing_interrupted": L10n(
        en="no exposures among the {decided} checks that finished, but the scan was "
           "interrupted: the rest did not run",
        nl="niets gevonden bij de {decided} controles die klaar waren, maar de scan is "
           "onderbroken: de rest is niet gedraaid"),
    "plan.partial": L10n(en="{undecided} checks could not decide: see below",
                         nl="{undecided} controles konden niet beslissen: zie verderop"),
    "plan.partial_one": L10n(en="1 check could not decide: see below",
                             nl="1 controle kon niet beslissen: zie verderop"),
    "plan.incomplete": L10n(en="INCOMPLETE", nl="ONVOLLEDIG"),
    "plan.unusable": L10n(
        en="{failed} of the {network} checks that needed the network could not connect "
           "({causes}). {hint} Nothing below means you are fine.",
        nl="{failed} van de {network} controles die het netwerk nodig hadden kregen geen "
           "verbinding ({causes}). {hint} Niets hieronder betekent dat alles in orde is."),
    "plan.hint.network": L10n(en="No network? A proxy needed?",
                              nl="Geen netwerk? Is er een proxy nodig?"),
    "plan.hint.dns": L10n(en="Names could not be looked up: no network? A proxy needed?",
                          nl="Namen konden niet worden opgezocht: geen netwerk? Is er een "
                             "proxy nodig?"),
    "plan.hint.proxy": L10n(en="The proxy failed: check --proxy and HTTPS_PROXY.",
                            nl="De proxy faalde: controleer --proxy en HTTPS_PROXY."),
    "plan.hint.tls": L10n(
        en="Certificates were refused: is a network filter inspecting TLS? See the "
           "network section of the docs.",
        nl="Certificaten werden geweigerd: inspecteert een netwerkfilter TLS? Zie het "
           "netwerkdeel van de documentatie."),
    "plan.cause.dns": L10n(en="name lookup", nl="naam opzoeken"),
    "plan.cause.refused": L10n(en="refused", nl="geweigerd"),
    "plan.cause.unreachable": L10n(en="unreachable", nl="onbereikbaar"),
    "plan.cause.tls": L10n(en="TLS", nl="TLS"),
    "plan.cause.proxy": L10n(en="proxy", nl="proxy"),
    "plan.cause.connect-timeout": L10n(en="no answer", nl="geen antwoord"),
    "plan.cause.connect": L10n(en="no connection", nl="geen verbinding"),
    # the plan
    "plan.actions": L10n(en="Actions", nl="Acties"),
    "plan.actions_count": L10n(en="{open} to do ({guided} of them to check yourself)",
                               nl="{open} te doen (waarvan {guided} zelf na te kijken)"),
    "plan.actions_done": L10n(en="{n} marked done", nl="{n} als gedaan gemarkeerd"),
    "plan.first": L10n(en="Do these first", nl="Doe dit eerst"),
    "plan.first_hint": L10n(
        en="Most serious first, then the quickest. Mark one done with 'footprint done ID'.",
        nl="Het ernstigste eerst, daarna het snelste. Markeer iets als gedaan met "
           "'footprint done ID'."),
    "plan.rest": L10n(en="The rest of the plan", nl="De rest van het plan"),
    "plan.none": L10n(en="Nothing to do: the checks that could decide found nothing.",
                      nl="Niets te doen: de controles die konden beslissen vonden niets."),
    "plan.details": L10n(en="Details", nl="Details"),
    "plan.still_there": L10n(en="you marked this done on {date}, but it is still there",
                             nl="je markeerde dit op {date} als gedaan, maar het is er nog"),
    "plan.done_title": L10n(en="Marked done by you", nl="Door jou als gedaan gemarkeerd"),
    "plan.done_item": L10n(en="done on {date}", nl="gedaan op {date}"),
    "plan.done_hint": L10n(
        en="No scan can check these; they stay done until you reopen them "
           "('footprint reopen ID').",
        nl="Geen scan kan dit nakijken; het blijft gedaan tot je het heropent "
           "('footprint reopen ID')."),
    "plan.fixes": L10n(en="Fixes", nl="Lost op"),
    "plan.fact.source": L10n(en="Sources", nl="Bronnen"),
    "plan.fact.data": L10n(en="Leaked", nl="Gelekt"),
    "plan.fact.date": L10n(en="Since", nl="Sinds"),
    "plan.guided": L10n(en="check yourself", nl="zelf nakijken"),
    # memory between scans
    "plan.since": L10n(en="Since {date}", nl="Sinds {date}"),
    "plan.since_counts": L10n(en="{resolved} resolved, {new} new, {open} still open",
                              nl="{resolved} opgelost, {new} nieuw, {open} nog open"),
    # footprint history / done / reopen
    "history.none": L10n(en="No saved scans for this profile yet ({folder}).",
                         nl="Nog geen bewaarde scans voor dit profiel ({folder})."),
    "history.col.when": L10n(en="scanned", nl="gescand"),
    "history.col.level": L10n(en="level", nl="niveau"),
    "history.col.exposures": L10n(en="exposures", nl="blootstellingen"),
    "history.col.actions": L10n(en="to do", nl="te doen"),
    "history.col.undecided": L10n(en="could not decide", nl="geen oordeel"),
    "history.nothing": L10n(en="nothing found", nl="niets gevonden"),
    "history.incomplete": L10n(en="incomplete", nl="onvolledig"),
    "history.need_two": L10n(en="footprint diff needs two saved scans of this profile; there "
                                "is {n}. Scan again, or give two report files.",
                             nl="footprint diff heeft twee bewaarde scans van dit profiel "
                                "nodig; er is er {n}. Scan opnieuw, of geef twee "
                                "rapportbestanden."),
    "done.marked": L10n(
        en="Marked done: {title} ({id}). The next scan checks it again: if it is still "
           "there, it comes back at the top.",
        nl="Als gedaan gemarkeerd: {title} ({id}). De volgende scan kijkt het opnieuw na: "
           "is het er nog, dan komt het weer bovenaan."),
    "done.marked_guided": L10n(
        en="Marked done: {title} ({id}). No scan can check this step, so it stays done "
           "until you reopen it (footprint reopen {id}).",
        nl="Als gedaan gemarkeerd: {title} ({id}). Geen scan kan deze stap nakijken; hij "
           "blijft gedaan tot je hem heropent (footprint reopen {id})."),
    "done.unknown": L10n(
        en="{id} is no action or finding id of the last saved scan ({when}); "
           "'footprint history' shows it, the report lists the ids",
        nl="{id} is geen actie- of bevinding-id uit de laatste bewaarde scan ({when}); "
           "'footprint history' toont die, het rapport noemt de id's"),
    "done.reopened": L10n(en="Reopened {id}: it is on the plan again.",
                          nl="{id} heropend: het staat weer op het plan."),
    "done.not_marked": L10n(en="{id} was not marked done.",
                            nl="{id} was niet als gedaan gemarkeerd."),
}


def w(key: str, lang: Lang, **values: object) -> str:
    text = PLAN[key].get(lang)
    return text.format(**values) if values else text
