"""Fixture news pages and the local HTTP server that serves them (tests and bench)."""
