"""Write ChartRAG's held-out *location* query set, blind.

Written without reading the PHI tokenizer (rag_core/phi/) or the generator of the other query sets,
so the set can fail.  Stdlib only, deterministic (seed 2027):

    python3 scripts/location_queries.py --out data/phi

Writes two files under --out:

* ``location_queries.jsonl`` -- clinician-typed questions about a patient that carry a street address,
  a PO box / rural route / highway address, a city (with or without its state), a county, a
  neighbourhood, a ZIP code or a place abroad; sometimes a person's name or a date as well.  Every
  identifier is tagged with character offsets: ``ADDRESS`` (the street line with its number, unit,
  PO box, rural route or intersection), ``LOCATION`` (a city, town, county, parish, borough or
  neighbourhood; a city and its state or country are *one* span, "Tupelo, MS"), ``ZIP`` (5 digits or
  ZIP+4), ``PERSON`` and ``DATE``.  A state or a country on its own is not an identifier and is not
  tagged.
* ``location_free_questions.jsonl`` -- clinical questions with no PHI whose words look like places
  (Lyme disease, West Nile virus, Pontiac fever, Boston criteria, Norco, Philadelphia chromosome,
  CPT 99215) or like names.

Place names are real US and foreign places (geographic facts); street numbers, streets, ZIP tails,
people and dates are invented.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

SEED = 2027
N_QUERIES = 400
SPLIT = "heldout-location"

STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
    "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas",
    "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts",
    "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
    "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico",
    "NY": "New York", "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
    "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming", "PR": "Puerto Rico",
}

# One plausible 3-digit ZIP prefix per state; the last two digits are drawn.
ZIP_PREFIX = {
    "AL": "356", "AK": "995", "AZ": "853", "AR": "717", "CA": "936", "CO": "810", "CT": "063", "DE": "199",
    "DC": "200", "FL": "341", "GA": "317", "HI": "967", "ID": "832", "IL": "617", "IN": "469", "IA": "515",
    "KS": "678", "KY": "417", "LA": "706", "ME": "047", "MD": "217", "MA": "016", "MI": "480", "MN": "566",
    "MS": "388", "MO": "640", "MT": "597", "NE": "687", "NV": "898", "NH": "035", "NJ": "080", "NM": "873",
    "NY": "136", "NC": "286", "ND": "587", "OH": "456", "OK": "745", "OR": "974", "PA": "159", "RI": "028",
    "SC": "295", "SD": "577", "TN": "383", "TX": "759", "UT": "847", "VT": "053", "VA": "245", "WA": "988",
    "WV": "258", "WI": "545", "WY": "824", "PR": "006",
}

# Real US places, "City|ST".  Many small towns, and many whose names are also words or given names.
US_PLACES = """
Tupelo|MS Meridian|MS Hattiesburg|MS Greenville|MS Biloxi|MS Natchez|MS Vicksburg|MS Oxford|MS Clarksdale|MS
Starkville|MS Jackson|MS Shreveport|LA Lafayette|LA Monroe|LA Alexandria|LA Houma|LA Lake Charles|LA
Thibodaux|LA Opelousas|LA Ruston|LA Natchitoches|LA New Orleans|LA Hope|AR Texarkana|AR Pine Bluff|AR
Jonesboro|AR Fayetteville|AR Conway|AR Hot Springs|AR Russellville|AR El Dorado|AR Searcy|AR Little Rock|AR
Paris|TX Tyler|TX Denton|TX Sherman|TX Irving|TX Victoria|TX Beaumont|TX Laredo|TX Midland|TX Odessa|TX
Abilene|TX Temple|TX Orange|TX Marshall|TX Palestine|TX Lufkin|TX Nacogdoches|TX Harlingen|TX McAllen|TX
Brownsville|TX Eagle Pass|TX Del Rio|TX Waco|TX Amarillo|TX Lubbock|TX Kerrville|TX Commerce|TX San Antonio|TX
El Paso|TX Corpus Christi|TX Houston|TX Dallas|TX Fort Worth|TX Austin|TX Valdosta|GA Albany|GA Macon|GA
Dalton|GA Rome|GA Columbus|GA Savannah|GA Augusta|GA Athens|GA Plains|GA Waycross|GA Atlanta|GA
Florence|AL Dothan|AL Selma|AL Gadsden|AL Anniston|AL Decatur|AL Huntsville|AL Cullman|AL Opelika|AL
Tuscaloosa|AL Mobile|AL Enterprise|AL Jasper|AL Birmingham|AL Chattanooga|TN Knoxville|TN Jackson|TN
Johnson City|TN Kingsport|TN Cookeville|TN Murfreesboro|TN Clarksville|TN Tullahoma|TN Dyersburg|TN Sparta|TN
Memphis|TN Nashville|TN Hazard|KY Pikeville|KY Paducah|KY Bowling Green|KY Owensboro|KY Somerset|KY Corbin|KY
London|KY Harlan|KY Berea|KY Louisville|KY Beckley|WV Bluefield|WV Huntington|WV Morgantown|WV Wheeling|WV
Charleston|WV Logan|WV Welch|WV Elkins|WV Parkersburg|WV Roanoke|VA Danville|VA Lynchburg|VA Martinsville|VA
Norton|VA Abingdon|VA Winchester|VA Harrisonburg|VA Suffolk|VA Petersburg|VA Richmond|VA Asheville|NC
Boone|NC Hickory|NC Goldsboro|NC Rocky Mount|NC Wilson|NC Fayetteville|NC Greenville|NC Lumberton|NC
Kinston|NC Raleigh|NC Charlotte|NC Spartanburg|SC Rock Hill|SC Sumter|SC Orangeburg|SC Beaufort|SC Aiken|SC
Anderson|SC Greenwood|SC Myrtle Beach|SC Columbia|SC Naples|FL Ocala|FL Sebring|FL Lakeland|FL Pensacola|FL
Panama City|FL Gainesville|FL Palatka|FL Homestead|FL Immokalee|FL Belle Glade|FL Key West|FL Kissimmee|FL
Deltona|FL Miami|FL Tampa|FL Jacksonville|FL Akron|OH Youngstown|OH Lima|OH Dayton|OH Toledo|OH Mansfield|OH
Zanesville|OH Chillicothe|OH Portsmouth|OH Marietta|OH Athens|OH Sandusky|OH Canton|OH Xenia|OH Cleveland|OH
Cincinnati|OH Columbus|OH Warren|MI Flint|MI Saginaw|MI Kalamazoo|MI Muskegon|MI Marquette|MI
Traverse City|MI Escanaba|MI Jackson|MI Battle Creek|MI Ypsilanti|MI Hamtramck|MI Dearborn|MI Detroit|MI
Marion|IN Muncie|IN Kokomo|IN Terre Haute|IN Evansville|IN Gary|IN Elkhart|IN Lafayette|IN Columbus|IN
Vincennes|IN Indianapolis|IN Normal|IL Peoria|IL Decatur|IL Cairo|IL Carbondale|IL Champaign|IL Joliet|IL
Aurora|IL Elgin|IL Quincy|IL Kankakee|IL Rockford|IL Waukegan|IL Cicero|IL Chicago|IL Eau Claire|WI Wausau|WI
Oshkosh|WI Green Bay|WI Sheboygan|WI Kenosha|WI Racine|WI La Crosse|WI Superior|WI Rhinelander|WI
Milwaukee|WI Madison|WI Duluth|MN Bemidji|MN Mankato|MN Rochester|MN St. Cloud|MN Hibbing|MN Brainerd|MN
Worthington|MN Moorhead|MN Winona|MN Minneapolis|MN Dubuque|IA Ottumwa|IA Sioux City|IA Davenport|IA
Waterloo|IA Ames|IA Mason City|IA Council Bluffs|IA Cedar Rapids|IA Storm Lake|IA Des Moines|IA
Independence|MO Joplin|MO Sedalia|MO Springfield|MO Hannibal|MO Cape Girardeau|MO Sikeston|MO Rolla|MO
Kirksville|MO Poplar Bluff|MO St. Louis|MO Kansas City|MO Emporia|KS Salina|KS Hays|KS Dodge City|KS
Garden City|KS Liberal|KS Hutchinson|KS Manhattan|KS Wichita|KS Topeka|KS Lincoln|NE Kearney|NE
Grand Island|NE Scottsbluff|NE North Platte|NE Norfolk|NE Hastings|NE Omaha|NE Minot|ND Fargo|ND
Bismarck|ND Williston|ND Dickinson|ND Pierre|SD Rapid City|SD Sioux Falls|SD Aberdeen|SD Mitchell|SD
Pine Ridge|SD Bozeman|MT Missoula|MT Billings|MT Butte|MT Havre|MT Kalispell|MT Great Falls|MT Glendive|MT
Browning|MT Casper|WY Cheyenne|WY Laramie|WY Gillette|WY Rock Springs|WY Riverton|WY Sheridan|WY
Pueblo|CO Greeley|CO Durango|CO Grand Junction|CO Alamosa|CO Trinidad|CO Sterling|CO Fort Collins|CO
Denver|CO Gallup|NM Farmington|NM Las Cruces|NM Roswell|NM Taos|NM Española|NM Truth or Consequences|NM
Hobbs|NM Clovis|NM Shiprock|NM Albuquerque|NM Flagstaff|AZ Yuma|AZ Tucson|AZ Prescott|AZ Kingman|AZ
Nogales|AZ Sierra Vista|AZ Show Low|AZ Tuba City|AZ Chinle|AZ Winslow|AZ Phoenix|AZ Provo|UT Ogden|UT
St. George|UT Logan|UT Moab|UT Vernal|UT Cedar City|UT Salt Lake City|UT Elko|NV Reno|NV Henderson|NV
Winnemucca|NV Pahrump|NV Ely|NV Las Vegas|NV Boise|ID Pocatello|ID Twin Falls|ID Idaho Falls|ID
Coeur d'Alene|ID Nampa|ID Lewiston|ID Yakima|WA Spokane|WA Wenatchee|WA Walla Walla|WA Bellingham|WA
Tacoma|WA Olympia|WA Moses Lake|WA Pasco|WA Aberdeen|WA Seattle|WA Eugene|OR Medford|OR Bend|OR
Klamath Falls|OR Pendleton|OR Salem|OR Roseburg|OR Coos Bay|OR Hermiston|OR Astoria|OR Portland|OR
Fresno|CA Bakersfield|CA Modesto|CA Stockton|CA Merced|CA Visalia|CA Redding|CA Eureka|CA Chico|CA
Barstow|CA Indio|CA El Centro|CA Salinas|CA Watsonville|CA Oxnard|CA Delano|CA Compton|CA Norco|CA
Ventura|CA Ukiah|CA Sacramento|CA San Diego|CA Bethel|AK Nome|AK Fairbanks|AK Juneau|AK Kotzebue|AK
Anchorage|AK Hilo|HI Kailua-Kona|HI Lihue|HI Wailuku|HI Honolulu|HI Brattleboro|VT Rutland|VT
Burlington|VT St. Johnsbury|VT Bangor|ME Lewiston|ME Presque Isle|ME Augusta|ME Berlin|NH Manchester|NH
Nashua|NH Keene|NH Lowell|MA Lawrence|MA Fall River|MA New Bedford|MA Worcester|MA Springfield|MA
Pittsfield|MA Chelsea|MA Holyoke|MA Brockton|MA Framingham|MA Boston|MA Woonsocket|RI Pawtucket|RI
Providence|RI Bridgeport|CT Waterbury|CT New Britain|CT Norwich|CT Lyme|CT Hartford|CT Troy|NY Utica|NY
Binghamton|NY Elmira|NY Poughkeepsie|NY Newburgh|NY Plattsburgh|NY Watertown|NY Massena|NY Olean|NY
Jamestown|NY Buffalo|NY Syracuse|NY Schenectady|NY Ithaca|NY Hempstead|NY Yonkers|NY Camden|NJ
Paterson|NJ Trenton|NJ Vineland|NJ Passaic|NJ Newark|NJ Elizabeth|NJ Bayonne|NJ Hoboken|NJ Scranton|PA
Wilkes-Barre|PA Altoona|PA Johnstown|PA Erie|PA Hazleton|PA Reading|PA Lancaster|PA York|PA Chester|PA
Allentown|PA McKeesport|PA Pottsville|PA Philadelphia|PA Pittsburgh|PA Hagerstown|MD Cumberland|MD
Salisbury|MD Frederick|MD Cambridge|MD Annapolis|MD Baltimore|MD Dover|DE Lawton|OK Muskogee|OK
Tahlequah|OK Enid|OK Ardmore|OK Shawnee|OK Norman|OK Guymon|OK Ada|OK Durant|OK Tulsa|OK
Oklahoma City|OK Ponce|PR Mayagüez|PR
"""

# Misspellings and informal spellings a clinician may type instead of the official name (used 30% of the time).
MISSPELLED = {
    "Albuquerque": "Albequerque", "Cincinnati": "Cincinatti", "Pittsburgh": "Pittsburg",
    "Philadelphia": "Philidelphia", "Tucson": "Tuscon", "Milwaukee": "Milwaukie", "Louisville": "Louisvile",
    "Poughkeepsie": "Poughkipsie", "Sacramento": "Sacremento", "Gainesville": "Gainsville",
    "Hattiesburg": "Hattiesberg", "Schenectady": "Schenectedy",
    "Chattanooga": "Chatanooga", "Tuscaloosa": "Tuscalossa", "Ypsilanti": "Ypsilante", "Kissimmee": "Kissimee",
    "Española": "Espanola", "Mayagüez": "Mayaguez", "Coeur d'Alene": "Coeur dAlene", "Wilkes-Barre": "Wilkes Barre",
    "St. Louis": "st louis", "St. Cloud": "St Cloud", "St. George": "Saint George", "Kailua-Kona": "Kona",
}

COUNTIES = [
    "Cuyahoga County", "Harlan County, KY", "Maricopa Co.", "Orleans Parish", "Matanuska-Susitna Borough",
    "Cook County", "McDowell County", "Imperial County", "Starr County, TX", "Hidalgo County", "Lowndes County",
    "Wise County, VA", "Owsley County", "Robeson County", "Sunflower County, MS", "Oglala Lakota County",
    "Apache County", "Kern County", "Tulare County", "St. Landry Parish", "Pike County", "Clay County, KY",
    "Buncombe Co", "Wayne County", "Allegheny County", "Lackawanna County", "Coos County, NH", "Aroostook County",
    "Navajo County", "San Juan County, NM", "Dona Ana County", "Bexar County", "Jefferson Parish", "Monroe Co",
    "Essex County", "Onondaga County", "Yakima County", "Bethel Census Area", "Hinds County", "Shelby County",
]

# Neighbourhoods and boroughs: (preposition, article that stays untagged, name).
HOODS = [
    ("in", "the", "Bronx"), ("on", "the", "South Side"), ("in", "", "Bed-Stuy"), ("in", "", "Harlem"),
    ("in", "", "Roxbury"), ("in", "", "Watts"), ("in", "", "Little Havana"), ("in", "the", "Tenderloin"),
    ("in", "", "Overtown"), ("in", "", "Fishtown"), ("in", "", "Southie"), ("in", "the", "Mission"),
    ("in", "", "Pilsen"), ("in", "", "Dorchester"), ("in", "", "Queens"), ("on", "", "Staten Island"),
    ("in", "", "East Boston"), ("in", "", "West Philly"), ("on", "", "Capitol Hill"), ("in", "", "Over-the-Rhine"),
    ("in", "the", "Lower Ninth Ward"), ("in", "", "Washington Heights"), ("in", "", "Bushwick"),
    ("in", "", "Flatbush"), ("in", "", "Englewood"), ("in", "the", "West Side"), ("in", "", "Kensington"),
    ("in", "", "Skid Row"), ("in", "", "Hunts Point"), ("in", "the", "Fifth Ward"), ("in", "", "Boyle Heights"),
    ("in", "", "East Cleveland"), ("in", "", "Sandtown"), ("on", "the", "East Side"), ("in", "", "Inwood"),
]

INTL = [
    "Guadalajara", "Guadalajara, Mexico", "Leeds", "Leeds UK", "Manila", "Lagos", "Lagos, Nigeria", "Mumbai",
    "São Paulo", "Port-au-Prince", "Tegucigalpa", "San Pedro Sula", "Oaxaca", "Monterrey", "Toronto",
    "Vancouver BC", "Mississauga", "Kingston, Jamaica", "Santo Domingo", "Dhaka", "Karachi", "Kabul",
    "Mogadishu", "Addis Ababa", "Nairobi", "Accra", "Kumasi", "Lima, Peru", "Bogotá", "Medellín", "Caracas",
    "Quito", "Hanoi", "Ho Chi Minh City", "Seoul", "Busan", "Shenzhen", "Chengdu", "Kraków", "Kyiv", "Lviv",
    "Dublin", "Cork", "Glasgow", "Manchester, England", "Birmingham UK", "Düsseldorf", "Lyon", "Naples, Italy",
    "Puebla", "Tijuana", "Ciudad Juárez", "Ludhiana", "Kochi", "Tapachula", "Morelia", "Zapopan", "Freetown",
    "Monrovia", "Kinshasa", "Aleppo", "Mosul", "Kandahar", "Yangon", "Kathmandu", "San Salvador",
]

STREETS = [
    "Oak", "Elm", "Maple", "Main", "Washington", "Lincoln", "Park", "Cedar", "Pine", "Orchard", "Sycamore",
    "Ridge", "Lakeview", "Church", "Mill", "Spring", "Hickory", "Walnut", "Chestnut", "Willow", "Magnolia",
    "Peachtree", "Market", "Jefferson", "Franklin", "Dogwood", "Old Mill", "Cherry Hill", "Locust", "Poplar",
    "Martin Luther King Jr", "MLK", "Cesar Chavez", "Kennedy", "Roosevelt", "Madison", "Jackson", "Adams",
    "Grant", "Sherman", "Monroe", "Hillcrest", "Meadowbrook", "Sunset", "Country Club", "Railroad", "Depot",
    "Bluebird", "Cardinal", "Pecan", "Live Oak", "Cottonwood", "Juniper", "Aspen", "Mesquite", "Saguaro",
    "Bayou", "Levee", "Canal", "Ferry", "Water", "Front", "High", "Broad", "Union", "Liberty", "Independence",
    "Hope", "Paris", "Florence", "Warren", "Eugene", "Marion", "Normal", "3rd", "5th", "42nd", "121st",
    "Dr. Martin Luther King Jr", "Old Post", "Fox Run", "Deer Creek", "Quail Hollow", "Whispering Pines",
]
SUFFIXES = [
    "St", "St.", "Street", "Ave", "Ave.", "Avenue", "Rd", "Road", "Dr", "Drive", "Ln", "Lane", "Blvd", "Ct",
    "Court", "Way", "Pl", "Cir", "Ter", "Pkwy", "Trl", "Hwy",
]
DIRECTIONS = ["N", "N.", "North", "S", "South", "E", "E.", "East", "W", "W.", "West", "NE", "SW", "SE", "NW"]
UNITS = [
    "apt 3b", "Apt. 12", "#4", "unit 210", "Ste 5", "lot 17", "trlr 9", "Apt 2F", "apt #1105", "Unit B",
    "bsmt", "rm 6", "Apt 4-C", "# 301", "upstairs", "Bldg 7 Apt 22",
]
INTERSECTIONS = [
    "5th and Main", "Broad & Washington", "MLK and 3rd", "Kensington and Allegheny", "Colfax and Federal",
    "Canal St and Claiborne", "Hollywood & Vine", "Oak and 12th", "Elm st and Rt 9",
]
MHP = ["Shady Acres", "Pine Haven MHP", "Lakeside Mobile Home Park", "Country Estates", "Sunny Brook MHP"]

FIRST = [
    "Dolores", "Jamal", "Ngozi", "Wendell", "Marisol", "Tuan", "Brenda", "Earl", "Yesenia", "Darnell", "Ruth",
    "Aleksander", "Fatima", "Clyde", "Shawna", "Arturo", "Mildred", "Dakota", "Madison", "Austin", "Tyler",
    "Savannah", "Dallas", "Cheyenne", "Georgia", "Lincoln", "Jackson", "Florence", "Eugene", "Marion", "Warren",
]
LAST = [
    "Pruitt", "Osei", "Kowalczyk", "Haskins", "Villanueva", "Nguyen", "Stoltzfus", "Begay", "Okafor", "Lindqvist",
    "Tran", "Delacroix", "Yazzie", "McAllister", "Hebert", "Abernathy", "Castellanos", "Whitfield", "Boudreaux",
    "Ramanathan", "Pettigrew", "Mendoza", "Washington", "Paris", "Lincoln", "Hope", "Denver", "Houston",
]
MONTHS = ["jan", "Jan", "feb", "March", "apr", "May", "june", "Jul", "aug", "Sept", "oct", "Nov", "dec"]

RELATIVES = ["daughter", "son", "sister", "brother", "mom", "niece", "grandson", "wife", "husband", "aunt"]

# ---------------------------------------------------------------- templates
# Slots: {FA} street address (+ maybe city/state/ZIP), {PO} PO box / rural route / highway address,
# {LOC} city with state, {CITY} city alone, {COUNTY}, {HP} preposition + neighbourhood, {HOOD} bare
# neighbourhood, {HA} article + neighbourhood, {ZIP}, {ZIP4}, {INTL}, {NAME}, {SUR} surname, {DATE}, {REL} relative (untagged).

ADDRESS_T = [
    "lives at {FA}", "pt lives at {FA} - is home health set up", "addr {FA}", "address on file {FA}, still correct?",
    "is his address still {FA}", "did we update her adress to {FA}", "home address {FA} - can VNA get there this wk",
    "resides at {FA} w/ {REL}", "pt staying at {FA} since discharge", "new addr is {FA}, pls update for pharmacy delivery",
    "can we send the glucometer to {FA}", "EMS picked him up at {FA}", "found down at home {FA} per medics",
    "mailing address {FA} - send the letter there?", "{NAME} lives at {FA}, who's the pcp",
    "is {NAME}'s address {FA} or did she move", "was the DME delivered to {FA} on {DATE}",
    "does the home at {FA} have stairs? PT asking", "fall at home ({FA}) {DATE}, any prior falls",
    "hospice referral for pt at {FA}", "lead exposure? house at {FA} built pre-1978", "wife says new address {FA}",
    "discharge to {FA} ({REL}'s house) ok?", "what pharmacy is closest to {FA}", "meals on wheels to {FA}?",
    "ADDR: {FA}", "pt's home {FA} has no running water, any SW note", "house fire at {FA} - CO level on arrival?",
    "lives alone at {FA}, any home safety eval", "dialysis transport pickup from {FA} at 5am?",
    "returned mail from {FA}, do we have another address", "moved from {FA} to assisted living?",
    "is {FA} in our service area for home infusion", "lvies at {FA} with {REL}", "mrs {SUR} at {FA} - o2 delivered?",
    "home o2 vendor has {FA} on file, is that current", "pt says she lives {FA}", "current address: {FA}",
    "can the mobile crisis team go to {FA}", "{FA} - is that the group home?", "pt gave address {FA} at triage",
    "wrong address in chart, should be {FA}", "sheriff did welfare check at {FA} {DATE}",
]
PO_T = [
    "mail goes to {PO}", "mail only, use {PO}", "address {PO}", "lives out at {PO}, no cell service",
    "pt's address is {PO}, how does home health find the house", "send the bill to {PO}?", "addr on file {PO}",
    "{NAME}, {PO} - is that still good", "rural pt, {PO}, 45 min from nearest ER",
]
CITY_STATE_T = [
    "pt from {LOC}", "pt from {LOC}, any travel hx", "moved to {LOC} last yr, who is the new pcp",
    "transferred from {LOC} - do we have outside records", "transfered from {LOC} overnight, is the OSH CT uploaded",
    "lives in {LOC}, ok for telehealth f/u?", "does she still live in {LOC}", "how far is {LOC} for daily dialysis",
    "originally from {LOC} - histo or blasto exposure?", "grew up in {LOC}, any cocci serology",
    "camping near {LOC} last month, tick bite?", "visiting {REL} in {LOC} for the holidays, needs refills sent there",
    "went hunting outside {LOC}, tularemia on the ddx?", "home in {LOC}, can we arrange hospice there",
    "seen at urgent care in {LOC} on {DATE}?", "drove down from {LOC} this am w/ chest pain",
    "works at a poultry plant in {LOC}", "resides {LOC}", "lives {LOC} w/ husband", "{NAME} from {LOC} - what was her last a1c",
    "pt is a trucker based in {LOC}, dot physical due?", "flying back to {LOC} tmrw, ok to fly post ptx?",
    "{REL} lives in {LOC}, will be caregiver after d/c", "which pharmacy in {LOC} has paxlovid",
    "is there a dialysis unit near {LOC}", "referred by dr {SUR} in {LOC}", "recent move from {LOC}, need records release",
    "she commutes from {LOC} for chemo, can we consolidate appts", "well water at home in {LOC} - arsenic?",
    "retired coal miner from {LOC}, PFTs?", "lives on a farm outside {LOC}", "born in {LOC} {DATE}",
    "staying with {REL} in {LOC} until {DATE}", "MVC on the way to {LOC}, was he belted?", "home town {LOC}",
    "pt lives in {LOC} and wants care closer to home", "was hospitalized in {LOC} {DATE} for pneumonia",
    "lives near {LOC}, any blasto cases there", "came up from {LOC} for the transplant eval",
    "{SUR} family from {LOC} - hx of HD?", "pt in {LOC} on telehealth, can i prescribe across state lines",
    "moving to {LOC} {DATE}, need 90 day supply", "lives in {LOC}?", "from {LOC}", "res {LOC}",
]
CITY_T = [
    "she's from {CITY}", "lives in {CITY}", "lives in {CITY} w/ her {REL}", "snowbird, winters in {CITY}",
    "back home in {CITY} next wk, f/u there?", "drove in from {CITY}", "from {CITY} originally",
    "moving to {CITY} next month - transfer care", "ems brought him from {CITY}", "{CITY} pt, needs transport home",
    "pt's pcp is in {CITY}", "any records from the hospital in {CITY}", "lvies in {CITY}, no car",
    "spent the summer in {CITY}", "was in {CITY} for a wedding last wk, now febrile", "{REL} {NAME} lives in {CITY}",
    "relocated to {CITY} {DATE}", "he's up in {CITY} now", "lives out in {CITY}, 2 hr drive",
    "pt from {CITY} area, which VA clinic", "{NAME} - still in {CITY}?", "home in {CITY}",
]
COUNTY_T = [
    "lives in {COUNTY}", "{COUNTY} health dept called re TB contact", "from rural {COUNTY}, no specialist nearby",
    "is {COUNTY} rabies endemic for raccoons", "pt's in {COUNTY} - which hospice covers it",
    "{COUNTY} jail inmate, custody at bedside", "lead screening required in {COUNTY}?", "county of residence {COUNTY}",
    "was she in {COUNTY} during the measles outbreak", "{NAME} resides in {COUNTY}",
]
ZIP_T = [
    "zip {ZIP}", "pt in {ZIP} - food desert?", "zip is {ZIP}", "zip code {ZIP}, is that in our catchment",
    "ZIP+4 {ZIP4}", "lives in {ZIP}", "which pharmacies near {ZIP}", "home zip {ZIP} for the ADI lookup",
    "is {ZIP} covered by the mobile crisis team", "county for zip {ZIP}?", "zip:{ZIP}", "resides in {ZIP}, any CHW there",
    "pt moved, new zip {ZIP}", "zip {ZIP4} on the insurance card", "in {ZIP}", "{NAME} zip {ZIP}",
]
HOOD_T = [
    "lives {HP}", "from {HA}, any shelter contact", "lives {HP} w/ grandma", "grew up {HP}, lead level ever checked",
    "staying at a shelter {HP}", "outreach team found him {HP}", "moved to {HA} last yr", "{HOOD} resident, uninsured",
    "pt lives {HP}, needs transport for PT", "{NAME} from {HA}",
]
INTL_T = [
    "visiting from {INTL}", "visiting from {INTL}, no insurance", "just back from {INTL}, fever - malaria smear?",
    "recent travel to {INTL} {DATE}", "immigrated from {INTL} in 2019, TB screen?", "born in {INTL}, hep b status?",
    "family in {INTL}, going home for 3 mo", "lives in {INTL}, here for surgery", "medical tourist from {INTL}",
    "exchange student from {INTL}", "{NAME} flew in from {INTL}", "returned from {INTL} {DATE}, diarrhea",
]

# (template list, how many queries)
PLAN = [
    (ADDRESS_T, 100), (PO_T, 24), (CITY_STATE_T, 110), (CITY_T, 56), (COUNTY_T, 26), (ZIP_T, 30),
    (HOOD_T, 18), (INTL_T, 36),
]

# Wrapped around the core of some queries, the way a question is typed into a box.
PREFIXES = [
    "", "", "", "", "", "", "pt ", "q: ", "quick q - ", "for the 68yo M in bed 4, ", "SW note: ", "re: ", "72F w/ CHF - ",
    "CM: ", "icu pt, ", "new admit, ",
]
SUFFIX_ENDS = ["", "", "", "", "?", " thx", " pls", " - pls confirm", " ??"]


class Gen:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        places = []
        for tok in US_PLACES.split("\n"):
            places.extend(self._split_places(tok))
        self.us = places
        self._queues: dict[str, list] = {}

    @staticmethod
    def _split_places(line: str) -> list[tuple[str, str]]:
        out = []
        for m in re.finditer(r"(.+?)\|([A-Z]{2})(?:\s|$)", line.strip()):
            out.append((m.group(1).strip(), m.group(2)))
        return out

    def _next(self, key: str, pool: list):
        """Walk a shuffled pool so each item is used before any repeats."""
        q = self._queues.get(key)
        if not q:
            q = list(pool)
            self.rng.shuffle(q)
            self._queues[key] = q
        return q.pop()

    # ---- pieces
    def city_name(self, city: str) -> str:
        if city in MISSPELLED and self.rng.random() < 0.3:
            return MISSPELLED[city]
        return city

    def city_state(self) -> tuple[str, str]:
        city, st = self._next("us", self.us)
        name = self.city_name(city)
        form = self.rng.random()
        if form < 0.35:
            return f"{name}, {st}", st
        if form < 0.65:
            return f"{name} {st}", st
        if form < 0.85:
            return f"{name}, {STATES[st]}", st
        return f"{name} {STATES[st]}", st

    def city_alone(self) -> str:
        city, _ = self._next("us", self.us)
        return self.city_name(city)

    def zip5(self, st: str | None = None) -> str:
        st = st or self.rng.choice(sorted(ZIP_PREFIX))
        return ZIP_PREFIX[st] + f"{self.rng.randrange(100):02d}"

    def zip4(self, st: str | None = None) -> str:
        return self.zip5(st) + f"-{self.rng.randrange(10000):04d}"

    def street_line(self) -> str:
        r = self.rng
        kind = r.random()
        if kind < 0.05:
            return f"{r.randint(100, 999)} {r.choice('NSEW')} {r.randint(1, 9) * 100} {r.choice('NSEW')}"  # Utah grid
        if kind < 0.09:
            return f"{r.randint(30, 219)}-{r.randint(1, 99):02d} {r.choice(STREETS)} {r.choice(['Blvd', 'Ave', 'St'])}"
        if kind < 0.13:
            return f"{r.choice('NW')}{r.randint(1000, 9999)} County Road {r.choice('KBJQ')}"  # Wisconsin rural
        if kind < 0.16:
            return f"{r.randint(1, 400)} 1/2 {r.choice(STREETS)} {r.choice(SUFFIXES)}"
        if kind < 0.20:
            return f"{r.choice(INTERSECTIONS)}"
        if kind < 0.23:
            return f"lot {r.randint(1, 80)} {r.choice(MHP)}"
        lo, hi = r.choices([(1, 99), (100, 999), (1000, 9999), (10000, 99999)], weights=[25, 35, 30, 10])[0]
        num = str(r.randint(lo, hi))
        parts = [num]
        if r.random() < 0.4:
            parts.append(r.choice(DIRECTIONS))
        parts.append(r.choice(STREETS))
        parts.append(r.choice(SUFFIXES))
        line = " ".join(parts)
        if r.random() < 0.35:
            line += r.choice([" ", ", "]) + r.choice(UNITS)
        return line

    def po_line(self) -> str:
        r = self.rng
        return r.choice([
            f"PO Box {r.randint(1, 9999)}", f"P.O. Box {r.randint(1, 9999)}", f"po box {r.randint(1, 999)}",
            f"POB {r.randint(1, 999)}", f"RR {r.randint(1, 9)} Box {r.randint(1, 300)}",
            f"Rural Route {r.randint(1, 9)} Box {r.randint(1, 300)}", f"HC {r.randint(60, 89)} Box {r.randint(1, 99)}",
            f"{r.randint(100, 9999)} Highway {r.choice([61, 49, 80, 90, 11, 231, 17])}",
            f"{r.randint(1000, 9999)} US-{r.choice([19, 1, 41, 66, 287, 2])}",
            f"{r.randint(100, 9999)} State Rte {r.randint(1, 400)}", f"{r.randint(1000, 19999)} FM {r.randint(100, 3000)}",
            f"{r.randint(100, 9999)} County Rd {r.randint(1, 800)}", f"{r.randint(10, 999)} Old Hwy {r.randint(1, 99)}",
            f"{r.randint(1000, 9999)} Rte {r.randint(1, 99)}",
        ])

    def name(self) -> str:
        r = self.rng
        f, s = r.choice(FIRST), r.choice(LAST)
        return r.choice([f"{f} {s}", f"{s}, {f}", f"{f[0]}. {s}", f"{f} {s[0]}.", f"{f} {s}"])

    def date(self) -> str:
        r = self.rng
        y, m, d = r.randint(2022, 2026), r.randint(1, 12), r.randint(1, 28)
        mon = r.choice(MONTHS)
        return r.choice([
            f"{m}/{d}/{y % 100:02d}", f"{m:02d}/{d:02d}/{y}", f"{y}-{m:02d}-{d:02d}", f"{mon} {d}",
            f"{mon} {d} {y}", f"{d} {mon}", f"{mon} {d}{'st' if d in (1, 21) else 'th'}", f"{m}/{d}",
        ])

    # ---- slot expansion
    def expand_fa(self) -> tuple[str, str]:
        """A street line, then maybe its town, state and ZIP: a template of tagged parts."""
        st = self.rng.choice(sorted(ZIP_PREFIX))
        tail = self.rng.choice(["", "", "", ", {LOC}", " {LOC}", " {LOC} {ZIP}", ", {LOC} {ZIP}", ", {CITY}",
                                " {CITY}", " {ZIP}", ", {LOC}, {ZIP}"])
        return "{ADDR}" + tail, st

    def fill(self, template: str) -> dict:
        r = self.rng
        st_hint = None
        if "{FA}" in template:
            fa, st_hint = self.expand_fa()
            template = template.replace("{FA}", fa)
        if "{PO}" in template:
            template = template.replace("{PO}", "{POL}" + r.choice(["", "", ", {LOC}", " {LOC} {ZIP}", ", {LOC} {ZIP}"]))
        parts = re.split(r"(\{[A-Z0-9]+\})", template)
        segs: list = []
        last_state = st_hint
        for p in parts:
            if not (p.startswith("{") and p.endswith("}")):
                if p:
                    segs.append(p)
                continue
            slot = p[1:-1]
            if slot == "ADDR":
                segs.append((self.street_line(), "ADDRESS"))
            elif slot == "POL":
                segs.append((self.po_line(), "ADDRESS"))
            elif slot == "LOC":
                text, last_state = self.city_state()
                segs.append((text, "LOCATION"))
            elif slot == "CITY":
                segs.append((self.city_alone(), "LOCATION"))
            elif slot == "ZIP":
                segs.append((self.zip5(last_state), "ZIP"))
            elif slot == "ZIP4":
                segs.append((self.zip4(last_state), "ZIP"))
            elif slot == "COUNTY":
                segs.append((self._next("county", COUNTIES), "LOCATION"))
            elif slot in ("HP", "HA"):
                prep, art, hood = self._next("hood", HOODS)
                lead = " ".join(w for w in (prep if slot == "HP" else "", art) if w)
                if lead:
                    segs.append(lead + " ")
                segs.append((hood, "LOCATION"))
            elif slot == "HOOD":
                segs.append((self._next("hood", HOODS)[2], "LOCATION"))
            elif slot == "INTL":
                segs.append((self._next("intl", INTL), "LOCATION"))
            elif slot == "NAME":
                segs.append((self.name(), "PERSON"))
            elif slot == "SUR":
                segs.append((r.choice(LAST), "PERSON"))
            elif slot == "DATE":
                segs.append((self.date(), "DATE"))
            elif slot == "REL":
                segs.append(r.choice(RELATIVES))
            else:
                raise ValueError(slot)
        # How it is typed: all lower case often, ALL CAPS for pasted addresses now and then.
        style = r.random()
        if template.startswith("ADDR:"):
            style = 0.99
        if style < 0.45:
            segs = [s.lower() if isinstance(s, str) else (s[0].lower(), s[1]) for s in segs]
        elif style > 0.97:
            segs = [s.upper() if isinstance(s, str) else (s[0].upper(), s[1]) for s in segs]
        pre, end = r.choice(PREFIXES), r.choice(SUFFIX_ENDS)
        if segs and isinstance(segs[0], str) and segs[0].lower().startswith("pt") and pre == "pt ":
            pre = ""
        if end and isinstance(segs[-1], str) and segs[-1].endswith(("?", "??")):
            end = ""
        segs = ([pre] if pre else []) + segs + ([end] if end else [])
        return assemble(segs)


def assemble(segs: list) -> dict:
    text = ""
    ids = []
    for s in segs:
        if isinstance(s, str):
            text += s
            continue
        value, typ = s
        start = len(text)
        text += value
        ids.append({"start": start, "end": len(text), "type": typ, "text": value})
    for i in ids:
        assert text[i["start"]:i["end"]] == i["text"], (text, i)
        assert i["text"] == i["text"].strip() and i["text"], (text, i)
    return {"text": text, "identifiers": ids}


def make_queries(rng: random.Random) -> list[dict]:
    gen = Gen(rng)
    out: list[dict] = []
    seen: set[str] = set()
    for templates, count in PLAN:
        made = 0
        order: list[str] = []
        while made < count:
            if not order:
                order = list(templates)
                rng.shuffle(order)
            q = gen.fill(order.pop())
            if q["text"] in seen:
                continue
            seen.add(q["text"])
            out.append(q)
            made += 1
    rng.shuffle(out)
    assert len(out) == N_QUERIES, len(out)
    return [{"id": f"loc-{i:04d}", "split": SPLIT, **q} for i, q in enumerate(out, 1)]


# Clinical questions with no PHI; words that look like places or names but are diseases, eponyms,
# classifications, drugs, codes, units, scores, anatomy and shorthand.
FREE = """
does lyme disease need a repeat western blot after doxy
West Nile virus IgM positive in CSF - what is the prognosis
empiric doxycycline for rocky mountain spotted fever before the titers come back?
norwalk virus outbreak on the unit, contact precautions how long
coxsackie hand foot mouth disease, ok to return to daycare
Ebola PPE donning and doffing order
marburg virus incubation period
is stockholm syndrome in the DSM-5
bell's palsy - steroids plus valacyclovir or steroids alone
Crohn's flare, start budesonide or go straight to a biologic
addison's disease stress dose hydrocortisone for surgery
parkinson's pt, carbidopa levodopa timing around protein meals
hashimoto thyroiditis with TSH 7.2, treat or watch
down syndrome adult, is atlantoaxial instability screening still recommended?
St. Louis encephalitis vs West Nile serology cross reactivity
valley fever dx - cocci IgG vs complement fixation
san joaquin valley fever in pregnancy, is fluconazole safe
lassa fever isolation requirements
chikungunya arthralgia lasting months, what helps
zika IgM in pregnancy, how long after exposure is it positive
hantavirus cardiopulmonary syndrome ECMO criteria
japanese encephalitis vaccine schedule for adults
MERS-CoV testing criteria
crimean-congo hemorrhagic fever - ribavirin?
rift valley fever transmission route
powassan virus after tick bite, is testing available
does jamestown canyon virus IgM cross-react with la crosse?
la crosse encephalitis management in kids
heartland virus vs ehrlichia lab pattern
legionnaires disease urine antigen sensitivity
pontiac fever needs antibiotics?
familial mediterranean fever colchicine dose
haverhill fever after rat bite, which antibiotic
eastern equine encephalitis mortality
q fever endocarditis doxy plus hydroxychloroquine duration
bornholm disease vs pericarditis
katayama fever after freshwater exposure, praziquantel timing
oroya fever treatment
bourbon virus testing through CDC?
cache valley virus in pregnancy
colorado tick fever vs RMSF
kyasanur forest disease vaccine
omsk hemorrhagic fever
mediterranean spotted fever eschar
ross river virus arthritis duration
minamata disease symptoms
balkan nephropathy and urothelial cancer risk
madura foot - mycetoma, surgery or itraconazole
bombay phenotype, which blood can she receive
boston criteria 2.0 for cerebral amyloid angiopathy - need SWI?
denver shunt vs TIPS for refractory ascites
seattle criteria for athlete ECG, is TWI in V1-V3 normal
ottawa ankle rules negative, still need an xray?
canadian CT head rule if on anticoagulation?
san francisco syncope rule vs CHESS
wells score 4.5 and d-dimer 800, CTA?
revised geneva score calculator
padua prediction score >= 4, start enoxaparin
montreal classification L3 B2 Crohn's - meaning
paris classification 0-IIa polyp, EMR or ESD
tokyo guidelines grade II cholangitis, timing of ERCP
revised atlanta classification moderately severe pancreatitis
rotterdam criteria for PCOS with normal androgens
milan criteria for liver transplant in HCC
glasgow coma scale 8, intubate?
glasgow-blatchford score 0, outpt management ok
LA grade C esophagitis, PPI bid for how long
los angeles classification grade B esophagitis, repeat EGD?
berlin definition ARDS P/F 180 on PEEP 5
banff 1A rejection treatment
lugano classification deauville 4 after cycle 2
ann arbor stage IIB hodgkin lymphoma
edinburgh postnatal depression scale 13, next step
richmond agitation sedation scale -3 target ok for this vent pt?
rancho los amigos level IV behaviors
NYHA class III on GDMT, add SGLT2?
new york heart association class vs ACC stage
minnesota tube vs blakemore for variceal bleed
boston bowel prep scale 5, repeat colonoscopy interval
montreal cognitive assessment 22/30 - MCI?
st george's respiratory questionnaire in copd
stanford type B dissection, BP goal
seattle heart failure model estimate
kansas city cardiomyopathy questionnaire interpretation
bethesda category IV thyroid nodule - lobectomy or molecular testing
amsterdam II criteria met, MSI testing?
hamilton depression rating scale 18
bristol stool type 6 five times a day, C diff test?
nottingham grade 3 IDC, oncotype?
philadelphia chromosome positive ALL, which TKI
pittsburgh sleep quality index > 5
texas catheter vs foley for incontinent male
dallas criteria for myocarditis on biopsy
lake louise score 4 with headache, descend?
chapel hill nomenclature - is this small vessel vasculitis
sapporo criteria vs sydney criteria for antiphospholipid syndrome
framingham risk score vs pooled cohort equations
vancouver scar scale at burn f/u
chicago classification v4.0 type II achalasia, POEM or pneumatic dilation
manchester repair vs vaginal hysterectomy for prolapse
jackson-pratt drain output 30 mL, pull it?
austin flint murmur vs mitral stenosis
norco 5/325 q6h prn, max apap per day
is it normal for INR to bump on bactrim
hope to wean pressors today - MAP goal 65?
independence with ADLs before admit?
mobile xray for portable CXR after line placement
normal saline vs lactated ringer's in DKA
charcot foot offloading, total contact cast
hartmann's procedure reversal timing
swan-ganz wedge 22, diurese?
whipple pt with delayed gastric emptying, erythromycin?
cushing's triad with bradycardia, call neurosurg
graves' disease methimazole vs RAI
wilson's disease ceruloplasmin low but urine copper normal
paget's disease of bone alk phos 400, zoledronic acid
kawasaki disease IVIG timing
epstein-barr monospot negative, repeat?
CPT 99215 or 99214 for this visit
CPT 93000 for ekg with interpretation
ICD-10 I48.91 vs I48.19 for persistent afib
CK 12000 after crush injury, bicarb?
plt 45000, ok for LP?
HIV viral load 40000 copies, resistance genotype
ferritin 12000 - HLH? check sIL-2R
d-dimer 10000 ng/mL FEU in covid
CHA2DS2-VASc 3 and HAS-BLED 3, anticoagulate?
MELD-Na 24 - transplant referral?
child-pugh C, can we give a statin
CURB-65 of 2, admit or outpatient
PHQ-9 of 17, start sertraline 50 mg
GAD-7 12 - ssri or buspirone
NIHSS 6 at 3.5 h, tPA?
qSOFA 2, lactate 4.1 mmol/L, 30 mL/kg bolus
APACHE II of 25, mortality estimate
RUQ pain with murphy sign, HIDA or US first
left lower lobe consolidation on CXR, aspiration coverage?
right upper lobe cavitary lesion, AFB x3
posterior fossa mass on CT, neurosurg consult
distal radius fx, closed reduction in the ED?
superior vena cava syndrome, stent or radiation first
medial meniscus tear, MRI needed?
K 5.9 mEq/L with peaked T waves, calcium gluconate first?
glucose 480 mg/dL, AG 18, insulin drip at 0.1 units/kg/hr
urine output 0.3 mL/kg/hr x 6h, AKI stage?
MAP 58 on norepi 0.2 mcg/kg/min, add vasopressin
s/p lap chole POD1, c/o shoulder pain - normal?
npo after midnight for EGD, hold the lantus?
hx of CABG x3, ok for NSAIDs?
tylenol 1 g q8h prn with cirrhosis ok?
eliquis 5 bid with CrCl 28 - dose reduce?
xarelto vs lovenox for cancer VTE
keytruda colitis, infliximab?
toradol in CKD 3
lasix 40 IV bid, net negative 1L goal
plaquenil eye exam interval
keppra vs depakote for post-stroke seizure
dilaudid PCA settings for opioid naive pt
florinef for orthostatic hypotension in parkinson's
medrol dosepak for gout flare
brilinta vs plavix after NSTEMI
lugol's solution before thyroidectomy
duke criteria with one major and two minor - endocarditis?
jones criteria for rheumatic fever recurrence
alvarado score 7, CT or straight to surgery
ranson criteria at 48h
"""


def make_free() -> list[dict]:
    lines = [ln.strip() for ln in FREE.strip().splitlines() if ln.strip()]
    assert len(lines) == len(set(lines))
    return [{"id": f"locfree-{i:04d}", "split": SPLIT, "text": t} for i, t in enumerate(lines, 1)]


def write_jsonl(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="data/phi", help="folder for the two .jsonl files")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    queries = make_queries(rng)
    free = make_free()
    write_jsonl(out / "location_queries.jsonl", queries)
    write_jsonl(out / "location_free_questions.jsonl", free)
    types: dict[str, int] = {}
    for q in queries:
        for i in q["identifiers"]:
            types[i["type"]] = types.get(i["type"], 0) + 1
    print(f"{len(queries)} queries, {sum(types.values())} identifiers {dict(sorted(types.items()))}; {len(free)} PHI-free")


if __name__ == "__main__":
    main()
