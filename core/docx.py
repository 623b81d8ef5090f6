"""Word (DOCX) copies of documents, for a clerk who must adjust the wording before printing.

The official record of an order stays its registered PDF: an order's DOCX (records.docx) carries
the draft mark (DRAFT_MARK) in the page header and as its first paragraph, so a printed copy never
passes for the original; the other documents (agreements, consents, letters, reports) are printed
from their DOCX as they are and carry no such mark. Built with python-docx from the same data the PDF
templates print; the layout follows documents/pdf/base.html (ГОСТ Р 7.0.97-2016): A4, margins
20 mm (30 mm on the left of a portrait page, for binding), Times New Roman, first-line indent
1.25 cm, pages numbered at the top centre from the second one (a PAGE field, so Word and LibreOffice
count the pages after the clerk's edits).
Numbers of clauses are typed text, not Word's auto-numbering, so that deleting or inserting a
clause by hand behaves as the clerk expects.
"""

import io

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from core.text import nested_quotes

DRAFT_MARK = "Черновая копия для правки. Официальный документ — зарегистрированный PDF."
DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FONT = "Times New Roman"
INDENT = Cm(1.25)

# What follows a given element in its parent, per the WordprocessingML schema (ECMA-376).
_TBLPR_AFTER_BORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription")
_TCPR_AFTER_BORDERS = ("w:shd", "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")
_TRPR_AFTER_HEADER = ("w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange")

