"""Scheduled work (APScheduler) that only calls services and the sync layer."""
