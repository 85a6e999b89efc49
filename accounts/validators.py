"""Password rules beyond Django's own validators (settings.AUTH_PASSWORD_VALIDATORS): a common word with digits
or symbols around it (`welkom2024!`, `lotte12345`) is as easy to guess as the word itself."""

import re

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# Words people in Dutch childcare reach for: the work, the place, the season, the month, the team, the first
# names of children and parents. Lower case; compared with the password's stem. A block of words, because it
# reads and grows more easily than a list of strings.
DUTCH_COMMON = frozenset(
    """
    kinderopvang kinderdagverblijf peuterspeelzaal peuteropvang buitenschoolse bso kdv vve creche opvang
    ouderpartnerschap partnerschap pedagogisch medewerker mentor leidster leider juf juffrouw meester groep
    peuter peuters kleuter kleuters baby babys dreumes kind kinderen ouder ouders mama papa mamma pappa oma opa
    rupsen vlinders dolfijnen kikkers beertjes egeltjes konijntjes lieveheersbeestjes
    welkom welkom01 wachtwoord paswoord geheim inloggen hallo hoi doei dankjewel liefde schatje lieverd prinses
    zomer winter lente herfst voorjaar najaar vakantie feest verjaardag sinterklaas kerst kerstmis pasen
    januari februari maart april mei juni juli augustus september oktober november december
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
    nederland holland amsterdam rotterdam utrecht denhaag eindhoven groningen
    ajax feyenoord psv voetbal oranje
    emma julia mila tess sophie zoë zoe sara sarah nora noor evi anna lotte lisa eva saar fenna yara liv
    roos fleur lieke sanne iris femke esmee lynn elin olivia nina isa maud vera noa luna hanna hannah
    noah sem liam lucas daan levi luuk milan bram finn thomas jesse sam thijs lars ruben tim max julian
    mees adam james hugo boaz jan piet kees klaas henk ingrid marieke anouk inge petra monique
    """.split()  # noqa: SIM905
)

# Leading and trailing digits, punctuation and spaces: what people add to a word to pass a rule.
_DECORATION = re.compile(r"^[\W\d_]+|[\W\d_]+$")
# The usual letter-for-digit swaps, undone before comparing (`w3lk0m` is `welkom`).
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})


def password_stem(password: str) -> str:
    """The word a password is built on: lower case, without the digits and symbols around it."""
    return _DECORATION.sub("", password.lower())


class CommonStemValidator:
    """Refuses a password whose stem is a common password (Django's list of 20,000), a common Dutch or childcare
    word or first name, or one of the user's own names, username or e-mail name; also when only digits and
    symbols remain."""

    def __init__(self):
        self.common = password_validation.CommonPasswordValidator().passwords | DUTCH_COMMON

    def _user_words(self, user) -> set[str]:
        if user is None:
            return set()
        values = [
            getattr(user, "username", ""),
            getattr(user, "first_name", ""),
            getattr(user, "last_name", ""),
            (getattr(user, "email", "") or "").split("@")[0],
        ]
        words = set()
        for value in filter(None, values):
            value = value.lower()
            words.update((value, re.sub(r"[\W_]+", "", value)))
            words.update(part for part in re.split(r"[\W_]+", value) if len(part) >= 3)
        return words

    def validate(self, password, user=None):
        stem = password_stem(password)
        if not stem:
            raise ValidationError(
                _("This password is only digits and symbols. Use a few words that belong together."),
                code="password_only_decoration",
            )
        candidates = {stem, stem.replace(" ", ""), stem.translate(_LEET)}
        if candidates & self._user_words(user):
            raise ValidationError(
                _("This password is built on your own name or username. Choose something others cannot guess."),
                code="password_from_user",
            )
        if candidates & self.common:
            raise ValidationError(
                _(
                    "This password is a common word with digits or symbols added, which is easy to guess. "
                    "Use a few words that belong together, for example a short sentence."
                ),
                code="password_common_stem",
            )

    def get_help_text(self):
        return _("Not a common word or your own name with digits added.")


# Django's own rules with the app's words: parents read these when they choose a password, in their own language
# and in plain Dutch (Django's Dutch for the minimum length was missing, so parents saw English).
class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self):
        return ngettext(
            "This password is too short. Use at least %(min_length)d character.",
            "This password is too short. Use at least %(min_length)d characters.",
            self.min_length,
        )

    def get_help_text(self):
        return ngettext(
            "At least %(min_length)d character.", "At least %(min_length)d characters.", self.min_length
        ) % {"min_length": self.min_length}


class UserAttributeSimilarityValidator(password_validation.UserAttributeSimilarityValidator):
    def get_error_message(self):
        return _("This password looks too much like your name or e-mail address.")

    def get_help_text(self):
        return _("Not like your name or e-mail address.")


class CommonPasswordValidator(password_validation.CommonPasswordValidator):
    def get_error_message(self):
        return _("Many people use this password. Choose another one.")

    def get_help_text(self):
        return _("Not a password that many people use.")


class NumericPasswordValidator(password_validation.NumericPasswordValidator):
    def get_error_message(self):
        return _("This password has only numbers. Use words as well.")

    def get_help_text(self):
        return _("Not only numbers.")
