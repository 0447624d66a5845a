"""Institutions in the headless API (Wagtail API v3, django-ninja).

Two things, both wired from ``InstitutionsConfig.ready()`` because Wagtail builds the page
schemas when its v3 router module is first imported and django-ninja refuses new routers once
``api.urls`` has been read:

* Many-to-many fields (``CohortPage.mentee_institutions`` / ``mentor_institutions``) serialise
  as a list of the related objects with their ``api_fields``, in the page's own language,
  instead of a bare list of ids a client could not resolve (Wagtail 8.0 has no endpoint for
  snippets).
* ``/api/v3/institutions/`` lists the partner institutions, filterable by ``locale``; the
  schema discovery (``/api/v3/schema/``) names ``institutions.Institution``.
"""

from typing import Any

from django.db.models import ManyToManyField, Model
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router
from ninja.pagination import paginate
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.api.v3.schemas import BaseSchema
from wagtail.api.v3.schemas.generators.read import FieldSchema, SchemaGenerator, read_generator
from wagtail.models import Locale, TranslatableMixin

from institutions.models import Institution


def in_locale_of(owner: Model, related: Model) -> Model:
    """``related`` in ``owner``'s language when both are translatable and a translation exists.

    A translated cohort keeps pointing at the source-language institutions (wagtail-localize
    synchronises the relation), so the German cohort would otherwise name them in English.
    """
    locale_id = getattr(owner, "locale_id", None)
    if locale_id is None or not isinstance(related, TranslatableMixin):
        return related
    if related.locale_id == locale_id:
        return related
    return related.get_translation_or_none(locale_id) or related


def many_to_many_schema(generator: SchemaGenerator, field: ManyToManyField) -> FieldSchema:
    """Type a many-to-many field as a list of the related model's read schema."""
    schema = generator.get_reverse_related_schema(field.related_model)
    field_name = field.name

    def resolve(obj: Model, context: dict) -> list[Any]:
        return [in_locale_of(obj, item) for item in getattr(obj, field_name).all()]

    return list[schema], [], staticmethod(resolve)  # type: ignore[valid-type]


def _locale_code(obj: Institution, context: dict) -> str:
    return obj.locale.language_code


InstitutionSchema = read_generator.extend_schema(
    read_generator.build_schema(
        Institution,
        name="InstitutionBaseSchema",
        base_class=BaseSchema,
        follow_reverse_related=False,
    ),
    "InstitutionSchema",
    {
        "locale": (str, ..., staticmethod(_locale_code)),
        "country_name": (str, ..., staticmethod(lambda obj, context: obj.get_country_display())),
    },
)

router = Router(tags=["institutions"])


@router.get(
    "/",
    response=list[InstitutionSchema],
    url_name="list_institutions",
    summary="List partner institutions",
    operation_id="institutions_list",
)
@paginate(WagtailLimitOffsetPagination)
def list_institutions(
    request: HttpRequest,
    locale: str | None = None,
    country: Institution.Country | None = None,
):
    """Partner institutions, optionally in one language (``?locale=de``) or one country."""
    queryset = Institution.objects.select_related("locale", "logo").order_by("name", "pk")
    if locale:
        queryset = queryset.filter(locale=get_object_or_404(Locale, language_code=locale))
    if country:
        queryset = queryset.filter(country=country)
    return queryset


@router.get(
    "/{institution_id}/",
    response=InstitutionSchema,
    url_name="detail_institution",
    summary="Partner institution detail",
    operation_id="institutions_detail",
)
def get_institution(request: HttpRequest, institution_id: int):
    return get_object_or_404(Institution.objects.select_related("locale"), pk=institution_id)


def register_api() -> None:
    """Teach the v3 schema generator many-to-many fields, mount ``/institutions/`` and list
    institutions in the schema discovery (``/api/v3/schema/``)."""
    read_generator.register_field_schema(ManyToManyField, many_to_many_schema)
    from wagtail.api.v3.api import api
    from wagtail.api.v3.registry import ContentTypeRegistration, registry

    registry.register(
        ContentTypeRegistration(
            name=Institution._meta.label,
            label=str(Institution._meta.verbose_name),
            read_schema=InstitutionSchema,
        )
    )

    if not any(prefix == "/institutions/" for prefix, _router in api._routers):
        api.add_router("/institutions/", router)
