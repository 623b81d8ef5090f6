"""Staff lists crafted to cost a reader far more than their size: each builder returns (file name,
bytes). The import's tests refuse them; benchmarks/import_files.py measures the refusal."""

import io
import struct
import zipfile
from collections.abc import Iterable

from openpyxl import Workbook

HEADER = ["Табельный номер", "Фамилия", "Имя", "Отчество", "Должность"]
SHEET = "xl/worksheets/sheet1.xml"
MB = 1024 * 1024


def _template() -> bytes:
    workbook = Workbook()
    workbook.active.append(["x"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _cells(values: Iterable[str]) -> str:
    return "".join(f'<c t="inlineStr"><is><t>{value}</t></is></c>' for value in values)


def header_row() -> bytes:
    return f'<row r="1">{_cells(HEADER)}</row>'.encode()


def person_row(number: int) -> bytes:
    return f'<row r="{number}">{_cells([str(number), "Иванова", "Мария", "Петровна", "Воспитатель"])}</row>'.encode()


def xlsx_with_sheet(rows: Iterable[bytes], *, dimension: str = "", tail: bytes = b"</sheetData></worksheet>") -> bytes:
    """A workbook openpyxl saved, its first sheet replaced by `rows`, written (and packed) as they come,
    so that a sheet of hundreds of megabytes never sits in memory. `dimension` is the range the sheet
    says it spans, as Excel writes it; without one, openpyxl reads the whole sheet on opening the file
    to learn its size."""
    template = zipfile.ZipFile(io.BytesIO(_template()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for part in template.infolist():
            if part.filename != SHEET:
                archive.writestr(part, template.read(part.filename))
                continue
            with archive.open(SHEET, "w") as sheet:
                sheet.write(
                    b'<?xml version="1.0" encoding="UTF-8"?>'
                    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                )
                if dimension:
                    sheet.write(f'<dimension ref="{dimension}"/>'.encode())
                sheet.write(b"<sheetData>")
                for row in rows:
                    sheet.write(row)
                sheet.write(tail)
    return buffer.getvalue()


def xlsx_bomb() -> tuple[str, bytes]:
    """A header, then 150 MB of one row repeated: about 150 KB packed."""
    chunk = person_row(2).replace(b' r="2"', b"") * (MB // len(person_row(2)))
    return "bomb.xlsx", xlsx_with_sheet([header_row(), *[chunk] * 150])


def xlsx_rows(count: int, *, then_broken: bool = False) -> tuple[str, bytes]:
    """A header and `count` people, as Excel writes them; `then_broken` ends the sheet with XML no
    parser accepts, so that reading it to its end fails."""
    rows = (person_row(number) for number in range(2, count + 2))
    tail = b"<row><c><v>1</v></c></broken>" if then_broken else b"</sheetData></worksheet>"
    return "rows.xlsx", xlsx_with_sheet([header_row(), *rows], dimension=f"A1:E{count + 1}", tail=tail)


def xlsx_million_blank_rows() -> tuple[str, bytes]:
    """A header, then a million empty rows (a few kilobytes packed)."""
    return "blank.xlsx", xlsx_with_sheet([header_row(), b"<row/>" * 1_000_000])


def xlsx_last_row_far_down() -> tuple[str, bytes]:
    """A header and one cell in row 1,000,000: a reader fills in the 999,998 rows between."""
    return "far.xlsx", xlsx_with_sheet([header_row(), b'<row r="1000000"><c t="inlineStr"><is><t>x</t></is></c></row>'])


def xlsx_numbered_blank_rows(count: int = 290_000) -> tuple[str, bytes]:
    """A header and `count` empty rows, each numbered: packs only about 10 times, so in proportion."""
    rows = (f'<row r="{number}"/>'.encode() for number in range(2, count + 2))
    return "numbered.xlsx", xlsx_with_sheet([header_row(), *rows])


def xlsx_wide_row(cells: int = 500_000) -> tuple[str, bytes]:
    """A header, then one row of `cells` styled empty cells with varied styles, so that it packs only
    a few times: a parser builds the whole row at once."""
    styles = b"".join(f'<c s="{number % 997}"/>'.encode() for number in range(cells))
    return "wide.xlsx", xlsx_with_sheet([header_row(), b'<row r="2">', styles, b"</row>"])


def xlsx_many_cells(rows: int = 9000, cells: int = 17) -> tuple[str, bytes]:
    """A header and `rows` rows of `cells` numbers each: every row and every part in proportion, but
    more cells in all than a list of people has."""
    body = (
        f'<row r="{row}">{"".join(f"<c><v>{row * cells + cell}</v></c>" for cell in range(cells))}</row>'.encode()
        for row in range(2, rows + 2)
    )
    return "cells.xlsx", xlsx_with_sheet([header_row(), *body])


def xlsx_many_parts(count: int = 40_000) -> tuple[str, bytes]:
    """A workbook and `count` empty parts more: 4.3 MB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_template())) as template, zipfile.ZipFile(buffer, "w") as archive:
        for part in template.infolist():
            archive.writestr(part, template.read(part.filename))
        for number in range(count):
            archive.writestr(f"xl/media/{number}.bin", b"")
    return "parts.xlsx", buffer.getvalue()


def xlsx_understated_size() -> tuple[str, bytes]:
    """A sheet of 20 MB whose ZIP entry says it unpacks to 1 KB (the central directory is rewritten)."""
    content = bytearray(xlsx_with_sheet([header_row(), *[person_row(2) * 1000] * 60]))
    entry = content.find(b"PK\x01\x02")
    while entry >= 0:
        name_length = struct.unpack_from("<H", content, entry + 28)[0]
        if content[entry + 46 : entry + 46 + name_length] == SHEET.encode():
            struct.pack_into("<I", content, entry + 24, 1024)
        entry = content.find(b"PK\x01\x02", entry + 4)
    return "understated.xlsx", bytes(content)


def not_a_zip() -> tuple[str, bytes]:
    return "staff.xlsx", "Табельный номер;Фамилия;Имя;Должность\r\n".encode("cp1251")


def csv_blank_lines() -> tuple[str, bytes]:
    """A header, then 4.8 MB of empty lines."""
    return "blank.csv", "Табельный номер;Фамилия;Имя;Должность\r\n".encode() + b"\r\n" * (int(4.8 * MB) // 2)


def csv_separators_only() -> tuple[str, bytes]:
    """A header, then rows of separators only, as Excel saves rows it has formatted but left empty."""
    return "separators.csv", "Табельный номер;Фамилия;Имя;Должность\r\n".encode() + b";;;\r\n" * (int(4.8 * MB) // 5)


def csv_long_field() -> tuple[str, bytes]:
    """A header and a row whose name is a single field of 1 MB."""
    return (
        "field.csv",
        "Табельный номер;Фамилия;Имя;Должность\r\n1;".encode() + b"A" * MB + ";Мария;Воспитатель\r\n".encode(),
    )


def csv_wide_row() -> tuple[str, bytes]:
    """A header and a row of 2.4 million one-letter fields (5 MB less a little)."""
    return "wide.csv", "Табельный номер;Фамилия;Имя;Должность\r\n".encode("cp1251") + "я;".encode("cp1251") * (
        int(4.8 * MB) // 2
    )


CRAFTED = {
    "an XLSX of 150 MB unpacked (a ZIP bomb)": xlsx_bomb,
    "an XLSX of a million empty rows": xlsx_million_blank_rows,
    "an XLSX whose one cell is in row 1,000,000": xlsx_last_row_far_down,
    "an XLSX of 290,000 numbered empty rows": xlsx_numbered_blank_rows,
    "an XLSX with a row of 500,000 cells": xlsx_wide_row,
    "an XLSX of 9,000 rows of 17 numbers": xlsx_many_cells,
    "an XLSX of 40,000 parts": xlsx_many_parts,
    "an XLSX whose sheet says 1 KB and unpacks to 20 MB": xlsx_understated_size,
    "an XLSX of 6,000 people": lambda: xlsx_rows(6000),
    "a text file named .xlsx": not_a_zip,
    "a CSV of 4.8 MB empty lines": csv_blank_lines,
    "a CSV of 4.8 MB rows of separators": csv_separators_only,
    "a CSV with a 1 MB field": csv_long_field,
    "a CSV with a row of 2.4 million fields": csv_wide_row,
}
