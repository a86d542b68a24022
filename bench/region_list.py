"""The region werklijst over many zaken in the real Open Zaak: seeded directly in its database
(the API writes 0.3–0.6 s each), under a zaaktype of their own so the tests never read them.

Measures the first full read into an empty vault; a refresh after a working day's changes (a
share of the zaken marked as changed today the way the chairs' laptops mark them, some of them
closed): Open Zaak has no 'changed since', so the refresh asks for the zaken marked with the days
since the last one; the daily full re-read of every open zaak; the werklijst over the copy, and the
process's peak memory. The floors are the same requests with plain httpx (same parallelism).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import resource
import statistics
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import jwt

from tafelapp.services import outbox_service, region_worklist_service, vault_service
from tafelapp.sync.region_fetch import PARALLEL_PAGES, refresh
from tafelapp.sync.zaken_client import ZakenClient

CHANGED_A_DAY = 300  # zaken a region's chairs change on a working day (of 10,000 open)
CLOSED_A_DAY = 30
OZ = Path(os.environ.get("OZ", "/tmp/openzaak-test"))
SHARED = Path(__file__).resolve().parents[2] / "shared" / "openzaak"
BASE = "http://127.0.0.1:8011"
ADMIN, ADMIN_SECRET = "oz-admin", "oz-admin-geheim-0123456789"  # reads every zaaktype

SEED = """
import datetime as dt, random, uuid
from dateutil.relativedelta import relativedelta
from django.db import transaction
from openzaak.components.catalogi.models import Catalogus, ZaakType
from openzaak.components.zaken.models import Zaak, ZaakKenmerk
cat = Catalogus.objects.get(domein="TAFEL", rsin="002564440")
zt, _ = ZaakType.objects.get_or_create(catalogus=cat, identificatie="JBT-BENCH", defaults=dict(
    zaaktype_omschrijving="Bench", vertrouwelijkheidaanduiding="vertrouwelijk", doel="bench",
    aanleiding="bench", indicatie_intern_of_extern="intern", handeling_initiator="x",
    onderwerp="x", handeling_behandelaar="x", doorlooptijd_behandeling=relativedelta(weeks=6),
    opschorting_en_aanhouding_mogelijk=False, verlenging_mogelijk=False,
    publicatie_indicatie=False, versiedatum=dt.date(2026, 1, 1),
    datum_begin_geldigheid=dt.date(2026, 1, 1), verantwoordelijke="x",
    referentieproces_naam="x", concept=False))
have = Zaak.objects.filter(_zaaktype=zt).count()
missing = {count} - Zaak.objects.filter(_zaaktype=zt, einddatum__isnull=True).count()
rng = random.Random(have)
tables = [uuid.UUID(int=i).hex for i in range(1, 9)]
today = dt.date.today()
with transaction.atomic():
    marks = []
    for n in range(have, have + max(0, missing)):
        start = today - dt.timedelta(days=rng.randint(10, 400))
        z = Zaak.objects.create(identificatie=f"BENCH-{{n:06d}}", bronorganisatie="002564440",
            verantwoordelijke_organisatie="002564440", _zaaktype=zt, startdatum=start,
            registratiedatum=start, vertrouwelijkheidaanduiding="vertrouwelijk")
        lead = rng.choice(["NONE", f"PENDING {{today - dt.timedelta(days=rng.randint(0, 30))}} GI",
                           f"ACCEPTED {{start}} CARE_PROVIDER"])
        rows = [("tafel", rng.choice(tables)), ("casusregie", lead),
                ("voortgang", str(today - dt.timedelta(days=rng.randint(0, 120))))]
        rows += [("afspraak", f"{{today + dt.timedelta(days=rng.randint(-20, 30))}} {{uuid.uuid4().hex[:12]}}")
                 for _ in range(rng.randint(0, 3))]
        rows += [("termijn", f"{{today + dt.timedelta(days=rng.randint(-10, 60))}} RVDK_ANSWER")
                 for _ in range(rng.randint(0, 1))]
        marks += [ZaakKenmerk(zaak=z, bron=f"tafelapp:{{b}}", kenmerk=k) for b, k in rows]
        marks.append(ZaakKenmerk(zaak=z, bron="tafelapp-gewijzigd", kenmerk=str(start)))
    ZaakKenmerk.objects.bulk_create(marks)
