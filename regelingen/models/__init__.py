"""Schemes (regelingen) and policy documents (beleidsdocumenten) with typed, filterable fields.

Taxonomy comes from goodpractices (one place for Regio, Doelgroep, Organisatie). Status of a
scheme is derived from its dates, never typed in, so it cannot go stale.
"""

from .documents import BeleidsdocumentBijlage, BeleidsdocumentIndexPage, BeleidsdocumentPage
from .schemes import (
    STATUS_AFGELOPEN,
    STATUS_LABELS,
    STATUS_LOPEND,
    STATUS_TERMS,
    RegelingIndexPage,
    RegelingPage,
    derived_status,
)

__all__ = [
    "STATUS_AFGELOPEN",
    "STATUS_LABELS",
    "STATUS_LOPEND",
    "STATUS_TERMS",
    "BeleidsdocumentBijlage",
    "BeleidsdocumentIndexPage",
    "BeleidsdocumentPage",
    "RegelingIndexPage",
    "RegelingPage",
    "derived_status",
]
