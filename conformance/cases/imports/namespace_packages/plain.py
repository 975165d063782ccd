"""A plain module's docstring."""
