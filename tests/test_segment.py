"""Sentence splitting, tokens, script detection and article structure."""

from __future__ import annotations

import argparse
import random
import re
import unicodedata
from pathlib import Path

import pytest

from assistant.errors import InputError
from assistant.evaluate import segmentation as evaluation
from assistant.segment import detect_lang, segment_article, split_sentences, tokenize
from assistant.text import normalize_text
from assistant.types import Article

# Every sentence of the seed article, in order, with its block kind and language.
SEED_SENTENCES = [
    ("title", "hi", "प्रतिबंधों के बढ़ने पर लुकाशेंको ने पुतिन के साथ बैठक में बेलारूस-रूस संबंधों की सराहना की"),
    ("standfirst", "hi", "अब तक दोनों पूर्व सोवियत देशों ने व्यापार और सैन्य क्षेत्रों में मज़बूत सहयोग दिखाया है।"),
    ("date", "hi", "दिसम्बर 30, 2021"),
    ("heading", "hi", "प्रतिबंधों के बढ़ने पर लुकाशेंको ने पुतिन के साथ बैठक में बेलारूस-रूस संबंधों की सराहना की"),
    (
        "caption",
        "en",
        "Russian President Vladimir Putin (R) with Belarusian President Alexander Lukashenko"
        " in St. Petersburg.",
    ),
    ("credit", "en", "IMAGE SOURCE: KREMLIN"),
    (
        "paragraph",
        "hi",
        "बुधवार को, रूसी राष्ट्रपति व्लादिमीर पुतिन ने अपने बेलारूसी समकक्ष अलेक्जेंडर लुकाशेंको से सेंट पीटर्सबर्ग"
        " में स्वतंत्र राज्यों के राष्ट्रमंडल (सीआईएस) देशों के साथ उनकी बैठक के बाद आमने-सामने अनौपचारिक बातचीत"
        " में मुलाकात की।",
    ),
    ("paragraph", "hi", "दोनों नेताओं ने पश्चिमी दबाव के बावजूद रूस और बेलारूस के बीच मजबूत संबंधों के बारे में बात की।"),
    (
        "paragraph",
        "hi",
        "पुतिन ने इस बात पर प्रकाश डाला कि इस वर्ष दोनों देशों के बीच व्यापार में 36 प्रतिशत की वृद्धि हुई, जो"
        " पिछले वर्ष की 17% की गिरावट की भरपाई है।",
    ),
    (
        "paragraph",
        "hi",
        "इसके लिए, उन्होंने कहा कि वह अगले साल बेलारूस के साथ संबंधों को और विस्तारित करने की आशा करते हैं।",
    ),
    (
        "paragraph",
        "hi",
        "इस बीच, लुकाशेंको ने पश्चिमी देशों द्वारा प्रतिबंधों का जिक्र करते हुए पुतिन की इस टिप्पणी का स्वागत किया"
        ' कि "कैसे बेलारूस का अभी भी गला घोंटा जा रहा है।',
    ),
    ("paragraph", "hi", 'उन्होंने हम पर पांच प्रतिबंध पैकेज लगाए और छठे दौर की बात कर रहे हैं।"'),
    (
        "paragraph",
        "hi",
        "उन्होंने कहा कि प्रतिबंध मूर्खतापूर्ण हैं और दावा किया कि बेलारूस रूस के समर्थन के कारण अच्छा कर रहा है।",
    ),
    (
        "paragraph",
        "hi",
        "इसके अलावा, लुकाशेंको ने बेलारूसी विमानन उद्योग को रूस के समर्थन के लिए पुतिन को धन्यवाद देते हुए कहा कि"
        " बेलारूस में नागरिक और सैन्य विमान निर्माण संयंत्र हैं जो रूसी विमान उद्योग के लिए उपयोगी उत्पाद बनाते हैं।",
    ),
    ("paragraph", "hi", "बेलारूसी नेता ने बेलारूस में रूस के साथ संयुक्त सैन्य अभ्यास करने का प्रस्ताव रखा।"),
    (
        "paragraph",
        "hi",
        "वास्तव में, पुतिन ने पुष्टि की कि दोनों देश अगले साल की शुरुआत में अभ्यास करेंगे, जो उनके सैन्य और रक्षा"
        " क्षेत्रों के बीच सहयोग का एक और उदाहरण है।",
    ),
    (
        "paragraph",
        "hi",
        "बेलारूस यूरोपीय संघ (ईयू) के साथ सीमा पर है और इसलिए रूस के लिए एक महत्वपूर्ण भू-सामरिक साझेदार है।",
    ),
    (
        "paragraph",
        "hi",
        "संयुक्त सैन्य अभ्यास के बारे में पुतिन की घोषणा संयुक्त राज्य अमेरिका (यूएस) और उसके यूरोपीय सहयोगियों"
        " द्वारा यूक्रेन पर रूसी सैनिकों के बड़े पैमाने पर निर्माण का हवाला देते हुए यूक्रेन पर आक्रमण की तैयारी"
        " करने का आरोप लगाने के बाद आती है।",
    ),
    (
        "paragraph",
        "hi",
        "कीव में अधिकारियों ने रूस द्वारा बेलारूस से यूक्रेन पर हमला करने की संभावना पर भी चिंता जताई है।",
    ),
    (
        "paragraph",
        "hi",
        "हालाँकि, रूस ने इन आरोपों का खंडन किया और यह कहकर अपना बचाव किया कि यूक्रेन, अमेरिका और उत्तरी अटलांटिक"
        " संधि संगठन (नाटो) के साथ, रूसी सुरक्षा को खतरा है।",
    ),
    ("paragraph", "hi", "रूस ने बेलारूस में नियमित रूप से सैन्य अभ्यास किया है।"),
    (
        "paragraph",
        "hi",
        "सितंबर में, रूस और बेलारूस ने 200,000 सैनिकों को शामिल करते हुए बड़े पैमाने पर युद्ध के खेल आयोजित किए।",
    ),
    (
        "paragraph",
        "hi",
        "रूस ने भी पिछले कुछ हफ्तों में बार-बार परमाणु से लैस बमवर्षक बेलारूस में गश्त के लिए भेजे हैं।",
    ),
    (
        "paragraph",
        "hi",
        "इसके अलावा, पिछले महीने, बेलारूसी नेता ने रूसी परमाणु हथियार रखने की पेशकश की, अगर नाटो और अमेरिका"
        " पूर्वी यूरोप में समान कदम उठाते हैं तो।",
    ),
    ("paragraph", "hi", "पश्चिम द्वारा कड़े प्रतिबंधों के बीच पूर्व-सोवियत देशों के बीच संबंध मजबूत बने हुए हैं।"),
    (
        "paragraph",
        "hi",
        "अगस्त 2020 में विवादित राष्ट्रपति चुनावों के बाद बेलारूसी लोकतंत्र समर्थक आंदोलन पर अपनी कार्रवाई के"
        " दौरान लुकाशेंको ने पुतिन के समर्थन पर अत्यधिक भरोसा किया।",
    ),
    ("byline", "hi", "लेखक"),
    ("byline", "en", "Statecraft Staff"),
    ("byline", "en", "Editorial Team"),
]

