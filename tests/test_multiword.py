"""Multiword units: compound postpositions, conjunct and compound verbs, fixed phrases."""

from __future__ import annotations

import pytest

from assistant.lexicon import find_units, load_lexicon
from assistant.segment import tokenize


def units(text: str):
    return find_units(tokenize(text), load_lexicon())


@pytest.mark.parametrize(("text", "unit_text", "lemma", "kind", "sense"), [
    ("यह भारत के बारे में है।", "के बारे में", "के बारे में", "postposition", "about"),
    ("दबाव के बावजूद वे आए।", "के बावजूद", "के बावजूद", "postposition", "despite"),
    ("उन्होंने पुतिन का स्वागत किया।", "स्वागत किया", "स्वागत करना", "conjunct_verb", "to welcome"),
    ("मैंने उसे छोड़ दिया।", "छोड़ दिया", "छोड़ देना", "compound_verb", "to leave"),
    ("उसने पढ़ाई पूरी की।", "पूरी की", "पूरा करना", "conjunct_verb", "to complete"),  # agreeing adjective
    # an adjective + रूप से / तौर पर is an adverb
    ("यह प्राकृतिक रूप से पाया जाता है।", "प्राकृतिक रूप से", "प्राकृतिक रूप से", "phrase", "naturally"),
    ("उसने आधिकारिक तौर पर घोषणा की।", "आधिकारिक तौर पर", "आधिकारिक तौर पर", "phrase", "officially"),
    # an adjective whose -ly form is no English word is said as a phrase ("mentionedly")
    ("वह कथित तौर पर भाग गया।", "कथित तौर पर", "कथित तौर पर", "phrase", "as mentioned"),
    # ... and with ढंग से or तरीके से, in English's own adverb or a phrase
    ("उसने अच्छे तरीके से काम किया।", "अच्छे तरीके से", "अच्छा तरीके से", "phrase", "well"),
    ("यह अभूतपूर्व ढंग से हुआ।", "अभूतपूर्व ढंग से", "अभूतपूर्व ढंग से", "phrase", "in an unprecedented way"),
    ("विमान हवाई अड्डे पर उतरा।", "हवाई अड्डे", "हवाई अड्डा", "phrase", "airport"),  # inflected noun
    ("इस बीच वह चला गया।", "इस बीच", "इस बीच", "phrase", "meanwhile"),
    ("बड़े पैमाने पर विरोध", "बड़े पैमाने पर", "बड़े पैमाने पर", "phrase", "on a large scale"),
    ("आमने-सामने बातचीत", "आमने-सामने", "आमने-सामने", "phrase", "face to face"),
    ("बच्चों के लिए किताब", "के लिए", "के लिए", "postposition", "for"),
    ("वह खाना खा कर सो गया।", "खा कर", "खाना (having done)", "conjunctive", "having eaten"),
    ("वह देख के हँसा।", "देख के", "देखना (having done)", "conjunctive", "having seen"),
    ("यह सबसे बड़ा देश है।", "सबसे बड़ा", "सबसे बड़ा", "phrase", "biggest"),
    ("यह सबसे महत्वपूर्ण बात है।", "सबसे महत्वपूर्ण", "सबसे महत्वपूर्ण", "phrase", "most important"),
    ("वह सबसे पहला व्यक्ति था।", "सबसे पहला", "सबसे पहला", "phrase", "first"),
    ("यह सबसे असली चीज़ है।", "सबसे असली", "सबसे असली", "phrase", "most real"),  # no "realest"
    # an adjective with रहना, listed or not, stays so
    ("मैं परेशान रहता हूं।", "परेशान रहता", "परेशान रहना", "conjunct_verb", "to remain disturbed"),
    ("वह चुप रहा।", "चुप रहा", "चुप रहना", "conjunct_verb", "to remain silent"),
    # a noun + करना where the noun names an action: its English verb, not "to do investment"
    ("वे यहाँ निवेश करते हैं।", "निवेश करते", "निवेश करना", "conjunct_verb", "to invest"),
    ("हम सुधार करेंगे।", "सुधार करेंगे", "सुधार करना", "conjunct_verb", "to improve"),
    ("मंत्री ने इस्तीफा दिया।", "इस्तीफा दिया", "इस्तीफा देना", "conjunct_verb", "to resign"),
    # a phrase ending in an infinitive is the verb, not a noun a dictionary also lists
    ("उसने इनकार किया।", "इनकार किया", "इनकार करना", "conjunct_verb", "to refuse"),
    # an English verb borrowed before करना
    ("उसने ऐप को एक्टिवेट किया।", "एक्टिवेट किया", "एक्टिवेट करना", "conjunct_verb", "to activate"),
    ("जहाज़ को नेविगेट करना कठिन है।", "नेविगेट करना", "नेविगेट करना", "conjunct_verb", "to navigate"),
    # a particle inside a verb unit
    ("उसने प्रस्ताव स्वीकार नहीं किया।", "स्वीकार नहीं किया", "स्वीकार करना", "conjunct_verb", "to accept"),
    ("सरकार ने इसकी पुष्टि भी की है।", "पुष्टि भी की", "पुष्टि करना", "conjunct_verb", "to confirm"),
    # an imperfective participle + रहना: the action goes on
    ("वह बोलता रहा।", "बोलता रहा", "बोलना (going on)", "compound_verb", "to keep speaking"),
    ("वह काम करता रहा।", "काम करता रहा", "काम करना (going on)", "conjunct_verb", "to keep working"),
    # an adjective with रहना, listed by the dictionary without senses
    ("वह सफल रहा।", "सफल रहा", "सफल रहना", "compound_verb", "to remain successful"),
    # a verb unit wins over a noun phrase of the same length it overlaps (मुख्य भूमिका "lead")
    ("उन्होंने फिल्म में मुख्य भूमिका निभाई।", "भूमिका निभाई", "भूमिका निभाना", "compound_verb",
     "to play a role"),
    ("वे हवाई यात्रा करते हैं।", "यात्रा करते", "यात्रा करना", "conjunct_verb", "to travel"),
    # a frequent phrase whose dictionary sense is a rare use of an English word ("spate")
    ("बड़ी संख्या में लोग आए।", "बड़ी संख्या में", "बड़ी संख्या में", "phrase", "in large numbers"),
    ("उसने मजबूती से कहा।", "मजबूती से", "मजबूती से", "phrase", "firmly"),
])
def test_units_found(text: str, unit_text: str, lemma: str, kind: str, sense: str) -> None:
    found = {u.text: u for u in units(text)}
    assert unit_text in found, [u.text for u in found.values()]
    unit = found[unit_text]
    assert (unit.lemma, unit.kind) == (lemma, kind)
    assert unit.senses[0] == sense


