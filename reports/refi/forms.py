from django import forms
from django.utils.translation import gettext_lazy as _

from interviews.archives import is_zip
from interviews.forms import check_upload_size
from sites.models import Site

EXTENSIONS = (".qdpx", ".qdc", ".qde")


class RefiImportForm(forms.Form):
    file = forms.FileField(
        label=_("REFI-QDA file"),
        help_text=_("A whole project (.qdpx) or a codebook (.qdc), exported by NVivo, ATLAS.ti, MAXQDA, QualCoder…"),
    )
    site = forms.ModelChoiceField(
        queryset=Site.objects.none(),
        required=False,
        label=_("Site"),
        help_text=_("Where sources and cases go when the file does not name a site (a variable “site”)."),
    )
    dry_run = forms.BooleanField(required=False, label=_("Dry run: report what would be imported, store nothing"))

    def __init__(self, *args, sites, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites
        self.fields["site"].empty_label = _("None: the file says")
        if len(sites) == 1:  # the only site the member may import into is where unplaced sources go
            self.fields["site"].initial = sites[0].pk

    def clean_file(self):
        upload = check_upload_size(self.cleaned_data["file"])
        name = upload.name.lower()
        if not name.endswith(EXTENSIONS):
            raise forms.ValidationError(_("Choose a .qdpx project or a .qdc codebook."))
        head = upload.read(4)
        upload.seek(0)
        if name.endswith(".qdpx") and not is_zip(head):
            raise forms.ValidationError(_("A .qdpx file is a zip archive; this one is not."))
        if not name.endswith(".qdpx") and is_zip(head):
            raise forms.ValidationError(_("This file is a zip archive: name it .qdpx."))
        return upload
