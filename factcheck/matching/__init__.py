"""Matching claims with what else the desk knows: near-duplicate claims (``dupes``), the
sources that bear on a claim (``sources``), past fact-checks (``archive``).

Services over the store and the analysis; nothing here knows of reports or faces.
"""
