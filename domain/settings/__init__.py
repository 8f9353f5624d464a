"""Settings rules: the user's preferences and their validation.

Also the backup document (export, checked import) and its size limit."""
