"""The demo organisation: fictional people and places, realistic for a Dutch childcare organisation."""

ORGANISATION = "Kinderopvang De Regenboog (demo)"
# The organisation has used the app for a little over a year (the demo's contacts go back a year); paperwork
# signals count from then for the families that were already there.
GO_LIVE_DAYS_AGO = 380
# A family that started three weeks ago: its intake and its child's mentor are still to come (attention, the
# health of a new family as it really is for a while).
NEW_FAMILY = "Benali"
# How contact goes, so the dashboard looks like a real organisation's: most families are in warm or regular
# contact; two have gone quiet, two are worried or tense (and feel less heard), and one parent
# gave a single low score in the feedback.
QUIET = {"Tesfay", "Boukhari"}
WORRIED = {"Janssen", "Rodríguez"}
SINGLE_LOW_FEEDBACK = {"Wiersma"}

LOCATIONS = [
    {
        "name": "Kindcentrum De Boomhut",
        "address": "Kanaalstraat 112, 3531 CL Utrecht",
        "groups": [("Rupsen", "kdv"), ("Vlinders", "po")],
    },
    {
        "name": "Kinderopvang Het Zonnetje",
        "address": "Leusderweg 48, 3817 KB Amersfoort",
        "groups": [("Egeltjes", "kdv"), ("Bosuilen", "bso")],
    },
]

# username, first name, last name, role, groups (staff) or locations (coordinator)
STAFF = [
    ("staff", "Sanne", "de Boer", "staff", ["Rupsen"]),
    ("fatima", "Fatima", "Bouzid", "staff", ["Rupsen", "Vlinders"]),
    ("jeroen", "Jeroen", "Hoekstra", "staff", ["Vlinders"]),
    ("ilse", "Ilse", "Verbeek", "staff", ["Egeltjes"]),
    ("mehmet", "Mehmet", "Aydın", "staff", ["Egeltjes", "Bosuilen"]),
    ("lotte", "Lotte", "Brouwer", "staff", ["Bosuilen"]),
    ("coordinator", "Marieke", "van den Berg", "coordinator", ["Kindcentrum De Boomhut", "Kinderopvang Het Zonnetje"]),
    ("admin", "Pieter", "Kramer", "admin", []),
]

