"""``footprint history``, ``done`` and ``reopen``: the scans kept per profile, and the plan's
actions the person has dealt with."""

from __future__ import annotations

from typing import Annotated

import typer

from footprint.cli import options as opt
from footprint.cli.runtime import guarded
from footprint.cli.setup import history_for
from footprint.errors import UsageError
from footprint.history import History
from footprint.models import Lang

IdArg = Annotated[str, typer.Argument(
    metavar="ID", help="An action id from the plan, or a finding id (marks its action).")]


def _lang(flag: str | None) -> Lang:
    from footprint.cli.commands.diff import choose_lang
    from footprint.i18n import detect_lang

    return choose_lang(flag, detect_lang(None))


def register(app: typer.Typer) -> None:
    @app.command()
    @guarded
    def history(profile: opt.ProfileOpt = None, lang: opt.LangOpt = None) -> None:
        """List the saved scans of your profile: date, level and counts."""
        from footprint.cli.setup import console_pair
        from footprint.ui.history_view import render_history

        out, _ = console_pair()
        render_history(out, history_for(profile), _lang(lang))

    @app.command()
    @guarded
    def done(
        action_id: IdArg,
        undo: Annotated[bool, typer.Option(
            "--undo", help="Take the mark off again (the same as 'footprint reopen').")] = False,
        profile: opt.ProfileOpt = None,
        lang: opt.LangOpt = None,
    ) -> None:
        """Mark an action done. The next scan checks it again; still there means it comes
        back at the top. Guided steps stay done until you reopen them."""
        from footprint.actions import find_action
        from footprint.history import latest_actions
        from footprint.i18n import t
        from footprint.textsafe import clean

        language = _lang(lang)
        store = history_for(profile)
        if undo:
            _reopen(store, action_id, language)
            return
        action = find_action(latest_actions(store), action_id)
        if action is None:
            when = store.scans()[-1].stem if store.scans() else "-"
            raise UsageError(t("done.unknown", language, id=clean(action_id, limit=40),
                               when=when))
        store.mark_done(action)
        key = "done.marked_guided" if action.guided else "done.marked"
        typer.echo(t(key, language, id=action.id,
                     title=clean(action.title.get(language), limit=200)))

    @app.command()
    @guarded
    def reopen(action_id: IdArg, profile: opt.ProfileOpt = None,
               lang: opt.LangOpt = None) -> None:
        """Put an action you marked done back on the plan."""
        _reopen(history_for(profile), action_id, _lang(lang))


def _reopen(store: History, action_id: str, lang: Lang) -> None:
    from footprint.i18n import t
    from footprint.textsafe import clean

    shown = clean(action_id, limit=40)
    if not store.reopen(action_id):
        raise UsageError(t("done.not_marked", lang, id=shown))
    typer.echo(t("done.reopened", lang, id=shown))
