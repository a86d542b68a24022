"""Tafelapp: offline-first support for the Jeugdbeschermingstafel and the Zorg- en Veiligheidstafel."""

__version__ = "0.1.0"
