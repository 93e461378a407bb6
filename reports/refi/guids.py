"""GUIDs: deterministic ones for what we export, and the tolerant reading of what others wrote.

An exported object's GUID is a version-5 UUID of (the study's namespace, its type, its pk): two exports of
the same data are identical, and a file exported from a study is recognised when it comes back to it. The
namespace includes the study's creation time, so studies of two installations that share a pk do not share
GUIDs.
"""

import hashlib
import re
import uuid

GUID = re.compile(r"^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$")


def study_namespace(study):
    return uuid.uuid5(uuid.NAMESPACE_URL, f"urn:hlmstudy:study:{study.pk}:{study.created_at.isoformat()}")


def make(namespace, kind, key):
    """The GUID of object `key` (a pk, or a name for the few objects without a row) of `kind`."""
    return maker(namespace, kind)(key)


def maker(namespace, kind):
    """A function of `key` giving make(namespace, kind, key): uuid.uuid5 written out, without UUID objects,
    for the few hundred thousand GUIDs of an export."""
    prefix = namespace.bytes + f"{kind}:".encode()

    def guid(key):
        # SHA-1, as version 5 is; then the version (5) and RFC 4122 variant bits set in the hex digits.
        digest = hashlib.sha1(prefix + str(key).encode(), usedforsecurity=False).hexdigest()
        variant = "89ab"[int(digest[16], 16) & 3]
        return f"{digest[:8]}-{digest[8:12]}-5{digest[13:16]}-{variant}{digest[17:20]}-{digest[20:32]}"

    return guid


def of_rows(namespace, kind, pks):
    """{GUID: pk} for the given pks: how an import recognises objects exported from the same study."""
    guid = maker(namespace, kind)
    return {guid(pk): pk for pk in pks}


def key(value):
    """A comparable key for an id as a file writes it: GUIDs without braces, lower case; other ids as they are.

    Codebooks of some producers use ids that are not GUIDs ("c12"); they are still ids, matched exactly.
    """
    if value and len(value) == 36 and value[8] == value[13] == value[18] == value[23] == "-":
        return value.lower()  # the usual spelling, without the regular expression (a study has 500,000 ids)
    value = (value or "").strip()
    match = GUID.match(value)
    return match.group(1).lower() if match else value
