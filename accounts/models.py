from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """A login. Who the person is (ФИО, post, roles) lives in the staff registry: `people.Person`.

    The system administrator role is `is_superuser`; every other role follows from records.
    """

    class Meta:
        verbose_name = "учётная запись"
        verbose_name_plural = "учётные записи"
        ordering = ["username"]

    def __str__(self) -> str:
        person = getattr(self, "person", None)
        return f"{self.username} ({person.short_name})" if person else self.username
