"""The coordinators' Wagtail admin for applications: listing, filters, inspect view, export.

Registered from :mod:`applications.wagtail_hooks`. Every view and export starts from
:func:`applications.admin.permissions.visible_applications`, which defers to the review
app's ``applications_visible_to`` (coordinators: all of their cohorts; reviewers: only the
applications assigned to them).
"""
