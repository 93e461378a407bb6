"""xmltext.py (pure): what it writes parses back to the same values, whatever the values hold."""

from lxml import etree

from reports.refi.xmltext import Document

AWKWARD = "a & b < c > d \"e\" 'f'\tg\nh\r\ni 😀 é\x0b\x00"


def test_attributes_and_text_come_back_as_written_less_what_xml_cannot_carry():
    document = Document()
    document.open("Root", {"xmlns": "urn:test", "name": AWKWARD, "empty": "", "none": None, "zero": 0})
    document.text("Text", AWKWARD)
    document.empty("Leaf")
    document.close("Root")
    root = etree.fromstring(document.bytes())
    carried = AWKWARD.replace("\x0b", "").replace("\x00", "")
    assert root.get("name") == carried
    assert root.get("zero") == "0" and root.get("empty") is None and root.get("none") is None
    assert root.find("{urn:test}Text").text == carried
    assert root.find("{urn:test}Leaf") is not None
