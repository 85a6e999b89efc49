"""The Dutch source documents the checklists, intake questions and signals are drawn from
(../shared/seeds/README.md). Items cite one of these keys."""

from django.db import models


class Source(models.TextChoices):
    RELATIE_ONDERHOUDEN = "relatie-onderhouden", "De relatie met ouders onderhouden als professional (artikel)"
    VERTROUWEN = "vertrouwen", "Vertrouwensrelatie met ouders of opvoeders opbouwen (Letty Darwish)"
    SUCCESFACTOREN = "succesfactoren", "Succesfactoren (Flevi kenniswerkplaats Jeugd / Windesheim, P. Jakobs, 2024)"
    MET_ANDERE_OGEN = (
        "met-andere-ogen",
        "Hoe werken ouders/verzorgers en professionals beter samen? (Met Andere Ogen, 2022)",
    )
    EXPERTS = "elkaar-als-expert", "Samenwerken met ouders: elkaar zien als expert (T. Wally, UU Early Years)"
    OWN = "eigen", "Eigen vraag van de organisatie"
