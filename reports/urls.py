from django.urls import path

from reports.views import agreement, cooccurrence, exports, portal, refi, retrieval, site_report, transversal

app_name = "reports"

ANALYSIS = "studies/<slug:study>/analysis/"
EXCHANGE = "studies/<slug:study>/exchange/"

urlpatterns = [
    path("portal/", portal.portal, name="portal"),
    # The analysis pages (issue 5): retrieval, per-site report, transversal matrices, co-occurrence.
    path(ANALYSIS + "excerpts/", retrieval.retrieval, name="retrieval"),
    path(ANALYSIS + "sites/<str:code>/", site_report.site_report, name="site_report"),
    path(ANALYSIS + "transversal/", transversal.transversal, name="transversal"),
    path(ANALYSIS + "cooccurrence/", cooccurrence.cooccurrence, name="cooccurrence"),
    # Exports (issue 5): the codings under the retrieval filters as CSV or XLSX, the code matrices.
    path(ANALYSIS + "exports/", exports.export_index, name="export_index"),
    path(ANALYSIS + "exports/codings/", exports.export_codings, name="export_codings"),
    path(ANALYSIS + "exports/matrix/", exports.export_matrix, name="export_matrix"),
    path(ANALYSIS + "exports/agreement/", agreement.agreement_export, name="agreement_export"),
    # REFI-QDA exchange (issue 7): the study as .qdpx, the codebook as .qdc, and importing either.
    path(EXCHANGE, refi.refi_exchange, name="refi_exchange"),
    path(EXCHANGE + "export/", refi.refi_project_export, name="refi_project_export"),
    path(EXCHANGE + "codebook.qdc", refi.refi_codebook_export, name="refi_codebook_export"),
    path(EXCHANGE + "import/", refi.refi_import, name="refi_import"),
]
