"""What to do about one breach or paste: ordered steps, in both languages, with links."""

from __future__ import annotations

from footprint.models import Effort, L10n, Link, Remediation
from footprint_checks.breach.data import settings_for
from footprint_checks.breach.model import Breach, Paste

TWO_FA = Link("https://2fa.directory/", L10n(en="2FA Directory: which sites offer two-factor "
                                                "authentication", nl="2FA Directory: welke "
                                                "sites tweestapsverificatie bieden"))
FRAUD = Link("https://www.fraudehelpdesk.nl/", L10n(en="Fraudehelpdesk (report phishing)",
                                                    nl="Fraudehelpdesk (phishing melden)"))
WEERBAAR = Link("https://weerbaarbestuur.nl", L10n(en="Weerbaar Bestuur (support for "
                                                      "officeholders)",
                                                   nl="Weerbaar Bestuur (steun voor "
                                                      "ambtsdragers)"))

_STEALER = L10n(
    en="Assume a device you logged in on was infected: scan it with up-to-date security "
       "software or reinstall it, then change the passwords of every account used on it "
       "(email first) and log out all other sessions.",
    nl="Ga ervan uit dat een apparaat waarop je inlogde besmet was: scan het met actuele "
       "beveiligingssoftware of installeer het opnieuw, wijzig daarna de wachtwoorden van alle "
       "accounts die je erop gebruikte (e-mail eerst) en log alle andere sessies uit.")
_TWO_FA = L10n(
    en="Turn on two-factor authentication there and on your email account, so a leaked "
       "password alone is not enough to get in.",
    nl="Zet daar en op je e-mailaccount tweestapsverificatie aan, zodat een gelekt wachtwoord "
       "alleen niet genoeg is om binnen te komen.")
_ALIAS = L10n(
    en="Use a separate alias address for this site (your mail provider, Firefox Relay or "
       "SimpleLogin offer them), so a future leak cannot be tied to your main address.",
    nl="Gebruik voor deze site een apart aliasadres (via je mailprovider, Firefox Relay of "
       "SimpleLogin), zodat een volgend lek niet aan je hoofdadres te koppelen is.")
_CHECK_PASSWORDS = L10n(
    en="Check the passwords you still use with 'footprint password' (only a 5-character hash "
       "prefix leaves your computer).",
    nl="Controleer de wachtwoorden die je nog gebruikt met 'footprint password' (alleen een "
       "hashvoorvoegsel van 5 tekens verlaat je computer).")
_SPAM = L10n(
    en="There is no account to secure: mark these mails as spam and never use links in them.",
    nl="Er is geen account te beveiligen: markeer deze mails als spam en gebruik nooit de "
       "links erin.")
_ADDRESS = L10n(
    en="Your home address is in this leak: treat it as known to others and discuss it with "
       "your griffie or the security contact of your municipality.",
    nl="Je huisadres staat in dit lek: ga ervan uit dat anderen het kennen en bespreek dit "
       "met je griffie of de veiligheidscontactpersoon van je gemeente.")

_WATCH = (  # data class -> what phishing with it looks like
    ("Phone numbers", L10n(en="calls and text messages that pretend to be your bank or a "
                              "colleague", nl="telefoontjes en sms'jes die zich voordoen als "
                              "je bank of een collega")),
    ("Physical addresses", L10n(en="letters or visits at home", nl="brieven of bezoek aan huis")),
    ("Dates of birth", L10n(en="callers who 'verify' you with your date of birth",
                            nl="bellers die je 'verifiëren' met je geboortedatum")),
    ("Names", L10n(en="mails that greet you by name", nl="mails die je met naam aanspreken")),
)


def _site(breach: Breach) -> str:
    return breach.title or breach.name


def _password_step(breach: Breach, site: str) -> L10n:
    if breach.exposes_passwords:
        return L10n(
            en=f"Change your password at {site}, and everywhere you used the same or a similar "
               "password; a password manager gives every site its own.",
            nl=f"Wijzig je wachtwoord bij {site}, en overal waar je hetzelfde of een "
               "vergelijkbaar wachtwoord gebruikte; een wachtwoordmanager geeft elke site een "
               "eigen wachtwoord.")
    return L10n(
        en=f"Check whether you still use your account at {site}; if not, delete it and ask "
           "them to erase your data (GDPR).",
        nl=f"Kijk of je je account bij {site} nog gebruikt; zo niet, verwijder het en vraag "
           "om je gegevens te wissen (AVG).")


