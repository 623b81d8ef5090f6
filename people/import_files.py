"""Reading an uploaded staff list (XLSX or CSV) row by row, at a cost bounded by the limits below.

A file is at most 5 MB, but 5 MB can unpack to hundreds of megabytes (an XLSX is a ZIP of XML),
parse into millions of objects (one row of a million cells, a million blank rows) or decode into
millions of CSV fields. So nothing here reads a file whole: rows come one at a time, reading stops at
the first limit met, and an XLSX is measured before openpyxl opens it, since openpyxl reads some
parts whole at once (shared strings, styles, every sheet that states no size, each row it yields).
"""

import codecs
import csv
import io
import re
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path

MAX_IMPORT_ROWS = 5000
# A list has a blank row here and there; thousands of them are not a list of people.
MAX_BLANK_ROWS = MAX_IMPORT_ROWS
HEADER_ROWS = 10  # the header is looked for among the top rows
# More rows than a list the import accepts can have (so the first sheet's would be refused when read).
MAX_SHEET_ROWS = HEADER_ROWS + MAX_IMPORT_ROWS + MAX_BLANK_ROWS
# Cells read from a row of an XLSX; a header further right is not looked for.
MAX_IMPORT_COLUMNS = 100
# One CSV row (a record, quoted line breaks included); the csv module builds a whole record at once.
MAX_CSV_RECORD = 64 * 1024
# What an XLSX of MAX_IMPORT_ROWS people needs at most, with room to spare: such a list of 13 columns
# is about 5 MB and 200,000 XML elements unpacked, in a dozen parts.
MAX_XLSX_PARTS = 1000
MAX_XLSX_UNPACKED = 50 * 1024 * 1024
MAX_XLSX_RATIO = 100  # for a part of more than MAX_XLSX_RATIO_FROM unpacked; XML of a real table packs 5-20 times
MAX_XLSX_RATIO_FROM = 1024 * 1024
MAX_XLSX_ELEMENTS = 300_000
# Elements a parser holds at once: one row of a sheet, one shared string, or a stretch outside them.
MAX_XLSX_GROUP = 20_000

XLSX_DAMAGED = (
    "Файл повреждён или это не таблица Excel (XLSX). Откройте его в Excel и сохраните заново "
    "как «Книга Excel (*.xlsx)»."
)


class ImportFileError(Exception):
    """The file as a whole cannot be read (wrong type, damaged, out of proportion, empty, no header)."""


def open_table(name: str, content: bytes) -> Iterator[tuple[int, Sequence]]:
    """The file's rows as (line number, cells), read one at a time; close it when done. A row has at
    most MAX_IMPORT_COLUMNS cells from an XLSX; a CSV row is refused past MAX_CSV_RECORD characters."""
    suffix = Path(name).suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(content)
    if suffix in (".csv", ".txt"):
        return _read_csv(content)
    raise ImportFileError("Загрузите таблицу в формате XLSX или CSV (из Excel: «Сохранить как» → «CSV»).")


def _figure(number: int) -> str:
    return f"{number:,}".replace(",", " ")


# --- XLSX -----------------------------------------------------------------------------------------


def _read_xlsx(content: bytes) -> Iterator[tuple[int, tuple]]:
    from openpyxl import load_workbook

    _measure_xlsx(content)
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
    except Exception as error:  # openpyxl raises many kinds for a damaged or renamed file
        raise ImportFileError(XLSX_DAMAGED) from error
    try:
        # max_col: a row comes as that many cells, whatever width the sheet claims for itself.
        yield from enumerate(sheet.iter_rows(max_col=MAX_IMPORT_COLUMNS, values_only=True), start=1)
    except Exception as error:  # a part found broken only when read (bad XML, wrong checksum)
        raise ImportFileError(XLSX_DAMAGED) from error
    finally:
        workbook.close()


def _out_of_proportion(reason: str) -> ImportFileError:
    return ImportFileError(
        f"Файл несоразмерен списку сотрудников: {reason}. Сохраните в отдельный файл только лист со списком "
        "(без лишних столбцов и оформления) или загрузите список как CSV."
    )


def _measure_xlsx(content: bytes) -> None:
    """Refuse an XLSX whose parts unpack or parse out of all proportion to a list of people, before
    openpyxl opens it. The sizes a ZIP declares are binding: zipfile stops unpacking a part at its
    declared size and then finds its checksum wrong, so a part cannot unpack to more than it says."""
    # zipfile reads the whole list of parts on opening (65,000 of them fit in 5 MB: 0.6 s, 30 MB), and
    # every entry of that list begins with this signature, so counting it bounds the parts beforehand.
    if content.count(_PART_SIGNATURE) > MAX_XLSX_PARTS:
        raise _out_of_proportion(f"в нём больше {MAX_XLSX_PARTS} частей")
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            parts = archive.infolist()
            if sum(part.file_size for part in parts) > MAX_XLSX_UNPACKED:
                raise _out_of_proportion(f"распакованный, он занимает больше {MAX_XLSX_UNPACKED // (1024 * 1024)} МБ")
            for part in parts:
                if part.file_size > MAX_XLSX_RATIO_FROM and part.file_size > MAX_XLSX_RATIO * part.compress_size:
                    raise _out_of_proportion(f"он сжат больше чем в {MAX_XLSX_RATIO} раз")
            elements = 0
            for part in parts:
                if part.filename.lower().endswith((".xml", ".rels")):
                    elements += _count_elements(archive, part, MAX_XLSX_ELEMENTS - elements)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError) as error:
        # RuntimeError: a part is encrypted; NotImplementedError: an unknown compression.
        raise ImportFileError(XLSX_DAMAGED) from error