SEED_BLOCKS = [
    ("title", 1),
    ("standfirst", 1),
    ("date", 1),
    ("heading", 1),
    ("caption", 1),
    ("credit", 1),
    ("paragraph", 1),
    ("paragraph", 3),
    ("paragraph", 3),
    ("paragraph", 4),
    ("paragraph", 3),
    ("paragraph", 4),
    ("paragraph", 2),
    ("byline", 3),
]


@pytest.fixture(scope="module")
def seed_article(seed_text: str) -> Article:
    return segment_article(seed_text, "seed")


def test_seed_every_sentence_boundary(seed_article: Article) -> None:
    got = [(b.kind, s.lang, s.text) for b in seed_article.blocks for s in b.sentences]
    assert got == SEED_SENTENCES


def test_seed_blocks(seed_article: Article) -> None:
    assert [(b.kind, len(b.sentences)) for b in seed_article.blocks] == SEED_BLOCKS
    assert seed_article.title.startswith("प्रतिबंधों के बढ़ने पर")
    assert seed_article.name == "seed"


def test_seed_offsets_point_into_the_source(seed_article: Article, seed_text: str) -> None:
    assert seed_article.source == seed_text
    last = 0
    for block in seed_article.blocks:
        assert block.start == block.sentences[0].start and block.end == block.sentences[-1].end
        for sentence in block.sentences:
            assert seed_text[sentence.start : sentence.end] == sentence.text
            assert sentence.start >= last
            last = sentence.end
            for token in sentence.tokens:
                assert seed_text[token.start : token.end] == token.text
                assert sentence.start <= token.start < token.end <= sentence.end


