"""A second corpus: families named like ordinary Dutch words, places, schools and teams.

Twelve fictitious families from the Haaglanden region whose surname (or a child's first name) is
also a Dutch word: De Wit, Van der Berg, Bakker, Visser, De Boer, Smit, De Jong, Kok, Van Dam,
Vos, Huisman, Van der Linden. Each has its own sentences in which that word is used as a word
("de muren zijn wit", "de bakker op de hoek", "te jong"), and every family gets the same
sentences about places (Den Haag, Rijswijk, Wassenaar, Leidschendam-Voorburg), schools and teams
("basisschool De Regenboog", "wijkteam Westland"), ordinary words opening a sentence ("Vrede in
huis …", "Klein verschil …") and the family's names in sloppy spellings ("mevrouw de wit").

Markup: `{x}` a personal value of the case, `<<x>>` a name the case does not know (a teacher, a
neighbour): both must go; `[[x]]` must stay exactly, as often as it was written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from tafelapp.domain.pseudonyms import PersonalData, personal_data
from tests.privacy.corpus import Evaluation, Family, Sentence, _values, case_for


@dataclass(frozen=True)
class WordFamily:
    """A family whose name reads as ordinary words, with sentences of its own."""

    family: Family
    own: tuple[str, ...]


def _family(name: str, mother: str, father: str, child: str, sibling: str, born: dt.date,
            sibling_born: dt.date, address: str, postcode: str, phone: str, professional: str,
            ) -> Family:
    last = " ".join(mother.split()[1:])
    formal_last = name
    email = f"{mother.split()[0].lower()}.{name.replace(' ', '').lower()}@example.nl"
    return Family(name, mother, father, child, last, child, born, sibling, sibling_born, address,
                  postcode, phone, phone.replace("-", " "), email, "123456782",
                  f"mevrouw {formal_last}", f"de heer {formal_last}", professional)


WORD_FAMILIES = [
    WordFamily(_family("De Wit", "Ilse de Wit", "Marco de Wit", "Jesse", "Fenna",
                       dt.date(2014, 2, 9), dt.date(2018, 8, 21), "Voorbeeldstraat 17",
                       "2491 AB", "06-21436587", "Yvonne Hermans"), (
        "De muren van de kamer van {child} zijn [[wit]] geschilderd; {mother_first} heeft er "
        "samen met hem posters opgehangen.",
        "[[Wit]] en stil zat {child} aan tafel toen {father_formal} over de scheiding begon.",
        "{mother_formal} ziet het nogal zwart-[[wit]]: of {child} gaat terug naar school, of zij "
        "haalt hem eraf.",
        "Volgens de leerkracht werd {child} lijkbleek, bijna [[wit]], toen {father_first} "
        "onverwacht op het schoolplein stond.",
        "Het gezin {family} woont in een [[wit]] rijtjeshuis aan de rand van [[Wateringen]].",
        "{sibling} {last} wil haar kamer ook [[wit]], net als die van haar broer.",
        "De huisarts schreef dat {child} een [[wit]] beslag op de tong had en verwees hem door.",
        "Bij het huisbezoek op [[3 maart]] lag de keuken vol [[wit]] stof van de verbouwing; "
        "{mother_first} schaamde zich.",
        "{father_initial} heeft in [[Den Haag]] een kamer gevonden; {child} mag daar om het "
        "weekend slapen.",
        "{mother_first} geeft aan dat de [[witte]] bank nieuw is en dat {child} er niet op mag.",
        "De jeugdbeschermer heeft op [[2 december]] met mw. <<De Wit>> en haar ex-partner gesproken.",
        "[[Wit]] weggetrokken van de stress kwam moeder naar het gesprek.",
    )),
    WordFamily(_family("Van der Berg", "Monique van der Berg", "Erik van der Berg", "Daan",
                       "Mila", dt.date(2012, 5, 30), dt.date(2016, 1, 12), "Proefweg 4",
                       "2272 CD", "06-32547698", "Gerrit Hoekstra"), (
        "Het gaat [[berg]] op, [[berg]] af met {child}, zegt {mother_formal}.",
        "[[Berg]] op, [[berg]] af: zo beschrijft {father_first} het afgelopen half jaar.",
        "{mother_first} ziet als een [[berg]] op tegen het gesprek met de [[Raad voor de "
        "Kinderbescherming]].",
        "De stapel post is een [[berg]] geworden; {father_formal} opent zijn brieven niet meer.",
        "Opa en oma {last} wonen in [[Berg en Dal]]; {child} en {sibling} logeren daar soms.",
        "In de zomer gaat het gezin {family} naar de [[bergen]] in Oostenrijk.",
        "{child} vertelt dat hij 'een [[berg]] van zorgen' in zijn buik voelt.",
        "{sibling} gaat sinds [[januari]] naar [[ikc De Berg]] in [[Nootdorp]].",
        "De schulden van {father_full} zijn een [[berg]] van ruim 30.000 euro.",
        "{child} fietst elke dag de [[berg]] op naar school in [[Pijnacker]].",
        "Moeder <<Van der Berg>> heeft een afspraak bij de huisarts in [[Rijswijk]].",
    )),
    WordFamily(_family("Bakker", "Sandra Bakker", "Richard Bakker", "Sem", "Roos",
                       dt.date(2013, 9, 3), dt.date(2017, 6, 25), "Oefenlaan 88", "2531 EF",
                       "06-43658709", "Mirjam Hofstede"), (
        "{mother_formal} werkt vroeg bij de [[bakker]] op de hoek en is om half drie thuis.",
        "De [[bakker]] op de hoek belde [[Veilig Thuis]] omdat {child} 's ochtends zonder jas "
        "buiten stond.",
        "{father_full} is [[bakker]] van beroep en werkt in ploegendienst.",
        "{sibling} kreeg van {child} een [[roos]] voor haar verjaardag.",
        "Alle [[bakkers]] in de buurt kennen {child}; hij haalt elke ochtend zelf brood.",
        "{mother_first} wil een opleiding tot [[bakker]] volgen bij het [[ROC Mondriaan]].",
        "Vader heeft geen werk meer sinds de [[bakker]] waar hij werkte failliet ging; "
        "{father_formal} zoekt nu via het [[UWV]].",
        "[[Bakker]] van beroep, staat {father_first} elke nacht om vier uur op.",
        "{child} heeft [[roos]] op zijn hoofd; de huisarts schreef een shampoo voor.",
        "{child} is bij de [[bakker]] betrapt met gestolen snoep; de [[politie Zoetermeer]] is "
        "ingeschakeld.",
        "{father_first} zegt: “Ik ben gewoon [[bakker]], geen opvoeder.”",
        "{sibling} (4) gaat naar [[peuteropvang De Kikker]].",
    )),
    WordFamily(_family("Visser", "Kim Visser", "Dennis Visser", "Finn", "Zoë",
                       dt.date(2011, 11, 17), dt.date(2015, 3, 8), "Testkade 2", "2583 GH",
                       "06-54769810", "Ingrid Verbeek"), (
        "{father_formal} is [[visser]] en vaart doordeweeks uit vanuit [[Scheveningen]].",
        "Omdat vader als [[visser]] vaak weken weg is, staat {mother_first} er alleen voor.",
        "De [[vissers]] in de haven kennen {child}; hij hangt daar na school rond.",
        "{child} wil later [[visser]] worden, net als {father_first}.",
        "Oom <<Jan>>, ook [[visser]], past soms op {sibling}.",
        "Een [[visser]] vond {child} 's nachts op de pier in [[Hoek van Holland]].",
        "{sibling} {last} gaat naar [[peuterspeelzaal Het Visje]].",
        "Volgens {mother_full} drinkt vader na een week als [[visser]] op zee veel.",
        "Het contact tussen {mother_formal} en de school van {child} is verbeterd.",
    )),
    WordFamily(_family("De Boer", "Petra de Boer", "Henk de Boer", "Storm", "Jasmijn",
                       dt.date(2012, 4, 14), dt.date(2019, 10, 2), "Voorbeeldweg 31",
                       "2671 JK", "06-65870921", "Sietske Algra"), (
        "Vader is [[boer]]; het gezin {family} woont op een boerderij buiten [[Honselersdijk]].",
        "De [[boer]] naast de boerderij van {father_formal} heeft de politie gebeld.",
        "Na de [[storm]] van vorige week is de schuur bij {mother_formal} ingestort.",
        "{child} is een echte [[boer]]: hij is het liefst buiten bij de koeien, zegt "
        "{mother_first}.",
        "[[Boer]] zijn is voor {father_first} geen beroep maar een manier van leven.",
        "De [[boeren]] in de polder helpen {mother_first} met vervoer naar [[Naaldwijk]].",
        "{child} ({b_dash}) en {sibling} gaan naar [[cbs De Akker]].",
        "Er raast een [[storm]] in het hoofd van {child}, schrijft de orthopedagoog.",
        "{mother_first} ruikt [[jasmijn]] in de tuin en wordt rustig, vertelt ze.",
        "{child} is druk en de [[boer]] naast hen klaagt over de herrie.",
        "{father_full} werkt als [[boer]] in [[Westland]].",
    )),
    WordFamily(_family("Smit", "Linda Smit", "Patrick Smit", "Noah", "Fleur",
                       dt.date(2015, 7, 19), dt.date(2018, 12, 1), "Proeflaan 9", "2681 LM",
                       "06-76981032", "Hanneke Zijlstra"), (
        "Opa was [[smit]] in [[Monster]]; {father_first} heeft zijn gereedschap nog in de "
        "schuur.",
        "{mother_formal} heeft weer wat [[fleur]] gekregen sinds {child} naar de dagbehandeling "
        "gaat.",
        "De [[smit]] bij de manege, een kennis van {father_formal}, wil {child} later een "
        "stageplek geven.",
        "{sibling} {last} zit op [[basisschool De Fontein]] in [[Monster]].",
        "Het gezin {family} woont sinds [[2023]] in [[Poeldijk]].",
        "{child} helpt in de vakantie bij de [[smit]] in het dorp.",
        "{mother_first} vertelt dat {child} bij opa in [[Monster]] logeert.",
    )),
    WordFamily(_family("De Jong", "Esther de Jong", "Mark de Jong", "Liam", "Julia",
                       dt.date(2010, 1, 26), dt.date(2013, 5, 5), "Oefenstraat 140",
                       "2285 NP", "06-87092143", "Wouter Hazeleger"), (
        "{mother_first} was zelf erg [[jong]] toen {child} werd geboren: net zeventien.",
        "[[Jong]] als ze was, kreeg {mother_formal} weinig steun van haar eigen ouders.",
        "{father_formal} vindt {child} te [[jong]] voor een eigen telefoon.",
        "[[Jong]] geleerd, oud gedaan, zegt {father_first} over de opvoeding.",
        "{sibling} is nog te [[jong]] om te vertellen wat er thuis gebeurt.",
        "Het gezin {family} heeft een [[jong]] hondje dat {child} zelf uitlaat.",
        "Zowel {mother_full} als {father_full} komen uit [[Leidschendam-Voorburg]].",
        "Oud en [[jong]] kwamen naar het feest van {child} op {b_daymonth}.",
        "{mother_first} voelt zich te [[jong]] om al oma te worden, zegt ze lachend.",
        "{child_full} (groep 8) gaat naar het [[Grotius College]] in [[Delft]].",
    )),
    WordFamily(_family("Kok", "Naomi Kok", "Rachid Kok", "Milan", "Iris",
                       dt.date(2014, 8, 11), dt.date(2016, 2, 29), "Voorbeeldplein 6",
                       "2612 RS", "06-98103254", "Femke Bosma"), (
        "{father_formal} werkt als [[kok]] in een restaurant in [[Delft]] en komt pas laat "
        "thuis.",
        "{child} wil [[kok]] worden en kookt thuis elke vrijdag.",
        "De [[kok]] van de dagbehandeling ziet dat {child} geen ontbijt meekrijgt.",
        "Bij {mother_formal} thuis zijn er te veel [[koks]]: opa en oma bemoeien zich overal "
        "mee.",
        "{sibling} heeft een ontsteking aan haar [[iris]]; de oogarts controleert haar elke "
        "maand.",
        "[[Kok]] in een hotel, moest {father_first} zijn werk opgeven na het ongeluk.",
        "Het gezin {family} krijgt pakketten van de [[Voedselbank Haaglanden]].",
        "{mother_first} {last} volgt een cursus bij de [[kok]] van het buurthuis.",
        "{mother_first} en {father_first} koken om de beurt; {father_first} is [[kok]].",
    )),
    WordFamily(_family("Van Dam", "Wendy van Dam", "Ronald van Dam", "Luuk", "Sara",
                       dt.date(2013, 3, 22), dt.date(2017, 9, 14), "Testweg 55", "2715 TV",
                       "06-19283746", "Annemiek Roelofs"), (
        "De bevers in het park hebben een [[dam]] gebouwd; {child} gaat er elke dag met "
        "{father_first} kijken.",
        "Het gezin {family} is in de zomer naar de [[Dam]] in [[Amsterdam]] geweest.",
        "{mother_formal} werpt een [[dam]] op tegen alle hulp die wordt aangeboden.",
        "{child} speelt [[dam]] bij de club in het buurthuis.",
        "De [[dam]] is gebroken, zegt {father_formal}: hij heeft alles aan de jeugdbeschermer "
        "verteld.",
        "{sibling} gaat naar [[kinderdagverblijf De Boomhut]] in [[Zoetermeer]].",
        "Oma {last} woont in [[Edam]] en komt eens per maand.",
        "{child} bouwt een [[dam]] in de sloot achter het huis in [[Zoetermeer]].",
    )),
    WordFamily(_family("Vos", "Joyce Vos", "Kevin Vos", "Tess", "Ruben",
                       dt.date(2012, 10, 8), dt.date(2020, 4, 17), "Oefenkade 21", "2641 WX",
                       "06-28374655", "Bram Oosterhuis"), (
        "{child} is een slimme [[vos]], zegt de leerkracht: ze weet precies wat ze moet "
        "zeggen.",
        "In de tuin van {mother_formal} komt 's nachts een [[vos]] kijken; {child} vindt dat "
        "spannend.",
        "Een oude [[vos]] verliest zijn streken niet, zegt {mother_first} over {father_first}.",
        "{sibling} slaapt alleen met zijn [[vos]] (een knuffel) in bed.",
        "Het gezin {family} woont sinds de zomer in [[Pijnacker]].",
        "Bij het huisbezoek zat {father_full} met een [[vos]] op zijn arm: een tam dier.",
        "{mother_full} vertelt dat een [[vos]] de kippen heeft opgegeten.",
    )),
    WordFamily(_family("Huisman", "Anouk Huisman", "Bas Huisman", "Jayden", "Lieke",
                       dt.date(2011, 6, 4), dt.date(2014, 12, 19), "Proefstraat 3", "2622 YZ",
                       "06-37465564", "Karel Dijkstra"), (
        "{father_first} is sinds zijn ontslag [[huisman]] en zorgt voor {child} en {sibling}.",
        "Als [[huisman]] voelt {father_formal} zich niet serieus genomen door de school.",
        "{mother_formal} werkt fulltime; vader is [[huisman]].",
        "{child} klaagt over de harde [[bas]] van de muziek bij de buren.",
        "Het gezin {family} woont in [[Nootdorp]]; de kinderen gaan naar [[basisschool De "
        "Triangel]].",
        "Een [[huisman]] is voor de familie van {mother_first} iets vreemds.",
        "{father_first} is [[huisman]]; {mother_first} werkt bij de [[gemeente Pijnacker-Nootdorp]].",
    )),
    WordFamily(_family("Van der Linden", "Marieke van der Linden", "Sander van der Linden",
                       "Thijs", "Linde", dt.date(2013, 11, 28), dt.date(2017, 7, 7),
                       "Voorbeeldhof 12", "2273 AB", "06-46556473", "Petra Kuipers"), (
        "{child} zit op [[basisschool De Linden]] in [[Voorburg]].",
        "Onder de [[linden]] op het plein praat {mother_first} met andere ouders.",
        "De intern begeleider van [[De Linden]] heeft {mother_formal} uitgenodigd.",
        "{sibling} heeft haar naam van de [[linde]] in de tuin van oma.",
        "Het gezin {family} woont in [[Leidschenveen]].",
        "{child} speelt onder de [[linden]] op het plein van [[De Linden]].",
        "{father_full} is verhuisd naar [[Wassenaar]].",
    )),
]

SHARED = [
    "Het gezin {family} verhuist in het voorjaar van [[Den Haag]] naar [[Zoetermeer]].",
    "{mother_formal} werkt in [[Delft]] en brengt {child} 's ochtends eerst naar [[basisschool "
    "De Regenboog]].",
    "{child} zit in groep 6 van [[Het Kompas]] in [[Rijswijk]]; de school meldt verzuim.",
    "De intern begeleider van [[basisschool De Wilgen]] ziet dat {child} vaak moe is.",
    "Oma woont in [[Wassenaar]]; {child} en {sibling} logeren daar in de vakanties.",
    "[[Vrede]] in huis is voor {father_first} het belangrijkste, zegt hij op [[4 december "
    "2026]].",
    "[[Rust]] en regelmaat zijn nodig, schrijft de jeugdarts van de [[GGD Haaglanden]] over "
    "{child}.",
    "[[Klein]] verschil met de vorige keer: {mother_first} belt nu zelf met [[Veilig Thuis "
    "Haaglanden]].",
    "Het [[wijkteam Westland]] heeft {mother_formal} in [[oktober]] twee keer thuis gesproken.",
    "{child_full} gaat na de zomer naar het [[Stanislascollege]] in [[Pijnacker]].",
    "De [[Jan Ligthartschool]] in [[Leidschendam-Voorburg]] heeft een plek voor {sibling}.",
    "{father_full} heeft schulden en krijgt hulp van de gemeente [[Den Haag]].",
    "Op [[12 februari 2027]] bespreekt de [[Zorg- en Veiligheidstafel]] het gezin {family} "
    "opnieuw.",
    "{sibling} gaat drie dagen naar [[kinderdagverblijf De Boomhut]] en na school naar [[bso Het "
    "Avontuur]].",
    "[[Goed]] nieuws: {child} kan na de kerstvakantie terecht op [[sbo De Piramide]] in "
    "[[Wateringen]].",
    "[[Lang]] verhaal kort: {father_formal} wil {child} vaker zien dan [[één weekend per "
    "maand]].",
    "Terugbellen: {mother_lower}, na [[15.00 uur]], over de afspraak in [[Den Haag]].",
    "Gesprek met mevrouw {last_lower} en {child} bij het [[CJG Rijswijk]] op [[9 januari "
    "2027]].",
    "De buurvrouw, mevrouw <<Mulder>>, heeft {mother_formal} naar [[Veilig Thuis]] verwezen.",
    "Juf <<Koster>> van [[groep 5]] maakt zich zorgen over {child} en belt {father_formal}.",
    "{child} ({b_dash}) woont afwisselend in [[Delft]] en [[Den Haag]].",
    "[[Groot]] probleem blijft het vervoer: {mother_first} heeft geen auto en woont buiten "
    "[[Naaldwijk]].",
    "De [[Annie M.G. Schmidtschool]] in [[Zoetermeer]] vraagt {mother_formal} om een gesprek.",
    "{mother_full} en {father_full} kwamen op [[3 december 2026]] samen naar de "
    "[[Jeugdbeschermingstafel]].",
    "Het [[jeugdteam Ypenburg]] neemt de hulp aan {child_full} over van het [[wijkteam "
    "Escamp]].",
    "Meester <<Molenaar>> van [[Het Kompas]] heeft {father_first} op [[20 november]] gebeld.",
    "Aanwezig: {mother_formal}, {father_formal}, mw. <<Hoogendoorn>> ([[Veilig Thuis]]) en de "
    "voorzitter.",
    "- {child} gaat naar [[Jeugdhulp Haaglanden]] voor [[traumabehandeling]];\n- {mother_first}"
    " meldt zich bij het [[Schuldhulpmaatje]] in [[Schiedam]].",
    "[[Kort]] samengevat: het gaat thuis beter, maar {child} verzuimt nog op [[basisschool Het "
    "Palet]].",
    "[[Thuis]] is het onrustig sinds {father_first} in [[Vlaardingen]] werkt.",
    "Zorgen m.b.t. {child}: [[slapen]], [[eten]], en contact met leeftijdgenoten.",
    "Dhr. {father_last_lower} (vader) is telefonisch niet bereikbaar, ook niet op {phone}.",
    "Mail van {father_initial} over de omgangsregeling doorgestuurd aan de [[gecertificeerde "
    "instelling]].",
    "GEZIN {family_upper}: besproken op de [[Jeugdbeschermingstafel Haaglanden]] van [[5 "
    "november 2026]].",
    "De kinderen van {family} hebben een goede band met de buurman, meneer <<Schouten>>.",
    "[[Samen]] met de [[Raad]] is besloten dat {child} voorlopig bij oma in [[Maassluis]] "
    "blijft.",
    "[[Buiten]] spelen doet {child} alleen in het [[Zuiderpark]], vertelt {mother_formal}.",
    "Advies [[GGZ Delfland]]: {mother_first} start met een behandeling in [[Midden-Delfland]].",
    "De wijkagent van [[Pijnacker-Nootdorp]] kent het gezin {family} nog niet.",
    "Op [[19 november]] had {child} een gesprek met <<Anja Meijer>> van het [[Centrum voor "
    "Jeugd en Gezin]].",
]


def _word_values(f: Family) -> dict[str, str]:
    values = _values(f)
    father_last = " ".join(f.father.split()[1:])
    return {**values, "mother_lower": f.mother.lower(), "last_lower": f.child_last.lower(),
            "father_initial": f"{f.father[0]}. {father_last}", "family_upper": f.name.upper(),
            "father_last_lower": father_last.lower()}


_FIELD = re.compile(r"\{(\w+)\}|<<(.+?)>>")


def sentences() -> list[Sentence]:
    """Each family's own sentences and the shared ones, filled in for every family."""
    out = []
    for word_family in WORD_FAMILIES:
        values = _word_values(word_family.family)
        for template in (*word_family.own, *SHARED):
            personal = [values[m[1]] if m[1] else m[2] for m in _FIELD.finditer(template)]
            keep = re.findall(r"\[\[(.+?)\]\]", template)
            text = template.replace("[[", "").replace("]]", "").replace("<<", "").replace(
                ">>", "").format(**values)
            out.append(Sentence(text, personal, keep, word_family.family))
    return out


