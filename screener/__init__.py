"""screener: explainable candidate screening against role specs kept as data."""

__version__ = "0.1.0"