def test_seed_drops_no_text(seed_article: Article, seed_text: str) -> None:
    covered = bytearray(len(seed_text))
    for sentence in seed_article.sentences():
        covered[sentence.start : sentence.end] = b"\x01" * (sentence.end - sentence.start)
    lost = [ch for ch, flag in zip(seed_text, covered, strict=True) if not flag and not ch.isspace()]
    assert lost == []


def test_seed_english_lines_are_never_hindi(seed_article: Article) -> None:
    english = {s.text for s in seed_article.sentences() if s.lang == "en"}
    assert english == {SEED_SENTENCES[4][2], "IMAGE SOURCE: KREMLIN", "Statecraft Staff", "Editorial Team"}


def test_long_article_is_segmented_whole(seed_text: str) -> None:
    # 40 copies (about 300 kB): every sentence of every copy, none merged across copies
    long_text = "\n\n".join([seed_text] * 40)
    article = segment_article(long_text)
    assert sum(1 for _ in article.sentences()) == 40 * len(SEED_SENTENCES)


# --- sentences ----------------------------------------------------------------------------


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("वह आया। वह गया।", ["वह आया।", "वह गया।"]),
        ("श्लोक एक ॥ श्लोक दो ॥", ["श्लोक एक ॥", "श्लोक दो ॥"]),
        ("क्या तुम आओगे? हाँ! ज़रूर।", ["क्या तुम आओगे?", "हाँ!", "ज़रूर।"]),
        ("वह गया।अब कोई नहीं।", ["वह गया।", "अब कोई नहीं।"]),
        ("यह घर है. वह गाँव है.", ["यह घर है.", "वह गाँव है."]),
        ("कोई घर में नहीं था | सब बाहर थे", ["कोई घर में नहीं था |", "सब बाहर थे"]),
        # quotes and brackets after the terminator stay with their sentence
        ('उसने कहा, "मैं जाऊँगा।" फिर वह गया।', ['उसने कहा, "मैं जाऊँगा।"', "फिर वह गया।"]),
        ("उसने कहा, “मैं जाऊँगा।” फिर वह गया।", ["उसने कहा, “मैं जाऊँगा।”", "फिर वह गया।"]),
        ("(यह कोष्ठक में है।) अगला वाक्य।", ["(यह कोष्ठक में है।)", "अगला वाक्य।"]),
        ('कहा कि "पहला है। दूसरा है।" फिर', ['कहा कि "पहला है।', 'दूसरा है।"', "फिर"]),
        ('यह है।"अगला" वाक्य।', ["यह है।", '"अगला" वाक्य।']),
        # abbreviations, dotted chains, initials
        ("डॉ. शर्मा आए। वे खुश थे।", ["डॉ. शर्मा आए।", "वे खुश थे।"]),
        ("म.प्र. में बारिश हुई। फिर धूप।", ["म.प्र. में बारिश हुई।", "फिर धूप।"]),
        ("यह ई.पू. 300 में बना। फिर टूटा।", ["यह ई.पू. 300 में बना।", "फिर टूटा।"]),
        ("श्री. राम और प्रो. गुप्ता मिले।", ["श्री. राम और प्रो. गुप्ता मिले।"]),
        ("ए.पी.जे. अब्दुल कलाम आए।", ["ए.पी.जे. अब्दुल कलाम आए।"]),
        ("ए. पी. जे. अब्दुल कलाम आए।", ["ए. पी. जे. अब्दुल कलाम आए।"]),
        ("लगभग 1000 ई.पू., अश्शूरियों ने शुरुआत की.", ["लगभग 1000 ई.पू., अश्शूरियों ने शुरुआत की."]),
        # decimals and ellipses
        ("कीमत 3.5 प्रतिशत बढ़ी। फिर घटी।", ["कीमत 3.5 प्रतिशत बढ़ी।", "फिर घटी।"]),
        ("वह चुप रहा... फिर बोला।", ["वह चुप रहा... फिर बोला।"]),
        ("सच… शायद।", ["सच… शायद।"]),
        # English
        ("J. K. Rowling wrote it. It sold well.", ["J. K. Rowling wrote it.", "It sold well."]),
        (
            "Mr. Smith went to the U.S. on Monday. Dr. Lee stayed.",
            ["Mr. Smith went to the U.S. on Monday.", "Dr. Lee stayed."],
        ),
        ("He lives in St. Petersburg. It is cold.", ["He lives in St. Petersburg.", "It is cold."]),
        ("Is it? Yes! It is.", ["Is it?", "Yes!", "It is."]),
        ("Yahoo! is a company. So what.", ["Yahoo! is a company.", "So what."]),
        ("Prices rose 3.5 percent.", ["Prices rose 3.5 percent."]),
        # a stray terminator joins the sentence before it
        ("उसने माफ़ी मांगी। । फिर गया।", ["उसने माफ़ी मांगी। ।", "फिर गया।"]),
        ("  ", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


# --- tokens ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "पिछले वर्ष की 17% की",
            [
                ("पिछले", "word"),
                ("वर्ष", "word"),
                ("की", "word"),
                ("17", "number"),
                ("%", "symbol"),
                ("की", "word"),
            ],
        ),
        ("200,000 सैनिकों", [("200,000", "number"), ("सैनिकों", "word")]),
        (
            "36.5 और ३६.५ और २०२१",
            [("36.5", "number"), ("और", "word"), ("३६.५", "number"), ("और", "word"), ("२०२१", "number")],
        ),
        ("बेलारूस-रूस", [("बेलारूस", "word"), ("-", "punct"), ("रूस", "word")]),
        ("आमने-सामने", [("आमने", "word"), ("-", "punct"), ("सामने", "word")]),
        (
            "(सीआईएस) देशों।",
            [("(", "punct"), ("सीआईएस", "word"), (")", "punct"), ("देशों", "word"), ("।", "punct")],
        ),
        (
            '"कैसे ... है।"',
            [('"', "punct"), ("कैसे", "word"), ("...", "punct"), ("है", "word"), ("।", "punct"), ('"', "punct")],
        ),
        ("St. Petersburg", [("St", "latin"), (".", "punct"), ("Petersburg", "latin")]),
        ("don't", [("don't", "latin")]),
        (
            "₹500 @ 5:30",
            [
                ("₹", "symbol"),
                ("500", "number"),
                ("@", "symbol"),
                ("5", "number"),
                (":", "punct"),
                ("30", "number"),
            ],
        ),
        ("हँसी संत सिंह", [("हँसी", "word"), ("संत", "word"), ("सिंह", "word")]),
        ("क्\u200dष", [("क्\u200dष", "word")]),
        ("क़िला", [("क़िला", "word")]),
        ("श्लोक॥", [("श्लोक", "word"), ("॥", "punct")]),
        ("👍🏽 ok", [("👍🏽", "symbol"), ("ok", "latin")]),
    ],
)
def test_tokenize(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.kind) for t in tokenize(text)] == expected


