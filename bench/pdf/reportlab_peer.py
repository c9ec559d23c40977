#!/usr/bin/env python3
"""Peer benchmark for the PDF module: typesets the same sample document with ReportLab's platypus
(the established Python PDF typesetter: paragraphs, tables with a repeated header row, a table of
contents with page numbers by multi-pass build, bookmarks, "pagina N van M").

Usage: reportlab_peer.py DOCUMENT.json OUTPUT.pdf [REPEAT]
DOCUMENT.json comes from `bench-pdf --json` (bench/pdf/run.sh). Prints pages and the mean time per document.
Needs: pip install reportlab
"""
import json
import sys
import time

try:
    from reportlab.graphics.shapes import Drawing, Rect, String
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen import canvas
    from reportlab.platypus import (BaseDocTemplate, Frame, ListFlowable, ListItem, PageBreak, PageTemplate,
                                    Paragraph, Spacer, Table, TableStyle)
    from reportlab.platypus.tableofcontents import TableOfContents
except ImportError:
    sys.exit("reportlab is not installed: pip install reportlab")

W, H = A4
ACCENT = colors.Color(0, 0.33, 0.55)
BODY = ParagraphStyle("body", fontName="Times-Roman", fontSize=10.5, leading=14.2, alignment=TA_JUSTIFY,
                      spaceBefore=6)
HEADINGS = {1: ParagraphStyle("h1", fontName="Helvetica-Bold", fontSize=20, leading=24, textColor=ACCENT,
                              spaceAfter=12),
            2: ParagraphStyle("h2", fontName="Helvetica-Bold", fontSize=14, leading=17, textColor=ACCENT,
                              spaceBefore=18, spaceAfter=5),
            3: ParagraphStyle("h3", fontName="Helvetica-Bold", fontSize=12, leading=14.4, spaceBefore=12,
                              spaceAfter=4)}
CELL = ParagraphStyle("cell", fontName="Helvetica", fontSize=9.5, leading=12)


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def markup(runs):
    out = []
    for run in runs:
        t = escape(run["text"])
        if run.get("bold"):
            t = f"<b>{t}</b>"
        if run.get("italic"):
            t = f"<i>{t}</i>"
        if "url" in run:
            t = f'<a href="{escape(run["url"])}" color="#00548c">{t}</a>'
        if "anchor" in run:
            t = f'<a href="#{run["anchor"]}" color="#00548c">{t}</a>'
        out.append(t)
    return "".join(out)


