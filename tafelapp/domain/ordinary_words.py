"""Name words that are also ordinary Dutch words (written by scripts/ordinary_words.py)."""

# Generated: do not edit by hand.
# Words of deduce's name lists that OpenTaal's word list (BSD / CC BY 3.0, opentaal.org)
# has as ordinary lower-case words; see scripts/ordinary_words.py for how they are chosen.
ORDINARY = frozenset("""
aal aan aanholt aanraad aanstoot aar aarden aart abel abraham abrahams acht achten achteren adam
adel adelaar admiraal advocaat aken aker akker akkeren akkerman alle alleman alles alma alten
ambachtsheer anders angel anker appel appelboom appels april arend ariaans ark ars arts assem
assen ast asten augustijn augustus avontuur baak baal baan baar baard baardman baars baarslag
baart baas baast baat back backer bader baggerman bah bak baken baker bakhuis bakhuizen bakker
bakkers bakkes bal balder balen balk ballast ban band banga bank banken banning baptist barbier
baren bark baron bas bast basten baten batist bats bavelaar bazen bazuin beek been beentjes beer
beest bek beker bekers bel belle bellen bello belt ben benard benjamin benjamins bent berbers
berende berg berge bergen berger bergers berghout berghuis berk bes best besten betten beugels
beugen beuk beuken beuker beukers beulen beun beunen beurden beurs bevaart bever beverdam bevers
bezembinder bie biersteker bies biezen bij bijen bijker bijkerk bijl bijman bijpost bijster
bijvoet bik bikker bil bilt bink binken binnendijk bisschop bitter blaak blaas blank blanke
blanken blanker blauw bleker bles bliek blik blink block bloem bloemen blok blokhuis blokker
blokland blom blonk bloos bloot blouw bock bod bode boef boek boekel boekhoudt boel boelen
boender boer boeren boers boertje boes boet boeters bogaard bogerd bok boks bol bolder bolk
bolle bollen bols bolster bolt bolwerk bom bomers bommel bon bond bonder bonnes bonnet bons bont
bonte bonten bontje bood boog boom boomen boomgaard boon boontje boontjes boor boos boosten boot
boots bootsman borg borger borst borsten borstlap bos bosland boss bot bots bottelier botter
bout bouten bouw bouwen bouwer bouwers bouwhuis bouwkamp bouwman bouwmeester boven box braad
braaf braak braam bracht brak braken braker brand brander brandjes brandt bras braspenning
brasser breed breeuwer brem bril brink brobbel broeder broeders broek broeken broer broers
broertjes brok brokken brom brommer bron bronk brons brood broos brouw brouwer brouwers brug
bruggen bruin bruine bruinen bruining bruintjes bruls brummel brus bui buil buis buist buit
buitelaar buiten buitendijk buitenhuis buitenweg buizer bul bulder bulk bult bulten bunk bunt
buren burg burgemeester burger burgers burggraaf burgwal bus bussel buur buurman camp camps
ceder centen cents chow claus clement commandeur cools copier cornet corporaal cox croon croonen
cupido cuppen daal daalder daas dag dal dalen daling dam dame dammer dammers dan dartel das
dassen deen degen degens dek deken dekens dekken dekker dekkers delft dellen denderen denkers
derby deugd deuren die diender dienst diepen dieren diggelen dijen dijk dijken dijker dijkers
dijkgraaf dijkhuis dijkhuizen dijkslag dik dikken dikker dillen dingen dis disco dissel dobbe
dobbelaar dobbelsteen dobber doek doel doelen doelman does doggen dogger dok dokter dol dolk
dolle dolleman dolman dolmans domen dommelen don donders dongen donk donker donkers dons dood
dool door doorn doornbos doosje dop doppen doren dorp dors dorst dorsten dort dost douw dreef
dreumel drie dries driesen driesprong driest drift drijfhout drijver drijvers droog drop dros
drost droste drummen dubbelaar duif duiker duim duin duinen duister duisters duits duiven dul
dun dunnen dunning duren dwars ebben ede edel edelman eden eek eerde eerden eert eggen eilander
einden eisen eker eland elders elk elke ellen ellens els elzen emmers end ende enden eng engel
engelen engels enk ent enting eren erna ernst erve erven essen est ester even evers extra faas
fabriek faro fase feller fijn fikse fitters flapper fleer flens fleur fleuren flier flik flink
florijn flos fluit fluiter fok fokker foks fontein foppen fortuin fox frank franke franken
fransman fris frissen fulpen gaal gaans gaillard gal galen gans garnier gast gasteren geel geels
geer geers geest geilen geld gelling geloof geloven geluk gent gerits gestel geus geuze gevel
geven gevers giebels gier giezen gijn glas glorie goed goedbloed goede goedkoop goeman gommeren
goor goot gootjes gordijn gort goud gouda gouw graaf graas graat gracht gras grauw grave graven
grieken griend griep griffioen grift grijs grim grinten grit groef groen groenen groener
groenhart groenland groep grol grond groos groot groothuis gros groters grutters guit gulpen gun
gunst gunter haaf haag haak haalboom haan haar haard haars haas haasjes haast habibi hack hagen
hagenaar hagenaars hagendoorn hager hak hakkers hal halen hall halm halma ham hamel hamer
hameren hamers hamerslag hammen han handels hans haperen happen harder harders haren haring
harst hart harte harten hartjes haspels have haven haver havik hazelaar hazen hebben heek heel
heemst heer heerschap hees heest heesters hegge heide heiden heideveld heil heilig heinen
heiningen hek hel held helden helder heling heller helling helm hemel hemelrijk hemmen hengel
hengst henry hens henzen herder herfst herik herten hertog hes hese hesen hesp heugen heuker
heul heus heuvel heuvelen heuvels hil hink hobbel hobbelen hobo hoed hoedjes hoedt hoef
hoefnagel hoefnagels hoek hoekman hoeks hoen hoenen hoepel hoes hoeve hoeven hoevenaar hoezen
hof hofmeester hofstede hofstee hogers hoi hol holm holst holster holt holten holvast hommel
hond honig honing honk hoofs hoog hoogland hoogmoed hooi hoon hoop hoor hoorn hoos hop hopman
hopmans hoppe hoppen hopstaken horen horn horst horsten hos hospes houdt hout houten houtzager
houwen houwer houwers hoveling hoven hoving huigen huis huisjes huisman huizen huizing hul huls
hulst hulzen hummel hup hurk hus hut hutten ijzer immers iris jager jagers jak janmaat jas
jasmijn jeu jeuken jol jonas jong jonge jongeling jongen jongens jongste jonk jonker jonkers
jonkman jouw juffer juli jutte jutten kaag kaagman kaak kaal kaam kaan kaap kaars kaas kaasjager
kabel kadijk kaffa kalf kalis kalk kalken kalle kallen kam kamer kamerling kammen kamp kampen
kamper kampers kamphuis kan kanis kanon kant kanter kap kapel kaper kapitein kappen kappers kar
karman karst kas kasteel kastelein kat kater katoen kee keen kees keet kegel keizer keizers
kelder kelders kelly kemenade kemp kempen kempenaar kennis kent kenter keppel kerkhof kerkhoven
kern kers kersten ket ketel ketelaar ketelaars ketels ketterij ketting keuken keukens keur keurs
keus keuter khan kicken kiel kielman kies kieviet kievit kik kikken kikkert kil kin kind
kinderen kinds king kip kippers kist kits klaar klap klaren klauw klaver klaveren kleef klei
kleiboer klein kleine kleingeld klep klepper klerk klever klijn kling klinge klink klinken
klinker klinkers klinkhamer klip klis kloek kloet klok klomp klooster kloosterhuis klop klopper
kloppers klos kluft kluit knaap knap knapen knapper knarren knevel kniest knip knippers knol
knook knoop knop knot kodde koe koehoorn koek koeken koekoek koel koele koelen koen koene koers
koert koet koetje koets koetsier koevoet kohl kok kokken koks kol kolder kolen kolenbrander kolk
kollen komen kommer kon konijn konijnenberg koning koningen konings kooi kooiker kooiman kool
koolhaas koolmees koop koopman koopmanschap koot kop koper koppel koppelaar koppen koppers kops
kor koren korf kornet korporaal korrel korst korsten kort korte korten korven kost kostelijk
kosten koster kosters kouters kraai kraak kraal kraan krab krabbe krabben kracht kraker kram
kramer kramers kramp kranen krans krap kras kreeft kreek kregel krekels kreuk krevel kriek
krieken krielen krijger krijgsman krijt krikken krimpen krist kroep kroes kroeze kroezen krol
krom kromhout krook kroon kroos kroot krop kruidenier kruif kruik kruiper kruis kruit kruk krul
kuiken kuil kuilen kuin kuip kuiper kuiperij kuipers kuis kuit kuiters kunnen kunst kwaak kwak
kwakkel kwant kwarten kwast kwee kwint kwinten laag laagland laak laan laar laat lagen lam lamme
lammeren lamoen land lander landheer landman landsman landzaat lanen lang lange langen langhout
lans lap last latten lauwen laven law leden lee leek leeman leemans leemkuil leen leenheer
leenman leent leer leers leertouwer leest leeuw leeuwen leeuwerik lei leidekker lek lelie
lelieveld lemmers lende leng lens lensen lente lepelaar lepelaars lepper leur leus levels lever
levering licht liefde liefhebber lier liet ligt lijster linde lindeboom linden link linker lint
lip list loch lock lodder lodders loef loenen loer lof loggen logt lok lokken lokker lommen lont
loo loof loon loop loos los lot louter louw louwen lub lubben luik luiken luit luiten luitjes
lust lustig lut lynch maan maandag maar maas maat maatje made madelief maden mager majoor mak
male man mandjes manen maneschijn mank mannetje mans mantel maren marges mark mars martini mast
maten mater maters mee meel meent meer meerman mees meester meesters meeuwen mei meiden meier
meis melis melisse menger mennen mens mensen merk mes messing mesters meter mets metselaar
metten middag middel middelaar midden mierden miert mies mijnen mijnheer mik milder min
minderman mink minnaar minnen moed moel moerdijk moes mok mol molen molenaar mollen mom monden
monster mooi moonen moor moraal morel morren mors mortel mos mossel mosselman most mosterd mout
mouw mouwen mud mudde muis mul mulder mulders muller munster munsters munt munten munter
muntslag mus naalden nader nagel nakken namen nap nas nat nebbeling neef neefjes neer nellen
nelson nes net netten neut neutel nevels neven ngo nies niesen niesten niet nieuwkoop niezen
nijp niks nissen nobel nobels nol nollen nood noord noorden noordhoek noordzij noot noppen nota
noten notenboom oei oenen oever offeren oldenburger olie olieman onder onderdijk onderwater
onland onrust ooms oor oord oost oosten oosterling oosthoek oosting opbergen opperman oppers
opstal oranje orden ossendrijver otter oud oude ouden oudsten out overloop overman oversteeg
overtoom overwater overweg paalvast paap paas padding paffen pak pal palen paling palm palmen
pan pander pang pap papa papen pappot pardon pas pastoor pastoors pastor pater patijn paus pauw
pee peer peet peetoom pegels pekel pel pelgrim pels pelser pelt pen penners penning peper pepers
peppel per perk persoon pet peter peters petit peulen pfeiffer piek pieper piepers piest piet
pieterman pijl pijnappel pijnappels pijnen pijper pijpers piket pinas pinkster piqué pit plaat
plaats plak planken plant planting plas plat platje platvoet pleiter plet ploeg ploeger plomp
plompen plug pluim pluis pluk poel poelen poepjes pol polak polder polderdijk poldervaart polen
poll pols pomp pompen pomper pons ponsen pont pool poolen poort poorten poorter poos poot pop
poppen portier pos post pot potgieter pothuizen pots potter potters praat prak prakken pranger
pree prent priem priester prijs prikken pril prins prinsen profijt pronk proosdij proost proper
provoost pruim pul pullen punt punter purperhart put puts putte putten putter putters quant raad
raadt raaf raak raam raap raas raat raatjes radder radix ram ramp ras rave raven rebel ree reef
reek reep rees regeer regeling regt reins rek rekker rekkers rem remmen remmers rentmeester rep
rest reus reuter richel richter richters ridder rieken riem riet rietveld rij rijbroek rijdt
rijen rijk rijkaart rijke rijken rijks rijn rijnen rijper rijs rijsdam rijst rijt rikken riksen
ringeling rink rinkel rip ris ritmeester robben robbers robert robijn roemer roes roest roet
roeten roffel rog roggen rol roman rombout romein romp rond ronde rondeel rongen ronken rood
rook roos roost root ros roskam rossen rossing rotgans rots rouw rover rovers rozenblad
rozenboom ruig ruis ruit ruiten ruiter ruiterkamp ruiters ruiven run rus rust sabel sakkers
salet sambo santen sap sar sari sas sassen satijn schaaf schaap schaapherder schaar schaart
schade schaft schakel schakelaar schalk schalken schalks schamp schans schaper schat schee
scheel scheen scheepmaker scheer scheerder schel schelle schellen schelling schelven schelvis
schenk schenkel schenkels schep schepel schepen scheper schepers schepper scheppingen schermer
schets scheur schijf schijven schild schilder schilders schilling schilt schimmel schinkel schip
schipper schipperen schippers schobben schoen schoenmaker schoenmakers schoffelen schokker schol
scholing scholte schoof school schoon schoor schoot schop schot schotel schoten schots schotten
schout schouten schouw schouwen schraal schram schreven schrijver schrijvers schrik schroten
schuil schuit schuiten schulpen schuring schut schutte schutten schutter schuur seinen selder
sen sep siepel sier sikken sip slag slagboom slager slagman slagmolen slangen sliep sliepen
slijpen slik slikker slim slinger slobbe slof slok slokker slomp sloof sloot slootjes slot
sloten slots sluimer sluis sluiter slump smaal smal smeding smelt smet smid smissen smit smith
smook smout snapper sneep snel snellen sneller snijder snijders snip snoei snoek snoep snoeren
soest sok sol soldaat sommen sommeren son sonderen spa spaan spaander span spanbroek spang speek
speelman speet spek speksnijder spel spelde spelt spieker spier spiering spies spijk spijker
spijkers spil spin spit spits spitters splinter spoel spoor sprakel sprang spreeuw sprenkeling
sprenkels sprik springer sprong spruit staak staal staat staats stad stadhouders stal stam
stammen stans stap stapel stappen stapper stappers star starre starren stavast stee steeg steegs
steeman steen steenbakker steenbakkers steenbergen steenhuis steenoven steens steentjes stege
stek stel stelling stelt ster sterk sterke sterken sterling stern sterren steur stevens stijf
stijger stil stins stip stobbe stoel stoep stoeten stoffels stoffer stoffers stok stoker stokvis
stol stolp stomp stoof stoop stoppels storm stoter stout straat stralen strang straten streef
streek streng strijk strijker strik stroeve stroom stroop struik stubbe stuifzand stuit stuiver
stulp stuurman suiker sukkel sultan super taal taalman tabak tak taken takken taks talen tam
tamboer tammer tan tang tange tap tas taverne teeuw tel tellingen temming tempel tempels tempert
tent terra the thomas thuis tibbe tichelaar tien tienen til timmer timmeren timmerman timp
tintelen tip tobben toet tol tolboom tolk tollenaar ton tool toom toonders toorn top tops toren
torn tournier touw touwen tramper trap treffers treur treuren treurniet triest trijp trip
trommel trommelen tromp trompetter troost tros trouw tuil tuin tuinder tuinen tuinier tuinman
tuit tuk tukker tulen tulp tunen turfboer turk twist uil uithol uitslag vaags vaal vaan
vaandrager vaart vaartjes vader valentijn valies valk vallen van vat vecht veen veenboer veer
veerman veger veld velde velden veldhoen velt ven vendel vendrig vent verbaas verbeet verberg
verdoold verhaar verhagen verharen verhoog verhoogt verkijk verkoelen verkuil verlaat verleg
verloop vermaak vermanen vermaning verschoof verschut versluis versnel verstappen verstraten
verton vervaart vervat vervelde verver ververs vervuurt verwater verwegen verwijs verwijst vet
vette vetten vetter viel vijgen vijver vilder vin vingerling vink vinken vis visser vissers vlag
vlak vleeshouwers vlek vlerken vletter vleugel vleugels vlieg vliegen vlieger vlies vliet vlijm
vlijmen vlot vloten vlug vluggen vocht voerman voert voet voeten vogel vogelaar vogelpoel vogels
vogelzang volders volk vondel vondeling vonder vonk vonken voogd voois voorbij voorde voorden
voorend voorhuis voorn voorst voort vork vorm vorst vos vossen vrede vree vreugd vriend vries
vriezen vrij vrijdag vrijer vrind vroege vrolijk vrolijks vromen vroom vroon vroonhoven vulpen
vuren waal waard waarde waarden waart waas wachtmeester wagenmakers wakker wal walhout walker
wallen wals wammes wan wandelen wang want wanten wassen wassenaar wasser wassing water watering
waterval weber webers wee weel weerd weerden weerman weerstand weert wees weg wegberg wegen
weger weide weiden weiland wekken wel welles welling welp welter wende wendt wensen went werd
werf werken werkman werven west westen wester westers wetering wetten wever wevers wezel wiegel
wiel wielen wieling wier wieren wiers wiggen wigger wijfje wijfjes wijk wijn wijnberg wijnbergen
wijnen wijngaard wijngaarden wijntjes wijs wijst wild wilde wildeman wilders wildschut wilgen
wille willigen wils wilt win wind winden winder windt wingerden wink winkel winkelaar winkels
winter winters wisse wissen wit witjes witte wittebrood witten witter witvoet wobben woerd
woerden wolf wolk wolzak wonderen woning woord worm worp worst wortel woud wouden wout wouter
wouters wouw wulp yang zaag zaal zagers zalm zand zandberg zandbergen zanden zanders zandt zant
zanten zee zeeland zeeman zeestraten zeilmaker zelfde zessen zetten ziel zijde zijden zijl zijp
zilver zinken zitter zoelen zoet zoete zoetelief zoethout zomer zomerdijk zomeren zomers zon
zondag zoon zoontjes zorgdrager zuiden zuidhoek zuilen zus zuur zwaan zwaard zwager zwam zwang
zwart zwartjes zwarts zweden zweep zwemmer zwerver zwetsloot zwiep zwier zwijgers zwikker zwol
""".split())  # noqa: SIM905

