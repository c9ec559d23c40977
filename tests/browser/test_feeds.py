#!/usr/bin/env python3
"""Checks of what a built site says to machines, read from its output folder:
  - the iCalendar feed of the activities (activiteiten/agenda.ics), parsed back with Python's icalendar
    (PyPI): every activity page has one VEVENT with UID, DTSTAMP, DTSTART (a date, or a date-time with its
    time zone when the content gives a time), SUMMARY and URL, text as written; CRLF line ends and no
    line longer than 75 octets (RFC 5545, 3.1);
  - the JSON-LD of every page is valid JSON with a schema.org @context: Organization on the home page,
    Article on every best practice and on the insights page, Event on every activity;
  - every page has Open Graph tags (og:type, og:title, og:url);
  - every redirect page (meta refresh) has a canonical link and a plain link to the same place.
Usage: test_feeds.py FOLDER ... (one built site per argument)."""
import datetime
import html
import json
import os
import re
import sys

import icalendar

from checks import check, verdict

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
META = re.compile(r'<meta property="(og:[a-z_]+)" content="([^"]*)">')
KIND = re.compile(r'<body class="soort-([a-z0-9-]+)"')
TITLE = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
TIME = re.compile(r'<dt>Datum</dt><dd><time datetime="([^"]+)">')


def pages(folder):
    for directory, _, files in os.walk(folder):
        for name in files:
            if name.endswith(".html"):
                path = os.path.join(directory, name)
                yield os.path.relpath(path, folder).replace(os.sep, "/"), open(path, encoding="utf-8").read()


def types(data):
    found = []
    for node in data.get("@graph", [data]):
        found.append(node.get("@type"))
    return found


def test_calendar(folder, activities):
    path = os.path.join(folder, "activiteiten", "agenda.ics")
    if not activities:
        check(not os.path.exists(path), "geen activiteiten, geen agenda")
        return
    raw = open(path, "rb").read()
    lines = raw.split(b"\r\n")
    check(lines[-1] == b"" and b"\n" not in raw.replace(b"\r\n", b""), "agenda: elke regel eindigt op CRLF")
    longest = max(len(line) for line in lines)
    check(longest <= 75, "agenda: regels van hoogstens 75 octets (langste %d)" % longest)
    calendar = icalendar.Calendar.from_ical(raw)
    check(str(calendar.get("VERSION")) == "2.0" and calendar.get("PRODID"), "agenda: VERSION 2.0 en PRODID")
    events = {str(e.get("URL")): e for e in calendar.walk("VEVENT")}
    check(len(events) == len(activities), "agenda: %d activiteiten, %d VEVENTs" % (len(activities), len(events)))
    uids = [str(e.get("UID")) for e in calendar.walk("VEVENT")]
    check(len(set(uids)) == len(uids), "agenda: elke UID is uniek")
    for url, (title, when) in sorted(activities.items()):
        event = next((e for u, e in events.items() if u.endswith(url)), None)
        if event is None:
            check(False, "agenda: geen VEVENT voor %s" % url)
            continue
        missing = [k for k in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "URL") if event.get(k) is None]
        check(not missing, "agenda %s: UID, DTSTAMP, DTSTART, SUMMARY, URL%s" % (url, (" (ontbreekt: %s)" % missing) if missing else ""))
        check(str(event.get("SUMMARY")) == title, "agenda %s: SUMMARY is de titel %r" % (url, title))
        start = event.decoded("DTSTART")
        if "T" in when:
            expected = datetime.datetime.fromisoformat(when)
            # A local time on the page is Amsterdam time (the feed gives its TZID); a time the content wrote
            # with a UTC offset has it on the page too, and the feed gives the same moment in UTC.
            ok = isinstance(start, datetime.datetime) and start.tzinfo is not None and (
                start == expected if expected.tzinfo is not None else start.replace(tzinfo=None) == expected)
            check(ok, "agenda %s: DTSTART %s met tijd en tijdzone (%r)" % (url, when, start))
        else:
            ok = isinstance(start, datetime.date) and not isinstance(start, datetime.datetime) and start.isoformat() == when
            check(ok, "agenda %s: DTSTART is de datum %s (%r)" % (url, when, start))
        stamp = event.decoded("DTSTAMP")
        check(isinstance(stamp, datetime.datetime) and stamp.utcoffset() == datetime.timedelta(0), "agenda %s: DTSTAMP in UTC" % url)


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    for folder in argv[1:]:
        print("%s:" % folder)
        activities = {}
        counts = {}
        for relative, text in sorted(pages(folder)):
            kind_match = KIND.search(text)
            kind = kind_match.group(1) if kind_match else None
            if 'http-equiv="refresh"' in text:
                target = re.search(r'content="0; url=([^"]+)"', text).group(1)
                canonical = re.search(r'<link rel="canonical" href="([^"]+)">', text)
                link = re.search(r'<a href="%s">' % re.escape(target), text)
                check(canonical is not None and canonical.group(1).endswith(target) and link is not None,
                      "doorverwijzing /%s: canonical en gewone link naar %s" % (relative, target))
                continue
            if kind is None:
                continue
            counts[kind] = counts.get(kind, 0) + 1
            meta = dict(META.findall(text))
            if not all(k in meta for k in ("og:type", "og:title", "og:url")):
                check(False, "/%s: og:type, og:title en og:url (%s)" % (relative, sorted(meta)))
            found = []
            for block in SCRIPT.findall(text):
                try:
                    data = json.loads(block)
                except ValueError as error:
                    check(False, "/%s: JSON-LD is geen geldige JSON: %s" % (relative, error))
                    continue
                if data.get("@context") != "https://schema.org":
                    check(False, "/%s: JSON-LD zonder @context https://schema.org" % relative)
                found += types(data)
            expected = {"home": "Organization", "best-practice": "Article", "insights": "Article", "activity": "Event"}.get(kind)
            if expected and expected not in found:
                check(False, "/%s (%s): JSON-LD met %s, gevonden: %s" % (relative, kind, expected, found))
            if kind == "activity":
                title = html.unescape(re.sub(r"<[^>]+>", "", TITLE.search(text).group(1))).strip()
                when = TIME.search(text).group(1)
                activities["/" + relative[: -len("index.html")]] = (title, when)
                event = json.loads(SCRIPT.findall(text)[0])
                check(event.get("name") == title and event.get("startDate") == when,
                      "/%s: Event met naam en startDate %s" % (relative, when))
        check(sum(counts.values()) > 0, "pagina's met Open Graph en geldige JSON-LD: %s" %
              ", ".join("%s %d" % (k, n) for k, n in sorted(counts.items())))
        test_calendar(folder, activities)
    return verdict("%d test(s) van agenda, JSON-LD en Open Graph mislukt", "agenda, JSON-LD en Open Graph in orde")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
