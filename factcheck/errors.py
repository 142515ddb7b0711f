"""Errors the user can act on: the CLI prints their message as one line, no traceback."""


class InputError(ValueError):
    """Input that cannot become an article, source or archive entry."""
