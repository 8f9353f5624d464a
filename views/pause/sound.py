"""Sound cues for eyes closed: one player per cue file, there only while Geluid is on."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from storage import StorageError
from storage.settings_repository import SettingsRepository

if TYPE_CHECKING:
    from views.shell.context import AppContext

log = logging.getLogger("adempauze.pause")


def cue_url(name: str) -> str:
    """Where the client fetches a cue: main.py serves assets/ at the root of the site."""
    return f"/sounds/{name}.wav"


class SoundCues:
    """The session's cue players, made when sound is wanted and dropped when it is not.

    Each player holds one short file, so a cue is one `play` call and never waits for a fetch.
    They live as long as the session (or until sound goes off), so a file is fetched once.
    """

    def __init__(self) -> None:
        self._players: dict[str, Any] = {}

    @property
    def loaded(self) -> tuple[str, ...]:
        return tuple(self._players)

    def load(self, names: Iterable[str]) -> None:
        """Add a player for each cue not loaded yet; the client starts fetching at once."""
        missing = [name for name in names if name not in self._players]
        if not missing:
            return
        # Imported here, only with sound on: home's cold start never pays for the player.
        import flet_audio

        for name in missing:
            # STOP keeps the file after playing, so the next cue of this kind is not fetched again.
            self._players[name] = flet_audio.Audio(
                src=cue_url(name), release_mode=flet_audio.ReleaseMode.STOP
            )

    async def play(self, name: str) -> None:
        """Play a cue from its start; raises when the client (a browser) refuses."""
        player = self._players.get(name)
        if player is not None:
            await player.play()

    def drop(self) -> None:
        """Sound went off: every player leaves the page now, so nothing more is fetched."""
        gone = list(self._players.values())
        self._players.clear()
        if gone:
            _take_off_page(gone)


def _take_off_page(players: list[Any]) -> None:
    # Flet 1.0.5 drops a service once nothing refers to it, judged by its reference count after
    # an event; its own patch bookkeeping can hold one a while longer. Sound off means no player
    # on the page, so they leave the service registry (their parent) at once, in one patch.
    registry = players[0].parent
    if registry is None:
        return
    registry._services = [s for s in registry._services if all(s is not p for p in players)]
    registry.update()


def remember_sound(ctx: AppContext, on: bool) -> None:
    """Keep the Geluid choice without redrawing the screen: the running pause goes on as it is.

    The shell's own way to change a setting draws the screen anew, which would start the pause
    over; so the pause saves this one switch itself.
    """
    ctx.settings = ctx.settings.with_changes(sound=on)
    try:
        SettingsRepository(ctx.store).save(ctx.settings)
    except StorageError:
        # The pause keeps the choice for this session; a read-only store is said elsewhere.
        log.warning("the sound setting could not be saved", exc_info=True)
