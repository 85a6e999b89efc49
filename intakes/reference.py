"""The reference set of intake questions, in our own words, after the source documents (shared/seeds).

- "Wat vind jij belangrijk in de opvoeding? Wat vind jij belangrijk voor je kind? Hoe stimuleer je je kind
  daarin? Wat zijn jouw verwachtingen?" then the professional's own expectations, and "vertel de ouder dat
  die altijd bij jou terecht kan met vragen": De relatie met ouders onderhouden als professional.
- What the child loves and does well, the parent as expert on their child: Samenwerken met ouders: elkaar
  zien als expert (T. Wally) and Met Andere Ogen (2022), "ouders kennen hun kind het best".
- The whole network of the family ("totaalplaatje"): Met Andere Ogen (2022).
- How the parent wants to keep in touch, and in which language: Vertrouwensrelatie met ouders opbouwen
  (L. Darwish): language, interpreter, active communication.

Every new organisation starts from its own copy of this set; the data migrations read it too. Kept free of
model imports so that migrations can import it.
"""

# (audience, text, hint, source)
QUESTIONS = [
    (
        "parent",
        "Wat vindt u belangrijk in de opvoeding van uw kind?",
        "Luister vooral; vraag door naar voorbeelden.",
        "relatie-onderhouden",
    ),
    ("parent", "Wat vindt u belangrijk voor uw kind hier bij ons?", "", "relatie-onderhouden"),
    (
        "parent",
        "Hoe helpt u uw kind daarbij thuis?",
        "Ouders zijn de expert van hun kind: vraag wat werkt.",
        "relatie-onderhouden",
    ),
    ("parent", "Wat verwacht u van ons?", "", "relatie-onderhouden"),
    (
        "parent",
        "Waar houdt uw kind van, en waar is het goed in?",
        "Noteer het in de woorden van de ouder.",
        "elkaar-als-expert",
    ),
    (
        "parent",
        "Wie horen er verder bij het gezin en helpen mee (opa's en oma's, buren, andere hulpverleners)?",
        "Het totaalplaatje: wie kan er meedenken of helpen?",
        "met-andere-ogen",
    ),
    (
        "parent",
        "Hoe en in welke taal houdt u graag contact met ons?",
        "Is een tolk nodig? Gebruik nooit het kind als tolk.",
        "vertrouwen",
    ),
    (
        "professional",
        "Wat u van ons kunt verwachten: wat wij doen en waarom",
        "Vertel ook hoe een dag verloopt en wie de mentor wordt.",
        "relatie-onderhouden",
    ),
]


def entries() -> list[dict]:
    """The field values of each question, in order."""
    return [
        {"audience": audience, "text": text, "hint": hint, "source": source, "position": index * 10}
        for index, (audience, text, hint, source) in enumerate(QUESTIONS, start=1)
    ]
