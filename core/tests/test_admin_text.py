from core.admin import readable_json


def test_a_json_field_reads_as_its_values_one_item_per_line():
    rows = [{"mentor": "Петрова С.Н.", "mentee": "Иванова А.Д.", "note": ""}, {"mentor": "Волкова Н.С."}]
    assert readable_json(rows) == "Петрова С.Н.; Иванова А.Д.\nВолкова Н.С."


def test_a_list_of_codes_reads_as_their_labels():
    assert readable_json(["name", "photo"], {"name": "ФИО", "photo": "Фотография"}) == "ФИО\nФотография"
    assert readable_json([]) == "—"
    assert readable_json(None) == "—"
