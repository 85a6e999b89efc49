"""A fictional planning-system export, shaped like a Kindplanner or Flexkids list of placements: one row per
child's placement, the family's relation number and up to two parents on every row, Dutch column names,
semicolons, dates as 31-12-2024 and a byte order mark (as Dutch Excel writes CSV). `demo/planning_export.csv`
was made with it (`manage.py make_planning_export`); the tests make larger ones (10,000 rows)."""

import csv
import datetime
import io
import random

HEADERS = [
    "Relatienummer",
    "Kindnummer",
    "Roepnaam kind",
    "Tussenvoegsel kind",
    "Achternaam kind",
    "Geboortedatum kind",
    "Geslacht",
    "Locatie",
    "Groep",
    "Plaatsingsnummer",
    "Ingangsdatum plaatsing",
    "Einddatum plaatsing",
    "Ouder 1 nummer",
    "Ouder 1 voornaam",
    "Ouder 1 tussenvoegsel",
    "Ouder 1 achternaam",
    "Ouder 1 e-mail",
    "Ouder 1 telefoon",
    "Ouder 1 relatie",
    "Ouder 1 gezag",
    "Ouder 2 nummer",
    "Ouder 2 voornaam",
    "Ouder 2 tussenvoegsel",
    "Ouder 2 achternaam",
    "Ouder 2 e-mail",
    "Ouder 2 telefoon",
    "Ouder 2 relatie",
    "Ouder 2 gezag",
]

# (location, group, youngest and oldest age in months): the groups the demo export places children in. The
# browser journey creates exactly these before importing.
GROUPS = [
    ("De Boomgaard", "Appeltjes", 0, 24),
    ("De Boomgaard", "Peertjes", 24, 48),
    ("Het Vlot", "Zeesterren", 0, 48),
    ("Het Vlot", "Kapiteins", 48, 156),
]

# Families of the Netherlands of today: (share, surnames as (tussenvoegsel, name), girls, boys, mothers, fathers).
ORIGINS = [
    (
        62,
        [
            ("de", "Vries"),
            ("", "Jansen"),
            ("de", "Jong"),
            ("van", "Dijk"),
            ("", "Bakker"),
            ("", "Visser"),
            ("", "Smit"),
            ("", "Meijer"),
            ("de", "Boer"),
            ("", "Mulder"),
            ("de", "Groot"),
            ("", "Bos"),
            ("", "Vos"),
            ("", "Peters"),
            ("", "Hendriks"),
            ("van", "Leeuwen"),
            ("", "Dekker"),
            ("", "Brouwer"),
            ("de", "Wit"),
            ("", "Dijkstra"),
            ("", "Smits"),
            ("de", "Graaf"),
            ("van der", "Meer"),
            ("van der", "Linden"),
            ("", "Kok"),
            ("", "Jacobs"),
            ("de", "Haan"),
            ("", "Vermeulen"),
            ("van den", "Heuvel"),
            ("van der", "Veen"),
            ("van den", "Broek"),
            ("de", "Bruijn"),
            ("", "Schouten"),
            ("van", "Beek"),
            ("", "Willems"),
            ("", "Hoekstra"),
            ("", "Wiersma"),
            ("", "Postma"),
        ],
        [
            "Emma",
            "Julia",
            "Mila",
            "Tess",
            "Sophie",
            "Zoë",
            "Sara",
            "Nora",
            "Noor",
            "Liv",
            "Evi",
            "Saar",
            "Fenna",
            "Lotte",
            "Fleur",
            "Maud",
            "Nina",
            "Isa",
            "Femke",
            "Roos",
        ],
        [
            "Noah",
            "Sem",
            "Liam",
            "Lucas",
            "Daan",
            "Finn",
            "Levi",
            "Luuk",
            "Mees",
            "Sam",
            "Bram",
            "Jesse",
            "Milan",
            "Thijs",
            "Ruben",
            "Ties",
            "Gijs",
            "Teun",
            "Siem",
            "Jip",
        ],
        [
            "Anouk",
            "Lisa",
            "Marloes",
            "Esther",
            "Iris",
            "Sanne",
            "Fleur",
            "Linda",
            "Anna",
            "Charlotte",
            "Eva",
            "Kim",
            "Femke",
            "Roos",
            "Joyce",
            "Ingrid",
        ],
        [
            "Mark",
            "Jeroen",
            "Bas",
            "Tim",
            "Maarten",
            "Sander",
            "Pieter",
            "Niels",
            "Daniel",
            "Thomas",
            "Jan",
            "Kees",
            "Erik",
            "Rik",
            "Joost",
            "Stefan",
            "Wouter",
        ],
    ),
    (
        12,
        [
            ("", "El Amrani"),
            ("", "Bouzid"),
            ("", "Benali"),
            ("", "Ouali"),
            ("", "Haddou"),
            ("", "Boukhari"),
            ("", "Amrani"),
        ],
        ["Yasmin", "Salma", "Amira", "Maryam", "Hiba", "Lina", "Aya", "Nour", "Imane"],
        ["Adam", "Mohammed", "Ibrahim", "Amir", "Ayoub", "Rayan", "Bilal", "Yusuf", "Anas"],
        ["Naima", "Samira", "Khadija", "Nadia", "Fatima", "Hanan", "Loubna"],
        ["Youssef", "Mustafa", "Hamid", "Hassan", "Tarik", "Karim", "Rachid"],
    ),
    (
        10,
        [("", "Yılmaz"), ("", "Kaya"), ("", "Demir"), ("", "Şahin"), ("", "Öztürk"), ("", "Çelik"), ("", "Aydın")],
        ["Aylin", "Elif", "Zeynep", "Selin", "Defne", "Ecrin", "Azra"],
        ["Emir", "Kerem", "Mehmet", "Yusuf", "Eren", "Alperen", "Miraç"],
        ["Fatma", "Ayşe", "Büşra", "Hatice", "Sevda", "Emine", "Merve"],
        ["Ahmet", "Murat", "Mehmet", "Hüseyin", "Emre", "Burak", "Serkan"],
    ),
    (
        8,
        [
            ("", "Kowalski"),
            ("", "Nowak"),
            ("", "Wiśniewski"),
            ("", "Kovalenko"),
            ("", "Shevchenko"),
            ("", "Bondarenko"),
        ],
        ["Zofia", "Hanna", "Oliwia", "Sofiia", "Anastasiia", "Maja"],
        ["Jakub", "Antoni", "Filip", "Maksym", "Artem", "Oleksandr"],
        ["Paulina", "Agnieszka", "Olena", "Iryna", "Kateryna", "Magdalena"],
        ["Piotr", "Tomasz", "Andriy", "Dmytro", "Marek", "Serhiy"],
    ),
    (
        8,
        [
            ("", "Rodríguez"),
            ("", "Tesfay"),
            ("", "Abdi"),
            ("", "Ramdin"),
            ("", "Nguyen"),
            ("", "Chen"),
            ("", "Mensah"),
            ("", "Martis"),
        ],
        ["Sofía", "Amara", "Priya", "Mei", "Selam", "Liya", "Naomi"],
        ["Mateo", "Dev", "Wei", "Kwame", "Dawit", "Jayden", "Rohan"],
        ["María", "Lakshmi", "Mariam", "Ling", "Abena", "Shanti", "Helen"],
        ["Carlos", "Raj", "Daniel", "Kofi", "Tesfaye", "Wei", "Ravi"],
    ),
]


