"""WebVTT and SubRip cues → speaker runs (label, speech, start and end time in seconds).

The speaker of a cue is its WebVTT voice tag (<v Marie>) or a "Marie:" at the start of its text; other
tags (<i>, <c.x>, <font>, {\\an8}) are dropped. Consecutive cues of the same speaker make one run.
"""

import html
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from interviews.archives import ImportRefused
from interviews.speakers import split_label


@dataclass(frozen=True)
class CaptionTurn:
    label: str
    speech: str
    started_at: float
    ended_at: float


_STAMP = r"(?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3}"
_TIMING = re.compile(rf"[ \t]*(?P<start>{_STAMP})[ \t]+-->[ \t]+(?P<end>{_STAMP})")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?[ \t]+([^>]*)>")
_TAG = re.compile(r"<[^>\n]*>|\{\\[^}\n]*\}")
_BLOCK_SEPARATOR = re.compile(r"\n[ \t]*\n")


def parse_vtt(text: str) -> list[CaptionTurn]:
    text = _unify_line_breaks(text)
    header = text.split("\n", 1)[0]
    if not (header == "WEBVTT" or header.startswith(("WEBVTT ", "WEBVTT\t"))):
        raise ImportRefused(_("This file is named .vtt but does not start with “WEBVTT”: it is not a WebVTT file."))
    return _runs(_cues(text))


def parse_srt(text: str) -> list[CaptionTurn]:
    runs = _runs(_cues(_unify_line_breaks(text)))
    if not runs:
        raise ImportRefused(_("No subtitles were found in this .srt file."))
    return runs


def _unify_line_breaks(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


def _cues(text: str):
    """(start, end, [(voice or None, line text)]) per cue; blocks without a timing line (NOTE, STYLE) are skipped."""
    for block in _BLOCK_SEPARATOR.split(text):
        lines = block.strip("\n").split("\n")
        timing_index = next((index for index, line in enumerate(lines[:3]) if "-->" in line), None)
        if timing_index is None:
            continue
        timing = _TIMING.match(lines[timing_index])
        if timing is None:
            continue
        segments, voice = [], None
        for line in lines[timing_index + 1 :]:
            tag = _VOICE.search(line)
            if tag:
                voice = " ".join(tag.group(1).split())
            speech = " ".join(html.unescape(_TAG.sub("", line)).split())
            if not tag and voice is None and not segments and (named := split_label(speech)):
                voice, speech = named[0], named[1].strip()
            if speech:
                segments.append((voice, speech))
        yield _seconds(timing["start"]), _seconds(timing["end"]), segments


def _runs(cues) -> list[CaptionTurn]:
    runs: list[CaptionTurn] = []
    for start, end, segments in cues:
        for voice, speech in segments:
            label = voice or ""
            if runs and runs[-1].label == label:
                last = runs[-1]
                runs[-1] = CaptionTurn(label, f"{last.speech} {speech}", last.started_at, max(last.ended_at, end))
            else:
                runs.append(CaptionTurn(label, speech, start, end))
    return runs


def _seconds(stamp: str) -> float:
    fields = [float(field) for field in stamp.replace(",", ".").split(":")]
    if len(fields) == 2:
        fields.insert(0, 0.0)
    hours, minutes, seconds = fields
    return round(hours * 3600 + minutes * 60 + seconds, 3)
