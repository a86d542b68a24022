"""Delivery of signed documents to the regional server (ZGW Documenten API) through the outbox."""
