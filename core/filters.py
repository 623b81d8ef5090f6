"""What every list filter shares: the sort menu with a Russian label for each direction."""

import django_filters


class SortFilter(django_filters.OrderingFilter):
    """The «Сортировка» menu. Each order is given as `param: (lookup, ascending, descending)`, both
    labels in Russian. django-filter's own OrderingFilter takes the ascending label by the model
    field's lookup and the descending one by the parameter, and shows the English parameter
    («Name», «Since») wherever a key does not match; here the labels are required, so no choice
    can go without one."""

    def __init__(self, *, orders: dict[str, tuple[str, str, str]], **kwargs):
        self.orders = orders
        kwargs.setdefault("label", "Сортировка")
        super().__init__(fields=[(lookup, param) for param, (lookup, _, _) in orders.items()], **kwargs)

    def build_choices(self, fields, labels):
        choices = []
        for param, (_, ascending, descending) in self.orders.items():
            choices += [(param, ascending), (f"-{param}", descending)]
        return choices