# The name words among the ~1,000 most frequent Dutch words (deduce's common-word list).
FREQUENT = frozenset("""
aan acht alle alles anders appel april augustus baan bal bank been beer beest beker bel bellen
berg best bij blauw bloem boek bood boom boon boos bos bot bouwen boven breed broek broer brood
brug bruin bui buiten buren burger bus buurman dag dan deken dik donker dood door dorp drie
droog duits dun elk elke engels erna even fijn fris geel geld geloof geluk geven glas goed
goedkoop goud gras grijs groen groep grond groot haan haar haast hal halen hamer hart hebben
heel heer helder hemel herfst heuvel hoed hoek hoi hond hoog hoop horen huis hut ijzer jas jong
jongen jouw juli kaars kaas kamer kan kant kap kasteel kat kennis kent keuken keus kind kip kist
klaar klein klok koers kok komen kon koning kop kort kost kosten kracht kruis kuil kunnen kunst
laag laat land lang leek leeuw licht liefde lip list los lot maan maandag maar maat man meel
meer mei mensen mes middel midden min mooi munt nader nat neer net niet nobel nood noord noot
olie onder oor oost oranje oud pan papa pas pauw pen peper per persoon piek plaat plaats plant
plat poort prijs prins punt raak raam rest rijk rijst rond rood rook rots sap schaap schaar
schip school schoon slim slot smal snel sok spel staal stad stap steen ster sterk stil stoel
storm straat suiker taal tak tas thuis tien tuin vader vallen van veer vet vijver vis vlag vlieg
voet vogel vork vorm vos vrede vriend vriezen vrij vrijdag wakker want wassen water weg west
wiel wijn wijs wild wind winkel winter wissen wit wolf wolk woord woud zand zee zelfde zetten
ziel zilver zinken zoet zomer zon zondag zoon zus
""".split())  # noqa: SIM905
