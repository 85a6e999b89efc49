"""The demo organisation: fictional people and places, realistic for a Dutch childcare organisation."""

ORGANISATION = "Kinderopvang De Regenboog (demo)"

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
# children [(first name, age in months, group)]
FAMILIES = [
    (
        "De Vries",
        ["nl"],
        False,
        [("Eva", "de Vries", "moeder", True), ("Thomas", "de Vries", "vader", True)],
        [("Noah", 26, "Rupsen")],
    ),
    (
        "El Amrani",
        ["ar", "ber", "nl"],
        False,
        [("Nadia", "El Amrani", "moeder", True), ("Youssef", "El Amrani", "vader", True)],
        [("Amira", 30, "Rupsen"), ("Rayan", 80, "Bosuilen")],
    ),
    ("Yılmaz", ["tr", "nl"], False, [("Elif", "Yılmaz", "moeder", True)], [("Emir", 14, "Rupsen")]),
    (
        "Kowalski",
        ["pl"],
        True,
        [("Agnieszka", "Kowalska", "moeder", True), ("Piotr", "Kowalski", "vader", True)],
        [("Zofia", 33, "Vlinders")],
    ),
    ("Tesfay", ["ti"], True, [("Selam", "Tesfay", "moeder", True)], [("Dawit", 36, "Vlinders")]),
    (
        "Bakker",
        ["nl"],
        False,
        [("Linda", "Bakker", "moeder", True), ("Henk", "Bakker", "opa", False)],
        [("Saar", 20, "Rupsen")],
    ),
    (
        "Visser",
        ["nl", "en"],
        False,
        [("Emma", "Visser", "moeder", True), ("James", "Walker", "vader", True)],
        [("Olivia", 40, "Vlinders"), ("Finn", 9, "Rupsen")],
    ),
    (
        "Öztürk",
        ["tr"],
        False,
        [("Ayşe", "Öztürk", "moeder", True), ("Murat", "Öztürk", "vader", True)],
        [("Zeynep", 28, "Egeltjes")],
    ),
    ("Haddou", ["ber", "nl"], False, [("Samira", "Haddou", "moeder", True)], [("Ilyas", 31, "Egeltjes")]),
    (
        "Nguyen",
        ["other", "nl"],
        False,
        [("Linh", "Nguyen", "moeder", True), ("Minh", "Nguyen", "vader", True)],
        [("Bao", 22, "Egeltjes")],
    ),
    ("Martina", ["pap", "nl"], False, [("Shanaira", "Martina", "moeder", True)], [("Jaylen", 95, "Bosuilen")]),
    (
        "Kovalenko",
        ["uk"],
        True,
        [("Olena", "Kovalenko", "moeder", True)],
        [("Sofiia", 34, "Vlinders"), ("Maksym", 88, "Bosuilen")],
    ),
    (
        "Hassan",
        ["so"],
        True,
        [("Hodan", "Hassan", "moeder", True), ("Abdi", "Hassan", "vader", True)],
        [("Ayaan", 27, "Rupsen")],
    ),
    (
        "Smit",
        ["nl"],
        False,
        [("Kim", "Smit", "moeder", True), ("Jorien", "Smit", "moeder", True)],
        [("Mees", 18, "Egeltjes")],
    ),
    (
        "De Jong",
        ["nl", "fy"],
        False,
        [("Anke", "de Jong", "moeder", True), ("Sietse", "de Jong", "vader", True)],
        [("Tess", 72, "Bosuilen")],
    ),
    ("Mulder", ["nl"], False, [("Rick", "Mulder", "vader", True)], [("Lieke", 12, "Rupsen")]),
    (
        "Boukhari",
        ["ar", "nl"],
        False,
        [("Khadija", "Boukhari", "moeder", True), ("Karim", "Boukhari", "vader", True)],
        [("Adam", 35, "Vlinders")],
    ),
    (
        "Janssen",
        ["nl"],
        False,
        [("Femke", "Janssen", "moeder", True), ("Bas", "Janssen", "stiefvader", False)],
        [("Julia", 84, "Bosuilen")],
    ),
    ("Dekker", ["nl"], False, [("Marloes", "Dekker", "moeder", True)], [("Sem", 16, "Egeltjes")]),
    (
        "Van Dijk",
        ["nl"],
        False,
        [("Joost", "van Dijk", "vader", True), ("Iris", "van Dijk", "moeder", True)],
        [("Fenna", 32, "Vlinders")],
    ),
    (
        "Kaya",
        ["tr", "nl"],
        False,
        [("Fatma", "Kaya", "moeder", True), ("Hasan", "Kaya", "vader", True)],
        [("Yusuf", 24, "Egeltjes"), ("Elif", 90, "Bosuilen")],
    ),
    ("Mahabier", ["hns", "srn", "nl"], False, [("Reshma", "Mahabier", "moeder", True)], [("Arjun", 29, "Rupsen")]),
    (
        "Wiersma",
        ["fy", "nl"],
        False,
        [("Hylke", "Wiersma", "vader", True), ("Baukje", "Wiersma", "moeder", True)],
        [("Jelle", 38, "Vlinders")],
    ),
    ("Pinas", ["srn", "nl"], False, [("Gerda", "Pinas", "oma", True)], [("Quincy", 78, "Bosuilen")]),
    (
        "Rodríguez",
        ["es", "en"],
        False,
        [("Lucía", "Rodríguez", "moeder", True), ("Daan", "Meijer", "vader", True)],
        [("Mateo", 19, "Egeltjes")],
    ),
    (
        "Chen",
        ["zh", "nl"],
        False,
        [("Wei", "Chen", "vader", True), ("Mei", "Chen", "moeder", True)],
        [("Lina", 23, "Rupsen")],
    ),
    (
        "Ahmadi",
        ["prs"],
        True,
        [("Mariam", "Ahmadi", "moeder", True), ("Farid", "Ahmadi", "vader", True)],
        [("Omid", 37, "Vlinders")],
    ),
    ("Peters", ["nl"], False, [("Sophie", "Peters", "moeder", True)], [("Luuk", 11, "Egeltjes")]),
    (
        "Meijer",
        ["nl", "en"],
        False,
        [("Anouk", "Meijer", "moeder", True), ("Chris", "Meijer", "pleegvader", False)],
        [("Milan", 100, "Bosuilen")],
    ),
    ("Benali", ["ar", "nl"], False, [("Hanan", "Benali", "moeder", True)], [("Sara", 15, "Rupsen")]),
]

# The demo parents: `parent` belongs to the first family (a child in Sanne's group Rupsen), `parent2` to the
# Öztürk family at the other location.
PARENT_LOGINS = {"parent": ("De Vries", "Eva"), "parent2": ("Öztürk", "Ayşe")}
