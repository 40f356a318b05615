"""python -m ui: serve the policy QA web app (ingesting corpus/ first when the data folder is empty)."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from argparse_zh import Parser
from config import Config, load_config

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = Parser(prog="python -m ui", description="启动政策文件智能问答网页。数据文件夹为空时，先导入 corpus/ 中的示例文件。")
    parser.add_argument("--data", default=None, metavar="DIR",
                        help="数据文件夹（默认 data/，或环境变量 POLICY_QA_DATA_DIR）；须已存在，可用 python -m ingest 新建")
    parser.add_argument("--host", default="127.0.0.1",
                        help="监听地址（默认 127.0.0.1，只有本机能访问；0.0.0.0 向网络开放）")
    parser.add_argument("--port", type=int, default=7860, help="端口（默认 7860）")
    parser.add_argument("--auth", default=None, metavar="USER:PASS",
                        help="要求用此用户名和密码登录（默认取 POLICY_QA_AUTH，未设置则不要求登录）")
    parser.add_argument("--model", default=None, metavar="NAME_OR_PATH",
                        help="sentence-transformers 语义模型名或本机模型文件夹（默认取 POLICY_QA_MODEL 或 config.py）")
    return parser.parse_args(argv)


def missing_folder(config: Config) -> str:
    """The app creates no data folder: ingest does, so a mistyped --data is not served empty."""
    folder = config.data_dir
    return (f"数据文件夹 {folder} 不存在。请先导入文件：python -m ingest 文件或文件夹 --data {folder}"
            f"（例如 python -m ingest corpus/ --data {folder}），再运行 python -m ui --data {folder}。")


def first_start(config) -> None:
    """An empty data folder gets the shipped corpus, with progress in the terminal."""
    from ingest.pipeline import ingest_paths
    from ingest.store import Store
    from ui.actions import writing_to

    store = Store(config.store_path)
    try:
        if store.documents():
            return
        print(f"数据文件夹 {config.data_dir} 为空：正在导入 {CORPUS} …", flush=True)
        with writing_to(config.data_dir):
            report = ingest_paths([CORPUS], store, show_progress=True)
        for name, reason in report.failures:
            print(f"  未能导入 {name}：{reason}", file=sys.stderr)
    finally:
        store.close()


def open_engine(config):
    """The engine over the data folder, the corpus ingested first if it is empty."""
    from qa.engine import Engine

    first_start(config)
    print("正在加载索引（首次启动会建立索引）…", flush=True)
    engine = Engine.open(config, defer_vectors=True)  # serve at once; neural vectors follow
    print(f"检索模式：{engine.mode}", flush=True)
    if engine.fill_vectors_in_background(progress=True):
        print(f"正在后台计算 {engine.pending_vectors} 条条款的语义向量，期间按关键词检索。", flush=True)
    return engine


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    config = load_config(args.data, model=args.model)
    if not config.data_dir.is_dir():
        print(missing_folder(config), file=sys.stderr)
        return 1
    from ui import server

    try:
        auth = server.parse_auth(args.auth or os.environ.get("POLICY_QA_AUTH"))
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    server.prepare_environment(config)  # before gradio is imported
    try:
        engine = open_engine(config)
    except Exception as error:  # the library's message says what is wrong and what to do
        print(f"无法启动：{type(error).__name__}: {error}", file=sys.stderr)
        return 1
    if not server.is_loopback(args.host) and auth is None:
        print(f"注意：服务对网络开放（{args.host}）且未设置登录；建议加 --auth USER:PASS。", file=sys.stderr)
    from ui.app import build_app
    from ui.live import start_watching

    start_watching(engine)  # documents ingested from the command line are found without a restart
    server.serve(build_app(engine, config), config, args.host, args.port, auth)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
