from django.urls import path

from reports.views import (
    cooccurrence,
    exports,
    glossary,
    portal,
    refi,
    retrieval,
    sheet_evidence,
    sheet_sections,
    sheets,
    site_report,
    thematic,
    transversal,
)

app_name = "reports"

ANALYSIS = "studies/<slug:study>/analysis/"
EXCHANGE = "studies/<slug:study>/exchange/"
SHEETS = "studies/<slug:study>/sheets/"
SHEET = SHEETS + "<int:pk>/"
SECTION = SHEET + "sections/<int:section_pk>/"
GLOSSARY = "studies/<slug:study>/glossary/"
THEMATIC = "studies/<slug:study>/thematic-reports/"

urlpatterns = [
    path("portal/", portal.portal, name="portal"),
    path("portal/sheets/<int:pk>/", portal.portal_sheet, name="portal_sheet"),
    path("portal/sheets/<int:pk>/pdf/", portal.portal_sheet_pdf, name="portal_sheet_pdf"),
    # Synthesis sheets (issue 6): writing, review, publication; the study's lexicon.
    path(SHEETS, sheets.sheet_list, name="sheet_list"),
    path(SHEETS + "new/", sheets.sheet_create, name="sheet_create"),
    path(SHEET, sheets.sheet_detail, name="sheet_detail"),
    path(SHEET + "edit/", sheets.sheet_edit, name="sheet_edit"),
    path(SHEET + "status/", sheets.sheet_status, name="sheet_status"),
    path(SHEET + "proof/", sheets.sheet_proof, name="sheet_proof"),
    path(SHEET + "publish/", sheets.sheet_publish, name="sheet_publish"),
    path(SHEET + "withdraw/", sheets.sheet_withdraw, name="sheet_withdraw"),
    path(SHEET + "versions/<int:number>/pdf/", sheets.version_pdf, name="version_pdf"),
    path(SHEET + "sections/new/", sheet_sections.section_create, name="section_create"),
    path(SECTION, sheet_sections.section_edit, name="section_edit"),
    path(SECTION + "move/", sheet_sections.section_move, name="section_move"),
    path(SECTION + "delete/", sheet_sections.section_delete, name="section_delete"),
    path(SECTION + "comments/", sheet_sections.section_comment, name="section_comment"),
    path(SHEET + "evidence/", sheet_evidence.evidence_picker, name="evidence_picker"),
    path(SHEET + "evidence/add/", sheet_evidence.evidence_add, name="evidence_add"),
    path(SHEET + "evidence/<int:number>/", sheet_evidence.evidence_resolve, name="evidence_resolve"),
    path(GLOSSARY, glossary.glossary_list, name="glossary_list"),
    path(GLOSSARY + "<int:pk>/", glossary.glossary_term_edit, name="glossary_term_edit"),
    path(GLOSSARY + "<int:pk>/delete/", glossary.glossary_term_delete, name="glossary_term_delete"),
    # Thematic reports (issue 11): saved definitions, the web page, PDF and DOCX files generated in a job.
    path(THEMATIC, thematic.thematic_list, name="thematic_list"),
    path(THEMATIC + "new/", thematic.thematic_create, name="thematic_create"),
    path(THEMATIC + "<int:pk>/", thematic.thematic_detail, name="thematic_detail"),
    path(THEMATIC + "<int:pk>/edit/", thematic.thematic_edit, name="thematic_edit"),
    path(THEMATIC + "<int:pk>/page/", thematic.thematic_page, name="thematic_page"),
    path(THEMATIC + "<int:pk>/generate/", thematic.thematic_generate, name="thematic_generate"),
    path(THEMATIC + "files/<int:pk>/", thematic.thematic_download, name="thematic_download"),
    # The analysis pages (issue 5): retrieval, per-site report, transversal matrices, co-occurrence.
    path(ANALYSIS + "excerpts/", retrieval.retrieval, name="retrieval"),
    path(ANALYSIS + "sites/<str:code>/", site_report.site_report, name="site_report"),
    path(ANALYSIS + "transversal/", transversal.transversal, name="transversal"),
    path(ANALYSIS + "cooccurrence/", cooccurrence.cooccurrence, name="cooccurrence"),
    # Exports (issue 5): the codings under the retrieval filters as CSV or XLSX, the code matrices.
    path(ANALYSIS + "exports/", exports.export_index, name="export_index"),
    path(ANALYSIS + "exports/codings/", exports.export_codings, name="export_codings"),
    path(ANALYSIS + "exports/matrix/", exports.export_matrix, name="export_matrix"),
    # REFI-QDA exchange (issue 7): the study as .qdpx, the codebook as .qdc, and importing either.
    path(EXCHANGE, refi.refi_exchange, name="refi_exchange"),
    path(EXCHANGE + "export/", refi.refi_project_export, name="refi_project_export"),
    path(EXCHANGE + "codebook.qdc", refi.refi_codebook_export, name="refi_codebook_export"),
    path(EXCHANGE + "import/", refi.refi_import, name="refi_import"),
]
