"""Step forms of the three wizards and the fields they share (fields.py)."""
