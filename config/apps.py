from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig


class AdminConfig(DjangoAdminConfig):
    """Django's admin with our site (core.admin_site.AdminSite) as `admin.site`."""

    default_site = "core.admin_site.AdminSite"
