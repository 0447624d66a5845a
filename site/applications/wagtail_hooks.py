"""Wagtail admin registration for applications (coordinators' and reviewers' listing).

The permission policy is registered first, at import: Wagtail creates a fallback policy for a
model the first time anyone asks, and refuses a custom one after that.
"""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from applications.admin.permissions import ApplicationPermissionPolicy
from applications.models import Application

register_permission_policy(Application, ApplicationPermissionPolicy())


@hooks.register("register_admin_viewset")
def register_application_viewset():
    from applications.admin.viewsets import application_viewset

    return application_viewset
