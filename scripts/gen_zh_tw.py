#!/usr/bin/python3
"""Writes src/lang/texts_zh_TW.cpp (Traditional Chinese, Taiwan) from texts_zh_CN.cpp.

Each string literal is converted with OpenCC's s2twp configuration (Simplified to
Traditional with Taiwan phrasing: 数据 -> 資料, 默认 -> 預設); everything else is copied.
Review the result by hand before committing. Needs the `opencc` command (apt-get install
opencc). Run it again whenever texts_zh_CN.cpp changes; tests/lang fails while a message has
no Traditional Chinese text.
"""
import pathlib
import re
import subprocess
import sys

LANG = pathlib.Path(__file__).resolve().parent.parent / "src" / "lang"
LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')

# Spreadsheet words differ beyond the script: in Taiwan a row is 列 and a column is 欄, where
# mainland Chinese says 行 and 列. Applied in order after OpenCC: columns first, then rows;
# 列出 (to list) and 序列 (a series) stay. Add a phrase here when a new text needs one.
TAIWAN_SPREADSHEET_TERMS = [
    ("表格第 %2 列", "表格第 %2 欄"), ("第 %2 行", "第 %2 列"), ("第 %3 行", "第 %3 列"),
    ("一箇中間", "一個中間"),  # the findings: a table column, a row; OpenCC's 箇
    ("每期一列", "每期一欄"), ("每個期間一列", "每個期間一欄"), ("數值列", "數值欄"),
    ("判定列", "判定欄"), ("因果列", "因果欄"), ("原有的列", "原有的欄"), ("空列", "空欄"),
    ("普通列", "普通欄"), ("檢驗列", "檢驗欄"), ("貢獻列", "貢獻欄"), ("檢查列", "檢查欄"),
    ("樹列", "樹欄"), ("一列，", "一欄，"), ("一行或一列", "一列或一欄"),
    ("名稱列", "名稱欄"), ("兩列", "兩欄"), ("對應的列", "對應的欄"), ("該列轉換", "該欄轉換"),
    ("資料 ▸ 分列", "資料 ▸ 資料剖析"),  # Text to Columns in Excel and LibreOffice zh-TW
    ("每行", "每列"), ("按行", "按列"), ("各行", "各列"), ("的行為空", "的列為空"),
    ("那一行", "那一列"), ("一行標題", "一列標題"), ("一行三個", "一列三個"),
    ("單元格", "儲存格"), ("返回", "傳回"),  # Excel and LibreOffice zh-TW: 儲存格, 傳回
    ("支援", "支持"),  # s2twp reads 支持 as technical support; here it is evidence
    ("每一行傳回一行", "每一列傳回一列"), ("同樣多的行", "同樣多的列"), ("選中", "選取"),
    ("型別", "類型"), ("幫助", "說明"), ("示例", "範例"), ("佔一行", "佔一列"),
    ("單擊", "按一下"), ("分析塊", "分析區塊"),  # Taiwan UI words: click, a block of cells
    ("“", "「"), ("”", "」"),  # Taiwan's quotation marks; Help is 說明 in LibreOffice zh-TW  # s2twp's programming word; a KPI's kind (flow, stock) is a 類型
]


def convert(texts):
    """Converts a list of one-line texts with one opencc call (one text per line)."""
    out = subprocess.run(["opencc", "-c", "s2twp.json"], input="\n".join(texts) + "\n",
                         capture_output=True, text=True, check=True).stdout
    lines = out.split("\n")[:len(texts)]
    if len(lines) != len(texts):
        sys.exit("opencc changed the number of lines")
    return [taiwan_terms(line) for line in lines]


def taiwan_terms(text):
    for mainland, taiwan in TAIWAN_SPREADSHEET_TERMS:
        text = text.replace(mainland, taiwan)
    return text


def main():
    source = (LANG / "texts_zh_CN.cpp").read_text(encoding="utf-8")
    body_start = source.index("const Entry")
    head, body = source[:body_start], source[body_start:]
    literals = LITERAL.findall(body)  # escapes (\n, \") stay escaped: one line each
    converted = iter(convert(literals))
    body = LITERAL.sub(lambda m: '"' + next(converted) + '"', body)
    head = head.replace("Simplified Chinese (zh-CN)", "Traditional Chinese (zh-TW)")
    head = head.replace("#include", "// Generated from texts_zh_CN.cpp by scripts/gen_zh_tw.py "
                        "(OpenCC s2twp), reviewed by hand.\n#include", 1)
    body = body.replace("zh_CN_", "zh_TW_")
    target = LANG / "texts_zh_TW.cpp"
    target.write_text(head + body, encoding="utf-8")
    subprocess.run(["clang-format", "-i", str(target)], check=True)  # as ctest style.format wants


if __name__ == "__main__":
    main()
