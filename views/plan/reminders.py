"""Reminders that reach the user: the session's one plan, handed to a phone as notifications.

The nudge in the app and the phone's scheduled notifications follow the same plan. Only a
session of the app itself on Android or iOS ever makes the notification service: a browser has
no native half for it (`python main.py` serves one).
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

import flet as ft

from domain.plan.reminders import PLAN_DAYS, Reminder, ReminderWindow, in_zone
from domain.plan.state import PlannerState
from views.plan.state import plan_screen, planner_state, reminder_plan
from views.shell.clock import device_zone
from views.shell.context import AppContext

if TYPE_CHECKING:
    from flet_notifications import LocalNotifications, NotificationEvent

log = logging.getLogger("adempauze.reminders")

PHONES = (ft.PagePlatform.ANDROID, ft.PagePlatform.IOS)
CHANNEL_ID = "herstelmomenten"


def on_phone(page: ft.Page) -> bool:
    """Whether this session is the app itself on a phone (not a browser, not a computer)."""
    return not page.web and page.platform in PHONES


def plan_now(ctx: AppContext, planner: PlannerState) -> list[Reminder]:
    """The session's reminder plan from the planner's days, the rhythm, the settings and choices.

    Cheap when nothing changed: the plan is kept and only computed again when its inputs differ.
    """
    settings = ctx.settings
    today = ctx.now().date()
    items = planner.items_between(today - timedelta(days=1), today + timedelta(days=PLAN_DAYS))
    window = ReminderWindow.from_texts(
        settings.reminder_start,
        settings.reminder_end,
        settings.reminder_days,
        settings.reminders_per_day,
    )
    plan = reminder_plan(ctx).follow(items, planner.rhythm, window, plan_screen(ctx).choices, today)
    phone_reminders(ctx).follow(plan)
    return plan


class PhoneReminders:
    """This session's reminders handed to the phone's operating system, so they arrive closed.

    The plan is handed over again (all pending ones cancelled, the plan scheduled) whenever it
    changes: its rules, agenda, rhythm, settings or the user's choices, and at every start.
    """

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.service: LocalNotifications | None = None
        self.refused = False  # the phone said no to notifications (this session)
        self.handed: tuple[object, ...] | None = None  # what was last handed to the phone
        self._lock = asyncio.Lock()

    @property
    def active(self) -> bool:
        return on_phone(self.ctx.page) and self.ctx.settings.reminders and not self.refused

    def start(self, planner: PlannerState) -> None:
        """At the session's start: listen for taps, and hand the plan over again."""
        if self.active:
            self._service()
            plan_now(self.ctx, planner)

    def follow(self, plan: list[Reminder]) -> None:
        """Hand `plan` to the phone when it differs from what the phone has."""
        if not self.active:
            return
        key = (tuple(plan), self.ctx.lang)
        if key == self.handed:
            return
        self.handed = key
        self.ctx.page.run_task(self._schedule, plan)

    async def turn_on(self) -> bool:
        """The user turned reminders on: ask the phone (once, now) whether it may notify.

        Refused or not, the nudge inside the app keeps working.
        """
        if not on_phone(self.ctx.page):
            return True
        service = self._service()
        try:
            granted = await service.request_permissions()
        except Exception:  # a phone that can't say is treated as one that said no
            log.exception("asking for notification permission failed")
            granted = False
        self.refused = not granted
        self.handed = None
        return granted

    def turn_off(self) -> None:
        """The user turned reminders off: nothing stays scheduled."""
        self.handed = None
        if self.service is not None:
            self.ctx.page.run_task(self._cancel)

    # --- the service

    def _service(self) -> LocalNotifications:
        if self.service is None:
            from flet_notifications import LocalNotifications

            # No prompt when the service starts: permission is asked when reminders are turned on.
            self.service = LocalNotifications(
                request_alert_permission=False,
                request_sound_permission=False,
                request_badge_permission=False,
                on_tap=self._tapped,
            )
            if self.ctx.page.platform == ft.PagePlatform.ANDROID:
                self.ctx.page.run_task(self._make_channel)
        return self.service

    async def _make_channel(self) -> None:
        from flet_notifications import NotificationChannel

        assert self.service is not None
        try:
            await self.service.create_notification_channel(
                NotificationChannel(
                    id=CHANNEL_ID,
                    name=self.ctx.t("plan.reminder.channel"),
                    description=self.ctx.t("plan.reminder.channel.description"),
                    play_sound=False,
                    enable_vibration=False,
                )
            )
        except Exception:
            log.exception("making the notification channel failed")

    async def _cancel(self) -> None:
        async with self._lock:
            if self.service is not None:
                try:
                    await self.service.cancel_pending()
                except Exception:
                    log.exception("cancelling scheduled reminders failed")

    async def _schedule(self, plan: list[Reminder]) -> None:
        from flet_notifications import (
            AndroidOptions,
            AndroidScheduleMode,
            DarwinOptions,
            NotificationOptions,
        )

        service = self._service()
        zone = device_zone()
        now = self.ctx.now()
        quiet = NotificationOptions(
            android=AndroidOptions(channel_id=CHANNEL_ID, play_sound=False, enable_vibration=False),
            iOS=DarwinOptions(present_sound=False),
        )
        async with self._lock:
            try:
                await service.cancel_pending()
                for number, reminder in enumerate(r for r in plan if r.at > now):
                    await service.schedule(
                        id=number + 1,
                        when=in_zone(reminder.at, zone) if zone else reminder.at,
                        title=self.ctx.t("plan.reminder.title", title=reminder.title),
                        body=self.ctx.t("plan.reminder.body"),
                        payload=reminder.route,
                        options=quiet,
                        # Inexact: a recovery moment may come a few minutes late, and exact
                        # alarms need a permission Android keeps for alarm clocks.
                        schedule_mode=AndroidScheduleMode.INEXACT_ALLOW_WHILE_IDLE,
                        channel_id=CHANNEL_ID,
                    )
            except Exception:  # the nudge in the app still works; try again at the next change
                log.exception("handing reminders to the phone failed")
                self.handed = None

    def _tapped(self, e: NotificationEvent[LocalNotifications]) -> None:
        """A tap on a reminder: straight into the pause it offers."""
        parts = urlsplit(e.payload or "")
        if parts.path != "/pause/run":
            return
        seconds = parse_qs(parts.query).get("seconds", [""])[-1]
        self.ctx.start_pause(seconds=int(seconds) if seconds.isdigit() else None, source="reminder")


def phone_reminders(ctx: AppContext) -> PhoneReminders:
    """This session's reminders on the phone (nothing is made until they are needed)."""
    return ctx.state(PhoneReminders, lambda: PhoneReminders(ctx))


def start_reminders(ctx: AppContext) -> None:
    """At every start of the app on a phone with reminders on: hand the plan over again."""
    reminders = phone_reminders(ctx)
    if reminders.active:
        reminders.start(planner_state(ctx, around=ctx.now().date()))
