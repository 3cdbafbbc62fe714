#!/usr/bin/env python3
"""Checks an HTML report in a real browser (headless Chromium).

Usage: check_report.py CHROMIUM REPORT.html FINDINGS.json WORKDIR

1. --dump-dom after the page's scripts ran must hold the findings table (id "findings")
   and the controls the script adds (the verdict filter), so the page works with scripts.
2. --print-to-pdf must produce a PDF whose text (pdftotext) holds every failing rule id.
3. --screenshot must not be blank: the PNG's pixels must not all be one colour.
Exits 1 with a message on the first failed check.
"""
import json
import os
import struct
import subprocess
import sys
import zlib


def run(arguments, **extra):
    return subprocess.run(arguments, check=True, timeout=180, **extra)


def browser(chromium, *flags):
    return [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--no-first-run", "--disable-dev-shm-usage", *flags]


def png_is_blank(path):
    """Whether every pixel of an 8-bit RGB(A) PNG has the same value (no imaging library)."""
    with open(path, "rb") as handle:
        data = handle.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path}: not a PNG")
    position, width, height, depth, colour = 8, 0, 0, 0, 0
    compressed = b""
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        chunk = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
        elif kind == b"IDAT":
            compressed += chunk
        position += 12 + length
    channels = {2: 3, 6: 4}.get(colour)
    if depth != 8 or channels is None:
        raise SystemExit(f"{path}: unexpected PNG format (depth {depth}, colour type {colour})")
    raw = zlib.decompress(compressed)
    stride = width * channels
    seen = set()
    previous = bytearray(stride)
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for index in range(stride):
            left = line[index - channels] if index >= channels else 0
            up = previous[index]
            corner = previous[index - channels] if index >= channels else 0
            if kind == 1:
                line[index] = (line[index] + left) & 0xFF
            elif kind == 2:
                line[index] = (line[index] + up) & 0xFF
            elif kind == 3:
                line[index] = (line[index] + (left + up) // 2) & 0xFF
            elif kind == 4:
                estimate = left + up - corner
                choice = min((abs(estimate - left), 0, left), (abs(estimate - up), 1, up),
                             (abs(estimate - corner), 2, corner))[2]
                line[index] = (line[index] + choice) & 0xFF
        for index in range(0, stride, channels * 97):
            seen.add(bytes(line[index:index + 3]))
        if len(seen) > 1:
            return False
        previous = line
    return True


def main():
    chromium, report, findings, workdir = sys.argv[1:5]
    os.makedirs(workdir, exist_ok=True)
    url = "file://" + os.path.abspath(report)
    dom = run(browser(chromium, "--virtual-time-budget=5000", "--dump-dom", url),
              capture_output=True, text=True).stdout
    if 'id="findings"' not in dom or "<select" not in dom:
        raise SystemExit(f"{report}: the DOM after scripts lacks the findings table or its filters")
    pdf = os.path.join(workdir, "report.pdf")
    run(browser(chromium, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", url),
        capture_output=True)
    text = run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
    document = json.load(open(findings))
    failing = sorted({f["rule"]["id"] for f in document["findings"] if f["verdict"] == "fail"})
    # pdftotext joins a word broken over two lines and drops the hyphen it broke at, so
    # compare with hyphens and white space removed on both sides.
    def squeeze(value):
        return "".join(value.split()).replace("-", "")
    flat = squeeze(text)
    missing = [rule for rule in failing if squeeze(rule) not in flat]
    if missing:
        raise SystemExit(f"{report}: the printed PDF lacks failing rules {missing}")
    shot = os.path.join(workdir, "report.png")
    run(browser(chromium, "--window-size=1280,1600", f"--screenshot={shot}", url),
        capture_output=True)
    if png_is_blank(shot):
        raise SystemExit(f"{report}: the screenshot is blank")
    print(f"{report}: browser checks passed ({len(failing)} failing rules in the PDF)")


if __name__ == "__main__":
    main()