_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def _set_font(run_or_style, size: float | None = None) -> None:
    """Times New Roman for Latin and Cyrillic alike: Word picks the font per script from rFonts."""
    run_or_style.font.name = FONT
    properties = run_or_style.element.get_or_add_rPr()
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        properties.append(fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    if size is not None:
        run_or_style.font.size = Pt(size)


def _no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    # Word rejects a file whose elements are out of the schema's order: insert, don't append.
    table._tbl.tblPr.insert_element_before(borders, *_TBLPR_AFTER_BORDERS)


def _bottom_border(cell) -> None:
    """A line to sign on."""
    properties = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    properties.insert_element_before(borders, *_TCPR_AFTER_BORDERS)


def _repeat_as_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.insert_element_before(header, *_TRPR_AFTER_HEADER)


def _page_field(paragraph, *, size: float) -> None:
    """The current page's number as Word's PAGE field (begin, instruction, separator, end): Word and
    LibreOffice compute it on every page."""
    parts = (("fldChar", "begin"), ("instrText", " PAGE "), ("fldChar", "separate"), ("fldChar", "end"))
    for tag, value in parts:
        run = paragraph.add_run()
        _set_font(run, size)
        element = OxmlElement(f"w:{tag}")
        if tag == "fldChar":
            element.set(qn("w:fldCharType"), value)
        else:
            if tag == "instrText":
                element.set(qn("xml:space"), "preserve")
            element.text = value
        run._r.append(element)


class DocxDocument:
    """A document being written: paragraphs, numbered clauses, tables and signature lines."""

    def __init__(self, *, size: float = 14, line_spacing: float = 1.15, landscape: bool = False, draft_mark: str = ""):
        self.size = size
        self.document = Document()
        section = self.document.sections[0]
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Mm(297), Mm(210)
        else:
            section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
        section.left_margin, section.right_margin = Mm(20 if landscape else 30), Mm(20)
        normal = self.document.styles["Normal"]
        _set_font(normal, size)
        normal.paragraph_format.space_before = Pt(0)
        normal.paragraph_format.space_after = Pt(0)
        normal.paragraph_format.line_spacing = line_spacing
        table_style = self.document.styles["Table Grid"]
        _set_font(table_style)
        # ГОСТ Р 7.0.97 п. 6.4: the number at the top centre, from the second page; the first page
        # has a header of its own, empty but for the draft mark.
        section.different_first_page_header_footer = True
        number = section.header.paragraphs[0]
        number.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _page_field(number, size=12)
        if draft_mark:
            for header in (section.first_page_header, section.header):
                paragraph = header.paragraphs[0] if header is section.first_page_header else header.add_paragraph()
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                run = paragraph.add_run(draft_mark)
                _set_font(run, 10)
                run.italic = True
                run.font.color.rgb = RGBColor(0x77, 0x77, 0x77)
            self.paragraph(draft_mark, align="center", bold=True, indent=False, size=11, space_after=8)

    @property
    def width(self):
        """The text's width on the current (last) section's pages."""
        section = self.document.sections[-1]
        return section.page_width - section.left_margin - section.right_margin

    def paragraph(
        self,
        text: str = "",
        *,
        align: str = "justify",
        bold: bool = False,
        italic: bool = False,
        indent: bool = True,
        size: float | None = None,
        space_before: float = 0,
        space_after: float = 0,
        left_indent=None,
        uppercase: bool = False,
        keep_with_next: bool = False,
    ):
        paragraph = self.document.add_paragraph()
        paragraph.alignment = _ALIGN[align]
        layout = paragraph.paragraph_format
        if indent:
            layout.first_line_indent = INDENT
        if left_indent is not None:
            layout.left_indent = left_indent
        layout.space_before, layout.space_after = Pt(space_before), Pt(space_after)
        layout.keep_with_next = keep_with_next
        if text:
            # Capitals typed, not a font effect: they survive a copy into any other editor.
            run = paragraph.add_run(text.upper() if uppercase else text)
            _set_font(run, size)
            run.bold, run.italic = bold, italic
        return paragraph

    def lines(self, lines, *, left_indent=None, size: float | None = None) -> None:
        """Short lines one under another (an addressee block, requisites)."""
        for line in lines:
            self.paragraph(line, align="left", indent=False, left_indent=left_indent, size=size)

    def numbered(self, items, *, space_between: float = 3) -> list:
        """«1. …», «2. …»: justified, the number inside the first-line indent like the PDF; returns the paragraphs."""
        return [
            self.paragraph(f"{number}. {item}", space_before=space_between if number > 1 else 0)
            for number, item in enumerate(items, start=1)
        ]

    def table(self, headers, rows, *, widths=None, size: float | None = 12, header_bold: bool = True):
        """A bordered table whose header row repeats on every page; `widths` in millimetres."""
        table = self.document.add_table(rows=1, cols=len(headers))
        table.style = self.document.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, text in zip(table.rows[0].cells, headers, strict=True):
            self._cell_text(cell, text, size=size, bold=header_bold, align="center")
        _repeat_as_header(table.rows[0])
        for values in rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, values, strict=True):
                self._cell_text(cell, value, size=size)
        if widths:
            self._widths(table, widths)
        return table

    def fields(self, pairs, *, size: float | None = None, label_width: float = 50) -> None:
        """«Срок: с … по …» as a borderless two-column table (label in italics, value)."""
        table = self.document.add_table(rows=0, cols=2)
        _no_borders(table)
        for label, value in pairs:
            cells = table.add_row().cells
            self._cell_text(cells[0], f"{label}:", size=size, italic=True, align="left")
            self._cell_text(cells[1], value, size=size, align="left")
        self._widths(table, [label_width, self.width / Mm(1) - label_width])

    def row(self, left: str, right: str) -> None:
        """Two ends of one line: «24.11.2026 … № 45-ОД», «г. Энск … 24.11.2026»."""
        table = self.document.add_table(rows=1, cols=2)
        _no_borders(table)
        cells = table.rows[0].cells
        self._cell_text(cells[0], left, align="left")
        self._cell_text(cells[1], right, align="right")
        half = self.width / Mm(1) / 2
        self._widths(table, [half, half])

    def signature(self, left: str, name: str, *, hint: bool = False, widths=(75, 45)):
        """A position (or a date) | a line to sign on | the name: one borderless row."""
        table = self.document.add_table(rows=2 if hint else 1, cols=3)
        _no_borders(table)
        cells = table.rows[0].cells
        self._cell_text(cells[0], left, align="left")
        _bottom_border(cells[1])
        self._cell_text(cells[2], name, align="right")
        if hint:
            hints = table.rows[1].cells
            self._cell_text(hints[1], "(подпись)", size=8, align="center")
            self._cell_text(hints[2], "(расшифровка подписи)", size=8, align="right")
        self._widths(table, [*widths, self.width / Mm(1) - sum(widths)])
        return table

    def sides(self, left: list[str], right: list[str], left_signer: str, right_signer: str) -> None:
        """Two parties side by side, each with its lines and a signature line (an agreement)."""
        rows = max(len(left), len(right))
        table = self.document.add_table(rows=rows + 1, cols=2)
        _no_borders(table)
        for index in range(rows):
            cells = table.rows[index].cells
            for cell, column in zip(cells, (left, right), strict=True):
                if index < len(column):
                    self._cell_text(cell, column[index], align="left", bold=index == 0)
        for cell, signer in zip(table.rows[rows].cells, (left_signer, right_signer), strict=True):
            cell.paragraphs[0].paragraph_format.space_before = Pt(18)
            self._cell_text(cell, f"__________________ {signer}", align="left")
        half = self.width / Mm(1) / 2
        self._widths(table, [half, half])

    def new_section(self, *, landscape: bool) -> None:
        """Go on from a new page turned as asked (an order's annex with a wide table is landscape):
        the margins as the first page's, the page numbers and headers continuing."""
        section = self.document.add_section(WD_SECTION.NEW_PAGE)
        section.different_first_page_header_footer = False  # only the document's first page is unnumbered
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Mm(297), Mm(210)
        else:
            section.orientation = WD_ORIENT.PORTRAIT
            section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin, section.right_margin = Mm(20 if landscape else 30), Mm(20)

    def page_break(self) -> None:
        self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def to_bytes(self) -> bytes:
        # Quotes within quotes the one typographic way (core.text.nested_quotes), as the PDFs print them.
        for text in self.document.element.body.iter(qn("w:t")):
            if text.text:
                text.text = nested_quotes(text.text)
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()

    # --- cells ---------------------------------------------------------------------------------

    def _cell_text(self, cell, text, *, size=None, bold=False, italic=False, align="left") -> None:
        """The value's lines as paragraphs of the cell (a newline starts a new one)."""
        lines = str(text if text is not None else "").split("\n")
        first = cell.paragraphs[0]
        for index, line in enumerate(lines):
            paragraph = first if index == 0 else cell.add_paragraph()
            paragraph.alignment = _ALIGN[align]
            if line:
                run = paragraph.add_run(line)
                _set_font(run, size)
                run.bold, run.italic = bold, italic

    def _widths(self, table, widths) -> None:
        """Column widths in millimetres, written where Word reads them (the cells) and where
        LibreOffice does (the table grid), with a fixed layout so neither re-flows them."""
        table.autofit = False
        grid = table._tbl.tblGrid
        for column, width in zip(grid.findall(qn("w:gridCol")), widths, strict=False):
            column.set(qn("w:w"), str(Mm(width).twips))
        total = table._tbl.tblPr.find(qn("w:tblW"))  # python-docx writes one into every new table
        total.set(qn("w:type"), "dxa")
        total.set(qn("w:w"), str(sum(Mm(width).twips for width in widths)))
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=False):
                cell.width = Mm(width)
