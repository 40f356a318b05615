"""The targets comparison table as HTML: one row per indicator, one column per document that has a target in
it; each value cites its clause (tooltip) and opens it in 阅读 on a click; a header click sorts by number.

Every text here comes from documents, so all of it passes through html.escape."""
from __future__ import annotations

import re
from html import escape

from qa.targets import ComparisonRow, ComparisonTable, Target, cell_value, cell_when

_SCALE = {"万": 1e4, "亿": 1e8}

# The sort runs in the page: numbers compare as numbers in the row's base unit, blanks always last, and rows
# of one unit kind stay together (a % never sorts between two 万千瓦), whichever way the column is sorted.
SORT_JS = """
const open = (a) => trigger('click', {clause: a.dataset.clause, terms: a.dataset.terms || ''});
element.addEventListener('click', (e) => {
  const a = e.target.closest('a[data-clause]');
  if (a) { e.preventDefault(); open(a); return; }
  const th = e.target.closest('th[data-col]'); if (!th) return;
  const table = th.closest('table'), body = table.tBodies[0], col = +th.dataset.col;
  const down = th.getAttribute('aria-sort') === 'ascending';
  table.querySelectorAll('th[data-col]').forEach((h) => h.removeAttribute('aria-sort'));
  th.setAttribute('aria-sort', down ? 'descending' : 'ascending');
  const sign = down ? -1 : 1, cell = (row) => row.cells[col];
  const rows = [...body.rows].sort((x, y) => {
    const a = cell(x), b = cell(y), blankA = a.dataset.num === undefined && col > 0,
          blankB = b.dataset.num === undefined && col > 0;
    if (blankA !== blankB) return blankA ? 1 : -1;
    if (col === 0) return sign * a.innerText.localeCompare(b.innerText, 'zh-CN');
    if (blankA) return 0;
    const kinds = x.dataset.kind.localeCompare(y.dataset.kind);
    return kinds || sign * (+a.dataset.num - +b.dataset.num);
  });
  rows.forEach((row) => body.appendChild(row));
});
"""


def base_amount(target: Target) -> float | None:
    """The value in the unit without its 万 / 亿 (80万千瓦 → 800000), so one row's values compare as numbers."""
    try:
        number = float(target.value)
    except ValueError:
        return None
    return number * _SCALE.get(target.unit[:1], 1.0) if len(target.unit) > 1 else number


def target_link(target: Target) -> str:
    """One value with its year, e.g. 力争45%（2030）; the tooltip cites the clause, a click opens it."""
    when = cell_when(target)
    text = cell_value(target) + (f"（{when}）" if when else "")
    tip = f"{target.citation}：{target.text}\n点击在“阅读”中打开该条款"
    return (f'<a href="#" class="target" data-clause="{escape(target.clause_id, quote=True)}" '
            f'data-terms="{escape(target.value + target.unit, quote=True)}" title="{escape(tip, quote=True)}">'
            f'{escape(text)}</a>')


def cell_html(row: ComparisonRow, document: str) -> str:
    targets = row.cells.get(document, [])
    if not targets:
        return "<td></td>"
    number = base_amount(targets[0])
    sort = f' data-num="{number:g}"' if number is not None else ""
    return f'<td{sort}>{"；".join(target_link(t) for t in targets)}</td>'


def header_html(documents: list[str]) -> str:
    """A one-line header: each title cut short on screen, whole in its tooltip."""
    cells = ['<th data-col="0" title="点击按指标名排序">指标</th>']
    cells += [f'<th data-col="{i}" title="{escape(title, quote=True)}（点击按数值排序）">'
              f'<span class="th-title">{escape(short_title(title))}</span></th>'
              for i, title in enumerate(documents, start=1)]
    return f"<thead><tr>{''.join(cells)}</tr></thead>"


def short_title(title: str) -> str:
    """The title without the 《》 and the (试行)/(2022-2025) at its end; CSS cuts what is still too long."""
    return re.sub(r"[（(][^）)]*[）)]$", "", title.strip("《》")) or title


def targets_html(table: ComparisonTable) -> str:
    if not table.rows:
        return '<p class="empty">没有在两份以上文件中都出现的指标；取消“只看多份文件共有的指标”可查看全部。</p>'
    rows = "".join(f'<tr data-kind="{escape(row.unit_kind, quote=True)}"><th scope="row">{escape(row.indicator)}</th>'
                   f'{"".join(cell_html(row, d) for d in table.documents)}</tr>' for row in table.rows)
    note = '<p class="targets-note">点击表头按数值排序（空白排在最后，不同单位的指标分开排）；点击数值在“阅读”中打开出处。</p>'
    return f'{note}<div class="targets-scroll"><table class="targets">{header_html(table.documents)}<tbody>{rows}</tbody></table></div>'