print("ZAAKTYPE", f"http://127.0.0.1:8011/catalogi/api/v1/zaaktypen/{{zt.uuid}}",
      Zaak.objects.filter(_zaaktype=zt).count())
"""


CHANGE = """
import datetime as dt, random
from django.db import transaction
from openzaak.components.zaken.models import Zaak, ZaakKenmerk
today = dt.date.today()
rng = random.Random()
open_ = list(Zaak.objects.filter(_zaaktype__identificatie="JBT-BENCH", einddatum__isnull=True)
             .values_list("pk", "identificatie"))
picked = rng.sample(open_, {changed})
with transaction.atomic():
    pks = [pk for pk, _ in picked]
    ZaakKenmerk.objects.filter(zaak_id__in=pks, bron__in=["tafelapp-gewijzigd",
                                                           "tafelapp:voortgang"]).delete()
    ZaakKenmerk.objects.bulk_create(
        [ZaakKenmerk(zaak_id=pk, bron="tafelapp-gewijzigd", kenmerk=str(today)) for pk in pks]
        + [ZaakKenmerk(zaak_id=pk, bron="tafelapp:voortgang", kenmerk=str(today)) for pk in pks])
    closed = [ident for _, ident in picked[:{closed}]]
    Zaak.objects.filter(identificatie__in=closed).update(einddatum=today)
