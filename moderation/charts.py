"""Server-rendered SVG bar charts for the yearly figures: no scripts, readable without colour
(values are written next to each bar) and described by a <title> and <desc> for screen readers."""

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join

BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 260
BAR_AREA = 320
VALUE_WIDTH = 60


@dataclass
class Bar:
    label: str
    value: int


def bar_chart(title, bars, chart_id):
    """A horizontal bar chart as inline SVG markup (safe HTML)."""
    bars = list(bars)
    top = max([b.value for b in bars] + [1])
    height = max(len(bars), 1) * (BAR_HEIGHT + GAP) + GAP
    width = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH
    rows = []
    for index, bar in enumerate(bars):
        y = GAP + index * (BAR_HEIGHT + GAP)
        length = round(BAR_AREA * bar.value / top) if bar.value else 0
        rows.append(
            (
                y + BAR_HEIGHT * 0.7,
                bar.label,
                LABEL_WIDTH,
                y,
                length,
                BAR_HEIGHT,
                LABEL_WIDTH + length + 6,
                y + BAR_HEIGHT * 0.7,
                bar.value,
            )
        )
    description = "; ".join(f"{b.label}: {b.value}" for b in bars)
    body = format_html_join(
        "",
        '<text x="0" y="{}" class="queue-chart__label">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" class="queue-chart__bar"></rect>'
        '<text x="{}" y="{}" class="queue-chart__value">{}</text>',
        rows,
    )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" class="queue-chart" '
        'viewBox="0 0 {w} {h}" width="{w}" height="{h}" aria-labelledby="{id}-t {id}-d">'
        '<title id="{id}-t">{title}</title><desc id="{id}-d">{desc}</desc>{body}</svg>',
        w=width,
        h=height,
        id=chart_id,
        title=title,
        desc=description,
        body=body,
    )
