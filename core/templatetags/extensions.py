from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from core import extensions as registry

register = template.Library()


@register.simple_tag(takes_context=True)
def extensions(context, slot: str, obj=None):
    """Render what higher apps registered for `slot` (core.extensions), each with its own context
    on top of the page's."""
    request = context.get("request")
    parts = []
    for extension in registry.of(slot):
        extra = extension.context(request, obj) if extension.context else {}
        if extra is None:
            continue
        parts.append(render_to_string(extension.template, {**context.flatten(), "object": obj, **extra}, request))
    return mark_safe("".join(parts))
