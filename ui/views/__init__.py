"""Screens: layout and the service calls they trigger through the executor."""
