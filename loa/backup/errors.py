"""The one error the backup code raises: its message is written for the operator, in their language."""


class BackupError(Exception):
    """A backup or restore that cannot go on; nothing was changed unless the message says otherwise."""
