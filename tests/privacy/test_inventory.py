"""The personal-data inventory covers every table: a new model that links to a person or an
application, or has an email- or name-like field, fails here until it is listed."""

from __future__ import annotations

import re

from django.apps import apps
from django.db import models

from applications.models import Application, Person
from workflows.privacy import inventory
from workflows.privacy.erasure import HANDLERS

NAME_LIKE = re.compile(r"(^|_)(e?mail|name|full_name|first_name|last_name|username|to)$")


def _links_to_person(model, seen=None, depth=0) -> bool:
    """A relation to Person or Application, directly or one hop further (a review's
    assignment's application, a meeting's match's application)."""
    for f in model._meta.get_fields():
        if not (f.is_relation and f.concrete and f.related_model):
            continue
        target = f.related_model
        if target in (Person, Application):
            return True
        deeper = depth < 2 and target._meta.app_label not in ("auth", "contenttypes", "wagtailcore")
        if deeper and target is not model and _links_to_person(target, seen, depth + 1):
            return True
    return False


def _name_like(model) -> list[str]:
    return [
        f.name
        for f in model._meta.concrete_fields
        if isinstance(f, models.EmailField | models.CharField) and NAME_LIKE.search(f.name)
    ]


def test_every_model_with_personal_data_is_in_the_inventory():
    missing = []
    for model in apps.get_models():
        label = model._meta.label
        if inventory.listed(label):
            continue
        if _links_to_person(model) or _name_like(model):
            missing.append(f"{label} ({', '.join(_name_like(model)) or 'links to a person'})")
    assert not missing, (
        "Add these to workflows/privacy/inventory.py (ITEMS, or NO_PERSONAL_DATA with a "
        "reason):\n  " + "\n  ".join(missing)
    )


def test_the_inventory_names_real_models_fields_and_handlers():
    for item in inventory.ITEMS:
        app_label = item.model.split(".")[0]
        if not apps.is_installed(app_label) and app_label not in {
            c.label for c in apps.get_app_configs()
        }:
            continue
        model = apps.get_model(item.model)
        for name in (*item.export, *item.blank):
            model._meta.get_field(name)
        for lookup in item.lookups:
            assert model.objects.filter(**{lookup: 1}).query is not None
        assert item.action in (
            inventory.DELETE,
            inventory.ANONYMISE,
            inventory.KEEP,
            inventory.SPECIAL,
            inventory.NONE,
        )
        if item.action == inventory.SPECIAL:
            assert item.handler in HANDLERS, item.model
        if item.action == inventory.ANONYMISE:
            assert item.blank, item.model
    for label in inventory.NO_PERSONAL_DATA:
        assert inventory.item_for(label) is None, f"{label} is listed twice"


def test_a_forgotten_table_would_be_found():
    """The check itself works: a model with a person link and no entry is reported."""

    assert _links_to_person(apps.get_model("programme_life.CalendarFeed"))
    assert _name_like(apps.get_model("notifications.OutboundEmail")) == ["to"]
    assert not inventory.listed("privacy.SomethingNew")