def _phishing_step(breach: Breach) -> L10n:
    kinds = [text for name, text in _WATCH if breach.exposes(name)]
    en = "Watch for phishing that uses the leaked details"
    nl = "Let op phishing die de gelekte gegevens gebruikt"
    if kinds:
        en += ": " + "; ".join(k.en for k in kinds)
        nl += ": " + "; ".join(k.nl for k in kinds)
    return L10n(en=en + ". Report it to the Fraudehelpdesk.",
                nl=nl + ". Meld het bij de Fraudehelpdesk.")


def for_breach(breach: Breach) -> Remediation:
    site = _site(breach)
    steps: list[L10n] = []
    if breach.is_stealer_log:
        steps.append(_STEALER)
    if breach.is_spam_list:
        steps.append(_SPAM)
    else:
        steps += [_password_step(breach, site), _TWO_FA, _ALIAS]
    if breach.exposes("Security questions and answers"):
        steps.append(L10n(
            en="Change your security questions and answers wherever you used the same ones.",
            nl="Wijzig je beveiligingsvragen en -antwoorden overal waar je dezelfde gebruikte."))
    if breach.exposes("Physical addresses"):
        steps.append(_ADDRESS)
    steps.append(_phishing_step(breach))
    if breach.exposes_passwords:
        steps.append(_CHECK_PASSWORDS)
    links: list[Link] = []
    settings = settings_for(breach.domain)
    if settings is not None:
        links.append(Link(settings.url, L10n(en=f"{settings.name}: account security settings",
                                             nl=f"{settings.name}: beveiligingsinstellingen")))
    if not breach.is_spam_list:
        links.append(TWO_FA)
    links.append(FRAUD)
    if breach.exposes("Physical addresses"):
        links.append(WEERBAAR)
    return Remediation(summary=_summary(breach, site), steps=tuple(steps), links=tuple(links),
                       effort=Effort.HOURS if breach.is_stealer_log else Effort.MINUTES)


def _summary(breach: Breach, site: str) -> L10n:
    if breach.is_stealer_log:
        return L10n(en="Clean the infected device, then change every password used on it.",
                    nl="Maak het besmette apparaat schoon en wijzig daarna elk wachtwoord dat "
                       "je erop gebruikte.")
    if breach.is_spam_list:
        return L10n(en="Expect spam and phishing at this address; an alias keeps it apart.",
                    nl="Verwacht spam en phishing op dit adres; een alias houdt het gescheiden.")
    if breach.exposes_passwords:
        return L10n(en=f"Change the password for {site} wherever you used it and turn on "
                       "two-factor authentication.",
                    nl=f"Wijzig het wachtwoord van {site} overal waar je het gebruikte en zet "
                       "tweestapsverificatie aan.")
    return L10n(en=f"Secure or delete your account at {site} and watch for phishing with the "
                   "leaked details.",
                nl=f"Beveilig of verwijder je account bij {site} en let op phishing met de "
                   "gelekte gegevens.")


def for_paste(paste: Paste) -> Remediation:
    return Remediation(
        summary=L10n(en="Change your email password and turn on two-factor authentication.",
                     nl="Wijzig je e-mailwachtwoord en zet tweestapsverificatie aan."),
        steps=(
            L10n(en="Pastes like this often hold lists of addresses with passwords: change the "
                    "password of your email account and of accounts you log in to with this "
                    "address, starting with ones that share a password.",
                 nl="Zulke pastes bevatten vaak lijsten met adressen en wachtwoorden: wijzig "
                    "het wachtwoord van je e-mailaccount en van accounts waarop je met dit "
                    "adres inlogt, te beginnen met die met hetzelfde wachtwoord."),
            L10n(en="Turn on two-factor authentication on your email account and the accounts "
                    "that matter most (bank, social media, party and council systems).",
                 nl="Zet tweestapsverificatie aan op je e-mailaccount en op de accounts die er "
                    "het meest toe doen (bank, sociale media, partij- en raadssystemen)."),
            L10n(en=f"If the paste is still online, report it to {paste.source} for removal.",
                 nl=f"Staat de paste nog online, meld hem dan bij {paste.source} voor "
                    "verwijdering."),
            _CHECK_PASSWORDS,
        ),
        links=(TWO_FA, FRAUD),
        effort=Effort.MINUTES,
    )
