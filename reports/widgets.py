"""Form widgets of the analysis filters, written in Python where Django's templates cost too much."""

from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe


class QuickSelect(forms.Select):
    """A <select> with the same HTML as Django's, written without a template per <option>.

    The retrieval filters hold hundreds of options (codes twice, sites, housing estates); rendering each through
    django/forms/widgets/select_option.html cost some 10 ms a page.
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [f'<select name="{escape(widget["name"])}"{flatatt(widget["attrs"])}>']
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(f'<optgroup label="{escape(str(group_name))}">')
            parts.extend(
                f'<option value="{escape(str(option["value"]))}"{flatatt(option["attrs"])}>'
                f"{escape(str(option['label']))}</option>"
                for option in options
            )
            if group_name:
                parts.append("</optgroup>")
        parts.append("</select>")
        return mark_safe("".join(parts))  # noqa: S308 (every piece of text is escaped above)


def datalist_options(values):
    """<option value="…"> for each value, escaped: a participant list can run to thousands."""
    return mark_safe("".join(f'<option value="{escape(str(value))}"></option>' for value in values))  # noqa: S308
