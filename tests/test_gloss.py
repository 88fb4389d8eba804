"""Per-token glosses and the word-by-word English line."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import LexiconError
from assistant.gloss import gloss_line, gloss_sentence, gloss_token
from assistant.lexicon import load_lexicon
from assistant.lexicon.handwritten import read_core_senses
from assistant.romanize import readable
from assistant.segment import segment_article, tokenize
from assistant.types import Sentence, Token


def sentence(text: str) -> Sentence:
    return Sentence(text, 0, len(text), tokenize(text))


def word(text: str) -> Token:
    return Token(text, "word", 0, len(text))


def test_every_token_of_the_seed_article_gets_a_gloss(seed_text: str) -> None:
    article = segment_article(seed_text)
    lexicon = load_lexicon()
    words = 0
    for sent in article.sentences():
        glosses = gloss_sentence(sent, lexicon)
        assert len(glosses) == len(sent.tokens)
        for token, gloss in zip(sent.tokens, glosses, strict=True):
            assert gloss.text == token.text
            if token.kind == "word":
                words += 1
                assert gloss.roman, token
                assert gloss.senses or gloss.note, token
                assert gloss.pos
        assert gloss_line(glosses, lexicon) or not sent.tokens
    assert words > 500


@pytest.mark.parametrize(("text", "name"), [("पुतिन", "Putin"), ("लुकाशेंको", "Lukashenko")])
def test_names(text: str, name: str) -> None:
    gloss = gloss_token(word(text))
    assert gloss.is_name
    assert gloss.pos == "PROPN"
    assert gloss.senses[0] == name
    assert gloss.roman


def test_unknown_word_is_shown_by_romanization_with_a_note() -> None:
    gloss = gloss_token(word("लुकाशेंको"))
    assert not gloss.known
    assert "not in the dictionary" in gloss.note.lower()


@pytest.mark.parametrize(("text", "lemma", "pos", "sense", "gender"), [
    ("लड़कों", "लड़का", "NOUN", "boy", "m"),
    ("किया", "करना", "VERB", "to do", None),
    ("बैठक", "बैठक", "NOUN", "meeting", "f"),
    # common words the dictionaries list without English, glossed by the supplement
    ("अक्टूबर", "अक्टूबर", "PROPN", "October", None),
    ("लैस", "लैस", "ADJ", "equipped", None),
    ("कामना", "कामना", "NOUN", "wish", "f"),
    ("झेल", "झेलना", "VERB", "to endure", None),
])
def test_word_gloss_fields(text: str, lemma: str, pos: str, sense: str, gender: str | None) -> None:
    gloss = gloss_token(word(text))
    assert (gloss.lemma, gloss.pos) == (lemma, pos)
    assert gloss.senses[0] == sense
    assert len(gloss.senses) <= 3
    assert gloss.known
    assert gloss.roman and gloss.roman_strict
    if gender:
        assert gloss.gender == gender
    assert gloss.analysis is not None


def test_grammar_note_for_ne() -> None:
    gloss = gloss_token(word("ने"))
    assert gloss.pos == "ADP"
    assert "subject of a transitive verb" in gloss.note


@pytest.mark.parametrize(("token", "pos", "senses"), [
    (Token("२०२१", "number", 0, 4), "NUM", ("2021",)),
    (Token("2021", "number", 0, 4), "NUM", ("2021",)),
    (Token("Putin", "latin", 0, 5), "X", ("Putin",)),
    (Token("।", "punct", 0, 1), "PUNCT", ()),
])
def test_non_word_tokens(token: Token, pos: str, senses: tuple[str, ...]) -> None:
    gloss = gloss_token(token)
    assert gloss.pos == pos
    assert gloss.senses == senses


def test_latin_token_note() -> None:
    assert gloss_token(Token("Kremlin", "latin", 0, 7)).note == "English in the original"


def test_tokens_of_a_unit_point_at_it() -> None:
    glosses = gloss_sentence(sentence("वह भारत के बारे में बात करता है।"))
    unit = glosses[2].unit
    assert unit is not None and unit.lemma == "के बारे में"
    assert glosses[3].unit == unit and glosses[4].unit == unit
    assert glosses[1].unit is None


@pytest.mark.parametrize(("text", "expected", "absent"), [
    ("उन्होंने पुतिन का स्वागत किया।", ["they", "Putin", "welcomed", "."], ["(subject marker)"]),
    ("लुकाशेंको ने पुतिन के साथ बैठक में बात की।", ["Lukashenko", "Putin", "with", "meeting", "in"], []),
    ("वह भारत के बारे में बात कर रहा है।", ["about", "is"], []),
    ("आमने-सामने बातचीत", ["face to face"], ["face to face-face"]),
    # an inflected noun phrase is one unit, said once
    ("विमान हवाई अड्डे पर उतरा।", ["airport on"], ["airport airport"]),
    ("वह सुबह 9:30 बजे आया।", ["9:30 o'clock"], ["9: 30"]),
    ("पूर्व सोवियत संघ के देश", ["former"], ["advance", "east"]),
    ("वह बोलता रहा।", ["kept speaking"], ["-ing", "speaking speaking"]),
    # a verb after an oblique infinitive or a stem says how the action stands
    ("वह रोने लगा।", ["began to cry"], ["crying"]),
    ("वे बात करने लगे।", ["began to talk"], ["talking"]),
    ("उसे जाने दो।", ["let go"], ["two", "going"]),
    ("वह नहीं आ पाएगा।", ["will be able to come"], ["find"]),
    # वाला between an oblique infinitive and होना: about to
    ("ट्रेन जाने वाली है।", ["is about to go"], ["the one who", "going"]),
    ("वह आने वाला है।", ["is about to come"], ["upcoming"]),
    ("मैच शुरू होने वाला था।", ["was about to start"], []),
    ("वह घर पहुंचते ही सो गया।", ["upon reaching"], ["only", "just"]),  # -ते ही: as soon as
])
def test_gloss_line_without_a_model(text: str, expected: list[str], absent: list[str]) -> None:
    line = gloss_line(gloss_sentence(sentence(text)))
    for part in expected:
        assert part in line, line
    for part in absent:
        assert part not in line, line
    assert "ने" not in line


@pytest.mark.parametrize(("text", "index"), [
    ("मुझे डर लगता है।", 2),  # लगना after a noun: no beginning
    ("उसने इनाम पाया।", 2),  # पाना after a noun: no ability
    ("उसने पैसे दिए।", 2),  # देना after a noun: no permission
])
def test_no_modal_reading_without_its_verb_form(text: str, index: int) -> None:
    gloss = gloss_sentence(sentence(text))[index]
    assert gloss.senses[0] not in ("to begin to", "to be able to", "to let"), gloss.senses


def test_gloss_line_of_an_empty_sentence() -> None:
    assert gloss_line(()) == ""
    assert gloss_sentence(Sentence("", 0, 0, ())) == ()


@pytest.mark.parametrize(("text", "index", "pos", "sense"), [
    ("रूसी राष्ट्रपति", 0, "ADJ", "Russian"),  # adjective before a noun, not "dandruff"
    # after an agreeing adjective, an oblique infinitive that is also a noun is the noun
    ("पुराने जमाने में लोग पैदल चलते थे।", 1, "NOUN", "times"),  # not "to establish"
    ("उसने कई अच्छे गाने गाए।", 3, "NOUN", "song"),
    ("मनमोहन सिंह बोले।", 2, "VERB", "to speak"),  # बोलना, not a stray form of होना
    ("इस काम में तीन घंटे लगते हैं।", 5, "VERB", "to take (time)"),  # after a span of time
    ("इसमें कई वर्ष लगेंगे।", 3, "VERB", "to take (time)"),
    ("उसे यह बात अजीब लगी।", 4, "VERB", "to seem"),  # not after one
    ("उन्होंने पेशकश की।", 2, "VERB", "to offer"),  # की ending a clause is करना: "offered"
    ("उसने काम कराया।", 2, "VERB", "to get done"),  # the causative of करना
    # the light verb ending a conjunct verb is करना, not the genitive "of"
    ("उसने रूस की कई बार यात्रा की और वह लौटा।", 6, "VERB", "to travel"),
    ("युद्ध की कल्पना की गयी है।", 3, "VERB", "to be imagined"),  # before a passive जाना
    ("राम की किताब गई।", 1, "ADP", "of"),  # a genitive before a noun stays one
    # an adjective standing as a noun before a verb or a case marker; a predicate stays
    ("कई वैज्ञानिक कहते हैं कि यह सही है।", 1, "ADJ", "scientist"),
    ("वह वैज्ञानिक है।", 1, "ADJ", "scientific"),
    # कहना before कि says, alone it names
    ("कई वैज्ञानिक कहते हैं कि यह सही है।", 2, "VERB", "to say"),
    ("इसे गंगा कहते हैं।", 2, "VERB", "to call"),
    # पड़ना after an infinitive is an obligation: "had to go"; elsewhere it lies or falls
    ("उसे घर जाना पड़ा।", 3, "VERB", "had to"),
    ("हमें काम करना पड़ेगा।", 3, "VERB", "will have to"),
    ("पत्ता नीचे पड़ा है।", 2, "VERB", "to fall"),
    ("इसका क्षेत्रफल 200 वर्ग किलोमीटर है।", 3, "NOUN", "square kilometre"),
    # में हो जाना "to fall in" is not हो जाना, which has an entry of its own (after a
    # noun: "to happen")
    ("कारण विस्फोट हो गया।", 3, "VERB", "to happen"),
    # a vector verb says the compound's sense, not "give"
    ("इसने उसे अंधा बना दिया।", 4, "VERB", "to make (completely)"),
    # -कृत / -करण words no dictionary lists, from their glossed base
    ("यह आदर्शीकृत नजरिया है।", 1, "ADJ", "idealized"),
    ("बाजार पूंजीकरण बढ़ा।", 1, "NOUN", "capitalization"),
    # converbs that work as postpositions
    ("मैं पासवर्ड को लेकर परेशान हूं।", 3, "VERB", "about"),
    ("उसने मर्फी के साथ मिलकर बनाया।", 4, "VERB", "together with"),
    ("सरकारी दफ़्तर", 0, "ADJ", "government"),  # as translators render it, not "of government"
    ("समझदारी दिखाई", 0, "NOUN", "being sensible"),  # abstract noun from the adjective समझदार
    ("आधुनिकीकरण तेज़ है", 0, "NOUN", "modernization"),  # -ीकरण from the adjective आधुनिक
    ("अनुमानतः दस", 0, "ADV", "by estimate"),  # -तः adverb from the noun अनुमान
    ("वह 9:30 बजे आया।", 4, "ADV", "o'clock"),  # बजे after a number is the hour, not "rang"
    ("वह नौ बजे आया।", 2, "ADV", "o'clock"),
    ("घंटी बजी।", 1, "VERB", "to ring"),  # the verb itself
    ("वे साझेदार हैं", 1, "ADJ", "having a share"),  # -दार on the oblique of the noun साझा
    ("वह हिस्सेदार है", 1, "NOUN", "part-holder"),  # -दार on हिस्सा
    ("उसने बच्चों को हंसाया।", 3, "VERB", "to cause to laugh"),  # a causative no dictionary lists
    ("संदिग्धों को पकड़ा", 0, "ADJ", "suspect"),  # an adjective taking a noun's plural
    # जाना after a perfective participle is the passive auxiliary
    ("फ़ैसला लिया गया था।", 2, "AUX", "to be decided"),  # of फ़ैसला लेना "to decide"
    ("इसे बनाया जा सकता है।", 2, "AUX", "to be made"),
    ("पैसा लिया गया था।", 2, "AUX", "to be taken"),
    # a participle that is also a noun, before जाना, is the passive: not बदला "revenge"
    ("नाम बार-बार बदले जाते थे।", 4, "VERB", "to be changed"),
    ("वह बदले की भावना से आया।", 1, "NOUN", "retaliation"),
    # a verb no dictionary glosses, made from a glossed noun: मापना from माप "measure"
    ("पानी मापने के लिए", 1, "VERB", "to measure"),
    ("इसे ऐसे मापा जाता है।", 2, "VERB", "to be measured"),
    # before the progressive रहा a verb is its stem; after no verb रहा is the verb itself
    ("वे घर बना रहे हैं।", 2, "VERB", "to make"),
    ("वह दिल्ली में रहा।", 3, "VERB", "to stay"),
    ("वह खेल रहा है।", 2, "AUX", "-ing"),
    ("वह बोलता रहा।", 2, "AUX", "to keep speaking"),  # after an imperfective: goes on
    ("वे यहाँ बने रहे।", 2, "VERB", "to remain"),  # a phrase ending in रहना
    # हो before जाना or सकना is the stem of होना, not the copula of तुम हो; हो जाना after
    # a noun is "to happen", after an adjective "to become"
    ("तुम कहाँ हो?", 2, "AUX", "are"),
    ("यह हो सकता है।", 1, "VERB", "to be"),
    ("उसकी मृत्यु हो गई।", 3, "VERB", "to happen"),
    ("वह बीमार हो गया।", 3, "VERB", "to become"),
    ("उसे रिहा कर दिया गया।", 4, "AUX", "(passive voice)"),  # after a vector verb: no "given"
    # adjectives of relation no dictionary lists, from a glossed noun or name
    ("यह खगोलीय घटना है।", 1, "ADJ", "astronomical"),
    ("वह आस्ट्रेलियाई खिलाड़ी है।", 1, "ADJ", "Australian"),
    ("नस्लीय भेदभाव", 0, "ADJ", "of race"),
    # a plural noun leads with a sense English uses as a noun
    ("परमाणुओं का भार", 0, "NOUN", "atom"),
    ("विदेशियों को", 0, "NOUN", "foreigner"),
    ("प्रतियाँ बिकीं", 0, "NOUN", "copy"),
    # पहले before a noun is पहला "first"; after से, and before a name, the adverb
    ("वह पहले खिलाड़ी बन गए।", 1, "ADJ", "first"),
    ("शाही परिवार के पहले सदस्य थे।", 3, "ADJ", "first"),  # not the postposition के पहले
    ("मैच से पहले टीम होटल में थी।", 2, "ADV", "before"),
    ("वह पहले इटली में था।", 1, "ADV", "before"),
    ("वह पहले ही जा चुका है।", 1, "ADV", "already"),
    # an adjective and a noun that only define an English adjective are glossed word by word
    ("तेज हवा चली।", 1, "NOUN", "wind"),  # not "windy"
    # an adjective with तरह is an adverb, unless a genitive makes तरह "kind"
    ("वह बुरी तरह हार गया।", 1, "ADJ", "badly"),
    ("अच्छी तरह से समझो।", 0, "ADJ", "well"),
    ("अलग तरह के लोग", 0, "ADJ", "different"),
    # a -इक adjective no dictionary lists, from its noun with the first vowel weakened
    ("सांगठनिक ढांचा", 0, "ADJ", "organizational"),
    # an adverb phrase that only defines an English adverb is glossed word by word
    ("वे बहुत कम थे।", 2, "ADV", "low"),  # not "marginal"; after बहुत translators write "very low"
    ("खेलों के साथ-साथ बेसबॉल", 2, "ADV", "as well as"),  # a compound postposition
    ("वह मेरे साथ ही आया।", 2, "ADV", "with"),  # after a possessive साथ ही is "with" + emphasis
    # an abbreviation spelled with spaces: each letter name is its letter
    ("सभी वाहन सी एन जी पर चलते हैं।", 2, "PROPN", "C"),
    ("सभी वाहन सी एन जी पर चलते हैं।", 4, "PROPN", "G"),
    ("बी जे पी के नेता", 3, "ADP", "of"),  # के after the letters is the genitive
    ("वह के ए गया।", 1, "ADP", "of"),  # letter names that are Hindi words make no run
    # a colon written for the visarga: मुख्यत: is मुख्यतः "mainly"; a clock's colon is none
    ("यह मुख्यत: सच है।", 1, "ADV", "mainly"),
    # a headword without English: what prose translators consistently write for it, a rarer
    # English word when they agree often; a name when they write its romanization
    ("हवा में प्रदूषक हैं।", 2, "NOUN", "pollutant"),
    ("उसने रामायण पढ़ी।", 1, "NOUN", "Ramayana"),
    ("तिवारी आए।", 0, "NOUN", "Tiwari"),  # not the sound-alike "thievery"
    ("वह ठीक निकट है।", 1, "ADV", "exactly"),  # ठीक before a word of place or time
    ("इसमें उसका सहयोग रहा।", 3, "VERB", "to stay"),  # रहा after a noun is no progressive "-ing"
    ("वे आ रहे हैं।", 2, "AUX", "-ing"),
    ("मैं ठीक हूँ।", 1, "ADJ", "OK"),
    # an -ई noun's plural with the long vowel kept is its plural; a negation before a modal
    ("अदालत में सुनवाईयों का दौर चला।", 2, "NOUN", "hearing"),
    ("वह उसे रोक नहीं पाया।", 4, "VERB", "to be able to"),
    ("उन्होंने चाय की बजाए कॉफ़ी पी।", 3, "VERB", "instead of"),  # a common spelling of की बजाय
    # a dictionary phrase in another spelling (anusvara for candrabindu) is still the phrase
    ("यहां तक कि वह आया।", 0, "ADV", "even"),
    ("शायद ही कोई आया।", 0, "ADV", "hardly"),
    ("ट्रेन जाने वाली है।", 2, "PART", "about to"),
    ("जाने वाली ट्रेन लेट है।", 1, "PART", "the one who"),  # before a noun: the one that goes
    ("वह घर पहुंचते ही सो गया।", 3, "PART", "(as soon as: with the participle before it)"),
    ("वह काम करता ही है।", 3, "PART", "only"),  # after -ता: emphasis
    # a verb after an oblique infinitive or a stem: began to, let, could
    ("बच्चे खेलने लगे।", 2, "VERB", "to begin to"),
    ("उसे जाने दो।", 2, "VERB", "to let"),  # दो is देना here, not "two"
    ("दो लोग आए।", 0, "NUM", "2"),
    ("वह यह काम नहीं कर पाया।", 5, "VERB", "to be able to"),
    # a participle with होना is passive: "to be affected", not "to become affected"
    ("वह इससे प्रभावित हुआ।", 2, "ADJ", "to be affected"),
    # मिलना: after से a meeting, with a dative what one gets, else what is found
    ("वह हिटलर से मिले।", 3, "VERB", "to meet"),
    ("मुझे उसकी मदद मिली।", 3, "VERB", "to get"),
    ("लोगों को रोजगार मिला है।", 3, "VERB", "to get"),
    ("उसे अस्पताल से छुट्टी मिल गयी।", 4, "VERB", "to get"),
    ("वहाँ पुराने सिक्के मिले।", 3, "VERB", "to find"),
    # दूसरा before a plural noun or after किसी/से is "other"; before a singular "second"
    ("दूसरे वैज्ञानिकों का तर्क है।", 0, "ADJ", "other"),
    ("किसी दूसरे व्यक्ति का शरीर", 1, "ADJ", "other"),
    ("एक देश से दूसरे देश में", 3, "ADJ", "other"),
    ("वह दूसरे स्थान पर आया।", 1, "ADJ", "second"),
    ("वे एक दूसरे से मिले।", 2, "ADJ", "each other"),  # a phrase's sense stays first
    # संबंधी after a noun is "related to"; after a possessive the noun "relative"
    ("सुरक्षा संबंधी मुद्दे उठे।", 1, "ADJ", "related to"),
    ("उसके संबंधी आए।", 1, "NOUN", "relative"),
    ("पुलिस मे शिकायत की।", 1, "ADP", "in"),  # में without its nasal mark
    # पास after a possessive pronoun is having; after a noun's के nearness
    ("हमारे पास समय है।", 1, "ADV", "to have"),
    ("शहर के पास नदी है।", 2, "ADV", "near"),
    ("उसने मर्फी के साथ मिलकर बनाया।", 4, "VERB", "together with"),
    # ... and the vector verb itself, in a unit whose sense is only pieced together, is aspect
    ("उसे प्रोन्नत कर दिया गया।", 3, "VERB", "(completely: completes the verb before it)"),
    ("इसे संग्रहालय बना दिया गया।", 3, "VERB", "(completely: completes the verb before it)"),
    # ... outside a unit it leads with what the verb it completes means
    ("उन्होंने स्वतंत्रता की घोषणा कर दी।", 5, "VERB", "to announce (completely)"),
    ("उन्होंने योजना को खारिज कर दिया।", 5, "VERB", "to dismiss (completely)"),
    ("उसने काम कर दिया।", 3, "VERB", "to work (completely)"),
    ("लिपि भुलाई गई।", 1, "VERB", "to cause to forget"),  # the causative shortens भूलना's vowel
    ("वह कभी-कभी आता है।", 1, "ADV", "sometimes"),  # a hyphenated dictionary expression
    ("वह कभी - कभी आता है।", 3, "ADV", "sometimes"),
    ("फ्लोरिडावासी वोट देंगे।", 0, "NOUN", "resident of Florida"),  # a place found by sound + -वासी
    ("भारतवासियों को नमस्कार।", 0, "NOUN", "residents of India"),
    # होना after an infinitive says what must be done, unless a possessor makes it a noun
    ("उन्हें वापस जाना होगा।", 3, "AUX", "will have to"),
    ("मुझे घर जाना है।", 3, "AUX", "has to"),
    ("उसका कहना है कि", 2, "AUX", "is"),
    # a verb phrase opening with a postposition is a frame, not a unit: हटा is "removed"
    ("इसे सभी अपराधों से हटा दिया।", 4, "VERB", "to remove"),
    # हुए after an imperfective participle: "while ...-ing"; after a perfective, the verb
    ("वह हंसते हुए बोला।", 2, "VERB", "(while: with the -ing participle before it)"),
    ("वह बैठे हुए थे।", 2, "VERB", "to be"),
    # after a genitive a particle is the noun it can be; negation stays negation
    ("यह मेरा मत है।", 2, "NOUN", "vote"),
    ("मत जाओ।", 0, "PART", "don't"),
    ("उसका नहीं है।", 1, "PART", "not"),
    # a headword with no English of its own, matched by sound
    ("नदी में बोट चली।", 2, "NOUN", "boat"),
    # an adjective of relation in English's own form
    ("उष्णकटिबंधीय जंगल", 0, "ADJ", "tropical"),
])
def test_context_and_derivation(text: str, index: int, pos: str, sense: str) -> None:
    gloss = gloss_sentence(sentence(text))[index]
    assert gloss.pos == pos
    assert gloss.senses[0] == sense


@pytest.mark.parametrize(("text", "index"), [("वह घर चला गया।", 3), ("वह घर गया।", 2)])
def test_going_is_no_passive(text: str, index: int) -> None:
    # चला गया "went away", गया alone: जाना is the verb of going, not the passive auxiliary
    gloss = gloss_sentence(sentence(text))[index]
    assert gloss.pos == "VERB" and "passive" not in gloss.note


@pytest.mark.parametrize(("text", "expected"), [
    ("वह बात कर रहा है।", "is talking"),
    ("उसने पत्र भेजे।", "sent"),
    ("वह पत्र लिखते हुए बोला", "while writing"),
    ("यह काम करते हुए", "while working"),
])
def test_gloss_line_verb_groups(text: str, expected: str) -> None:
    assert expected in gloss_line(gloss_sentence(sentence(text)))


@pytest.mark.parametrize(("text", "sense", "note_part"), [
    ("वर्षावन", "rain + forest", "Not in the dictionary; read as a compound of वर्षा"),  # unknown word
    ("विश्वयुद्ध", "world + war", "compound of विश्व"),  # listed, but without English
])
def test_compounds_are_glossed_by_their_parts(text: str, sense: str, note_part: str) -> None:
    gloss = gloss_token(word(text))
    assert gloss.senses == (sense,)
    assert note_part in gloss.note
    assert not gloss.is_name and not gloss.borrowed


@pytest.mark.parametrize(("text", "lemma", "sense"), [
    ("इमानदारी", "ईमानदारी", "honesty"),  # vowel length
    ("उम्मीद्वारों", "उम्मीदवार", "candidate"),  # a stray virama, inflected
    ("अकसर", "अक्सर", "often"),
    # a plural without its nasal mark, held in two spellings (खबरें, ख़बरें): the nearer one
    ("खबरे", "खबर", "news"),
    # ... or in two equally near spellings of the same word (भावनाओं, भावनाओँ)
    ("भावनाओ", "भावना", "feeling"),
    ("फैस्ला", "फैसला", "decision"),  # a stray virama
    ("हुवा", "होना", "to be"),  # a glide written as व (हुआ)
    ("हुवे", "होना", "to be"),
    ("रक्खी", "रखना", "to keep"),  # a doubled consonant of speech (रखी)
    # an oblique plural without its nasal mark, though a name sounds alike (Deshaw, Kyo)
    ("देशो", "देश", "country"),
    ("क्यो", "क्यों", "why"),
])
def test_variant_spellings_of_known_words(text: str, lemma: str, sense: str) -> None:
    gloss = gloss_token(word(text))
    assert (gloss.text, gloss.lemma, gloss.senses[0]) == (text, lemma, sense)
    assert gloss.note.startswith("Not in the dictionary; probably a variant spelling of ")
    assert not gloss.note.endswith("; ")
    assert gloss.roman == readable(text)  # the word as written, not the dictionary spelling


@pytest.mark.parametrize(("text", "lemma", "sense"), [
    ("व्यापर", "व्यापार", "trade"),  # a vowel sign left out
    ("सम्राज्य", "साम्राज्य", "empire"),
    ("मजूबूती", "मजबूती", "strength"),  # one added
    ("राष्ट्रपित", "राष्ट्रपति", "president"),  # a sign and a letter swapped
    ("विश्विद्यालय", "विश्वविद्यालय", "university"),  # a letter left out
])
def test_misspellings_of_common_words(text: str, lemma: str, sense: str) -> None:
    gloss = gloss_token(word(text))
    assert (gloss.lemma, gloss.senses[0]) == (lemma, sense)
    assert gloss.note.startswith(f"Not in the dictionary; probably a misspelling of {lemma}")


@pytest.mark.parametrize(("text", "why"), [
    ("मेजबानी", "a final ी or ा is a suffix: hosting, not host"),
    ("पूंजीकरण", "common in its own right: capitalization, not registration"),
    ("अलेक्जेंडर", "no common word one sign away: a name"),
    ("लताड़ना", "the first letter is as written: to scold, not ताड़ना"),
    ("मूत्रल", "the last letter is as written: a suffix, not मूत्र"),
    ("परावर्तित", "one vowel sign for another makes another word: reflected, not changed"),
])
def test_words_that_are_no_misspelling(text: str, why: str) -> None:
    assert "misspelling" not in gloss_token(word(text)).note, why


def test_a_misspelling_needs_one_common_word_far_more_frequent() -> None:
    lexicon = load_lexicon()
    frequencies = {"व्यापर": 3.2, "व्यापार": 5.1}
    assert lexicon.near_miss("व्यापर", lambda w: frequencies.get(w, 0.0)) == "व्यापार"
    frequencies["व्यापर"] = 4.5  # a spelling nearly as common is a word of its own
    assert lexicon.near_miss("व्यापर", lambda w: frequencies.get(w, 0.0)) is None
    assert lexicon.near_miss("व्यापार", lambda w: 7.0) is None  # known as written
    # a run of thousands of letters is no word: nothing is generated from it
    assert lexicon.near_miss("कि" * 50_000, lambda w: 7.0) is None


@pytest.mark.parametrize(("text", "lemma", "senses"), [
    ("काम", "काम", ("work", "job", "task")),
    ("हुआ", "होना", ("to be", "to happen", "to become")),
    ("बनना", "बनना", ("to become", "to be made", "to be built")),
    ("सत्ता", "सत्ता", ("power", "authority", "rule")),
    # ... and their spelling variants: FreeDict gives अंग्रेज़ only "Sassenach | pommy"
    ("अंग्रेज़ों", "अंग्रेज़", ("Englishman", "British", "the English")),
    ("पडना", "पडना", ("to fall", "to have to", "to lie")),
    ("ऊंची", "ऊँचा", ("high", "tall", "loud")),  # not "strong"
])
def test_hand_checked_senses_of_the_commonest_words(text: str, lemma: str, senses: tuple[str, ...]) -> None:
    gloss = gloss_token(word(text))
    assert (gloss.lemma, gloss.senses) == (lemma, senses)


@pytest.mark.parametrize(("text", "index", "senses"), [
    # a frequent unit's hand-checked senses: दिखाई देना is not "to figure"
    ("पहाड़ दिखाई देते हैं।", 1, ("to appear", "to be seen", "to show")),
    # a word inside a unit lists the unit's two best senses, then its own
    ("वह वापस लौटा।", 1, ("to return", "to come back")),  # "back" said already
    ("उसने मुझे धोखा दिया।", 2, ("to deceive", "to cheat", "deception")),
    # ... but not an own sense the unit's already say ("travel" after "to travel")
    ("वे यात्रा करते हैं।", 1, ("to travel", "to journey", "trip")),
    ("सोने की तुलना में चांदी सस्ती है।", 2, ("compared to", "than")),
])
def test_words_in_units_lead_with_the_units_senses(text: str, index: int, senses: tuple[str, ...]) -> None:
    toks = tokenize(text)
    assert gloss_sentence(Sentence(text, 0, len(text), toks), load_lexicon())[index].senses == senses


def test_hand_checked_senses_leave_the_analysis_alone() -> None:
    # पानी is also a form of पाना; checking पाना's senses must not make water a verb
    gloss = gloss_token(word("पानी"))
    assert (gloss.lemma, gloss.pos, gloss.senses[0]) == ("पानी", "NOUN", "water")


@pytest.mark.parametrize(("text", "fix"), [
    ("# comment\nकाम\tNOUN\n", "3 tab-separated columns"),
    ("काम\tNOUN\twork\nकाम\tNOUN\tjob\n", "Keep one of the two lines"),
])
def test_bad_core_file_names_the_fix(tmp_path: Path, text: str, fix: str) -> None:
    path = tmp_path / "core.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match=fix):
        read_core_senses(path)


@pytest.mark.parametrize(("text", "sense"), [
    ("पुनर्निर्वाचित", "re-elected"),  # पुनर् "again" + a glossed participle
    ("पुनःस्थापित", "re-established"),
    ("पुनर्कलोबिनेश", None),  # the rest is no word: a name, not "re-" anything
])
def test_again_prefix_on_an_unknown_word(text: str, sense: str | None) -> None:
    gloss = gloss_token(word(text))
    if sense is None:
        assert gloss.is_name and not gloss.senses[0].startswith("re-")
    else:
        assert (gloss.lemma, gloss.senses, gloss.is_name) == (text, (sense,), False)
        assert "again" in gloss.note


@pytest.mark.parametrize(("text", "index", "name", "sense"), [
    ("सुषमा स्वराज ने कहा।", 1, "Swaraj", "self-rule"),  # after a given name
    ("सुनील दत्त और लता मंगेशकर गाते थे।", 3, "Lata", "creeper"),  # before a surname
    ("ऋषि कपूर ने काम किया।", 0, "Rishi", "seer"),  # two such words side by side
    ("ऋषि कपूर ने काम किया।", 1, "Kapoor", "camphor"),
    ("लाल बहादुर शास्त्री आए।", 0, "Lal", "red"),  # a chain read right to left
    ("ब्रिटिश राज के दौरान", 1, "Raj", "secret"),  # after a proper adjective
])
def test_words_beside_a_name_that_translators_write_as_names(text: str, index: int, name: str,
                                                             sense: str) -> None:
    gloss = gloss_sentence(sentence(text))[index]
    assert gloss.is_name and gloss.pos == "PROPN"
    assert gloss.senses[0] == name and sense in gloss.senses  # its own sense follows


@pytest.mark.parametrize(("text", "index", "sense"), [
    ("सर आइज़क न्यूटन", 0, "sir"),  # its English already sounds so
    ("मोदी सरकार ने कहा।", 1, "government"),  # translators never write सरकार as a name
    ("भाजपा पार्टी जीती।", 1, "party"),  # an English word is no name
])
def test_words_beside_a_name_that_stay_words(text: str, index: int, sense: str) -> None:
    gloss = gloss_sentence(sentence(text))[index]
    assert not gloss.is_name and gloss.senses[0] == sense


@pytest.mark.parametrize("text", ["मार्ता", "सिरि"])
def test_a_name_is_not_respelled_as_a_word_beyond_its_nasal_ending(text: str) -> None:
    # मारता and सिरी are a virama or a vowel sign away, but a name is likelier
    assert gloss_token(word(text)).is_name


def test_known_and_unrelated_words_are_not_respelled() -> None:
    assert load_lexicon().respelling("दिन") is None  # known as written
    assert load_lexicon().respelling("लुकाशेंको") is None  # nothing close
    # equally near spellings of two words (घंटों "hours", घटो "decrease!"): no guess
    assert load_lexicon().respelling("घंटो") is None


@pytest.mark.parametrize(("text", "lemma", "pos", "sense"), [
    # frequent words no source glosses, checked by hand (supplement.tsv): not names
    ("धोखाधड़ी", "धोखाधड़ी", "NOUN", "fraud"),
    ("पुलिसकर्मियों", "पुलिसकर्मी", "NOUN", "policeman"),  # inflected by the paradigm
    ("सियासी", "सियासी", "ADJ", "political"),
    ("उड्डयन", "उड्डयन", "NOUN", "aviation"),  # listed by a source without English
    ("कार्यप्रणाली", "कार्यप्रणाली", "NOUN", "working method"),  # not a learned adverb "potentially"
    ("मीटिंग", "मीटिंग", "NOUN", "meeting"),  # not a learned adverb "reasonably"
    ("सेलिब्रिटी", "सेलिब्रिटी", "NOUN", "celebrity"),  # a loan the sound match misses
])
def test_frequent_words_without_a_source_gloss_are_glossed(text: str, lemma: str, pos: str,
                                                           sense: str) -> None:
    gloss = gloss_token(word(text))
    assert (gloss.lemma, gloss.pos, gloss.senses[0]) == (lemma, pos, sense)
    assert not gloss.is_name
