#!/usr/bin/env python3
"""Write the hostile inputs of tests/hostile/ (deterministic: same bytes every run).

Every zone, company and policy named here is invented for these tests.
Each input is listed in MANIFEST.tsv with what zonegraph must do with it:

  ok       extracted (exit 0)
  refused  refused with a diagnostic naming the file (exit 1)
  any      either, as long as there is no panic, no hang and a clear message

The huge inputs (a 50 MB single line, a million-item enumeration, HTML nested
100,000 levels deep, names thousands of characters long) are not committed:
tests/hostile.rs writes them into a temporary folder at test time.

Run:  python3 tests/hostile/generate.py      (rewrites the files beside it)
"""

import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "inputs")

# A plain article, written for these tests (all names invented).
ARTICLE = (
    "白沙高新技术产业开发区2024年工作综述\n"
    "发布时间: 2024-03-18\n"
    "白沙高新技术产业开发区(简称白沙高新区)位于江苏省常州市,2019年由白沙经济开发区更名而来。\n"
    "园区以集成电路、新能源、高端装备为三大主导产业,形成以云杉半导体、赤岩科技股份有限公司为龙头的集成电路产业链。\n"
    "2023年,白沙高新区实现规上工业产值318.6亿元,同比增长7.2%,拥有高新技术企业142家。\n"
    "2021年9月,赤岩科技股份有限公司在深圳证券交易所创业板上市。\n"
    "白沙理工学院与园区共建白沙智能制造研究院,研究院已落户高新区。\n"
    "园区出台《白沙高新区关于支持科技创新的若干政策》,实施“白沙英才计划”。\n"
)

entries = []  # (file name, expectation, description)


def write(name, data, expect, what):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)
    entries.append((name, expect, what))