def _date(value: datetime.date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


def _email(first: str, infix: str, last: str, number: int) -> str:
    plain = "".join(ch for ch in f"{first}.{infix}{last}".lower() if ch.isascii() and (ch.isalnum() or ch == "."))
    return f"{plain}{number}@example.nl"


def export_rows(*, children: int = 230, seed: int = 14, today: datetime.date | None = None) -> list[dict]:
    """Rows for `children` children in families of one to three, about one family in six with one parent."""
    rng = random.Random(seed)
    today = today or datetime.date(2026, 12, 1)
    rows, child_number, family_number, parent_number, placement_number = [], 1000, 50000, 80000, 300000
    while len(rows) < children:
        family_number += 1
        _share, surnames, girls, boys, mothers, fathers = rng.choices(ORIGINS, weights=[o[0] for o in ORIGINS])[0]
        infix, last = rng.choice(surnames)
        parents = []
        for position in range(1 if rng.random() < 0.16 else 2):
            parent_number += 1
            mother = position == 0 or rng.random() < 0.1
            first = rng.choice(mothers if mother else fathers)
            p_infix, p_last = (infix, last) if position == 0 or rng.random() < 0.7 else rng.choice(surnames)
            parents.append(
                {
                    "nummer": str(parent_number),
                    "voornaam": first,
                    "tussenvoegsel": p_infix,
                    "achternaam": p_last,
                    "e-mail": _email(first, p_infix, p_last, parent_number),
                    "telefoon": f"06-{rng.randint(10000000, 99999999)}",
                    "relatie": "moeder" if mother else "vader",
                    "gezag": "Ja" if rng.random() < 0.95 else "Nee",
                }
            )
        for _sibling in range(min(rng.choice([1, 1, 1, 2, 2, 3]), children - len(rows))):
            child_number += 1
            location, group, youngest, oldest = rng.choice(GROUPS)
            months = rng.randint(youngest + 1, oldest - 1)
            born = today - datetime.timedelta(days=int(months * 30.4) + rng.randint(0, 25))
            start = max(born + datetime.timedelta(days=rng.randint(60, 400)), today - datetime.timedelta(days=900))
            start = min(start, today + datetime.timedelta(days=rng.randint(0, 60)))
            end = start + datetime.timedelta(days=rng.randint(400, 900)) if rng.random() < 0.08 else None
            girl = rng.random() < 0.5
            placement_number += 1
            row = {
                "Relatienummer": str(family_number),
                "Kindnummer": str(child_number),
                "Roepnaam kind": rng.choice(girls if girl else boys),
                "Tussenvoegsel kind": infix,
                "Achternaam kind": last,
                "Geboortedatum kind": _date(born),
                "Geslacht": "V" if girl else "M",
                "Locatie": location,
                "Groep": group,
                "Plaatsingsnummer": str(placement_number),
                "Ingangsdatum plaatsing": _date(start),
                "Einddatum plaatsing": _date(end),
            }
            for position, parent in enumerate(parents, start=1):
                for key, value in parent.items():
                    row[f"Ouder {position} {key}"] = value
            rows.append(row)
    return rows


def export_csv(rows: list[dict]) -> bytes:
    """The rows as Dutch Excel writes a CSV: UTF-8 with a byte order mark, semicolons, CRLF."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=HEADERS, delimiter=";", restval="", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")
