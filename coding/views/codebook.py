"""The codebook of a study: the tree, its codes, and how researchers restructure it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from coding import services
from coding.codebook_csv import CodebookFileError, read_codebook_csv, write_codebook_csv
from coding.forms import CodebookImportForm, CodeForm, CodeMergeForm, CodeMoveForm
from coding.models import Code, Coding, Memo
from coding.views.access import get_code
from sites import permissions
from sites.views.access import get_study


def codebook_url(study):
    return reverse("coding:codebook_detail", args=[study.slug])


def build_tree(codes):
    """Nest `codes` (one study's, any order) under their parents; each gets `.nodes` and `.depth`. No query."""
    by_parent = {}
    for code in sorted(codes, key=lambda c: (c.order, c.name.lower(), c.pk)):
        by_parent.setdefault(code.parent_id, []).append(code)
    present = {code.pk for code in codes}

    def nest(parent_id, depth):
        nodes = by_parent.get(parent_id, [])
        for node in nodes:
            node.depth, node.nodes = depth, nest(node.pk, depth + 1)
        return nodes

    # A code whose parent is not in `codes` (archived above it) shows at the top level.
    orphans = [pk for pk in by_parent if pk is not None and pk not in present]
    return nest(None, 0) + [node for pk in orphans for node in nest(pk, 0)]


def coding_counts(request, study):
    """{code id: number of codings the user may see}, in one aggregate query."""
    rows = (
        Coding.objects.visible_to(request.user)
        .filter(code__study=study)
        .values("code_id")
        .annotate(count=Count("id"))
        .order_by()
    )
    return {row["code_id"]: row["count"] for row in rows}


def _codebook_context(request, study):
    codes = list(Code.objects.active().filter(study=study))
    counts = coding_counts(request, study)
    for code in codes:
        code.coding_count = counts.get(code.pk, 0)
    return {
        "study": study,
        "tree": build_tree(codes),
        "code_total": len(codes),
        "archived": Code.objects.filter(study=study, is_archived=True, merged_into=None).order_by("name"),
        "can_edit": permissions.has_role(request.user, study, permissions.EDIT),
    }


@login_required
def codebook_detail(request, study):
    study = get_study(request, study)
    template = "coding/codebook_detail.html"
    if request.htmx:
        template += "#tree"
    return render(request, template, _codebook_context(request, study))


@login_required
def code_detail(request, study, pk):
    study = get_study(request, study)
    code = get_code(request, study, pk)
    context = {
        "study": study,
        "code": code,
        "ancestors": _ancestors(code),
        "children": Code.objects.active().filter(parent=code),
        "merged_codes": Code.objects.filter(merged_into=code).order_by("name"),
        "coding_count": Coding.objects.visible_to(request.user).filter(code=code).count(),
        "memos": Memo.objects.visible_to(request.user).for_code(code).select_related("author"),
        "can_edit": permissions.has_role(request.user, study, permissions.EDIT),
        "can_write_memo": permissions.has_role(request.user, study, permissions.CODE),
    }
    return render(request, "coding/code_detail.html", context)


def _ancestors(code):
    """The codes above `code`, top first (one query per level; codebooks are a few levels deep)."""
    chain, parent = [], code.parent
    while parent is not None:
        chain.insert(0, parent)
        parent = parent.parent
    return chain


@login_required
def code_create(request, study):
    study = get_study(request, study, need=permissions.EDIT)
    initial = {"parent": request.GET.get("parent")}
    form = CodeForm(request.POST or None, study=study, initial=initial, instance=Code(study=study))
    if request.method == "POST" and form.is_valid():
        try:
            code = services.create_code(
                study, parent=form.cleaned_data["parent"], by=request.user, **form.code_fields()
            )
        except ValidationError as error:
            form.add_error("name", error)
        else:
            messages.success(request, _("Code “%(name)s” created.") % {"name": code.name})
            return redirect("coding:code_detail", study=study.slug, pk=code.pk)
    return render(request, "coding/code_form.html", {"study": study, "form": form}, status=400 if form.errors else 200)


@login_required
def code_edit(request, study, pk):
    study = get_study(request, study)
    code = get_code(request, study, pk, need=permissions.EDIT)
    form = CodeForm(request.POST or None, study=study, instance=code)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.update_code(code, version=form.cleaned_data["version"], by=request.user, **form.code_fields())
        except services.StaleEdit as stale:
            return _stale(
                request,
                "coding/code_form.html",
                study,
                stale.current,
                form,
                CodeForm(study=study, instance=stale.current),
            )
        except ValidationError as error:
            form.add_error("name", error)
        else:
            messages.success(request, _("Code “%(name)s” saved.") % {"name": code.name})
            return redirect("coding:code_detail", study=study.slug, pk=code.pk)
    if form.errors:
        status = 400
    return render(request, "coding/code_form.html", {"study": study, "code": code, "form": form}, status=status)


def _stale(request, template, study, current, submitted, fresh):
    """Refuse an edit based on an old version: show the row as it is now, and what the user had typed."""
    context = {
        "study": study,
        "code": current,
        "form": fresh,
        "stale": True,
        "submitted": [(field.label, submitted.data.get(field.name, "")) for field in submitted.visible_fields()],
    }
    return render(request, template, context, status=409)


@login_required
def code_move(request, study, pk):
    study = get_study(request, study)
    code = get_code(request, study, pk, need=permissions.EDIT)
    form = CodeMoveForm(request.POST or None, code=code)
    if request.method == "POST" and form.is_valid():
        try:
            services.move_code(
                code, parent=form.cleaned_data["parent"], version=form.cleaned_data["version"], by=request.user
            )
        except services.StaleEdit as stale:
            fresh = CodeMoveForm(code=stale.current)
            context = {"study": study, "code": stale.current, "form": fresh, "stale": True}
            return render(request, "coding/code_move.html", context, status=409)
        except ValidationError as error:
            form.add_error("parent", error)
        else:
            messages.success(request, _("Code “%(name)s” moved.") % {"name": code.name})
            return redirect(codebook_url(study))
    context = {"study": study, "code": code, "form": form}
    return render(request, "coding/code_move.html", context, status=400 if form.errors else 200)


@require_POST
@login_required
def code_shift(request, study, pk):
    study = get_study(request, study)
    code = get_code(request, study, pk, need=permissions.EDIT)
    services.shift_code(code, step=-1 if request.POST.get("direction") == "up" else 1, by=request.user)
    if request.htmx:
        return render(request, "coding/codebook_detail.html#tree", _codebook_context(request, study))
    return redirect(codebook_url(study))


@login_required
def code_merge(request, study, pk):
    study = get_study(request, study)
    code = get_code(request, study, pk, need=permissions.EDIT)
    form = CodeMergeForm(request.POST or None, code=code)
    if request.method == "POST" and form.is_valid():
        target = form.cleaned_data["into"]
        try:
            services.merge_codes(code, into=target, version=form.cleaned_data["version"], by=request.user)
        except services.StaleEdit as stale:
            context = {"study": study, "code": stale.current, "form": CodeMergeForm(code=stale.current), "stale": True}
            return render(request, "coding/code_merge.html", context, status=409)
        except ValidationError as error:
            form.add_error("into", error)
        else:
            messages.success(
                request, _("“%(source)s” merged into “%(target)s”.") % {"source": code.name, "target": target.name}
            )
            return redirect("coding:code_detail", study=study.slug, pk=target.pk)
    context = {
        "study": study,
        "code": code,
        "form": form,
        "coding_count": Coding.objects.visible_to(request.user).filter(code=code).count(),
    }
    return render(request, "coding/code_merge.html", context, status=400 if form.errors else 200)


@require_POST
@login_required
def code_archive(request, study, pk):
    return _set_archived(request, study, pk, archive=True)


@require_POST
@login_required
def code_unarchive(request, study, pk):
    return _set_archived(request, study, pk, archive=False)


def _set_archived(request, study, pk, *, archive):
    study = get_study(request, study)
    code = get_code(request, study, pk, need=permissions.EDIT)
    change = services.archive_code if archive else services.unarchive_code
    version = request.POST.get("version")
    try:
        change(code, version=int(version) if version and version.isdigit() else None, by=request.user)
    except services.StaleEdit:
        messages.error(request, _("Someone changed “%(name)s” meanwhile: nothing was done.") % {"name": code.name})
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        done = _("“%(name)s” archived.") if archive else _("“%(name)s” is back in the codebook.")
        messages.success(request, done % {"name": code.name})
    if request.htmx:
        return render(request, "coding/codebook_detail.html#tree", _codebook_context(request, study))
    return redirect(codebook_url(study))


@login_required
def codebook_export(request, study):
    study = get_study(request, study)
    ordered = []

    def walk(nodes, path):
        for node in nodes:
            node.path = (*path, node.name)
            ordered.append(node)
            walk(node.nodes, node.path)

    walk(build_tree(list(Code.objects.active().filter(study=study))), ())
    response = HttpResponse(write_codebook_csv(ordered), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="codebook-{study.slug}.csv"'
    return response


@login_required
def codebook_import(request, study):
    study = get_study(request, study, need=permissions.EDIT)
    form = CodebookImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            rows = read_codebook_csv(form.cleaned_data["file"].read())
            report = services.import_codebook(study, rows=rows, by=request.user)
        except CodebookFileError as refusal:
            form.add_error("file", refusal.message)
        except ValidationError as error:
            form.add_error("file", _("Nothing was imported: %(error)s") % {"error": " ".join(error.messages)})
        else:
            messages.success(request, _import_summary(report))
            return redirect(codebook_url(study))
    context = {"study": study, "form": form}
    return render(request, "coding/codebook_import.html", context, status=400 if form.errors else 200)


def _import_summary(report):
    parts = [
        ngettext("%(count)s code created", "%(count)s codes created", len(report.created))
        % {"count": len(report.created)}
        + (f" ({', '.join(report.created)})" if report.created else ""),
        ngettext("%(count)s code updated", "%(count)s codes updated", len(report.updated))
        % {"count": len(report.updated)}
        + (f" ({', '.join(report.updated)})" if report.updated else ""),
        ngettext(
            "%(count)s code already as in the file", "%(count)s codes already as in the file", len(report.unchanged)
        )
        % {"count": len(report.unchanged)},
    ]
    return _("Codebook imported: %(summary)s.") % {"summary": "; ".join(parts)}
