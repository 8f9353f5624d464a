"""The largest backup file the app reads: checked before anything else, and by the upload server.

Kept apart from domain.settings.backup so the server can be told the limit without loading the checks.
"""

MAX_BYTES = 20 * 1024 * 1024
