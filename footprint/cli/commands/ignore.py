"""``footprint ignore``: mark a finding as not me, intentionally public or done."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from footprint.cli import options as opt
from footprint.cli.runtime import guarded

_MESSAGES = {
    "en": "Marked {id} as '{reason}' in {path}. Later scans and the checklist list it under "
          "'Marked by you' instead of as a to-do; remove the [[suppressions]] entry to undo.",
    "nl": "{id} gemarkeerd als '{reason}' in {path}. Latere scans en de checklist tonen het "
          "onder 'Door jou gemarkeerd' in plaats van als taak; verwijder de "
          "[[suppressions]]-regels om dit ongedaan te maken.",
}


def _finding_ids(profile: Path, wanted: str) -> tuple[str, ...]:
    """The findings of the action with this id in the last saved scan, or the id itself
    (a finding id, or an id from a report that was not saved)."""
    from footprint.actions import build_actions, find_action
    from footprint.history import History

    reports = History.for_file(profile).latest()
    action = find_action(build_actions(reports[0]), wanted) if reports else None
    key = wanted.strip().lower()
    if action is None or key in action.finding_ids:
        return (wanted,)
    return action.finding_ids


def register(app: typer.Typer) -> None:
    @app.command()
    @guarded
    def ignore(
        finding_id: Annotated[str, typer.Argument(
            metavar="ID", help="A finding id, or an action id from the plan (marks every "
                               "finding of the action); 12 characters.")],
        reason: Annotated[str, typer.Option(
            "--reason", "-r", metavar="REASON",
            help="not-me, intentionally-public (an official number, say) or done.")],
        note: Annotated[str, typer.Option(
            "--note", metavar="TEXT", help="A note for yourself.")] = "",
        profile: opt.ProfileOpt = None,
        lang: opt.LangOpt = None,
    ) -> None:
        """Mark a finding so later scans count it instead of listing it as a to-do."""
        from footprint.cli.commands.diff import choose_lang
        from footprint.config import default_profile_path
        from footprint.i18n import detect_lang
        from footprint.renderers.texts import SUPPRESSION_REASON
        from footprint.suppress import add_suppression
        from footprint.textsafe import clean

        language = choose_lang(lang, detect_lang(None))
        path = profile or default_profile_path()
        for fid in _finding_ids(path, finding_id):
            entry = add_suppression(path, fid, reason, note)
            label = SUPPRESSION_REASON[entry.reason.value].get(language)
            typer.echo(_MESSAGES[language].format(id=entry.finding_id, reason=label,
                                                  path=clean(str(path))))
