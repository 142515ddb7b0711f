"""Text in, text out: decoding, visible text of HTML and Markdown, folding, language.

The lowest layer: pure functions over str and bytes, no SQLite, no I/O beyond reading a
path it is given.
"""
