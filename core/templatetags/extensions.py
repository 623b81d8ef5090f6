from django import template
from django.utils.safestring import mark_safe

from core import extensions as registry

register = template.Library()


@register.simple_tag(takes_context=True)
def extensions(context, slot: str, obj=None):
    """Render what higher apps registered for `slot` (core.extensions), each with its own context
    on top of the page's. Rendered in the page's own context, as `{% include %}` does: a fresh
    context for each would run every context processor (the roles, the whole menu) again for each
    row of a list page."""
    request = context.get("request")
    parts = []
    for extension in registry.of(slot):
        extra = extension.context(request, obj) if extension.context else {}
        if extra is None:
            continue
        included = context.template.engine.get_template(extension.template)
        with context.push(object=obj, **extra):
            parts.append(included.render(context))
    return mark_safe("".join(parts))
