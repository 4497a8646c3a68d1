"""Deterministic synthetic Dutch dataset (companies, contacts, website leads) and base tables."""

from .base_tables import BASE_TABLE_NAMES, load_base_table
from .generate import generate_companies, generate_contacts, generate_websites_and_leads

__all__ = [
    "BASE_TABLE_NAMES",
    "generate_companies",
    "generate_contacts",
    "generate_websites_and_leads",
    "load_base_table",
]