_NOT_A_NAME = {"van", "de", "der", "den", "el", "mw.", "dhr.", "de heer", "mevrouw", "meneer",
               "heer", "oom", "juf"}


def _count(phrase: str, text: str) -> int:
    return len(re.findall(rf"(?<!\w){re.escape(phrase)}(?!\w)", text))


def leaked(output: str, sentence: Sentence) -> list[str]:
    """Personal values (or any name part of three letters or more, in any case) still in the
    output, after the phrases that had to stay (as often as they were written) are set aside:
    "de muren zijn wit" about the family De Wit is no leak, "Wit" left of "Ilse de Wit" is."""
    rest = output
    for phrase in sorted(set(sentence.keep), key=len, reverse=True):
        rest = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", "#", rest,
                      count=sentence.keep.count(phrase))
    found = []
    for value in sentence.personal:
        parts = [value] + ([] if re.search(r"\d|@", value) else [
            p for p in re.split(r"[\s\-.()]+", value) if len(p) >= 3
            and p.lower() not in _NOT_A_NAME])
        found += [p for p in parts
                  if re.search(rf"(?<!\w){re.escape(p)}(?!\w)", rest, re.IGNORECASE)]
    return found


def damaged(output: str, sentence: Sentence) -> list[str]:
    """Phrases that had to stay, exactly and as often as marked, but did not (once for each
    time it is missing)."""
    return [phrase for phrase in dict.fromkeys(sentence.keep)
            for _ in range(sentence.keep.count(phrase) - _count(phrase, output))]


def evaluate(pseudonymise: Callable[[str, PersonalData], str]) -> Evaluation:
    """Run every sentence through `pseudonymise` with its own case's data."""
    data = {w.family.name: personal_data(*case_for(w.family)) for w in WORD_FAMILIES}
    corpus = sentences()
    leaks: list[dict[str, object]] = []
    damage: list[dict[str, str]] = []
    for sentence in corpus:
        output = pseudonymise(sentence.text, data[sentence.family.name])
        leaks += [{"text": sentence.text, "output": output, "leaked": v}
                  for v in leaked(output, sentence)]
        damage += [{"text": sentence.text, "output": output, "phrase": p}
                   for p in damaged(output, sentence)]
    return Evaluation(len(corpus), sum(len(s.personal) for s in corpus), leaks, damage,
                      sum(len(s.keep) for s in corpus))