@pytest.mark.parametrize(
    "text",
    ["कि\u0902 क\u093c\u093e", "e\u0301te\u0300", "5\u0902", "%\u0301 x", "न\u093c\u0941\u0902", "\u093eक"],
)
def test_tokens_never_split_a_grapheme_cluster(text: str) -> None:
    tokens = tokenize(text)
    for token in tokens:
        assert not unicodedata.category(text[token.start]).startswith("M") or token.start == 0
        assert token.end == len(text) or not unicodedata.category(text[token.end]).startswith("M")
        assert normalize_text(text[token.start : token.end]) == token.text
    assert "".join(t.text for t in tokens) == normalize_text(text).replace(" ", "")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\u095bरूर", [("ज\u093cरूर", 0, 4)]),  # precomposed nukta: normalized text, original offsets
        ("a\u00a0\u00a0b", [("a", 0, 1), ("b", 3, 4)]),
        ("\ufeffक\r\nख", [("क", 1, 2), ("ख", 4, 5)]),
    ],
)
def test_tokenize_normalizes_and_keeps_original_offsets(
    text: str, expected: list[tuple[str, int, int]]
) -> None:
    assert [(t.text, t.start, t.end) for t in tokenize(text)] == expected


def test_tokenize_offset() -> None:
    tokens = tokenize("नया घर", offset=100)
    assert [(t.start, t.end) for t in tokens] == [(100, 103), (104, 106)]


