"""The closed vocabularies of the domain; each Dutch term appears once beside its code name."""

from __future__ import annotations

from enum import StrEnum


class TableKind(StrEnum):
    """JBT = Jeugdbeschermingstafel; ZVT = Zorg- en Veiligheidstafel Jeugd (`003`)."""

    JBT = "JBT"
    ZVT = "ZVT"


class Route(StrEnum):
    """Aanmeldroute into a JBT (`001 §2.1.3 c`)."""

    VTO = "VTO"  # verzoek tot onderzoek
    VTH = "VTH"  # verzoek tot hulpverlening (`001 §2.4.2`)
    SPOED_VOTS = "SPOED_VOTS"  # spoed: voorlopige OTS, then a JBT (`001 §2.5.4 c`)
    VTO_GM = "VTO_GM"  # verzoek gezagsbeëindigende maatregel (`001 §2.10`)
    HERSTEL_GEZAG = "HERSTEL_GEZAG"  # herstel ouderlijk gezag
    ZVT = "ZVT"  # aanmelding bij de Zorg- en Veiligheidstafel (no JBT route: `003`)


class ReferrerKind(StrEnum):
    """Who filed the request (melder); who may file is set in `001 §2.1.1`."""

    VEILIG_THUIS = "VEILIG_THUIS"
    GI = "GI"  # gecertificeerde instelling
    RVDK = "RVDK"  # Raad voor de Kinderbescherming
    MANDATED_CARE_PROVIDER = "MANDATED_CARE_PROVIDER"  # jeugdhulpaanbieder met zorgcoördinatie
    CHAIN_PARTNER = "CHAIN_PARTNER"  # ZVT: police, school, youth work … (`003`)
    OTHER = "OTHER"


class LocationKind(StrEnum):
    """Where a meeting takes place; a JBT may be held at the family's home (`001` step 15)."""

    OFFICE = "OFFICE"
    FAMILY_HOME = "FAMILY_HOME"
    OTHER = "OTHER"
    VIDEO = "VIDEO"


class Role(StrEnum):
    """Rol of a deelnemer (participant) at the table."""

    CHAIR = "CHAIR"  # voorzitter
    SECRETARY = "SECRETARY"  # secretaris
    PARENT = "PARENT"  # ouder / verzorger
    CHILD = "CHILD"  # jeugdige
    REFERRER = "REFERRER"  # melder
    RVDK = "RVDK"  # raadsonderzoeker (RO) or other RvdK member
    JB = "JB"  # jeugdbeschermer of a GI
    CASE_LEAD = "CASE_LEAD"  # casusregisseur
    POLICE = "POLICE"  # politie
    CARE_PROVIDER = "CARE_PROVIDER"  # jeugdhulpaanbieder
    SCHOOL = "SCHOOL"
    CONFIDANT = "CONFIDANT"  # vertrouwenspersoon of the parents
    LAWYER = "LAWYER"  # advocaat
    BEHAVIOURAL_SCIENTIST = "BEHAVIOURAL_SCIENTIST"  # gedragswetenschapper
    OTHER_PROFESSIONAL = "OTHER_PROFESSIONAL"


class Attendance(StrEnum):
    """Aanwezigheid: aanwezig / afgemeld / afwezig / alleen geïnformeerd."""

    PRESENT = "PRESENT"
    EXCUSED = "EXCUSED"
    ABSENT = "ABSENT"
    INFORMED = "INFORMED"


class InvolvementKind(StrEnum):
    """How a child of 12+ was involved (`001 §2.1`): present, informed, or not (with a reason)."""

    PRESENT = "PRESENT"
    INFORMED = "INFORMED"
    NOT_INVOLVED = "NOT_INVOLVED"


class DecisionKind(StrEnum):
    """Besluit of a JBT (`001 §2.1.3 f`): raadsonderzoek / uitgesteld raadsonderzoek / geen."""

    INVESTIGATION = "INVESTIGATION"
    POSTPONED_INVESTIGATION = "POSTPONED_INVESTIGATION"
    NO_INVESTIGATION = "NO_INVESTIGATION"


class AgreementKind(StrEnum):
    """Soort afspraak (`002`): doel, voorwaarde (with a gevolg) or plain afspraak."""

    GOAL = "GOAL"
    CONDITION = "CONDITION"
    ARRANGEMENT = "ARRANGEMENT"