class NumberedCanvas(canvas.Canvas):
    """Keeps every page until the end, so the footer can say how many pages there are."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages = []

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            if self._pageNumber > 1:
                self.setFont("Helvetica", 8.5)
                self.drawRightString(W - 68, 40, f"pagina {self._pageNumber} van {total}")
            super().showPage()
        super().save()


class ReportDocument(BaseDocTemplate):
    def __init__(self, path, data):
        super().__init__(path, pagesize=A4, leftMargin=68, rightMargin=68, topMargin=72, bottomMargin=72,
                         title=data["title"], author=data["author"], lang="nl-NL")
        self.header = data["header"]
        self.cover = data["cover"]
        frame = Frame(68, 72, W - 136, H - 144, id="flow", leftPadding=0, rightPadding=0, topPadding=0,
                      bottomPadding=0)
        self.addPageTemplates([PageTemplate("page", [frame], onPage=self.decorate)])

    def decorate(self, canv, doc):
        if doc.page == 1:
            canv.setFillColor(ACCENT)
            canv.rect(0, H * 0.55, W, H * 0.45, stroke=0, fill=1)
            canv.setFillColor(colors.white)
            canv.setFont("Helvetica-Bold", 32)
            canv.drawString(68, H * 0.7, self.cover["title"])
            canv.setFont("Helvetica", 16)
            canv.drawString(68, H * 0.7 - 30, self.cover["subtitle"])
            return
        canv.setFont("Helvetica", 8.5)
        canv.setFillColor(colors.grey)
        canv.drawString(68, H - 44, self.header)
        canv.line(68, H - 50, W - 68, H - 50)

    def afterFlowable(self, flowable):
        level = getattr(flowable, "heading_level", None)
        if level is None:
            return
        key = flowable.heading_key
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(flowable.getPlainText(), key, level=level - 1)
        if level <= 2:
            self.notify("TOCEntry", (level - 1, flowable.getPlainText(), self.page, key))


def story(data):
    flow = [PageBreak()]  # the cover is page 1
    counters = [0] * 10
    for index, block in enumerate(data["blocks"]):
        kind = block["type"]
        if kind == "toc":
            toc = TableOfContents()
            toc.levelStyles = [ParagraphStyle("t1", fontName="Helvetica-Bold", fontSize=11, leading=16),
                               ParagraphStyle("t2", fontName="Helvetica", fontSize=10.5, leading=15, leftIndent=16)]
            flow += [Paragraph(block["title"], HEADINGS[1]), toc, PageBreak()]
        elif kind == "heading":
            level = min(max(block["level"], 1), 3)
            text = block["text"]
            if block.get("numbered", True):
                counters[level] += 1
                for deeper in range(level + 1, 10):
                    counters[deeper] = 0
                text = ".".join(str(max(c, 1)) for c in counters[1:level + 1]) + " " + text
            if level == 1 and len(flow) > 1 and not isinstance(flow[-1], PageBreak):
                flow.append(PageBreak())
            p = Paragraph(escape(text), HEADINGS[level])
            p.heading_level = level
            p.heading_key = block.get("anchor", f"h{index}")
            p.keepWithNext = True
            flow.append(p)
        elif kind == "paragraph":
            flow.append(Paragraph(markup(block["runs"]), BODY))
        elif kind == "list":
            def make(lst):
                items = []
                for item in lst["items"]:
                    content = [Paragraph(markup(item["runs"]), BODY)]
                    if "children" in item:
                        content.append(make(item["children"]))
                    items.append(ListItem(content))
                return ListFlowable(items, bulletType="1" if lst["ordered"] else "bullet")
            flow.append(make(block))
        elif kind == "table":
            if block["caption"]:
                flow.append(Paragraph(f"<b>{escape(block['caption'])}</b>", BODY))
            rows = [[Paragraph(f"<b>{escape(c)}</b>", CELL) for c in r] for r in block["header"]]
            rows += [[Paragraph(escape(c), CELL) for c in r["cells"]] for r in block["rows"]]
            table = Table(rows, repeatRows=len(block["header"]))
            table.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, 0), ACCENT),
                                       ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.lightgrey),
                                       ("ALIGN", (1, 1), (-1, -1), "RIGHT")]))
            flow.append(table)
        elif kind == "chart":
            bars = block["bars"]
            height = 20 + 18 * len(bars)
            drawing = Drawing(W - 136, height)
            drawing.add(String(0, height - 12, block["title"], fontName="Helvetica-Bold", fontSize=10.5))
            top = max([b["value"] for b in bars] + [1])
            for i, bar in enumerate(bars):
                y = height - 34 - 18 * i
                drawing.add(String(0, y + 3, bar["label"], fontName="Helvetica", fontSize=9.5))
                drawing.add(Rect(160, y, 220 * bar["value"] / top, 12, fillColor=ACCENT, strokeColor=None))
                drawing.add(String(W - 136, y + 3, bar["valueLabel"], fontName="Helvetica", fontSize=9.5,
                                   textAnchor="end"))
            flow += [Spacer(1, 9), drawing]
        elif kind == "pagebreak":
            flow.append(PageBreak())
        elif kind == "anchor":
            flow.append(Paragraph(f'<a name="{block["name"]}"/>', BODY))
    return flow


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        data = json.load(f)
    repeat = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    start = time.perf_counter()
    cpu_start = time.process_time()
    for _ in range(repeat):
        document = ReportDocument(sys.argv[2], data)
        document.multiBuild(story(data), canvasmaker=NumberedCanvas)
    seconds = (time.perf_counter() - start) / repeat
    cpu = (time.process_time() - cpu_start) / repeat
    print(f"{sys.argv[2]}: {document.page} pages, {seconds * 1000:.2f} ms per document (CPU {cpu * 1000:.2f} ms)")


if __name__ == "__main__":
    main()
