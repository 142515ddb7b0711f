"""factcheck: a keyboard-driven newsroom fact-checking desk."""

__version__ = "0.1.4"
