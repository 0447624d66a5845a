"""Privacy (GDPR): the personal-data inventory, a person's data export, erasure and retention."""
