"""The shell: the app frame every screen sits in (navigation, routes, theme, shared widgets).

Modules: `app` (AppShell), `routes` (the one route table), `navigation`, `notices`, `startup`
(how a cold start stays fast), `entry` (Flet entry point), `context`, `services`, `theme`,
`widgets`."""
