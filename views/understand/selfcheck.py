"""Herken je dit?: the self-check, what it suggests, and what changed since last time."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import flet as ft
from babel.dates import format_date

from domain.understand.selfcheck import (
    GROUPS,
    SelfCheckState,
    compare_results,
    items_in,
    suggest_for,
)
from domain.understand.walkthrough import walkthrough_for
from storage.walkthrough_repository import WalkthroughRepository
from views.shell.context import AppContext
from views.shell.widgets import body_text, heading
from views.understand.cards import (
    RedrawnScreen,
    action_button,
    not_medical_line,
    reframe_panel,
    run_action,
    wrapping_button,
)
from views.understand.saving import SavingRepository


class SelfCheckView(RedrawnScreen):
    """The form, or the latest result with its suggestions; retaking starts from the last picks."""

    def __init__(self, ctx: AppContext, state: SelfCheckState) -> None:
        super().__init__()
        self.ctx = ctx
        self.state = state
        self.compose()

    def compose(self) -> None:
        self.column.controls = self.form() if self.state.editing else self.result()

    # --- verbs --------------------------------------------------------------------------------

    def save(self) -> None:
        self.state.save(self.ctx.now())
        self.redraw()

    def retake(self) -> None:
        self.state.retake()
        self.redraw()

    def toggle_reframe(self) -> None:
        self.state.toggle_reframe()
        self.redraw()

    # --- drawing ------------------------------------------------------------------------------

    def form(self) -> list[ft.Control]:
        t = self.ctx.t
        controls: list[ft.Control] = [
            heading(t("understand.selfcheck.title"), key="selfcheck-title"),
            body_text(t("understand.selfcheck.intro")),
        ]
        for group in GROUPS:
            controls.append(heading(t(f"understand.selfcheck.group.{group}"), size=20))
            controls += [self.pick_row(item.id, t(item.label_key)) for item in items_in(group)]
        # Calls of one button maker: what repeats below is the shape of its arguments.
        controls.append(
            wrapping_button(
                ft.FilledButton,
                t("understand.selfcheck.save"),
                self.save,
                key="selfcheck-save",
                icon=ft.Icons.ARROW_FORWARD,
                size=18,
            )
        )
        return controls

    def pick_row(self, item_id: str, label: str) -> ft.Control:
        """A checkbox with a label that wraps (a Checkbox's own label is clipped at large text)."""
        box = ft.Checkbox(
            semantics_label=label,
            value=item_id in self.state.picks,
            key=f"selfcheck-item-{item_id}",
            visual_density=ft.VisualDensity.STANDARD,
            on_change=lambda e: self.state.toggle(item_id, bool(e.control.value)),
        )

        def tap_label() -> None:
            box.value = not box.value
            self.state.toggle(item_id, bool(box.value))
            box.update()

        # The whole row is the touch target (48 px and more): the box alone is 40 px on the web.
        # Merged, a screen reader meets one checkbox the size of the row, named once.
        return ft.MergeSemantics(content=self._row(box, label, tap_label, item_id))

    @staticmethod
    def _row(
        box: ft.Checkbox, label: str, tap_label: Callable[[], None], item_id: str
    ) -> ft.Control:
        return ft.Container(
            content=ft.Row(
                [
                    box,
                    # The checkbox already carries this label for screen readers.
                    ft.Semantics(
                        exclude_semantics=True,
                        content=ft.Text(label, size=17, no_wrap=False),
                        expand=True,
                    ),
                ],
                spacing=4,
            ),
            on_click=tap_label,
            padding=ft.Padding.symmetric(vertical=4),
            border_radius=8,
            key=f"selfcheck-label-{item_id}",
        )

    def result(self) -> list[ft.Control]:
        t, latest = self.ctx.t, self.state.latest
        assert latest is not None
        date = format_date(latest.taken_at.date(), format="long", locale=self.ctx.lang)
        controls: list[ft.Control] = [
            heading(t("understand.selfcheck.result_title"), key="selfcheck-result-title"),
            ft.Text(t("understand.selfcheck.taken_on", date=date), size=15),
        ]
        suggestions = suggest_for(latest.picks)
        if not suggestions:
            controls.append(body_text(t("understand.selfcheck.none_picked")))
        for found in suggestions:
            because = ", ".join(
                t(f"understand.selfcheck.item.{pick}").lower() for pick in found.because
            )
            action = found.suggestion.action
            controls.append(
                ft.Column(
                    [
                        action_button(
                            t(found.suggestion.text_key),
                            partial(run_action, self.ctx, action, self.toggle_reframe),
                            key=f"selfcheck-go-{found.suggestion.id}",
                            icon=ft.Icons.ARROW_FORWARD,
                        ),
                        ft.Text(
                            t("understand.selfcheck.because", items=because),
                            size=15,
                            color=ft.Colors.ON_SURFACE_VARIANT,
                        ),
                    ],
                    spacing=4,
                    horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
                )
            )
        if self.state.showing_reframe:
            controls.append(
                reframe_panel(
                    walkthrough_for(self.ctx.lang).reframe,
                    t("understand.reframe_close"),
                    self.toggle_reframe,
                    key="selfcheck-reframe",
                )
            )
        controls += self.changes()
        # The same button maker as the form's save button above: alike arguments, one function.
        controls += [
            not_medical_line(self.ctx),
            wrapping_button(
                ft.OutlinedButton,
                t("understand.selfcheck.retake"),
                self.retake,
                key="selfcheck-retake",
                icon=ft.Icons.REFRESH,
            ),
            wrapping_button(
                ft.TextButton,
                t("understand.selfcheck.back"),
                lambda: self.ctx.navigate("/understand"),
                key="selfcheck-back",
            ),
        ]
        return controls

    def changes(self) -> list[ft.Control]:
        t, latest, previous = self.ctx.t, self.state.latest, self.state.previous
        assert latest is not None
        title = heading(t("understand.selfcheck.changes_title"), size=20)
        if previous is None:
            return [body_text(t("understand.selfcheck.first_time"), key="selfcheck-changes")]
        change = compare_results(previous, latest)

        def names(ids: tuple[str, ...]) -> str:
            return ", ".join(t(f"understand.selfcheck.item.{i}").lower() for i in ids)

        lines = []
        if change.new:
            lines.append(t("understand.selfcheck.new", items=names(change.new)))
        if change.no_longer:
            lines.append(t("understand.selfcheck.no_longer", items=names(change.no_longer)))
        if not change.changed:
            lines.append(t("understand.selfcheck.unchanged"))
        return [title, body_text("\n".join(lines), key="selfcheck-changes")]


def build(ctx: AppContext) -> ft.Control:
    repo = WalkthroughRepository(ctx.store)
    state = ctx.state(SelfCheckState, lambda: SelfCheckState(SavingRepository(repo)))
    state.reopen(repo.selfchecks())
    return SelfCheckView(ctx, state).root
