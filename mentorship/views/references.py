"""Reference lists (directions, forms, mentee categories, positions): one set of views for all."""

from django.http import Http404
from django.urls import reverse
from django.views.generic import CreateView, ListView, UpdateView

from core.views import ServiceFormMixin
from mentorship.services.bank import reference_item_save
from people.access import RoleRequiredMixin

from ..forms import reference_form_class
from ..models import REFERENCE_MODELS
from ..roles import BANK_KEEPERS, BANK_READERS


class ReferenceMixin(RoleRequiredMixin):
    def get_model(self):
        model = REFERENCE_MODELS.get(self.kwargs["kind"])
        if model is None:
            raise Http404("Нет такого справочника.")
        return model

    def get_queryset(self):
        return self.get_model().objects.all()

    def get_context_data(self, **kwargs):
        model = self.get_model()
        return super().get_context_data(
            kind=self.kwargs["kind"],
            list_title=str(model._meta.verbose_name_plural).capitalize(),
            item_title=str(model._meta.verbose_name),
            references=[(kind, str(m._meta.verbose_name_plural).capitalize()) for kind, m in REFERENCE_MODELS.items()],
            flag_fields=[f for f in model._meta.fields if isinstance(f.default, bool) and f.name != "is_active"],
            can_edit=bool(self.roles & BANK_KEEPERS),
            **kwargs,
        )


class ReferenceListView(ReferenceMixin, ListView):
    allowed_roles = BANK_READERS
    template_name = "mentorship/reference_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        names = [flag.name for flag in context["flag_fields"]]
        context["rows"] = [(item, [getattr(item, name) for name in names]) for item in context["object_list"]]
        return context


class ReferenceFormMixin(ReferenceMixin, ServiceFormMixin):
    allowed_roles = BANK_KEEPERS
    template_name = "mentorship/reference_form.html"

    def get_form_class(self):
        return reference_form_class(self.get_model())

    def run_service(self, form):
        return reference_item_save(item=form.instance, actor=self.request.user)

    def get_success_url(self):
        return reverse("mentorship:reference-list", args=[self.kwargs["kind"]])


class ReferenceCreateView(ReferenceFormMixin, CreateView):
    success_message = "Добавлено в справочник."


class ReferenceUpdateView(ReferenceFormMixin, UpdateView):
    success_message = "Изменения сохранены."
