"""Mentoring agreements: tailored, bilingual, signed in the portal, sealed PDFs."""
