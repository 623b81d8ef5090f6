"""Query lookups our databases need beyond Django's own."""

from django.core.exceptions import EmptyResultSet
from django.db.models import IntegerField
from django.db.models.lookups import In


@IntegerField.register_lookup
class IntegerFieldIn(In):
    """`id__in=[…]` with a number no integer column holds (an id typed as 99999999999999999999):
    Django drops such a number from `exact`, `gt` and the like, but passes it on in `in`, where
    SQLite fails with OverflowError and PostgreSQL compares numerics. No row has such an id, so it
    is left out of the list, and a list left empty matches nothing."""

    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            low, high = connection.ops.integer_field_range(self.lhs.output_field.get_internal_type())
            kept = [
                value
                for value in self.rhs
                if not isinstance(value, int) or ((low is None or value >= low) and (high is None or value <= high))
            ]
            if not kept:
                raise EmptyResultSet
            self.rhs = kept
        return super().process_rhs(compiler, connection)
