"""Whether a slide point reads as a statement: it names its own subject (does not open with a
pronoun whose noun was in an earlier sentence), it has a finite verb, and it does not end on a
word that promises more ("…a love story that").

A heuristic from word lists and word endings, not a parser: no tagger that ships without a model
download knows these languages well enough to be worth the dependency. What it takes for a
finite verb, in order:

1. an auxiliary, a copula or a modal ("is", "doesn't", "can"; "es", "ha", "puede"), a pronoun
   with one contracted onto it ("it's", "they're") or "let's";
2. a word that carries meaning right after a subject pronoun ("they shared", "he acknowledges";
   in Spanish after "se", "no", "que": "se vuelve", "que dividió");
3. a word with a verb's ending after a word that is not a determiner or a preposition: "-s" or
   "-ed" in English ("the montage shows", "Sebastian plays"; never "-ss", "-us", "-ous" or a
   possessive "'s"), "-ó", "-aron", "-aba", "-ía"… in Spanish;
4. a word that carries meaning after the noun that opens the point: an English plural
   ("Teenagers need"), a Spanish determiner and noun ("La película funciona");
5. a word between a noun and an article: "… in the evening tell the brain", "sigue el ritmo".

It misses some verbs ("Mia and Sebastian achieve", an imperative "Pick one change") and takes
some nouns for verbs ("individual dreams", "La banda sonora"); bench/keypoints.py reports the
share of points it finds wanting beside ROUGE.
"""

from __future__ import annotations

import re

from deckmaker.words import STOPWORDS, word_set, words

AUXILIARIES = {
    "en": word_set(
        """is are was were am has have had do does did can could will would shall should may
        might must isn't aren't wasn't weren't hasn't haven't hadn't don't doesn't didn't can't
        couldn't won't wouldn't shouldn't mustn't cannot let's ain't"""
    ),
    "es": word_set(
        """es son era eran fue fueron será serán sería está están estaba estaban estuvo ha han he
        hemos había habían hubo hay puede pueden podía debe deben tiene tienen tenía va van vamos
        voy iba sigue siguen hace hacen hizo dice dicen dijo parece parecen queda quedan"""
    ),
}
# Pronouns that stand as the subject: on a slide their noun is nowhere to be seen.
PRONOUNS = {
    "en": word_set("it he she they him them others"),
    "es": word_set("él ella ellos ellas ello esto eso aquello"),
}
# Words that are pronouns when no noun follows them ("This is…", but "This montage is…").
DEMONSTRATIVES = {
    "en": word_set("this that these those"),
    "es": word_set("este esta estos estas ese esa esos esas"),
}
# Verbs that, right after a demonstrative, make it the subject ("These include…", "This means…"):
# the common ones; a word that may be a noun too ("results", "works") is not listed.
DEMONSTRATIVE_VERBS = {
    "en": word_set(
        """means meant include includes included makes made gives gave shows showed allows
        allowed lets helps helped leads led seems seemed happens happened matters applies
        applied explains explained requires required needs needed took takes became becomes
        sounds sounded enables enabled ensures ensured gets got"""
    ),
    "es": word_set(
        """significa incluye incluyen permite permiten hace hacen muestra muestran ayuda
        parece requiere necesita"""
    ),
}
# Words that stand for a noun when a verb follows them ("Some end with growth"), but not when
# a noun does ("Some films end") or "of" says which ("Most of us").
# ("Many", "Muchos" standing alone mean people, and are left alone.)
QUANTIFIERS = {"en": word_set("some both each all"), "es": word_set("ambos ambas")}
# In Spanish the subject is often left unsaid: a point opening on a copula has none ("Es un…").
VERB_OPENERS = {"en": frozenset[str](), "es": word_set("es son era eran fue fueron está están")}
SUBJECTS = {
    "en": word_set("i you we they he she it who"),
    "es": word_set("yo tú él ella nosotros ellos ellas se no que quien nos me te les le"),
}
ARTICLES = {
    "en": word_set("the a an his her their its our my your"),
    "es": word_set("el la los las un una al su sus"),
}
# Words after which a verb's ending belongs to a noun instead ("the dreams", "of loss").
NOUN_BEFORE = {
    "en": word_set(
        """a an the this that these those my your his her its our their some many few all both
        each every no any several of in on at to for with from by about into through over
        under between among against without within two three four five and or"""
    ),
    "es": word_set(
        """el la los las un una unos unas mi mis tu tus su sus este esta estos estas ese esa
        esos esas de del a al en con por para sin sobre entre hasta desde"""
    ),
}
# Words a point must not end on: they promise more words after them.
DANGLING = {
    "en": word_set(
        """a an the of to for with that which who and but or in on at by from as into about its
        their his her our your my this these those"""
    ),
    "es": word_set("el la los las un una de del a al que y o pero en con por para su sus como"),
}
_CONTRACTED = ("'s", "'re", "'ve", "'ll", "'d", "'m")
_ENDINGS = {
    "en": ("s", "ed"),
    "es": ("ó", "aron", "ieron", "aba", "aban", "ía", "ían", "amos", "imos", "emos", "an", "en"),
}
_NOT_ENDINGS = {"en": ("ss", "us", "is", "ous", "'s", "ics"), "es": ()}
_SUBJECT_ENDS = {"en": 1, "es": 2}  # where a verb follows a point's opening noun


