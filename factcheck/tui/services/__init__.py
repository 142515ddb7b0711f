"""The desk's helpers that are not widgets: the writer thread, the look-up helper process, the collector."""