class AgreementStatus(StrEnum):
    """Stand of an agreement."""

    OPEN = "OPEN"
    DONE = "DONE"
    NOT_MET = "NOT_MET"
    CANCELLED = "CANCELLED"


class PartnerKind(StrEnum):
    """Kind of organisation; the municipality holds ketenregie, never casusregie at a ZVT (`003`)."""

    MUNICIPALITY = "MUNICIPALITY"
    GI = "GI"
    CARE_PROVIDER = "CARE_PROVIDER"
    POLICE = "POLICE"
    YOUTH_WORK = "YOUTH_WORK"
    SCHOOL = "SCHOOL"
    VEILIG_THUIS = "VEILIG_THUIS"
    RVDK = "RVDK"
    OTHER = "OTHER"


class CaseStatus(StrEnum):
    """Whether a casus is still being worked on."""

    OPEN = "OPEN"
    CLOSED = "CLOSED"


class UnbornChecklistItem(StrEnum):
    """The checklist for an unborn child (`001 §2.2 b`), one member per question."""

    WORRIES = "WORRIES"  # zorgen voor en na de geboorte (of: geen zorgen)
    PREGNANCY_COURSE = "PREGNANCY_COURSE"  # verloop zwangerschap, verloskundige/gynaecoloog
    BIRTH_PLACE_AND_DATE = "BIRTH_PLACE_AND_DATE"  # waar en wanneer de bevalling
    PREPARATIONS = "PREPARATIONS"  # voorbereidingen, kraamzorg
    FATHER_AND_NETWORK = "FATHER_AND_NETWORK"  # rol vader, plannen, netwerk
    PARENTING_SKILLS = "PARENTING_SKILLS"  # pedagogische vaardigheden
    PARENTAL_PROBLEMS = "PARENTAL_PROBLEMS"  # middelen, huisvesting, financiën, beperking, psychiatrie
    HELP = "HELP"  # huidige hulp en benodigde hulp voor en na de geboorte
    TRUST_IN_SEEKING_HELP = "TRUST_IN_SEEKING_HELP"  # vertrouwen dat ouders hulp inschakelen
    BABY_HOME_AFTER_BIRTH = "BABY_HOME_AFTER_BIRTH"  # kan de baby naar huis; zo niet, waarheen


class DeadlineKind(StrEnum):
    """Termijn from the table of terms in DOMAIN.md (`001`)."""

    GRANT_DECISION = "GRANT_DECISION"  # verleningsbesluit binnen 5 werkdagen (§2.3 e)
    REREFERRAL_WINDOW = "REREFERRAL_WINDOW"  # korte route binnen 3 maanden (§2.7.3 d)
    COUNTER_ARGUMENTS = "COUNTER_ARGUMENTS"  # rapport + tegenargumenten binnen 2 weken (§2.7.5 b)
    OTS_NON_EXTENSION_NOTICE = "OTS_NON_EXTENSION_NOTICE"  # 10 weken vóór einde OTS (§2.9.2 a)
    RVDK_ANSWER = "RVDK_ANSWER"  # RvdK antwoordt binnen 2 weken (§2.9.3)
    RVDK_INVESTIGATION = "RVDK_INVESTIGATION"  # onderzoek in principe binnen 3 weken (§2.9.3)
    VOTS_HEARING = "VOTS_HEARING"  # zitting binnen 2 weken na VOTS (§2.5.4 c, stap 10)
    VOTS_JBT = "VOTS_JBT"  # JBT binnen de VOTS-periode, vóór de eerste zitting (§2.5.4 c)
    POSTPONED_EVALUATION = "POSTPONED_EVALUATION"  # evaluatie uitgesteld raadsonderzoek (≤ 6 mnd)


class FamilyStance(StrEnum):
    """Is a parent or young person eens with the decision: eens / deels / oneens / niet gevraagd."""

    AGREES = "AGREES"
    PARTLY = "PARTLY"
    DISAGREES = "DISAGREES"
    NOT_ASKED = "NOT_ASKED"


class ScoreGiven(StrEnum):
    """How a score of someone not at the table reached it: schriftelijk or telefonisch."""

    IN_WRITING = "IN_WRITING"
    BY_PHONE = "BY_PHONE"
