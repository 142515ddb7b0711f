"""Errors the user can act on: every face shows their message as one line, no traceback.

The command line turns ``InputError`` into exit code 2 (bad input) and every other
``FactcheckError`` into exit code 1; the desk shows the message in a notification.
"""

from __future__ import annotations


class FactcheckError(Exception):
    """A problem the user can act on; the message is shown as it is."""


class InputError(FactcheckError, ValueError):
    """Input that cannot become an article, a source, an archive entry or a setting."""


class StoreError(FactcheckError):
    """The store cannot do what was asked (read-only, locked, foreign, newer schema…)."""


class NotFound(StoreError):
    """No row with the id or key that was asked for."""


class StaleEdit(StoreError):
    """The claim changed since the caller read it: the edit was refused, not merged."""

    def __init__(self, claim: dict):
        self.claim = claim
        super().__init__(
            f"claim {claim['id']} was changed by {claim.get('updated_by') or 'someone'} "
            f"at {claim.get('updated_at')}: it is now {claim['status']}"
        )


class IncompleteReport(FactcheckError):
    """A report asked to be complete while claims are still pending."""

    def __init__(self, pending: int):
        self.pending = pending
        super().__init__(f"{pending} claim{'s are' if pending != 1 else ' is'} still pending: "
                         "the report is not complete (drop --require-complete to export anyway)")


class UnknownFormat(InputError):
    """An export format that the report registry does not hold."""