_PART_SIGNATURE = b"PK\x01\x02"  # of an entry in a ZIP's central directory
# A row of a sheet or a shared string starts a new group of elements; the end of the sheet's rows
# starts the stretch after them (merged cells, links and the like).
_GROUP_EDGE = re.compile(rb"<(?:[\w.-]+:)?(?:row|si)\b|</(?:[\w.-]+:)?sheetData\b")
_CHUNK = 256 * 1024


def _count_elements(archive: zipfile.ZipFile, part: zipfile.ZipInfo, allowance: int) -> int:
    """The XML elements of one part, counted in its bytes without parsing it (each start tag is a «<»
    that is not «</», «<?» or «<!»). Refuses a part with more than `allowance` of them, a group of
    more than MAX_XLSX_GROUP, which a parser would hold in memory at once, and a sheet of more than
    MAX_SHEET_ROWS rows (openpyxl reads a whole sheet when opening the file if it states no size)."""
    total = group = rows = 0

    def add(count: int) -> None:
        nonlocal total, group
        total += count
        group += count
        if total > allowance:
            raise _out_of_proportion(f"в нём больше {_figure(MAX_XLSX_ELEMENTS)} ячеек и других элементов разметки")
        if group > MAX_XLSX_GROUP:
            raise _out_of_proportion(
                f"в одной строке листа или в одном разделе файла больше {_figure(MAX_XLSX_GROUP)} элементов разметки"
            )

    carry = b""
    with archive.open(part) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            block = carry + chunk
            # Up to the last «<» only, so that no tag is split between two reads; at the end, all of it.
            end = block.rfind(b"<") if chunk else len(block)
            if end < 0:
                end = len(block)
            start = 0
            for edge in _GROUP_EDGE.finditer(block, 0, end):
                add(_start_tags(block, start, edge.start()))
                group = 0
                if edge.group().endswith(b"row"):
                    rows += 1
                    if rows > MAX_SHEET_ROWS:
                        raise _out_of_proportion(f"в листе больше {_figure(MAX_SHEET_ROWS)} строк")
                if not edge.group().startswith(b"</"):
                    add(1)  # the row or string itself
                start = edge.end()
            add(_start_tags(block, start, end))
            if not chunk:
                return total
            # The tag cut at the end is read again with the next chunk; past its first bytes there is
            # no «<», so nothing to count.
            carry = block[end : end + 256]


def _start_tags(block: bytes, start: int, end: int) -> int:
    return (
        block.count(b"<", start, end)
        - block.count(b"</", start, end)
        - block.count(b"<?", start, end)
        - block.count(b"<!", start, end)
    )


# --- CSV ------------------------------------------------------------------------------------------


def _read_csv(content: bytes) -> Iterator[tuple[int, list]]:
    # Russian Excel saves CSV in cp1251 with «;»; other programs in UTF-8 with «,».
    encoding = next((encoding for encoding in ("utf-8-sig", "cp1251") if _decodes_as(content, encoding)), None)
    if encoding is None:
        raise ImportFileError("Не удалось прочитать кодировку файла: сохраните его как CSV UTF-8 или CSV (Windows).")
    first_line = content[:MAX_CSV_RECORD].split(b"\n", 1)[0].decode(encoding, errors="replace")
    delimiter = ";" if first_line.count(";") >= first_line.count(",") and ";" in first_line else ","
    lines = _RecordLines(io.TextIOWrapper(io.BytesIO(content), encoding=encoding, newline=""))
    reader = csv.reader(lines, delimiter=delimiter)
    try:
        for number, row in enumerate(reader, start=1):
            lines.record_read()
            yield number, row
    except csv.Error as error:  # the csv module's own limit on a field, should one come first
        raise ImportFileError(
            f"Строка {reader.line_num} не читается как CSV: в ней слишком длинное поле. Возможно, в файле "
            'не закрыта кавычка «"». Сохраните таблицу из Excel заново.'
        ) from error


def _decodes_as(content: bytes, encoding: str) -> bool:
    """Whether the whole file decodes, learnt a piece at a time (the rows are decoded as they are read)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        for start in range(0, len(content), _CHUNK):
            decoder.decode(content[start : start + _CHUNK])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


class _RecordLines:
    """The file's lines for csv.reader, refusing a record longer than MAX_CSV_RECORD characters
    before the reader builds it: one line of 5 MB of «;» would be millions of fields."""

    def __init__(self, stream: io.TextIOBase):
        self.stream = stream
        self.records = 0
        self.length = 0

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = self.stream.readline(MAX_CSV_RECORD + 1)
        if not line:
            raise StopIteration
        self.length += len(line)
        if self.length > MAX_CSV_RECORD:
            raise ImportFileError(
                f"Строка {self.records + 1} длиннее {_figure(MAX_CSV_RECORD)} знаков: в списке сотрудников "
                'таких не бывает. Возможно, в файле не закрыта кавычка «"». Сохраните таблицу из Excel заново.'
            )
        return line

    def record_read(self) -> None:
        self.records += 1
        self.length = 0
