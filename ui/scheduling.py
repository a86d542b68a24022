"""The one Qt adapter for scheduling: APScheduler's QtScheduler ticks, and the network coming back."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

DRAIN_INTERVAL_SECONDS = 30
RETENTION_INTERVAL_HOURS = 24
RETENTION_FIRST_SECONDS = 120  # after unlocking: the first look at the bewaartermijn
ARCHIVE_INTERVAL_SECONDS = 6 * 3600  # the archive timestamp renewal (margin: weeks)


class DrainTicker(QObject):
    """Emits `tick` every interval (APScheduler beside Qt) and when the network is back."""

    tick = Signal()
    retention_tick = Signal()  # once a day (and soon after unlocking): look at the bewaartermijn
    archive_tick = Signal()
    """Time to renew archive timestamps that are within their margin (and once soon after start)."""

    def __init__(self, interval_seconds: float = DRAIN_INTERVAL_SECONDS) -> None:
        super().__init__()
        from apscheduler.schedulers.qt import QtScheduler

        self._scheduler = QtScheduler()
        # QtScheduler runs jobs in worker threads: the job only emits a (queued) signal.
        self._scheduler.add_job(self.tick.emit, "interval", seconds=interval_seconds,
                                max_instances=1, coalesce=True, id="outbox-tick")
        import datetime as dt

        self._scheduler.add_job(self.retention_tick.emit, "interval",
                                hours=RETENTION_INTERVAL_HOURS, max_instances=1, coalesce=True,
                                id="retention-tick", next_run_time=dt.datetime.now(dt.UTC)
                                + dt.timedelta(seconds=RETENTION_FIRST_SECONDS))
        self._scheduler.add_job(self.archive_tick.emit, "interval",
                                seconds=ARCHIVE_INTERVAL_SECONDS, max_instances=1, coalesce=True,
                                id="archive-tick",
                                next_run_time=dt.datetime.now(dt.UTC) + dt.timedelta(minutes=2))
        self._watch_network()

    def start(self) -> None:
        """Begin ticking."""
        if not self._scheduler.running:
            self._scheduler.start()

    def stop(self) -> None:
        """Stop ticking (on lock and on exit)."""
        if self._scheduler.running:
            self._scheduler.shutdown(wait=False)

    def _watch_network(self) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        if not QNetworkInformation.loadBackendByFeatures(
                QNetworkInformation.Feature.Reachability):
            return  # no backend (e.g. offscreen tests): the interval tick still runs
        info = QNetworkInformation.instance()
        if info is not None:
            info.reachabilityChanged.connect(self._on_reachability_changed)

    def _on_reachability_changed(self, reachability: object) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        if reachability == QNetworkInformation.Reachability.Online:
            self.tick.emit()
