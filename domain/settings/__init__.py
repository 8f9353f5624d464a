"""Settings rules: the user's preferences and their validation.

Also the backup document (export, checked import, size limit) and the two screens' state."""
