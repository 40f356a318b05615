"""python -m qa editions DOC: two editions of one title compared article by article."""
from __future__ import annotations

import argparse
import json

from argparse_zh import Parser
from qa.cli.common import CliError, add_common_options, library_config, reports_errors
from qa.editions import CHANGED, SAME, ArticleChange, compare_editions, edition_pair, editions, marked

EXAMPLES = """示例：
  python -m qa editions 促进法                 # 最新版本与上一版本逐条对照
  python -m qa editions 促进法 --old law_2019.txt --changes-only
  python -m qa editions 促进法 --json"""


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="python -m qa editions", epilog=EXAMPLES,
                    description="同名文件的两个版本逐条对照：相同、修改（差异用【】标出）、新增、删除。\n"
                                "默认对照最新版本与上一版本；DOC 为旧版本时对照它与最新版本。")
    parser.add_argument("doc", metavar="DOC", help="文件编号 doc_id、文件名，或标题片段（与同名文件的各版本都相符时取最新版本）；"
                        "给出旧版本时与最新版本对照")
    parser.add_argument("--old", metavar="DOC", help="与最新版本对照的旧版本（默认上一版本）")
    parser.add_argument("--changes-only", action="store_true", help="只列出有改动的条款")
    add_common_options(parser, doc_filter=False)
    return parser


@reports_errors
def main(argv: list[str]) -> int:
    from ingest.pipeline import one_document
    from ingest.readers import IngestError
    from ingest.store import Store

    args = build_parser().parse_args(argv)
    store = Store(library_config(args.data).store_path)
    try:
        named = _named(store, args.doc)
        pair = edition_pair(store.documents(), named, one_document(store, args.old) if args.old else None)
    except IngestError as error:
        raise CliError(f"错误：{error}") from error
    if pair is None:
        raise CliError(f"《{named.title}》在文库中只有这一个版本，没有可对照的版本。")
    old, new = pair
    changes = compare_editions(store.clauses([old.doc_id]), store.clauses([new.doc_id]))
    shown = [c for c in changes if c.change != SAME] if args.changes_only else changes
    if args.json:
        print(json.dumps({"old": old.details(), "new": new.details(), "changes": [c.to_json() for c in shown]},
                         ensure_ascii=False, indent=2))
    else:
        print(render(old, new, changes, shown))
    return 0


def _named(store, text: str):
    """The document text names; the newest when every document it matches has one title (its editions)."""
    from ingest.pipeline import one_document
    from ingest.validity import same_title

    matches = store.find_documents(text)
    if matches and len({same_title(d.title) for d in matches}) == 1:
        return editions(matches, matches[0])[-1]
    return one_document(store, text)


def render(old, new, changes: list[ArticleChange], shown: list[ArticleChange]) -> str:
    counts = {kind: sum(c.change == kind for c in changes) for kind in ("修改", "新增", "删除", "相同")}
    lines = [f"《{new.title}》 {_edition(old)} → {_edition(new)}："
             + "，".join(f"{kind} {count} 条" for kind, count in counts.items())]
    for change in shown:
        lines += [""] + _change_lines(change)
    return "\n".join(lines)


def _edition(document) -> str:
    when = document.date_effective or document.date_published or document.date_written
    return f"{when or '日期不详'} 版（{document.source}）"


def _change_lines(change: ArticleChange) -> list[str]:
    where = " → ".join(c.clause for c in (change.old, change.new) if c)
    if change.change == CHANGED:
        old_text, new_text = marked(change.old.text, change.new.text)
        return [f"{change.change}  {where}", f"  旧：{_flat(old_text)}", f"  新：{_flat(new_text)}"]
    article = change.new or change.old
    return [f"{change.change}  {where}", f"  {_flat(article.text)}"]


def _flat(text: str) -> str:
    return " ".join(text.split())