def test_longest_match_wins_and_units_do_not_overlap() -> None:
    tokens = tokenize("वह भारत के बारे में बात कर रहा है")
    found = find_units(tokens, load_lexicon())
    spans = [(u.start_token, u.end_token) for u in found]
    assert (2, 5) in spans  # के बारे में, not the single में
    covered = [i for start, end in spans for i in range(start, end)]
    assert len(covered) == len(set(covered))


def test_hyphenated_phrase_spans_the_hyphen_token() -> None:
    tokens = tokenize("आमने-सामने")
    [unit] = find_units(tokens, load_lexicon())
    assert (unit.start_token, unit.end_token) == (0, 3)
    assert tokens[1].text == "-"


def test_genitive_ki_is_not_taken_for_a_light_verb() -> None:
    # "संबंधों की सराहना" : की is "of" here; only the final "सराहना की" is a conjunct verb
    found = units("लुकाशेंको ने संबंधों की सराहना की")
    assert [u.text for u in found] == ["सराहना की"]
    assert found[0].lemma == "सराहना करना"


def test_stem_plus_vector_verb_is_a_compound_verb() -> None:
    found = {u.text: u for u in units("उसने सब कुछ बता दिया।")}
    assert found["बता दिया"].kind == "compound_verb"
    assert "completely" in found["बता दिया"].senses[0]


@pytest.mark.parametrize(("text", "unit_text", "sense"), [
    # the dictionary lists रोक देना without senses: the verb stem, not the noun "curb"
    ("सेना ने रास्ता रोक दिया।", "रोक दिया", "to stop (completely)"),
    # गिरा is read first as गिरना "fell"; the compound is गिराना's, before the idiom "to floor"
    ("उसने माइक गिरा दिया।", "गिरा दिया", "to drop (completely)"),
    # a word read first as a noun keeps its conjunct verb: पहचान देना, not "to recognize"
    ("इसने उसे नई पहचान दी।", "पहचान दी", "to give identity"),
    # a conjunct verb the dictionary glosses keeps its sense (भागना is "to escape")
    ("उन्होंने दौड़ में भाग लिया।", "भाग लिया", "to participate"),
])
def test_stem_before_a_vector_verb_means_the_main_verb(text: str, unit_text: str, sense: str) -> None:
    found = {u.text: u for u in units(text)}
    assert found[unit_text].senses[0] == sense


