"""The access-control matrix: who may reach which URL (see ``table.py`` and
``tests/trust/test_access_matrix.py``)."""