def main():
    os.makedirs(OUT, exist_ok=True)
    for old in os.listdir(OUT):
        os.remove(os.path.join(OUT, old))
    rng = random.Random(20261122)
    art = ARTICLE.encode("utf-8")
    gbk = ARTICLE.encode("gb18030")
    big5_src = "白沙科技城的高新技術企業數量持續增長,產業集聚效應顯現。園區引進研發機構二十家。\n"
    big5 = big5_src.encode("big5")

    # --- empty and nearly empty -------------------------------------------
    write("empty.txt", b"", "refused", "an empty file")
    write("whitespace-only.txt", " \n\t\r\n\u3000\u3000\n \u00a0\n", "refused", "only white space of several kinds")
    write("bom-only.txt", b"\xef\xbb\xbf", "refused", "a UTF-8 byte-order mark and nothing else")
    write("punctuation-only.txt", "。,、;:?!…—“”‘’《》()【】「」·\n" * 60, "any", "only Chinese and ASCII punctuation")
    write("invisible-only.txt", "\u200b\u200d\u200e\u200f\u2060\ufeff\u202e\u00ad" * 100, "refused",
          "only zero-width, bidi and soft-hyphen characters (nothing visible)")

    # --- binary -------------------------------------------------------------
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(3000))
    write("binary-png.txt", png, "refused", "a PNG header and random bytes, named .txt")
    elf = b"\x7fELF\x02\x01\x01" + b"\x00" * 9 + bytes(rng.randrange(256) for _ in range(3000))
    write("binary-elf.txt", elf, "refused", "an ELF header and random bytes")
    write("binary-random.txt", bytes(rng.randrange(256) for _ in range(4096)), "refused", "4 KB of random bytes")
    write("binary-high-bytes.txt", bytes(rng.randrange(128, 256) for _ in range(4096)), "any",
          "4 KB of random bytes >= 0x80 (every byte looks like a lead byte)")
    gz = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + bytes(rng.randrange(256) for _ in range(2000))
    write("binary-gzip.html", gz, "refused", "gzip bytes named .html")

    # --- NUL and control characters ----------------------------------------
    write("nul-one.txt", art + b"\x00" + art, "refused", "one NUL byte between two copies of an article")
    write("nul-every-other.txt", b"".join(bytes([b, 0]) for b in ARTICLE.encode("ascii", "ignore") * 20)
          or b"a\x00" * 500, "refused", "ASCII with a NUL after every byte (UTF-16 without BOM)")
    utf16_nobom = ARTICLE.encode("utf-16-le")
    write("utf16le-no-bom.txt", utf16_nobom, "refused", "Chinese in UTF-16LE without a byte-order mark")
    controls = "".join(chr(c) for c in range(1, 32) if c not in (9, 10, 13)) * 40
    write("control-chars.txt", controls + ARTICLE, "any", "C0 control characters before an article")
    ansi = "".join("\x1b[1;3%dm白沙高新区\x1b[0m 第%d行\x07\n" % (i % 8, i) for i in range(80))
    write("ansi-escapes.txt", ansi, "any", "terminal colour escape sequences and bells around Chinese text")
    write("c1-controls.txt", "".join(chr(0x80 + i % 32) + "白沙高新区" for i in range(150)), "any",
          "C1 control characters (U+0080-U+009F) between words")

    # --- truncated and invalid UTF-8 ---------------------------------------
    write("truncated-utf8.txt", art[:-2], "ok", "an article cut in the middle of its last character")
    cut = art[: len(art) // 2]
    cut = cut[:-1] if (cut[-1] & 0xC0) == 0x80 or cut[-1] >= 0xC0 else cut
    write("truncated-utf8-middle.txt", art[: len(art) // 2 + 1], "any", "an article cut inside a character halfway")
    sprinkled = bytearray(art)
    for i in range(0, len(sprinkled), 97):
        sprinkled[i] = 0xFF
    write("invalid-utf8-sprinkled.txt", bytes(sprinkled), "any", "an article with 0xFF written over every 97th byte")
    write("overlong-utf8.txt", art + b"\xc0\xaf\xe0\x80\xaf\xf0\x80\x80\xaf\xc0\x80" + art, "any",
          "overlong encodings of / and NUL (C0 AF, E0 80 AF, F0 80 80 AF, C0 80) inside an article")
    write("utf8-beyond-max.txt", art + b"\xf4\x90\x80\x80\xf7\xbf\xbf\xbf\xf8\x88\x80\x80\x80" + art, "any",
          "code points above U+10FFFF and 5-byte sequences inside an article")
    write("continuation-bytes.txt", b"\x80\x81\x82\xbf" * 500, "any", "only UTF-8 continuation bytes")
    # Lone surrogates in CESU-8 / WTF-8 form (ED A0 80 = U+D800), and a pair
    # encoded as two 3-byte sequences (CESU-8 for U+1F600).
    write("surrogate-lone-wtf8.txt", art + b"\xed\xa0\x80" + art + b"\xed\xbf\xbf", "any",
          "lone surrogates U+D800 and U+DFFF in WTF-8 bytes inside an article")
    write("surrogate-pair-cesu8.txt", b"\xed\xa0\xbd\xed\xb8\x80" * 50 + art, "any",
          "an emoji written as a CESU-8 surrogate pair, 50 times, then an article")
    write("surrogate-entity.html",
          "<html><body><p>白沙高新区&#xD800;园区&#55296;&#xDFFF;</p><p>赤岩科技&#x110000;&#99999999999;&#0;&#x0;</p></body></html>",
          "ok", "HTML character references to surrogates, NUL and beyond U+10FFFF")

    # --- encodings -----------------------------------------------------------
    write("mixed-utf8-gb18030.txt", art + gbk + art, "any", "UTF-8, then GB18030, then UTF-8 again in one file")
    write("mixed-gb18030-big5.txt", gbk + big5 + gbk, "any", "GB18030 and Big5 alternating in one file")
    write("latin1.txt", "Zone économique à Baisha: coût élevé, façade, naïve.\n".encode("latin-1") * 30, "any",
          "French text in Latin-1 (not UTF-8, not Chinese)")
    write("shift-jis.txt", "白沙ハイテク産業開発区は、半導体と新エネルギーを主力産業とする。\n".encode("shift_jis") * 10,
          "any", "Japanese text in Shift_JIS")
    write("euc-kr.txt", "백사 첨단산업단지는 반도체 산업을 육성한다.\n".encode("euc-kr") * 10, "any", "Korean text in EUC-KR")

    # --- byte-order marks ----------------------------------------------------
    write("bom-utf16le.txt", b"\xff\xfe" + ARTICLE.encode("utf-16-le"), "ok", "UTF-16LE with its byte-order mark")
    write("bom-utf16be.txt", b"\xfe\xff" + ARTICLE.encode("utf-16-be"), "ok", "UTF-16BE with its byte-order mark")
    write("bom-utf16le-odd.txt", b"\xff\xfe" + ARTICLE.encode("utf-16-le") + b"\x41", "any",
          "UTF-16LE with a byte-order mark and an odd trailing byte")
    write("bom-utf32le.txt", b"\xff\xfe\x00\x00" + ARTICLE.encode("utf-32-le"), "any", "UTF-32LE with its byte-order mark")
    write("bom-utf32be.txt", b"\x00\x00\xfe\xff" + ARTICLE.encode("utf-32-be"), "any", "UTF-32BE with its byte-order mark")
    write("bom-gb18030.txt", b"\x84\x31\x95\x33" + gbk, "any", "the GB18030 byte-order mark (84 31 95 33) before GB18030 text")
    write("bom-utf7.txt", b"+/v8" + ARTICLE.encode("utf-7"), "any", "the UTF-7 byte-order mark and UTF-7 text")
    write("bom-utf8-twice.txt", b"\xef\xbb\xbf\xef\xbb\xbf" + art, "ok", "two UTF-8 byte-order marks before an article")
    write("bom-utf8-then-gbk.txt", b"\xef\xbb\xbf" + gbk, "any", "a UTF-8 byte-order mark before GB18030 bytes")

    # --- Unicode tricks ------------------------------------------------------
    zwj = ARTICLE.replace("白沙", "白\u200d沙").replace("高新区", "高\u200b新\u2060区")
    write("zero-width-joiners.txt", zwj, "ok", "zero-width joiners and spaces inside every name")
    rtl = ARTICLE.replace("白沙", "\u202e白沙\u202c").replace("园区", "\u200f园\u200e区")
    write("rtl-marks.txt", rtl, "ok", "right-to-left override and marks around names")
    write("rtl-arabic-mixed.txt", "\u202bمنطقة بيشا\u202c 白沙高新区 \u2067עברית\u2069 产值100亿元。\n" * 50, "any",
          "Arabic and Hebrew with isolates and embeddings next to Chinese")
    compat = ("白沙高新区占地１２３４５㎡,产值３１８．６亿元,拥有企业１４２家。赤岩科技㈱、云杉半导体㈲入驻。"
              "规划面积②③平方公里,增长⑦%。园区有ⅫⅣ个片区,㍻㋿年份,面积約５０㏊。\n") * 20
    write("compatibility-chars.txt", compat, "ok", "compatibility characters: ㎡, full-width digits, ㈱, circled numbers, Roman numerals")
    write("combining-marks.txt", "".join(c + "\u0301\u0308\u0323" * 10 for c in "白沙高新区实现产值100亿元。") * 4,
          "any", "each character followed by 30 combining marks (Zalgo text)")
    write("variation-selectors.txt", ARTICLE.replace("区", "区\ufe0f").replace("园", "园\U000e0100"), "ok",
          "variation selectors after characters (VS16, ideographic VS17)")
    write("noncharacters.txt", ARTICLE.replace("。", "\ufffe\uffff\U0010ffff。"), "ok",
          "noncharacters U+FFFE, U+FFFF, U+10FFFF at every sentence end")
    write("private-use.txt", ARTICLE.replace("高新", "\ue000高\uf8ff新\U000f0000"), "ok", "private-use characters inside names")
    write("tag-characters.txt", ARTICLE.replace("园区", "园\U000e0001\U000e007a\U000e0068区"), "ok",
          "Unicode tag characters inside a word")
    write("emoji-zwj-sequences.txt", ("👩\u200d🔬白沙高新区🏭\u200d🔥产值💯亿元。" + "🇨🇳" * 20 + "\n") * 10, "any",
          "emoji ZWJ sequences and flags around Chinese words")
    write("supplementary-cjk.txt", ("𠀀𠀁𪚥𰻞白沙高新区有𡃁𤳵企业𠂇家。\n") * 40, "ok", "CJK extension B-G characters")
    write("line-separators.txt", ARTICLE.replace("\n", "\u2028").replace("。", "。\u2029\u0085"), "ok",
          "U+2028, U+2029 and NEL instead of line feeds")
    write("cr-only-lines.txt", ARTICLE.replace("\n", "\r"), "ok", "old Mac line ends: CR only")
    write("pinyin-tricks.txt", "白(bái)沙(shā 高(gāo)新(xīn区(qū))((ǎ))(āāāāāāāāāāāā)创(chuàng\n" * 50, "any",
          "pinyin readings unclosed, nested, empty and too long")

    # --- structure -----------------------------------------------------------
    write("deep-brackets.txt", "白沙高新区" + "(" * 2000 + "赤岩科技" + ")" * 2000 + "位于常州市。\n", "ok",
          "2,000 nested parentheses around a name")
    write("deep-quotes.txt", "“《「" * 300 + "白沙高新区" + "」》”" * 300 + "实施“白沙计划”。\n", "ok",
          "900 levels of nested quotes and title marks")
    write("unbalanced-quotes.txt", "园区实施“" * 250 + "计划。\n" + ARTICLE, "ok", "250 unclosed quotes before an article")
    write("closing-only.txt", "”》」)" * 300 + ARTICLE, "ok", "1,200 closing marks before an article")
    write("many-empty-lines.txt", "\n" * 3000 + ARTICLE + "\r\n" * 1000, "ok", "4,000 empty lines around an article")
    write("many-sentences.txt", "园区发展。" * 500, "any", "500 tiny sentences on one line")
    write("separator-lines.txt", ("| " * 500 + "\n" + "_" * 1000 + "\n> > > > >\n") * 2 + ARTICLE, "ok",
          "long lines of navigation separators before an article")
    write("long-line-no-stop.txt", ("白沙高新区赤岩科技云杉半导体集成电路新能源" * 100), "any",
          "2,000 characters of names with no punctuation and no line break")
    write("long-name-1000.txt", "白沙" + "云" * 1000 + "高新技术产业开发区位于常州市,产值100亿元。\n"
          + "赤岩" + "杉" * 1000 + "科技股份有限公司在创业板上市。\n", "ok",
          "a zone name and a company name 1,000 characters long (5,000 and 50,000 are generated by the test)")
    write("repeated-name.txt", "白沙高新区、" * 400 + "等园区。\n", "any", "one zone name enumerated 400 times")
    write("enumeration-500.txt", "、".join("A%d" % i for i in range(1, 501)) + "等500家企业落户白沙高新区。\n", "ok",
          "an enumeration of 500 items (A1、A2、…等500家企业; a million are generated by the test)")
    write("enumeration-industries.txt", "白沙高新区以" + "、".join("新材料%d" % i for i in range(200)) + "为主导产业。\n", "ok",
          "200 industries listed as leading industries")

    # --- numbers and dates ---------------------------------------------------
    d400 = "".join(str(rng.randrange(10)) for _ in range(400))
    nums = (
        f"白沙高新区实现产值{d400}亿元,同比增长{d400}%,拥有企业{d400}家。\n"
        f"2023年,白沙高新区实现营业收入0.{d400}亿元。\n"
        f"白沙高新区面积{d400}.{d400}平方公里,投资{'9' * 400}万元。\n"
        f"白沙高新区产值{'1,' * 300}000亿元,增长-{d400}%。\n"
    )
    write("digits-400.txt", nums, "ok", "numbers of 400 digits with units (亿元, %, 家, 平方公里)")
    cn = (
        "白沙高新区实现产值" + "九千九百九十九" * 50 + "亿元。\n"
        "白沙高新区产值" + "亿" * 300 + "元,拥有企业" + "万" * 200 + "家。\n"
        "白沙高新区产值一十百千万亿兆京垓零零零点五亿元。\n"
    )
    write("chinese-numerals-long.txt", cn, "ok", "Chinese numerals hundreds of characters long and runs of 亿/万")
    write("numbers-odd.txt",
          "白沙高新区产值1.2.3.4亿元,增长%%%,企业-0家,面积1e400平方公里,投资NaN亿元,收入∞亿元,产值12..5亿元,占比1/0。\n"
          "2023年白沙高新区产值１２．５亿元,增长１０％。产值1,,,,2亿元。产值.5亿元。产值5.亿元。\n" * 10,
          "ok", "malformed numbers: several points, only percent signs, 1e400, NaN, ∞, 1/0")
    dates = (
        "发布时间: 2023-13-45\n"
        "0000年00月00日,白沙高新区成立。9999年99月99日,赤岩科技上市。2023年2月30日,园区更名。\n"
        "2023年-1月,白沙高新区产值100亿元。20231年5月,园区获批。2023年5月32日,云杉半导体入驻。\n"
        "公元前221年,白沙高新区产值100亿元。二〇二三年十三月,园区成立。2023/02/30 25:61:61\n"
        "19000000000000000000年,白沙高新区由白沙经济开发区更名而来。\n"
    )
    write("malformed-dates.txt", dates, "ok", "impossible dates: month 13, day 45, year 0, 30 February, huge years")
    write("date-header-only.txt", "发布时间: 2024-02-30\n发布日期:2024年00月00日\n", "any", "only malformed date headers")

    # --- HTML ----------------------------------------------------------------
    write("html-deep-500.html", "<html><body>" + "<div>" * 500 + "白沙高新区产值100亿元。" + "</div>" * 500 + "</body></html>",
          "ok", "HTML nested 500 levels deep (100,000 levels are generated by the test)")
    write("html-unclosed-deep.html", "<html><body>" + "<div><span><b>" * 300 + "白沙高新区位于常州市。", "ok",
          "900 unclosed tags")
    scripts = (
        "<html><head><title>白沙</title><script>document.write('<p>松涛高新区产值999亿元</p>');"
        "while(true){}</script><style>p{}</style></head><body>"
        "<p>白沙高新区位于常州市。</p><script>var s = '</scr' + 'ipt>';</script>"
        "<script type=\"text/template\"><p>赤岩科技在科创板上市</p></script>"
        "<noscript><p>雾溪高新区</p></noscript><p>云杉半导体入驻白沙高新区。</p>"
        "<script>unterminated script with 石门高新区"
    )
    write("html-scripts.html", scripts, "ok", "scripts that write text, an unterminated script, templates, noscript")
    write("html-comments.html", "<html><body><!-- 松涛高新区 --><p>白沙高新区位于常州市。</p><!-- unterminated comment 石门高新区",
          "ok", "comments, one never closed")
    write("html-only-markup.html", "<html><head><title></title></head><body>" + "<div></div><br/>" * 150 + "</body></html>",
          "refused", "HTML with tags and no text")
    write("html-entities.html",
          "<html><body><p>" + "&amp;" * 500 + "白沙高新区&nbsp;&ldquo;白沙计划&rdquo;&#x767D;&#27801;&unknown;&#;&#x;&#xZZ;&"
          + "a" * 300 + ";</p></body></html>", "ok", "entities: hundreds of &amp;, named, numeric, unknown, unterminated")
    write("html-attributes.html",
          "<html><body><p title=\"" + "<>" * 2000 + "\" data-x='白沙高新区'>云杉半导体入驻白沙高新区。</p>"
          "<img src=x onerror=alert(1)><a href=\"javascript:alert('赤岩科技')\">链接</a></body></html>", "ok",
          "huge attribute values, event handlers, javascript: links")
    write("html-malformed.html", "<<<>>><p<p>白沙高新区</p/><//><!DOCTYPE><?xml?><![CDATA[ 赤岩科技 ]]><p>园区位于常州市。", "ok",
          "malformed markup: stray angle brackets, bad closers, processing instructions, CDATA")
    write("html-svg-math.html", "<html><body><svg><text>松涛高新区</text>" + "<g>" * 1000 + "</svg><math><mi>x</mi></math>"
          "<p>白沙高新区位于常州市。</p></body></html>", "ok", "SVG with 1,000 unclosed groups and MathML")
    write("html-not-html.html", ARTICLE, "ok", "plain text named .html")
    write("html-as-txt.txt", "<!DOCTYPE html><html><body><p>白沙高新区位于常州市。</p></body></html>", "ok",
          "HTML named .txt (detected by its doctype)")
    write("html-gb18030.html", "<html><head><meta charset=\"gb2312\"></head><body><p>".encode("ascii") + gbk
          + b"</p></body></html>", "ok", "HTML in GB18030 declared by a meta tag")

    # --- IRI and RDF hostile names ------------------------------------------
    iri = (
        "白沙<script>alert(1)</script>高新区位于常州市。\n"
        "赤岩\"科技\"股份有限公司、云杉{半导体}有限公司、石门`^|\\科技有限公司入驻白沙高新区。\n"
        "白沙 %20%00%zz 高新区以新材料为主导产业。园区出台《关于\n 支持>创新<的意见》。\n"
        "松涛_:b0 <http://example.org/> 科技有限公司在科创板上市。\n"
    )
    write("iri-hostile-names.txt", iri, "ok", "names holding <, >, quotes, braces, backslashes, percent signs and IRIs")
    write("markdown.md", "# 白沙高新区\n\n```\n松涛高新区产值999亿元\n```\n\n> 引用\n\n- 赤岩科技\n- 云杉半导体\n\n| a | b |\n|---|---|\n| 白沙 | 常州 |\n"
          + ARTICLE, "ok", "Markdown: headings, code fences, quotes, lists, tables")
    write("traditional-long-line.txt", ("白沙科技城的高新技術企業數量持續增長,產業集聚效應顯現。" * 60), "ok",
          "traditional Chinese, 1,800 characters on one line")
    write("every-bmp-cjk.txt", "".join(chr(c) for c in range(0x4E00, 0x9FA6, 10)), "any",
          "every tenth CJK unified ideograph in order, on one line")

    with open(os.path.join(HERE, "MANIFEST.tsv"), "w", encoding="utf-8") as f:
        f.write("# file\texpect\twhat (written by generate.py; do not edit)\n")
        for name, expect, what in entries:
            f.write(f"{name}\t{expect}\t{what}\n")
    total = sum(os.path.getsize(os.path.join(OUT, n)) for n, _, _ in entries)
    print(f"{len(entries)} inputs, {total} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