# --- script ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("यह हिंदी है।", "hi"),
        ("नाटो (NATO) की बैठक", "hi"),
        ("दिसम्बर 30, 2021", "hi"),
        ("IMAGE SOURCE: KREMLIN", "en"),
        ("Russian President Vladimir Putin (R) with Lukashenko.", "en"),
        ("Statecraft Staff", "en"),
        ("2021-12-30", "other"),
        ("!!! ...", "other"),
        ("", "other"),
        ("Москва и Минск", "other"),
        ("President Putin said बहुत", "hi"),
        # Hinglish: any Devanagari word makes the sentence Hindi, to be glossed and translated
        ("मैंने आज office में meeting attend की और फिर boss को email भेजा।", "hi"),
        ("Meeting at 5 pm, office में", "hi"),
        ("اردو ایک زبان ہے", "other"),
    ],
)
def test_detect_lang(text: str, lang: str) -> None:
    assert detect_lang(text) == lang


# --- structure ------------------------------------------------------------------------------

BODY = "\n\nयह लेख का पहला अनुच्छेद है। इसमें दो वाक्य हैं।\n\nदूसरा अनुच्छेद भी है।"


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(b.kind, " ".join(s.text for s in b.sentences)) for b in segment_article(text).blocks]


@pytest.mark.parametrize(
    "line",
    [
        "दिसम्बर 30, 2021",
        "30 दिसंबर 2021",
        "30 दिसंबर, 2021",
        "२९ सितंबर २०२१",
        "2021-12-30",
        "30/12/2021",
        "बुधवार, 29 दिसंबर 2021",
        "December 30, 2021",
        "प्रकाशित: 30 दिसंबर 2021, 10:30 IST",
        "Updated: Dec 30, 2021 09:15 AM IST",
    ],
)
def test_date_lines(line: str) -> None:
    assert ("date", normalize_text(line)) in _kinds(f"शीर्षक यहाँ\n\n{line}{BODY}")


@pytest.mark.parametrize(
    "line",
    [
        "IMAGE SOURCE: KREMLIN",
        "Photo: Reuters",
        "चित्र: पीटीआई",
        "फ़ोटो साभार: एएनआई",
        "Getty Images",
        "इमेज स्रोत, Getty Images",
    ],
)
def test_credit_lines(line: str) -> None:
    assert ("credit", normalize_text(line)) in _kinds(f"शीर्षक यहाँ{BODY}\n\n{line}\n\nअंतिम अनुच्छेद।")


