"""The project file (project.qde) and the codebook file (.qdc), written from what export.py read (pure).

Element order follows the schema's sequences (schemas/Project.xsd); GUIDs come from guids.py and dates are
the rows' own, so the same data always gives the same bytes.
"""

import datetime

from reports.refi import guids, schema, vocabulary
from reports.refi.xmltext import Document

ORIGIN = "hlmstudy"
QUOTE_NAME_LENGTH = 60


def at(moment):
    """xsd:dateTime in UTC, to the second (isoformat: strftime costs seconds over an export's 200,000 dates)."""
    if moment.utcoffset():
        moment = moment.astimezone(datetime.UTC)
    return moment.replace(tzinfo=None).isoformat(timespec="seconds") + "Z"


def codebook_document(namespace, codes):
    """A .qdc: the codes as a tree, with colours and descriptions."""
    document = Document()
    document.open("CodeBook", {"xmlns": schema.CODEBOOK_NAMESPACE, "origin": ORIGIN})
    write_codes(document, namespace, codes, notes={})
    document.close("CodeBook")
    return document.bytes()


def write_codes(document, namespace, codes, *, notes):
    """<Codes> in tree order; `notes` maps code pk → note GUIDs (project files only: a .qdc has no notes)."""
    children = {}
    known = {code.pk for code in codes}
    for code in codes:
        children.setdefault(code.parent_id if code.parent_id in known else None, []).append(code)
    guid = guids.maker(namespace, "code")

    def write(code):
        document.open("Code", {"guid": guid(code.pk), "name": code.name, "isCodable": "true", "color": code.colour})
        description = vocabulary.code_description(code)
        if description:
            document.text("Description", description)
        for note in notes.get(code.pk, ()):
            document.empty("NoteRef", {"targetGUID": note})
        for child in children.get(code.pk, ()):
            write(child)
        document.close("Code")

    document.open("Codes")
    for code in children.get(None, ()):
        write(code)
    document.close("Codes")


