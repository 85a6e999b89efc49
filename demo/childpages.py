"""Demo pages about children, written by the parents in their own language, and the team's suggestions: the demo
parent ("parent", Eva de Vries) has a filled page for Noah and one suggestion from the mentor waiting."""

from childpages.services import page_save, suggestion_make
from families.models import Family

# family name -> (language, the parts the parents wrote), for the family's first child.
PAGES = {
    "De Vries": (
        "nl",
        {
            "comfort": "Even op schoot, en zijn knuffel Beer erbij. Zachtjes 'Altijd is Kortjakje ziek' zingen.",
            "sleep": "Slaapt 's middags ongeveer anderhalf uur, met Beer en de deur op een kier.",
            "food": "Eet graag rijst en appel. Lust geen vis. Drinkt uit een open beker.",
            "words": "'Tuut' is de auto, 'mimi' is melk en 'Bebe' is zijn knuffel Beer.",
            "celebrations": "Sinterklaas en Koningsdag met de hele familie.",
            "loves": "Auto's, de brandweer en buiten in de zandbak spelen.",
        },
    ),
    "Yılmaz": (
        "tr",
        {
            "comfort": "Annesinin şarkısını söyleyin: 'Dandini dandini dastana'. Sarılmayı sever.",
            "sleep": "Öğlen bir saat uyur. Battaniyesi olmadan uyumaz.",
            "food": "Domuz eti yemez. Yoğurt ve ekmek çok sever.",
            "words": "'Mama' yemek demek, 'ciş' tuvalet demek, 'dede' büyükbaba.",
            "celebrations": "Ramazan Bayramı ve Kurban Bayramı. Bayramda bir gün gelmeyebilir.",
        },
    ),
    "El Amrani": (
        "ar",
        {
            "comfort": "تحب أن نغني لها أغنية هادئة وأن نمسك يدها.",
            "food": "لا تأكل لحم الخنزير. تحب الخبز والحمص.",
            "words": "تقول «أمبو» للماء و«بابا» للأب.",
            "celebrations": "نحتفل بعيد الفطر وعيد الأضحى.",
        },
    ),
    "Kowalski": (
        "pl",
        {
            "sleep": "Śpi po obiedzie z przytulanką – zajączkiem.",
            "words": "Mówi 'am' na jedzenie i 'pić' na picie.",
            "loves": "Uwielbia rysować i tańczyć.",
        },
    ),
}
SUGGESTION = (
    "comfort",
    "Op de groep helpt het ook als Noah even bij het raam naar de auto's mag kijken. Dan wordt hij snel rustig.",
)


def seed_child_pages(families: list[Family]) -> None:
    for family in families:
        spec = PAGES.get(family.name)
        if spec is None:
            continue
        language, texts = spec
        child = family.children.order_by("date_of_birth", "pk").first()
        writer = next(c for c in family.caregivers.order_by("pk") if c.has_parental_authority)
        page_save(child=child, caregiver=writer, expected_version=None, language=language, **texts)
        if family.name == "De Vries":
            topic, text = SUGGESTION
            suggestion_make(child=child, by=child.mentor, topic=topic, text=text)
