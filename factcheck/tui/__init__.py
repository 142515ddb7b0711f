"""The desk: a Textual face on the factcheck core."""
