"""The desk's widgets and the render functions of its panes."""
