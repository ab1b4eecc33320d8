"""`has_item`: a JSON array field contains a given string, on SQLite and PostgreSQL.

Django's `contains` on JSONField is not available on SQLite; targeting needs
"this subscriber's topics include the alert's category" on both databases.
"""

from django.db.models import JSONField, Lookup


@JSONField.register_lookup
class HasItem(Lookup):
    lookup_name = "has_item"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return (  # lhs is SQL compiled by Django; the value is a parameter
            f"EXISTS (SELECT 1 FROM json_each({lhs}) WHERE json_each.value = %s)",  # noqa: S608
            [*lhs_params, self.rhs],
        )

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"({lhs})::jsonb ? %s", [*lhs_params, self.rhs]