# family name, home languages, interpreter needed, caregivers [(first, last, relation, authority)],
# children [(first name, age in months, group, "m" for a boy or "f" for a girl: the demo's texts say "hij" or "ze")]
FAMILIES = [
    (
        "De Vries",
        ["nl"],
        False,
        [("Eva", "de Vries", "moeder", True), ("Thomas", "de Vries", "vader", True)],
        [("Noah", 26, "Rupsen", "m")],
    ),
    (
        "El Amrani",
        ["ar", "ber", "nl"],
        False,
        [("Nadia", "El Amrani", "moeder", True), ("Youssef", "El Amrani", "vader", True)],
        [("Amira", 30, "Rupsen", "f"), ("Rayan", 80, "Bosuilen", "m")],
    ),
    ("Yılmaz", ["tr", "nl"], False, [("Elif", "Yılmaz", "moeder", True)], [("Emir", 14, "Rupsen", "m")]),
    (
        "Kowalski",
        ["pl"],
        True,
        [("Agnieszka", "Kowalska", "moeder", True), ("Piotr", "Kowalski", "vader", True)],
        [("Zofia", 33, "Vlinders", "f")],
    ),
    ("Tesfay", ["ti"], True, [("Selam", "Tesfay", "moeder", True)], [("Dawit", 36, "Vlinders", "m")]),
    (
        "Bakker",
        ["nl"],
        False,
        [("Linda", "Bakker", "moeder", True), ("Henk", "Bakker", "opa", False)],
        [("Saar", 20, "Rupsen", "f")],
    ),
    (
        "Visser",
        ["nl", "en"],
        False,
        [("Emma", "Visser", "moeder", True), ("James", "Walker", "vader", True)],
        [("Olivia", 40, "Vlinders", "f"), ("Finn", 9, "Rupsen", "m")],
    ),
    (
        "Öztürk",
        ["tr"],
        False,
        [("Ayşe", "Öztürk", "moeder", True), ("Murat", "Öztürk", "vader", True)],
        [("Zeynep", 28, "Egeltjes", "f")],
    ),
    ("Haddou", ["ber", "nl"], False, [("Samira", "Haddou", "moeder", True)], [("Ilyas", 31, "Egeltjes", "m")]),
    (
        "Nguyen",
        ["other", "nl"],
        False,
        [("Linh", "Nguyen", "moeder", True), ("Minh", "Nguyen", "vader", True)],
        [("Bao", 22, "Egeltjes", "m")],
    ),
    ("Martina", ["pap", "nl"], False, [("Shanaira", "Martina", "moeder", True)], [("Jaylen", 95, "Bosuilen", "m")]),
    (
        "Kovalenko",
        ["uk"],
        True,
        [("Olena", "Kovalenko", "moeder", True)],
        [("Sofiia", 34, "Vlinders", "f"), ("Maksym", 88, "Bosuilen", "m")],
    ),
    (
        "Hassan",
        ["so"],
        True,
        [("Hodan", "Hassan", "moeder", True), ("Abdi", "Hassan", "vader", True)],
        [("Ayaan", 27, "Rupsen", "f")],
    ),
    (
        "Smit",
        ["nl"],
        False,
        [("Kim", "Smit", "moeder", True), ("Jorien", "Smit", "moeder", True)],
        [("Mees", 18, "Egeltjes", "m")],
    ),
    (
        "De Jong",
        ["nl", "fy"],
        False,
        [("Anke", "de Jong", "moeder", True), ("Sietse", "de Jong", "vader", True)],
        [("Tess", 72, "Bosuilen", "f")],
    ),
    ("Mulder", ["nl"], False, [("Rick", "Mulder", "vader", True)], [("Lieke", 12, "Rupsen", "f")]),
    (
        "Boukhari",
        ["ar", "nl"],
        False,
        [("Khadija", "Boukhari", "moeder", True), ("Karim", "Boukhari", "vader", True)],
        [("Adam", 35, "Vlinders", "m")],
    ),
    (
        "Janssen",
        ["nl"],
        False,
        [("Femke", "Janssen", "moeder", True), ("Bas", "Janssen", "stiefvader", False)],
        [("Julia", 84, "Bosuilen", "f")],
    ),
    ("Dekker", ["nl"], False, [("Marloes", "Dekker", "moeder", True)], [("Sem", 16, "Egeltjes", "m")]),
    (
        "Van Dijk",
        ["nl"],
        False,
        [("Joost", "van Dijk", "vader", True), ("Iris", "van Dijk", "moeder", True)],
        [("Fenna", 32, "Vlinders", "f")],
    ),
    (
        "Kaya",
        ["tr", "nl"],
        False,
        [("Fatma", "Kaya", "moeder", True), ("Hasan", "Kaya", "vader", True)],
        [("Yusuf", 24, "Egeltjes", "m"), ("Elif", 90, "Bosuilen", "f")],
    ),
    ("Mahabier", ["hns", "srn", "nl"], False, [("Reshma", "Mahabier", "moeder", True)], [("Arjun", 29, "Rupsen", "m")]),
    (
        "Wiersma",
        ["fy", "nl"],
        False,
        [("Hylke", "Wiersma", "vader", True), ("Baukje", "Wiersma", "moeder", True)],
        [("Jelle", 38, "Vlinders", "m")],
    ),
    ("Pinas", ["srn", "nl"], False, [("Gerda", "Pinas", "oma", True)], [("Quincy", 78, "Bosuilen", "m")]),
    (
        "Rodríguez",
        ["es", "en"],
        False,
        [("Lucía", "Rodríguez", "moeder", True), ("Daan", "Meijer", "vader", True)],
        [("Mateo", 19, "Egeltjes", "m")],
    ),
    (
        "Chen",
        ["zh", "nl"],
        False,
        [("Wei", "Chen", "vader", True), ("Mei", "Chen", "moeder", True)],
        [("Lina", 23, "Rupsen", "f")],
    ),
    (
        "Ahmadi",
        ["prs"],
        True,
        [("Mariam", "Ahmadi", "moeder", True), ("Farid", "Ahmadi", "vader", True)],
        [("Omid", 37, "Vlinders", "m")],
    ),
    ("Peters", ["nl"], False, [("Sophie", "Peters", "moeder", True)], [("Luuk", 11, "Egeltjes", "m")]),
    (
        "Meijer",
        ["nl", "en"],
        False,
        [("Anouk", "Meijer", "moeder", True), ("Chris", "Meijer", "pleegvader", False)],
        [("Milan", 100, "Bosuilen", "m")],
    ),
    ("Benali", ["ar", "nl"], False, [("Hanan", "Benali", "moeder", True)], [("Sara", 3, "Rupsen", "f")]),
]

# The demo parents: `parent` belongs to the first family (a child in Sanne's group Rupsen), `parent2` to the
# Öztürk family at the other location.
PARENT_LOGINS = {"parent": ("De Vries", "Eva"), "parent2": ("Öztürk", "Ayşe")}


def words_for(name: str, gender: str) -> dict:
    """The words the demo's texts use for a child: its name and the Dutch pronouns for a boy or a girl, for
    str.format: "{naam} eet thuis weinig", "{Hij} is gek op muziek", "met {hem}", "{zijn} jas"."""
    boy = gender == "m"
    return {
        "naam": name,
        "hij": "hij" if boy else "ze",
        "Hij": "Hij" if boy else "Ze",
        "hem": "hem" if boy else "haar",
        "zijn": "zijn" if boy else "haar",
    }
