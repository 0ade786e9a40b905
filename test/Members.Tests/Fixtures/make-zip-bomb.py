#!/usr/bin/env python3
"""Writes zip-bomb.xlsx (committed; run again only to change it):

    python3 make-zip-bomb.py

A valid .xlsx whose sheet XML inflates to 210 MiB (beyond ImportLimits.MaxUncompressedBytes, 200 MiB)
from about 12 KB. Plain Deflate cannot do that (at most ~1:1032, so 200 KB), but a zip entry may also
use Deflate64 (method 9), which .NET's ZipArchive reads: one back-reference there copies up to 65,538
bytes. The sheet is a real SpreadsheetML document with 210 MiB of blanks inside <sheetData>.
The sizes and CRC in the headers are the true ones (the file is valid, nothing lies).
"""
import struct
import zlib

TARGET = 210 * 1024 * 1024
PREFIX = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
SUFFIX = b"</sheetData></worksheet>"
MAX_MATCH = 65538  # Deflate64: length code 285 = 3 + 16 extra bits


class Bits:
    """Deflate's bit order: values LSB first; Huffman codes MSB first."""

    def __init__(self):
        self.out = bytearray()
        self.acc = 0
        self.n = 0

    def bits(self, value, count):
        self.acc |= value << self.n
        self.n += count
        while self.n >= 8:
            self.out.append(self.acc & 0xFF)
            self.acc >>= 8
            self.n -= 8

    def code(self, code, length):
        self.bits(int(format(code, f"0{length}b")[::-1], 2), length)

    def finish(self):
        if self.n:
            self.out.append(self.acc & 0xFF)
        return bytes(self.out)


def fixed_literal(w, symbol):
    # RFC 1951 §3.2.6 fixed Huffman codes.
    if symbol <= 143:
        w.code(0x30 + symbol, 8)
    elif symbol <= 255:
        w.code(0x190 + symbol - 144, 9)
    elif symbol <= 279:
        w.code(symbol - 256, 7)
    else:
        w.code(0xC0 + symbol - 280, 8)


def deflate64_sheet():
    w = Bits()
    w.bits(1, 1)  # BFINAL
    w.bits(1, 2)  # BTYPE = fixed Huffman
    for b in PREFIX + b" ":
        fixed_literal(w, b)
    run = TARGET - len(PREFIX) - 1 - len(SUFFIX)
    produced = 0
    while produced < run:
        length = min(MAX_MATCH, run - produced)
        if length < 3:  # too short for a match: literal blanks
            for _ in range(length):
                fixed_literal(w, 0x20)
        else:
            fixed_literal(w, 285)
            w.bits(length - 3, 16)
            w.code(0, 5)  # distance code 0 = 1 byte back (repeat the blank)
        produced += length
    for b in SUFFIX:
        fixed_literal(w, b)
    fixed_literal(w, 256)  # end of block
    return w.finish()


def sheet_crc():
    crc = zlib.crc32(PREFIX)
    blanks = b" " * (1024 * 1024)
    remaining = TARGET - len(PREFIX) - len(SUFFIX)
    while remaining:
        chunk = min(remaining, len(blanks))
        crc = zlib.crc32(blanks[:chunk], crc)
        remaining -= chunk
    return zlib.crc32(SUFFIX, crc)


STORED = {
    "[Content_Types].xml": b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    b"</Types>",
    "_rels/.rels": b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    b"</Relationships>",
    "xl/workbook.xml": b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    b'<sheets><sheet name="Adherents" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    b"</Relationships>",
}


def main():
    entries = [(name, 0, 20, data, zlib.crc32(data), len(data)) for name, data in STORED.items()]
    entries.append(("xl/worksheets/sheet1.xml", 9, 21, deflate64_sheet(), sheet_crc(), TARGET))
    body = bytearray()
    central = bytearray()
    dos_time, dos_date = 0, (2024 - 1980) << 9 | 1 << 5 | 1
    for name, method, version, data, crc, size in entries:
        encoded = name.encode()
        offset = len(body)
        body += struct.pack("<IHHHHHIIIHH", 0x04034B50, version, 0, method, dos_time, dos_date, crc, len(data), size, len(encoded), 0)
        body += encoded + data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, version, version, 0, method, dos_time, dos_date, crc, len(data), size,
                               len(encoded), 0, 0, 0, 0, 0, offset)
        central += encoded
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), len(body), 0)
    with open("zip-bomb.xlsx", "wb") as f:
        f.write(bytes(body) + bytes(central) + end)
    print(f"zip-bomb.xlsx: {len(body) + len(central) + len(end)} bytes, sheet inflates to {TARGET} bytes")


main()
