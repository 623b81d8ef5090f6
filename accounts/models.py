from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """A login. Who the person is (ФИО, post, roles) lives in the staff registry: `people.Person`.

    The system administrator role is `is_superuser`; every other role follows from records.
    """

    # Set with a password the system made up (a new login, a reset); until the user picks their own,
    # every page leads to the password change (accounts.middleware).
    must_change_password = models.BooleanField("сменить пароль при входе", default=False)

    class Meta:
        # The admin builds «Добавить %(name)s», «Выберите %s для изменения», «%(name)s «…» был успешно
        # добавлен» from the nominative: only a masculine inanimate noun (accusative = nominative)
        # reads right in all of them. «учётная запись» gave «Добавить учётная запись».
        verbose_name = "логин"
        verbose_name_plural = "логины"
        ordering = ["username"]

    def __str__(self) -> str:
        person = getattr(self, "person", None)
        return f"{self.username} ({person.short_name})" if person else self.username