class ProjectWriter:
    """project.qde from export._Data, and the (GUID, text) pairs that go to sources/."""

    def __init__(self, study, data):
        self.study, self.data = study, data
        self.ns = guids.study_namespace(study)
        self.document = Document()
        self._makers = {}
        self.user_guids = {user.pk: self.guid("user", user.pk) for user in data.users}
        self.code_guids = {code.pk: self.guid("code", code.pk) for code in data.codes}  # every coding names one
        self.variables = {variable.name: variable for variable in vocabulary.variables_for(data.definitions)}
        self.notes = self._note_anchors()

    def guid(self, kind, pk):
        if kind not in self._makers:
            self._makers[kind] = guids.maker(self.ns, kind)
        return self._makers[kind](pk)

    def write(self):
        """(project.qde bytes, [(GUID, text)])."""
        study, data, document = self.study, self.data, self.document
        attributes = {"name": study.title, "origin": ORIGIN, "creationDateTime": at(study.created_at)}
        document.open("Project", {"xmlns": schema.PROJECT_NAMESPACE, **attributes})
        if data.users:
            document.open("Users")
            for user in data.users:
                name = user.get_full_name() or user.email or user.get_username()
                document.empty("User", {"guid": self.user_guids[user.pk], "name": name, "id": user.email})
            document.close("Users")
        if data.codes:
            document.open("CodeBook")
            write_codes(document, self.ns, data.codes, notes=self.notes["code"])
            document.close("CodeBook")
        self._variables()
        if data.participants:
            self._cases()
        texts = self._sources() if data.interviews else []
        if data.memos:
            self._notes()
        if study.description:
            document.text("Description", study.description)
        for note in self.notes["project"]:
            document.empty("NoteRef", {"targetGUID": note})
        document.close("Project")
        return document.bytes(), texts

    def _note_anchors(self):
        """Where each memo's NoteRef goes: its code, excerpt, interview, or the project (study and site memos)."""
        anchors = {"code": {}, "excerpt": {}, "interview": {}, "project": []}
        codes = {code.pk for code in self.data.codes}
        excerpts = {row[0] for row in self.data.excerpts}
        interviews = {interview.pk for interview in self.data.interviews}
        for memo in self.data.memos:
            note = self.guid("memo", memo.pk)
            if memo.code_id in codes:
                anchors["code"].setdefault(memo.code_id, []).append(note)
            elif memo.excerpt_id in excerpts:
                anchors["excerpt"].setdefault(memo.excerpt_id, []).append(note)
            elif memo.interview_id in interviews:
                anchors["interview"].setdefault(memo.interview_id, []).append(note)
            else:  # the study, a site, or something not exported (an excerpt to review)
                anchors["project"].append(note)
        return anchors

    def _variables(self):
        self.document.open("Variables")
        for variable in self.variables.values():
            attributes = {"guid": self.guid("variable", variable.name), "name": variable.name}
            if variable.description:
                self.document.open("Variable", {**attributes, "typeOfVariable": variable.type})
                self.document.text("Description", variable.description)
                self.document.close("Variable")
            else:
                self.document.empty("Variable", {**attributes, "typeOfVariable": variable.type})
        self.document.close("Variables")

    def _value(self, name, value):
        variable = self.variables[name]
        written = vocabulary.value_text(variable, value)
        if written is not None:
            self.document.open("VariableValue")
            self.document.empty("VariableRef", {"targetGUID": self.guid("variable", name)})
            self.document.text(variable.type + "Value", written)
            self.document.close("VariableValue")

    def _cases(self):
        sources = {}
        for participant_id, interview_id in self.data.taking_part:
            sources.setdefault(participant_id, []).append(interview_id)
        self.document.open("Cases")
        for participant in self.data.participants:
            self.document.open("Case", {"guid": self.guid("participant", participant.pk), "name": participant.code})
            self._value(vocabulary.SITE, participant.site.code)
            self._value(vocabulary.PARTICIPANT_KIND, participant.kind)
            for definition in self.data.definitions:
                self._value(definition.label, participant.attributes.get(definition.key))
            for interview_id in sources.get(participant.pk, ()):
                self.document.empty("SourceRef", {"targetGUID": self.guid("interview", interview_id)})
            self.document.close("Case")
        self.document.close("Cases")

    def _sources(self):
        excerpts, codings = {}, {}
        for row in self.data.excerpts:
            excerpts.setdefault(row[1], []).append(row)
        for row in self.data.codings:
            codings.setdefault(row[1], []).append(row)
        texts = []
        self.document.open("Sources")
        for interview in self.data.interviews:
            version, guid = interview.current_version, self.guid("interview", interview.pk)
            attributes = {"guid": guid, "name": interview.title, "plainTextPath": f"internal://{guid}.txt"}
            author = self.user_guids.get(version.author_id)
            self.document.open(
                "TextSource", {**attributes, "creatingUser": author, "creationDateTime": at(version.created_at)}
            )
            for row in excerpts.get(interview.pk, ()):
                self._selection(row, codings.get(row[0], ()))
            for note in self.notes["interview"].get(interview.pk, ()):
                self.document.empty("NoteRef", {"targetGUID": note})
            self._value(vocabulary.SITE, interview.site.code)
            self._value(vocabulary.INTERVIEW_KIND, interview.kind)
            self._value(vocabulary.INTERVIEW_DATE, interview.date)
            self.document.close("TextSource")
            texts.append((guid, version.text))
        self.document.close("Sources")
        return texts

    def _selection(self, row, codings):
        pk, _interview, start, end, quote, author_id, created_at = row
        name = " ".join(quote.split())
        if len(name) > QUOTE_NAME_LENGTH:
            name = name[: QUOTE_NAME_LENGTH - 1].rstrip() + "…"
        attributes = {"guid": self.guid("excerpt", pk), "name": name, "startPosition": start, "endPosition": end}
        author = self.user_guids.get(author_id)
        self.document.open(
            "PlainTextSelection", {**attributes, "creatingUser": author, "creationDateTime": at(created_at)}
        )
        for coding_pk, _excerpt, code_id, coder_id, coded_at in codings:
            coder = self.user_guids.get(coder_id)
            attributes = {
                "guid": self.guid("coding", coding_pk),
                "creatingUser": coder,
                "creationDateTime": at(coded_at),
            }
            self.document.open("Coding", attributes)
            self.document.empty("CodeRef", {"targetGUID": self.code_guids[code_id]})
            self.document.close("Coding")
        for note in self.notes["excerpt"].get(pk, ()):
            self.document.empty("NoteRef", {"targetGUID": note})
        self.document.close("PlainTextSelection")

    def _notes(self):
        memos = self.data.memos
        self.document.open("Notes")
        for memo in memos:
            attributes = {"guid": self.guid("memo", memo.pk), "name": memo.title}
            author = self.user_guids.get(memo.author_id)
            self.document.open("Note", {**attributes, "creatingUser": author, "creationDateTime": at(memo.created_at)})
            self.document.text("PlainTextContent", memo.body)
            if memo.site_id:
                self._value(vocabulary.SITE, memo.site.code)
            self.document.close("Note")
        self.document.close("Notes")
        # Memo kinds have no place in the schema: one set of notes per kind carries them.
        self.document.open("Sets")
        for kind, name in vocabulary.MEMO_KIND_SETS.items():
            members = [memo for memo in memos if memo.kind == kind]
            if members:
                self.document.open("Set", {"guid": self.guid("memo-kind", kind), "name": name})
                for memo in members:
                    self.document.empty("MemberNote", {"targetGUID": self.guid("memo", memo.pk)})
                self.document.close("Set")
        self.document.close("Sets")
