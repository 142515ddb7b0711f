"""Article text → claims: sentences, their facets and how check-worthy each one is.

Pure functions over text; nothing here knows of SQLite, matching, reports or screens.
"""
