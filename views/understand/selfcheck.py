"""Herken je dit?: the self-check, what it suggests, and what changed since last time."""

from __future__ import annotations

import logging
from typing import Any

import flet as ft
from babel.dates import format_date

from domain.understand.selfcheck import (
    GROUPS,
    SelfCheckResult,
    compare_results,
    items_in,
    latest_two,
    suggest_for,
)
from domain.understand.walkthrough import walkthrough_for
from storage.errors import StorageError
from storage.walkthrough_repository import WalkthroughRepository
from views.shell.context import AppContext
from views.shell.theme import GAP
from views.shell.widgets import body_text
from views.understand.walkthrough import (
    action_button,
    button_style,
    not_medical_line,
    reframe_panel,
    run_action,
    section_heading,
)

log = logging.getLogger("adempauze")


class SelfCheckView:
    """The form, or the latest result with its suggestions; retaking starts from the last picks."""

    def __init__(self, ctx: AppContext, repo: WalkthroughRepository) -> None:
        self.ctx = ctx
        self.repo = repo
        self.latest, self.previous = latest_two(repo.selfchecks())
        self.editing = self.latest is None
        self.picks: set[str] = set(self.latest.picks) if self.latest else set()
        self.showing_reframe = False
        self.column = ft.Column(spacing=GAP, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        self.root = ft.Container(
            content=self.column, padding=ft.Padding.only(left=GAP, right=GAP, top=GAP, bottom=96)
        )
        self.compose()

    def redraw(self) -> None:
        self.compose()
        if self.root.page is not None:
            self.root.update()

    def compose(self) -> None:
        self.column.controls = self.form() if self.editing else self.result()

    # --- verbs --------------------------------------------------------------------------------

    def toggle(self, item_id: str, checked: bool) -> None:
        (self.picks.add if checked else self.picks.discard)(item_id)

    def save(self, e: Any = None) -> None:
        try:
            result = self.repo.add_selfcheck(sorted(self.picks), self.ctx.now())
        except StorageError:
            # The store refused (read-only or full): still show what helps, just not remembered.
            log.warning("self-check not saved", exc_info=True)
            result = SelfCheckResult.take("unsaved", sorted(self.picks), self.ctx.now())
        self.previous, self.latest = self.latest, result
        self.editing = False
        self.showing_reframe = False
        self.redraw()

    def retake(self, e: Any = None) -> None:
        self.editing = True
        self.redraw()

    def toggle_reframe(self) -> None:
        self.showing_reframe = not self.showing_reframe
        self.redraw()

    # --- drawing ------------------------------------------------------------------------------

    def form(self) -> list[ft.Control]:
        t = self.ctx.t
        controls: list[ft.Control] = [
            section_heading(t("understand.selfcheck.title"), key="selfcheck-title"),
            body_text(t("understand.selfcheck.intro")),
        ]
        for group in GROUPS:
            controls.append(section_heading(t(f"understand.selfcheck.group.{group}"), size=20))
            controls += [self.pick_row(item.id, t(item.label_key)) for item in items_in(group)]
        controls.append(
            ft.FilledButton(
                content=ft.Text(t("understand.selfcheck.save"), size=18, no_wrap=False),
                icon=ft.Icons.ARROW_FORWARD,
                key="selfcheck-save",
                on_click=self.save,
                style=button_style(),
            )
        )
        return controls

    def pick_row(self, item_id: str, label: str) -> ft.Control:
        """A checkbox with a label that wraps (a Checkbox's own label is clipped at large text)."""
        box = ft.Checkbox(
            semantics_label=label,
            value=item_id in self.picks,
            key=f"selfcheck-item-{item_id}",
            visual_density=ft.VisualDensity.STANDARD,
            on_change=lambda e: self.toggle(item_id, bool(e.control.value)),
        )

        def tap_label(e: Any) -> None:
            box.value = not box.value
            self.toggle(item_id, bool(box.value))
            box.update()

        # The whole row is the touch target (48 px and more): the box alone is 40 px on the web.
        # Merged, a screen reader meets one checkbox the size of the row, named once.
        return ft.MergeSemantics(content=self._row(box, label, tap_label, item_id))

    @staticmethod
    def _row(box: ft.Checkbox, label: str, tap_label: Any, item_id: str) -> ft.Control:
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
        t, latest = self.ctx.t, self.latest
        assert latest is not None
        date = format_date(latest.taken_at.date(), format="long", locale=self.ctx.lang)
        controls: list[ft.Control] = [
            section_heading(t("understand.selfcheck.result_title"), key="selfcheck-result-title"),
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
                            lambda e, a=action: run_action(self.ctx, a, self.toggle_reframe),
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
        if self.showing_reframe:
            controls.append(
                reframe_panel(
                    walkthrough_for(self.ctx.lang).reframe,
                    t("understand.reframe_close"),
                    lambda e: self.toggle_reframe(),
                    key="selfcheck-reframe",
                )
            )
        controls += self.changes()
        controls += [
            not_medical_line(self.ctx),
            ft.OutlinedButton(
                content=ft.Text(t("understand.selfcheck.retake"), size=17, no_wrap=False),
                icon=ft.Icons.REFRESH,
                key="selfcheck-retake",
                on_click=self.retake,
                style=button_style(),
            ),
            ft.TextButton(
                content=ft.Text(t("understand.selfcheck.back"), size=17, no_wrap=False),
                key="selfcheck-back",
                on_click=lambda e: self.ctx.navigate("/understand"),
                style=button_style(),
            ),
        ]
        return controls

    def changes(self) -> list[ft.Control]:
        t, latest = self.ctx.t, self.latest
        assert latest is not None
        title = section_heading(t("understand.selfcheck.changes_title"), size=20)
        if self.previous is None:
            return [body_text(t("understand.selfcheck.first_time"), key="selfcheck-changes")]
        change = compare_results(self.previous, latest)

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
    return SelfCheckView(ctx, WalkthroughRepository(ctx.store)).root


ROUTES = {"/understand/selfcheck": build}
