"""First start without the demo: our organization with its requisites, its head, and the first
system administrator. Everything else is then done in the browser."""

import getpass
import os
import sys

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.models import User
from people.models import Organization, Person, Position
from people.services import organization_save, person_save

REQUIRED = {
    "full_name": "Полное наименование организации",
    "short_name": "Краткое наименование",
    "head": "ФИО руководителя (Фамилия Имя Отчество)",
}


class Command(BaseCommand):
    help = (
        "Первый запуск: создаёт организацию с реквизитами, руководителя и первого системного администратора. "
        "Пароли берутся из NASTAVNIK_ADMIN_PASSWORD и NASTAVNIK_HEAD_PASSWORD или спрашиваются."
    )

    def add_arguments(self, parser):
        parser.add_argument("--full-name", help=REQUIRED["full_name"])
        parser.add_argument("--short-name", help=REQUIRED["short_name"])
        parser.add_argument("--address", default="")
        parser.add_argument("--inn", default="")
        parser.add_argument("--ogrn", default="")
        parser.add_argument("--phone", default="")
        parser.add_argument("--email", default="")
        parser.add_argument("--head", help=REQUIRED["head"])
        parser.add_argument("--head-position", default="Заведующий", help="Должность руководителя из справочника")
        parser.add_argument("--head-username", default="", help="Логин руководителя (необязательно)")
        parser.add_argument("--admin-username", default="admin")
        parser.add_argument("--admin-email", default="")

    def handle(self, *args, **options):
        if Organization.objects.filter(kind=Organization.Kind.OWN).exists():
            raise CommandError("Организация уже создана. Реквизиты меняются на странице «Настройки».")
        interactive = sys.stdin.isatty()
        for key, label in REQUIRED.items():
            if not options.get(key):
                if not interactive:
                    raise CommandError(f"Не указано: {label} (--{key.replace('_', '-')}).")
                options[key] = input(f"{label}: ").strip()
        parts = options["head"].split()
        if len(parts) < 2:
            raise CommandError("ФИО руководителя: нужны хотя бы фамилия и имя.")
        position = Position.objects.filter(name=options["head_position"]).first()
        if position is None:
            raise CommandError(f"Нет должности «{options['head_position']}» в справочнике должностей.")
        if User.objects.filter(username=options["admin_username"]).exists():
            raise CommandError(f"Логин «{options['admin_username']}» уже занят.")

        admin_password = self._password("NASTAVNIK_ADMIN_PASSWORD", "администратора", interactive)
        head_password = (
            self._password("NASTAVNIK_HEAD_PASSWORD", "руководителя", interactive) if options["head_username"] else None
        )
        try:
            with transaction.atomic():
                admin = User(username=options["admin_username"], email=options["admin_email"])
                admin.is_superuser = admin.is_staff = True
                validate_password(admin_password, admin)
                admin.set_password(admin_password)
                admin.full_clean()
                admin.save()
                organization = Organization(
                    kind=Organization.Kind.OWN,
                    **{
                        key: options[key]
                        for key in ("full_name", "short_name", "address", "inn", "ogrn", "phone", "email")
                    },
                )
                organization_save(organization=organization, actor=admin)
                head = Person(
                    organization=organization,
                    last_name=parts[0],
                    first_name=parts[1],
                    middle_name=" ".join(parts[2:]),
                    position=position,
                )
                if options["head_username"]:
                    head_user = User(username=options["head_username"])
                    validate_password(head_password, head_user)
                    head_user.set_password(head_password)
                    head_user.full_clean()
                    head_user.save()
                    head.user = head_user
                person_save(person=head, actor=admin)
                organization.head = head
                organization_save(organization=organization, actor=admin)
        except ValidationError as error:
            raise CommandError("Ничего не создано: " + "; ".join(error.messages)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Создано: {organization.short_name}, руководитель {head.full_name}, "
                f"администратор «{admin.username}». Войдите на /accounts/login/ и загрузите список сотрудников."
            )
        )

    def _password(self, variable: str, whose: str, interactive: bool) -> str:
        password = os.environ.get(variable, "")
        if password:
            return password
        if not interactive:
            raise CommandError(f"Пароль {whose}: задайте переменную окружения {variable}.")
        first = getpass.getpass(f"Пароль {whose}: ")
        if first != getpass.getpass("Ещё раз: "):
            raise CommandError("Пароли не совпадают.")
        return first