@pytest.mark.parametrize(
    ("text", "bylines"),
    [
        (
            f"शीर्षक यहाँ{BODY}\n\nलेखक\n\nStatecraft Staff\n\nEditorial Team",
            ["लेखक Statecraft Staff Editorial Team"],
        ),
        (f"शीर्षक यहाँ\n\nद्वारा राम कुमार{BODY}", ["द्वारा राम कुमार"]),
        (f"शीर्षक यहाँ\n\nलेखक: सीमा शर्मा{BODY}", ["लेखक: सीमा शर्मा"]),
        (f"शीर्षक यहाँ\n\nBy Anita Desai{BODY}", ["By Anita Desai"]),
    ],
)
def test_bylines(text: str, bylines: list[str]) -> None:
    assert [t for k, t in _kinds(text) if k == "byline"] == bylines


def test_caption_is_the_line_above_a_credit() -> None:
    text = f"शीर्षक यहाँ{BODY}\nमंच पर दोनों नेता।\nचित्र: पीटीआई\n\nअंतिम अनुच्छेद।"
    kinds = _kinds(text)
    assert ("caption", "मंच पर दोनों नेता।") in kinds
    assert ("credit", "चित्र: पीटीआई") in kinds


def test_headings_and_paragraphs() -> None:
    text = "मुख्य शीर्षक\n\nपहला अनुच्छेद यहाँ है। और भी।\n\nनया खंड\n\nखंड का पाठ यहाँ है।\n\nअंत का अनुच्छेद।"
    assert _kinds(text) == [
        ("title", "मुख्य शीर्षक"),
        ("standfirst", "पहला अनुच्छेद यहाँ है। और भी।"),
        ("heading", "नया खंड"),
        ("paragraph", "खंड का पाठ यहाँ है।"),
        ("paragraph", "अंत का अनुच्छेद।"),
    ]


def test_image_source_and_caption_pair_and_a_question_heading() -> None:
    text = (
        "यूक्रेन पर बातचीत\n\n29 दिसंबर 2021\n\nइमेज स्रोत, Getty Images\nइमेज कैप्शन, पुतिन मॉस्को में\n\n"
        "रूस ने कहा है कि वह तैयार है।\n\nक्या है मामला?\n\nपिछले महीने सैनिक बढ़े थे।"
    )
    assert [k for k, _ in _kinds(text)] == [
        "title",
        "date",
        "credit",
        "caption",
        "paragraph",
        "heading",
        "paragraph",
    ]


def test_one_paragraph_per_line() -> None:
    text = "शीर्षक\nपहला अनुच्छेद है।\nदूसरा अनुच्छेद है।\nतीसरा अनुच्छेद है।"
    assert [k for k, _ in _kinds(text)] == ["title", "paragraph", "paragraph", "paragraph"]


def test_hard_wrapped_lines_form_one_paragraph() -> None:
    text = "शीर्षक\n\nयह एक लंबा वाक्य है जो\nकई पंक्तियों में टूटा हुआ है और\nयहाँ खत्म होता है। फिर दूसरा।\n\nअंत।"
    kinds = _kinds(text)
    assert ("paragraph", "यह एक लंबा वाक्य है जो कई पंक्तियों में टूटा हुआ है और यहाँ खत्म होता है। फिर दूसरा।") in kinds
    article = segment_article(text)
    wrapped = next(b for b in article.blocks if len(b.sentences) == 2)
    first = wrapped.sentences[0]
    assert "\n" in text[first.start : first.end] and "\n" not in first.text


def test_a_single_paragraph_has_no_title() -> None:
    assert [k for k, _ in _kinds("पहला वाक्य है। दूसरा वाक्य है।")] == ["paragraph"]


def test_messy_input_maps_back_to_the_original() -> None:
    text = "\ufeffशीर्षक\r\n\r\nयह\u00a0\u00a0मज\u093cबूत\tहै।  \u095bरूर\u200b आओ।\r\n"
    article = segment_article(text)
    sentences = list(article.sentences())
    assert [s.text for s in sentences] == ["शीर्षक", "यह मज\u093cबूत है।", "ज\u093cरूर आओ।"]
    for sentence in sentences:
        assert normalize_text(text[sentence.start : sentence.end]) == sentence.text
        for token in sentence.tokens:
            assert normalize_text(text[token.start : token.end]) == token.text


