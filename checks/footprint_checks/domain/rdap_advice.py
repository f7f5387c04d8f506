"""What to do about registration data: the remediation texts of domain.rdap."""

from __future__ import annotations

from footprint.models import ActionGroup, Effort, L10n, Link, Remediation
from footprint_checks.domain.registries import RegistryPage

_SIDN_PRIVACY = Link("https://www.sidn.nl/en/whois",
                     L10n(en="SIDN: look up a .nl domain", nl="SIDN: een .nl-domein opzoeken"))


def hide_contact_details(domain: str, fields: L10n) -> Remediation:
    return Remediation(
        summary=L10n(
            en=f"Have your registrar hide the {fields.en} in the registration of {domain}.",
            nl=f"Laat je registrar {fields.nl} in de registratie van {domain} afschermen."),
        steps=(
            L10n(en="Log in at the company where you registered the domain (your registrar or "
                    "hosting provider) and open the domain's contact (holder) details.",
                 nl="Log in bij het bedrijf waar je het domein registreerde (je registrar of "
                    "hostingpartij) en open de contactgegevens (houder) van het domein."),
            L10n(en="Turn on the privacy or 'shield contact details' option. If there is none, "
                    "replace your home address and private phone with a business or P.O. box "
                    "address and a work number, or register the domain in the name of your "
                    "company or party.",
                 nl="Zet de privacy-optie of 'contactgegevens afschermen' aan. Is die er niet, "
                    "vervang dan je huisadres en privénummer door een zakelijk adres of "
                    "postbus en een werknummer, of registreer het domein op naam van je bedrijf "
                    "of partij."),
            L10n(en="As an officeholder you may ask the registry to shield your details for "
                    "safety reasons; ask your registrar how.",
                 nl="Als bestuurder kun je de registry om veiligheidsredenen vragen je "
                    "gegevens af te schermen; vraag je registrar hoe."),
            L10n(en="Run footprint again after a day: registries update within hours.",
                 nl="Draai footprint na een dag opnieuw: registries werken binnen uren bij."),
        ),
        links=(_SIDN_PRIVACY,),
        effort=Effort.HOURS,
    )


def private_details_group(domain: str) -> ActionGroup:
    """Address, postcode and phone in one registration: one visit to the registrar."""
    return ActionGroup(f"registration:{domain}", L10n(
        en=f"Have your registrar shield your private details in the registration of {domain}",
        nl=f"Laat je registrar je privégegevens in de registratie van {domain} afschermen"))


def not_registered(domain: str, used_for_mail: bool) -> Remediation:
    steps = [
        L10n(en=f"Check the spelling of {domain} in your profile.",
             nl=f"Controleer de spelling van {domain} in je profiel."),
        L10n(en="If it is yours and it lapsed, register it again at a registrar today: "
                "anyone else may register it and then receive mail sent to it or publish "
                "pages that look like yours.",
             nl="Is het van jou en is het verlopen, registreer het dan vandaag opnieuw bij "
                "een registrar: een ander kan het anders registreren en dan mail aan dit "
                "domein ontvangen of pagina's publiceren die op de jouwe lijken."),
    ]
    if used_for_mail:
        steps.append(L10n(
            en="Until then, tell your contacts to stop writing to addresses at this domain, "
               "and move accounts that use such an address to another one.",
            nl="Vertel je contacten tot die tijd niet meer naar adressen op dit domein te "
               "mailen, en zet accounts met zo'n adres over op een ander adres."))
    return Remediation(
        summary=L10n(en=f"Re-register {domain} if it is yours, or correct your profile.",
                     nl=f"Registreer {domain} opnieuw als het van jou is, of verbeter je "
                        "profiel."),
        steps=tuple(steps), effort=Effort.MINUTES)


def manual_lookup(domain: str, tld: str, page: RegistryPage) -> Remediation:
    where = page.registry if page.known else f"the registry of .{tld}"
    where_nl = page.registry if page.known else f"de registry van .{tld}"
    steps = []
    if not page.known:
        steps.append(L10n(
            en=f"IANA's page for .{tld} names the registry and its website; open it first.",
            nl=f"IANA's pagina over .{tld} noemt de registry en haar website; open die eerst."))
    steps += [
        L10n(en=f"Look up {domain} in the WHOIS search of {where}.",
             nl=f"Zoek {domain} op in de WHOIS-zoekfunctie van {where_nl}."),
        L10n(en="Check whether the holder's name, street address, phone number or email "
                "address is shown.",
             nl="Kijk of de naam, het straatadres, het telefoonnummer of het e-mailadres van "
                "de houder wordt getoond."),
        L10n(en="If your home address or private phone number is shown, ask your registrar "
                "to shield it (see the advice for published registration data).",
             nl="Staat je huisadres of privénummer erbij, vraag je registrar dan om het af te "
                "schermen (zie het advies bij gepubliceerde registratiegegevens)."),
    ]
    return Remediation(
        summary=L10n(en=f"Look up {domain} at {where} yourself.",
                     nl=f"Zoek {domain} zelf op bij {where_nl}."),
        steps=tuple(steps),
        links=(Link(page.url, L10n(en=f"WHOIS look-up: {where}",
                                   nl=f"WHOIS-opzoeken: {where_nl}")),),
        effort=Effort.MINUTES)


def keep_it(domain: str) -> Remediation:
    return Remediation(
        summary=L10n(en=f"Nothing to do; keep the shielding of {domain} in place.",
                     nl=f"Niets te doen; laat de afscherming van {domain} zo staan."),
        steps=(L10n(en="When you move the domain to another registrar, check that the "
                       "shielding moves with it.",
                    nl="Verhuis je het domein naar een andere registrar, controleer dan dat de "
                       "afscherming meeverhuist."),),
        effort=Effort.MINUTES)