print("CLOSED", " ".join(closed))
print("CHANGED", " ".join(ident for _, ident in picked[{closed}:]))
"""


def change_today(changed: int, closed: int) -> tuple[set[str], set[str]]:
    """Mark `changed` open bench zaken as changed today (their voortgang today), the first
    `closed` of them closed; returns (closed, still open) case numbers."""
    out = _shell(CHANGE.format(changed=changed, closed=closed))
    found = {line.split()[0]: set(line.split()[1:]) for line in out.splitlines()
             if line.startswith(("CLOSED", "CHANGED"))}
    return found["CLOSED"], found["CHANGED"]


def _shell(script: str) -> str:
    return subprocess.run(["bash", str(SHARED / "setup.sh"), "shell"], input=script,
                          capture_output=True, text=True, check=True, timeout=3600,
                          env={**os.environ, "OZ": str(OZ)}).stdout


def seed(count: int) -> tuple[str, float]:
    """Make sure `count` open bench zaken exist; returns the zaaktype URL and the seconds."""
    start = time.perf_counter()
    out = _shell(SEED.format(count=count))
    line = next(x for x in out.splitlines() if x.startswith("ZAAKTYPE "))
    return line.split()[1], time.perf_counter() - start


def token() -> str:
    """A JWT for the admin client."""
    return jwt.encode({"iss": ADMIN, "client_id": ADMIN, "iat": int(time.time()),
                       "user_id": "b", "user_representation": "b"}, ADMIN_SECRET,
                      algorithm="HS256")


def floor(zaaktype: str, count: int, queries: list[dict[str, str]] | None = None) -> float:
    """The same pages with plain httpx and nothing else (`queries`: the list queries, each read
    to its last page; default every open zaak)."""
    headers = {"Accept-Crs": "EPSG:4326"}
    with httpx.Client(base_url=f"{BASE}/zaken/api/v1", timeout=120) as client:
        def get(params: dict[str, str], page: int) -> int:
            reply = client.get("/zaken", params={"zaaktype": zaaktype, **params,
                                                 "page": str(page)},
                               headers={**headers, "Authorization": f"Bearer {token()}"})
            return int(reply.json()["count"])
        start = time.perf_counter()
        for params in queries or [{"einddatum__isnull": "true"}]:
            pages = max(1, math.ceil(get(params, 1) / 100))
            with ThreadPoolExecutor(max_workers=PARALLEL_PAGES) as pool:
                list(pool.map(lambda p, q=params: get(q, p), range(2, pages + 1)))
        return time.perf_counter() - start


def run(count: int) -> dict[str, Any]:
    """Seed, read, refresh, list; the figures as a dict."""
    zaaktype, seeded = seed(count)
    folder = Path(tempfile.mkdtemp())
    session = vault_service.create(folder / "regie.tafelapp", "Bench-Kluis-Zin-2026", "kr")
    outbox_service.update_region(
        session, base_url=f"{BASE}/documenten", client_id=ADMIN, secret=ADMIN_SECRET + "-" * 10,
        rsin="002564440", zaken_url=f"{BASE}/zaken", zaaktypen={"JBT": zaaktype},
        pseudonym_secret="bench-pseudoniemgeheim-van-de-regio-0123456789", timeout_seconds=120.0)
    settings = outbox_service.region_settings(session).model_copy(update={"secret": ADMIN_SECRET})
    client = ZakenClient(settings, "kr")
    start = time.perf_counter()
    first = refresh(session, client)
    first_s = time.perf_counter() - start
    closed, changed = change_today(CHANGED_A_DAY, CLOSED_A_DAY)
    start = time.perf_counter()
    again = refresh(session, client)
    refresh_s = time.perf_counter() - start
    kept = {row[1]: row for row in region_worklist_service.copy(session).cases}
    today = dt.date.today().isoformat()
    assert not again.full and not closed & kept.keys(), "a closed zaak stayed on the list"
    assert all(kept[n][5] == today for n in changed), "a changed zaak kept its old voortgang"
    days = region_worklist_service.read_plan(session).days
    start = time.perf_counter()
    full = refresh(session, client, full=True)
    full_s = time.perf_counter() - start
    client.close()
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        listed = region_worklist_service.work_list(session)
        runs.append(time.perf_counter() - start)
    list_s = statistics.median(runs)
    floor_s = floor(zaaktype, count)
    changes_floor_s = floor(zaaktype, count, [{"kenmerk": f"tafelapp-gewijzigd:{d}"}
                                              for d in days])
    session.close()
    return {"zaken": len(first.zaken), "seeded_seconds": round(seeded, 1),
            "first_full_read_seconds": round(first_s, 2), "first_full_read_requests": first.requests,
            "refresh_seconds": round(refresh_s, 2), "refresh_requests": again.requests,
            "refresh_reads": f"the zaken marked as changed on {len(again.days)} days",
            "refresh_zaken_read": len(again.zaken),
            "changed_today": CHANGED_A_DAY, "closed_today": CLOSED_A_DAY,
            "refresh_floor_same_requests_plain_httpx_seconds": round(changes_floor_s, 2),
            "daily_full_reread_seconds": round(full_s, 2),
            "daily_full_reread_requests": full.requests,
            "open_zaken_after": len(full.zaken),
            "floor_same_pages_plain_httpx_seconds": round(floor_s, 2),
            "ratio_full_reread_to_floor": round(full_s / floor_s, 2),
            "werklijst_over_copy_ms": round(list_s * 1000, 1),
            "werklijst_runs_ms": [round(r * 1000, 1) for r in runs],
            "werklijst_lines": len(listed.items),
            "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "parallel_pages": PARALLEL_PAGES, "measured": dt.date.today().isoformat(),
            "goals": {"first_full_read_seconds": 60, "refresh_seconds": 15,
                      "werklijst_over_copy_ms": 300}}


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--zaken", type=int, default=10_000)
    figures = run(parser.parse_args().zaken)
    print(json.dumps(figures, indent=2))
    results = Path(__file__).resolve().parent / "results" / "region.json"
    kept = json.loads(results.read_text()) if results.exists() else {}
    results.write_text(json.dumps({**kept, "region_werklijst": figures}, indent=2) + "\n")