# Pieces that stress normalization, splitting and structure when thrown together.
_FUZZ_PIECES = [
    *"कखगचजटडतदनपमयरलवसह",
    *"ािीुेोंँः़्",
    *["\u0958", "\u0929", "\u200d", "\u200c", "\ufeff", "\u00a0", "\t", "\r\n", "\n", "\n\n", "\r"],
    *[" ", " ", "।", "॥", ".", "?", "!", '"', "'", "(", ")", "-", "…", "|", "“", "”", "1", "२", "%"],
    *["a", "B", "Dr", ". ", "\x00", "\u0301", "\u2028", "लेखक", "चित्र: ", "दिसंबर 30, 2021"],
]


def test_random_input_keeps_every_invariant() -> None:
    rng = random.Random(20211230)
    for _ in range(400):
        text = "".join(rng.choice(_FUZZ_PIECES) for _ in range(rng.randrange(0, 50)))
        try:
            article = segment_article(text)
        except InputError:
            continue
        last = 0
        for block in article.blocks:
            assert block.sentences
            for sentence in block.sentences:
                assert last <= sentence.start <= sentence.end <= len(text)
                last = sentence.end
                original = normalize_text(text[sentence.start : sentence.end])
                assert re.sub(r"\s*\n\s*", " ", original) == sentence.text
                for token in sentence.tokens:
                    assert sentence.start <= token.start < token.end <= sentence.end
                    assert normalize_text(text[token.start : token.end]) == token.text


# --- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("   \n\t\n  ", "empty"),
        ("\ufeff\u200b", "No Hindi text"),
        ("This article is written in English only. It has no Hindi.", "No Hindi text"),
        ("12345 !!! ---", "No Hindi text"),
    ],
)
def test_unusable_text_raises_input_error(text: str, message: str) -> None:
    with pytest.raises(InputError) as info:
        segment_article(text)
    assert message in str(info.value)


# --- evaluation -----------------------------------------------------------------------------

CONLLU = """# newdoc id = d1
# sent_id = 1
# text = पहला वाक्य है।
1\tपहला\t_\t_\t_\t_\t_\t_\t_\t_

# sent_id = 2
# text = डॉ. शर्मा आए।
1\tडॉ.\t_\t_\t_\t_\t_\t_\t_\t_

# sent_id = 3
# text = बिना विराम का वाक्य
1\tबिना\t_\t_\t_\t_\t_\t_\t_\t_

# newdoc id = d2
# sent_id = 4
# text = दूसरा दस्तावेज़।
1\tदूसरा\t_\t_\t_\t_\t_\t_\t_\t_

"""


def test_evaluation_counts_boundaries(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "tiny.conllu"
    extra = "# sent_id = 5\n# text = और एक।\n1\tऔर\t_\t_\t_\t_\t_\t_\t_\t_\n"
    path.write_text(CONLLU + extra, encoding="utf-8")
    scores = evaluation.evaluate(path)
    # gold boundaries: after sentences 1, 2 (doc 1) and 4 (doc 2); all found, nothing extra
    assert (scores.documents, scores.sentences) == (2, 5)
    assert (scores.true_positive, scores.false_positive, scores.false_negative) == (3, 0, 0)
    assert scores.f1 == 1.0
    parser = argparse.ArgumentParser()
    evaluation.add_arguments(parser)
    assert evaluation.run(parser.parse_args(["--conllu", str(path)])) == 0
    assert "F1" in capsys.readouterr().out


def test_evaluation_missing_or_empty_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="No CoNLL-U file"):
        evaluation.evaluate(tmp_path / "missing.conllu")
    empty = tmp_path / "empty.conllu"
    empty.write_text("# newdoc id = x\n1\tशब्द\t_\n", encoding="utf-8")
    with pytest.raises(InputError, match="No sentences"):
        evaluation.evaluate(empty)