@pytest.mark.parametrize(("text", "words"), [
    ("मादक पेय परोसे गए।", ("मादक", "पेय")),  # "ouzo"
    ("दूषित वायु से लोग बीमार हुए।", ("दूषित", "वायु")),  # "miasma"
    ("वह अपमान से दुखी था।", ("अपमान", "से")),  # an adverb phrase: "dishonourably"
    ("वह बहुत संतुष्ट थी।", ("बहुत", "संतुष्ट")),  # "cock-a-hoop": rare taken whole, not as "cock"
])
def test_a_phrase_defining_a_rare_english_word_is_no_unit(text: str, words: tuple[str, ...]) -> None:
    tokens = tokenize(text)
    found = find_units(tokens, load_lexicon())
    covered = {tokens[i].text for u in found for i in range(u.start_token, u.end_token)}
    assert not covered & set(words)


@pytest.mark.parametrize(("text", "lemma", "kept"), [
    ("इस समय तक वह आ गया।", "इस समय", False),  # "by this time", not "now" + "until"
    ("इस प्रकार के लोग", "इस प्रकार", False),  # "of this kind", not "thus" + "of"
    ("इस समय वह घर पर है।", "इस समय", True),
    ("वह पूरी तरह से थक गया।", "पूरी तरह", True),  # से completes a manner adverb
])
def test_an_adverb_phrase_whose_noun_a_postposition_takes_is_no_unit(text: str, lemma: str,
                                                                     kept: bool) -> None:
    assert any(u.lemma == lemma for u in units(text)) == kept


def test_a_phrase_naming_a_common_english_word_stays_a_unit() -> None:
    assert any(u.lemma == "हवाई अड्डा" for u in units("विमान हवाई अड्डे पर उतरा।"))


@pytest.mark.parametrize("text", ["उसने काम कर लिया।", "बच्चों के लिए किताब", "घर के पास"])
def test_no_conjunctive_participle_after_a_noun(text: str) -> None:
    assert all(u.kind != "conjunctive" for u in units(text))


@pytest.mark.parametrize(("text", "unit_text", "sense"), [
    ("यह किया जा रहा है।", "किया जा", "to be done"),
    ("उनका स्वागत किया जाएगा।", "स्वागत किया जाएगा", "to be welcomed"),
])
def test_passive_with_jana(text: str, unit_text: str, sense: str) -> None:
    found = {u.text: u for u in units(text)}
    assert found[unit_text].kind == "passive"
    assert found[unit_text].senses[0] == sense


@pytest.mark.parametrize("text", ["", "।", "Putin and Lukashenko", "२०२१"])
def test_no_units_in_text_without_hindi_words(text: str) -> None:
    assert units(text) == []


@pytest.mark.parametrize("text", ["दूसरे रूप से कहा गया", "उसी रूप में पास किया", "नए तौर पर"])
def test_adjectives_that_pick_out_make_no_adverb(text: str) -> None:
    # दूसरे रूप से "in another form", not "secondly"
    assert not [u for u in units(text) if u.kind == "phrase" and u.senses[0].endswith("ly")]


def test_a_particle_inside_a_verb_unit_keeps_its_own_gloss() -> None:
    from assistant.gloss import gloss_sentence
    from assistant.types import Sentence

    text = "उसने प्रस्ताव स्वीकार नहीं किया।"
    tokens = tokenize(text)
    glosses = {t.text: g for t, g in zip(tokens, gloss_sentence(Sentence(text, 0, len(text), tokens),
                                                                 load_lexicon()), strict=True)}
    assert glosses["नहीं"].senses[0] == "not"
    assert glosses["किया"].senses[0] == "to accept"
    assert glosses["स्वीकार"].unit is glosses["किया"].unit


@pytest.mark.parametrize("text", [
    "वह नहीं आया।",  # a particle before a verb alone
    "काम नहीं, आराम चाहिए।",  # no verb after the particle
    "उसने किताब नहीं पढ़ी।",  # an object noun and a verb of its own, no conjunct
])
def test_no_split_unit_without_a_verb_unit(text: str) -> None:
    assert not [u for u in units(text) if "नहीं" in u.text]
