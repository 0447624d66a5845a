"""Agreement URLs inside i18n_patterns: the participants' portal pages and verification."""

from django.urls import path

from workflows.agreements import views

app_name = "agreements"
urlpatterns = [
    path("portal/agreements/", views.agreement_list, name="list"),
    path("portal/agreements/<int:pk>/", views.agreement_detail, name="detail"),
    path("portal/agreements/<int:pk>/sign/", views.agreement_sign, name="sign"),
    path("portal/agreements/<int:pk>/reject/", views.agreement_reject, name="reject"),
    path("portal/agreements/<int:pk>/propose/", views.agreement_propose, name="propose"),
    path("portal/agreements/<int:pk>/agreement.pdf", views.agreement_issued_pdf, name="issued_pdf"),
    path("portal/agreements/<int:pk>/signed.pdf", views.agreement_sealed_pdf, name="sealed_pdf"),
    path("verify/", views.verify, name="verify"),
    path("verify/<str:code>/", views.verify, name="verify_code"),
]