@pytest.mark.skipif(not evaluation.DEFAULT_CONLLU.exists(), reason="shared evaluation data not present")
def test_splitter_f1_on_ud_hindi_pud() -> None:
    scores = evaluation.evaluate(evaluation.DEFAULT_CONLLU)
    assert scores.f1 >= 0.98, f"F1 {scores.f1:.4f}"


# --- English titles in Hindi spelling, standalone headlines -------------------------------


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("मि. शर्मा ने कहा। वह आए।", ["मि. शर्मा ने कहा।", "वह आए।"]),
        ("मिस. सिंह आईं।", ["मिस. सिंह आईं।"]),
        ("श्री. गुप्ता बोले।", ["श्री. गुप्ता बोले।"]),
        ("डॉ. राम आए।", ["डॉ. राम आए।"]),
        ("सेन. सैंडर्स ने कहा।", ["सेन. सैंडर्स ने कहा।"]),
        ("प्रो. यादव पढ़ाते हैं।", ["प्रो. यादव पढ़ाते हैं।"]),
        ("उन्होंने जन. रावत से बात की।", ["उन्होंने जन. रावत से बात की।"]),
        ("कर्न. वर्मा और लेफ्टि. खान आए।", ["कर्न. वर्मा और लेफ्टि. खान आए।"]),
        ("डी.एम. सिंह आए।", ["डी.एम. सिंह आए।"]),
        ("एसपी. मीणा ने जाँच की।", ["एसपी. मीणा ने जाँच की।"]),
        # a full stop used as a danda still ends the sentence before a function word
        ("यह काम है. उसने कहा.", ["यह काम है.", "उसने कहा."]),
        ("वह घर से. राम आया.", ["वह घर से.", "राम आया."]),
        ("बात मि. वह आए।", ["बात मि.", "वह आए।"]),
    ],
)
def test_titles_spelled_in_hindi_end_no_sentence(text: str, sentences: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "शीर्षक\n\nमुख्य समाचार\nभारत एक बड़ा देश है और यहाँ बहुत लोग रहते हैं। दिल्ली राजधानी है।",
            [("title", "शीर्षक"), ("heading", "मुख्य समाचार"),
             ("paragraph", "भारत एक बड़ा देश है और यहाँ बहुत लोग रहते हैं। दिल्ली राजधानी है।")],
        ),
        (
            "शीर्षक\n\nपहला वाक्य यहाँ पूरा होता है।\nउपशीर्षक यहाँ\nदूसरा अनुच्छेद यहाँ शुरू होता है और यहाँ खत्म होता है।",
            [("title", "शीर्षक"), ("paragraph", "पहला वाक्य यहाँ पूरा होता है।"), ("heading", "उपशीर्षक यहाँ"),
             ("paragraph", "दूसरा अनुच्छेद यहाँ शुरू होता है और यहाँ खत्म होता है।")],
        ),
        (  # hard-wrapped lines of one width stay one paragraph
            "शीर्षक\n\nयह एक लंबा वाक्य है जो\nकई पंक्तियों में टूटा हुआ है और\nयहाँ खत्म होता है।",
            [("title", "शीर्षक"),
             ("paragraph", "यह एक लंबा वाक्य है जो कई पंक्तियों में टूटा हुआ है और यहाँ खत्म होता है।")],
        ),
    ],
)  # fmt: skip
def test_a_short_line_standing_alone_is_a_heading_not_joined(text: str, expected: list) -> None:
    assert _kinds(text) == expected


def test_a_kruti_dev_text_is_named() -> None:
    kruti = "Hkkjr ,d cM+k ns'k gSA bldh jkt/kkuh fnYyh gSA ;gk¡ dbZ Hkk\"kk,¡ cksyh tkrh gSaA"
    with pytest.raises(InputError, match="Kruti Dev"):
        segment_article(kruti)
    with pytest.raises(InputError, match="no Devanagari letters"):
        segment_article("The word gS is not English. Nor is dk. But ls is a command.")
