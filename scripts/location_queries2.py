"""Write a second held-out location set for ChartRAG's PHI tokenizer — stdlib only, deterministic (seed 4711).

Written blind: by a session that never opened the tokenizer (``rag_core/phi/``), its tests, the first location
set or its generator, so the set can fail. Two files:

* ``location_queries2.jsonl`` (split ``heldout-location2``) — clinician questions as they are typed (lower case,
  shorthand, no punctuation, some misspellings) that carry street addresses in many forms, cities with and
  without their state, counties, parishes, boroughs, neighbourhoods, ZIP / ZIP+4 codes and places abroad, with
  every identifier tagged by character offsets. Some also carry a person or a date.
* ``location_free_questions2.jsonl`` — clinical questions with no identifier at all, full of words that look like
  places: place-named diseases and viruses, scores, rules and braces named after cities, drug brands that are
  also towns, ordinary words that are town names, anatomy, units and lab shorthand.

Tagging convention: ``ADDRESS`` is the whole street line with number and unit (or the PO box, rural route,
highway or intersection); ``LOCATION`` is a city, town, county, parish, borough or neighbourhood, and a city
(or county) with its state, province or country is ONE span ("Tupelo, MS"); a leading "the" is left out; ``ZIP``
is the 5-digit or ZIP+4 code; ``PERSON`` and ``DATE`` as usual. A state or a country on its own is not tagged.

    python3 scripts/location_queries2.py --out data/phi

Place names are geographic facts; street numbers, street names as paired with towns, ZIP tails, people and
dates are invented. Apache-2.0. Held back for a once-only final measure: never tune on it.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

SEED = 4711
N_QUERIES = 350
SPLIT = "heldout-location2"

STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
    "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho",
    "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
    "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas",
    "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington", "WV": "West Virginia",
    "WI": "Wisconsin", "WY": "Wyoming", "PR": "Puerto Rico",
}

# the old newspaper abbreviations some clinicians still type
AP_ABBR = {
    "AL": "Ala.", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.", "CO": "Colo.", "FL": "Fla.", "GA": "Ga.",
    "IL": "Ill.", "IN": "Ind.", "KS": "Kan.", "KY": "Ky.", "LA": "La.", "MD": "Md.", "MA": "Mass.",
    "MI": "Mich.", "MN": "Minn.", "MS": "Miss.", "MO": "Mo.", "MT": "Mont.", "NE": "Neb.", "NV": "Nev.",
    "NH": "N.H.", "NJ": "N.J.", "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.", "ND": "N.D.", "OK": "Okla.",
    "OR": "Ore.", "PA": "Pa.", "SC": "S.C.", "SD": "S.D.", "TN": "Tenn.", "TX": "Tex.", "VT": "Vt.",
    "VA": "Va.", "WA": "Wash.", "WV": "W.Va.", "WI": "Wis.", "WY": "Wyo.",
}

# first three ZIP digits per state (inclusive range); the last two (and the +4) are invented
ZIP3 = {
    "AL": (350, 369), "AK": (995, 999), "AZ": (850, 865), "AR": (716, 729), "CA": (900, 961), "CO": (800, 816),
    "CT": (60, 69), "DE": (197, 199), "FL": (320, 349), "GA": (300, 319), "HI": (967, 968), "ID": (832, 838),
    "IL": (600, 629), "IN": (460, 479), "IA": (500, 528), "KS": (660, 679), "KY": (400, 427), "LA": (700, 714),
    "ME": (39, 49), "MD": (206, 219), "MA": (10, 27), "MI": (480, 499), "MN": (550, 567), "MS": (386, 397),
    "MO": (630, 658), "MT": (590, 599), "NE": (680, 693), "NV": (889, 898), "NH": (30, 38), "NJ": (70, 89),
    "NM": (870, 884), "NY": (100, 149), "NC": (270, 289), "ND": (580, 588), "OH": (430, 459), "OK": (730, 749),
    "OR": (970, 979), "PA": (150, 196), "RI": (28, 29), "SC": (290, 299), "SD": (570, 577), "TN": (370, 385),
    "TX": (750, 799), "UT": (840, 847), "VT": (50, 59), "VA": (220, 246), "WA": (980, 994), "WV": (247, 268),
    "WI": (530, 549), "WY": (820, 831), "PR": (6, 9),
}

# Real US places, chosen away from the famous ones: small towns, and towns whose names are also words, first
# names, surnames, eponyms, drug brands or other countries' cities. "City|ST" or "City|ST|typo;typo".
PLACES_RAW = """
Joy|IL
Comfort|TX
Boring|OR
Bland|VA
Surprise|AZ
Climax|MI
Accident|MD
Friendship|WI
Harmony|MN
Unity|ME
Liberty|MO
Defiance|OH
Eureka|CA
Paradise|CA
Bountiful|UT
Sandy|UT
Orem|UT
Hurricane|UT
Moab|UT
Price|UT
Delta|CO
Craig|CO
Salida|CO
Alamosa|CO
Sterling|CO
Golden|CO
Loveland|CO
Gunnison|CO
Brighton|CO
Deming|NM
Gallup|NM
Clovis|NM
Hobbs|NM
Raton|NM
Truth or Consequences|NM
Show Low|AZ
Globe|AZ
Payson|AZ
Kingman|AZ
Winslow|AZ
Bisbee|AZ
Nogales|AZ
Douglas|AZ
Why|AZ
Ajo|AZ
Needles|CA
Barstow|CA
Blythe|CA
Bishop|CA
Susanville|CA
Yreka|CA
Weed|CA
Ukiah|CA
Red Bluff|CA
Hanford|CA
Visalia|CA|Vasalia
Lodi|CA
Gilroy|CA
Hollister|CA
Indio|CA
Hemet|CA
Brawley|CA
Bell|CA
Ontario|OR
Burns|OR
Coos Bay|OR
Astoria|OR
Pendleton|OR
Klamath Falls|OR|Klamth Falls
Roseburg|OR
Sisters|OR
Drain|OR
Sublimity|OR
Walla Walla|WA
Wenatchee|WA|Wenatchie
Moses Lake|WA
Sequim|WA
Forks|WA
Chehalis|WA
Colville|WA
Aberdeen|WA
Sandpoint|ID
Moscow|ID
Lewiston|ID
Pocatello|ID|Pocatelo
Rexburg|ID
Salmon|ID
Challis|ID
Coeur d'Alene|ID|Cour d'Alene;Coeur dalene
Havre|MT
Glasgow|MT
Miles City|MT
Kalispell|MT
Lewistown|MT
Dillon|MT
Hamilton|MT
Minot|ND
Dickinson|ND
Williston|ND
Devils Lake|ND
Jamestown|ND
Zap|ND
Spearfish|SD
Mitchell|SD
Yankton|SD
Huron|SD
Brookings|SD
Armour|SD
Kearney|NE
Scottsbluff|NE
McCook|NE
Beatrice|NE
Alliance|NE
Hickman|NE
Hays|KS
Dodge City|KS
Emporia|KS
Pratt|KS
Chanute|KS
Goodland|KS
Protection|KS
Gas|KS
Ottawa|KS
Enid|OK
Guymon|OK
Ardmore|OK
Tahlequah|OK|Talequah
Idabel|OK
Altus|OK
Ada|OK
Cushing|OK
Hominy|OK
Bowlegs|OK
Alpine|TX
Uvalde|TX
Eagle Pass|TX
Kerrville|TX
Nacogdoches|TX|Nacogdoches;Nacadoches
Lufkin|TX
Palestine|TX
Temple|TX
Victoria|TX
Pecos|TX
Big Spring|TX
Beeville|TX
Pampa|TX
Dumas|TX
Happy|TX
Earth|TX
Humble|TX
Early|TX
Kilgore|TX
Marshall|TX
Addison|TX
Alvarado|TX
Willis|TX
Cut and Shoot|TX
Canadian|TX
Searcy|AR
Batesville|AR
Mountain Home|AR
Russellville|AR
Magnolia|AR
El Dorado|AR
Success|AR
De Queen|AR
Ruston|LA
Houma|LA
Opelousas|LA|Opelousa
Natchitoches|LA|Natchitoces;Nachitoches
Bogalusa|LA
Thibodaux|LA|Thibodeaux;Tibodaux
Natchez|MS
Greenwood|MS
Clarksdale|MS
Starkville|MS
Picayune|MS
Pearl|MS
Bay St. Louis|MS
Dothan|AL
Selma|AL
Enterprise|AL
Opelika|AL
Cullman|AL
Jasper|AL
Foley|AL
Fort Payne|AL
Valdosta|GA
Tifton|GA
Waycross|GA
Dublin|GA
Rome|GA
Cairo|GA
Vidalia|GA
Americus|GA
Social Circle|GA
Between|GA
Jefferson|GA
Palatka|FL
Sebring|FL
Okeechobee|FL|Okechobee
Live Oak|FL
Crestview|FL
Marianna|FL
Immokalee|FL|Immokolee
Apalachicola|FL
Doral|FL
Sumter|SC
Orangeburg|SC
Gaffney|SC
Coward|SC
Ninety Six|SC
Due West|SC
Denmark|SC
Boone|NC
Goldsboro|NC
Kinston|NC
Lumberton|NC
Hickory|NC
Shelby|NC
Asheboro|NC
Murphy|NC
Wilson|NC
Mount Airy|NC
Martinsville|VA
Wise|VA
Grundy|VA
Abingdon|VA
Staunton|VA|Stanton
Farmville|VA
Bluefield|WV
Beckley|WV
Elkins|WV
Logan|WV
Welch|WV
Ranson|WV
Hazard|KY
Paintsville|KY
Pikeville|KY
Corbin|KY
Somerset|KY
Paducah|KY|Paduca
Berea|KY
Glasgow|KY
Manchester|KY
Versailles|KY
Stanford|KY
Cookeville|TN
Crossville|TN
Tullahoma|TN
Dyersburg|TN
Greeneville|TN
Martin|TN
Milan|TN
Gleason|TN
Braden|TN
Smyrna|TN
Chillicothe|OH|Chilicothe;Chillicothe
Marietta|OH
Zanesville|OH
Findlay|OH
Lima|OH
Wooster|OH
Ashtabula|OH
Celina|OH
Bryan|OH
Xenia|OH
Athens|OH
Toronto|OH
Kokomo|IN
Muncie|IN
Vincennes|IN
Warsaw|IN
Peru|IN
Valparaiso|IN
Santa Claus|IN
Tell City|IN
Effingham|IL
Mattoon|IL
Carbondale|IL
Galesburg|IL
Kankakee|IL
Freeport|IL
Macomb|IL
Cairo|IL
Hodgkins|IL
Marquette|MI
Escanaba|MI
Alpena|MI
Petoskey|MI
Cadillac|MI
Ludington|MI
Holland|MI
Owosso|MI
Ironwood|MI
Houghton|MI
Charlotte|MI
Sault Ste. Marie|MI|Soo Ste Marie
Wausau|WI
Rhinelander|WI
Antigo|WI
Baraboo|WI
Manitowoc|WI
Marshfield|WI
Plain|WI
Tomahawk|WI
Cornell|WI
Bemidji|MN
Brainerd|MN
Hibbing|MN
Worthington|MN
Fergus Falls|MN
Mankato|MN
Albert Lea|MN
Embarrass|MN
Nimrod|MN
Decorah|IA
Ottumwa|IA
Mason City|IA
Spencer|IA
Carroll|IA
Keokuk|IA
Fort Dodge|IA
Sedalia|MO
Rolla|MO
Kirksville|MO
Hannibal|MO
Sikeston|MO
Nevada|MO
Mexico|MO
Poplar Bluff|MO
Peculiar|MO
Licking|MO
Cape Girardeau|MO|Cape Gerardeau
Ste. Genevieve|MO
Presque Isle|ME
Caribou|ME
Houlton|ME
Machias|ME
Calais|ME
Poland|ME
Norway|ME
China|ME
Wells|ME
Fort Kent|ME
Berlin|NH
Keene|NH
Laconia|NH
Claremont|NH
Lebanon|NH
Rutland|VT
St. Johnsbury|VT
Barre|VT
Bennington|VT
Westerly|RI
Woonsocket|RI
Pittsfield|MA
Greenfield|MA
Gardner|MA
Athol|MA
Framingham|MA|Framingam
Torrington|CT
Willimantic|CT
Norwich|CT
Oneonta|NY
Olean|NY
Elmira|NY
Massena|NY
Plattsburgh|NY|Plattsburg
Malone|NY
Gloversville|NY
Cortland|NY
Batavia|NY
Hornell|NY
Hudson|NY
Coxsackie|NY
Sunbury|PA
Altoona|PA
Indiana|PA
Hershey|PA
DuBois|PA
Coudersport|PA
Wellsboro|PA
Titusville|PA
Mars|PA
Slippery Rock|PA
Lititz|PA
Ephrata|PA
Vineland|NJ
Millville|NJ
Bridgeton|NJ
Salisbury|MD
Cumberland|MD
Elkton|MD
Chance|MD
Lewes|DE
Seaford|DE
Hilo|HI
Kahului|HI
Lihue|HI
Kapaa|HI
Homer|AK
Nome|AK
Sitka|AK
Bethel|AK
Kenai|AK
Ely|NV
Winnemucca|NV|Winnamucca
Elko|NV
Wells|NV
Casper|WY
Cody|WY
Riverton|WY
Mayagüez|PR|Mayaguez
Ponce|PR
"""

# counties, parishes and Alaska boroughs: "Name|ST"
COUNTIES_RAW = """
Harlan County|KY
Owsley County|KY
Letcher County|KY
McDowell County|WV
Mingo County|WV
Buchanan County|VA
Aroostook County|ME
Coos County|NH
Essex County|VT
Potter County|PA
Cattaraugus County|NY
St. Lawrence County|NY
Cecil County|MD
Robeson County|NC
Swain County|NC
Marlboro County|SC
Williamsburg County|SC
Hancock County|GA
Holmes County|MS
Sunflower County|MS
Tunica County|MS
Wilcox County|AL
Lowndes County|AL
Dixie County|FL
Glades County|FL
Hendry County|FL
Meigs County|OH
Vinton County|OH
Switzerland County|IN
Alexander County|IL
Pulaski County|IL
Luce County|MI
Menominee County|WI
Door County|WI
Koochiching County|MN
Lake of the Woods County|MN
Oglala Lakota County|SD
Rolette County|ND
Big Horn County|MT
Glacier County|MT
Apache County|AZ
Navajo County|AZ
Santa Cruz County|AZ
McKinley County|NM
Luna County|NM
Starr County|TX
Zavala County|TX
Presidio County|TX
Maverick County|TX
Loving County|TX
Imperial County|CA
Modoc County|CA
Trinity County|CA
Del Norte County|CA
Harney County|OR
Malheur County|OR
Okanogan County|WA
Pend Oreille County|WA
Owyhee County|ID
Lemhi County|ID
Esmeralda County|NV
Nye County|NV
Garfield County|UT
Costilla County|CO
Niobrara County|WY
Hooker County|NE
Greeley County|KS
Choctaw County|OK
Adair County|OK
Phillips County|AR
Chicot County|AR
Pemiscot County|MO
Shannon County|MO
Tangipahoa Parish|LA
Evangeline Parish|LA
St. Landry Parish|LA
Acadia Parish|LA
Terrebonne Parish|LA
Lafourche Parish|LA
Iberia Parish|LA
Vermilion Parish|LA
Ouachita Parish|LA
Matanuska-Susitna Borough|AK
Kenai Peninsula Borough|AK
Northwest Arctic Borough|AK
Hawaii County|HI
"""

# neighbourhoods with the city they are in ("" = a borough, said alone)
HOODS_RAW = """
Bushwick|Brooklyn
Canarsie|Brooklyn
Brownsville|Brooklyn
East New York|Brooklyn
Sunset Park|Brooklyn
Mott Haven|Bronx
Hunts Point|Bronx
Castle Hill|Bronx
Corona|Queens
Elmhurst|Queens
Far Rockaway|Queens
Jackson Heights|Queens
Washington Heights|Manhattan
Inwood|Manhattan
East Harlem|Manhattan
Port Richmond|Staten Island
Pilsen|Chicago
Little Village|Chicago
Austin|Chicago
Englewood|Chicago
Back of the Yards|Chicago
Humboldt Park|Chicago
Roxbury|Boston
Mattapan|Boston
Kensington|Philadelphia
Strawberry Mansion|Philadelphia
Nicetown|Philadelphia
Germantown|Philadelphia
Sandtown|Baltimore
Pigtown|Baltimore
Anacostia|DC
Congress Heights|DC
Overtown|Miami
Little Haiti|Miami
Liberty City|Miami
Allapattah|Miami
Boyle Heights|Los Angeles
Watts|Los Angeles
Pacoima|Los Angeles
Skid Row|Los Angeles
Tenderloin|San Francisco
Bayview|San Francisco
Fruitvale|Oakland
Alief|Houston
Gulfton|Houston
Fifth Ward|Houston
Sunnyside|Houston
Pleasant Grove|Dallas
Oak Cliff|Dallas
Barrio Logan|San Diego
City Heights|San Diego
Maryvale|Phoenix
Rainier Valley|Seattle
Lents|Portland
Montbello|Denver
Glenville|Cleveland
Slavic Village|Cleveland
Brightmoor|Detroit
Corktown|Detroit
Over-the-Rhine|Cincinnati
Price Hill|Cincinnati
Hill District|Pittsburgh
Homewood|Pittsburgh
Treme|New Orleans
Lower Ninth Ward|New Orleans
Gentilly|New Orleans
Orange Mound|Memphis
Frayser|Memphis
Vine City|Atlanta
Mechanicsville|Atlanta
Frogtown|St. Paul
Phillips|Minneapolis
Harambee|Milwaukee
Bronx|
Queens|
Staten Island|
Brooklyn|
"""

# places abroad: "City|country or province"
ABROAD_RAW = """
Oaxaca|Mexico
Morelia|Michoacan
Culiacan|Sinaloa
Zacatecas|Mexico
Hermosillo|Sonora
Tapachula|Chiapas
Tegucigalpa|Honduras
San Pedro Sula|Honduras
Quetzaltenango|Guatemala
Huehuetenango|Guatemala
Santa Ana|El Salvador
Esteli|Nicaragua
Santiago de los Caballeros|Dominican Republic
San Francisco de Macoris|DR
Port-au-Prince|Haiti
Les Cayes|Haiti
Cap-Haitien|Haiti
Montego Bay|Jamaica
Medellin|Colombia
Barranquilla|Colombia
Guayaquil|Ecuador
Cuenca|Ecuador
Cochabamba|Bolivia
Arequipa|Peru
Cebu|Philippines
Davao|Philippines
Iloilo|Philippines
Hue|Vietnam
Can Tho|Vietnam
Battambang|Cambodia
Vientiane|Laos
Mandalay|Myanmar
Sylhet|Bangladesh
Chittagong|Bangladesh
Pokhara|Nepal
Faisalabad|Pakistan
Peshawar|Pakistan
Kandahar|Afghanistan
Herat|Afghanistan
Mosul|Iraq
Erbil|Iraq
Homs|Syria
Mogadishu|Somalia
Dire Dawa|Ethiopia
Gondar|Ethiopia
Asmara|Eritrea
Juba|South Sudan
Goma|DRC
Kigali|Rwanda
Gulu|Uganda
Kisumu|Kenya
Eldoret|Kenya
Enugu|Nigeria
Ibadan|Nigeria
Kumasi|Ghana
Freetown|Sierra Leone
Monrovia|Liberia
Conakry|Guinea
Kharkiv|Ukraine
Lviv|Ukraine
Chisinau|Moldova
Tbilisi|Georgia
Yerevan|Armenia
Gdansk|Poland
Plovdiv|Bulgaria
Fuzhou|China
Chengdu|China
Busan|Korea
Chennai|India
Ludhiana|Punjab
Kochi|Kerala
Saskatoon|Saskatchewan
Thunder Bay|Ontario
Moncton|New Brunswick
Sudbury|Ontario
"""

COUNTRIES = [
    "Mexico", "Guatemala", "Honduras", "El Salvador", "Haiti", "the Philippines", "Vietnam", "Nigeria",
    "Somalia", "Ethiopia", "Ukraine", "Afghanistan", "India", "Nepal", "Burma", "Congo", "Venezuela", "Cuba",
    "Laos", "Bhutan", "Eritrea", "Sudan", "Yemen", "Puerto Rico",
]

FIRST = [
    "Florence", "Austin", "Sidney", "Chester", "Madison", "Savannah", "Georgia", "Sierra", "Dakota", "Cheyenne",
    "Aurora", "Raleigh", "Orlando", "Lincoln", "Beverly", "Shelby", "Selma", "Beatrice", "Logan", "Tyler",
    "Marshall", "Clinton", "Maria", "Jose", "Linh", "Oluwaseun", "Grzegorz", "Priya", "Tomasz", "DeShawn",
    "Keisha", "Ngozi", "Imelda", "Bao", "Yesenia", "Dwayne", "Earline", "Virgil", "Ola Mae", "Arturo",
    "Trinidad", "Fatuma", "Hamid", "Lupe", "Odell", "Vernon", "Hope", "Joy", "Major", "Royal",
]
LAST = [
    "Okafor", "Castellanos", "Nguyen", "Brandt", "Kowalczyk", "Abernathy", "Dubose", "Yazzie", "Begay",
    "Tsosie", "Fairbanks", "Houston", "Denton", "Sherman", "Lansing", "Camden", "Hudson", "Holland", "Kent",
    "Carson", "Whitby", "Preston", "Langley", "Ashby", "Mendoza", "Tran", "Abdi", "Haile", "Villanueva",
    "Pettaway", "Boudreaux", "Thibodeaux", "Jaramillo", "Lowery", "Stroud", "Quarles", "Marlow", "Winslow",
    "Paris", "Jordan", "Trenton", "Dallas", "Augusta", "Flint", "Sparks", "Mobley",
]

STREET_NAMES = [
    "Sycamore", "Persimmon", "Dogwood", "Tamarack", "Chickasaw", "Cottonwood", "Juniper", "Buckeye", "Catalpa",
    "Hackberry", "Mesquite", "Pecan", "Willow Bend", "Old Mill", "Church", "Depot", "Railroad", "Ferry",
    "Quarry", "Cemetery", "Schoolhouse", "Orchard Hill", "Stagecoach", "Turkey Creek", "Possum Trot",
    "Bethel Church", "Shady Grove", "Pleasant Valley", "Liberty", "Hope", "Faith", "Union", "Commerce", "Front",
    "Water", "Market", "Mulberry", "Locust", "Chestnut", "Poplar", "Beech", "Hawthorne", "Kennedy",
    "Martin Luther King Jr", "MLK", "Cesar Chavez", "Lincoln", "Jefferson", "Monroe", "Jackson", "Adams", "Grant",
    "Robinson", "Parkview", "Lakeshore", "Ridgecrest", "Sunset", "Meadowlark", "Bluebird", "Cardinal",
    "Whippoorwill", "Hospital", "Doctors Park", "Frontage", "Tower", "Airport", "Fairground", "Rodeo",
    "Cotton Gin", "Levee", "Bayou", "Canal", "Bluff", "Sandhill", "Red Clay", "Saguaro", "Arroyo", "Mesa Vista",
    "Camino del Sol", "Paseo Verde", "Main", "Broad", "Center", "Spring", "Mill Pond", "Harbor", "Lighthouse",
    "Mission", "Cherokee", "Seminole", "Pawnee", "Dakota", "Ozark", "Piedmont", "Magnolia",
]
SUFFIXES = [
    "st", "st", "street", "ave", "av", "avenue", "rd", "rd", "road", "dr", "drive", "ln", "lane", "blvd", "ct",
    "cir", "pl", "way", "ter", "pkwy", "trl", "loop", "pike", "run", "hwy", "cv", "xing", "row",
]
DIRS = ["n", "s", "e", "w", "ne", "nw", "se", "sw", "north", "south", "east", "west", "N.", "S.", "E.", "W."]
UNITS = [
    "apt 4b", "apt. 12", "apt 3r", "#3", "# 210", "unit 7", "unit c", "ste 400", "suite b", "bldg 3 apt 2",
    "lot 27", "lot 114", "trlr 14", "trailer 9", "rm 6", "fl 2", "apt 2nd fl", "basement apt", "apt b-12",
    "space 41", "apt #5", "no 8",
]


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return str(n) + {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


class Gen:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.places = self._parse_places()
        self.counties = [tuple(line.split("|")) for line in COUNTIES_RAW.strip().splitlines()]
        self.hoods = [tuple(line.split("|")) for line in HOODS_RAW.strip().splitlines()]
        self.abroad = [tuple(line.split("|")) for line in ABROAD_RAW.strip().splitlines()]
        self._decks: dict[str, list] = {}

    @staticmethod
    def _parse_places() -> list[tuple[str, str, list[str]]]:
        out = []
        for line in PLACES_RAW.strip().splitlines():
            parts = line.split("|")
            typos = [t for t in parts[2].split(";") if t and t != parts[0]] if len(parts) > 2 else []
            out.append((parts[0], parts[1], typos))
        return out

    def deal(self, name: str, items: list):
        """Cycle through a shuffled copy so every item is used before any repeats."""
        deck = self._decks.get(name)
        if not deck:
            deck = list(items)
            self.rng.shuffle(deck)
            self._decks[name] = deck
        return deck.pop()

    # ---- pieces -------------------------------------------------------------------------------------------
    def zip_for(self, st: str, plus4: float = 0.2) -> str:
        lo, hi = ZIP3[st]
        z = f"{self.rng.randint(lo, hi):03d}{self.rng.randint(1, 99):02d}"
        if self.rng.random() < plus4:
            z += f"-{self.rng.randint(1, 9999):04d}"
        return z

    def city_name(self, place) -> str:
        city, _st, typos = place
        if typos and self.rng.random() < 0.35:
            return self.rng.choice(typos)
        return city

    def city_state(self, place) -> str:
        city = self.city_name(place)
        st = place[1]
        r = self.rng.random()
        if r < 0.35:
            return f"{city}, {st}"
        if r < 0.6:
            return f"{city} {st}"
        if r < 0.8:
            return f"{city}, {STATES[st]}"
        if r < 0.94 or st not in AP_ABBR:
            return f"{city} {STATES[st]}"
        return f"{city}, {AP_ABBR[st]}"

    def state_alone(self, st: str) -> str:
        return STATES[st] if self.rng.random() < 0.7 else st

    def person(self) -> str:
        rng = self.rng
        f, last = rng.choice(FIRST), rng.choice(LAST)
        r = rng.random()
        if r < 0.45:
            return f"{f} {last}"
        if r < 0.6:
            return f"{last}, {f}"
        if r < 0.75:
            return f"{f} {rng.choice('ABCDEGHJKLMRSTW')}. {last}"
        if r < 0.9:
            return f"{f} {last[0]}"
        return last

    def date(self, year: int | None = None) -> str:
        rng = self.rng
        y, m, d = year or rng.choice([2023, 2024, 2025, 2026]), rng.randint(1, 12), rng.randint(1, 28)
        months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sept", "oct", "nov", "dec"]
        full = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December"]
        forms = [
            f"{m}/{d}/{y}", f"{m}/{d}/{y % 100:02d}", f"{m:02d}/{d:02d}/{y}", f"{y}-{m:02d}-{d:02d}",
            f"{months[m - 1]} {d}", f"{d} {months[m - 1]} {y}", f"{full[m - 1]} {ordinal(d)}", f"{m}/{d}",
            f"{full[m - 1]} {d}, {y}", f"{m}-{d}-{y % 100:02d}",
        ]
        return rng.choice(forms)

    def street(self) -> str:
        rng = self.rng
        num = rng.choice([rng.randint(1, 99), rng.randint(100, 999), rng.randint(1000, 9999), rng.randint(10000, 48999)])
        form = rng.random()
        if form < 0.42:
            line = f"{num} {rng.choice(STREET_NAMES)} {rng.choice(SUFFIXES)}"
            if rng.random() < 0.3:
                line = f"{num} {rng.choice(DIRS)} {rng.choice(STREET_NAMES)} {rng.choice(SUFFIXES)}"
        elif form < 0.6:
            n = rng.choice([rng.randint(1, 12), rng.randint(13, 190)])
            sfx = rng.choice(["st", "st", "ave", "street", "avenue", "pl", "ter", "dr"])
            nm = ordinal(n) if rng.random() < 0.9 else ["first", "second", "third", "fourth", "fifth", "sixth",
                                                         "seventh", "eighth", "ninth", "tenth"][n % 10]
            line = f"{num} {rng.choice(DIRS)} {nm} {sfx}" if rng.random() < 0.6 else f"{num} {nm} {sfx}"
        elif form < 0.66:  # grid (Utah, Idaho)
            a, b = rng.choice(["n", "s", "e", "w", "north", "south", "east", "west"]), rng.choice(["e", "w", "n", "s"])
            line = f"{rng.randint(10, 4999)} {a} {rng.randint(1, 99) * 50 + rng.choice([0, 0, 25])} {b}"
        elif form < 0.69:  # fraction
            line = f"{num} 1/2 {rng.choice(STREET_NAMES)} {rng.choice(SUFFIXES)}"
        elif form < 0.72:  # Queens hyphenated
            sfx = rng.choice(["st", "ave", "rd", "dr"])
            line = f"{rng.randint(20, 199)}-{rng.randint(1, 99):02d} {ordinal(rng.randint(20, 270))} {sfx}"
        elif form < 0.84:  # highways, county roads, farm to market
            h = rng.choice([
                f"hwy {rng.randint(1, 299)}", f"us highway {rng.randint(1, 99)}", f"us hwy {rng.randint(1, 99)} n",
                f"state route {rng.randint(1, 199)}", f"sr {rng.randint(1, 199)}", f"county road {rng.randint(1, 999)}",
                f"co rd {rng.randint(1, 999)} {rng.choice(['n', 's', 'e', 'w'])}", f"fm {rng.randint(100, 3400)}",
                f"old hwy {rng.randint(1, 99)}", f"state hwy {rng.randint(1, 99)} w", f"cr {rng.randint(1, 600)}",
                f"route {rng.randint(1, 66)}", f"rte {rng.randint(1, 99)}", f"st rt {rng.randint(1, 99)}",
            ])
            line = f"{num} {h}"
        elif form < 0.88:  # Wisconsin / Upper Midwest rural numbering
            road = rng.choice(["county rd", "county hwy", "cty rd", "state hwy"])
            name = rng.choice(["k", "m", "jj", "pp", "b", str(rng.randint(10, 99))])
            line = f"{rng.choice('NSEW')}{rng.randint(1000, 9999)} {road} {name}"
        else:  # spelled directional street with house letters
            lead = rng.choice(["north", "south", "old", "upper", "lower"])
            line = f"{num}{rng.choice(['a', 'b', ''])} {lead} {rng.choice(STREET_NAMES)} {rng.choice(SUFFIXES)}"
        if rng.random() < 0.35:
            line += f" {rng.choice(UNITS)}"
        return line

    def box(self) -> str:
        rng = self.rng
        return rng.choice([
            f"po box {rng.randint(1, 2999)}", f"P.O. Box {rng.randint(1, 999)}", f"pob {rng.randint(1, 999)}",
            f"p o box {rng.randint(1, 999)}", f"post office box {rng.randint(1, 999)}", f"box {rng.randint(100, 9999)}",
            f"rr {rng.randint(1, 9)} box {rng.randint(1, 400)}", f"rural route {rng.randint(1, 6)} box {rng.randint(1, 400)}",
            f"rt {rng.randint(1, 9)} box {rng.randint(1, 400)}", f"hc {rng.randint(1, 89)} box {rng.randint(1, 400)}",
            f"hcr {rng.randint(1, 9)} box {rng.randint(1, 99)}", f"RR{rng.randint(1, 5)} Box {rng.randint(1, 300)}a",
            f"psc {rng.randint(100, 999)} box {rng.randint(1, 9999)}", "general delivery",
        ])

    def intersection(self) -> str:
        rng = self.rng
        a = f"{rng.choice(STREET_NAMES)} {rng.choice(['st', 'ave', 'rd', 'street', ''])}".strip()
        b = f"{ordinal(rng.randint(2, 60))} {rng.choice(['st', 'ave', 'street'])}" if rng.random() < 0.5 else \
            f"{rng.choice(STREET_NAMES)} {rng.choice(['rd', 'dr', 'blvd', 'ln'])}"
        return rng.choice([f"{a} and {b}", f"{a} & {b}", f"{a} at {b}", f"{a}/{b}"])

    def county(self) -> str:
        name, st = self.deal("county", self.counties)
        r = self.rng.random()
        if r < 0.45:
            return name
        if r < 0.6:
            return name.replace(" County", " co").replace(" Parish", " parish")
        if r < 0.8:
            return f"{name}, {st}"
        return f"{name} {STATES[st]}"


# ---- templates ----------------------------------------------------------------------------------------------
# {A} street line  {B} box / route  {X} intersection  {CS} {CS2} city+state  {C} {C2} city alone  {Z} zip of
# the first place  {ST} state alone (untagged)  {CO} county  {HD} neighbourhood  {BC} its city
# {IC} city abroad  {ICC} city abroad with its country/province  {IST} that country/province (untagged)
# {CTRY} a country (untagged)  {OST} another state (untagged)  {P} person  {D} date  {DOB} a birth date
TEMPLATES: list[tuple[int, str]] = [
    # addresses
    (6, "pt lives at {A}, {CS} {Z} - is that in our service area"),
    (5, "new address {A} {CS} {Z} pls update"),
    (4, "send the letter to {A}, {CS} {Z}"),
    (4, "home health referral address is {A} {C}"),
    (4, "does {P} still live at {A}"),
    (4, "ems picked him up at {A} on {D} what was the glucose"),
    (4, "mail results to {B}, {CS} {Z}"),
    (4, "mailing addr {B} {CS} {Z} physical address unknown"),
    (4, "{A} is the address on file, is it current?"),
    (4, "adress on file is {A} but she moved"),
    (3, "staying at {A} w/ daughter until {D}"),
    (4, "wound care RN visit at {A}, gate code on file"),
    (3, "mvc at {X} in {C}, cspine cleared?"),
    (3, "found down outside {A}, tox screen?"),
    (3, "dme delivery to {A} {CS} {Z} ok?"),
    (3, "home o2 vendor needs address: {A}, {CS} {Z}"),
    (4, "confirm addr {A} {CS} {Z}"),
    (3, "82 yo f w/ chf lives at {A} {C} w son, f/u in 2 wks?"),
    (3, "pt homeless, uses {B} for mail, shelter in {C}"),
    (3, "hospice at home, address {A}, {C}"),
    (3, "{P} at {A} {CS} called re refill"),
    (3, "ADDRESS: {A} {CS} {Z}"),
    (3, "lives in a trailer at {A} no running water"),
    (3, "ambulance went to {A} instead of {A}, which one is right"),
    (3, "wrong address in chart should be {A} {C} not {C2}"),
    (3, "visiting nurse cant find {A}, is it off {X}?"),
    (3, "labs drawn at home {A} {CS} on {D}"),
    # city + state
    (5, "pt is from {CS}, any endemic fungi there"),
    (4, "lives in {CS} - which cardiology group covers that"),
    (4, "moved to {CS} last month needs transfer of care"),
    (4, "snowbird in {CS} dec to apr, wants 90 day supply"),
    (3, "transferred from {CS} by helicopter, what was the initial lactate"),
    (3, "visiting from {CS}, needs insulin refill"),
    (3, "went hunting near {CS} now fever and rash"),
    (3, "relocating to {CS} {D}, needs records sent"),
    (3, "moved from {CS} to {CS2}, new pcp?"),
    (3, "pt drove in from {CS} for appt on {D}"),
    (3, "{P} from {CS} - ok to release labs to her?"),
    (3, "summer in {CS}, winter in {CS2}, which pharmacy"),
    (3, "{CS} - any tick borne illness reported there this yr"),
    # cities alone in context
    (4, "works in {C} at the plant, exposure hx?"),
    (4, "home in {C}, 2 hrs away, can she do home infusion"),
    (3, "visiting family in {C} for the holidays, needs 2 wk supply"),
    (3, "grew up in {C}, lead exposure?"),
    (3, "lives out past {C}, no cell service, how to do remote monitoring"),
    (3, "lives alone in {C} {Z}"),
    (3, "her son in {C} is the poa"),
    (3, "was in {C} on {D} when sx started"),
    (3, "commutes from {C} to {C2} daily, driving restriction after syncope?"),
    (2, "fell at her sisters place in {C}"),
    (2, "daughter {P} lives in {C} and wants updates"),
    # counties, parishes, boroughs
    (4, "tick bite while camping in {CO}"),
    (4, "lives in {CO} which health dept handles tb follow up"),
    (3, "{CO} jail inmate, transport back today?"),
    (3, "ems from {CO} reported downed power lines, co poisoning?"),
    (3, "is {CO} a hpsa for the loan repayment form"),
    (3, "grew up in {CO}, well water"),
    # neighbourhoods, boroughs
    (4, "lives in {HD}, any food pantry nearby"),
    (3, "from {HD} in {BC}, asthma hx"),
    (3, "stays w/ cousin in {HD}, can pick up meds there?"),
    (2, "pt sleeps in {HD} under the bridge, outreach team?"),
    # ZIP
    (3, "zip {Z}, eligible for the rural health program?"),
    (3, "zip code is {Z}"),
    (2, "pts zip {Z} - any measles cases there"),
    (2, "lives in {Z}, food desert?"),
    (2, "her zip is {Z} not {Z}"),
    (2, "{C} {Z} is that medicaid expansion"),
    # abroad
    (6, "recently back from {ICC}, fever workup"),
    (5, "born in {IC}, quantiferon done?"),
    (4, "from {CTRY}, arrived {D}, refugee screening labs"),
    (5, "family in {ICC}, traveling there next month, malaria ppx?"),
    (4, "lived in {IC} til age 12, strongyloides serology?"),
    (3, "visited {IC} in {IST} last summer, now eosinophilia"),
    (3, "mom still in {ICC}, can we send records there"),
    # mixes
    (3, "{P} dob {DOB} address {A} {CS} {Z}"),
    (3, "pt {P} lives {A} {C}, seen {D}"),
    (2, "moved from {OST} to {C}, needs new endo"),
    (2, "lives in rural {ST} near {C}"),
]

FREE_QUESTIONS = [
    # place-named infections and viruses
    "Is doxycycline still first line for early Lyme disease with erythema migrans?",
    "west nile neuroinvasive disease - what csf findings should I expect",
    "rocky mountain spotted fever in a child under 8, still give doxy?",
    "Colorado tick fever vs RMSF how to tell apart",
    "does powassan virus have any treatment besides supportive care",
    "jamestown canyon virus testing - which reference lab",
    "la crosse encephalitis with seizures in a 6 yo, prognosis?",
    "St. Louis encephalitis IgM cross reacts with west nile?",
    "eastern equine encephalitis mortality rate",
    "heartland virus and bourbon virus - lone star tick, what labs",
    "cache valley virus risk in pregnancy",
    "coxsackie hand foot mouth when can kid go back to daycare",
    "norwalk virus outbreak on the unit, contact precautions how long",
    "sapporo virus on the GI PCR panel clinically significant?",
    "oropouche virus - what testing is available",
    "valley fever serology IgG only positive, interpret?",
    "ohio river valley histo - urine antigen sensitivity",
    "Pontiac fever vs legionnaires disease workup",
    "sin nombre hantavirus cardiopulmonary phase ECMO criteria",
    "seoul virus from pet rats renal involvement?",
    "kawasaki disease incomplete criteria when to give IVIG",
    "Ross River virus vs dengue - how do they differ",
    "german measles titer negative in pregnancy, what now",
    "mediterranean spotted fever - is there always an eschar",
    "familial mediterranean fever colchicine dosing in kids",
    "philadelphia chromosome positive ALL which TKI",
    "bombay blood group pt needs transfusion, options?",
    "minamata disease symptoms of methylmercury toxicity",
    "balkan nephropathy and aristolochic acid",
    "tangier disease low hdl orange tonsils",
    "bornholm disease pleurodynia are nsaids enough",
    "lake louise score for acute mountain sickness",
    "gulf coast tick and rickettsia parkeri rickettsiosis",
    # scores, rules, classifications named after places
    "ottawa ankle rules apply to kids?",
    "ottawa SAH rule - does it replace CT",
    "canadian c-spine rule age over 65 means imaging?",
    "Canadian CT head rule vs New Orleans criteria",
    "san francisco syncope rule sensitivity",
    "boston criteria 2.0 for cerebral amyloid angiopathy",
    "boston bowel prep scale of 6 - repeat colonoscopy?",
    "glasgow coma scale 8 intubate?",
    "glasgow-blatchford score 0 outpatient management?",
    "revised atlanta classification moderately severe pancreatitis definition",
    "milan criteria for liver transplant in HCC",
    "los angeles grade C esophagitis repeat EGD after PPI?",
    "prague C2M5 barrett surveillance interval",
    "paris classification 0-IIa polyp, EMR?",
    "montreal classification crohns A2 L3 B2 meaning",
    "amsterdam II criteria vs revised bethesda guidelines for lynch",
    "bethesda category IV thyroid nodule molecular testing?",
    "tokyo guidelines grade II cholecystitis timing of chole",
    "revised geneva score vs wells for PE",
    "Wells score 4.5 - d-dimer or CTA",
    "ann arbor stage IIB hodgkin lymphoma treatment",
    "baveno VII criteria to skip screening endoscopy",
    "kansas city cardiomyopathy questionnaire score meaning",
    "minnesota living with heart failure questionnaire how often",
    "NYHA class III vs IV - new york heart association definitions",
    "framingham risk score vs pooled cohort equations",
    "richmond agitation sedation scale target for vented pts",
    "montreal cognitive assessment 22/30 dementia?",
    "rochester criteria febrile infant vs philadelphia criteria",
    "oswestry disability index 40% meaning",
    "manchester triage vs ESI",
    "stanford type A dissection always surgical?",
    "cornell voltage criteria for LVH",
    "bristol stool type 6 for 3 days, c diff test?",
    "hamilton depression rating scale 18 severity",
    "alvarado score 7 appendicitis, CT needed?",
    "ranson criteria at 48 hours",
    "bishop score 5 - cervical ripening first?",
    "gleason 3+4 active surveillance ok?",
    "braden score 12 wound prevention bundle",
    "marshall score for organ failure in pancreatitis",
    "brighton criteria level 1 for guillain barre",
    "wisconsin card sorting test what does it measure",
    "boston naming test low score significance",
    "Vancouver classification B2 periprosthetic fracture",
    # eponyms shared with towns
    "murphy sign positive but ultrasound negative",
    "cushing triad in head injury",
    "addison disease stress dose steroids for surgery",
    "wilson disease ceruloplasmin low, next test?",
    "bell palsy prednisone plus valacyclovir?",
    "jefferson fracture stable?",
    "chance fracture with seatbelt sign - bowel injury?",
    "jones fracture non weight bearing how long",
    "poland syndrome breast hypoplasia",
    "circle of willis aneurysm screening in ADPKD",
    "pouch of douglas free fluid significance",
    "valves of houston seen on flex sig",
    "jackson pratt drain output 30 cc pull it?",
    "salem sump to LIWS or gravity",
    "minnesota tube vs blakemore for variceal bleed",
    "essex-lopresti injury management",
    "hickman line vs picc for chemo",
    "foley catheter removal POD 2 after TURP?",
    # braces and devices
    "philadelphia collar vs miami j",
    "aspen collar for type II dens fracture",
    "milwaukee brace vs boston brace for scoliosis",
    "charleston bending brace night only?",
    "texas catheter for male incontinence skin breakdown",
    "denver shunt for refractory ascites",
    # drug brands that are also towns or names
    "doral (quazepam) on the beers list?",
    "missed two charlotte 24 fe pills, backup needed?",
    "armour thyroid to levothyroxine dose conversion",
    "sonata vs ambien for sleep onset in elderly",
    "intermezzo for middle of the night awakening",
    "camila norethindrone pill timing window",
    "heather pill taken 4 hours late",
    "soma with oxycodone interaction risk",
    "errin vs nexplanon while breastfeeding",
    # ordinary words that are also town names
    "can the mobile unit do a portable echo",
    "normal saline vs lactated ringers in DKA",
    "pt has lost hope, psych consult for depression?",
    "goal is independence with ADLs before discharge, PT eval?",
    "pt wants the liberty to leave AMA, capacity eval",
    "comfort care orders - stop labs and vitals?",
    "describes boring epigastric pain radiating to back",
    "bland diet after gastritis how long",
    "hazard ratio 0.72 for SGLT2 in HFpEF meaning",
    "temple tenderness and jaw claudication - GCA?",
    "early satiety and weight loss workup",
    "salmon colored rash with fevers, still disease?",
    "smokes weed daily, cannabinoid hyperemesis?",
    "plain film negative still suspect scaphoid",
    "sun protection advice on methotrexate",
    "delta gap calculation in DKA",
    "globe rupture - no eye drops?",
    "golden hour in trauma still valid",
    "happy hypoxia in covid pneumonia",
    "reports no joy in activities, anhedonia on phq9",
    "price of eliquis without insurance",
    "chance of recurrence after first unprovoked seizure",
    "success rate of cardioversion for afib over a year",
    "seatbelt sign after motor vehicle accident - CT abd?",
    "surprise question - would you be surprised if pt died in 12 months",
    "epstein pearls in newborn normal?",
    "high falls risk on morse scale, bed alarm?",
    "port not drawing back, alteplase dose",
    "oppositional defiance in a 9 yo, first line",
    # anatomy and direction words
    "upper pole vs lower pole renal stone for ESWL",
    "superior vena cava syndrome stent first?",
    "left lower quadrant pain CT with contrast?",
    "tenderness at the posterior edge of the lateral malleolus",
    "inferior wall MI with RV involvement, avoid nitrates?",
    "anatomic snuffbox tenderness with normal xray",
    # units and lab shorthand
    "k 5.9 on repeat, give lokelma?",
    "plt 15000 before LP transfuse?",
    "ck 24000 rhabdo fluid rate",
    "viral load 45000 copies/mL on ART",
    "CPT 99214 vs 99215 for this visit",
    "ICD-10 E11.65 for uncontrolled DM?",
    "loinc 4548-4 mapping for a1c",
    "rr 28 and spo2 88 on 4L",
    "lasix 40 po bid vs iv",
    "ST elevation in II III aVF, posterior leads?",
    "2 units prbc for hgb 6.8",
    "black box warning for fluoroquinolones",
    "lot number of flu vaccine for VIS documentation",
]


def split_template(tpl: str) -> list[str]:
    return re.split(r"(\{[A-Z0-9]+\})", tpl)


def strip_punct(s: str) -> str:
    s = re.sub(r"[,?;:!]", "", s)
    return re.sub(r"(?<!\d)\.|\.(?!\d)", "", s)


def build_query(g: Gen, tpl: str) -> tuple[str, list[tuple[str, str | None]]]:
    """Return the parts of one query: (text, type or None)."""
    rng = g.rng
    place = g.deal("place", g.places)
    place2 = g.deal("place", g.places)
    while place2[0] == place[0]:
        place2 = g.deal("place", g.places)
    hood = g.deal("hood", g.hoods)
    while "{BC}" in tpl and not hood[1]:
        hood = g.deal("hood", g.hoods)
    abroad = g.deal("abroad", g.abroad)
    zips: dict[str, str] = {}
    parts: list[tuple[str, str | None]] = []
    zip_count = 0
    for tok in split_template(tpl):
        if not tok:
            continue
        m = re.fullmatch(r"\{([A-Z0-9]+)\}", tok)
        if not m:
            parts.append((tok, None))
            continue
        key = m.group(1)
        if key == "A":
            parts.append((g.street(), "ADDRESS"))
        elif key == "B":
            parts.append((g.box(), "ADDRESS"))
        elif key == "X":
            parts.append((g.intersection(), "ADDRESS"))
        elif key == "CS":
            parts.append((g.city_state(place), "LOCATION"))
        elif key == "CS2":
            parts.append((g.city_state(place2), "LOCATION"))
        elif key == "C":
            parts.append((g.city_name(place), "LOCATION"))
        elif key == "C2":
            parts.append((g.city_name(place2), "LOCATION"))
        elif key == "Z":
            zip_count += 1
            z = g.zip_for(place[1]) if zip_count == 1 else g.zip_for(place[1], plus4=0.0)
            zips[str(zip_count)] = z
            parts.append((z, "ZIP"))
        elif key == "ST":
            parts.append((g.state_alone(place[1]), None))
        elif key == "CO":
            parts.append((g.county(), "LOCATION"))
        elif key == "HD":
            parts.append((hood[0], "LOCATION"))
        elif key == "BC":
            bc = hood[1] or rng.choice(["Brooklyn", "Queens", "the Bronx"])
            if bc.startswith("the "):
                parts.append(("the ", None))
                bc = bc[4:]
            parts.append((bc, "LOCATION"))
        elif key == "IC":
            parts.append((abroad[0], "LOCATION"))
        elif key == "ICC":
            sep = rng.choice([", ", " ", ", "])
            parts.append((f"{abroad[0]}{sep}{abroad[1]}", "LOCATION"))
        elif key == "IST":
            parts.append((abroad[1], None))
        elif key == "OST":
            parts.append((STATES[rng.choice([k for k in STATES if k != place[1]])], None))
        elif key == "CTRY":
            parts.append((rng.choice(COUNTRIES), None))
        elif key == "P":
            parts.append((g.person(), "PERSON"))
        elif key == "D":
            parts.append((g.date(), "DATE"))
        elif key == "DOB":
            parts.append((g.date(rng.randint(1936, 2006)), "DATE"))
        else:
            raise KeyError(key)
    # boroughs said alone get "the" before Bronx sometimes
    out: list[tuple[str, str | None]] = []
    for i, (text, typ) in enumerate(parts):
        if typ == "LOCATION" and text == "Bronx" and rng.random() < 0.7 and i > 0 and parts[i - 1][0].endswith(" "):
            out.append(("the ", None))
        out.append((text, typ))
    return tpl, out


def render(g: Gen, parts: list[tuple[str, str | None]]) -> tuple[str, list[dict]]:
    rng = g.rng
    r = rng.random()
    casing = "lower" if r < 0.55 else "asis" if r < 0.85 else "upper" if r < 0.92 else "sentence"
    nopunct = rng.random() < 0.4
    texts = []
    for text, typ in parts:
        t = text
        if nopunct:
            t = strip_punct(t)
        if casing in ("lower", "sentence"):
            t = t.lower()
        elif casing == "upper":
            t = t.upper()
        elif typ is None and rng.random() < 0.15:
            t = t.lower()
        texts.append((t, typ))
    if casing == "sentence" and texts and texts[0][0]:
        t0, ty0 = texts[0]
        texts[0] = (t0[0].upper() + t0[1:], ty0)
    full = ""
    spans = []
    for t, typ in texts:
        start = len(full)
        full += t
        if typ:
            spans.append({"start": start, "end": start + len(t), "type": typ, "text": t})
    # collapse accidental double spaces (only in untagged text, recomputing offsets)
    if "  " in full:
        return render_fix(texts)
    return full, spans


def render_fix(texts: list[tuple[str, str | None]]) -> tuple[str, list[dict]]:
    full, spans = "", []
    for t, typ in texts:
        if typ is None:
            t = re.sub(r" {2,}", " ", t)
            if full.endswith(" ") and t.startswith(" "):
                t = t[1:]
        start = len(full)
        full += t
        if typ:
            spans.append({"start": start, "end": start + len(t), "type": typ, "text": t})
    return full, spans


def check(text: str, spans: list[dict]) -> None:
    last = 0
    for s in spans:
        assert text[s["start"]:s["end"]] == s["text"], (text, s)
        assert s["text"] == s["text"].strip() and s["text"], (text, s)
        assert s["start"] >= last, (text, s)
        last = s["end"]
        assert s["type"] in {"LOCATION", "ADDRESS", "ZIP", "PERSON", "DATE"}


def make_queries(g: Gen) -> list[dict]:
    base: list[str] = [tpl for n, tpl in TEMPLATES for _ in range(n)]
    deck: list[str] = []
    while len(deck) < 3 * N_QUERIES:  # whole shuffled rounds, so each template keeps its share
        rnd = list(base)
        g.rng.shuffle(rnd)
        deck += rnd
    out, seen = [], set()
    i = 0
    while len(out) < N_QUERIES:
        tpl = deck[i % len(deck)]
        i += 1
        _tpl, parts = build_query(g, tpl)
        text, spans = render(g, parts)
        if text in seen:
            continue
        seen.add(text)
        check(text, spans)
        out.append({"id": f"loc2-{len(out) + 1:04d}", "split": SPLIT, "text": text, "identifiers": spans})
    return out


def make_free(g: Gen) -> list[dict]:
    rng = g.rng
    qs = list(FREE_QUESTIONS)
    assert len(set(qs)) == len(qs), "duplicate free question"
    rng.shuffle(qs)
    out = []
    for i, q in enumerate(qs, 1):
        r = rng.random()
        if r < 0.3:
            q = q.lower()
        elif r < 0.4:
            q = strip_punct(q)
        out.append({"id": f"loc2free-{i:04d}", "split": SPLIT, "text": q})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="data/phi", help="output folder")
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args()
    g = Gen(args.seed)
    queries = make_queries(g)
    free = make_free(g)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with (out / "location_queries2.jsonl").open("w", encoding="utf-8") as fh:
        for row in queries:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    with (out / "location_free_questions2.jsonl").open("w", encoding="utf-8") as fh:
        for row in free:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts: dict[str, int] = {}
    for row in queries:
        for s in row["identifiers"]:
            counts[s["type"]] = counts.get(s["type"], 0) + 1
    print(f"{len(queries)} queries, {len(free)} PHI-free questions; identifiers {dict(sorted(counts.items()))}")


if __name__ == "__main__":
    main()