def _subject(tokens: list[str], language: str) -> bool:
    """The point opens with a noun that can be a subject: an English plural ("Teenagers"),
    a Spanish determiner and noun ("La película")."""
    if language == "en":
        first = tokens[0]
        return (
            first.endswith("s")
            and not first.endswith(("ss", "'s"))
            and first not in STOPWORDS["en"]
        )
    return tokens[0] in NOUN_BEFORE["es"] and tokens[1] not in STOPWORDS["es"]


def _lowered(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in words(text)]


def opens_with_pronoun(text: str, language: str) -> bool:
    """The point opens with a pronoun standing for a noun it does not name: "It validates…",
    "That's the real magic…", "Some end with growth" (but "That habit costs…", "Most of us…")."""
    tokens = _lowered(text)
    if not tokens:
        return False
    first = tokens[0]
    bare, _, contracted = first.partition("'")
    if bare in PRONOUNS[language] or bare in VERB_OPENERS[language]:
        return True
    following = tokens[1] if len(tokens) > 1 else ""
    if bare in DEMONSTRATIVES[language]:
        verb = following in AUXILIARIES[language] or following in DEMONSTRATIVE_VERBS[language]
        return bool(contracted) or not following or verb
    if bare in QUANTIFIERS[language] and following not in ("of", "de"):
        after = tokens[2] if len(tokens) > 2 else ""
        return following in AUXILIARIES[language] or after in NOUN_BEFORE[language]
    return False


def has_finite_verb(text: str, language: str) -> bool:
    """The point has a verb that makes it a statement (see the module's rules)."""
    tokens = _lowered(text)
    stop, auxiliaries = STOPWORDS[language], AUXILIARIES[language]
    for i, token in enumerate(tokens):
        previous = tokens[i - 1] if i else ""
        bare = token.partition("'")[0]
        if token in auxiliaries:
            return True
        if language == "en" and token.endswith(_CONTRACTED) and bare in SUBJECTS["en"] | {
            "that", "there", "here", "what", "this", "who", "where"
        }:  # fmt: skip
            return True
        content = token not in stop and "'" not in token and not token.isdigit()
        if content and previous in SUBJECTS[language]:
            return True
        verb_ending = token.endswith(_ENDINGS[language]) and not token.endswith(
            _NOT_ENDINGS[language]
        )
        after_word = i > 0 and previous not in NOUN_BEFORE[language] and "'" not in previous
        if content and verb_ending and after_word and len(token) > 3:
            return True
        if content and i == _SUBJECT_ENDS[language] and _subject(tokens, language):
            return True
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        after_noun = previous not in STOPWORDS[language] and "'" not in previous and i > 0
        if content and after_noun and following in ARTICLES[language]:
            return True
    return False


def ends_dangling(text: str, language: str) -> bool:
    """The point ends on an article, a preposition or a conjunction: "…the film's take on"."""
    last = _lowered(text)[-1:]
    return bool(last) and last[0] in DANGLING[language]


# The words a phrase opens on: articles, possessives, demonstratives and numbers ("the cost of
# ambition", "five centimetres deep"), not quantifiers that stand alone ("many of us").
PHRASE_OPENERS = {
    "en": ARTICLES["en"]
    | word_set(
        """this that these those every each one two three four five six seven eight nine ten
        twelve twenty fifty hundred"""
    ),
    "es": ARTICLES["es"]
    | word_set(
        """unos unas este esta estos estas ese esa esos esas mi mis tu tus nuestro nuestra
        nuestros nuestras cada dos tres cuatro cinco seis siete ocho nueve diez veinte cien"""
    ),
}
_GERUNDS = {"en": ("ing",), "es": ("ando", "iendo")}


def is_phrase(text: str, language: str) -> bool:
    """The point names a thing but says nothing of it: it opens on an article, a possessive or
    a number and has no finite verb ("Five centimetres deep", "The cost of ambition"), or opens
    on "not" or a gerund and has none before a clause of its own ("Not selfish, just committed",
    "Heartbreaking yet satisfying, because it ends well"). Said on its own it is no sentence; an
    imperative ("Plant in autumn") is one."""
    tokens = _lowered(text)
    if not tokens or language not in PHRASE_OPENERS:
        return False
    first = tokens[0]
    if first in PHRASE_OPENERS[language] or first.isdigit():
        return not has_finite_verb(text, language)
    if first == "not" and language == "en":
        return not has_finite_verb(_NOT_HEAD.split(text, maxsplit=1)[0], language)
    if len(first) > 5 and first.endswith(_GERUNDS[language]):
        return not has_finite_verb(_CLAUSE.split(text, maxsplit=1)[0], language)
    return False


# Where a clause of its own begins, after a phrase: "… because it took the road less traveled".
_CLAUSE = re.compile(
    r"\b(?:because|while|although|though|since|who|whose|which|where|when|porque|aunque|"
    r"cuando|donde|mientras)\b",
    re.I,
)
_NOT_HEAD = re.compile(rf"[,;:—–]|{_CLAUSE.pattern}", re.I)
