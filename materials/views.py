"""Pages of the methodological library.

The list and a material's page are open to its readers (materials.roles.READERS), each seeing the
materials the selector gives them — another audience's or a withdrawn material is a 404 for a mentor
or a mentee; publishing, correcting and withdrawing to the council and the curator. A file goes out
only through `MaterialFileView`, under the material's title."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import DetailView, FormView

from core.history import Source
from core.views import (
    Confirmation,
    ConfirmedActionMixin,
    RecordHistoryView,
    form_errors,
    report_errors,
    show_outcome,
)
from people.access import ProtectedFileView, RoleRequiredMixin, ScopedListView

from .filters import MaterialFilter
from .forms import MaterialForm
from .models import Material
from .roles import OVERSEERS, PUBLISHERS, READERS
from .selectors import editable_materials, materials_for
from .services import material_save, material_withdraw


class MaterialListView(ScopedListView):
    allowed_roles = READERS
    selector = materials_for
    filterset_class = MaterialFilter
    template_name = "materials/material_list.html"
    context_object_name = "materials"
    paginate_by = 20

    def get_context_data(self, **kwargs):
        return super().get_context_data(can_publish=bool(self.roles & PUBLISHERS), **kwargs)


class MaterialDetailView(RoleRequiredMixin, DetailView):
    allowed_roles = READERS
    template_name = "materials/material_detail.html"
    context_object_name = "material"

    def get_queryset(self):
        return materials_for(self.request.user)

    def get_context_data(self, **kwargs):
        can_edit = bool(self.roles & PUBLISHERS) and not self.object.is_withdrawn
        return super().get_context_data(can_edit=can_edit, can_read_history=bool(self.roles & OVERSEERS), **kwargs)


class MaterialHistoryView(RoleRequiredMixin, RecordHistoryView):
    """Who published, corrected and withdrew the material, and what changed: for those who keep the
    library and the head (a mentor and a mentee read the material, not its making)."""

    allowed_roles = OVERSEERS

    def get_queryset(self):
        return materials_for(self.request.user)

    def history_sources(self):
        return [Source("Методический материал", Material.history.filter(id=self.object.pk))]


class MaterialFormMixin(RoleRequiredMixin):
    allowed_roles = PUBLISHERS
    template_name = "materials/material_form.html"
    form_class = MaterialForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.material}

    def get_context_data(self, **kwargs):
        return super().get_context_data(material=self.material, **kwargs)

    def form_valid(self, form):
        material = form.save(commit=False)
        try:
            outcome = material_save(
                material=material,
                directions=form.cleaned_data["directions"],
                forms=form.cleaned_data["forms"],
                actor=self.request.user,
            )
        except ValidationError as error:
            form_errors(form, error)
            return self.form_invalid(form)
        show_outcome(self.request, outcome, self.success_message)
        return redirect(outcome.obj.get_absolute_url())

    def form_invalid(self, form):
        messages.error(self.request, "Материал не сохранён: исправьте отмеченные поля.")
        return super().form_invalid(form)


class MaterialCreateView(MaterialFormMixin, FormView):
    success_message = "Материал опубликован."

    @cached_property
    def material(self) -> Material:
        return Material()


class MaterialUpdateView(MaterialFormMixin, FormView):
    success_message = "Изменения сохранены."

    @cached_property
    def material(self) -> Material:
        return get_object_or_404(editable_materials(self.request.user), pk=self.kwargs["pk"])


class MaterialWithdrawView(RoleRequiredMixin, ConfirmedActionMixin, View):
    """«Снять с публикации»: the material's readers stop seeing it; it is kept, with its file."""

    allowed_roles = PUBLISHERS

    def confirmation(self) -> Confirmation:
        material = get_object_or_404(editable_materials(self.request.user), pk=self.kwargs["pk"])
        return Confirmation(
            title=f"Снять с публикации: «{material}»",
            consequences=[
                f"{material.readers_text} больше не увидят этот материал: ни в списке, ни по ссылке.",
                "Материал останется в библиотеке для методического объединения, куратора и руководителя, "
                "с отметкой, кто и когда снял его; вернуть его можно, опубликовав заново.",
            ],
            button="Снять с публикации",
            cancel_url=material.get_absolute_url(),
        )

    def post(self, request, pk):
        material = get_object_or_404(editable_materials(request.user), pk=pk)
        try:
            material_withdraw(material=material, actor=request.user)
        except ValidationError as error:
            report_errors(request, error)
        else:
            messages.success(request, f"Материал «{material}» снят с публикации.")
        return redirect(material.get_absolute_url())


class MaterialFileView(ProtectedFileView):
    allowed_roles = READERS
    file_field = "file"

    def get_queryset(self):
        return materials_for(self.request.user).exclude(file="")
