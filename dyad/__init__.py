"""dyad: political event data from news text — who did what to whom, when, where."""

__version__ = "0.1.0"
